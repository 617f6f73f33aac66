// brink plots: generic chart builders shared by run, ensemble and sweep charts. Each returns gnuplot
// script text (no terminal/output commands) that render_chart() draws; the same input gives the same text.
// Styles (colour-blind- and greyscale-safe line types, diverging palette) come from plots/styles/brink.gp.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace brink::plots {

/// How an x axis is read and labelled.
enum class AxisKind {
    Number,  ///< plain numbers
    Date,    ///< days since 1970-01-01 (fractional allowed), labelled as calendar dates
};

/// How consecutive points of a line are joined.
enum class LineShape {
    Linear,  ///< straight segments
    Steps,   ///< value holds until the next point (discrete states such as rungs)
};

/// A named tic mark: position on the axis and its label.
using NamedTic = std::pair<double, std::string>;

/// One line with an optional band (e.g. a median with its 10–90% range).
struct LineSeries {
    std::string label;       ///< Legend entry.
    std::vector<double> x;   ///< Axis units (days since 1970-01-01 for AxisKind::Date); increasing.
    std::vector<double> y;   ///< Same length as x.
    std::vector<double> lo;  ///< Band lower edge, same length as x; empty for no band.
    std::vector<double> hi;  ///< Band upper edge, same length as x; empty for no band.
    std::string band_label;  ///< Legend entry of the band (e.g. "10-90% of runs"); empty: none.
    int style = -1;          ///< Line type index into the style file (0-based); -1: position in the chart.
};

/// A vertical marker line with a label (e.g. the outcome date).
struct Marker {
    double x = 0.0;     ///< Axis units of the chart's x axis.
    std::string label;  ///< Short text drawn next to the line.
};

/// One panel of a line chart.
struct LinePanel {
    std::string title;                                 ///< Panel title (empty for a single-panel chart).
    std::string y_label;                               ///< With units.
    std::optional<std::pair<double, double>> y_range;  ///< Fixed range; nullopt: automatic.
    std::vector<NamedTic> y_tics;    ///< Named y tics (e.g. rung names); empty: automatic numbers.
    std::vector<LineSeries> series;  ///< Drawn in order.
    std::vector<Marker> markers;     ///< Vertical markers.
    std::vector<Marker> levels;      ///< Horizontal reference lines (Marker::x is the y value), labelled at
                                     ///< the right end (e.g. the highest value of a curve).
};

/// Lines (with optional bands) over x; several panels share the x axis and one legend.
struct LineChart {
    std::string title;    ///< Chart title.
    std::string x_label;  ///< With units ("date", "day of crisis").
    AxisKind x_axis = AxisKind::Number;
    LineShape shape = LineShape::Linear;
    std::optional<std::pair<double, double>> x_range;  ///< Fixed range; nullopt: from the data.
    std::vector<LinePanel> panels;  ///< One or more panels, stacked (or in a grid of `columns`).
    int columns = 1;                ///< Panels per row. Default 1 (stacked).
    double band_opacity = 0.22;     ///< Opacity of the bands, (0, 1]; lower for many overlapping bands.
};

/// Script for a line chart. Empty series are skipped; a chart with no data says so in the plot area.
std::string line_chart_script(const LineChart& chart);

/// Colour scale of a heatmap.
enum class Palette {
    Diverging,   ///< red (low) - white - blue (high), Paul Tol's BuRd; for signed values
    Sequential,  ///< white - dark blue; for probabilities and counts
};

/// Whether heatmap cells show their values.
enum class CellLabels { None, Values };

/// How heatmap panels use the canvas.
enum class PanelShape {
    Fill,    ///< each panel as large as the canvas allows (cells may be oblong)
    Square,  ///< square panels (square cells for square matrices), centred on the canvas
};

/// One matrix panel of a heatmap chart; values[row][column], NaN = empty cell.
struct HeatmapPanel {
    std::string title;                        ///< Panel title.
    std::string x_label;                      ///< Column axis label.
    std::string y_label;                      ///< Row axis label.
    std::vector<double> x_values;             ///< Column positions (evenly spaced), or empty for 0..n-1.
    std::vector<double> y_values;             ///< Row positions (evenly spaced), or empty for 0..n-1.
    std::vector<std::string> x_names;         ///< Column tic labels (categorical); empty: numeric tics.
    std::vector<std::string> y_names;         ///< Row tic labels (categorical); empty: numeric tics.
    std::vector<std::vector<double>> values;  ///< rows x columns.
    /// A second, smaller line printed under a cell's value (e.g. its interval "0.33–0.51"), rows x columns;
    /// empty for none. Printed only where the cell has room for it.
    std::vector<std::vector<std::string>> notes;
    /// Cells marked with a small open circle in their top right corner (meaning: HeatmapChart::mark_label),
    /// rows x columns; empty for none.
    std::vector<std::vector<bool>> marked;
};

/// Heatmaps side by side sharing one colour scale (and the row names, when every panel has the same rows).
struct HeatmapChart {
    std::string title;        ///< Chart title.
    std::string value_label;  ///< Colour box label, with units.
    double value_min = -1.0;  ///< Colour scale range low end.
    double value_max = 1.0;   ///< Colour scale range high end.
    Palette palette = Palette::Diverging;
    CellLabels cell_labels = CellLabels::Values;  ///< Printed only if cells are large enough, at most 15x15.
    int value_decimals = 2;                       ///< Decimals of printed cell values.
    PanelShape panel_shape = PanelShape::Fill;    ///< Default Fill.
    std::vector<HeatmapPanel> panels;             ///< Left to right.
    std::string mark_label;  ///< What a marked cell means, in a legend line under the panels; empty: none.
    std::string caption;     ///< A line of text under the panels (how to read the cells); empty: none.
    /// Appended to the caption when the cells' notes are printed (e.g. "; beneath it, its interval");
    /// when they are not (cells too small), `notes_missing` is appended instead. Default empty.
    std::string notes_caption;
    std::string notes_missing;  ///< See notes_caption. Default empty.
};

/// Script for a heatmap chart.
std::string heatmap_script(const HeatmapChart& chart);

/// One group of bars (one colour/pattern), with optional error bars and annotations.
struct BarSeries {
    std::string label;                     ///< Legend entry (empty: no legend).
    std::vector<double> values;            ///< One per category.
    std::vector<double> lo;                ///< Error bar low ends, one per category; empty for none.
    std::vector<double> hi;                ///< Error bar high ends, one per category; empty for none.
    std::vector<std::string> annotations;  ///< Text above each bar (e.g. "n = 12"); empty for none.
};

/// Bars per category, series side by side.
struct BarChart {
    std::string title;                                 ///< Chart title.
    std::string x_label;                               ///< Category axis label.
    std::string y_label;                               ///< Value axis label, with units.
    std::vector<std::string> categories;               ///< Category names, left to right.
    std::vector<BarSeries> series;                     ///< One or more series.
    std::optional<std::pair<double, double>> y_range;  ///< Fixed range; nullopt: from 0 to the data.
};

/// Script for a bar chart.
std::string bar_chart_script(const BarChart& chart);

/// The style preamble every script starts with (plots/styles/brink.gp, compiled in).
std::string style_preamble();

/// Quotes text for a gnuplot string literal (double quotes, escapes \ and ").
std::string gnuplot_quote(const std::string& text);

}  // namespace brink::plots
