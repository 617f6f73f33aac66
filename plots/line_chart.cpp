// Line charts (include/brink/plots/primitives.hpp): lines with optional bands over x, in one or more panels
// sharing the x axis and one legend. The layout is computed in screen coordinates (fractions of the canvas)
// so that panels line up and the legend sits in a reserved margin, never over the data.
#include "brink/plots/primitives.hpp"

#include "run_files.hpp"
#include "script_utils.hpp"

#include <algorithm>
#include <sstream>
#include <string>

namespace brink::plots {

namespace {

using detail::format_fixed;
using detail::k_char_width;
using detail::k_line_height;
using detail::script_number;

int style_of(const LineSeries& series, std::size_t position) {
    return series.style >= 0 ? series.style : static_cast<int>(position);
}

double to_axis(double value, AxisKind axis) {
    return axis == AxisKind::Date ? value * detail::k_seconds_per_day : value;
}

// The x range of the data (or the chart's fixed range), never empty.
detail::DataRange x_range_of(const LineChart& chart) {
    detail::DataRange x_range;
    for (const auto& panel : chart.panels) {
        for (const auto& series : panel.series) {
            for (double x : series.x) {
                x_range.add(x);
            }
        }
        // A marker outside the data (an observed date after the horizon) widens the axis to show it.
        for (const auto& marker : panel.markers) {
            x_range.add(marker.x);
        }
    }
    if (chart.x_range) {
        x_range.low = chart.x_range->first;
        x_range.high = chart.x_range->second;
    }
    if (x_range.empty()) {
        x_range = {0.0, 1.0};
    }
    if (x_range.high == x_range.low) {
        x_range.high = x_range.low + 1.0;
    }
    return x_range;
}

// What the chart's text needs room for: the widest y tic label and legend entry, and which optional parts
// are there.
struct LineContent {
    std::size_t y_tic_width = 4;
    std::size_t key_width = 0;
    bool any_key = false;
    bool any_markers = false;
    bool any_panel_title = false;
    bool any_y_label = false;
    bool shared_y = false;  ///< Panels in a grid with the same y axis: only the first column labels it.
    std::size_t legend_entries = 0;  ///< Distinct legend entries of series with data.
};

std::size_t distinct_legend_entries(const LineChart& chart) {
    std::vector<std::pair<bool, std::string>> distinct_entries;
    for (const auto& panel : chart.panels) {
        for (const auto& series : panel.series) {
            if (series.x.empty()) {
                continue;
            }
            for (auto entry :
                 {std::make_pair(true, series.band_label), std::make_pair(false, series.label)}) {
                if (!entry.second.empty() && (!entry.first || !series.lo.empty()) &&
                    std::find(distinct_entries.begin(), distinct_entries.end(), entry) ==
                        distinct_entries.end()) {
                    distinct_entries.push_back(entry);
                }
            }
        }
    }
    return distinct_entries.size();
}

LineContent content_of(const LineChart& chart, int columns) {
    LineContent content;
    for (const auto& panel : chart.panels) {
        for (const auto& tic : panel.y_tics) {
            content.y_tic_width = std::max(content.y_tic_width, detail::text_width(tic.second));
        }
        for (const auto& series : panel.series) {
            if (!series.label.empty()) {
                content.any_key = true;
                content.key_width = std::max(content.key_width, detail::text_width(series.label));
            }
            if (!series.band_label.empty() && !series.lo.empty()) {
                content.any_key = true;
                content.key_width = std::max(content.key_width, detail::text_width(series.band_label));
            }
        }
        content.any_markers = content.any_markers || !panel.markers.empty();
        content.any_panel_title = content.any_panel_title || !panel.title.empty();
        content.any_y_label = content.any_y_label || !panel.y_label.empty();
    }
    content.shared_y = columns > 1;
    for (const auto& panel : chart.panels) {
        content.shared_y = content.shared_y && panel.y_tics == chart.panels.front().y_tics &&
                           panel.y_label == chart.panels.front().y_label &&
                           panel.y_range == chart.panels.front().y_range;
    }
    content.legend_entries = distinct_legend_entries(chart);
    return content;
}

// Where everything goes, in screen coordinates.
// The chart's title as drawn: wrapped at spaces into lines of at most k_title_chars characters, so that a
// long scenario name does not run off the canvas (13-point text on the 1200-pixel canvas fits about 130).
constexpr std::size_t k_title_chars = 120;

std::string chart_title(const LineChart& chart) {
    return detail::text_width(chart.title) > k_title_chars ? detail::wrap_text(chart.title, k_title_chars)
                                                           : chart.title;
}

struct LineLayout {
    LineContent content;
    int columns = 1;
    int panel_count = 0;
    int rows = 1;
    bool date_axis = false;
    bool legend_below = false;  ///< Entries too long for the right margin go below the plot.
    double key_space = 0.0;
    int legend_columns = 1;
    int legend_rows = 0;
    double legend_space = 0.0;
    double left_space = 0.0;
    double other_left_space = 0.0;
    double column_gap = 0.035;
    double plot_width = 0.0;
    double title_space = 0.0;
    double x_label_space = 0.0;
    double tic_space = 0.0;
    double panel_top_space = 0.0;
    double row_gap = 0.0;
    double panel_height = 0.0;
    bool shared_legend = false;
    bool use_multiplot = false;
    std::vector<std::vector<int>> marker_rows;  ///< Per panel, per marker: its label's row above the plot.
    int marker_row_count = 0;                   ///< Rows of marker labels the tallest panel needs.

