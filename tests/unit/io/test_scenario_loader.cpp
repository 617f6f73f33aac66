// Tests of include/brink/io/scenario_loader.hpp: loading, validation, the bundled scenarios, round trips,
// --set overrides, the calendar helpers, and the corpus of bad files in tests/scenarios/bad/.
#include "brink/io/calendar.hpp"
#include "brink/io/overrides.hpp"
#include "brink/io/scenario_dump.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/io/validation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace brink::io {
namespace {

namespace fs = std::filesystem;

const fs::path k_source_dir{BRINK_SOURCE_DIR};

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string joined(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& diagnostic : diagnostics) {
        text += format_diagnostic(diagnostic) + "\n";
    }
    return text;
}

// Numbers compare equal when both are unset (NaN) or equal.
bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

// Field-by-field equality of two specs (source_path aside): what a round trip must preserve.
void expect_equal_specs(const ScenarioSpec& a, const ScenarioSpec& b) {
    EXPECT_EQ(a.metadata.name, b.metadata.name);
    EXPECT_EQ(a.metadata.description, b.metadata.description);
    EXPECT_EQ(a.metadata.start_date, b.metadata.start_date);
    EXPECT_TRUE(same(a.metadata.horizon, b.metadata.horizon));
    EXPECT_EQ(a.metadata.seed, b.metadata.seed);
    EXPECT_EQ(a.metadata.sources, b.metadata.sources);
    ASSERT_EQ(a.issues.size(), b.issues.size());
    for (std::size_t i = 0; i < a.issues.size(); ++i) {
        const auto &x = a.issues[i], &y = b.issues[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.description, y.description);
        EXPECT_EQ(x.low, y.low);
        EXPECT_EQ(x.high, y.high);
        EXPECT_TRUE(same(x.status_quo, y.status_quo)) << x.id;
    }
    ASSERT_EQ(a.actors.size(), b.actors.size());
    for (std::size_t i = 0; i < a.actors.size(); ++i) {
        const auto &x = a.actors[i], &y = b.actors[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.kind, y.kind);
        EXPECT_TRUE(same(x.capability, y.capability)) << x.id;
        EXPECT_EQ(x.capability_unit, y.capability_unit);
        EXPECT_EQ(x.capability_source, y.capability_source);
        EXPECT_TRUE(same(x.resolve, y.resolve)) << x.id;
        EXPECT_TRUE(same(x.risk_attitude, y.risk_attitude)) << x.id;
        EXPECT_TRUE(same(x.cost_of_war, y.cost_of_war)) << x.id;
        EXPECT_TRUE(same(x.decision_rate, y.decision_rate)) << x.id;
        EXPECT_TRUE(same(x.initial_rung, y.initial_rung)) << x.id;
        ASSERT_EQ(x.representatives.size(), y.representatives.size());
        for (std::size_t r = 0; r < x.representatives.size(); ++r) {
            EXPECT_EQ(x.representatives[r].name, y.representatives[r].name);
            EXPECT_EQ(x.representatives[r].role, y.representatives[r].role);
        }
        ASSERT_EQ(x.positions.size(), y.positions.size());
        for (std::size_t p = 0; p < x.positions.size(); ++p) {
            EXPECT_EQ(x.positions[p].issue, y.positions[p].issue);
            EXPECT_TRUE(same(x.positions[p].position, y.positions[p].position));
            EXPECT_TRUE(same(x.positions[p].salience, y.positions[p].salience));
        }
    }
    ASSERT_EQ(a.relations.alliances.size(), b.relations.alliances.size());
    for (std::size_t i = 0; i < a.relations.alliances.size(); ++i) {
        const auto &x = a.relations.alliances[i], &y = b.relations.alliances[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_EQ(x.members, y.members);
        EXPECT_TRUE(same(x.affinity, y.affinity));
        EXPECT_TRUE(same(x.commitment, y.commitment));
    }
    ASSERT_EQ(a.relations.affinities.size(), b.relations.affinities.size());
    for (std::size_t i = 0; i < a.relations.affinities.size(); ++i) {
        const auto &x = a.relations.affinities[i], &y = b.relations.affinities[i];
        EXPECT_EQ(x.a, y.a);
        EXPECT_EQ(x.b, y.b);
        EXPECT_TRUE(same(x.value, y.value));
        EXPECT_EQ(x.directed, y.directed);
    }
    ASSERT_EQ(a.relations.commitments.size(), b.relations.commitments.size());
    for (std::size_t i = 0; i < a.relations.commitments.size(); ++i) {
        const auto &x = a.relations.commitments[i], &y = b.relations.commitments[i];
        EXPECT_EQ(x.defender, y.defender);
        EXPECT_EQ(x.protege, y.protege);
        EXPECT_TRUE(same(x.firmness, y.firmness));
    }
    ASSERT_EQ(a.demands.size(), b.demands.size());
    for (std::size_t i = 0; i < a.demands.size(); ++i) {
        const auto &x = a.demands[i], &y = b.demands[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.challenger, y.challenger);
        EXPECT_EQ(x.targets, y.targets);
        EXPECT_EQ(x.issue, y.issue);
        EXPECT_TRUE(same(x.value, y.value));
        EXPECT_TRUE(same(x.made, y.made));
        EXPECT_TRUE(same(x.deadline, y.deadline));
        EXPECT_EQ(x.threat, y.threat);
    }
    ASSERT_EQ(a.ladder.rungs.size(), b.ladder.rungs.size());
    for (std::size_t i = 0; i < a.ladder.rungs.size(); ++i) {
        const auto &x = a.ladder.rungs[i], &y = b.ladder.rungs[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.name, y.name);
        EXPECT_TRUE(same(x.threshold, y.threshold));
        EXPECT_EQ(x.cameo, y.cameo);
    }
    ASSERT_EQ(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i) {
        const auto &x = a.events[i], &y = b.events[i];
        EXPECT_TRUE(same(x.day, y.day)) << i;
        EXPECT_EQ(x.date, y.date);
        EXPECT_EQ(x.type, y.type);
        EXPECT_EQ(x.source, y.source);
        EXPECT_EQ(x.targets, y.targets);
        EXPECT_EQ(x.issue, y.issue);
        EXPECT_TRUE(same(x.value, y.value));
        EXPECT_EQ(x.demand, y.demand);
        EXPECT_EQ(x.cameo, y.cameo);
        EXPECT_EQ(x.description, y.description);
        EXPECT_TRUE(same(x.affinity_delta, y.affinity_delta));
        EXPECT_TRUE(same(x.pressure_delta, y.pressure_delta));
        EXPECT_EQ(x.source_ref, y.source_ref);
    }
    const auto &m = a.model, &n = b.model;
    EXPECT_TRUE(same(m.rationality, n.rationality));
    EXPECT_TRUE(same(m.reaction, n.reaction));
    EXPECT_TRUE(same(m.restraint, n.restraint));
    EXPECT_TRUE(same(m.grievance, n.grievance));
    EXPECT_TRUE(same(m.affinity_step, n.affinity_step));
    EXPECT_TRUE(same(m.discount_per_day, n.discount_per_day));
    EXPECT_TRUE(same(m.bdm_interval, n.bdm_interval));
    EXPECT_TRUE(same(m.talks_duration, n.talks_duration));
    EXPECT_TRUE(same(m.war_rung_index, n.war_rung_index));
    EXPECT_EQ(m.decisions_enabled, n.decisions_enabled);
    EXPECT_TRUE(same(a.output.sample_interval, b.output.sample_interval));
    EXPECT_EQ(a.output.event_samples, b.output.event_samples);
    EXPECT_EQ(a.output.metrics, b.output.metrics);
}

std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() == extension) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// A small valid scenario that tests modify.
constexpr const char* k_minimal = R"(metadata:
  name: minimal
  start_date: 2020-01-01
  horizon: 30
