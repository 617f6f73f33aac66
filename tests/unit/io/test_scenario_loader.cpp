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

// The keys of the strategic mechanisms and of war as a process (docs/model.md §11, §12) are read into the
// spec.
TEST(LoadScenario, ReadsTheKeysOfTheStrategicMechanisms) {
    const LoadResult result = load_scenario_string(
        "metadata: {name: x}\n"
        "issues: {land: {held_by: b}, door: {}}\n"
        "actors:\n"
        "  a: {regime: democracy, reputation: 0.7, readiness: 0.6, readiness_rate: 0.1, readiness_cost: "
        "0.01,\n"
        "      power_trend: 0.25, theatre_share: 0.4, positions: {land: {position: 1}, door: {}}}\n"
        "  b: {regime: autocracy, positions: {land: {position: 0}, door: {}}}\n"
        "  c: {positions: {door: {}}}\n"
        "relations:\n"
        "  commitments: [{defender: c, protege: b, firmness: 0.8, issues: [door]}]\n"
        "  beliefs: [{observer: a, about: b, resolute: 0.2}]\n"
        "demands: {d: {challenger: a, targets: [c], issue: door, value: 1, war_target: b}}\n"
        "events: [{day: -1, type: threat, source: a, targets: [b], in_public: false}]\n"
        "model:\n"
        "  choice_persistence: 3\n"
        "  audience_cost: 0.5\n"
        "  mechanisms: {timing: false, war_process: false}\n"
        "  beliefs: {resolute: 0.9, irresolute: 0.1}\n"
        "  readiness: {planning_days: 60}\n"
        "  war: {fog: 1.5}\n"
        "output: {bdm_rounds: false}\n",
        "f.yaml");
    ASSERT_TRUE(result.ok()) << diagnostics_text(result.diagnostics);
    const ScenarioSpec& spec = *result.spec;
    EXPECT_EQ(spec.issues[0].held_by, "b");
    EXPECT_EQ(spec.actors[0].regime, Regime::Democracy);
    EXPECT_EQ(spec.actors[1].regime, Regime::Autocracy);
    EXPECT_EQ(spec.actors[2].regime, Regime::Mixed);
    EXPECT_EQ(spec.actors[0].reputation, 0.7);
    EXPECT_TRUE(std::isnan(spec.actors[1].reputation));
    EXPECT_EQ(spec.actors[0].readiness, 0.6);
    EXPECT_EQ(spec.actors[0].readiness_rate, 0.1);
    EXPECT_EQ(spec.actors[0].readiness_cost, 0.01);
    EXPECT_EQ(spec.actors[0].power_trend, 0.25);
    EXPECT_EQ(spec.actors[0].theatre_share, 0.4);
    EXPECT_EQ(spec.relations.commitments[0].issues, std::vector<std::string>{"door"});
    ASSERT_EQ(spec.relations.beliefs.size(), 1u);
    EXPECT_EQ(spec.relations.beliefs[0].about, "b");
    EXPECT_EQ(spec.relations.beliefs[0].resolute, 0.2);
    EXPECT_EQ(spec.demands[0].war_target, "b");
    EXPECT_FALSE(spec.events[0].in_public);
    EXPECT_EQ(spec.model.choice_persistence, 3.0);
    EXPECT_EQ(spec.model.audience_cost, 0.5);
    EXPECT_FALSE(spec.model.mechanisms.timing);
    EXPECT_FALSE(spec.model.mechanisms.war_process);
    EXPECT_TRUE(spec.model.mechanisms.beliefs);
    EXPECT_EQ(spec.model.beliefs.resolute, 0.9);
    EXPECT_EQ(spec.model.readiness.planning_days, 60.0);
    EXPECT_EQ(spec.model.war.fog, 1.5);
    EXPECT_FALSE(spec.output.bdm_rounds);
}

TEST(LoadScenario, ChecksTheReferencesAndRulesOfTheStrategicKeys) {
    const LoadResult result = load_scenario_string(
        "metadata: {name: x}\n"
        "issues: {land: {held_by: c}, door: {}}\n"
        "actors:\n"
        "  a: {regime: dictatorship, positions: {land: {}, door: {}}}\n"
        "  b: {positions: {land: {}, door: {}}}\n"
        "  c: {positions: {door: {}}}\n"
        "relations:\n"
        "  commitments: [{defender: c, protege: b, issues: [dor]}]\n"
        "  beliefs: [{observer: a, about: a, resolute: 0.5}, {observer: a, about: bb, resolute: 1}]\n"
        "demands: {d: {challenger: a, targets: [b], issue: land, value: 1, war_target: a}}\n"
        "model: {beliefs: {resolute: 0.2, irresolute: 0.2}, mechanisms: {timng: false}}\n",
        "f.yaml");
    EXPECT_EQ(
        diagnostics_text(result.diagnostics),
        "f.yaml:2:26: error: issues.land.held_by: 'c' holds no position on issue 'land'; a holder weighs "
        "what it holds against its position: add actors.c.positions.land\n"
        "f.yaml:4:15: error: actors.a.regime: unknown regime 'dictatorship'; expected one of: democracy, "
        "mixed, autocracy\n"
        "f.yaml:8:52: error: relations.commitments[0].issues[0]: undefined issue 'dor'; did you mean "
        "'door'?\n"
        "f.yaml:9:34: error: relations.beliefs[0]: a belief is about another actor, got 'a' twice\n"
        "f.yaml:9:74: error: relations.beliefs[1].about: undefined actor 'bb'\n"
        "f.yaml:9:88: error: relations.beliefs[1].resolute: expected a number in [0.01, 0.99], got 1\n"
        "f.yaml:10:79: error: demands.d.war_target: the challenger cannot fight itself\n"
        "f.yaml:11:29: error: model.beliefs.resolute: the resolute type's resolve must be above the "
        "irresolute type's (0.2), got 0.2\n"
        "f.yaml:11:65: error: unknown key 'timng' in 'model.mechanisms'; did you mean 'timing'?\n");
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
