// Tests of include/brink/plots/sweep_charts.hpp: a sweep's charts drawn from its output files. The fixture
// directories tests/unit/plots/data/sweep_{grid,line,sobol} are small sweeps of scenarios/cuba_1962.yaml
// written by `brink sweep` (sweep.json, points.csv, sobol.csv; the scenario path made relative):
//   sweep_grid:  --param actors.ussr.resolve=0.3:0.9:3 --param model.rationality=5,20 --runs 4
//   sweep_line:  --param model.rationality=1:40:4 --runs 5
//   sweep_bars:  --param model.decisions_enabled=true,false --runs 5 (labelled levels)
//   sweep_sobol: design sobol, samples 4, replications 2, bootstrap 50, metrics [p_war, mean_peak_rung],
//                actors.ussr.resolve in [0.3, 0.9], model.rationality in [2, 20]
// Their charts' PNG files were compared byte for byte with those the sweep ring drew before plots drew them.
#include "brink/plots/charts.hpp"
#include "brink/plots/sweep_charts.hpp"

#include "plots_test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace brink::plots {
namespace {

using testing::expect_golden;
using testing::fixture_dir;
using testing::ScratchRun;

std::vector<std::string> stems(const std::vector<SweepChart>& charts) {
    std::vector<std::string> names;
    for (const auto& chart : charts) {
        names.push_back(chart.stem);
    }
    return names;
}

TEST(SweepChartScripts, AGridOverTwoParametersIsAPWarHeatmap) {
    const auto charts = sweep_chart_scripts(fixture_dir("sweep_grid"));
    ASSERT_EQ(stems(charts), std::vector<std::string>{"p_war_heatmap"});
    expect_golden(charts[0].script, "p_war_heatmap");
}

TEST(SweepChartScripts, AGridOverOneParameterIsPWarWithItsWilsonBand) {
    const auto charts = sweep_chart_scripts(fixture_dir("sweep_line"));
    ASSERT_EQ(stems(charts), std::vector<std::string>{"p_war_line"});
    expect_golden(charts[0].script, "p_war_line");
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