    double column_left(int column) const {
        return left_space + column * (plot_width + column_gap + other_left_space);
    }
};

// The legend goes in the right margin, unless its entries are so long that the margin would take more than
// a quarter of the canvas (e.g. "NATO's eastern members (joined after 1997)"): then it goes below the plot,
// in as many columns as fit.
void place_legend(LineLayout& layout) {
    const LineContent& content = layout.content;
    const double right_key_space = static_cast<double>(content.key_width + 13) * k_char_width;
    layout.legend_below = content.any_key && right_key_space > 0.25;
    layout.key_space = content.any_key && !layout.legend_below ? right_key_space : 0.02;
    const double entry_width = static_cast<double>(content.key_width + 7) * k_char_width;
    const int entries = static_cast<int>(content.legend_entries);
    layout.legend_columns =
        layout.legend_below ? std::max(1, std::min(entries, static_cast<int>(0.94 / entry_width))) : 1;
    layout.legend_rows =
        layout.legend_below ? (entries + layout.legend_columns - 1) / layout.legend_columns : 0;
    layout.legend_space = layout.legend_below ? (layout.legend_rows * 1.2 + 0.8) * k_line_height : 0.0;
}

// Marker labels sit above the plot, running away from the nearer edge; a label that would overlap an earlier
// one (in x order) on its row goes one row up (at most three rows).
std::vector<int> marker_rows(const LinePanel& panel, const detail::DataRange& x_range, double plot_width) {
    std::vector<std::size_t> order(panel.markers.size());
    for (std::size_t m = 0; m < order.size(); ++m) {
        order[m] = m;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return panel.markers[a].x < panel.markers[b].x; });
    constexpr int k_most_rows = 3;
    std::vector<int> rows(panel.markers.size(), 0);
    std::vector<std::vector<std::pair<double, double>>> taken(k_most_rows);
    const double span = x_range.high > x_range.low ? x_range.high - x_range.low : 1.0;
    for (std::size_t m : order) {
        const Marker& marker = panel.markers[m];
        const double at = (marker.x - x_range.low) / span * plot_width;
        const double width = static_cast<double>(detail::text_width(marker.label) + 2) * k_char_width;
        const bool right_half = marker.x > (x_range.low + x_range.high) / 2.0;
        const std::pair<double, double> extent =
            right_half ? std::make_pair(at - width, at) : std::make_pair(at, at + width);
        int row = 0;
        while (row + 1 < k_most_rows &&
               std::any_of(taken[static_cast<std::size_t>(row)].begin(),
                           taken[static_cast<std::size_t>(row)].end(), [&](const auto& other) {
                               return extent.first < other.second && other.first < extent.second;
                           })) {
            ++row;
        }
        rows[m] = row;
        taken[static_cast<std::size_t>(row)].push_back(extent);
    }
    return rows;
}

LineLayout layout_of(const LineChart& chart, const detail::DataRange& x_range) {
    LineLayout layout;
    layout.columns = std::max(1, chart.columns);
    layout.panel_count = static_cast<int>(chart.panels.size());
    layout.rows = std::max(1, (layout.panel_count + layout.columns - 1) / layout.columns);
    layout.content = content_of(chart, layout.columns);
    const LineContent& content = layout.content;
    layout.date_axis = chart.x_axis == AxisKind::Date;
    place_legend(layout);
    // Tic labels, then room for the rotated y label (about two characters wide) and a gap.
    layout.left_space = static_cast<double>(content.y_tic_width + 1) * k_char_width +
                        (content.any_y_label ? 3.5 : 1.5) * k_char_width;
    layout.other_left_space = content.shared_y ? 0.0 : layout.left_space;
    layout.plot_width = (1.0 - layout.key_space - layout.left_space -
                         (layout.columns - 1) * (layout.column_gap + layout.other_left_space)) /
                        layout.columns;
    for (const auto& panel : chart.panels) {
        layout.marker_rows.push_back(marker_rows(panel, x_range, layout.plot_width));
        for (int row : layout.marker_rows.back()) {
            layout.marker_row_count = std::max(layout.marker_row_count, row + 1);
        }
    }
    const std::string title = chart_title(chart);
    const auto title_lines = static_cast<double>(std::count(title.begin(), title.end(), '\n') + 1);
    layout.title_space = chart.title.empty() ? 0.02 : (2.2 + 1.2 * (title_lines - 1.0)) * k_line_height;
    layout.x_label_space = (chart.x_label.empty() ? 0.5 : 1.6) * k_line_height + layout.legend_space;
    layout.tic_space = (layout.date_axis ? 2.6 : 1.6) * k_line_height;
    layout.panel_top_space =
        (content.any_panel_title ? 1.4 : 0.3) * k_line_height + layout.marker_row_count * 1.2 * k_line_height;
    // Panels share the x axis: only a panel with no panel below it labels the tics, the others keep a small
    // gap, so that every panel has the same height.
    layout.row_gap = 0.6 * k_line_height;
    layout.panel_height = (1.0 - layout.title_space - layout.x_label_space - layout.tic_space -
                           (layout.rows - 1) * layout.row_gap - layout.rows * layout.panel_top_space) /
                          layout.rows;
    layout.shared_legend = layout.panel_count > 1 || layout.legend_below;
    // A lone panel with a title still gets the multiplot layout, so that its title is shown.
    layout.use_multiplot = layout.panel_count > 1 || layout.legend_below ||
                           (layout.panel_count == 1 && !chart.panels.front().title.empty());
    return layout;
}

// Data blocks first: one per series, in the final plotting coordinates.
void write_data(std::ostringstream& script, const LineChart& chart) {
    for (std::size_t p = 0; p < chart.panels.size(); ++p) {
        for (std::size_t s = 0; s < chart.panels[p].series.size(); ++s) {
            const auto& series = chart.panels[p].series[s];
            const bool band = !series.lo.empty() && series.lo.size() == series.x.size() &&
                              series.hi.size() == series.x.size();
            script << "$p" << p << "s" << s << " << EOD\n";
            const std::size_t n = std::min(series.x.size(), series.y.size());
            auto row = [&](double x, std::size_t i) {
                script << script_number(to_axis(x, chart.x_axis)) << " " << script_number(series.y[i]);
                if (band) {
                    script << " " << script_number(series.lo[i]) << " " << script_number(series.hi[i]);
                }
                script << "\n";
            };
            for (std::size_t i = 0; i < n; ++i) {
                row(series.x[i], i);
                if (chart.shape == LineShape::Steps && i + 1 < n) {
                    row(series.x[i + 1], i);  // hold the value until the next point
                }
            }
            script << "EOD\n";
        }
    }
}

struct LegendEntry {
    bool band;
    std::string label;
    int style;
};

// Several panels share one legend: the union of every panel's entries (an actor may be missing from some
// panels), in style order, so that each style is explained once.
std::vector<LegendEntry> shared_legend_entries(const LineChart& chart) {
    std::vector<LegendEntry> legend;
    for (const auto& panel : chart.panels) {
        for (std::size_t s = 0; s < panel.series.size(); ++s) {
            const auto& series = panel.series[s];
            if (series.x.empty()) {
                continue;
            }
            auto add = [&](bool band, const std::string& label) {
                bool known = std::any_of(legend.begin(), legend.end(), [&](const LegendEntry& entry) {
                    return entry.band == band && entry.label == label;
                });
                if (!label.empty() && !known) {
                    legend.push_back({band, label, style_of(series, s)});
                }
            };
            if (!series.lo.empty()) {
                add(true, series.band_label);
            }
            add(false, series.label);
        }
    }
    std::stable_sort(legend.begin(), legend.end(),
                     [](const LegendEntry& a, const LegendEntry& b) { return a.style < b.style; });
    return legend;
}

// The axes of one panel: x tics (labelled only on the bottom row), y range and tics, key, y label.
void write_panel_axes(std::ostringstream& script, const LineChart& chart, const LineLayout& layout,
                      const LinePanel& panel, const detail::ScreenBox& box, int p,
                      const std::vector<NamedTic>& x_tics) {
    const int column = p % layout.columns;
    const bool x_tic_labels = p + layout.columns >= layout.panel_count;
    const bool names_rows = !(layout.content.shared_y && column > 0);
    script << "set xlabel " << gnuplot_quote(x_tic_labels ? chart.x_label : "") << "\n";
    if (layout.date_axis) {
        std::vector<NamedTic> tics = x_tics;
        if (!x_tic_labels) {
            for (auto& tic : tics) {
                tic.second.clear();
            }
        }
        script << detail::named_tics_command("x", tics);
    } else {
        script << "set format x " << (x_tic_labels ? "\"% h\"" : "\"\"") << "\n";
    }
    script << "set ylabel \"\"\n";
    if (panel.y_range) {
        script << "set yrange [" << script_number(panel.y_range->first) << ":"
               << script_number(panel.y_range->second) << "]\n";
    } else {
        script << "set yrange [*:*]\n";
    }
    script << "set format y " << (names_rows ? "\"% h\"" : "\"\"") << "\n";
    if (panel.y_tics.empty()) {
        script << "set ytics autofreq\n";
    } else {
        std::vector<NamedTic> tics = panel.y_tics;
        if (!names_rows) {
            for (auto& tic : tics) {
                tic.second.clear();
            }
        }
        script << detail::named_tics_command("y", tics);
    }
    if (!layout.shared_legend) {
        // Anchored in the reserved right margin: a legend never covers data.
        script << "set key at screen " << format_fixed(box.right + 0.01, 4) << ", screen "
               << format_fixed(box.top, 4)
               << " left top vertical Left reverse width 1 maxcols 1 maxrows 100\n";
    } else {
        script << "unset key\n";
    }
    script << "unset arrow\nunset label\n";
    // The y label is placed at a fixed spot: gnuplot's own placement is pushed off the canvas by long tic
    // labels when the margins are fixed.
    if (!panel.y_label.empty() && names_rows) {
        script << "set label " << gnuplot_quote(panel.y_label) << " at screen "
               << format_fixed(box.left - layout.left_space + 1.4 * k_char_width, 4) << ", screen "
               << format_fixed((box.bottom + box.top) / 2.0, 4) << " center rotate by 90\n";
    }
}

void write_markers(std::ostringstream& script, const LineChart& chart, const LinePanel& panel,
                   const detail::DataRange& x_range, const std::vector<int>& rows) {
    for (std::size_t m = 0; m < panel.markers.size(); ++m) {
        const Marker& marker = panel.markers[m];
        const std::string up = format_fixed(0.7 + 1.2 * (m < rows.size() ? rows[m] : 0), 1);
        std::string x = script_number(to_axis(marker.x, chart.x_axis));
        // The label runs away from the nearer edge, so that it never reaches into the legend margin.
        bool right_half = marker.x > (x_range.low + x_range.high) / 2.0;
        script << "set arrow from " << x << ", graph 0 to " << x
               << ", graph 1 nohead front lc rgb \"#404040\" lw 1.2 dt 3\n";
        script << "set label " << gnuplot_quote(marker.label) << " at " << x << ", graph 1 "
               << (right_half ? "right offset 0.5," : "left offset -0.5,") << up
               << " front textcolor rgb \"#404040\"\n";
    }
    for (const auto& level : panel.levels) {
        const std::string y = script_number(level.x);
        script << "set arrow from graph 0, first " << y << " to graph 1, first " << y
               << " nohead back lc rgb \"#808080\" lw 1 dt 2\n";
        // At the right end, above the line when a line of text fits between it and the top of the axis
        // (6% of its height), else below it.
        bool room_above = true;
        if (panel.y_range && panel.y_range->second > panel.y_range->first) {
            room_above =
                (panel.y_range->second - level.x) / (panel.y_range->second - panel.y_range->first) >= 0.06;
        }
        script << "set label " << gnuplot_quote(level.label) << " at graph 0.99, first " << y
               << " right offset 0," << (room_above ? "0.6" : "-0.7") << " front textcolor rgb \"#404040\"\n";
    }
}

// The plot command of one panel: bands first, so that every line is drawn over every band.
void write_panel_plot(std::ostringstream& script, const LineChart& chart, const LineLayout& layout,
                      const LinePanel& panel, int p) {
    std::vector<std::string> clauses;
    std::vector<std::string> line_clauses;
    for (std::size_t s = 0; s < panel.series.size(); ++s) {
        const auto& series = panel.series[s];
        if (series.x.empty()) {
            continue;
        }
        std::string block = "$p" + std::to_string(p) + "s" + std::to_string(s);
        std::string type = detail::line_type(style_of(series, s));
        if (!series.lo.empty()) {
            clauses.push_back(block + " using 1:3:4 with filledcurves lt " + type +
                              " fillstyle transparent solid " + format_fixed(chart.band_opacity, 2) +
                              " noborder " +
                              (layout.shared_legend ? "notitle" : detail::key_title(series.band_label)));
        }
        line_clauses.push_back(block + " using 1:2 with lines lt " + type + " " +
                               (layout.shared_legend ? "notitle" : detail::key_title(series.label)));
        if (chart.shape == LineShape::Steps) {
            // A step line ends on a vertical segment: a point marks the final state (e.g. War).
            std::size_t last = 2 * (std::min(series.x.size(), series.y.size()) - 1);
            line_clauses.push_back(block + " using 1:2 every ::" + std::to_string(last) +
                                   "::" + std::to_string(last) + " with points lt " + type + " notitle");
        }
    }
    clauses.insert(clauses.end(), line_clauses.begin(), line_clauses.end());
    if (clauses.empty()) {
        script << "set label \"no data\" at graph 0.5, graph 0.5 center\n";
        if (!panel.y_range) {
            script << "set yrange [0:1]\n";
        }
        script << "plot 1/0 notitle\n";
        return;
    }
    script << "plot ";
    for (std::size_t c = 0; c < clauses.size(); ++c) {
        script << (c == 0 ? "" : ", \\\n     ") << clauses[c];
    }
    script << "\n";
}

void write_panel(std::ostringstream& script, const LineChart& chart, const LineLayout& layout, int p,
                 const std::vector<NamedTic>& x_tics, const detail::DataRange& x_range) {
    const auto& panel = chart.panels[static_cast<std::size_t>(p)];
    const int row = p / layout.columns;
    const int column = p % layout.columns;
    detail::ScreenBox box;
    box.left = layout.column_left(column);
    box.right = box.left + layout.plot_width;
    box.top = 1.0 - layout.title_space -
              row * (layout.panel_top_space + layout.panel_height + layout.row_gap) - layout.panel_top_space;
    box.bottom = box.top - layout.panel_height;
    script << "# panel " << p << (panel.title.empty() ? "" : ": " + panel.title) << "\n";
    script << detail::margin_commands(box);
    if (layout.use_multiplot) {
        script << "set title " << gnuplot_quote(panel.title) << " offset 0,"
               << (panel.markers.empty() ? "-0.3"
                                         : format_fixed(0.6 + 1.2 * (layout.marker_row_count - 1), 1))
               << "\n";
    }
    write_panel_axes(script, chart, layout, panel, box, p, x_tics);
    write_markers(script, chart, panel, x_range, layout.marker_rows[static_cast<std::size_t>(p)]);
    write_panel_plot(script, chart, layout, panel, p);
}

// The shared legend is a plot of its own in the right margin (or below the plot), as tall as the panels: a
// key attached to one short panel would wrap into columns that run off the canvas.
void write_shared_legend(std::ostringstream& script, const LineLayout& layout, double band_opacity,
                         const std::vector<LegendEntry>& legend) {
    detail::ScreenBox area;
    area.left = 1.0 - layout.key_space + 0.01;
    area.right = 0.995;
    area.top = 1.0 - layout.title_space - layout.panel_top_space;
    area.bottom = layout.x_label_space + layout.tic_space;
    if (layout.legend_below) {
        area.left = 0.03;
        area.right = 0.97;
        area.top = layout.legend_space - 0.2 * k_line_height;
        area.bottom = 0.005;
    }
    script << "# shared legend\n" << detail::margin_commands(area);
    script << "unset border\nunset xtics\nunset ytics\nunset grid\nunset arrow\nunset label\nunset title\n";
    script << "set xlabel \"\"\nset xrange [0:1]\nset yrange [0:1]\n";
    if (layout.legend_below) {
        script << "set key at graph 0.5, graph 1 center top horizontal Left reverse width 1 maxcols "
               << layout.legend_columns << " maxrows " << layout.legend_rows << "\n";
    } else {
        script
            << "set key at graph 0, graph 1 left top vertical Left reverse width 1 maxcols 1 maxrows 100\n";
    }
    script << "plot -1 notitle";
    for (const auto& entry : legend) {
        script << ", \\\n     keyentry with "
               << (entry.band ? "filledcurves fillstyle transparent solid " + format_fixed(band_opacity, 2) +
                                    " noborder"
                              : "lines")
               << " lt " << detail::line_type(entry.style) << " title " << gnuplot_quote(entry.label);
    }
    script << "\n";
}

}  // namespace

