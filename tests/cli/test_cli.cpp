// Tests of the `brink` command line (docs/cli.md): they run the built binary (BRINK_EXECUTABLE) in a fresh
// temporary working directory and check exit codes, messages and the files written.
#include "brink_test_support.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Outcome {
    int exit_code = -1;
    std::string out;  ///< stdout
    std::string err;  ///< stderr
};

using brink::test_support::read_file;

std::string first_line(const fs::path& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

// A fresh working directory per test; brink runs inside it so that default output paths land there.
class Cli : public ::testing::Test {
  protected:
    void SetUp() override {
        m_scratch.emplace("brink_cli");
        m_dir = m_scratch->path();
    }

    const fs::path& dir() const { return m_dir; }

    /// Runs `brink ARGS...` in `cwd` (default: the test's directory) with optional environment assignments.
    Outcome brink(const std::vector<std::string>& arguments, const fs::path& cwd = {},
                  const std::string& environment = {}) const {
        const fs::path where = cwd.empty() ? m_dir : cwd;
        std::string command =
            "cd " + shell_quote(where.string()) + " && " + environment + " " + shell_quote(BRINK_EXECUTABLE);
        for (const std::string& argument : arguments) {
            command += " " + shell_quote(argument);
        }
        const fs::path out = m_dir / ".stdout";
        const fs::path err = m_dir / ".stderr";
        command += " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string()) + " </dev/null";
        const int status = std::system(command.c_str());
        Outcome outcome;
        outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        outcome.out = read_file(out);
        outcome.err = read_file(err);
        fs::remove(out);
        fs::remove(err);
        return outcome;
    }

    /// Entries of the test directory (the captured output files are removed after each call).
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(m_dir)) {
            names.push_back(entry.path().filename().string());
        }
        return names;
    }

    fs::path write(const std::string& name, const std::string& text) const {
        const fs::path path = m_dir / name;
        std::ofstream(path) << text;
        return path;
    }

  private:
    std::optional<brink::test_support::TempDir> m_scratch;
    fs::path m_dir;
};

const char* const k_default_scenario = BRINK_SOURCE_DIR "/scenarios/ukraine_2022.yaml";

// An unknown top-level key on line 3: the loader must name file:line:column and suggest 'actors'.
const char* const k_bad_scenario =
    "metadata:\n"
    "  name: Broken\n"
    "actorz:\n"
    "  a:\n"
    "    name: A\n";

}  // namespace

