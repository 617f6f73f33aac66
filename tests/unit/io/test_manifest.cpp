// Tests of include/brink/io/manifest.hpp: brink.json round trips, and which folders a writer may use.
#include "brink/io/manifest.hpp"
#include "brink_test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using brink::io::check_output_folder;
using brink::io::ExistingOutput;
using brink::io::Manifest;
using brink::io::OutputConflict;
using brink::io::OutputKind;
using brink::io::WriteMode;

namespace {

Manifest manifest_of(OutputKind kind, const std::string& scenario, const std::string& sha) {
    Manifest manifest;
    manifest.kind = kind;
    manifest.scenario_path = scenario;
    manifest.scenario_sha256 = sha;
    manifest.seed = 7;
    manifest.command = "brink run " + scenario;
    manifest.started = "2026-12-02T10:00:00Z";
    manifest.complete = true;
    manifest.files = {"trajectory.csv", "charts/escalation.png"};
    return manifest;
}

void touch(const fs::path& path) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "x\n";
}

std::string conflict_message(const fs::path& dir, const Manifest& next, ExistingOutput existing,
                             WriteMode mode = WriteMode::Fresh) {
    try {
        check_output_folder(dir, next, existing, mode);
    } catch (const OutputConflict& conflict) {
        return conflict.what();
    }
    return {};
}

}  // namespace

TEST(Manifest, RoundTripsThroughItsJson) {
    Manifest manifest = manifest_of(OutputKind::Sweep, "scenarios/cuba_1962.yaml", std::string(64, 'a'));
    manifest.sweep_path = "scenarios/sweeps/x.yaml";
    manifest.design_sha256 = std::string(64, 'b');
    manifest.shard = "1/2";
    const std::string text = brink::io::manifest_json(manifest);
    EXPECT_EQ(text.rfind("{\n  \"kind\": \"sweep\",\n  \"brink_version\": ", 0), 0U) << text;
    const Manifest back = brink::io::parse_manifest(text, "brink.json");
    EXPECT_EQ(back.kind, OutputKind::Sweep);
    EXPECT_EQ(back.brink_version, BRINK_VERSION);
    EXPECT_EQ(back.scenario_path, manifest.scenario_path);
    EXPECT_EQ(back.scenario_sha256, manifest.scenario_sha256);
    EXPECT_EQ(back.sweep_path, manifest.sweep_path);
    EXPECT_EQ(back.design_sha256, manifest.design_sha256);
    EXPECT_EQ(back.shard, "1/2");
    EXPECT_EQ(back.seed, 7U);
    EXPECT_EQ(back.command, manifest.command);
    EXPECT_EQ(back.started, manifest.started);
    EXPECT_TRUE(back.complete);
    EXPECT_EQ(back.files, manifest.files);
}

TEST(Manifest, RefusesTextThatIsNotAManifestNamingTheFile) {
    for (const char* text :
         {"", "[]", "{\"kind\": \"movie\", \"complete\": true, \"files\": []}",
          "{\"kind\": \"run\", \"files\": []}", "{\"kind\": \"run\", \"complete\": true}"}) {
        try {
            brink::io::parse_manifest(text, "out/x/brink.json");
            ADD_FAILURE() << text;
        } catch (const OutputConflict& conflict) {
            EXPECT_EQ(std::string(conflict.what()).rfind("out/x/brink.json: not a brink manifest: ", 0), 0U)
                << conflict.what();
        }
    }
}

TEST(Manifest, DescribesWhatAFolderHolds) {
    Manifest manifest = manifest_of(OutputKind::Run, "scenarios/cuba_1962.yaml", "");
    EXPECT_EQ(brink::io::describe_contents(manifest), "a single run of scenarios/cuba_1962.yaml");
    manifest.kind = OutputKind::Ensemble;
    manifest.complete = false;
    EXPECT_EQ(brink::io::describe_contents(manifest), "an unfinished ensemble of scenarios/cuba_1962.yaml");
    manifest.kind = OutputKind::Sweep;
    manifest.complete = true;
    manifest.shard = "0/2";
    manifest.sweep_path = "s.yaml";
    EXPECT_EQ(brink::io::describe_contents(manifest),
              "shard 0/2 of a sweep of scenarios/cuba_1962.yaml (s.yaml)");
}

TEST(Manifest, TimestampsAreUtcToTheSecond) {
    const std::string now = brink::io::utc_timestamp_now();
    ASSERT_EQ(now.size(), 20U) << now;
    EXPECT_EQ(now[10], 'T');
    EXPECT_EQ(now.back(), 'Z');
}

TEST(OutputFolder, AMissingOrEmptyFolderMayBeWritten) {
    brink::test_support::TempDir dir("brink_manifest");
    const Manifest next = manifest_of(OutputKind::Run, "a.yaml", "1");
    EXPECT_TRUE(
        check_output_folder(dir.path() / "new", next, ExistingOutput::Refuse, WriteMode::Fresh).empty());
    EXPECT_TRUE(check_output_folder(dir.path(), next, ExistingOutput::Refuse, WriteMode::Fresh).empty());
}