issues:
  border: {status_quo: 0.2}
actors:
  red: {capability: 2, positions: {border: {position: 1, salience: 0.9}}}
  blue: {capability: 3, positions: {border: {position: 0, salience: 0.8}}}
demands:
  red_border: {challenger: red, targets: [blue], issue: border, value: 1, deadline: 10}
events:
  - {date: 2020-01-05, type: threat, source: red, targets: [blue]}
)";

ScenarioSpec minimal_spec() {
    const LoadResult result = load_scenario_string(k_minimal, "minimal.yaml");
    EXPECT_TRUE(result.ok()) << joined(result.diagnostics);
    return result.spec.value_or(ScenarioSpec{});
}

// --- loading ---

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
    EXPECT_EQ(joined(result.diagnostics),
              "f.yaml:1:30: error: metadata.horizon: expected a number in (0, 36500], got -1\n"
              "f.yaml:3:23: error: actors.a.resolve: expected a number in [0, 1], got 2\n"
              "f.yaml:3:31: error: unknown key 'resolv' in 'actors.b'; did you mean 'resolve'?\n");
}

TEST(LoadScenario, RejectsNumbersWithTrailingCharacters) {
    std::string text = k_minimal;
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
    const LoadResult result = load_scenario_file(k_source_dir.string());
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

// --- the bundled scenarios ---

TEST(BundledScenarios, EveryFileLoadsWithNoDiagnostics) {
    const auto files = files_in(k_source_dir / "scenarios", ".yaml");
    ASSERT_GE(files.size(), 3u);
    for (const auto& file : files) {
        const LoadResult result = load_scenario_file(file.string());
        EXPECT_TRUE(result.ok()) << file << "\n" << joined(result.diagnostics);
    }
}

TEST(BundledScenarios, EveryFileRoundTripsThroughDump) {
    for (const auto& file : files_in(k_source_dir / "scenarios", ".yaml")) {
        SCOPED_TRACE(file.string());
        const LoadResult first = load_scenario_file(file.string());
        ASSERT_TRUE(first.ok()) << joined(first.diagnostics);
        const std::string dumped = dump_scenario(*first.spec);
        const LoadResult second = load_scenario_string(dumped, "dump.yaml");
        ASSERT_TRUE(second.ok()) << joined(second.diagnostics) << dumped;
        expect_equal_specs(*first.spec, *second.spec);
        EXPECT_EQ(dump_scenario(*second.spec), dumped);  // and the dump is a fixed point
    }
}

TEST(BundledScenarios, DefaultScenarioIsUkraine2022AndRussiaStartsAtMobilisation) {
    const std::string path = default_scenario_path();
    EXPECT_EQ(fs::path(path).filename(), "ukraine_2022.yaml");
    const LoadResult result = load_scenario_file(path);
    ASSERT_TRUE(result.ok()) << joined(result.diagnostics);
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
    const LoadResult result = load_scenario_file((k_source_dir / "scenarios" / "ukraine_2022.yaml").string());
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
    const LoadResult result = load_scenario_file((k_source_dir / "scenarios" / "ukraine_2022.yaml").string());
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

// --- the corpus of bad files ---

TEST(BadScenarios, EachFileGivesExactlyItsExpectedDiagnostics) {
    const fs::path dir = k_source_dir / "tests" / "scenarios" / "bad";
    const auto files = files_in(dir, ".yaml");
    EXPECT_GE(files.size(), 40u);
    for (const auto& file : files) {
        const std::string relative = "tests/scenarios/bad/" + file.filename().string();
        fs::path expected_path = file;
        expected_path.replace_extension(".expected");
        ASSERT_TRUE(fs::exists(expected_path)) << expected_path;
        const LoadResult result = load_scenario_string(read_text(file), relative);
        EXPECT_FALSE(result.spec.has_value()) << relative;
        EXPECT_EQ(joined(result.diagnostics), read_text(expected_path)) << relative;
    }
}

// --- overrides ---

TEST(ApplyOverride, SetsAnActorField) {
    ScenarioSpec spec = minimal_spec();
    EXPECT_TRUE(apply_override(spec, "actors.red.resolve", "0.8").empty());
    EXPECT_EQ(spec.actors[0].resolve, 0.8);
}

TEST(ApplyOverride, ParsesPathEqualsValue) {
    ScenarioSpec spec = minimal_spec();
    EXPECT_TRUE(apply_override_assignment(spec, "model.rationality=12.5").empty());
    EXPECT_EQ(spec.model.rationality, 12.5);
}

TEST(ApplyOverride, SetsAPositionAndAnIssue) {
    ScenarioSpec spec = minimal_spec();
    EXPECT_TRUE(apply_override(spec, "actors.blue.positions.border.salience", "0.1").empty());
    EXPECT_TRUE(apply_override(spec, "issues.border.status_quo", "0.4").empty());
    EXPECT_EQ(spec.actors[1].positions[0].salience, 0.1);
    EXPECT_EQ(spec.issues[0].status_quo, 0.4);
}

TEST(ApplyOverride, CreatesASymmetricAffinityWhenAbsent) {
    ScenarioSpec spec = minimal_spec();
    EXPECT_TRUE(apply_override(spec, "relations.blue.red", "-0.7").empty());
    ASSERT_EQ(spec.relations.affinities.size(), 1u);
    EXPECT_EQ(spec.relations.affinities[0].value, -0.7);
    EXPECT_FALSE(spec.relations.affinities[0].directed);
    EXPECT_TRUE(apply_override(spec, "relations.red.blue", "-0.2").empty());  // the same pair, either order
    ASSERT_EQ(spec.relations.affinities.size(), 1u);
    EXPECT_EQ(spec.relations.affinities[0].value, -0.2);
}

TEST(ApplyOverride, SetsCommitmentDemandLadderAndOutput) {
    ScenarioSpec spec = minimal_spec();
    EXPECT_TRUE(apply_override(spec, "relations.commitments.blue.red", "0.3").empty());
    EXPECT_TRUE(apply_override(spec, "demands.red_border.deadline", "20").empty());
    EXPECT_TRUE(apply_override(spec, "ladder.threats.threshold", "4.5").empty());
    EXPECT_TRUE(apply_override(spec, "output.sample_interval", "0.5").empty());
    EXPECT_TRUE(apply_override(spec, "output.event_samples", "false").empty());
    EXPECT_FALSE(spec.output.event_samples);
    EXPECT_EQ(spec.relations.commitments.at(0).firmness, 0.3);
    EXPECT_EQ(spec.demands[0].deadline, 20.0);
    EXPECT_EQ(spec.ladder.rungs[4].threshold, 4.5);
    EXPECT_EQ(spec.output.sample_interval, 0.5);
}

TEST(ApplyOverride, MovesDatedEventsWithANewStartDate) {
    ScenarioSpec spec = minimal_spec();  // the threat is dated 2020-01-05, day 4
    EXPECT_TRUE(apply_override(spec, "metadata.start_date", "2020-01-03").empty());
    EXPECT_EQ(spec.events[0].day, 2.0);
    const auto diagnostics = apply_override(spec, "metadata.start_date", "2020-02-30");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].message,
              "'metadata.start_date' expects a date YYYY-MM-DD (a day that exists); got '2020-02-30'");
}

