// Tests of `brink score` (docs/cli.md): a few cases with few runs; the files, their columns, the same outputs
// on 1 and 2 threads, the charts, and exit code 2 on bad input.
#include "brink_process.hpp"
#include "brink_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using brink::test_support::read_file;

using Result = brink::test_support::ProcessResult;

class Score : public ::testing::Test {
  protected:
    void SetUp() override { m_scratch.emplace("brink_score_cli"); }

    const fs::path& dir() const { return m_scratch->path(); }

    Result brink(const std::vector<std::string>& arguments) const {
        return brink::test_support::run_brink_in(dir(), arguments);
    }

    // Three short cases: a crisis without violence, a war, and a bundled scenario found through cases/.
    static std::vector<std::string> cases() {
        const std::string root = BRINK_SOURCE_DIR "/scenarios/";
        return {root + "cases/chanak_1922.yaml", root + "cases/football_war_1969.yaml",
                root + "cuba_1962.yaml"};
    }

    std::vector<std::string> score_args(const std::string& out, const std::string& threads) const {
        std::vector<std::string> arguments = {"score"};
        for (const std::string& path : cases()) {
            arguments.push_back(path);
        }
        for (const char* option : {"--runs", "20", "--seed", "3", "--bootstrap", "200", "--out"}) {
            arguments.emplace_back(option);
        }
        arguments.push_back(out);
        arguments.insert(arguments.end(), {"--threads", threads, "--no-plot"});
        return arguments;
    }

  private:
    std::optional<brink::test_support::TempDir> m_scratch;
};

std::string header_of(const std::string& csv) {
    return csv.substr(0, csv.find('\n'));
}

}  // namespace

TEST_F(Score, WritesTheFilesWithTheSameBytesOnOneAndTwoThreads) {
    const Result one = brink(score_args("one", "1"));
    ASSERT_EQ(one.exit_code, 0) << one.err;
    const Result two = brink(score_args("two", "2"));
    ASSERT_EQ(two.exit_code, 0) << two.err;
    for (const char* file : {"score.csv", "score_actors.csv", "score.json"}) {
        const std::string text = read_file(dir() / "one" / file);
        EXPECT_FALSE(text.empty()) << file;
        EXPECT_EQ(text, read_file(dir() / "two" / file)) << file;
    }

    const std::string csv = read_file(dir() / "one" / "score.csv");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);  // header and three cases
    for (const char* column : {"case", "p_war", "p_war_lo", "p_violence_4", "p_settlement", "median_days",
                               "median_days_to_war", "observed_war", "observed_max_violence", "brier", "log",
                               "rps", "timing", "base_rate_p_war", "logistic_p_war"}) {
        EXPECT_NE(("," + header_of(csv) + ",").find(std::string(",") + column + ","), std::string::npos)
            << column;
    }
    EXPECT_NE(csv.find("\nfootball_war_1969,"), std::string::npos);
    EXPECT_NE(csv.find("\ncuba_1962,"), std::string::npos);
    const auto json = nlohmann::json::parse(read_file(dir() / "one" / "score.json"));
    EXPECT_EQ(json.at("runs_per_case"), 20);
    EXPECT_EQ(json.at("cases").size(), 3U);
    for (const char* forecaster : {"model", "base_rate", "capability_logistic"}) {
        const auto& brier = json.at("scores").at(forecaster).at("brier");
        EXPECT_LE(brier.at("lo").get<double>(), brier.at("estimate").get<double>()) << forecaster;
        EXPECT_GE(brier.at("hi").get<double>(), brier.at("estimate").get<double>()) << forecaster;
    }
    EXPECT_NE(one.out.find("base rate"), std::string::npos);

    // A case's forecast is the ensemble `brink run CASE --runs 20 --seed 3` gives (the same seeds).
    const Result ensemble =
        brink({"run", cases()[0], "--runs", "20", "--seed", "3", "--out", "ens", "--quiet"});
    ASSERT_EQ(ensemble.exit_code, 0) << ensemble.err;
    const auto summary = nlohmann::json::parse(read_file(dir() / "ens" / "summary.json"));
    const std::string first_row = csv.substr(csv.find('\n') + 1);
    const std::string p_war = summary.at("p_war").at("estimate").dump();
    EXPECT_EQ(first_row.rfind("chanak_1922," + cases()[0] + ",20,0," + p_war + ",", 0), 0U) << first_row;
}