TEST(OutputFolder, TheSameKindAndScenarioReplacesEveryListedFile) {
    brink::test_support::TempDir dir("brink_manifest");
    brink::io::write_manifest(dir.path(), manifest_of(OutputKind::Run, "a.yaml", "1"));
    const auto files = check_output_folder(dir.path(), manifest_of(OutputKind::Run, "a.yaml", "1"),
                                           ExistingOutput::Refuse, WriteMode::Fresh);
    EXPECT_EQ(files, (std::vector<std::string>{"trajectory.csv", "charts/escalation.png"}));
    touch(dir.path() / "charts" / "escalation.png");
    touch(dir.path() / "mine.txt");
    brink::io::remove_previous_outputs(dir.path(), {"trajectory.csv", "charts/escalation.png", "../outside"});
    EXPECT_FALSE(fs::exists(dir.path() / "charts" / "escalation.png"));
    EXPECT_TRUE(fs::exists(dir.path() / "mine.txt"));
}

TEST(OutputFolder, AnotherKindOrScenarioIsRefusedUnlessReplaced) {
    brink::test_support::TempDir dir("brink_manifest");
    brink::io::write_manifest(dir.path(), manifest_of(OutputKind::Run, "scenarios/cuba_1962.yaml", "1"));
    const std::string kind =
        conflict_message(dir.path(), manifest_of(OutputKind::Ensemble, "scenarios/cuba_1962.yaml", "1"),
                         ExistingOutput::Refuse);
    EXPECT_NE(
        kind.find("holds a single run of scenarios/cuba_1962.yaml; brink would write an ensemble over it"),
        std::string::npos)
        << kind;
    EXPECT_NE(kind.find("--force"), std::string::npos) << kind;
    const std::string scenario = conflict_message(
        dir.path(), manifest_of(OutputKind::Run, "scenarios/july_1914.yaml", "2"), ExistingOutput::Refuse);
    EXPECT_NE(scenario.find("of another scenario (scenarios/july_1914.yaml)"), std::string::npos) << scenario;
    EXPECT_EQ(conflict_message(dir.path(), manifest_of(OutputKind::Ensemble, "b.yaml", "2"),
                               ExistingOutput::Replace),
              "");
}

TEST(OutputFolder, AResumeOfAnotherSweepIsRefusedEvenWhenForced) {
    brink::test_support::TempDir dir("brink_manifest");
    Manifest previous = manifest_of(OutputKind::Sweep, "a.yaml", "1");
    previous.design_sha256 = "d1";
    previous.complete = false;
    brink::io::write_manifest(dir.path(), previous);
    Manifest next = previous;
    next.design_sha256 = "d2";
    EXPECT_NE(conflict_message(dir.path(), next, ExistingOutput::Replace, WriteMode::Continue)
                  .find("would continue it with another design"),
              std::string::npos);
    // A fresh sweep of another design would delete the unfinished rows: refused unless forced.
    EXPECT_NE(conflict_message(dir.path(), next, ExistingOutput::Refuse).find("runs.csv.partial"),
              std::string::npos);
    EXPECT_EQ(conflict_message(dir.path(), next, ExistingOutput::Replace), "");
    EXPECT_EQ(conflict_message(dir.path(), previous, ExistingOutput::Refuse, WriteMode::Continue), "");
}

TEST(OutputFolder, AFolderOfAnOlderBrinkIsJudgedByItsFileNames) {
    brink::test_support::TempDir dir("brink_manifest");
    touch(dir.path() / "runs.csv");
    touch(dir.path() / "quantiles.csv");
    touch(dir.path() / "summary.json");
    touch(dir.path() / "charts" / "war_cdf.png");
    touch(dir.path() / "charts" / "my_notes.png");
    EXPECT_EQ(brink::io::guess_kind_from_files(dir.path()), OutputKind::Ensemble);
    const std::string refused =
        conflict_message(dir.path(), manifest_of(OutputKind::Run, "a.yaml", "1"), ExistingOutput::Refuse);
    EXPECT_NE(
        refused.find("holds an ensemble's files (summary.json, runs.csv and quantiles.csv) written by an "
                     "older brink"),
        std::string::npos)
        << refused;
    const auto files = check_output_folder(dir.path(), manifest_of(OutputKind::Ensemble, "a.yaml", "1"),
                                           ExistingOutput::Refuse, WriteMode::Fresh);
    EXPECT_EQ(files,
              (std::vector<std::string>{"summary.json", "runs.csv", "quantiles.csv", "charts/war_cdf.png"}));
}

TEST(OutputFolder, TheSameFileEditedIsTheSameScenario) {
    brink::test_support::TempDir dir("brink_manifest");
    touch(dir.path() / "a.yaml");
    const std::string path = (dir.path() / "a.yaml").string();
    EXPECT_TRUE(brink::io::same_scenario(manifest_of(OutputKind::Run, path, "1"),
                                         manifest_of(OutputKind::Run, path, "2")));
    EXPECT_FALSE(brink::io::same_scenario(manifest_of(OutputKind::Run, "-", "1"),
                                          manifest_of(OutputKind::Run, "-", "2")));
    EXPECT_TRUE(brink::io::same_scenario(manifest_of(OutputKind::Run, "-", "1"),
                                         manifest_of(OutputKind::Run, "other.yaml", "1")));
}
