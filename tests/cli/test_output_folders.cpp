// Output folders that cannot lie (docs/outputs.md, "The manifest"; issue 16): each stale-output case users
// met becomes a test of `brink` run as a process. A folder's brink.json says what it holds; writers refuse
// another kind's or another scenario's folder without --force and clear the previous output's files;
// readers refuse a folder whose files are not what its manifest says.
#include "brink_test_support.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using brink::test_support::read_file;

struct Outcome {
    int exit_code = -1;
    std::string out;
    std::string err;
};

std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

const std::string k_scenarios = BRINK_SOURCE_DIR "/scenarios/";

// A fresh working directory per test; `brink` runs inside it.
class OutputFolders : public ::testing::Test {
  protected:
    void SetUp() override {
        m_scratch.emplace("brink_output_folders");
        m_dir = m_scratch->path();
    }

    const fs::path& dir() const { return m_dir; }

    /// Runs `brink ARGS...`; standard input from `input` (a file) or /dev/null.
    Outcome brink(const std::vector<std::string>& arguments, const fs::path& input = {}) const {
        std::string command = "cd " + shell_quote(m_dir.string()) + " && " + shell_quote(BRINK_EXECUTABLE);
        for (const std::string& argument : arguments) {
            command += " " + shell_quote(argument);
        }
        const fs::path out = m_dir / ".stdout";
        const fs::path err = m_dir / ".stderr";
        command += " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string()) + " <" +
                   shell_quote(input.empty() ? std::string("/dev/null") : input.string());
        const int status = std::system(command.c_str());
        Outcome outcome;
        outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        outcome.out = read_file(out);
        outcome.err = read_file(err);
        fs::remove(out);
        fs::remove(err);
        return outcome;
    }

    nlohmann::json manifest(const std::string& folder) const {
        return nlohmann::json::parse(read_file(m_dir / folder / "brink.json"));
    }

    /// Writes late.yaml: cuba_1962 with a scripted summit on day 50, after every run of it has ended.
    void write_late_summit_scenario() const {
        std::string scenario = read_file(k_scenarios + "cuba_1962.yaml");
        const auto events = scenario.find("\nevents:\n");
        ASSERT_NE(events, std::string::npos);
        scenario.insert(events + 9,
                        "  - day: 50\n    type: meeting\n    source: usa\n    targets: [ussr]\n"
                        "    description: \"A summit that never was\"\n");
        write("late.yaml", scenario);
    }

    void write(const fs::path& relative, const std::string& text) const {
        fs::create_directories((m_dir / relative).parent_path());
        std::ofstream(m_dir / relative) << text;
    }

  private:
    std::optional<brink::test_support::TempDir> m_scratch;
    fs::path m_dir;
};

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_F(OutputFolders, EveryFolderCarriesACompleteManifestListingItsFiles) {
    ASSERT_EQ(
        brink({"run", k_scenarios + "cuba_1962.yaml", "--seed", "3", "--out", "r", "--quiet"}).exit_code, 0);
    const auto run = manifest("r");
    EXPECT_EQ(run["kind"], "run");
    EXPECT_EQ(run["brink_version"], BRINK_VERSION);
    EXPECT_EQ(run["scenario"]["path"], k_scenarios + "cuba_1962.yaml");
    EXPECT_EQ(run["scenario"]["sha256"].get<std::string>().size(), 64U);
    EXPECT_EQ(run["seed"], 3);
    EXPECT_TRUE(has(run["command"].get<std::string>(), "--seed 3 --out r"));
    EXPECT_EQ(run["complete"], true);
    EXPECT_EQ(run["files"], nlohmann::json({"trajectory.csv", "events.csv", "dyads.csv", "bdm_rounds.csv",
                                            "summary.json"}));
    ASSERT_EQ(brink({"report", "r"}).exit_code, 0);
    EXPECT_EQ(manifest("r")["files"].back(), "report.html");

    ASSERT_EQ(brink({"run", "--runs", "3", "--quiet"}).exit_code, 0);
    EXPECT_EQ(manifest("out/ukraine_2022_ensemble")["kind"], "ensemble");
    ASSERT_EQ(
        brink({"sweep", "--param", "actors.russia.resolve=0.3:0.9:2", "--out", "s", "--quiet"}).exit_code, 0);
    const auto sweep = manifest("s");
    EXPECT_EQ(sweep["kind"], "sweep");
    EXPECT_EQ(sweep["sweep"]["design_sha256"].get<std::string>().size(), 64U);
    EXPECT_EQ(sweep["complete"], true);
}

