// Tests of include/brink/plots/primitives.hpp: the generic chart scripts (line/band, heatmap, bars).
#include "brink/plots/primitives.hpp"

#include "brink/plots/render.hpp"
#include "plots_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

namespace brink::plots {
namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The lines of the datablock `name` in a script.
std::vector<std::string> datablock(const std::string& script, const std::string& name) {
    std::vector<std::string> lines;
    std::size_t at = script.find(name + " << EOD\n");
    if (at == std::string::npos) {
        return lines;
    }
    at = script.find('\n', at) + 1;
    for (std::size_t end = script.find('\n', at); end != std::string::npos; end = script.find('\n', at)) {
        std::string line = script.substr(at, end - at);
        at = end + 1;
        if (line == "EOD") {
            break;
        }
        lines.push_back(line);
    }
    return lines;
}

// Renders a script to PNG and returns gnuplot's warnings.
std::string render_warnings(const std::string& script, const std::string& tag) {
    const brink::test_support::TempDir scratch("brink-primitives-" + tag);
    const auto path = scratch.path() / "chart.png";
    std::string warnings = render_chart(script, path.string(), ChartFormat::Png);
    EXPECT_GT(std::filesystem::file_size(path), 5000U);
    return warnings;
}

TEST(StylePreamble, IsTheStyleFileCompiledIn) {
    std::string style = testing::slurp(std::string(BRINK_SOURCE_DIR) + "/plots/styles/brink.gp");
    ASSERT_FALSE(style.empty());
    EXPECT_EQ(style_preamble(), style);
    EXPECT_TRUE(contains(style, "brink_palette_diverging"));
}

TEST(GnuplotQuote, EscapesQuotesBackslashesAndNewlines) {
    EXPECT_EQ(gnuplot_quote("plain"), "\"plain\"");
    EXPECT_EQ(gnuplot_quote("say \"no\""), "\"say \\\"no\\\"\"");
    EXPECT_EQ(gnuplot_quote("a\\b"), "\"a\\\\b\"");
    EXPECT_EQ(gnuplot_quote("two\nlines"), "\"two\\nlines\"");
}

TEST(LineChart, StepShapeHoldsEachValueUntilTheNextPoint) {
    LineChart chart;
    chart.shape = LineShape::Steps;
    LinePanel panel;
    panel.series.push_back(LineSeries{"a", {0.0, 1.0, 3.0}, {2.0, 5.0, 4.0}, {}, {}, "", -1});
    chart.panels.push_back(panel);
    std::string script = line_chart_script(chart);
    std::vector<std::string> expected{"0 2", "1 2", "1 5", "3 5", "3 4"};
    EXPECT_EQ(datablock(script, "$p0s0"), expected);
    // The final state is marked with a point (row 4 of the step data).
    EXPECT_TRUE(contains(script, "every ::4::4 with points")) << script;
}

TEST(LineChart, LinearShapeKeepsThePointsAndBandColumns) {
    LineChart chart;
    LinePanel panel;
    panel.series.push_back(LineSeries{"median", {0.0, 2.0}, {1.0, 3.0}, {0.5, 2.5}, {1.5, 3.5}, "band", 2});
    chart.panels.push_back(panel);
    std::string script = line_chart_script(chart);
    std::vector<std::string> expected{"0 1 0.5 1.5", "2 3 2.5 3.5"};
    EXPECT_EQ(datablock(script, "$p0s0"), expected);
    EXPECT_TRUE(contains(script, "using 1:3:4 with filledcurves lt 3")) << script;
    EXPECT_TRUE(contains(script, "title \"band\""));
    // Bands are drawn before lines, so that no band covers a line.
    EXPECT_LT(script.find("filledcurves"), script.find("with lines"));
}

TEST(LineChart, DateAxisIsLabelledWithCalendarDatesNotDayNumbers) {
    LineChart chart;
    chart.x_axis = AxisKind::Date;
    LinePanel panel;
    // 2022-01-22 is day 19014 since 1970-01-01.
    panel.series.push_back(LineSeries{"a", {19014.0, 19044.0}, {0.0, 1.0}, {}, {}, "", -1});
    chart.panels.push_back(panel);
    std::string script = line_chart_script(chart);
    EXPECT_TRUE(contains(script, "\"24 Jan\\n2022\" 1642982400")) << script;  // first Monday, with the year
    EXPECT_TRUE(contains(script, "\"31 Jan\" 1643587200")) << script;         // weekly, year not repeated
    EXPECT_EQ(datablock(script, "$p0s0").front(), "1642809600 0");            // seconds since the epoch
}

TEST(LineChart, LongSpansGetMonthlyTicsAndTheYearWhenItChanges) {
    LineChart chart;
    chart.x_axis = AxisKind::Date;
    LinePanel panel;
    // 2021-11-15 .. 2022-03-10
    panel.series.push_back(LineSeries{"a", {18946.0, 19061.0}, {0.0, 1.0}, {}, {}, "", -1});
    chart.x_range = std::make_pair(18900.0, 19200.0);
    chart.panels.push_back(panel);
    std::string script = line_chart_script(chart);
    EXPECT_TRUE(contains(script, "\"Oct\\n2021\"")) << script;  // 2021-09-30 is day 18900: tics from 1 Oct
    EXPECT_TRUE(contains(script, "\"Dec\" ")) << script;
    EXPECT_TRUE(contains(script, "\"Jan\\n2022\"")) << script;
    EXPECT_TRUE(contains(script, "\"Feb\" ")) << script;
}

TEST(LineChart, LegendIsAnchoredInTheRightMarginOutsideThePlotArea) {
    LineChart chart;
    LinePanel panel;
    panel.series.push_back(LineSeries{"a long legend entry", {0.0, 1.0}, {0.0, 1.0}, {}, {}, "", -1});
    chart.panels.push_back(panel);
    std::string script = line_chart_script(chart);
    auto rmargin = script.find("set rmargin at screen ");
    auto key = script.find("set key at screen ");
    ASSERT_NE(rmargin, std::string::npos);
    ASSERT_NE(key, std::string::npos);
    double right = std::stod(script.substr(rmargin + 22));
    double key_left = std::stod(script.substr(key + 18));
    EXPECT_GT(key_left, right);
}

TEST(LineChart, EmptyChartSaysNoDataAndRendersWithoutWarnings) {
    LineChart chart;
    chart.title = "nothing";
    chart.panels.push_back(LinePanel{});
    std::string script = line_chart_script(chart);
    EXPECT_TRUE(contains(script, "no data"));
    EXPECT_EQ(render_warnings(script, "empty"), "");
}

TEST(LineChart, PanelGridRendersWithoutWarnings) {
    LineChart chart;
    chart.title = "grid";
    chart.x_axis = AxisKind::Date;
    chart.shape = LineShape::Steps;
    chart.columns = 2;
    for (int p = 0; p < 3; ++p) {
        LinePanel panel;
        panel.title = "panel " + std::to_string(p);
        panel.y_label = "rung";
        panel.y_tics = {{0.0, "low"}, {1.0, "high"}};
        panel.markers = {{19020.0, "marker"}};
        panel.series.push_back(LineSeries{"median",
                                          {19014.0, 19020.0, 19030.0},
                                          {0.0, 1.0, 1.0},
                                          {0.0, 0.0, 1.0},
                                          {1.0, 1.0, 1.0},
                                          "10-90%",
                                          p});
        chart.panels.push_back(panel);
    }
    std::string script = line_chart_script(chart);
    EXPECT_TRUE(contains(script, "set multiplot"));
    EXPECT_EQ(render_warnings(script, "grid"), "");
}

HeatmapChart two_by_two() {
    HeatmapChart chart;
    chart.title = "affinity";
    chart.value_label = "affinity";
    HeatmapPanel panel;
    panel.x_names = {"A", "B"};
    panel.y_names = {"A", "B"};
    panel.values = {{1.0, -1.0}, {0.0, std::nan("")}};
    chart.panels = {panel, panel};
    return chart;
}

TEST(Heatmap, PrintsValuesInAColourThatReadsOnTheCell) {
    std::string script = heatmap_script(two_by_two());
    // x y value label text-colour: white on the dark ends of the palette, black on the white middle.
    std::vector<std::string> expected{"0 0 1 \"1.00\" 16777215", "1 0 -1 \"-1.00\" 16777215",
                                      "0 1 0 \"0.00\" 0", "1 1 NaN \"\" 0"};
    EXPECT_EQ(datablock(script, "$h0"), expected);
}

TEST(Heatmap, NamedRowsReadTopToBottomAndOnlyTheLastPanelHasTheColourBox) {
    std::string script = heatmap_script(two_by_two());
    EXPECT_TRUE(contains(script, "set yrange [1.5:-0.5]")) << script;
    auto unset_box = script.find("unset colorbox");
    auto user_box = script.find("set colorbox user");
    ASSERT_NE(unset_box, std::string::npos);
    ASSERT_NE(user_box, std::string::npos);
    EXPECT_LT(unset_box, user_box);
    EXPECT_EQ(render_warnings(script, "heatmap"), "");
}

TEST(Heatmap, NumericAxesIncreaseUpwardsAndLargeGridsHideCellValues) {
    HeatmapChart chart;
    chart.palette = Palette::Sequential;
    chart.value_min = 0.0;
    HeatmapPanel panel;
    for (int r = 0; r < 20; ++r) {
        panel.y_values.push_back(0.5 * r);
        panel.values.emplace_back(20, 0.5);
    }
    for (int c = 0; c < 20; ++c) {
        panel.x_values.push_back(c * 2.0);
    }
    chart.panels = {panel};
    std::string script = heatmap_script(chart);
    EXPECT_TRUE(contains(script, "eval brink_palette_sequential"));
    EXPECT_TRUE(contains(script, "set yrange [-0.25:9.75]")) << script;
    EXPECT_FALSE(contains(script, "with labels"));
    EXPECT_EQ(render_warnings(script, "numeric-heatmap"), "");
}

TEST(Heatmap, SquarePanelsShareTheRowNamesAndFitTheCanvas) {
    HeatmapChart chart = two_by_two();
    chart.panel_shape = PanelShape::Square;
    std::string script = heatmap_script(chart);
    // The second panel repeats no row names: its tics are blank.
    EXPECT_TRUE(contains(script, "set ytics (\"A\" 0, \"B\" 1)")) << script;
    EXPECT_TRUE(contains(script, "set ytics (\"\" 0, \"\" 1)")) << script;
    EXPECT_EQ(render_warnings(script, "square-heatmap"), "");
}

TEST(LineChart, LongLegendEntriesGoBelowThePlotInColumns) {
    LineChart chart;
    chart.title = "escalation";
    LinePanel panel;
    for (const char* name :
         {"NATO's eastern members (joined after 1997)", "Western Europe and Canada", "Japan"}) {
        panel.series.push_back(LineSeries{name, {0.0, 1.0}, {0.0, 1.0}, {}, {}, "", -1});
    }
    chart.panels = {panel};
    std::string script = line_chart_script(chart);
    // A 42-character entry would take a third of the canvas on the right: the key is a row below instead.
    EXPECT_TRUE(contains(script, "center top horizontal Left reverse width 1 maxcols 2 maxrows 2")) << script;
    EXPECT_TRUE(contains(script, "set rmargin at screen 0.9800")) << script;
    EXPECT_EQ(render_warnings(script, "legend-below"), "");
}

TEST(LineChart, StackedPanelsLabelTheSharedDateAxisOnlyUnderTheBottomPanel) {
    LineChart chart;
    chart.x_axis = AxisKind::Date;
    chart.x_label = "date";
    for (const char* title : {"first", "second"}) {
        LinePanel panel;
        panel.title = title;
        panel.series.push_back(LineSeries{"a", {19000.0, 19030.0}, {0.0, 1.0}, {}, {}, "", 0});
        chart.panels.push_back(panel);
    }
    std::string script = line_chart_script(chart);
    const auto first = script.find("# panel 0");
    const auto second = script.find("# panel 1");
    ASSERT_NE(second, std::string::npos);
    const std::string top = script.substr(first, second - first);
    const std::string bottom = script.substr(second);
    EXPECT_TRUE(contains(top, "set xlabel \"\"")) << top;
    EXPECT_TRUE(contains(top, "set xtics (\"\" ")) << top;
    EXPECT_TRUE(contains(bottom, "set xlabel \"date\"")) << bottom;
    EXPECT_TRUE(contains(bottom, "2022\" ")) << "the bottom panel names the year: " << bottom;
}

TEST(BarChart, DrawsBarsWithErrorBarsAndAnnotations) {
    BarChart chart;
    chart.title = "outcomes";
    chart.y_label = "share (%)";
    chart.categories = {"war", "peace"};
    chart.series.push_back(BarSeries{"", {60.0, 40.0}, {50.0, 30.0}, {70.0, 50.0}, {"6 of 10", "4 of 10"}});
    std::string script = bar_chart_script(chart);
    std::vector<std::string> expected{"0 60 50 70 70 \"6 of 10\"", "1 40 30 50 50 \"4 of 10\""};
    EXPECT_EQ(datablock(script, "$b0"), expected);
    EXPECT_TRUE(contains(script, "with yerrorbars"));
    EXPECT_TRUE(contains(script, "unset key"));  // no series label, no legend box
    EXPECT_EQ(render_warnings(script, "bars"), "");
}

TEST(BarChart, TheValueAxisHoldsNegativeBarsAndEveryIntervalEnd) {
    BarChart chart;
    chart.categories = {"a", "b"};
    chart.series.push_back(BarSeries{"S1", {-0.2, 0.5}, {-0.8, 0.1}, {0.1, 1.4}, {}});
    const std::string script = bar_chart_script(chart);
    // From -0.8 - 5% of the span (2.2) to 1.4 + 15% of it.
    EXPECT_TRUE(contains(script, "set yrange [-0.91:1.73]")) << script;
    EXPECT_TRUE(contains(script, "set xzeroaxis")) << "negative bars grow down from a drawn zero line";
    EXPECT_EQ(render_warnings(script, "negative-bars"), "");
}

TEST(LineChart, MarkerLabelsThatWouldOverlapGoUpARowAndTheLevelIsLabelled) {
    LineChart chart;
    LinePanel panel;
    panel.series.push_back(LineSeries{"a", {0.0, 100.0}, {0.1, 0.2}, {}, {}, "", -1});
    panel.markers = {{10.0, "first observed date"}, {12.0, "second, close by"}, {80.0, "far away"}};
    panel.levels = {{0.2, "highest: 0.20"}};
    panel.y_range = std::make_pair(0.0, 0.25);
    chart.panels.push_back(panel);
    const std::string script = line_chart_script(chart);
    EXPECT_TRUE(contains(script, "set label \"first observed date\" at 10, graph 1 left offset -0.5,0.7"))
        << script;
    EXPECT_TRUE(contains(script, "set label \"second, close by\" at 12, graph 1 left offset -0.5,1.9"));
    EXPECT_TRUE(contains(script, "set label \"far away\" at 80, graph 1 right offset 0.5,0.7"));
    // The level: a dashed line across the plot, its label above it (0.05 of 0.25 is room for a line).
    EXPECT_TRUE(contains(script, "set arrow from graph 0, first 0.2 to graph 1, first 0.2"));
    EXPECT_TRUE(contains(script, "set label \"highest: 0.20\" at graph 0.99, first 0.2 right offset 0,0.6"));
    EXPECT_EQ(render_warnings(script, "marker-rows"), "");
}

TEST(BarChart, SecondSeriesIsHatchedSoThatItDiffersInGreyscale) {
    BarChart chart;
    chart.categories = {"resolve", "capability"};
    chart.series.push_back(BarSeries{"S1", {0.2, 0.5}, {}, {}, {}});
    chart.series.push_back(BarSeries{"ST", {0.3, 0.6}, {}, {}, {}});
    std::string script = bar_chart_script(chart);
    EXPECT_TRUE(contains(script, "fillstyle pattern"));
    // Two series share each category: the second bar sits right of the category centre.
    EXPECT_EQ(datablock(script, "$b1").front().rfind("0.2", 0), 0U) << script;
}

// The screen fraction of `set bmargin at screen F` in a script.
double bottom_margin(const std::string& script) {
    const std::string key = "set bmargin at screen ";
    const std::size_t at = script.find(key);
    return at == std::string::npos ? -1.0 : std::stod(script.substr(at + key.size()));
}

TEST(BarChart, TurnsCategoryNamesThatWouldRunIntoEachOtherAndMakesRoomForThem) {
    BarChart chart;
    chart.x_label = "parameter";
    chart.series.push_back(BarSeries{"S1", {0.1, 0.6, 0.0, 0.05, 0.1, 0.04}, {}, {}, {}});
    chart.series.push_back(BarSeries{"ST", {0.2, 0.85, 0.14, 0.12, 0.24, 0.15}, {}, {}, {}});
    // Six parameter paths (the Sobol study's): each slot is about 15 characters wide, the names up to 33.
    chart.categories = {"actors.russia.resolve", "actors.russia.cost_of_war",
                        "actors.usa.resolve",    "relations.commitments.usa.ukraine",
                        "model.rationality",     "model.grievance"};
    const std::string turned = bar_chart_script(chart);
    EXPECT_TRUE(contains(turned, "rotate by 30 right")) << turned;
    EXPECT_EQ(render_warnings(turned, "bars_turned"), "");
    // Short names fit their slots and stay level, with the usual margin.
    chart.categories = {"war", "settlement", "capitulation", "standoff", "a", "b"};
    const std::string level = bar_chart_script(chart);
    EXPECT_FALSE(contains(level, "rotate by")) << level;
    // 33 characters turned by 30 degrees need about 132 px more than one line of level names.
    EXPECT_GT(bottom_margin(turned) - bottom_margin(level), 120.0 / 700.0);
    EXPECT_TRUE(contains(turned, "set label \"parameter\" at screen"));
}

}  // namespace
}  // namespace brink::plots
