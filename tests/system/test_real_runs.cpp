// Charts of a real run: the default scenario (scenarios/ukraine_2022.yaml, nine actors, months of scripted
// history) is run through the model and written by brink_io exactly as `brink run` does, then every chart
// is drawn in every format. The fixtures of test_charts.cpp are small; this is the crisis a reader sees.
#include "brink/io/run_writer.hpp"
#include "brink/model/crisis.hpp"
#include "brink/plots/charts.hpp"

#include "brink_test_support.hpp"
#include "plots_test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>

namespace brink::plots {
namespace {

using testing::expect_valid_chart;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// One run of the default scenario, written once for the whole suite (a Debug run takes about a second).
class RealRun : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        s_scratch = std::make_unique<brink::test_support::TempDir>("brink-plots-real-run");
        const ScenarioSpec& spec = brink::test_support::bundled_scenario();
        const auto result = model::run_crisis(spec, 1);
        io::write_run(s_scratch->path(), spec, result, "brink run scenarios/ukraine_2022.yaml --seed 1");
    }
    static void TearDownTestSuite() { s_scratch.reset(); }
    static std::string dir() { return s_scratch->path().string(); }

  private:
    static inline std::unique_ptr<brink::test_support::TempDir> s_scratch;
};

TEST_F(RealRun, DrawsEveryChartInEveryFormatAsAValidNonTrivialFile) {
    ASSERT_EQ(detect_run_dir(dir()), RunDirKind::SingleRun);
    for (ChartFormat format : {ChartFormat::Png, ChartFormat::Svg, ChartFormat::Pdf}) {
        const std::vector<std::string> written = plot_run_dir(dir(), format);
        ASSERT_EQ(written.size(), charts_for(RunDirKind::SingleRun).size());
        for (const auto& path : written) {
            expect_valid_chart(path, format);
        }
    }
}

TEST_F(RealRun, GnuplotDrawsEveryChartWithoutAWarning) {
    // gnuplot warns, for instance, when a key does not fit or a range is empty.
    for (ChartKind kind : charts_for(RunDirKind::SingleRun)) {
        const std::string path = dir() + "/warnings-" + chart_file_stem(kind) + ".png";
        EXPECT_EQ(render_chart(chart_script(dir(), kind), path, ChartFormat::Png), "")
            << chart_file_stem(kind);
    }
}

TEST_F(RealRun, EventsGiveTheScriptedHistoryItsOwnPanelAndLabelAtMostTwelveKeyEvents) {
    const std::string script = chart_script(dir(), ChartKind::Events);
    // The default scenario scripts events from 30 Oct 2021; the simulated crisis starts on 22 Jan 2022.
    EXPECT_TRUE(contains(script, "# history panel")) << script;
    std::smatch history;
    ASSERT_TRUE(std::regex_search(script, history, std::regex("left: ([0-9]+) scripted history events")));
    EXPECT_GT(std::stoi(history[1].str()), 0);
    // The main panel starts at the start date (less a 2% margin), not at the first history event.
    EXPECT_TRUE(contains(script, "set arrow from 1642809600, graph 0"));  // 2022-01-22 in seconds
    std::size_t labels = 0;
    std::istringstream lines(script);
    for (std::string line; std::getline(lines, line);) {
        labels += line.rfind("set label \"", 0) == 0 && contains(line, "font \",9\"") ? 1U : 0U;
    }
    EXPECT_GE(labels, 1U);
    EXPECT_LE(labels, 12U);
    std::smatch counts;
    ASSERT_TRUE(std::regex_search(script, counts, std::regex("labelled: ([0-9]+) of ([0-9]+) key events")))
        << "a run with dozens of key events says how many are labelled";
    EXPECT_EQ(std::stoul(counts[1].str()), labels);
    EXPECT_GT(std::stoul(counts[2].str()), labels);
}

TEST_F(RealRun, RelationsOfNineActorsPrintEveryCellValueUnderShortenedActorNames) {
    const std::string script = chart_script(dir(), ChartKind::Relations);
    EXPECT_TRUE(contains(script, "\"United States\" 2")) << script;
    EXPECT_TRUE(contains(script, "eastern memb...")) << "a long name is shortened to fit";
    EXPECT_FALSE(contains(script, "western_europe_canada")) << "names, not ids";
    // 81 cells per panel, each with a two-decimal value.
    const std::regex cell("^[0-9]+ [0-9]+ -?[0-9.e+-]+ \"-?[0-9]\\.[0-9]{2}\" [0-9]+$");
    std::size_t cells = 0;
    std::istringstream lines(script);
    for (std::string line; std::getline(lines, line);) {
        cells += std::regex_match(line, cell) ? 1U : 0U;
    }
    EXPECT_EQ(cells, 2U * 81U);
}

}  // namespace
}  // namespace brink::plots
