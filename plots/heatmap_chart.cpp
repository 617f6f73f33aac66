// Heatmaps (include/brink/plots/primitives.hpp): matrices side by side sharing one colour scale, laid out in
// pixels of the nominal canvas (the PDF keeps its proportions).
#include "brink/plots/primitives.hpp"

#include "run_files.hpp"
#include "script_utils.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace brink::plots {

namespace {

using detail::format_fixed;
using detail::k_canvas_height;
using detail::k_canvas_width;
using detail::script_number;

// Where the panels go, in pixels of the nominal canvas.
struct HeatmapLayout {
    int panel_count = 0;
    bool shared_rows = false;  ///< Panels with the same rows share the y axis: only the first names them.
    double char_px = 0.0;
    double line_px = 0.0;
    double title_px = 0.0;
    double panel_title_px = 0.0;
    int x_rotation = 45;
    double x_tics_px = 0.0;
    double y_axis_px = 0.0;
    double other_y_axis_px = 0.0;
    double gap_px = 0.0;
    double panel_width_px = 0.0;
    double panel_height_px = 0.0;
    double left_px = 0.0;
    int footer_lines = 0;  ///< Caption and mark legend under the panels.
};

// What the axes' text needs room for.
struct HeatmapText {
    std::size_t y_tic_width = 4;
    std::size_t x_tic_width = 4;
    bool categorical_x = false;
    bool any_y_label = false;
    bool any_x_label = false;
    std::size_t most_columns = 1;
};

HeatmapText text_of(const HeatmapChart& chart) {
    HeatmapText text;
    for (const auto& panel : chart.panels) {
        for (const auto& name : panel.y_names) {
            text.y_tic_width = std::max(text.y_tic_width, detail::text_width(name));
        }
        for (const auto& name : panel.x_names) {
            text.x_tic_width = std::max(text.x_tic_width, detail::text_width(name));
        }
        text.categorical_x = text.categorical_x || !panel.x_names.empty();
        text.any_y_label = text.any_y_label || !panel.y_label.empty();
        text.any_x_label = text.any_x_label || !panel.x_label.empty();
        if (!panel.values.empty()) {
            text.most_columns = std::max(text.most_columns, panel.values.front().size());
        }
    }
    return text;
}

HeatmapLayout layout_of(const HeatmapChart& chart) {
    HeatmapLayout layout;
    layout.panel_count = static_cast<int>(chart.panels.size());
    const HeatmapText text = text_of(chart);
    layout.shared_rows = layout.panel_count > 1;
    for (const auto& panel : chart.panels) {
        layout.shared_rows = layout.shared_rows && panel.y_names == chart.panels.front().y_names &&
                             panel.y_values == chart.panels.front().y_values &&
                             panel.y_label == chart.panels.front().y_label;
    }
    layout.char_px = detail::k_char_width * k_canvas_width;
    layout.line_px = detail::k_line_height * k_canvas_height;
    layout.title_px = chart.title.empty() ? 20.0 : 2.4 * layout.line_px;
    layout.panel_title_px = layout.panel_count > 1 ? 1.6 * layout.line_px : 0.4 * layout.line_px;
    // Column names are rotated (45 degrees, or upright when there are many columns); their height is their
    // length times the sine of the angle.
    layout.x_rotation = text.most_columns > 16 ? 90 : 45;
    layout.x_tics_px = text.categorical_x ? static_cast<double>(text.x_tic_width) * layout.char_px *
                                                    (layout.x_rotation == 90 ? 1.0 : 0.72) +
                                                0.8 * layout.line_px
                                          : 1.6 * layout.line_px;
    const double x_label_px = text.any_x_label ? 1.5 * layout.line_px : 0.3 * layout.line_px;
    layout.footer_lines = (chart.caption.empty() ? 0 : 1) + (chart.mark_label.empty() ? 0 : 1);
    const double bottom_px = layout.x_tics_px + x_label_px + 6.0 + layout.footer_lines * 1.2 * layout.line_px;
    // Tic labels (estimated generously: underscores and capitals are wider than the average character), then
    // the rotated y label.
    layout.y_axis_px = static_cast<double>(text.y_tic_width) * 1.1 * layout.char_px +
                       (text.any_y_label ? 4.5 : 1.5) * layout.char_px;
    layout.other_y_axis_px = layout.shared_rows ? 0.0 : layout.y_axis_px;
    layout.gap_px = layout.shared_rows ? 28.0 : 30.0;
    const double colour_box_px = 130.0;
    const double height_px = k_canvas_height - layout.title_px - layout.panel_title_px - bottom_px;
    const double width_px = (k_canvas_width - layout.y_axis_px - colour_box_px -
                             (layout.panel_count - 1) * (layout.gap_px + layout.other_y_axis_px)) /
                            std::max(1, layout.panel_count);
    layout.panel_width_px = width_px;
    layout.panel_height_px = height_px;
    layout.left_px = layout.y_axis_px;
    if (chart.panel_shape == PanelShape::Square) {
        layout.panel_width_px = layout.panel_height_px = std::max(40.0, std::min(width_px, height_px));
        // Centre the row of panels (with its axis and colour box) on the canvas.
        const double used = layout.y_axis_px + layout.panel_count * layout.panel_width_px +
                            (layout.panel_count - 1) * (layout.gap_px + layout.other_y_axis_px) +
                            colour_box_px;
        layout.left_px += std::max(0.0, (k_canvas_width - used) / 2.0);
    }
    return layout;
}

// One panel's geometry: its cells' positions and its place on the canvas.
struct PanelGeometry {
    const HeatmapPanel* panel = nullptr;
    std::size_t rows = 0;
    std::size_t columns = 0;
    double left_px = 0.0;
    detail::ScreenBox box;