TEST(ApplyOverride, NamesAnUnknownKeyWithASuggestion) {
    ScenarioSpec spec = minimal_spec();
    const auto diagnostics = apply_override(spec, "actors.red.resolv", "0.8");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(format_diagnostic(diagnostics[0]),
              "--set: error: unknown key 'resolv' in 'actors.red.resolv'; did you mean 'resolve'?");
}

TEST(ApplyOverride, NamesAnUnknownActor) {
    ScenarioSpec spec = minimal_spec();
    const auto diagnostics = apply_override(spec, "actors.bleu.resolve", "0.8");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].message, "unknown actor 'bleu' in 'actors.bleu.resolve'; did you mean 'blue'?");
}

TEST(ApplyOverride, RejectsAValueOfTheWrongTypeNamingKeyTypeAndRange) {
    ScenarioSpec spec = minimal_spec();
    const auto diagnostics = apply_override(spec, "actors.red.resolve", "0.8x");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].message, "'actors.red.resolve' expects a number in [0, 1]; got '0.8x'");
    EXPECT_EQ(spec.actors[0].resolve, 0.5);  // unchanged
}

TEST(ApplyOverride, RejectsOutOfRangeNanAndInfinity) {
    ScenarioSpec spec = minimal_spec();
    for (const char* value : {"1.5", "nan", "inf", "-inf", "", "1e999"}) {
        const auto diagnostics = apply_override(spec, "actors.red.resolve", value);
        ASSERT_EQ(diagnostics.size(), 1u) << value;
        EXPECT_EQ(diagnostics[0].message,
                  "'actors.red.resolve' expects a number in [0, 1]; got '" + std::string(value) + "'");
    }
    EXPECT_EQ(spec.actors[0].resolve, 0.5);
}