// Issue 16: `brink run --runs 200 && brink run && brink report out/ukraine_2022` reported the old ensemble.
TEST_F(OutputFolders, AnEnsembleAndASingleRunDoNotShareTheDefaultFolder) {
    ASSERT_EQ(brink({"run", "--runs", "4", "--quiet"}).exit_code, 0);
    ASSERT_EQ(brink({"run", "--quiet"}).exit_code, 0);
    EXPECT_TRUE(fs::exists(dir() / "out" / "ukraine_2022_ensemble" / "runs.csv"));
    EXPECT_FALSE(fs::exists(dir() / "out" / "ukraine_2022" / "runs.csv"));
    const Outcome report = brink({"report", "out/ukraine_2022"});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    EXPECT_FALSE(has(read_file(dir() / "out" / "ukraine_2022" / "report.html"), "Ensemble of runs"));
}

TEST_F(OutputFolders, AnotherKindInTheFolderIsRefusedUnlessForcedAndThenClearedFirst) {
    ASSERT_EQ(brink({"run", "--runs", "4", "--out", "x", "--quiet"}).exit_code, 0);
    ASSERT_EQ(brink({"report", "x"}).exit_code, 0);
    const std::string runs = read_file(dir() / "x" / "runs.csv");
    const Outcome refused = brink({"run", "--out", "x", "--quiet"});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_TRUE(
        has(refused.err, "brink run: error: x holds an ensemble of " + k_scenarios + "ukraine_2022.yaml"))
        << refused.err;
    EXPECT_TRUE(has(refused.err, "--force")) << refused.err;
    EXPECT_EQ(read_file(dir() / "x" / "runs.csv"), runs) << "nothing is touched";

    const Outcome forced = brink({"run", "--out", "x", "--quiet", "--force"});
    ASSERT_EQ(forced.exit_code, 0) << forced.err;
    for (const char* stale : {"runs.csv", "quantiles.csv", "report.html"}) {
        EXPECT_FALSE(fs::exists(dir() / "x" / stale)) << stale;
    }
    EXPECT_EQ(manifest("x")["kind"], "run");
}

// Issue 16: running july_1914 into a folder that held a Cuba run kept Cuba's report.html and charts.
TEST_F(OutputFolders, AnotherScenarioIsRefusedAndTheSameScenarioClearsItsOldReport) {
    ASSERT_EQ(brink({"run", k_scenarios + "cuba_1962.yaml", "--out", "x", "--quiet"}).exit_code, 0);
    ASSERT_EQ(brink({"report", "x"}).exit_code, 0);
    const Outcome refused = brink({"run", k_scenarios + "july_1914.yaml", "--out", "x", "--quiet"});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_TRUE(has(refused.err, "x holds a single run of " + k_scenarios + "cuba_1962.yaml")) << refused.err;
    EXPECT_TRUE(has(refused.err, "of another scenario (" + k_scenarios + "july_1914.yaml)")) << refused.err;
    EXPECT_TRUE(fs::exists(dir() / "x" / "report.html"));

    // The same scenario again (another seed) replaces the run, and the old page goes with it.
    ASSERT_EQ(
        brink({"run", k_scenarios + "cuba_1962.yaml", "--seed", "2", "--out", "x", "--quiet"}).exit_code, 0);
    EXPECT_FALSE(fs::exists(dir() / "x" / "report.html"));
    ASSERT_EQ(brink({"run", k_scenarios + "july_1914.yaml", "--out", "x", "--quiet", "--force"}).exit_code,
              0);
    EXPECT_EQ(manifest("x")["scenario"]["path"], k_scenarios + "july_1914.yaml");
}

