// Tests of `brink calibrate` (docs/cli.md): a tiny calibration (2 parameters, 4 points, 3 cases, 10 runs,
// 2 folds); its files, the same bytes on 1 and 2 threads, best.yaml accepted by `brink run --params` and
// `brink score --params`, and exit code 2 with file:line:column on a bad file.
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

class Calibrate : public ::testing::Test {
  protected:
    void SetUp() override { m_scratch.emplace("brink_calibrate_cli"); }

    const fs::path& dir() const { return m_scratch->path(); }

    Result brink(const std::vector<std::string>& arguments) const {
        return brink::test_support::run_brink_in(dir(), arguments);
    }

    // The tiny calibration file, its cases given by absolute paths and a glob.
    fs::path write_calibration(const std::string& extra = "") const {
        const std::string root = BRINK_SOURCE_DIR "/scenarios/";
        const fs::path file = dir() / "tiny.yaml";
        std::ofstream(file)
            << "cases:\n  - " << root << "cases/chanak_1922.yaml\n  - " << root
            << "cases/football_war_*.yaml\n  - " << root << "cuba_1962.yaml\n"
            << "parameters:\n  model.rationality: [2, 20]\n  model.war.fog: [0, 1]\n"
            << "design: {method: sobol, points: 4}\nruns: 10\nfolds: 2\nseed: 3\nbootstrap: 100\n"
            << extra;
        return file;
    }

  private:
    std::optional<brink::test_support::TempDir> m_scratch;
};

