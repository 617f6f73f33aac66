// brink plots (private): pieces of gnuplot script shared by the primitives and the run charts.
#pragma once

#include "brink/plots/primitives.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace brink::plots::detail {

/// Nominal canvas size the layouts are computed for (PNG/SVG pixels; PDF keeps the proportions).
inline constexpr double k_canvas_width = 1200.0;
inline constexpr double k_canvas_height = 700.0;
/// Approximate width of one character of the 11 pt font, as a fraction of the canvas width.
inline constexpr double k_char_width = 8.0 / k_canvas_width;
/// Approximate height of one text line, as a fraction of the canvas height.
inline constexpr double k_line_height = 17.0 / k_canvas_height;
/// Seconds per day: date axes are drawn in seconds since 1970-01-01, as gnuplot's time functions expect.
inline constexpr double k_seconds_per_day = 86400.0;

/// A plot area in screen coordinates (fractions of the canvas).
struct ScreenBox {
    double left = 0.1;
    double right = 0.9;
    double bottom = 0.1;
    double top = 0.9;
};

/// `set lmargin at screen ...` (and the other three) for a box.
std::string margin_commands(const ScreenBox& box);

/// Tic marks for a date axis over [first_day, last_day] (days since 1970-01-01), at seconds positions:
/// weekly (Mondays) or daily for short spans, monthly for long ones; the year shown once and on change.
std::vector<NamedTic> date_tics(double first_day, double last_day, int max_tics = 10);

/// `set <axis>tics (...)` from named tics (axis "x", "y", "x2", "cb").
std::string named_tics_command(const std::string& axis, const std::vector<NamedTic>& tics,
                               const std::string& options = "");

/// Wraps text into lines of at most `width` characters (at spaces), joined with '\n'.
std::string wrap_text(const std::string& text, std::size_t width);

/// Shortens text to at most `width` characters, ending with "..." when cut.
std::string shorten(const std::string& text, std::size_t width);

/// Longest line of a possibly multi-line text, in characters (UTF-8 code points).
std::size_t text_width(const std::string& text);

/// Colour of a palette at a value, as 0xRRGGBB.
unsigned palette_colour(Palette palette, double value, double value_min, double value_max);

/// Black or white, whichever reads better on a background colour (0xRRGGBB).
unsigned text_colour_on(unsigned background);

/// gnuplot's line type of a style index: 1-based, cycling through the 16 of the style file.
std::string line_type(int style);

/// "notitle" for an empty label, else "title \"label\"".
std::string key_title(const std::string& label);

/// The smallest interval holding the finite values added (empty until one is).
struct DataRange {
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

}  // namespace brink::plots::detail
