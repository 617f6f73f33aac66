// Tests of include/brink/io/scenario_loader.hpp: loading, defaults, positions of problems, the guards.
// The bundled scenarios and the corpus of bad files are system tests (tests/system/test_scenario_files.cpp).
#include "brink/io/scenario_loader.hpp"

#include "brink_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

namespace brink::io {
namespace {

namespace fs = std::filesystem;
using test_support::diagnostics_text;
using test_support::minimal_spec;

TEST(LoadScenario, FillsDefaultsForOmittedKeys) {
    const ScenarioSpec spec = minimal_spec();
    ASSERT_EQ(spec.actors.size(), 2u);
    EXPECT_EQ(spec.actors[0].id, "red");
    EXPECT_EQ(spec.actors[0].name, "red");  // name defaults to the id
    EXPECT_EQ(spec.actors[0].resolve, 0.5);
    EXPECT_EQ(spec.ladder.rungs.size(), default_ladder().rungs.size());  // ladder omitted: the default
    EXPECT_TRUE(std::isnan(spec.model.war_rung_index));
}

TEST(LoadScenario, ConvertsEventDatesToDaysFromTheStart) {
    const ScenarioSpec spec = minimal_spec();
    ASSERT_EQ(spec.events.size(), 1u);
    EXPECT_EQ(spec.events[0].day, 4.0);
    EXPECT_EQ(spec.events[0].date, "2020-01-05");
}

TEST(LoadScenario, ReportsEveryProblemNotOnlyTheFirst) {
    const LoadResult result = load_scenario_string(
        "metadata: {name: x, horizon: -1}\nissues: {i: {}}\nactors: {a: {resolve: 2}, b: {resolv: 1}}\n",
        "f.yaml");
    EXPECT_FALSE(result.ok());
    EXPECT_FALSE(result.spec.has_value());
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "f.yaml:1:30: error: metadata.horizon: expected a number in (0, 36500], got -1\n"
              "f.yaml:3:23: error: actors.a.resolve: expected a number in [0, 1], got 2\n"
              "f.yaml:3:31: error: unknown key 'resolv' in 'actors.b'; did you mean 'resolve'?\n");
}

TEST(LoadScenario, RejectsNumbersWithTrailingCharacters) {
    std::string text = test_support::k_minimal_scenario;
    text.replace(text.find("capability: 2"), 13, "capability: 2x");
    const LoadResult result = load_scenario_string(text, "f.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].message,
              "actors.red.capability: expected a number in (0, 1e+15], got '2x'");
}

TEST(LoadScenario, ReportsAMissingFileWithoutThrowing) {
    const LoadResult result = load_scenario_file("no/such/file.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(format_diagnostic(result.diagnostics[0]),
              "no/such/file.yaml: error: cannot open the scenario file: No such file or directory");
}

TEST(LoadScenario, ReportsADirectoryGivenAsAFile) {
    const LoadResult result = load_scenario_file(test_support::source_dir().string());
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_NE(result.diagnostics[0].message.find("directory"), std::string::npos);
}

TEST(LoadScenario, SurvivesDeepNestingWithADiagnostic) {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const LoadResult result = load_scenario_string(deep, "deep.yaml");
    EXPECT_FALSE(result.ok());
    EXPECT_FALSE(result.diagnostics.empty());
}

TEST(LoadScenario, GuardsAgainstAliasFanOut) {
    // Each level doubles the nodes seen through aliases: 2^30 without a guard.
    std::string text = "a0: &a0 [x, x]\n";
    for (int level = 1; level <= 30; ++level) {
        text += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [*a" +
                std::to_string(level - 1) + ", *a" + std::to_string(level - 1) + "]\n";
    }
    text += "metadata: {name: x, sources: *a30}\n";
    const LoadResult result = load_scenario_string(text, "fan.yaml");
    EXPECT_FALSE(result.ok());
}

TEST(LoadScenario, RejectsTooManyActors) {
    std::string text = "metadata: {name: many}\nissues: {i: {}}\nactors:\n";
    for (int a = 0; a <= 10000; ++a) {
        text += "  a" + std::to_string(a) + ": {}\n";
    }
    const LoadResult result = load_scenario_string(text, "many.yaml");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].message, "actors: too many actors (10001); at most 10000");
}

}  // namespace
}  // namespace brink::io