TEST_F(Score, DrawsTheReliabilityDiagramAndTheCaseChart) {
    std::vector<std::string> arguments = score_args("charts", "2");
    arguments.pop_back();  // --no-plot
    const Result result = brink(arguments);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(result.err.empty()) << result.err;
    for (const char* chart : {"reliability.png", "cases.png"}) {
        EXPECT_GT(fs::file_size(dir() / "charts" / "charts" / chart), 1000U) << chart;
    }
    // `brink plot` redraws them from the files.
    const Result redrawn = brink({"plot", "charts", "--format", "svg"});
    ASSERT_EQ(redrawn.exit_code, 0) << redrawn.err;
    EXPECT_TRUE(fs::exists(dir() / "charts" / "charts" / "cases.svg"));
}

TEST_F(Score, TheFolderCarriesAManifestThatReadersAndWritersCheck) {
    ASSERT_EQ(brink(score_args("s", "2")).exit_code, 0);
    const auto manifest = nlohmann::json::parse(read_file(dir() / "s" / "brink.json"));
    EXPECT_EQ(manifest["kind"], "score");
    EXPECT_EQ(manifest["complete"], true);
    EXPECT_TRUE(manifest["scenario"]["path"].is_null()) << "a score is of many cases";
    EXPECT_EQ(manifest["seed"], 3);
    EXPECT_EQ(manifest["files"], nlohmann::json::parse(R"(["score.csv", "score_actors.csv", "score.json"])"));
    // brink plot draws it and lists the charts; brink report says what the folder holds.
    const Result plot = brink({"plot", "s", "--format", "svg"});
    ASSERT_EQ(plot.exit_code, 0) << plot.err;
    const auto files = nlohmann::json::parse(read_file(dir() / "s" / "brink.json"))["files"];
    EXPECT_NE(std::find(files.begin(), files.end(), "charts/cases.svg"), files.end()) << files.dump();
    // brink report writes the score's page: the scores, the two charts inlined, the cases.
    const Result report = brink({"report", "s"});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    const std::string page = read_file(dir() / "s" / "report.html");
    EXPECT_NE(page.find("<h2>Scores</h2>"), std::string::npos);
    EXPECT_NE(page.find("capability-only logistic"), std::string::npos);
    EXPECT_NE(page.find("chart-cases"), std::string::npos);
    EXPECT_NE(page.find("<h2>Cases</h2>"), std::string::npos);
    EXPECT_EQ(page.find("src=\"http"), std::string::npos) << "self-contained";
    EXPECT_EQ(page.find("href=\"http"), std::string::npos) << "self-contained";
    const auto listed = nlohmann::json::parse(read_file(dir() / "s" / "brink.json"))["files"];
    EXPECT_NE(std::find(listed.begin(), listed.end(), "report.html"), listed.end()) << listed.dump();
    // Another kind into a score's folder: refused without --force; another score replaces it.
    const Result run = brink({"run", BRINK_SOURCE_DIR "/scenarios/cuba_1962.yaml", "--out", "s", "--quiet"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("s holds a score"), std::string::npos) << run.err;
    ASSERT_EQ(brink(score_args("s", "1")).exit_code, 0);
    EXPECT_FALSE(fs::exists(dir() / "s" / "charts" / "cases.svg"))
        << "the previous score's charts are cleared";
    fs::create_directories(dir() / "r");
    ASSERT_EQ(brink({"run", BRINK_SOURCE_DIR "/scenarios/cuba_1962.yaml", "--out", "r", "--quiet"}).exit_code,
              0);
    const Result over_run = brink(score_args("r", "1"));
    EXPECT_EQ(over_run.exit_code, 2);
    EXPECT_NE(over_run.err.find("r holds a single run"), std::string::npos) << over_run.err;
    std::vector<std::string> forced = score_args("r", "1");
    forced.push_back("--force");
    ASSERT_EQ(brink(forced).exit_code, 0);
    EXPECT_FALSE(fs::exists(dir() / "r" / "events.csv")) << "--force clears the run's files";
}

TEST_F(Score, ExitsTwoOnBadInputAndWritesNothing) {
    const std::string chanak = BRINK_SOURCE_DIR "/scenarios/cases/chanak_1922.yaml";
    Result result = brink({"score", "missing_case.yaml", "--out", "out"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("missing_case.yaml"), std::string::npos) << result.err;

    // A case file without an observed row: a copy of a case under another name.
    fs::create_directories(dir() / "cases");
    fs::copy_file(chanak, dir() / "cases" / "unknown_1900.yaml");
    fs::copy_file(BRINK_SOURCE_DIR "/scenarios/cases/observed.csv", dir() / "cases" / "observed.csv");
    result = brink({"score", "cases/unknown_1900.yaml", "--out", "out"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("case 'unknown_1900' has no observed row"), std::string::npos) << result.err;

    result = brink({"score", chanak, "--runs", "0", "--out", "out"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--runs"), std::string::npos) << result.err;

    result = brink({"score", chanak, "--set", "model.rationality=-1", "--out", "out"});
    EXPECT_EQ(result.exit_code, 2);

    std::ofstream(dir() / "params.yaml") << "actors:\n  uk:\n    resolve: 0.9\n";
    result = brink({"score", chanak, "--params", "params.yaml", "--out", "out"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("params.yaml:3"), std::string::npos) << result.err;

    result = brink({"score", chanak, chanak, "--out", "out"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_FALSE(fs::exists(dir() / "out"));
}

TEST_F(Score, AppliesAParameterFileToEveryCase) {
    std::ofstream(dir() / "params.yaml") << "model:\n  rationality: 2\n";
    const std::string chanak = BRINK_SOURCE_DIR "/scenarios/cases/chanak_1922.yaml";
    const Result result =
        brink({"score", chanak, "--runs", "10", "--params", "params.yaml", "--no-plot", "--out", "out"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto json = nlohmann::json::parse(read_file(dir() / "out" / "score.json"));
    EXPECT_EQ(json.at("overrides"), nlohmann::json::array({"model.rationality=2"}));
}

// A case with an observed weekly dyad series beside its observed.csv: score.csv compares the mean simulated
// weekly sums with it; an actor the scenario lacks is an input error (exit 2, nothing written).
TEST_F(Score, ComparesACasesObservedWeeklyDyadSeries) {
    fs::create_directories(dir() / "cases");
    fs::copy_file(BRINK_SOURCE_DIR "/scenarios/cases/chanak_1922.yaml", dir() / "cases" / "chanak_1922.yaml");
    fs::copy_file(BRINK_SOURCE_DIR "/scenarios/cases/observed.csv", dir() / "cases" / "observed.csv");
    std::ofstream(dir() / "cases" / "observed_dyads.csv")
        << "case,a,b,week_start,goldstein\nchanak_1922,turkey,uk,1922-09-23,-12\n"
        << "chanak_1922,turkey,uk,1922-09-30,-4\nchanak_1922,uk,turkey,1922-10-07,6\n"
        << "chanak_1922,uk,turkey,1922-10-14,3\n";
    const Result result =
        brink({"score", "cases/chanak_1922.yaml", "--runs", "20", "--no-plot", "--out", "out"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string csv = read_file(dir() / "out" / "score.csv");
    const std::string header = csv.substr(0, csv.find('\n'));
    EXPECT_NE(
        header.find(",dyad,dyad_weeks,dyad_sign_agreement,dyad_correlation,baseline_dyad_sign_agreement,"
                    "dyad_starting_affinity"),
        std::string::npos)
        << header;
    EXPECT_NE(csv.find(",turkey-uk,4,"), std::string::npos) << csv;  // four weeks within the 48-day horizon
    const auto json = nlohmann::json::parse(read_file(dir() / "out" / "score.json"));
    EXPECT_EQ(json["dyad_series"]["cases"], 1);
    const double agreement = json["dyad_series"]["mean_sign_agreement"].get<double>();
    EXPECT_GE(agreement, 0.0);
    EXPECT_LE(agreement, 1.0);

    std::ofstream(dir() / "cases" / "observed_dyads.csv")
        << "case,a,b,week_start,goldstein\nchanak_1922,turkey,italy,1922-09-23,-12\n";
    const Result bad =
        brink({"score", "cases/chanak_1922.yaml", "--runs", "20", "--no-plot", "--out", "bad"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("'italy', which is not an actor"), std::string::npos) << bad.err;
    EXPECT_FALSE(fs::exists(dir() / "bad"));
}
