// Pieces of gnuplot script shared by the chart builders (line_chart.cpp, heatmap_chart.cpp, bar_chart.cpp)
// and the run charts: margins, date tics, text measures, palettes, quoting, the style preamble.
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

namespace detail {

std::string line_type(int style) {
    return std::to_string(style % 16 + 1);
}

std::string key_title(const std::string& label) {
    return label.empty() ? "notitle" : "title " + gnuplot_quote(label);
}

}  // namespace detail

}  // namespace brink::plots