TEST_F(Calibrate, WritesItsFilesIdenticallyOnOneAndTwoThreads) {
    const fs::path file = write_calibration();
    const Result one = brink({"calibrate", file.string(), "--out", "one", "--threads", "1", "--no-plot"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    const Result two =
        brink({"calibrate", file.string(), "--out", "two", "--threads", "2", "--no-plot", "--quiet"});
    ASSERT_EQ(two.exit_code, 0) << two.err;
    EXPECT_TRUE(two.out.empty());
    for (const char* name : {"calibration.csv", "best.yaml", "cv.csv", "summary.json", "cv/score.csv"}) {
        EXPECT_EQ(read_file(dir() / "one" / name), read_file(dir() / "two" / name)) << name;
    }
    EXPECT_FALSE(fs::exists(dir() / "one" / "calibration.csv.partial"));

    const std::string csv = read_file(dir() / "one" / "calibration.csv");
    EXPECT_EQ(
        csv.substr(0, csv.find('\n')),
        "point,model.rationality,model.war.fog,objective,log,brier,timing,p_war:chanak_1922,log:chanak_1922,"
        "timing:chanak_1922,p_war:football_war_1969,log:football_war_1969,timing:football_war_1969,"
        "p_war:cuba_1962,log:cuba_1962,timing:cuba_1962");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 5);  // header + 4 points
    const std::string cv = read_file(dir() / "one" / "cv.csv");
    EXPECT_EQ(std::count(cv.begin(), cv.end(), '\n'), 4);  // header + 3 held-out cases
    const nlohmann::json summary = nlohmann::json::parse(read_file(dir() / "one" / "summary.json"));
    EXPECT_EQ(summary["kind"], "calibration");
    EXPECT_EQ(summary["cases"], 3);
    EXPECT_EQ(summary["folds"].size(), 2u);
    EXPECT_TRUE(summary["scores"]["cross_validated"]["log"]["estimate"].is_number());
    EXPECT_TRUE(summary["differences"]["log_cv_minus_defaults"]["lo"].is_number());

    // best.yaml is a parameter file for brink run and brink score.
    const std::string best = (dir() / "one" / "best.yaml").string();
    const Result run = brink(
        {"run", BRINK_SOURCE_DIR "/scenarios/cuba_1962.yaml", "--params", best, "--out", "run", "--quiet"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    const Result score = brink({"score", BRINK_SOURCE_DIR "/scenarios/cuba_1962.yaml", "--params", best,
                                "--runs", "10", "--seed", "3", "--out", "score", "--no-plot", "--quiet"});
    EXPECT_EQ(score.exit_code, 0) << score.err;
}

// NLopt's refinement of the best point and of each fold's: refinement.csv, the same bytes on 1 and 2
// threads, and a best.yaml that brink run accepts.
TEST_F(Calibrate, RefinesTheBestPointsIdenticallyOnOneAndTwoThreads) {
    const fs::path file = write_calibration("refine: {method: neldermead, evaluations: 6, step: 0.2}\n");
    const Result one = brink({"calibrate", file.string(), "--out", "one", "--threads", "1", "--no-plot"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    const Result two =
        brink({"calibrate", file.string(), "--out", "two", "--threads", "2", "--no-plot", "--quiet"});
    ASSERT_EQ(two.exit_code, 0) << two.err;
    for (const char* name : {"calibration.csv", "best.yaml", "cv.csv", "summary.json", "refinement.csv"}) {
        EXPECT_EQ(read_file(dir() / "one" / name), read_file(dir() / "two" / name)) << name;
    }
    const std::string csv = read_file(dir() / "one" / "refinement.csv");
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "fold,evaluation,model.rationality,model.war.fog,objective,log,brier,timing");
    const long rows = std::count(csv.begin(), csv.end(), '\n') - 1;
    EXPECT_GE(rows, 3 * 2);  // every refinement has its start and at least one NLopt evaluation
    EXPECT_LE(rows, 3 * 7);  // the start and at most 6 NLopt evaluations, for all cases and 2 folds
    const nlohmann::json summary = nlohmann::json::parse(read_file(dir() / "one" / "summary.json"));
    ASSERT_EQ(summary["refinements"].size(), 3u);
    EXPECT_TRUE(summary["refinements"][0]["fold"].is_null());
    EXPECT_EQ(summary["refinements"][2]["fold"], 1);
    EXPECT_LE(summary["refinements"][0]["best_objective"].get<double>(),
              summary["refinements"][0]["start_objective"].get<double>());
    EXPECT_EQ(summary["refine"]["method"], "neldermead");
    const Result run = brink({"run", BRINK_SOURCE_DIR "/scenarios/cuba_1962.yaml", "--params",
                              (dir() / "one" / "best.yaml").string(), "--out", "run", "--quiet"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
}

// An interrupted calibration (two points done, a third row torn by a kill) resumed, and two shards merged,
// give the same files as one that ran through.
TEST_F(Calibrate, ResumedOrShardedGivesTheSameFiles) {
    const fs::path file = write_calibration();
    ASSERT_EQ(brink({"calibrate", file.string(), "--out", "whole", "--threads", "2", "--no-plot"}).exit_code,
              0);
    const std::string csv = read_file(dir() / "whole" / "calibration.csv");
    std::size_t end = 0;
    for (int line = 0; line < 3; ++line) {  // header and points 0, 1
        end = csv.find('\n', end) + 1;
    }
    fs::create_directories(dir() / "resumed");
    std::ofstream(dir() / "resumed" / "calibration.csv.partial") << csv.substr(0, end + 7);
    const Result resumed =
        brink({"calibrate", file.string(), "--out", "resumed", "--threads", "2", "--no-plot", "--resume"});
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    for (const char* name : {"calibration.csv", "best.yaml", "cv.csv", "summary.json", "cv/score.csv"}) {
        EXPECT_EQ(read_file(dir() / "whole" / name), read_file(dir() / "resumed" / name)) << name;
    }
    // Two shards merged give the same files too.
    for (const char* shard : {"0", "1"}) {
        const Result run = brink({"calibrate", file.string(), "--out", std::string("shard") + shard,
                                  "--shard", std::string(shard) + "/2", "--no-plot"});
        ASSERT_EQ(run.exit_code, 0) << run.err;
        EXPECT_FALSE(fs::exists(dir() / (std::string("shard") + shard) / "summary.json"));
    }
    const Result lonely =
        brink({"calibrate", file.string(), "--merge", "shard0", "--out", "merged", "--no-plot"});
    EXPECT_EQ(lonely.exit_code, 2);
    EXPECT_NE(lonely.err.find("point 1 is in no shard"), std::string::npos) << lonely.err;
    const Result merged =
        brink({"calibrate", file.string(), "--merge", "shard0", "shard1", "--out", "merged", "--no-plot"});
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    for (const char* name : {"calibration.csv", "best.yaml", "cv.csv", "summary.json", "cv/score.csv"}) {
        EXPECT_EQ(read_file(dir() / "whole" / name), read_file(dir() / "merged" / name)) << name;
    }
    // A partial file of another calibration is refused.
    std::ofstream(dir() / "resumed" / "calibration.csv.partial") << "point,model.x\n";
    const Result other = brink({"calibrate", file.string(), "--out", "resumed", "--no-plot", "--resume"});
    EXPECT_EQ(other.exit_code, 2);
    EXPECT_NE(other.err.find("not this calibration's"), std::string::npos) << other.err;
}

TEST_F(Calibrate, PlotOfACalibrationFolderRedrawsItsCrossValidatedCharts) {
    const fs::path file = write_calibration();
    ASSERT_EQ(brink({"calibrate", file.string(), "--out", "cal", "--threads", "2", "--no-plot", "--quiet"})
                  .exit_code,
              0);
    const Result plot = brink({"plot", "cal", "--format", "svg"});
    if (std::system("command -v gnuplot >/dev/null 2>&1") != 0) {
        EXPECT_EQ(plot.exit_code, 1) << "without gnuplot nothing is drawn, and it says so";
        return;
    }
    ASSERT_EQ(plot.exit_code, 0) << plot.err;
    for (const char* chart : {"reliability.svg", "cases.svg"}) {
        EXPECT_TRUE(fs::exists(dir() / "cal" / "cv" / "charts" / chart)) << chart;
        EXPECT_NE(plot.out.find(chart), std::string::npos) << plot.out;
    }
    EXPECT_EQ(brink({"plot", "cal", "--mark", "1962-10-28"}).exit_code, 2) << "no time axis to mark";
}

TEST_F(Calibrate, TheFolderCarriesAManifestAndAnotherCalibrationOrKindIsRefused) {
    const fs::path file = write_calibration();
    ASSERT_EQ(brink({"calibrate", file.string(), "--out", "c", "--no-plot", "--quiet"}).exit_code, 0);
    const auto manifest = nlohmann::json::parse(read_file(dir() / "c" / "brink.json"));
    EXPECT_EQ(manifest["kind"], "calibration");
    EXPECT_EQ(manifest["complete"], true);
    EXPECT_EQ(manifest["scenario"]["path"], file.string()) << "the calibration file stands for the scenario";
    EXPECT_EQ(manifest["seed"], 3);
    const auto& files = manifest["files"];
    for (const char* name : {"calibration.csv", "best.yaml", "cv.csv", "summary.json", "cv/score.csv"}) {
        EXPECT_NE(std::find(files.begin(), files.end(), name), files.end()) << name << " in " << files.dump();
    }
    // Another calibration file into the same folder: refused, nothing touched; with --force, replaced.
    std::string other_text = read_file(file);
    other_text.replace(other_text.find("seed: 3"), 7, "seed: 4");
    std::ofstream(dir() / "other.yaml") << other_text;
    const std::string best = read_file(dir() / "c" / "best.yaml");
    const Result other = brink({"calibrate", "other.yaml", "--out", "c", "--no-plot", "--quiet"});
    EXPECT_EQ(other.exit_code, 2);
    EXPECT_NE(other.err.find("c holds a calibration of " + file.string()), std::string::npos) << other.err;
    EXPECT_EQ(read_file(dir() / "c" / "best.yaml"), best);
    // A run into a calibration's folder is refused too; a reader says what the folder holds.
    const Result run = brink({"run", BRINK_SOURCE_DIR "/scenarios/cuba_1962.yaml", "--out", "c", "--quiet"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("holds a calibration"), std::string::npos) << run.err;
    // brink plot draws a calibration's charts (those of its cross-validated forecasts, in c/cv/charts);
    // PlotOfACalibrationFolderRedrawsItsCrossValidatedCharts checks them.
    // brink report writes the calibration's page: the fitted values, then the cross-validated forecasts.
    const Result report = brink({"report", "c"});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    const std::string page = read_file(dir() / "c" / "report.html");
    EXPECT_NE(page.find("<h2>Fitted values</h2>"), std::string::npos);
    EXPECT_NE(page.find("model.rationality"), std::string::npos);
    EXPECT_NE(page.find("<h2>Scores</h2>"), std::string::npos);
    EXPECT_NE(page.find("chart-reliability"), std::string::npos);
    const Result forced = brink({"calibrate", "other.yaml", "--out", "c", "--no-plot", "--quiet", "--force"});
    ASSERT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_EQ(nlohmann::json::parse(read_file(dir() / "c" / "brink.json"))["scenario"]["path"], "other.yaml");
    // A shard's manifest says which shard it is, and --resume continues only that shard.
    ASSERT_EQ(
        brink({"calibrate", file.string(), "--out", "s", "--shard", "0/2", "--no-plot", "--quiet"}).exit_code,
        0);
    EXPECT_EQ(nlohmann::json::parse(read_file(dir() / "s" / "brink.json"))["sweep"]["shard"], "0/2");
    const Result wrong_shard = brink(
        {"calibrate", file.string(), "--out", "s", "--shard", "1/2", "--resume", "--no-plot", "--quiet"});
    EXPECT_EQ(wrong_shard.exit_code, 2);
    EXPECT_NE(wrong_shard.err.find("shard 0/2 of a calibration"), std::string::npos) << wrong_shard.err;
}

TEST_F(Calibrate, ValidateRecognisesTheCalibrationFileAndTheParameterFileItWrites) {
    const fs::path file = write_calibration();
    const Result good = brink({"validate", file.string()});
    EXPECT_EQ(good.exit_code, 0) << good.err;
    EXPECT_EQ(good.out, file.string() + ": ok (a calibration file, with its 3 cases)\n");
    ASSERT_EQ(brink({"calibrate", file.string(), "--out", "c", "--no-plot", "--quiet"}).exit_code, 0);
    const Result best = brink({"validate", "c/best.yaml"});
    EXPECT_EQ(best.exit_code, 0) << best.err;
    EXPECT_EQ(best.out, "c/best.yaml: ok (a parameter file)\n");
    // A bad calibration file: its diagnostics, not a scenario's "missing required key 'actors'".
    std::ofstream(dir() / "bad_cal.yaml")
        << "cases: [nowhere_*.yaml]\nparameters: {model.rationality: [1, 2]}\n";
    const Result bad = brink({"validate", "bad_cal.yaml"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("bad_cal.yaml:"), std::string::npos) << bad.err;
    EXPECT_EQ(bad.err.find("actors"), std::string::npos) << bad.err;
    // Parameter files: a path outside model. at its line, a value out of range naming the key.
    std::ofstream(dir() / "bad_key.yaml") << "model.rationality: 3\nactors.russia.resolve: 0.5\n";
    const Result bad_key = brink({"validate", "bad_key.yaml"});
    EXPECT_EQ(bad_key.exit_code, 2);
    EXPECT_NE(bad_key.err.find("bad_key.yaml:2:"), std::string::npos) << bad_key.err;
    std::ofstream(dir() / "bad_value.yaml") << "model:\n  rationality: -4\n";
    const Result bad_value = brink({"validate", "bad_value.yaml"});
    EXPECT_EQ(bad_value.exit_code, 2);
    EXPECT_NE(bad_value.err.find("bad_value.yaml: error: 'model.rationality' expects a number"),
              std::string::npos)
        << bad_value.err;
    EXPECT_EQ(bad_value.out, "");
}

TEST_F(Calibrate, ReportsABadFileWithItsPositionAndExitCodeTwo) {
    const fs::path file = dir() / "bad.yaml";
    std::ofstream(file) << "cases: [a.yaml]\nparameters: {model.rationality: [1, 2]}\n"
                        << "design: {method: sobol, points: 4}\nrun: 10\n";
    const Result result = brink({"calibrate", file.string(), "--out", "out"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("bad.yaml:4:1: error: unknown key 'run' (did you mean 'runs'?)"),
              std::string::npos)
        << result.err;
    EXPECT_FALSE(fs::exists(dir() / "out"));
}

TEST_F(Calibrate, RefusesMpiInABuildWithoutItAndWithShards) {
    const fs::path file = write_calibration();
    const Result mpi = brink({"calibrate", file.string(), "--mpi", "--shard", "0/2", "--out", "mpi"});
    EXPECT_EQ(mpi.exit_code, 2);
#ifdef BRINK_HAVE_MPI
    EXPECT_NE(mpi.err.find("takes no --resume, --shard or --merge"), std::string::npos) << mpi.err;
#else
    EXPECT_NE(mpi.err.find("built without MPI"), std::string::npos) << mpi.err;
#endif
    EXPECT_FALSE(fs::exists(dir() / "mpi"));
}

TEST_F(Calibrate, RefusesARangeTheModelRejectsBeforeRunning) {
    const std::string cases = BRINK_SOURCE_DIR "/scenarios/cases/chanak_1922.yaml";
    const fs::path file = dir() / "range.yaml";
    std::ofstream(file) << "cases: [" << cases << ", " << cases.substr(0, cases.size() - 16)
                        << "korea_1950.yaml]\nparameters:\n  model.war.fog: [0, 9]\n"
                        << "design: {method: lhs, points: 2}\nfolds: 2\n";
    const Result result = brink({"calibrate", file.string(), "--out", "out"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("range.yaml:3:3: error: 'model.war.fog=9' on"), std::string::npos)
        << result.err;
    EXPECT_FALSE(fs::exists(dir() / "out"));
}

}  // namespace