TEST(ApplyOverride, RefusesAValueThatBreaksACrossFieldRule) {
    ScenarioSpec spec = minimal_spec();
    const auto diagnostics = apply_override(spec, "metadata.horizon", "5");  // the deadline is day 10
    ASSERT_FALSE(diagnostics.empty());
    EXPECT_EQ(diagnostics[0].file, "--set");
    EXPECT_EQ(spec.metadata.horizon, 30.0);  // the spec is left as it was
    EXPECT_TRUE(validate_spec(spec, "x").empty());
}

TEST(ApplyOverride, RejectsAnAssignmentWithoutEquals) {
    ScenarioSpec spec = minimal_spec();
    const auto diagnostics = apply_override_assignment(spec, "actors.red.resolve");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].message,
              "expected path=value (e.g. actors.russia.resolve=0.8), got 'actors.red.resolve'");
}

TEST(ApplyOverride, RejectsAPathThatIsNotAScalar) {
    ScenarioSpec spec = minimal_spec();
    const auto diagnostics = apply_override(spec, "actors.red", "1");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(diagnostics[0].message, "'actors.red' is not a scalar; expected 'actors.red.<field>'");
}

// --- validate_spec ---

TEST(ValidateSpec, AcceptsTheDefaultsOfAMinimalSpec) {
    EXPECT_TRUE(validate_spec(minimal_spec(), "x").empty());
}

