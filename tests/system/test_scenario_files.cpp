// System tests of the scenario files: every bundled scenario loads clean and says what it should, and every
// hostile input in tests/scenarios/bad/ gives exactly its expected diagnostics (NAME.expected).
#include "brink/io/scenario_loader.hpp"

#include "brink_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace brink::io {
namespace {

namespace fs = std::filesystem;
using test_support::diagnostics_text;
using test_support::minimal_spec;

TEST(BundledScenarios, EveryFileLoadsWithNoDiagnostics) {
    const auto files = test_support::files_in(test_support::source_dir() / "scenarios", ".yaml");
    ASSERT_GE(files.size(), 3u);
    for (const auto& file : files) {
        const LoadResult result = load_scenario_file(file.string());
        EXPECT_TRUE(result.ok()) << file << "\n" << diagnostics_text(result.diagnostics);
    }
}

TEST(BundledScenarios, DefaultScenarioIsUkraine2022AndRussiaStartsAtMobilisation) {
    const std::string path = default_scenario_path();
    EXPECT_EQ(fs::path(path).filename(), "ukraine_2022.yaml");
    const LoadResult result = load_scenario_file(path);
    ASSERT_TRUE(result.ok()) << diagnostics_text(result.diagnostics);
    const auto& actors = result.spec->actors;
    const auto russia =
        std::find_if(actors.begin(), actors.end(), [](const ActorSpec& a) { return a.id == "russia"; });
    ASSERT_NE(russia, actors.end());
    EXPECT_EQ(russia->initial_rung, 7.0);
    EXPECT_EQ(result.spec->metadata.start_date, "2022-01-22");
}

TEST(BundledScenarios, Ukraine2022CapabilitiesAgreeWithTheDataTable) {
    // data/capabilities_2021.csv, column milex_2021_usd_bn_SIPRI_current.
    const std::vector<std::pair<std::string, double>> expected{
        {"russia", 65.9}, {"ukraine", 5.94},
        {"usa", 800.7},   {"japan", 54.1},
        {"china", 293.4}, {"romania", 5.56},
        {"nato", 1157.4}, {"western_europe_canada", 56.0 + 56.6 + 68.4 + 26.4}};
    const LoadResult result =
        load_scenario_file((test_support::source_dir() / "scenarios" / "ukraine_2022.yaml").string());
    ASSERT_TRUE(result.ok());
    for (const auto& [id, capability] : expected) {
        const auto& actors = result.spec->actors;
        const auto actor =
            std::find_if(actors.begin(), actors.end(), [&](const ActorSpec& a) { return a.id == id; });
        ASSERT_NE(actor, actors.end()) << id;
        EXPECT_NEAR(actor->capability, capability, 1e-9) << id;  // sums of one-decimal figures
    }
}

TEST(BundledScenarios, Ukraine2022ScriptsNothingAfterTheStartButTheAnnouncedUsAnswer) {
    const LoadResult result =
        load_scenario_file((test_support::source_dir() / "scenarios" / "ukraine_2022.yaml").string());
    ASSERT_TRUE(result.ok());
    std::vector<const ScriptedEventSpec*> future;
    for (const auto& event : result.spec->events) {
        if (event.day > 0) {
            future.push_back(&event);
        }
    }
    ASSERT_EQ(future.size(), 1u);
    EXPECT_EQ(future[0]->source, "usa");
    EXPECT_EQ(future[0]->date, "2022-01-26");
}

TEST(BadScenarios, EachFileGivesExactlyItsExpectedDiagnostics) {
    const fs::path dir = test_support::source_dir() / "tests" / "scenarios" / "bad";
    const auto files = test_support::files_in(dir, ".yaml");
    EXPECT_GE(files.size(), 40u);
    for (const auto& file : files) {
        const std::string relative = "tests/scenarios/bad/" + file.filename().string();
        fs::path expected_path = file;
        expected_path.replace_extension(".expected");
        ASSERT_TRUE(fs::exists(expected_path)) << expected_path;
        const LoadResult result = load_scenario_string(test_support::read_file(file), relative);
        EXPECT_FALSE(result.spec.has_value()) << relative;
        EXPECT_EQ(diagnostics_text(result.diagnostics), test_support::read_file(expected_path)) << relative;
    }
}

}  // namespace
}  // namespace brink::io
