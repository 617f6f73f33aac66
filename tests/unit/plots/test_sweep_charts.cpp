// Tests of include/brink/plots/sweep_charts.hpp: a sweep's charts drawn from its output files. The fixture
// directories tests/unit/plots/data/sweep_{grid,line,sobol} are small sweeps of scenarios/cuba_1962.yaml
// written by `brink sweep` (sweep.json, points.csv, sobol.csv; the scenario path made relative):
//   sweep_grid:  --param actors.ussr.resolve=0.3:0.9:3 --param model.rationality=5,20 --runs 4
//   sweep_line:  --param model.rationality=1:40:4 --runs 5
//   sweep_bars:  --param model.decisions_enabled=true,false --runs 5 (labelled levels)
//   sweep_sobol: design sobol, samples 4, replications 2, bootstrap 50, metrics [p_war, mean_peak_rung],
//                actors.ussr.resolve in [0.3, 0.9], model.rationality in [2, 20]
// Their charts' PNG files were compared byte for byte with those the sweep ring drew before plots drew them.
// sweep_grid and sweep_sobol carry the parameter labels brink sweep now writes into sweep.json ("Soviet Union
// · resolve"); sweep_line keeps the older form without them, whose charts fall back to the paths.
#include "brink/plots/charts.hpp"
#include "brink/plots/sweep_charts.hpp"

#include "plots_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>