TEST(ValidateSpec, ReportsAnUndefinedReferenceWithoutAPosition) {
    ScenarioSpec spec = minimal_spec();
    spec.demands[0].challenger = "redd";
    const auto diagnostics = validate_spec(spec, "spec");
    ASSERT_EQ(diagnostics.size(), 1u);
    EXPECT_EQ(format_diagnostic(diagnostics[0]),
              "spec: error: demands.red_border.challenger: undefined actor 'redd'; did you mean 'red'?");
}

// --- calendar ---

TEST(Calendar, CountsDaysFromTheUnixEpoch) {
    EXPECT_EQ(date_to_days("1970-01-01"), 0);
    EXPECT_EQ(date_to_days("1970-01-02"), 1);
    EXPECT_EQ(date_to_days("1969-12-31"), -1);
    EXPECT_EQ(date_to_days("2000-03-01").value() - date_to_days("2000-02-28").value(), 2);  // 2000 is leap
    EXPECT_EQ(date_to_days("1900-03-01").value() - date_to_days("1900-02-28").value(), 1);  // 1900 is not
    EXPECT_EQ(date_to_days("2022-01-26").value() - date_to_days("2022-01-22").value(), 4);
}

TEST(Calendar, AcceptsLeapDaysOnlyInLeapYears) {
    EXPECT_TRUE(date_to_days("2024-02-29").has_value());
    EXPECT_TRUE(date_to_days("2000-02-29").has_value());
    EXPECT_FALSE(date_to_days("2023-02-29").has_value());
    EXPECT_FALSE(date_to_days("1900-02-29").has_value());
}

TEST(Calendar, RejectsMalformedAndImpossibleDates) {
    for (const char* bad : {"2022-02-30", "2022-13-01", "2022-00-10", "2022-04-31", "2022-1-22", "22-01-2022",
                            "2022/01/22", "", "2022-01-22T00", "abcd-ef-gh", "2022-01-00"}) {
        EXPECT_FALSE(date_to_days(bad).has_value()) << bad;
    }
}

TEST(Calendar, RoundTripsEveryDayOfFourCenturies) {
    const long first = date_to_days("1800-01-01").value();
    for (long day = first; day < first + 146097; ++day) {
        const std::string text = days_to_date(day);
        ASSERT_EQ(date_to_days(text), day) << text;
    }
    EXPECT_EQ(days_to_date(date_to_days("1914-07-23").value()), "1914-07-23");
}

}  // namespace
}  // namespace brink::io
