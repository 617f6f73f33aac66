// Tests of include/brink/plots/score_charts.hpp: the charts of a score directory drawn from its files. The
// fixture tests/unit/plots/data/score was written by `brink score scenarios/cases/chanak_1922.yaml
// scenarios/cases/korea_1950.yaml scenarios/cases/football_war_1969.yaml scenarios/cuba_1962.yaml --runs 20
// --seed 3 --bootstrap 100 --no-plot` from the source directory.
#include "brink/plots/score_charts.hpp"

#include "plots_test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace brink::plots {
namespace {

using testing::fixture_dir;
using testing::ScratchRun;

TEST(ScoreChartScripts, GiveTheReliabilityDiagramAndTheCaseChart) {
    const auto charts = score_chart_scripts(fixture_dir("score"));
    ASSERT_EQ(charts.size(), 2U);
    EXPECT_EQ(charts[0].stem, "reliability");
    EXPECT_EQ(charts[1].stem, "cases");
    // The reliability diagram: the diagonal, the base rate (2 wars in 4 cases) and each bin's count.
    EXPECT_NE(charts[0].script.find("perfect reliability"), std::string::npos);
    EXPECT_NE(charts[0].script.find("base rate of the cases (0.50)"), std::string::npos);
    EXPECT_NE(charts[0].script.find("\"n = "), std::string::npos);
    // The case chart names every case with its observed violence level, and marks the two outcomes.
    for (const char* label :
         {"chanak_1922 (1)", "korea_1950 (4)", "football_war_1969 (4)", "cuba_1962 (1)"}) {
        EXPECT_NE(charts[1].script.find(label), std::string::npos) << label;
    }
    EXPECT_NE(charts[1].script.find("observed: war"), std::string::npos);
    EXPECT_NE(charts[1].script.find("observed: no war"), std::string::npos);
    EXPECT_GE(charts[1].height_px, 700);
}

TEST(ScoreChartScripts, SortTheCasesByTheirForecast) {
    const auto charts = score_chart_scripts(fixture_dir("score"));
    // Korea went to war in every run: it is the top row, the last tic.
    const std::string& script = charts[1].script;
    EXPECT_GT(script.find("korea_1950 (4)"), script.find("chanak_1922 (1)"));
}

TEST(ScoreChartScripts, AMissingOrMalformedFileIsAPlotError) {
    ScratchRun run("score", "score-missing");
    std::filesystem::remove(run.path() + "/score.json");
    EXPECT_THROW(score_chart_scripts(run.path()), PlotError);
    ScratchRun bad("score", "score-bad");
    std::ofstream(bad.path() + "/score.csv") << "case,p_war\nx,0.5\n";
    EXPECT_THROW(score_chart_scripts(bad.path()), PlotError);
}

}  // namespace
}  // namespace brink::plots