TEST_F(OutputFolders, ReadersRefuseAFolderWhoseFilesAreNotWhatItsManifestSays) {
    ASSERT_EQ(brink({"run", k_scenarios + "cuba_1962.yaml", "--out", "x", "--quiet"}).exit_code, 0);
    ASSERT_EQ(brink({"run", "--runs", "3", "--out", "e", "--quiet"}).exit_code, 0);
    // An ensemble's files left beside the run (copied, or by an older brink): the report would show them.
    fs::copy_file(dir() / "e" / "runs.csv", dir() / "x" / "runs.csv");
    fs::copy_file(dir() / "e" / "quantiles.csv", dir() / "x" / "quantiles.csv");
    for (const char* reader : {"report", "plot"}) {
        const Outcome refused = brink({reader, "x"});
        EXPECT_EQ(refused.exit_code, 2) << reader;
        EXPECT_TRUE(has(refused.err, "x holds a single run of " + k_scenarios + "cuba_1962.yaml; brink " +
                                         reader + " would"))
            << refused.err;
        EXPECT_TRUE(has(refused.err, "an ensemble from runs.csv and quantiles.csv")) << refused.err;
    }
    EXPECT_FALSE(fs::exists(dir() / "x" / "report.html"));
    // A listed file gone missing.
    fs::remove(dir() / "e" / "quantiles.csv");
    const Outcome missing = brink({"report", "e"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_TRUE(has(missing.err, "quantiles.csv, listed in its brink.json, is missing")) << missing.err;
}

TEST_F(OutputFolders, AFolderOfAnOlderBrinkStillPlotsWithANoteAndIsProtectedFromAnotherKind) {
    ASSERT_EQ(brink({"run", "--runs", "3", "--out", "old", "--quiet"}).exit_code, 0);
    // An older brink wrote neither brink.json nor bands.csv.
    fs::remove(dir() / "old" / "brink.json");
    fs::remove(dir() / "old" / "bands.csv");
    const Outcome report = brink({"report", "old"});
    EXPECT_EQ(report.exit_code, 0) << report.err;
    EXPECT_TRUE(has(report.err, "note: old has no brink.json (written by an older brink)")) << report.err;
    const Outcome refused = brink({"run", "--out", "old", "--quiet"});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_TRUE(has(refused.err,
                    "old holds an ensemble's files (summary.json, runs.csv and quantiles.csv) "
                    "written by an older brink"))
        << refused.err;
    ASSERT_EQ(brink({"run", "--out", "old", "--quiet", "--force"}).exit_code, 0);
    EXPECT_FALSE(fs::exists(dir() / "old" / "runs.csv"));
    EXPECT_FALSE(fs::exists(dir() / "old" / "report.html"));
}

namespace {

const std::vector<std::string> k_sweep_a = {
    "sweep", "--param", "actors.russia.resolve=0.3:0.9:2", "--runs", "2", "--quiet", "--out", "s"};
const std::vector<std::string> k_sweep_b = {
    "sweep", "--param", "actors.russia.resolve=0.3:0.9:3", "--runs", "2", "--quiet", "--out", "s"};

std::vector<std::string> with(std::vector<std::string> arguments, const std::string& extra) {
    arguments.push_back(extra);
    return arguments;
}

}  // namespace

// Issue 16: a sweep without --resume silently deleted another sweep's interrupted runs.csv.partial.
TEST_F(OutputFolders, AFreshSweepDoesNotDeleteAnotherSweepsUnfinishedRows) {
    ASSERT_EQ(brink(k_sweep_a).exit_code, 0);
    // Sweep A as an interruption leaves it: its rows streamed to runs.csv.partial, brink.json not complete.
    fs::rename(dir() / "s" / "runs.csv", dir() / "s" / "runs.csv.partial");
    nlohmann::json unfinished = manifest("s");
    unfinished["complete"] = false;
    write("s/brink.json", unfinished.dump());
    const std::string rows = read_file(dir() / "s" / "runs.csv.partial");

    const Outcome refused = brink(k_sweep_b);
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_TRUE(has(refused.err, "s holds an unfinished sweep of")) << refused.err;
    EXPECT_TRUE(has(refused.err, "runs.csv.partial")) << refused.err;
    EXPECT_EQ(read_file(dir() / "s" / "runs.csv.partial"), rows);
    const Outcome plot = brink({"plot", "s"});
    EXPECT_EQ(plot.exit_code, 2);
    EXPECT_TRUE(has(plot.err, "--resume")) << plot.err;

    ASSERT_EQ(brink(with(k_sweep_a, "--resume")).exit_code, 0);  // its own command continues it
    EXPECT_EQ(manifest("s")["complete"], true);
    ASSERT_EQ(brink(with(k_sweep_b, "--force")).exit_code, 0);
}

TEST_F(OutputFolders, AnOlderBrinksUnfinishedRowsAreNotDeletedByAFreshSweep) {
    write("s/runs.csv.partial", "run,point\n");
    const Outcome refused = brink(k_sweep_a);
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_TRUE(has(refused.err, "runs.csv.partial")) << refused.err;
    EXPECT_EQ(read_file(dir() / "s" / "runs.csv.partial"), "run,point\n");
}

// Issue 16: a --resume of a different sweep left a stray partial file it had created itself.
TEST_F(OutputFolders, AResumeOfAnotherSweepIsRefusedBeforeCreatingAnything) {
    ASSERT_EQ(brink(k_sweep_a).exit_code, 0);
    const Outcome refused = brink(with(k_sweep_b, "--resume"));
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_TRUE(has(refused.err, "would continue it with another design")) << refused.err;
    EXPECT_FALSE(fs::exists(dir() / "s" / "runs.csv.partial"));

    // Without a manifest (an older brink's folder) the rows' header tells another sweep apart; nothing stays.
    fs::remove(dir() / "s" / "brink.json");
    const Outcome other =
        brink({"sweep", "--param", "model.rationality=5,20", "--quiet", "--out", "s", "--resume"});
    EXPECT_NE(other.exit_code, 0);
    EXPECT_FALSE(fs::exists(dir() / "s" / "runs.csv.partial"));
}

TEST_F(OutputFolders, MergeAndPlotSayWhatAFolderHolds) {
    ASSERT_EQ(brink({"run", "--out", "r", "--quiet"}).exit_code, 0);
    const Outcome merge = brink({"merge", "r", "--out", "m"});
    EXPECT_EQ(merge.exit_code, 2);
    EXPECT_TRUE(has(merge.err, "r holds a single run of")) << merge.err;
    EXPECT_FALSE(fs::exists(dir() / "m"));
    ASSERT_EQ(brink(with(with(k_sweep_a, "--shard"), "0/2")).exit_code, 0);
    const Outcome plot = brink({"plot", "s"});
    EXPECT_EQ(plot.exit_code, 2);
    EXPECT_TRUE(has(plot.err, "s holds shard 0/2 of a sweep of")) << plot.err;
}

// Issue 16: scripted events dated after the outcome silently never happened. (Demands made after the end
// are covered by tests/unit/io/test_not_reached.cpp: adding one to a bundled scenario changes how it ends.)
TEST_F(OutputFolders, ScriptedEventsAfterTheRunEndedAreListedAndWarnedAbout) {
    write_late_summit_scenario();
    const Outcome run = brink({"run", "late.yaml", "--out", "r", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto summary = nlohmann::json::parse(read_file(dir() / "r" / "summary.json"));
    ASSERT_LT(summary["outcome"]["time"].get<double>(), 50.0) << "the scenario's seed ends the crisis early";
    ASSERT_EQ(summary["not_reached"].size(), 1U) << summary["not_reached"].dump();
    EXPECT_EQ(summary["not_reached"][0]["id"], "events[0]");
    EXPECT_EQ(summary["not_reached"][0]["type"], "meeting");
    EXPECT_EQ(summary["not_reached"][0]["day"], 50);
    EXPECT_EQ(summary["not_reached"][0]["source"], "usa");
    EXPECT_EQ(summary["not_reached"][0]["description"], "A summit that never was");
    EXPECT_EQ(run.err, "") << "--quiet prints errors only";
    // Without --quiet: one warning line.
    const Outcome loud = brink({"run", "late.yaml", "--out", "r", "--force"});
    ASSERT_EQ(loud.exit_code, 0) << loud.err;
    EXPECT_TRUE(has(loud.err, "brink run: warning: the run ended on day ")) << loud.err;
    EXPECT_TRUE(
        has(loud.err, "1 scripted event dated after it never happened: A summit that never was (day 50)"))
        << loud.err;
    EXPECT_EQ(std::count(loud.err.begin(), loud.err.end(), '\n'), 1) << loud.err;
}

TEST_F(OutputFolders, AnEnsembleListsWhatItsRunsNeverReachedAndInHowManyRuns) {
    write_late_summit_scenario();
    const Outcome run = brink({"run", "late.yaml", "--runs", "8", "--out", "e", "--threads", "2"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto summary = nlohmann::json::parse(read_file(dir() / "e" / "summary.json"));
    ASSERT_EQ(summary["not_reached"].size(), 1U) << summary["not_reached"].dump();
    const auto& missed = summary["not_reached"][0];
    EXPECT_EQ(missed["id"], "events[0]");
    EXPECT_EQ(missed["type"], "meeting");
    EXPECT_EQ(missed["day"], 50);
    EXPECT_EQ(missed["description"], "A summit that never was");
    const int runs = missed["runs"].get<int>();
    EXPECT_GE(runs, 1);
    EXPECT_LE(runs, 8);
    EXPECT_TRUE(has(run.err,
                    "brink run: warning: 1 scripted event was never reached because runs ended before "
                    "them: A summit that never was (in " +
                        std::to_string(runs) + " of 8 runs)"))
        << run.err;
    // The count does not depend on the thread count.
    ASSERT_EQ(
        brink({"run", "late.yaml", "--runs", "8", "--out", "e1", "--threads", "1", "--quiet"}).exit_code, 0);
    EXPECT_EQ(nlohmann::json::parse(read_file(dir() / "e1" / "summary.json"))["not_reached"],
              summary["not_reached"]);
    // A scenario whose runs reach everything lists nothing.
    ASSERT_EQ(
        brink({"run", k_scenarios + "cuba_1962.yaml", "--runs", "4", "--out", "c", "--quiet"}).exit_code, 0);
    EXPECT_EQ(nlohmann::json::parse(read_file(dir() / "c" / "summary.json"))["not_reached"],
              nlohmann::json::array());
}

TEST_F(OutputFolders, AScenarioOnStandardInputIsRunAndValidated) {
    const fs::path cuba = k_scenarios + "cuba_1962.yaml";
    const Outcome run = brink({"run", "-", "--quiet"}, cuba);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto stdin_manifest = manifest("out/stdin");
    EXPECT_EQ(stdin_manifest["scenario"]["path"], "-");
    ASSERT_EQ(brink({"run", cuba.string(), "--out", "file", "--quiet"}).exit_code, 0);
    EXPECT_EQ(stdin_manifest["scenario"]["sha256"], manifest("file")["scenario"]["sha256"]);
    EXPECT_EQ(read_file(dir() / "out" / "stdin" / "events.csv"), read_file(dir() / "file" / "events.csv"));

    const Outcome good = brink({"validate", "-"}, cuba);
    EXPECT_EQ(good.exit_code, 0) << good.err;
    EXPECT_EQ(good.out, "<stdin>: ok\n");
    write("bad.yaml", "metadata:\n  name: Broken\nactorz: 1\n");
    const Outcome bad = brink({"validate", "-"}, dir() / "bad.yaml");
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_TRUE(has(bad.err, "<stdin>:3:1: error: unknown key 'actorz'")) << bad.err;
}

// Issue 16, item 6: help pages, options that do nothing, sweep files given to validate, exact zeros.
using Usability = OutputFolders;

TEST_F(Usability, EveryHelpPageHasExamplesAndNoEmptyOptionsHeading) {
    for (const std::vector<std::string>& help : {std::vector<std::string>{"--help"},
                                                 {"run", "--help"},
                                                 {"validate", "--help"},
                                                 {"plot", "--help"},
                                                 {"report", "--help"},
                                                 {"sweep", "--help"},
                                                 {"merge", "--help"}}) {
        const Outcome result = brink(help);
        EXPECT_EQ(result.exit_code, 0) << help.front();
        const auto examples = result.out.find("examples:\n");
        ASSERT_NE(examples, std::string::npos) << result.out;
        std::size_t lines = 0;
        for (std::size_t at = result.out.find("\n  brink ", examples); at != std::string::npos;
             at = result.out.find("\n  ", at + 1)) {
            ++lines;
        }
        EXPECT_GE(lines, 2U) << result.out;
        EXPECT_FALSE(has(result.out, "options:\n\n")) << result.out;
    }
}

TEST_F(Usability, FormatWithoutPlotIsBadInputWithAHint) {
    const Outcome result = brink({"run", "--format", "svg", "--out", "r"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(has(result.err, "add --plot, or draw the charts later with: brink plot DIR --format svg"))
        << result.err;
    EXPECT_FALSE(fs::exists(dir() / "r"));
}

TEST_F(Usability, ValidateRecognisesASweepFile) {
    const std::string sweep = k_scenarios + "sweeps/resolve_commitment.yaml";
    const Outcome good = brink({"validate", sweep});
    EXPECT_EQ(good.exit_code, 0) << good.err;
    EXPECT_EQ(good.out, sweep + ": ok (a sweep file, with its scenario)\n");
    EXPECT_EQ(good.err, "");
    write("bad_sweep.yaml", "scenario: " + k_scenarios +
                                "ukraine_2022.yaml\nparameters:\n  - path: actors.nobody.resolve\n"
                                "    values: 0:1:2\n");
    const Outcome bad = brink({"validate", "bad_sweep.yaml"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_TRUE(has(bad.err, "bad_sweep.yaml:")) << bad.err;
    EXPECT_FALSE(has(bad.err, "missing required key 'actors'")) << bad.err;
}

TEST_F(Usability, PointsWithoutWarsHaveALowerBoundOfExactlyZero) {
    ASSERT_EQ(
        brink({"sweep", "--param", "actors.russia.resolve=0.3,0.9", "--runs", "3", "--out", "s", "--quiet"})
            .exit_code,
        0);
    const std::string points = read_file(dir() / "s" / "points.csv");
    std::istringstream lines(points);
    std::string line;
    std::getline(lines, line);
    ASSERT_EQ(line.rfind("point,actors.russia.resolve,n,p_war,p_war_lo,p_war_hi,", 0), 0U) << line;
    while (std::getline(lines, line)) {
        std::vector<std::string> fields;
        std::istringstream row(line);
        for (std::string field; std::getline(row, field, ',');) {
            fields.push_back(field);
        }
        ASSERT_GE(fields.size(), 6U) << line;
        if (fields[3] == "0") {
            EXPECT_EQ(fields[4], "0") << line;
        }
        if (fields[3] == "1") {
            EXPECT_EQ(fields[5], "1") << line;
        }
    }
}

// Issue 16: the bar redrew after every run (20,000 redraws, a 1 MB log for an 11 s job under `script`).
TEST_F(Usability, TheProgressBarRedrawsAtMostTenTimesASecondAndEndsOnTheLastState) {
    if (std::system("command -v script >/dev/null 2>&1") != 0) {
        GTEST_SKIP() << "script(1) is needed to give brink a terminal";
    }
    const fs::path log = dir() / "typescript";
    const std::string command = std::string(BRINK_EXECUTABLE) + " run --runs 2000 --threads 2 --out e";
    const auto start = std::chrono::steady_clock::now();
    const std::string shell = "cd " + shell_quote(dir().string()) + " && script -q -e -c " +
                              shell_quote(command) + " " + shell_quote(log.string()) + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(shell.c_str()), 0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string text = read_file(log);
    std::size_t redraws = 0;
    for (auto at = text.find("\r["); at != std::string::npos; at = text.find("\r[", at + 1)) {
        ++redraws;
    }
    EXPECT_GE(redraws, 1U);
    EXPECT_LE(static_cast<double>(redraws), 10.0 * seconds + 2.0)
        << redraws << " redraws in " << seconds << " s";
    EXPECT_TRUE(has(text, "] 100% 2000/2000 runs")) << "the last state is drawn";
}

// Issue 16, item 7: the run summary said 28 scripted history events where the events chart said 30 (it
// counted key events only).
TEST_F(Usability, TheRunSummaryCountsEveryScriptedEventBeforeTheStart) {
    const Outcome run = brink({"run", "--out", "r"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::istringstream events(read_file(dir() / "r" / "events.csv"));
    std::string line;
    std::getline(events, line);
    std::size_t history = 0;
    while (std::getline(events, line)) {
        history += line.starts_with("-") ? 1U : 0U;
    }
    ASSERT_GT(history, 0U);
    EXPECT_TRUE(has(run.out, "; " + std::to_string(history) + " scripted before it are in events.csv"))
        << run.out;
}
