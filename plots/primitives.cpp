// Generic chart builders. Layouts are computed in screen coordinates (fractions of the canvas) so that
// panels line up and legends sit in reserved margins, never over the data.
#include "brink/plots/primitives.hpp"

#include "brink/io/calendar.hpp"
#include "run_files.hpp"
#include "script_utils.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>

namespace brink::plots {

namespace embedded {
std::string_view brink_style_gp();
}

namespace detail {

std::string margin_commands(const ScreenBox& box) {
    return "set lmargin at screen " + format_fixed(box.left, 4) + "\nset rmargin at screen " +
           format_fixed(box.right, 4) + "\nset bmargin at screen " + format_fixed(box.bottom, 4) +
           "\nset tmargin at screen " + format_fixed(box.top, 4) + "\n";
}

namespace {

constexpr const char* k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct YearMonthDay {
    int year;
    int month;
    int day;
};

YearMonthDay split_date(long days) {
    std::string text = io::days_to_date(days);  // YYYY-MM-DD (a year before 1 has a sign)
    const std::size_t month_at = text.size() - 5;
    return {std::stoi(text.substr(0, month_at - 1)), std::stoi(text.substr(month_at, 2)),
            std::stoi(text.substr(month_at + 3, 2))};
}

}  // namespace

std::vector<NamedTic> date_tics(double first_day, double last_day, int max_tics) {
    const double most = static_cast<double>(std::max(2, max_tics));
    std::vector<NamedTic> tics;
    if (!(last_day > first_day)) {
        last_day = first_day + 1.0;
    }
    double span = last_day - first_day;
    long first = static_cast<long>(std::ceil(first_day));
    long last = static_cast<long>(std::floor(last_day));
    int previous_year = std::numeric_limits<int>::min();
    auto add = [&](long day, bool monthly) {
        YearMonthDay date = split_date(day);
        std::string label = monthly ? std::string(k_months[date.month - 1])
                                    : std::to_string(date.day) + " " + k_months[date.month - 1];
        if (date.year != previous_year) {
            label += "\n" + std::to_string(date.year);
            previous_year = date.year;
        }
        tics.emplace_back(static_cast<double>(day) * k_seconds_per_day, label);
    };
    // Days or weeks when few enough fit, else months (a narrow axis over a short span gets months too).
    if (span <= 150.0 && span / 28.0 <= most) {
        constexpr std::array<long, 5> steps{1, 2, 7, 14, 28};
        long step = steps.back();
        for (long candidate : steps) {
            if (span / static_cast<double>(candidate) <= most) {
                step = candidate;
                break;
            }
        }
        long start = first;
        if (step >= 7) {
            // Weekly tics fall on Mondays (1970-01-05, day 4, was a Monday).
            long offset = ((start - 4) % 7 + 7) % 7;
            start += offset == 0 ? 0 : 7 - offset;
        }
        for (long day = start; day <= last; day += step) {
            add(day, false);
        }
        return tics;
    }
    constexpr std::array<int, 5> month_steps{1, 2, 3, 6, 12};
    int month_step = 12;
    for (int candidate : month_steps) {
        if (span / (30.44 * candidate) <= most) {
            month_step = candidate;
            break;
        }
    }
    YearMonthDay date = split_date(first);
    int year = date.year;
    int month = date.month;
    if (date.day != 1) {
        ++month;
    }
    for (;;) {
        if (month > 12) {
            month -= 12;
            ++year;
        }
        char text[32];
        std::snprintf(text, sizeof text, "%04d-%02d-01", year, month);
        long day = io::date_to_days(text).value_or(last + 1);
        if (day > last) {
            break;
        }
        if ((month - 1) % month_step == 0) {
            add(day, true);
        }
        ++month;
    }
    return tics;
}

std::string named_tics_command(const std::string& axis, const std::vector<NamedTic>& tics,
                               const std::string& options) {
    std::string command = "set " + axis + "tics " + (options.empty() ? "" : options + " ") + "(";
    for (std::size_t i = 0; i < tics.size(); ++i) {
        command += (i == 0 ? "" : ", ") + gnuplot_quote(tics[i].second) + " " + script_number(tics[i].first);
    }
    return command + ")\n";
}

std::string wrap_text(const std::string& text, std::size_t width) {
    std::istringstream words(text);
    std::string result;
    std::string line;
    for (std::string word; words >> word;) {
        if (!line.empty() && text_width(line) + 1 + text_width(word) > width) {
            result += (result.empty() ? "" : "\n") + line;
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) {
        result += (result.empty() ? "" : "\n") + line;
    }
    return result;
}

std::size_t text_width(const std::string& text) {
    std::size_t widest = 0;
    std::size_t current = 0;
    for (char c : text) {
        if (c == '\n') {
            widest = std::max(widest, current);
            current = 0;
        } else if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++current;  // count UTF-8 lead bytes only
        }
    }
    return std::max(widest, current);
}

std::string shorten(const std::string& text, std::size_t width) {
    if (text_width(text) <= width || width < 4) {
        return text;
    }
    std::string result;
    std::size_t count = 0;
    for (char c : text) {
        bool lead = (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
        if (lead && ++count > width - 3) {
            break;
        }
        result.push_back(c);
    }
    while (!result.empty() && result.back() == ' ') {
        result.pop_back();
    }
    return result + "...";
}

namespace {

// The same colours as plots/styles/brink.gp's palettes (a unit test checks that they agree).
constexpr std::array<unsigned, 9> k_diverging{0xB2182B, 0xD6604D, 0xF4A582, 0xFDDBC7, 0xF7F7F7,
                                              0xD1E5F0, 0x92C5DE, 0x4393C3, 0x2166AC};
constexpr std::array<unsigned, 9> k_sequential{0xFFFFE5, 0xFFF7BC, 0xFEE391, 0xFEC44F, 0xFB9A29,
                                               0xEC7014, 0xCC4C02, 0x993404, 0x662506};

}  // namespace

unsigned palette_colour(Palette palette, double value, double value_min, double value_max) {
    const auto& stops = palette == Palette::Diverging ? k_diverging : k_sequential;
    double t = value_max > value_min ? (value - value_min) / (value_max - value_min) : 0.5;
    t = std::clamp(t, 0.0, 1.0) * static_cast<double>(stops.size() - 1);
    auto index = std::min(static_cast<std::size_t>(t), stops.size() - 2);
    double fraction = t - static_cast<double>(index);
    unsigned colour = 0;
    for (unsigned shift : {16U, 8U, 0U}) {
        double a = static_cast<double>((stops[index] >> shift) & 0xFFU);
        double b = static_cast<double>((stops[index + 1] >> shift) & 0xFFU);
        auto channel = static_cast<unsigned>(std::lround(a + (b - a) * fraction));
        colour |= channel << shift;
    }
    return colour;
}

unsigned text_colour_on(unsigned background) {
    auto linear = [](unsigned channel) {
        double c = static_cast<double>(channel) / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    double luminance = 0.2126 * linear((background >> 16) & 0xFFU) +
                       0.7152 * linear((background >> 8) & 0xFFU) + 0.0722 * linear(background & 0xFFU);
    // The contrast of black and of white against the background are equal at luminance 0.179.
    return luminance > 0.179 ? 0x000000U : 0xFFFFFFU;
}

}  // namespace detail

using detail::format_fixed;
using detail::script_number;

std::string gnuplot_quote(const std::string& text) {
    std::string quoted = "\"";
    for (char c : text) {
        switch (c) {
            case '\\':
                quoted += "\\\\";
                break;
            case '"':
                quoted += "\\\"";
                break;
            case '\n':
                quoted += "\\n";
                break;
            case '\t':
                quoted += " ";
                break;
            case '\r':
                break;
            default:
                quoted.push_back(c);
        }
    }
    return quoted + "\"";
}

std::string style_preamble() {
    return std::string(embedded::brink_style_gp());
}

namespace {

int style_of(const LineSeries& series, std::size_t position) {
    return series.style >= 0 ? series.style : static_cast<int>(position);
}

// gnuplot line types are 1-based and cycle through the 16 of the style file.
std::string line_type(int style) {
    return std::to_string(style % 16 + 1);
}

std::string key_title(const std::string& label) {
    return label.empty() ? "notitle" : "title " + gnuplot_quote(label);
}

double to_axis(double value, AxisKind axis) {
    return axis == AxisKind::Date ? value * detail::k_seconds_per_day : value;
}

struct Range {
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    bool empty() const { return !(high >= low); }
    void add(double value) {
        if (std::isfinite(value)) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
};

}  // namespace

std::string line_chart_script(const LineChart& chart) {
    using detail::k_char_width;
    using detail::k_line_height;
    std::ostringstream script;
    script << style_preamble();
    script << "# " << (chart.title.empty() ? "line chart" : chart.title) << "\n";

    Range x_range;
    for (const auto& panel : chart.panels) {
        for (const auto& series : panel.series) {
            for (double x : series.x) {
                x_range.add(x);
            }
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

    // Margins: left for the widest y tic label, right for the widest legend entry.
    std::size_t y_tic_width = 4;
    std::size_t key_width = 0;
    bool any_key = false;
    for (const auto& panel : chart.panels) {
        for (const auto& tic : panel.y_tics) {
            y_tic_width = std::max(y_tic_width, detail::text_width(tic.second));
        }
        for (const auto& series : panel.series) {
            if (!series.label.empty()) {
                any_key = true;
                key_width = std::max(key_width, detail::text_width(series.label));
            }
            if (!series.band_label.empty() && !series.lo.empty()) {
                any_key = true;
                key_width = std::max(key_width, detail::text_width(series.band_label));
            }
        }
    }
    const int columns = std::max(1, chart.columns);
    const auto panel_count = static_cast<int>(chart.panels.size());
    const int rows = std::max(1, (panel_count + columns - 1) / columns);
    bool any_markers = false;
    bool any_panel_title = false;
    for (const auto& panel : chart.panels) {
        any_markers = any_markers || !panel.markers.empty();
        any_panel_title = any_panel_title || !panel.title.empty();
    }
    const bool date_axis = chart.x_axis == AxisKind::Date;
    // The legend goes in the right margin, unless its entries are so long that the margin would take more
    // than a quarter of the canvas (e.g. "NATO's eastern members (joined after 1997)"): then it goes below
    // the plot, in as many columns as fit.
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
    const double right_key_space = static_cast<double>(key_width + 13) * k_char_width;
    const bool legend_below = any_key && right_key_space > 0.25;
    const double key_space = any_key && !legend_below ? right_key_space : 0.02;
    const double entry_width = static_cast<double>(key_width + 7) * k_char_width;
    const int legend_columns = legend_below ? std::max(1, std::min(static_cast<int>(distinct_entries.size()),
                                                                   static_cast<int>(0.94 / entry_width)))
                                            : 1;
    const int legend_rows =
        legend_below ? (static_cast<int>(distinct_entries.size()) + legend_columns - 1) / legend_columns : 0;
    const double legend_space = legend_below ? (legend_rows * 1.2 + 0.8) * k_line_height : 0.0;
    bool any_y_label = false;
    for (const auto& panel : chart.panels) {
        any_y_label = any_y_label || !panel.y_label.empty();
    }
    // Tic labels, then room for the rotated y label (about two characters wide) and a gap.
    const double left_space =
        static_cast<double>(y_tic_width + 1) * k_char_width + (any_y_label ? 3.5 : 1.5) * k_char_width;
    // Panels in a grid share the y axis when they have the same tics: only the first column labels it.
    bool shared_y = columns > 1;
    for (const auto& panel : chart.panels) {
        shared_y = shared_y && panel.y_tics == chart.panels.front().y_tics &&
                   panel.y_label == chart.panels.front().y_label &&
                   panel.y_range == chart.panels.front().y_range;
    }
    const double other_left_space = shared_y ? 0.0 : left_space;
    const double column_gap = 0.035;
    const double plot_width =
        (1.0 - key_space - left_space - (columns - 1) * (column_gap + other_left_space)) / columns;
    auto column_left = [&](int column) {
        return left_space + column * (plot_width + column_gap + other_left_space);
    };
    const double title_space = chart.title.empty() ? 0.02 : 2.2 * k_line_height;
    const double x_label_space = (chart.x_label.empty() ? 0.5 : 1.6) * k_line_height + legend_space;
    const double tic_space = (date_axis ? 2.6 : 1.6) * k_line_height;
    const double panel_top_space =
        (any_panel_title ? 1.4 : 0.3) * k_line_height + (any_markers ? 1.2 * k_line_height : 0.0);
    // Panels share the x axis: only a panel with no panel below it labels the tics, the others keep a
    // small gap, so that every panel has the same height.
    const double row_gap = 0.6 * k_line_height;
    const double panel_height =
        (1.0 - title_space - x_label_space - tic_space - (rows - 1) * row_gap - rows * panel_top_space) /
        rows;

    std::vector<NamedTic> x_tics;
    if (date_axis) {
        // About one date label per 95 pixels of plot width.
        const int most_tics = std::max(2, static_cast<int>(plot_width * detail::k_canvas_width / 95.0));
        x_tics = detail::date_tics(x_range.low, x_range.high, std::min(10, most_tics));
    }
    const double x_pad = (x_range.high - x_range.low) * 0.01;
    script << "set xrange [" << script_number(to_axis(x_range.low - x_pad, chart.x_axis)) << ":"
           << script_number(to_axis(x_range.high + x_pad, chart.x_axis)) << "]\n";

    // Data blocks first: one per series, in the final plotting coordinates.
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

    // Several panels share one legend, drawn in the right margin: the union of every panel's entries
    // (an actor may be missing from some panels), in style order, so that each style is explained once.
    struct LegendEntry {
        bool band;
        std::string label;
        int style;
    };
    std::vector<LegendEntry> legend;
    const bool shared_legend = panel_count > 1 || legend_below;
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

    // A lone panel with a title still gets the multiplot layout, so that its title is shown.
    const bool use_multiplot =
        panel_count > 1 || legend_below || (panel_count == 1 && !chart.panels.front().title.empty());
    if (use_multiplot) {
        script << "set multiplot title " << gnuplot_quote(chart.title) << " font \",13\"\n";
    } else if (!chart.title.empty()) {
        script << "set title " << gnuplot_quote(chart.title) << " font \",13\" offset 0,"
               << (any_markers ? "0.8" : "0") << "\n";
    }
    for (int p = 0; p < panel_count; ++p) {
        const auto& panel = chart.panels[static_cast<std::size_t>(p)];
        const int row = p / columns;
        const int column = p % columns;
        detail::ScreenBox box;
        box.left = column_left(column);
        box.right = box.left + plot_width;
        box.top = 1.0 - title_space - row * (panel_top_space + panel_height + row_gap) - panel_top_space;
        box.bottom = box.top - panel_height;
        const bool x_tic_labels = p + columns >= panel_count;
        script << "# panel " << p << (panel.title.empty() ? "" : ": " + panel.title) << "\n";
        script << detail::margin_commands(box);
        if (use_multiplot) {
            script << "set title " << gnuplot_quote(panel.title) << " offset 0,"
                   << (panel.markers.empty() ? "-0.3" : "0.6") << "\n";
        }
        script << "set xlabel " << gnuplot_quote(x_tic_labels ? chart.x_label : "") << "\n";
        if (date_axis) {
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
        script << "set format y " << (shared_y && column > 0 ? "\"\"" : "\"% h\"") << "\n";
        if (panel.y_tics.empty()) {
            script << "set ytics autofreq\n";
        } else {
            std::vector<NamedTic> tics = panel.y_tics;
            if (shared_y && column > 0) {
                for (auto& tic : tics) {
                    tic.second.clear();
                }
            }
            script << detail::named_tics_command("y", tics);
        }
        if (!shared_legend) {
            // Anchored in the reserved right margin: a legend never covers data.
            script << "set key at screen " << format_fixed(box.right + 0.01, 4) << ", screen "
                   << format_fixed(box.top, 4)
                   << " left top vertical Left reverse width 1 maxcols 1 maxrows 100\n";
        } else {
            script << "unset key\n";
        }
        script << "unset arrow\nunset label\n";
        // The y label is placed at a fixed spot: gnuplot's own placement is pushed off the canvas by long
        // tic labels when the margins are fixed.
        if (!panel.y_label.empty() && !(shared_y && column > 0)) {
            script << "set label " << gnuplot_quote(panel.y_label) << " at screen "
                   << format_fixed(box.left - left_space + 1.4 * k_char_width, 4) << ", screen "
                   << format_fixed((box.bottom + box.top) / 2.0, 4) << " center rotate by 90\n";
        }
        for (const auto& marker : panel.markers) {
            std::string x = script_number(to_axis(marker.x, chart.x_axis));
            // The label runs away from the nearer edge, so that it never reaches into the legend margin.
            bool right_half = marker.x > (x_range.low + x_range.high) / 2.0;
            script << "set arrow from " << x << ", graph 0 to " << x
                   << ", graph 1 nohead front lc rgb \"#404040\" lw 1.2 dt 3\n";
            script << "set label " << gnuplot_quote(marker.label) << " at " << x << ", graph 1 "
                   << (right_half ? "right offset 0.5,0.7" : "left offset -0.5,0.7")
                   << " front textcolor rgb \"#404040\"\n";
        }
        std::vector<std::string> clauses;
        std::vector<std::string> line_clauses;
        for (std::size_t s = 0; s < panel.series.size(); ++s) {
            const auto& series = panel.series[s];
            if (series.x.empty()) {
                continue;
            }
            std::string block = "$p" + std::to_string(p) + "s" + std::to_string(s);
            std::string type = line_type(style_of(series, s));
            if (!series.lo.empty()) {
                clauses.push_back(block + " using 1:3:4 with filledcurves lt " + type +
                                  " fillstyle transparent solid 0.22 noborder " +
                                  (shared_legend ? "notitle" : key_title(series.band_label)));
            }
            line_clauses.push_back(block + " using 1:2 with lines lt " + type + " " +
                                   (shared_legend ? "notitle" : key_title(series.label)));
            if (chart.shape == LineShape::Steps) {
                // A step line ends on a vertical segment: a point marks the final state (e.g. War).
                std::size_t last = 2 * (std::min(series.x.size(), series.y.size()) - 1);
                line_clauses.push_back(block + " using 1:2 every ::" + std::to_string(last) +
                                       "::" + std::to_string(last) + " with points lt " + type + " notitle");
            }
        }
        // Bands first, so that every line is drawn over every band.
        clauses.insert(clauses.end(), line_clauses.begin(), line_clauses.end());
        if (clauses.empty()) {
            script << "set label \"no data\" at graph 0.5, graph 0.5 center\n";
            if (!panel.y_range) {
                script << "set yrange [0:1]\n";
            }
            script << "plot 1/0 notitle\n";
            continue;
        }
        script << "plot ";
        for (std::size_t c = 0; c < clauses.size(); ++c) {
            script << (c == 0 ? "" : ", \\\n     ") << clauses[c];
        }
        script << "\n";
    }
    if (shared_legend && !legend.empty()) {
        // The shared legend is a plot of its own in the right margin, as tall as the panels: a key attached
        // to one short panel would wrap into columns that run off the canvas.
        detail::ScreenBox area;
        area.left = 1.0 - key_space + 0.01;
        area.right = 0.995;
        area.top = 1.0 - title_space - panel_top_space;
        area.bottom = x_label_space + tic_space;
        if (legend_below) {
            area.left = 0.03;
            area.right = 0.97;
            area.top = legend_space - 0.2 * k_line_height;
            area.bottom = 0.005;
        }
        script << "# shared legend\n" << detail::margin_commands(area);
        script
            << "unset border\nunset xtics\nunset ytics\nunset grid\nunset arrow\nunset label\nunset title\n";
        script << "set xlabel \"\"\nset xrange [0:1]\nset yrange [0:1]\n";
        if (legend_below) {
            script << "set key at graph 0.5, graph 1 center top horizontal Left reverse width 1 maxcols "
                   << legend_columns << " maxrows " << legend_rows << "\n";
        } else {
            script << "set key at graph 0, graph 1 left top vertical Left reverse width 1 maxcols 1 maxrows "
                      "100\n";
        }
        script << "plot -1 notitle";
        for (const auto& entry : legend) {
            script << ", \\\n     keyentry with "
                   << (entry.band ? "filledcurves fillstyle transparent solid 0.22 noborder" : "lines")
                   << " lt " << line_type(entry.style) << " title " << gnuplot_quote(entry.label);
        }
        script << "\n";
    }
    if (use_multiplot) {
        script << "unset multiplot\n";
    }
    return script.str();
}

std::string heatmap_script(const HeatmapChart& chart) {
    using detail::k_canvas_height;
    using detail::k_canvas_width;
    using detail::k_char_width;
    using detail::k_line_height;
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

    const auto panel_count = static_cast<int>(chart.panels.size());
    std::size_t y_tic_width = 4;
    std::size_t x_tic_width = 4;
    bool categorical_x = false;
    bool any_y_label = false;
    bool any_x_label = false;
    std::size_t most_columns = 1;
    for (const auto& panel : chart.panels) {
        for (const auto& name : panel.y_names) {
            y_tic_width = std::max(y_tic_width, detail::text_width(name));
        }
        for (const auto& name : panel.x_names) {
            x_tic_width = std::max(x_tic_width, detail::text_width(name));
        }
        categorical_x = categorical_x || !panel.x_names.empty();
        any_y_label = any_y_label || !panel.y_label.empty();
        any_x_label = any_x_label || !panel.x_label.empty();
        if (!panel.values.empty()) {
            most_columns = std::max(most_columns, panel.values.front().size());
        }
    }
    // Panels with the same rows share the y axis: only the first one names the rows.
    bool shared_rows = panel_count > 1;
    for (const auto& panel : chart.panels) {
        shared_rows = shared_rows && panel.y_names == chart.panels.front().y_names &&
                      panel.y_values == chart.panels.front().y_values &&
                      panel.y_label == chart.panels.front().y_label;
    }
    // Layout in pixels of the nominal canvas (the PDF keeps its proportions).
    const double char_px = k_char_width * k_canvas_width;
    const double line_px = k_line_height * k_canvas_height;
    const double title_px = chart.title.empty() ? 20.0 : 2.4 * line_px;
    const double panel_title_px = panel_count > 1 ? 1.6 * line_px : 0.4 * line_px;
    // Column names are rotated (45 degrees, or upright when there are many columns); their height is
    // their length times the sine of the angle.
    const int x_rotation = most_columns > 16 ? 90 : 45;
    const double x_tics_px =
        categorical_x
            ? static_cast<double>(x_tic_width) * char_px * (x_rotation == 90 ? 1.0 : 0.72) + 0.8 * line_px
            : 1.6 * line_px;
    const double x_label_px = any_x_label ? 1.5 * line_px : 0.3 * line_px;
    const double bottom_px = x_tics_px + x_label_px + 6.0;
    // Tic labels (estimated generously: underscores and capitals are wider than the average character),
    // then the rotated y label.
    const double y_axis_px =
        static_cast<double>(y_tic_width) * 1.1 * char_px + (any_y_label ? 4.5 : 1.5) * char_px;
    const double other_y_axis_px = shared_rows ? 0.0 : y_axis_px;
    const double gap_px = shared_rows ? 28.0 : 30.0;
    const double colour_box_px = 130.0;
    const double height_px = k_canvas_height - title_px - panel_title_px - bottom_px;
    const double width_px =
        (k_canvas_width - y_axis_px - colour_box_px - (panel_count - 1) * (gap_px + other_y_axis_px)) /
        std::max(1, panel_count);
    double panel_width_px = width_px;
    double panel_height_px = height_px;
    double left_px = y_axis_px;
    if (chart.panel_shape == PanelShape::Square) {
        panel_width_px = panel_height_px = std::max(40.0, std::min(width_px, height_px));
        // Centre the row of panels (with its axis and colour box) on the canvas.
        const double used = y_axis_px + panel_count * panel_width_px +
                            (panel_count - 1) * (gap_px + other_y_axis_px) + colour_box_px;
        left_px += std::max(0.0, (k_canvas_width - used) / 2.0);
    }

    if (panel_count > 1) {
        script << "set multiplot title " << gnuplot_quote(chart.title) << " font \",13\"\n";
    } else {
        script << "set title " << gnuplot_quote(chart.title) << " font \",13\"\n";
    }
    for (int p = 0; p < panel_count; ++p) {
        const auto& panel = chart.panels[static_cast<std::size_t>(p)];
        const std::size_t rows = panel.values.size();
        const std::size_t columns = rows == 0 ? 0 : panel.values.front().size();
        auto x_at = [&](std::size_t c) {
            return panel.x_values.size() == columns ? panel.x_values[c] : static_cast<double>(c);
        };
        auto y_at = [&](std::size_t r) {
            return panel.y_values.size() == rows ? panel.y_values[r] : static_cast<double>(r);
        };
        const double panel_left_px = left_px + p * (panel_width_px + gap_px + other_y_axis_px);
        detail::ScreenBox box;
        box.left = panel_left_px / k_canvas_width;
        box.right = (panel_left_px + panel_width_px) / k_canvas_width;
        box.top = 1.0 - (title_px + panel_title_px) / k_canvas_height;
        box.bottom = box.top - panel_height_px / k_canvas_height;
        // Cell values are printed only where they fit: fewer decimals and a smaller font in small cells,
        // none at all beyond 15 rows or columns.
        const double cell_px =
            columns == 0 ? 0.0
                         : std::min(panel_width_px / static_cast<double>(columns),
                                    panel_height_px / static_cast<double>(std::max<std::size_t>(1, rows)));
        const bool small_cells = cell_px < 60.0;
        const double digit_px = small_cells ? 6.5 : 7.5;
        int decimals = chart.value_decimals;
        while (decimals > 0 && (decimals + 3) * digit_px + 4.0 > cell_px) {
            --decimals;
        }
        const bool readable = chart.cell_labels == CellLabels::Values && rows <= 15 && columns <= 15 &&
                              (decimals + 3) * digit_px + 4.0 <= cell_px && cell_px >= 22.0;
        script << "$h" << p << " << EOD\n";
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t c = 0; c < columns && c < panel.values[r].size(); ++c) {
                double value = panel.values[r][c];
                bool present = std::isfinite(value);
                unsigned text = detail::text_colour_on(detail::palette_colour(
                    chart.palette, present ? value : 0.0, chart.value_min, chart.value_max));
                script << script_number(x_at(c)) << " " << script_number(y_at(r)) << " "
                       << (present ? script_number(value) : "NaN") << " "
                       << gnuplot_quote(present && readable ? format_fixed(value, decimals) : "") << " "
                       << text << "\n";
            }
        }
        script << "EOD\n";
        script << "# panel " << p << (panel.title.empty() ? "" : ": " + panel.title) << "\n";
        script << detail::margin_commands(box);
        if (panel_count > 1) {
            script << "set title " << gnuplot_quote(panel.title) << "\n";
        }
        // Axis labels are placed at fixed spots: gnuplot's own placement is pushed off the canvas by long
        // rotated tic labels when the margins are fixed.
        script << "set xlabel \"\"\nset ylabel \"\"\nunset label\n";
        const bool names_rows = !(shared_rows && p > 0);
        if (!panel.y_label.empty() && names_rows) {
            script << "set label " << gnuplot_quote(panel.y_label) << " at screen "
                   << format_fixed((panel_left_px - y_axis_px + 1.4 * char_px) / k_canvas_width, 4)
                   << ", screen " << format_fixed((box.bottom + box.top) / 2.0, 4)
                   << " center rotate by 90\n";
        }
        if (!panel.x_label.empty()) {
            script << "set label " << gnuplot_quote(panel.x_label) << " at screen "
                   << format_fixed((box.left + box.right) / 2.0, 4) << ", screen "
                   << format_fixed(box.bottom - (x_tics_px + 0.6 * line_px) / k_canvas_height, 4)
                   << " center\n";
        }
        auto half_step = [](const std::vector<double>& values, std::size_t count) {
            return count > 1 && values.size() == count ? (values[1] - values[0]) / 2.0 : 0.5;
        };
        double x_half = half_step(panel.x_values, columns);
        double y_half = half_step(panel.y_values, rows);
        double x_low = columns == 0 ? -0.5 : x_at(0) - x_half;
        double x_high = columns == 0 ? 0.5 : x_at(columns - 1) + x_half;
        double y_low = rows == 0 ? -0.5 : y_at(0) - y_half;
        double y_high = rows == 0 ? 0.5 : y_at(rows - 1) + y_half;
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
                tics.emplace_back(x_at(c), panel.x_names[c]);
            }
            script << detail::named_tics_command("x", tics,
                                                 "rotate by " + std::to_string(x_rotation) + " right");
        } else {
            script << "set xtics autofreq norotate\n";
        }
        script << "set format y " << (names_rows ? "\"% h\"" : "\"\"") << "\n";
        if (!panel.y_names.empty()) {
            std::vector<NamedTic> tics;
            for (std::size_t r = 0; r < panel.y_names.size() && r < rows; ++r) {
                tics.emplace_back(y_at(r), names_rows ? panel.y_names[r] : "");
            }
            script << detail::named_tics_command("y", tics);
        } else {
            script << "set ytics autofreq\n";
        }
        if (p == panel_count - 1) {
            script << "set colorbox user origin screen "
                   << format_fixed((panel_left_px + panel_width_px + 22.0) / k_canvas_width, 4) << ", screen "
                   << format_fixed(box.bottom, 4) << " size screen 0.018, screen "
                   << format_fixed(box.top - box.bottom, 4) << "\n";
        } else {
            script << "unset colorbox\n";
        }
        script << "plot $h" << p << " using 1:2:3 with image pixels";
        if (readable) {
            script << ", \\\n     $h" << p << " using 1:2:4:5 with labels textcolor rgb variable"
                   << (small_cells ? " font \",9\"" : "");
        }
        script << "\n";
    }
    if (panel_count > 1) {
        script << "unset multiplot\n";
    }
    return script.str();
}

std::string bar_chart_script(const BarChart& chart) {
    using detail::k_char_width;
    using detail::k_line_height;
    std::ostringstream script;
    script << style_preamble();
    script << "# " << (chart.title.empty() ? "bar chart" : chart.title) << "\n";
    const std::size_t categories = chart.categories.size();
    const std::size_t series_count = std::max<std::size_t>(1, chart.series.size());
    const double group_width = 0.8;
    const double bar_width = group_width / static_cast<double>(series_count);

    Range values;
    values.add(0.0);
    bool any_key = false;
    std::size_t key_width = 0;
    for (const auto& series : chart.series) {
        for (double v : series.values) {
            values.add(v);
        }
        for (double v : series.hi) {
            values.add(v);
        }
        if (!series.label.empty()) {
            any_key = true;
            key_width = std::max(key_width, detail::text_width(series.label));
        }
    }
    double y_low = chart.y_range ? chart.y_range->first : std::min(0.0, values.low);
    double y_high = chart.y_range ? chart.y_range->second : values.high * 1.15;
    if (!(y_high > y_low)) {
        y_high = y_low + 1.0;
    }

    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& series = chart.series[s];
        const bool errors =
            series.lo.size() == series.values.size() && series.hi.size() == series.values.size();
        script << "$b" << s << " << EOD\n";
        for (std::size_t c = 0; c < categories && c < series.values.size(); ++c) {
            double x =
                static_cast<double>(c) - group_width / 2.0 + bar_width * (static_cast<double>(s) + 0.5);
            double top = errors ? std::max(series.values[c], series.hi[c]) : series.values[c];
            std::string annotation = c < series.annotations.size() ? series.annotations[c] : "";
            script << script_number(x) << " " << script_number(series.values[c]) << " "
                   << script_number(errors ? series.lo[c] : series.values[c]) << " "
                   << script_number(errors ? series.hi[c] : series.values[c]) << " " << script_number(top)
                   << " " << gnuplot_quote(annotation) << "\n";
        }
        script << "EOD\n";
    }
    std::size_t y_tic_width = 6;
    detail::ScreenBox box;
    box.left = static_cast<double>(y_tic_width + 3) * k_char_width + 2.0 * k_char_width;
    box.right = 1.0 - (any_key ? static_cast<double>(key_width + 13) * k_char_width : 0.03);
    box.top = 1.0 - (chart.title.empty() ? 0.03 : 2.4 * k_line_height);
    // Category names wider than their slot (parameter paths such as actors.russia.cost_of_war) would run
    // into each other: they are then turned by 30 degrees and the bottom margin grows to hold them.
    std::size_t name_width = 0;
    for (const auto& category : chart.categories) {
        name_width = std::max(name_width, detail::text_width(category));
    }
    const double slot_chars =
        (box.right - box.left) / k_char_width / static_cast<double>(std::max<std::size_t>(1, categories));
    const bool turned = static_cast<double>(name_width) + 2.0 > slot_chars;
    constexpr double k_turn_degrees = 30.0;
    const double names_px = turned ? static_cast<double>(name_width) * k_char_width * detail::k_canvas_width *
                                             std::sin(k_turn_degrees * std::numbers::pi / 180.0) +
                                         k_line_height * detail::k_canvas_height
                                   : k_line_height * detail::k_canvas_height;
    box.bottom = names_px / detail::k_canvas_height + 2.2 * k_line_height;
    script << detail::margin_commands(box);
    script << "set title " << gnuplot_quote(chart.title) << " font \",13\"\n";
    // The axis label at a fixed spot below the names (gnuplot's own placement ignores fixed margins).
    script << "set xlabel \"\"\n";
    if (!chart.x_label.empty()) {
        script << "set label " << gnuplot_quote(chart.x_label) << " at screen "
               << format_fixed((box.left + box.right) / 2.0, 4) << ", screen "
               << format_fixed(box.bottom - names_px / detail::k_canvas_height - 1.2 * k_line_height, 4)
               << " center\n";
    }
    script << "set ylabel \"\"\n";
    if (!chart.y_label.empty()) {
        script << "set label " << gnuplot_quote(chart.y_label) << " at screen "
               << format_fixed(1.4 * k_char_width, 4) << ", screen "
               << format_fixed((box.bottom + box.top) / 2.0, 4) << " center rotate by 90\n";
    }
    script << "set xrange [-0.6:" << script_number(static_cast<double>(categories) - 0.4) << "]\n";
    script << "set yrange [" << script_number(y_low) << ":" << script_number(y_high) << "]\n";
    std::vector<NamedTic> tics;
    for (std::size_t c = 0; c < categories; ++c) {
        tics.emplace_back(static_cast<double>(c), chart.categories[c]);
    }
    script << detail::named_tics_command(
        "x", tics, turned ? "scale 0 rotate by " + script_number(k_turn_degrees) + " right" : "scale 0");
    script << "set grid noxtics ytics\n";
    if (any_key) {
        script << "set key at screen " << format_fixed(box.right + 0.01, 4) << ", screen "
               << format_fixed(box.top, 4)
               << " left top vertical Left reverse width 1 maxcols 1 maxrows 100\n";
    } else {
        script << "unset key\n";
    }
    script << "set boxwidth " << script_number(bar_width * 0.9) << " absolute\n";
    std::vector<std::string> clauses;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& series = chart.series[s];
        std::string block = "$b" + std::to_string(s);
        std::string type = line_type(static_cast<int>(s));
        // Series after the first get a hatch pattern, so that they differ in greyscale too.
        std::string fill =
            s == 0 ? "fillstyle solid 0.85 border lc rgb \"#202020\""
                   : "fillstyle pattern " + std::to_string(s % 7 + 1) + " border lc rgb \"#202020\"";
        clauses.push_back(block + " using 1:2 with boxes lt " + type + " " + fill + " " +
                          key_title(series.label));
        if (series.lo.size() == series.values.size() && !series.lo.empty()) {
            clauses.push_back(
                block + " using 1:2:3:4 with yerrorbars lc rgb \"#202020\" lw 1.5 dt 1 pt 7 ps 0 notitle");
        }
        if (!series.annotations.empty()) {
            clauses.push_back(block +
                              " using 1:5:6 with labels offset 0,0.8 textcolor rgb \"#202020\" notitle");
        }
    }
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