namespace brink::plots {
namespace {

using testing::expect_golden;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}
using testing::fixture_dir;
using testing::ScratchRun;

std::vector<std::string> stems(const std::vector<SweepChart>& charts) {
    std::vector<std::string> names;
    for (const auto& chart : charts) {
        names.push_back(chart.stem);
    }
    return names;
}

TEST(SweepChartScripts, AGridOverTwoParametersIsAPWarHeatmapAndLinesPerValueOfTheSecond) {
    const auto charts = sweep_chart_scripts(fixture_dir("sweep_grid"));
    ASSERT_EQ(stems(charts), (std::vector<std::string>{"p_war_heatmap", "p_war_lines"}));
    expect_golden(charts[0].script, "p_war_heatmap");
    expect_golden(charts[1].script, "p_war_lines");
}

TEST(SweepChartScripts, ParametersAreLabelledWithTheScenarioNamesNotThePaths) {
    const auto charts = sweep_chart_scripts(fixture_dir("sweep_grid"));
    for (const auto& chart : charts) {
        EXPECT_TRUE(contains(chart.script, "Soviet Union · resolve")) << chart.stem;
        EXPECT_FALSE(contains(chart.script, "actors.ussr.resolve")) << chart.stem;
    }
    // Without labels (a sweep.json written before they were recorded) the path is the label.
    const auto old = sweep_chart_scripts(fixture_dir("sweep_line"));
    EXPECT_TRUE(contains(old[0].script, "set xlabel \"model.rationality\""));
}

TEST(SweepChartScripts, HeatmapCellsPrintTheirWilsonIntervalAndMarkOverlapsWithANeighbour) {
    const std::string script = sweep_chart_scripts(fixture_dir("sweep_grid"))[0].script;
    // Point 0 of points.csv: 0.25 [0.0456, 0.699]; point 3: 0.75 [0.301, 0.954].
    EXPECT_TRUE(contains(script, "\"0.05–0.70\"")) << script;
    EXPECT_TRUE(contains(script, "\"0.30–0.95\"")) << script;
    EXPECT_TRUE(contains(script, "Wilson 95% interval")) << "a caption says what the second line is";
    EXPECT_TRUE(contains(script, "○  the interval overlaps a neighbouring cell's")) << "the mark's legend";
    // Every interval of the fixture overlaps a neighbour's: six marks.
    const std::string marks = script.substr(script.find("$m0 << EOD\n"));
    const std::size_t end = marks.find("\nEOD\n");
    ASSERT_NE(end, std::string::npos);
    EXPECT_EQ(std::count(marks.begin(), marks.begin() + static_cast<std::ptrdiff_t>(end) + 1, '\n') - 1, 6)
        << marks;
}

TEST(SweepChartScripts, HeatmapCellsWhoseIntervalsAreApartFromEveryNeighbourAreNotMarked) {
    ScratchRun run("sweep_grid", "sweep-apart");
    // A 3 x 2 grid whose P(war) intervals are all disjoint: 0, 0.2, 0.4, ... with intervals of +-0.05.
    std::ofstream points(run.path() + "/points.csv");
    points << "point,actors.ussr.resolve,model.rationality,n,p_war,p_war_lo,p_war_hi\n";
    for (int p = 0; p < 6; ++p) {
        const double value = 0.2 * p;
        points << p << ",0,0,100," << value << "," << value - 0.05 << "," << value + 0.05 << "\n";
    }
    points.close();
    const std::string script = sweep_chart_scripts(run.path())[0].script;
    const std::string marks = script.substr(script.find("$m0 << EOD\n"));
    EXPECT_EQ(marks.find("$m0 << EOD\nEOD\n"), 0U) << "no cell marked: " << marks.substr(0, 200);
}

TEST(SweepChartScripts, TwoParameterLinesHaveOneLinePerValueOfTheSecondWithBands) {
    const std::string script = sweep_chart_scripts(fixture_dir("sweep_grid"))[1].script;
    EXPECT_TRUE(contains(script, "title \"model · rationality = 5\"")) << script;
    EXPECT_TRUE(contains(script, "title \"model · rationality = 20\"")) << script;
    EXPECT_TRUE(contains(script, "set xlabel \"Soviet Union · resolve\"")) << script;
    EXPECT_EQ(count_of(script, "using 1:3:4 with filledcurves"), 2U) << "a Wilson band per line";
    // rationality = 20 over resolve 0.3, 0.6, 0.9: P(war) 0.25, 0.75, 0.75 (points 1, 3, 5).
    EXPECT_TRUE(contains(script, "$p0s1 << EOD\n0.3 0.25 ")) << script;
}

TEST(SweepChartScripts, AGridOverOneParameterIsPWarWithItsWilsonBand) {
    const auto charts = sweep_chart_scripts(fixture_dir("sweep_line"));
    ASSERT_EQ(stems(charts), std::vector<std::string>{"p_war_line"});
    expect_golden(charts[0].script, "p_war_line");
}

TEST(SweepChartScripts, TwoParameterLinesAreAtMostEightSpreadOverTheSecondParameter) {
    ScratchRun run("sweep_grid", "sweep-many-lines");
    // 2 x 12: resolve 0.3, 0.6 by twelve rationality levels 1..12.
    std::string json = testing::slurp(run.path() + "/sweep.json");
    auto replace = [&json](const std::string& from, const std::string& to) {
        ASSERT_NE(json.find(from), std::string::npos) << from;
        json.replace(json.find(from), from.size(), to);
    };
    replace("5.0,\n        20.0", "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12");
    replace("0.3,\n        0.6,\n        0.9", "0.3, 0.6");
    replace("\"points\": 6", "\"points\": 24");
    std::ofstream(run.path() + "/sweep.json") << json;
    std::ofstream points(run.path() + "/points.csv");
    points << "point,actors.ussr.resolve,model.rationality,n,p_war,p_war_lo,p_war_hi\n";
    for (int p = 0; p < 24; ++p) {
        points << p << ",0,0,10,0.5,0.2,0.8\n";
    }
    points.close();
    const std::string script = sweep_chart_scripts(run.path())[1].script;
    EXPECT_TRUE(contains(script, "lines for 8 of the 12 values of model · rationality")) << script;
    // Levels 0, 2, 3, 5, 6, 8, 9, 11 of 0..11 (j * 11 / 7 rounded): the first and the last among them.
    for (const char* level : {"= 1\"", "= 3\"", "= 4\"", "= 6\"", "= 7\"", "= 9\"", "= 10\"", "= 12\""}) {
        EXPECT_TRUE(contains(script, std::string("title \"model · rationality ") + level)) << level;
    }
    EXPECT_FALSE(contains(script, "title \"model · rationality = 2\""));
    EXPECT_TRUE(contains(script, "transparent solid 0.08 noborder")) << "eight bands, each fainter";
}

TEST(SweepChartScripts, AGridOverOneLabelledParameterIsABarPerLevel) {
    const auto charts = sweep_chart_scripts(fixture_dir("sweep_bars"));
    ASSERT_EQ(stems(charts), std::vector<std::string>{"p_war_bars"});
    EXPECT_NE(charts[0].script.find("\"true\""), std::string::npos) << charts[0].script;
    EXPECT_NE(charts[0].script.find("\"false\""), std::string::npos) << charts[0].script;
    expect_golden(charts[0].script, "p_war_bars");
}

TEST(SweepChartScripts, ASobolDesignGivesOneBarChartPerMetric) {
    const auto charts = sweep_chart_scripts(fixture_dir("sweep_sobol"));
    ASSERT_EQ(stems(charts), (std::vector<std::string>{"sobol_p_war", "sobol_mean_peak_rung"}));
    expect_golden(charts[0].script, "sobol_p_war");
    EXPECT_TRUE(contains(charts[0].script, "Sobol indices of P(war)")) << "metrics named for readers";
    EXPECT_TRUE(contains(charts[1].script, "Sobol indices of mean peak rung"));
}

TEST(SweepChartScripts, SobolBarsAreSortedByTotalEffectAndTheAxisHoldsEveryIntervalEnd) {
    const std::string script = sweep_chart_scripts(fixture_dir("sweep_sobol"))[0].script;
    // sobol.csv lists resolve (ST 0.17) before rationality (ST 0.85): the larger total effect comes first.
    EXPECT_TRUE(contains(script, "(\"model · rationality\" 0, \"Soviet Union · resolve\" 1)")) << script;
    // resolve's S1 interval reaches -0.814, its ST interval 2.957: both ends inside the y range.
    std::smatch range;
    ASSERT_TRUE(std::regex_search(script, range, std::regex("set yrange \\[([-0-9.e]+):([-0-9.e]+)\\]")))
        << script;
    EXPECT_LT(std::stod(range[1].str()), -0.8142857);
    EXPECT_GT(std::stod(range[2].str()), 2.9571428);
    EXPECT_TRUE(contains(script, "set xzeroaxis")) << "bars below zero grow from a drawn zero line";
}

TEST(SweepChartScripts, AMissingOrMalformedFileIsAPlotError) {
    ScratchRun run("sweep_grid", "sweep-missing-points");
    std::filesystem::remove(run.path() + "/points.csv");
    EXPECT_THROW(sweep_chart_scripts(run.path()), PlotError);
    ScratchRun sobol("sweep_sobol", "sweep-bad-sobol");
    std::ofstream(sobol.path() + "/sobol.csv") << "metric,parameter\np_war,x\n";
    EXPECT_THROW(sweep_chart_scripts(sobol.path()), PlotError);
}

TEST(DrawSweepCharts, WithoutGnuplotDrawsNothingAndSaysWhy) {
    ScratchRun run("sweep_grid", "sweep-no-gnuplot");
    RenderOptions options;
    options.gnuplot_command = "/nonexistent/brink-test/gnuplot";
    const DrawnCharts drawn = draw_sweep_charts(run.path(), ChartFormat::Png, options);
    EXPECT_TRUE(drawn.written.empty());
    ASSERT_EQ(drawn.pending.size(), 1U);
    EXPECT_EQ(drawn.pending[0], std::string("sweep charts not drawn: ") + gnuplot_missing_message);
    EXPECT_FALSE(std::filesystem::exists(run.path() + "/charts"));
}

TEST(PlotRunDir, DrawsASweepsChartsLikeARunsWhenGnuplotIsThere) {
    if (!gnuplot_available()) {
        GTEST_SKIP() << "gnuplot not installed";
    }
    ScratchRun run("sweep_sobol", "sweep-plot");
    const auto written = plot_run_dir(run.path(), ChartFormat::Svg);
    ASSERT_EQ(written.size(), 2U);
    for (const auto& path : written) {
        testing::expect_valid_chart(path, ChartFormat::Svg);
    }
    const DrawnCharts drawn = draw_sweep_charts(run.path(), ChartFormat::Png);
    EXPECT_TRUE(drawn.pending.empty());
    EXPECT_EQ(drawn.written.size(), 2U);
}

}  // namespace
}  // namespace brink::plots