TEST_F(Cli, PrintsItsVersion) {
    const Outcome result = brink({"--version"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_EQ(result.out, std::string("brink ") + BRINK_VERSION + "\n");
}

TEST_F(Cli, HelpListsEveryCommand) {
    const Outcome result = brink({"--help"});
    EXPECT_EQ(result.exit_code, 0);
    for (const char* command : {"run", "validate", "plot", "report", "sweep", "merge", "score"}) {
        EXPECT_NE(result.out.find(std::string("  ") + command + " "), std::string::npos) << command;
    }
}

TEST_F(Cli, CommandHelpListsItsOptionsAndExitsZero) {
    const Outcome result = brink({"run", "--help"});
    EXPECT_EQ(result.exit_code, 0);
    for (const char* option :
         {"--seed", "--set", "--out", "--runs", "--threads", "--plot", "--format", "--quiet"}) {
        EXPECT_NE(result.out.find(option), std::string::npos) << option;
    }
}

TEST_F(Cli, GenerateSchemaFilesWritesTheCommittedFilesIntoAnotherTreeAndIsNotListed) {
    const fs::path source = BRINK_SOURCE_DIR;
    const fs::path tree = dir() / "tree";
    fs::create_directories(tree / "docs");
    fs::copy_file(source / "docs" / "scenario-format.md", tree / "docs" / "scenario-format.md");
    const Outcome outcome = brink({"generate-schema-files", "--root", tree.string()});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_TRUE(read_file(tree / "scenarios" / "schema.json") ==
                read_file(source / "scenarios" / "schema.json"))
        << "scenarios/schema.json is stale: run build-dev/brink generate-schema-files";
    EXPECT_TRUE(read_file(tree / "docs" / "scenario-format.md") ==
                read_file(source / "docs" / "scenario-format.md"))
        << "docs/scenario-format.md is stale: run build-dev/brink generate-schema-files";
    EXPECT_EQ(brink({"--help"}).out.find("generate-schema-files"), std::string::npos);
    EXPECT_EQ(brink({"generate-schema-files", "--root", (dir() / "nowhere").string()}).exit_code, 2);
}

TEST_F(Cli, NoCommandIsBadInput) {
    const Outcome result = brink({});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("usage: brink <command>"), std::string::npos) << result.err;
}

TEST_F(Cli, UnknownCommandExitsWithTwoAndSuggestsTheClosest) {
    const Outcome result = brink({"rnu"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("unknown command 'rnu' (did you mean 'run'?)"), std::string::npos)
        << result.err;
}

TEST_F(Cli, UnknownOptionExitsWithTwoAndSuggestsTheClosest) {
    const Outcome result = brink({"run", "--sed", "3"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("'--sed' (did you mean '--seed'?)"), std::string::npos) << result.err;
    EXPECT_EQ(entries(), std::vector<std::string>{});
}

TEST_F(Cli, MalformedSeedIsBadInput) {
    for (const char* seed : {"-1", "12x", "", "99999999999999999999"}) {
        const Outcome result = brink({"run", "--seed", seed});
        EXPECT_EQ(result.exit_code, 2) << seed;
        EXPECT_NE(result.err.find("--seed: expected a whole number"), std::string::npos) << result.err;
    }
    EXPECT_EQ(entries(), std::vector<std::string>{});
}

TEST_F(Cli, UnknownChartFormatIsBadInput) {
    const Outcome result = brink({"run", "--plot", "--format", "gif"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--format: expected png, svg or pdf, got 'gif'"), std::string::npos)
        << result.err;
    EXPECT_EQ(entries(), std::vector<std::string>{});
}

TEST_F(Cli, RunWithTheDefaultScenarioWritesTheFourDocumentedFiles) {
    const Outcome result = brink({"run"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const fs::path out = dir() / "out" / "ukraine_2022";
    EXPECT_EQ(first_line(out / "trajectory.csv"), "time,date,actor,metric,value");
    EXPECT_EQ(first_line(out / "events.csv"),
              "time,date,seq,type,source,target,issue,value,cameo,goldstein,key,description");
    EXPECT_EQ(first_line(out / "dyads.csv"), "day,date,source,target,goldstein_sum,events");
    const auto summary = nlohmann::json::parse(read_file(out / "summary.json"));
    EXPECT_EQ(summary["brink_version"], BRINK_VERSION);
    EXPECT_EQ(summary["command"], "brink run");
    EXPECT_EQ(summary["scenario"]["start_date"], "2022-01-22");
    EXPECT_TRUE(summary["outcome"]["kind"].is_string());
    // The person-facing summary names the outcome and where the files are.
    EXPECT_NE(result.out.find("Outcome"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("out/ukraine_2022/"), std::string::npos) << result.out;
    for (const auto& entry : fs::recursive_directory_iterator(dir())) {
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
    }
}

TEST_F(Cli, RunWithoutSeedUsesTheScenarioSeed) {
    ASSERT_EQ(brink({"run", "--quiet", "--out", "a"}).exit_code, 0);
    const auto summary = nlohmann::json::parse(read_file(dir() / "a" / "summary.json"));
    EXPECT_TRUE(summary["seed"].is_number_unsigned());
    const Outcome explicit_seed = brink({"run", "--quiet", "--out", "b", "--seed", summary["seed"].dump()});
    ASSERT_EQ(explicit_seed.exit_code, 0);
    EXPECT_EQ(read_file(dir() / "a" / "events.csv"), read_file(dir() / "b" / "events.csv"));
}

TEST_F(Cli, QuietRunPrintsNothing) {
    const Outcome result = brink({"run", "--quiet"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "");
}

TEST_F(Cli, SameSeedTwiceGivesByteIdenticalFiles) {
    // Two working directories and the same command line, so that even summary.json's "command" agrees.
    fs::create_directories(dir() / "first");
    fs::create_directories(dir() / "second");
    ASSERT_EQ(brink({"run", "--seed", "11", "--out", "run", "--quiet"}, dir() / "first").exit_code, 0);
    ASSERT_EQ(brink({"run", "--seed", "11", "--out", "run", "--quiet"}, dir() / "second").exit_code, 0);
    for (const char* file : {"trajectory.csv", "events.csv", "dyads.csv", "summary.json"}) {
        const std::string first = read_file(dir() / "first" / "run" / file);
        EXPECT_FALSE(first.empty()) << file;
        EXPECT_EQ(first, read_file(dir() / "second" / "run" / file)) << file;
    }
}

TEST_F(Cli, DifferentSeedsGiveDifferentEventLogs) {
    ASSERT_EQ(brink({"run", "--seed", "1", "--out", "one", "--quiet"}).exit_code, 0);
    ASSERT_EQ(brink({"run", "--seed", "2", "--out", "two", "--quiet"}).exit_code, 0);
    EXPECT_NE(read_file(dir() / "one" / "events.csv"), read_file(dir() / "two" / "events.csv"));
}

TEST_F(Cli, BadScenarioExitsWithTwoNamesFileLineColumnAndWritesNothing) {
    write("bad.yaml", k_bad_scenario);
    const Outcome result = brink({"run", "bad.yaml"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(std::regex_search(result.err, std::regex("(^|\n)bad\\.yaml:3:1: error: [^\n]*actorz")))
        << result.err;
    EXPECT_NE(result.err.find("did you mean 'actors'?"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(dir() / "out"));
}

TEST_F(Cli, MissingScenarioFileIsBadInput) {
    const Outcome result = brink({"run", "no_such_file.yaml"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("no_such_file.yaml"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(dir() / "out"));
}

TEST_F(Cli, MisspelledSetPathExitsWithTwoAndSuggestsTheKey) {
    const Outcome result = brink({"run", "--set", "actors.russia.resolv=1"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(std::regex_search(result.err, std::regex("(^|\n)--set: error: ")));
    EXPECT_NE(result.err.find("did you mean 'resolve'"), std::string::npos) << result.err;
    EXPECT_FALSE(fs::exists(dir() / "out"));
}

TEST_F(Cli, ValidSetOverrideIsAppliedAndRecorded) {
    const Outcome result = brink({"run", "--quiet", "--out", "o", "--set", "actors.russia.resolve=0.9"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto summary = nlohmann::json::parse(read_file(dir() / "o" / "summary.json"));
    EXPECT_EQ(summary["command"], "brink run --quiet --out o --set actors.russia.resolve=0.9");
}

TEST_F(Cli, OutputPathThatIsAFileExitsWithOneAndSaysWhy) {
    write("taken", "already here\n");
    const Outcome result = brink({"run", "--out", "taken"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("'taken'"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("not a directory"), std::string::npos) << result.err;
    EXPECT_EQ(read_file(dir() / "taken"), "already here\n");
}

TEST_F(Cli, UnwritableOutputDirectoryExitsWithOne) {
    // /proc refuses new entries even to root, so this holds however the tests are run.
    const Outcome result = brink({"run", "--out", "/proc/brink_cli_test_output"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("'/proc/brink_cli_test_output'"), std::string::npos) << result.err;
}

TEST_F(Cli, ValidateReportsOkForGoodFilesAndDiagnosticsForBadOnes) {
    const Outcome good = brink({"validate", k_default_scenario});
    EXPECT_EQ(good.exit_code, 0) << good.err;
    EXPECT_EQ(good.out, std::string(k_default_scenario) + ": ok\n");

    write("bad.yaml", k_bad_scenario);
    const Outcome mixed = brink({"validate", k_default_scenario, "bad.yaml", "missing.yaml"});
    EXPECT_EQ(mixed.exit_code, 2);
    EXPECT_EQ(mixed.out, std::string(k_default_scenario) + ": ok\n");
    EXPECT_TRUE(std::regex_search(mixed.err, std::regex("(^|\n)bad\\.yaml:3:1: error: "))) << mixed.err;
    EXPECT_TRUE(std::regex_search(mixed.err, std::regex("(^|\n)missing\\.yaml(:[0-9]+:[0-9]+)?: error: ")))
        << mixed.err;
}

TEST_F(Cli, ValidateWithoutFilesIsBadInput) {
    const Outcome result = brink({"validate"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("usage: brink validate FILE..."), std::string::npos) << result.err;
}

TEST_F(Cli, PlotWithoutGnuplotStillWritesTheDataAndExitsZero) {
    const Outcome result = brink({"run", "--plot", "--out", "p"}, {}, "BRINK_GNUPLOT=/nonexistent/gnuplot");
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_TRUE(fs::exists(dir() / "p" / "events.csv"));
    EXPECT_TRUE(fs::exists(dir() / "p" / "summary.json"));
    EXPECT_NE(result.err.find("apt-get install gnuplot-nox"), std::string::npos) << result.err;
}

TEST_F(Cli, PlotOfADirectoryThatIsNotARunIsBadInput) {
    fs::create_directories(dir() / "empty");
    EXPECT_EQ(brink({"plot", "empty"}).exit_code, 2);
    EXPECT_EQ(brink({"plot", "no_such_dir"}).exit_code, 2);
    EXPECT_EQ(brink({"report", "no_such_dir"}).exit_code, 2);
}

TEST_F(Cli, MergeRequiresAnOutputDirectory) {
    fs::create_directories(dir() / "shard0");
    const Outcome result = brink({"merge", "shard0"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--out is required"), std::string::npos) << result.err;
}

TEST_F(Cli, EnsembleWritesOneRowPerRunIdenticallyForAnyThreadCount) {
    fs::create_directories(dir() / "one");
    fs::create_directories(dir() / "two");
    const Outcome single =
        brink({"run", "--runs", "4", "--threads", "1", "--out", "e", "--quiet"}, dir() / "one");
    ASSERT_EQ(single.exit_code, 0) << single.err;
    const Outcome pair =
        brink({"run", "--runs", "4", "--threads", "2", "--out", "e", "--quiet"}, dir() / "two");
    ASSERT_EQ(pair.exit_code, 0) << pair.err;
    const std::string runs = read_file(dir() / "one" / "e" / "runs.csv");
    EXPECT_EQ(std::count(runs.begin(), runs.end(), '\n'), 5) << runs;
    EXPECT_EQ(runs.rfind("run,seed,outcome,", 0), 0U) << runs;
    EXPECT_EQ(runs, read_file(dir() / "two" / "e" / "runs.csv"));
    EXPECT_EQ(read_file(dir() / "one" / "e" / "quantiles.csv"),
              read_file(dir() / "two" / "e" / "quantiles.csv"));
    const auto summary = nlohmann::json::parse(read_file(dir() / "one" / "e" / "summary.json"));
    EXPECT_EQ(summary["runs"], 4);
}

TEST_F(Cli, EnsembleSummaryReportsTheWarProbability) {
    const Outcome result = brink({"run", "--runs", "3", "--out", "e"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("P(war)"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("runs.csv"), std::string::npos) << result.out;
}

TEST_F(Cli, ZeroRunsIsBadInput) {
    const Outcome result = brink({"run", "--runs", "0"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--runs: expected a whole number from 1"), std::string::npos) << result.err;
    EXPECT_EQ(entries(), std::vector<std::string>{});
}

TEST_F(Cli, SweepWithAMalformedParamIsBadInputAndWritesNothing) {
    const Outcome result = brink({"sweep", "--param", "actors.russia.resolve=0.9:0.3:x", "--out", "s"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_TRUE(std::regex_search(result.err, std::regex("(^|\n)--param(:[0-9]+:[0-9]+)?: error: ")))
        << result.err;
    EXPECT_FALSE(fs::exists(dir() / "s"));
}

TEST_F(Cli, InlineSweepWritesRunsAndPoints) {
    const Outcome result = brink({"sweep", "--param", "actors.russia.resolve=0.3:0.9:2", "--runs", "2",
                                  "--threads", "2", "--out", "s"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string runs = read_file(dir() / "s" / "runs.csv");
    EXPECT_EQ(std::count(runs.begin(), runs.end(), '\n'), 5) << runs;
    EXPECT_TRUE(fs::exists(dir() / "s" / "points.csv"));
    EXPECT_NE(result.out.find("4 runs"), std::string::npos) << result.out;
}

TEST_F(Cli, PlotAndReportDrawASweepDirectoryFromItsFiles) {
    const Outcome sweep =
        brink({"sweep", "--param", "actors.russia.resolve=0.3:0.9:2", "--param", "model.rationality=5,20",
               "--runs", "2", "--threads", "2", "--quiet", "--out", "s"});
    ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
    const bool gnuplot = std::system("command -v gnuplot >/dev/null 2>&1") == 0;
    // The sweep command draws its chart through plots, as brink plot does.
    EXPECT_EQ(fs::exists(dir() / "s" / "charts" / "p_war_heatmap.png"), gnuplot);
    const Outcome plot = brink({"plot", "s", "--format", "svg"});
    if (gnuplot) {
        ASSERT_EQ(plot.exit_code, 0) << plot.err;
        EXPECT_NE(plot.out.find("p_war_heatmap.svg"), std::string::npos) << plot.out;
        EXPECT_TRUE(fs::exists(dir() / "s" / "charts" / "p_war_heatmap.svg"));
    }
    const Outcome report = brink({"report", "s"});
    ASSERT_EQ(report.exit_code, 0) << report.err;
    EXPECT_NE(read_file(dir() / "s" / "report.html").find("<section id=\"points\">"), std::string::npos);
}

TEST_F(Cli, ShardedSweepMergesIntoTheSameRowsAsOneProcess) {
    const std::vector<std::string> sweep = {"sweep",  "--param", "actors.russia.resolve=0.2:0.8:3",
                                            "--runs", "2",       "--quiet"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> arguments = sweep;
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        return arguments;
    };
    ASSERT_EQ(brink(with({"--out", "whole"})).exit_code, 0);
    ASSERT_EQ(brink(with({"--out", "shard0", "--shard", "0/2"})).exit_code, 0);
    ASSERT_EQ(brink(with({"--out", "shard1", "--shard", "1/2"})).exit_code, 0);
    const Outcome merged = brink({"merge", "shard0", "shard1", "--out", "merged"});
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    EXPECT_EQ(read_file(dir() / "whole" / "runs.csv"), read_file(dir() / "merged" / "runs.csv"));
    EXPECT_EQ(read_file(dir() / "whole" / "points.csv"), read_file(dir() / "merged" / "points.csv"));
}

TEST_F(Cli, BadShardIsBadInput) {
    const Outcome result = brink({"sweep", "--param", "actors.russia.resolve=0.3:0.9:2", "--shard", "2/2"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--shard: expected i/N"), std::string::npos) << result.err;
    EXPECT_EQ(entries(), std::vector<std::string>{});
}

TEST_F(Cli, SweepDrawsItsChartsInTheFormatAsked) {
    const Outcome sweep =
        brink({"sweep", "--param", "actors.russia.resolve=0.3:0.9:2", "--param", "model.rationality=5,20",
               "--runs", "2", "--threads", "2", "--quiet", "--out", "s", "--format", "svg"});
    ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
    // The charts are labelled with the scenario's names, which sweep.json records beside each path.
    EXPECT_NE(read_file(dir() / "s" / "sweep.json").find("\"label\": \"Russia · resolve\""),
              std::string::npos);
    if (std::system("command -v gnuplot >/dev/null 2>&1") == 0) {
        for (const char* chart : {"p_war_heatmap.svg", "p_war_lines.svg"}) {
            EXPECT_TRUE(fs::exists(dir() / "s" / "charts" / chart)) << chart;
        }
        EXPECT_FALSE(fs::exists(dir() / "s" / "charts" / "p_war_heatmap.png"));
        EXPECT_NE(read_file(dir() / "s" / "charts" / "p_war_heatmap.svg").find("Russia · resolve"),
                  std::string::npos);
    }
    const Outcome bad = brink({"sweep", "--param", "actors.russia.resolve=0.3:0.9:2", "--format", "gif"});
    EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(Cli, MergeDrawsTheMergedSweepsChartsInTheFormatAsked) {
    const std::vector<std::string> sweep = {"sweep",  "--param", "actors.russia.resolve=0.2:0.8:3",
                                            "--runs", "2",       "--quiet"};
    for (const char* shard : {"0/2", "1/2"}) {
        std::vector<std::string> arguments = sweep;
        arguments.insert(arguments.end(), {"--shard", shard, "--out", std::string("shard") + shard[0]});
        ASSERT_EQ(brink(arguments).exit_code, 0) << shard;
    }
    const Outcome merged =
        brink({"merge", "shard0", "shard1", "--out", "merged", "--format", "pdf", "--quiet"});
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    if (std::system("command -v gnuplot >/dev/null 2>&1") == 0) {
        EXPECT_TRUE(fs::exists(dir() / "merged" / "charts" / "p_war_line.pdf"));
        EXPECT_FALSE(fs::exists(dir() / "merged" / "charts" / "p_war_line.png"));
    }
    EXPECT_EQ(brink({"merge", "shard0", "shard1", "--out", "again", "--format", "jpeg"}).exit_code, 2);
}

TEST_F(Cli, AShardDrawsNoChartsSoFormatIsBadInputThere) {
    const Outcome result =
        brink({"sweep", "--param", "actors.russia.resolve=0.3:0.9:2", "--shard", "0/2", "--format", "svg"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("give --format to brink merge"), std::string::npos) << result.err;
    EXPECT_EQ(entries(), std::vector<std::string>{});
}

TEST_F(Cli, MarkWithABadDateIsBadInputNamingTheOption) {
    ASSERT_EQ(brink({"run", "--runs", "4", "--threads", "2", "--out", "e", "--quiet"}).exit_code, 0);
    for (const char* bad : {"2022-02-30", "24/02/2022", "2022-2-24=invasion", "=invasion"}) {
        const Outcome plot = brink({"plot", "e", "--mark", bad});
        EXPECT_EQ(plot.exit_code, 2) << bad;
        EXPECT_NE(plot.err.find("--mark: expected DATE[=label]"), std::string::npos) << plot.err;
        EXPECT_EQ(brink({"report", "e", "--mark", bad}).exit_code, 2) << bad;
    }
    EXPECT_FALSE(fs::exists(dir() / "e" / "charts"));
    EXPECT_FALSE(fs::exists(dir() / "e" / "report.html"));
    // Without --plot there is nothing to draw the date on: a hint, not silence.
    const Outcome run = brink({"run", "--mark", "2022-02-24", "--out", "r"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("add --plot"), std::string::npos) << run.err;
    const Outcome sweep =
        brink({"sweep", "--param", "actors.russia.resolve=0.3:0.9:2", "--out", "s", "--quiet"});
    ASSERT_EQ(sweep.exit_code, 0) << sweep.err;
    const Outcome on_sweep = brink({"plot", "s", "--mark", "2022-02-24"});
    EXPECT_EQ(on_sweep.exit_code, 2);
    EXPECT_NE(on_sweep.err.find("no time axis"), std::string::npos) << on_sweep.err;
}

TEST_F(Cli, MarkDrawsTheObservedDateOnTheEnsembleCharts) {
    if (std::system("command -v gnuplot >/dev/null 2>&1") != 0) {
        GTEST_SKIP() << "gnuplot not installed";
    }
    const Outcome run = brink({"run", "--runs", "10", "--threads", "2", "--out", "e", "--plot", "--format",
                               "svg", "--mark", "2022-02-24=invasion", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    for (const char* chart : {"war_cdf.svg", "escalation_bands.svg"}) {
        EXPECT_NE(read_file(dir() / "e" / "charts" / chart).find(">invasion<"), std::string::npos) << chart;
    }
    const Outcome plot = brink({"plot", "e", "--mark", "2022-03-01", "--mark", "2022-02-24=invasion"});
    ASSERT_EQ(plot.exit_code, 0) << plot.err;
}

namespace {

// A chart file is valid for its format and not trivially small: PNG signature, an SVG document whose root
// element is <svg> and is closed at the end, a PDF header and trailer.
void expect_valid_chart(const fs::path& path) {
    SCOPED_TRACE(path.string());
    ASSERT_TRUE(fs::exists(path));
    const std::string bytes = read_file(path);
    const std::string format = path.extension().string();
    if (format == ".png") {
        EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
        EXPECT_GT(bytes.size(), 20000U);
    } else if (format == ".svg") {
        const auto root = bytes.find("<svg");
        ASSERT_NE(root, std::string::npos);
        EXPECT_EQ(bytes.find("<svg", root + 1), std::string::npos) << "one root element";
        const auto last = bytes.find_last_not_of(" \r\n");
        EXPECT_EQ(bytes.rfind("</svg>"), last - 5) << "the document ends with the root's end tag";
        EXPECT_GT(bytes.size(), 10000U);
    } else {
        EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
        EXPECT_NE(bytes.find("%%EOF"), std::string::npos);
        EXPECT_GT(bytes.size(), 8000U);
    }
}

}  // namespace

TEST_F(Cli, SingleRunOfTheDefaultScenarioPlotsEveryChartInEveryFormat) {
    const Outcome run = brink({"run", "--seed", "1", "--out", "r", "--plot", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    for (const char* format : {"svg", "pdf"}) {
        const Outcome plot = brink({"plot", "r", "--format", format});
        ASSERT_EQ(plot.exit_code, 0) << plot.err;
    }
    for (const char* chart : {"escalation", "positions", "events", "relations"}) {
        for (const char* extension : {".png", ".svg", ".pdf"}) {
            expect_valid_chart(dir() / "r" / "charts" / (std::string(chart) + extension));
        }
    }
}

TEST_F(Cli, EnsembleOfTheDefaultScenarioPlotsEveryChartInEveryFormat) {
    const Outcome run = brink({"run", "--runs", "20", "--threads", "2", "--out", "e", "--plot", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    for (const char* format : {"svg", "pdf"}) {
        const Outcome plot = brink({"plot", "e", "--format", format});
        ASSERT_EQ(plot.exit_code, 0) << plot.err;
    }
    for (const char* chart : {"escalation_bands", "outcomes", "war_cdf"}) {
        for (const char* extension : {".png", ".svg", ".pdf"}) {
            expect_valid_chart(dir() / "e" / "charts" / (std::string(chart) + extension));
        }
    }
}

namespace {

// A command in the README or the docs that names a scenario or sweep file must name one that exists: a user
// copies these lines. Lines that quote an error message (a made-up scenarios/mine.yaml) are not commands.
TEST(Docs, EveryScenarioFileTheDocsAndScriptsNameExists) {
    const fs::path root = BRINK_SOURCE_DIR;
    std::vector<fs::path> texts = {root / "README.md"};
    for (const char* folder : {"docs", "scripts"}) {
        for (const auto& entry : fs::directory_iterator(root / folder)) {
            const std::string extension = entry.path().extension().string();
            if (entry.is_regular_file() && (extension == ".md" || extension == ".sh" || extension == ".py")) {
                texts.push_back(entry.path());
            }
        }
    }
    const std::regex named(R"(scenarios/[A-Za-z0-9_/]+\.yaml)");
    int checked = 0;
    for (const auto& text : texts) {
        std::istringstream lines(read_file(text));
        int number = 0;
        for (std::string line; std::getline(lines, line);) {
            ++number;
            if (line.find("error:") != std::string::npos) {
                continue;
            }
            for (std::sregex_iterator it(line.begin(), line.end(), named), end; it != end; ++it) {
                ++checked;
                EXPECT_TRUE(fs::is_regular_file(root / it->str()))
                    << text.lexically_relative(root).string() << ":" << number << " names " << it->str()
                    << ", which does not exist";
            }
        }
    }
    EXPECT_GT(checked, 10);
}

/// A command line shown in the docs: where it is, and what it says.
struct DocCommand {
    std::string where;  ///< "README.md:23"
    std::string line;   ///< the command, continuation lines joined, its trailing comment dropped
};

// The command lines of a Markdown file: lines of ```sh, ```bash and ```console blocks (in a console block
// only those after a "$ " prompt) that start with `brink `, `build/brink ` or `$ brink`. A line ending in a
// backslash continues on the next.
std::vector<DocCommand> doc_commands(const fs::path& file, const fs::path& root) {
    std::vector<DocCommand> commands;
    std::istringstream lines(read_file(file));
    std::optional<std::string> block;  // the open block's language
    int number = 0;
    const std::regex fence(R"(^\s*```(\w*).*$)");
    const std::regex trailing_comment(R"(\s+#\s.*$)");
    for (std::string line; std::getline(lines, line);) {
        ++number;
        std::smatch match;
        if (std::regex_match(line, match, fence)) {
            block = block ? std::nullopt : std::optional<std::string>(match[1].str());
            continue;
        }
        if (!block || (*block != "sh" && *block != "bash" && *block != "console")) {
            continue;
        }
        const int first = number;
        while (!line.empty() && line.back() == '\\') {
            std::string next;
            if (!std::getline(lines, next)) {
                break;
            }
            ++number;
            line.pop_back();
            line += " " + next;
        }
        std::string command = line.substr(std::min(line.find_first_not_of(' '), line.size()));
        if (*block == "console") {
            if (command.rfind("$ ", 0) != 0) {
                continue;
            }
            command.erase(0, 2);
        }
        if (command.rfind("brink ", 0) != 0 && command.rfind("build/brink ", 0) != 0) {
            continue;
        }
        command = std::regex_replace(command, trailing_comment, "");
        commands.push_back({file.lexically_relative(root).string() + ":" + std::to_string(first), command});
    }
    return commands;
}

// Every command line the README and docs/*.md show runs as shown and exits 0, in a folder of its own that
// holds a copy of scenarios/ (commands name it relatively), with the built binary as both `brink` (on PATH)
// and `build/brink`; the commands of one file run in order in one folder, so that a `brink report DIR`
// finds the run an earlier line made. Made small enough for the dev suite (about 30 s), each reduction
// stated here rather than skipping the command:
// - `--runs N` above 20 runs 20 (ensembles, the score of the case library);
// - the copied sweep files run 2 replications per point (resolve_commitment: 50 runs) and sobol_study 8
//   base samples; the calibration file 4 points of 4 runs per case, 2 folds and 2 refinement evaluations;
// - the Slurm script's line runs as task 0 of its array (SLURM_ARRAY_TASK_ID=0, SLURM_CPUS_PER_TASK=2).
// No command is skipped: none of them needs MPI (those lines start with mpirun and are not collected).
TEST(Docs, EveryCommandTheReadmeAndTheDocsShowRunsAndExitsZero) {
    const fs::path root = BRINK_SOURCE_DIR;
    std::vector<fs::path> texts = {root / "README.md"};
    for (const fs::path& doc : brink::test_support::files_in(root / "docs", ".md")) {
        texts.push_back(doc);
    }
    const std::regex many_runs(R"(--runs ([0-9]+))");
    const auto reduced = [&many_runs](std::string command) {
        std::smatch match;
        if (std::regex_search(command, match, many_runs) && std::stol(match[1].str()) > 20) {
            command.replace(static_cast<std::size_t>(match.position(0)),
                            static_cast<std::size_t>(match.length(0)), "--runs 20");
        }
        return command;
    };
    const auto shrink = [](const fs::path& file,
                           const std::vector<std::pair<std::string, std::string>>& edits) {
        std::string text = read_file(file);
        for (const auto& [from, to] : edits) {
            const std::size_t at = text.find(from);
            ASSERT_NE(at, std::string::npos) << file << " has no '" << from << "' to reduce";
            text.replace(at, from.size(), to);
        }
        std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    };
    std::size_t ran = 0;
    for (const fs::path& text : texts) {
        const std::vector<DocCommand> commands = doc_commands(text, root);
        if (commands.empty()) {
            continue;
        }
        brink::test_support::TempDir scratch("brink_doc_commands");
        const fs::path dir = scratch.path();
        fs::copy(root / "scenarios", dir / "scenarios", fs::copy_options::recursive);
        shrink(dir / "scenarios" / "sweeps" / "resolve_commitment.yaml",
               {{"replications: 200", "replications: 2"}});
        shrink(dir / "scenarios" / "sweeps" / "sobol_study.yaml",
               {{"samples: 256", "samples: 8"}, {"replications: 25", "replications: 2"}});
        shrink(dir / "scenarios" / "calibration" / "library.yaml", {{"points: 256", "points: 4"},
                                                                    {"runs: 100", "runs: 4"},
                                                                    {"folds: 5", "folds: 2"},
                                                                    {"evaluations: 40", "evaluations: 2"}});
        fs::create_directories(dir / "bin");
        fs::create_directories(dir / "build");
        fs::create_symlink(BRINK_EXECUTABLE, dir / "bin" / "brink");
        fs::create_symlink(BRINK_EXECUTABLE, dir / "build" / "brink");
        for (const DocCommand& command : commands) {
            const std::string shell =
                "cd " + shell_quote(dir.string()) + " && PATH=" + shell_quote((dir / "bin").string()) +
                ":\"$PATH\" BRINK_SCENARIO_DIR=scenarios SLURM_ARRAY_TASK_ID=0 SLURM_CPUS_PER_TASK=2 "
                "sh -c " +
                shell_quote(reduced(command.line)) + " >.out 2>.err </dev/null";
            const int status = std::system(shell.c_str());
            const int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            EXPECT_EQ(exit_code, 0) << command.where << ": " << command.line << "\n"
                                    << read_file(dir / ".err");
            ++ran;
        }
    }
    EXPECT_GT(ran, 25U) << "the README and the docs show more commands than that";
}

}  // namespace
