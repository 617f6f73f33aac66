// Bar charts (include/brink/plots/primitives.hpp): bars per category, series side by side, with error bars
// and annotations.
#include "brink/plots/primitives.hpp"

#include "run_files.hpp"
#include "script_utils.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

namespace brink::plots {

namespace {

using detail::format_fixed;
using detail::script_number;

constexpr double k_group_width = 0.8;
constexpr double k_turn_degrees = 30.0;

double bar_width(const BarChart& chart) {
    return k_group_width / static_cast<double>(std::max<std::size_t>(1, chart.series.size()));
}

void write_data(std::ostringstream& script, const BarChart& chart) {
    const double width = bar_width(chart);
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& series = chart.series[s];
        const bool errors =
            series.lo.size() == series.values.size() && series.hi.size() == series.values.size();
        script << "$b" << s << " << EOD\n";
        for (std::size_t c = 0; c < chart.categories.size() && c < series.values.size(); ++c) {
            double x = static_cast<double>(c) - k_group_width / 2.0 + width * (static_cast<double>(s) + 0.5);
            double top = errors ? std::max(series.values[c], series.hi[c]) : series.values[c];
            std::string annotation = c < series.annotations.size() ? series.annotations[c] : "";
            script << script_number(x) << " " << script_number(series.values[c]) << " "
                   << script_number(errors ? series.lo[c] : series.values[c]) << " "
                   << script_number(errors ? series.hi[c] : series.values[c]) << " " << script_number(top)
                   << " " << gnuplot_quote(annotation) << "\n";
        }
        script << "EOD\n";
    }
}

// Where the plot goes, and how the category names fit under it.
struct BarLayout {
    detail::ScreenBox box;
    bool any_key = false;
    bool turned = false;  ///< Names wider than their slot are turned by k_turn_degrees.
    double names_px = 0.0;
    double y_low = 0.0;
    double y_high = 1.0;
};

BarLayout layout_of(const BarChart& chart) {
    BarLayout layout;
    detail::DataRange values;
    values.add(0.0);
    std::size_t key_width = 0;
    for (const auto& series : chart.series) {
        for (double v : series.values) {
            values.add(v);
        }
        for (double v : series.lo) {
            values.add(v);
        }
        for (double v : series.hi) {
            values.add(v);
        }
        if (!series.label.empty()) {
            layout.any_key = true;
            key_width = std::max(key_width, detail::text_width(series.label));
        }
    }
    // From the data: every bar and every interval end on the axis (negative ones too, e.g. a Sobol S1 below
    // zero), with a margin above for the annotations and below for a negative end.
    const double span = values.high - values.low;
    layout.y_low = chart.y_range ? chart.y_range->first : values.low < 0.0 ? values.low - 0.05 * span : 0.0;
    layout.y_high = chart.y_range ? chart.y_range->second : values.high + 0.15 * span;
    if (!(layout.y_high > layout.y_low)) {
        layout.y_high = layout.y_low + 1.0;
    }
    const std::size_t y_tic_width = 6;
    detail::ScreenBox& box = layout.box;
    box.left = static_cast<double>(y_tic_width + 3) * detail::k_char_width + 2.0 * detail::k_char_width;
    box.right = 1.0 - (layout.any_key ? static_cast<double>(key_width + 13) * detail::k_char_width : 0.03);
    box.top = 1.0 - (chart.title.empty() ? 0.03 : 2.4 * detail::k_line_height);
    // Category names wider than their slot (parameter paths such as actors.russia.cost_of_war) would run into
    // each other: they are then turned by 30 degrees and the bottom margin grows to hold them.
    std::size_t name_width = 0;
    for (const auto& category : chart.categories) {
        name_width = std::max(name_width, detail::text_width(category));
    }
    const double slot_chars = (box.right - box.left) / detail::k_char_width /
                              static_cast<double>(std::max<std::size_t>(1, chart.categories.size()));
    layout.turned = static_cast<double>(name_width) + 2.0 > slot_chars;
    layout.names_px = layout.turned
                          ? static_cast<double>(name_width) * detail::k_char_width * detail::k_canvas_width *
                                    std::sin(k_turn_degrees * std::numbers::pi / 180.0) +
                                detail::k_line_height * detail::k_canvas_height
                          : detail::k_line_height * detail::k_canvas_height;
    box.bottom = layout.names_px / detail::k_canvas_height + 2.2 * detail::k_line_height;
    if (layout.turned && !chart.categories.empty()) {
        // A turned name ends at its bar and runs down to the left: the first must not run off the canvas.
        const double reach = static_cast<double>(detail::text_width(chart.categories.front())) *
                             detail::k_char_width * std::cos(k_turn_degrees * std::numbers::pi / 180.0);
        for (int pass = 0; pass < 2; ++pass) {
            const double half_slot =
                (box.right - box.left) / static_cast<double>(chart.categories.size()) / 2.0;
            box.left = std::max(box.left, reach - half_slot + 0.01);
        }
    }
    return layout;
}

void write_axes(std::ostringstream& script, const BarChart& chart, const BarLayout& layout) {
    const detail::ScreenBox& box = layout.box;
    script << detail::margin_commands(box);
    script << "set title " << gnuplot_quote(chart.title) << " font \",13\"\n";
    // The axis label at a fixed spot below the names (gnuplot's own placement ignores fixed margins).
    script << "set xlabel \"\"\n";
    if (!chart.x_label.empty()) {
        script << "set label " << gnuplot_quote(chart.x_label) << " at screen "
               << format_fixed((box.left + box.right) / 2.0, 4) << ", screen "
               << format_fixed(
                      box.bottom - layout.names_px / detail::k_canvas_height - 1.2 * detail::k_line_height, 4)
               << " center\n";
    }
    script << "set ylabel \"\"\n";
    if (!chart.y_label.empty()) {
        script << "set label " << gnuplot_quote(chart.y_label) << " at screen "
               << format_fixed(1.4 * detail::k_char_width, 4) << ", screen "
               << format_fixed((box.bottom + box.top) / 2.0, 4) << " center rotate by 90\n";
    }
    script << "set xrange [-0.6:" << script_number(static_cast<double>(chart.categories.size()) - 0.4)
           << "]\n";
    script << "set yrange [" << script_number(layout.y_low) << ":" << script_number(layout.y_high) << "]\n";
    std::vector<NamedTic> tics;
    for (std::size_t c = 0; c < chart.categories.size(); ++c) {
        tics.emplace_back(static_cast<double>(c), chart.categories[c]);
    }
    script << detail::named_tics_command(
        "x", tics,
        layout.turned ? "scale 0 rotate by " + script_number(k_turn_degrees) + " right" : "scale 0");
    script << "set grid noxtics ytics\n";
    if (layout.y_low < 0.0) {
        script << "set xzeroaxis lt 1 lw 1 lc rgb \"#404040\" dt 1\n";  // bars grow from 0, not the axis
    }
    if (layout.any_key) {
        script << "set key at screen " << format_fixed(box.right + 0.01, 4) << ", screen "
               << format_fixed(box.top, 4)
               << " left top vertical Left reverse width 1 maxcols 1 maxrows 100\n";
    } else {
        script << "unset key\n";
    }
    script << "set boxwidth " << script_number(bar_width(chart) * 0.9) << " absolute\n";
}

std::vector<std::string> plot_clauses(const BarChart& chart) {
    std::vector<std::string> clauses;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& series = chart.series[s];
        std::string block = "$b" + std::to_string(s);
        std::string type = detail::line_type(static_cast<int>(s));
        // Series after the first get a hatch pattern, so that they differ in greyscale too.
        std::string fill =
            s == 0 ? "fillstyle solid 0.85 border lc rgb \"#202020\""
                   : "fillstyle pattern " + std::to_string(s % 7 + 1) + " border lc rgb \"#202020\"";
        clauses.push_back(block + " using 1:2 with boxes lt " + type + " " + fill + " " +
                          detail::key_title(series.label));
        if (series.lo.size() == series.values.size() && !series.lo.empty()) {
            clauses.push_back(
                block + " using 1:2:3:4 with yerrorbars lc rgb \"#202020\" lw 1.5 dt 1 pt 7 ps 0 notitle");
        }
        if (!series.annotations.empty()) {
            clauses.push_back(block +
                              " using 1:5:6 with labels offset 0,0.8 textcolor rgb \"#202020\" notitle");
        }
    }
    return clauses;
}

}  // namespace

std::string bar_chart_script(const BarChart& chart) {
    std::ostringstream script;
    script << style_preamble();
    script << "# " << (chart.title.empty() ? "bar chart" : chart.title) << "\n";
    write_data(script, chart);
    write_axes(script, chart, layout_of(chart));
    const std::vector<std::string> clauses = plot_clauses(chart);
    if (clauses.empty()) {
        script << "set label \"no data\" at graph 0.5, graph 0.5 center\nplot 1/0 notitle\n";
        return script.str();
    }
    script << "plot ";
    for (std::size_t c = 0; c < clauses.size(); ++c) {
        script << (c == 0 ? "" : ", \\\n     ") << clauses[c];
    }
    script << "\n";
    return script.str();
}

}  // namespace brink::plots