std::string line_chart_script(const LineChart& chart) {
    std::ostringstream script;
    script << style_preamble();
    script << "# " << (chart.title.empty() ? "line chart" : chart.title) << "\n";
    const detail::DataRange x_range = x_range_of(chart);
    const LineLayout layout = layout_of(chart, x_range);
    std::vector<NamedTic> x_tics;
    if (layout.date_axis) {
        // About one date label per 70 pixels of plot width.
        const int most_tics =
            std::max(2, static_cast<int>(layout.plot_width * detail::k_canvas_width / 70.0));
        x_tics = detail::date_tics(x_range.low, x_range.high, std::min(10, most_tics));
    }
    const double x_pad = (x_range.high - x_range.low) * 0.01;
    script << "set xrange [" << script_number(to_axis(x_range.low - x_pad, chart.x_axis)) << ":"
           << script_number(to_axis(x_range.high + x_pad, chart.x_axis)) << "]\n";
    write_data(script, chart);
    const std::vector<LegendEntry> legend = shared_legend_entries(chart);
    if (layout.use_multiplot) {
        script << "set multiplot title " << gnuplot_quote(chart_title(chart)) << " font \",13\"\n";
    } else if (!chart.title.empty()) {
        script << "set title " << gnuplot_quote(chart_title(chart)) << " font \",13\" offset 0,"
               << (layout.marker_row_count > 0 ? format_fixed(0.8 + 1.2 * (layout.marker_row_count - 1), 1)
                                               : "0")
               << "\n";
    }
    for (int p = 0; p < layout.panel_count; ++p) {
        write_panel(script, chart, layout, p, x_tics, x_range);
    }
    if (layout.shared_legend && !legend.empty()) {
        write_shared_legend(script, layout, chart.band_opacity, legend);
    }
    if (layout.use_multiplot) {
        script << "unset multiplot\n";
    }
    return script.str();
}

}  // namespace brink::plots