    double x_at(std::size_t c) const {
        return panel->x_values.size() == columns ? panel->x_values[c] : static_cast<double>(c);
    }
    double y_at(std::size_t r) const {
        return panel->y_values.size() == rows ? panel->y_values[r] : static_cast<double>(r);
    }
};

PanelGeometry geometry_of(const HeatmapChart& chart, const HeatmapLayout& layout, int p) {
    PanelGeometry geometry;
    geometry.panel = &chart.panels[static_cast<std::size_t>(p)];
    geometry.rows = geometry.panel->values.size();
    geometry.columns = geometry.rows == 0 ? 0 : geometry.panel->values.front().size();
    geometry.left_px = layout.left_px + p * (layout.panel_width_px + layout.gap_px + layout.other_y_axis_px);
    geometry.box.left = geometry.left_px / k_canvas_width;
    geometry.box.right = (geometry.left_px + layout.panel_width_px) / k_canvas_width;
    geometry.box.top = 1.0 - (layout.title_px + layout.panel_title_px) / k_canvas_height;
    geometry.box.bottom = geometry.box.top - layout.panel_height_px / k_canvas_height;
    return geometry;
}

// Cell values are printed only where they fit: fewer decimals and a smaller font in small cells, none at all
// beyond 15 rows or columns.
struct CellText {
    bool readable = false;
    bool small_cells = false;
    int decimals = 0;
    bool notes = false;  ///< The notes fit under the values.
};

CellText cell_text(const HeatmapChart& chart, const HeatmapLayout& layout, const PanelGeometry& geometry) {
    const std::size_t rows = geometry.rows;
    const std::size_t columns = geometry.columns;
    const double cell_px =
        columns == 0 ? 0.0
                     : std::min(layout.panel_width_px / static_cast<double>(columns),
                                layout.panel_height_px / static_cast<double>(std::max<std::size_t>(1, rows)));
    CellText text;
    text.small_cells = cell_px < 60.0;
    const double digit_px = text.small_cells ? 6.5 : 7.5;
    text.decimals = chart.value_decimals;
    while (text.decimals > 0 && (text.decimals + 3) * digit_px + 4.0 > cell_px) {
        --text.decimals;
    }
    text.readable = chart.cell_labels == CellLabels::Values && rows <= 15 && columns <= 15 &&
                    (text.decimals + 3) * digit_px + 4.0 <= cell_px && cell_px >= 22.0;
    // A note is a second line in a 9 pt font: it needs the cell's width for its text and two lines' height.
    std::size_t note_width = 0;
    for (const auto& row : geometry.panel->notes) {
        for (const auto& note : row) {
            note_width = std::max(note_width, detail::text_width(note));
        }
    }
    const double cell_width_px = columns == 0 ? 0.0 : layout.panel_width_px / static_cast<double>(columns);
    const double cell_height_px =
        layout.panel_height_px / static_cast<double>(std::max<std::size_t>(1, rows));
    text.notes = text.readable && note_width > 0 &&
                 static_cast<double>(note_width) * 6.5 + 8.0 <= cell_width_px && cell_height_px >= 2.6 * 14.0;
    return text;
}

std::string cell_note(const HeatmapPanel& panel, std::size_t row, std::size_t column) {
    return row < panel.notes.size() && column < panel.notes[row].size() ? panel.notes[row][column] : "";
}

// The caption and the mark's legend, under the panels at the left edge of the first.
void write_footer(std::ostringstream& script, const HeatmapChart& chart, const HeatmapLayout& layout,
                  bool notes_shown) {
    double line = 0.45;
    const std::string caption =
        chart.caption.empty() ? ""
                              : chart.caption + (notes_shown ? chart.notes_caption : chart.notes_missing);
    // From the bottom up: the mark's legend under the caption.
    for (const std::string& text :
         {chart.mark_label.empty() ? std::string() : "○  " + chart.mark_label, caption}) {
        if (text.empty()) {
            continue;
        }
        script << "set label " << gnuplot_quote(text) << " at screen "
               << format_fixed(layout.left_px / k_canvas_width, 4) << ", screen "
               << format_fixed(line * layout.line_px / k_canvas_height, 4) << " left\n";
        line += 1.2;
    }
}

void write_cells(std::ostringstream& script, const HeatmapChart& chart, const PanelGeometry& geometry, int p,
                 const CellText& text) {
    const HeatmapPanel& panel = *geometry.panel;
    script << "$h" << p << " << EOD\n";
    for (std::size_t r = 0; r < geometry.rows; ++r) {
        for (std::size_t c = 0; c < geometry.columns && c < panel.values[r].size(); ++c) {
            double value = panel.values[r][c];
            bool present = std::isfinite(value);
            unsigned colour = detail::text_colour_on(detail::palette_colour(
                chart.palette, present ? value : 0.0, chart.value_min, chart.value_max));
            script << script_number(geometry.x_at(c)) << " " << script_number(geometry.y_at(r)) << " "
                   << (present ? script_number(value) : "NaN") << " "
                   << gnuplot_quote(present && text.readable ? format_fixed(value, text.decimals) : "") << " "
                   << colour;
            if (!panel.notes.empty()) {
                script << " " << gnuplot_quote(text.notes ? cell_note(panel, r, c) : "");
            }
            script << "\n";
        }
    }
    script << "EOD\n";
    if (!panel.marked.empty()) {
        // The mark sits in the cell's top right corner, clear of the printed value.
        const double x_step = geometry.columns > 1 ? geometry.x_at(1) - geometry.x_at(0) : 1.0;
        const double y_step = geometry.rows > 1 ? geometry.y_at(1) - geometry.y_at(0) : 1.0;
        const double up = panel.y_names.empty() ? 0.36 : -0.36;  // categorical rows run top to bottom
        script << "$m" << p << " << EOD\n";
        for (std::size_t r = 0; r < geometry.rows && r < panel.marked.size(); ++r) {
            for (std::size_t c = 0; c < geometry.columns && c < panel.marked[r].size(); ++c) {
                if (!panel.marked[r][c]) {
                    continue;
                }
                const double value = panel.values[r][c];
                const unsigned colour = detail::text_colour_on(detail::palette_colour(
                    chart.palette, std::isfinite(value) ? value : 0.0, chart.value_min, chart.value_max));
                script << script_number(geometry.x_at(c) + 0.38 * x_step) << " "
                       << script_number(geometry.y_at(r) + up * y_step) << " " << colour << "\n";
            }
        }
        script << "EOD\n";
    }
}

// Axis labels are placed at fixed spots: gnuplot's own placement is pushed off the canvas by long rotated tic
// labels when the margins are fixed.
void write_axis_labels(std::ostringstream& script, const HeatmapLayout& layout, const PanelGeometry& geometry,
                       bool names_rows) {
    const HeatmapPanel& panel = *geometry.panel;
    const detail::ScreenBox& box = geometry.box;
    script << "set xlabel \"\"\nset ylabel \"\"\nunset label\n";
    if (!panel.y_label.empty() && names_rows) {
        script << "set label " << gnuplot_quote(panel.y_label) << " at screen "
               << format_fixed((geometry.left_px - layout.y_axis_px + 1.4 * layout.char_px) / k_canvas_width,
                               4)
               << ", screen " << format_fixed((box.bottom + box.top) / 2.0, 4) << " center rotate by 90\n";
    }
    if (!panel.x_label.empty()) {
        script << "set label " << gnuplot_quote(panel.x_label) << " at screen "
               << format_fixed((box.left + box.right) / 2.0, 4) << ", screen "
               << format_fixed(box.bottom - (layout.x_tics_px + 0.6 * layout.line_px) / k_canvas_height, 4)
               << " center\n";
    }
}

void write_ranges_and_tics(std::ostringstream& script, const HeatmapLayout& layout,
                           const PanelGeometry& geometry, bool names_rows) {
    const HeatmapPanel& panel = *geometry.panel;
    const std::size_t rows = geometry.rows;
    const std::size_t columns = geometry.columns;
    auto half_step = [](const std::vector<double>& values, std::size_t count) {
        return count > 1 && values.size() == count ? (values[1] - values[0]) / 2.0 : 0.5;
    };
    double x_half = half_step(panel.x_values, columns);
    double y_half = half_step(panel.y_values, rows);
    double x_low = columns == 0 ? -0.5 : geometry.x_at(0) - x_half;
    double x_high = columns == 0 ? 0.5 : geometry.x_at(columns - 1) + x_half;
    double y_low = rows == 0 ? -0.5 : geometry.y_at(0) - y_half;
    double y_high = rows == 0 ? 0.5 : geometry.y_at(rows - 1) + y_half;
    script << "set xrange [" << script_number(x_low) << ":" << script_number(x_high) << "]\n";
    if (!panel.y_names.empty()) {
        // Categorical rows read top to bottom, as a matrix is written.
        script << "set yrange [" << script_number(y_high) << ":" << script_number(y_low) << "]\n";
    } else {
        script << "set yrange [" << script_number(y_low) << ":" << script_number(y_high) << "]\n";
    }
    if (!panel.x_names.empty()) {
        std::vector<NamedTic> tics;
        for (std::size_t c = 0; c < panel.x_names.size() && c < columns; ++c) {
            tics.emplace_back(geometry.x_at(c), panel.x_names[c]);
        }
        script << detail::named_tics_command("x", tics,
                                             "rotate by " + std::to_string(layout.x_rotation) + " right");
    } else {
        script << "set xtics autofreq norotate\n";
    }
    script << "set format y " << (names_rows ? "\"% h\"" : "\"\"") << "\n";
    if (!panel.y_names.empty()) {
        std::vector<NamedTic> tics;
        for (std::size_t r = 0; r < panel.y_names.size() && r < rows; ++r) {
            tics.emplace_back(geometry.y_at(r), names_rows ? panel.y_names[r] : "");
        }
        script << detail::named_tics_command("y", tics);
    } else {
        script << "set ytics autofreq\n";
    }
}

void write_panel(std::ostringstream& script, const HeatmapChart& chart, const HeatmapLayout& layout, int p) {
    const PanelGeometry geometry = geometry_of(chart, layout, p);
    const HeatmapPanel& panel = *geometry.panel;
    const detail::ScreenBox& box = geometry.box;
    const CellText text = cell_text(chart, layout, geometry);
    write_cells(script, chart, geometry, p, text);
    script << "# panel " << p << (panel.title.empty() ? "" : ": " + panel.title) << "\n";
    script << detail::margin_commands(box);
    if (layout.panel_count > 1) {
        script << "set title " << gnuplot_quote(panel.title) << "\n";
    }
    const bool names_rows = !(layout.shared_rows && p > 0);
    write_axis_labels(script, layout, geometry, names_rows);
    if (p == 0) {
        write_footer(script, chart, layout, text.notes);
    }
    write_ranges_and_tics(script, layout, geometry, names_rows);
    if (p == layout.panel_count - 1) {
        script << "set colorbox user origin screen "
               << format_fixed((geometry.left_px + layout.panel_width_px + 22.0) / k_canvas_width, 4)
               << ", screen " << format_fixed(box.bottom, 4) << " size screen 0.018, screen "
               << format_fixed(box.top - box.bottom, 4) << "\n";
    } else {
        script << "unset colorbox\n";
    }
    script << "plot $h" << p << " using 1:2:3 with image pixels";
    if (text.readable) {
        script << ", \\\n     $h" << p << " using 1:2:4:5 with labels textcolor rgb variable"
               << (text.notes ? " offset 0,0.55" : "") << (text.small_cells ? " font \",9\"" : "");
    }
    if (text.notes) {
        script << ", \\\n     $h" << p
               << " using 1:2:6:5 with labels textcolor rgb variable offset 0,-0.75 font \",9\"";
    }
    if (!panel.marked.empty()) {
        script << ", \\\n     $m" << p << " using 1:2:3 with points pt 6 ps 0.8 lw 1.2 lc rgb variable";
    }
    script << "\n";
}

}  // namespace

std::string heatmap_script(const HeatmapChart& chart) {
    std::ostringstream script;
    script << style_preamble();
    script << "# " << (chart.title.empty() ? "heatmap" : chart.title) << "\n";
    script << "eval brink_palette_" << (chart.palette == Palette::Diverging ? "diverging" : "sequential")
           << "\n";
    script << "set cbrange [" << script_number(chart.value_min) << ":" << script_number(chart.value_max)
           << "]\n";
    script << "set cblabel " << gnuplot_quote(chart.value_label) << "\n";
    script << "set cbtics out nomirror\nunset grid\nunset key\nset border 15 lc rgb \"#404040\"\n";
    script << "set tics front\n";
    const HeatmapLayout layout = layout_of(chart);
    if (layout.panel_count > 1) {
        script << "set multiplot title " << gnuplot_quote(chart.title) << " font \",13\"\n";
    } else {
        script << "set title " << gnuplot_quote(chart.title) << " font \",13\"\n";
    }
    for (int p = 0; p < layout.panel_count; ++p) {
        write_panel(script, chart, layout, p);
    }
    if (layout.panel_count > 1) {
        script << "unset multiplot\n";
    }
    return script.str();
}

}  // namespace brink::plots
