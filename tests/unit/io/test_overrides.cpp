// Tests of include/brink/io/overrides.hpp: `--set path=value`.
#include "brink/io/calendar.hpp"
#include "brink/io/overrides.hpp"
#include "brink/io/validation.hpp"

#include "brink_test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace brink::io {
namespace {

namespace fs = std::filesystem;
using test_support::diagnostics_text;
using test_support::minimal_spec;

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

TEST(ApplyOverride, MovesAScriptedEventByDayOrByDate) {
    ScenarioSpec spec = test_support::bundled_scenario();
    ASSERT_FALSE(spec.events.empty());
    ASSERT_FALSE(spec.events[0].date.empty());  // the first event is dated (2021-10-30: day -84)
    EXPECT_TRUE(apply_override(spec, "events.0.day", "-60").empty()) << "a day drops the date it replaces";
    EXPECT_EQ(spec.events[0].day, -60.0);
    EXPECT_TRUE(spec.events[0].date.empty());
    EXPECT_TRUE(apply_override(spec, "events.0.date", "2021-12-22").empty()) << "a date moves the day";
    EXPECT_EQ(spec.events[0].date, "2021-12-22");
    EXPECT_EQ(spec.events[0].day, -31.0);
    EXPECT_TRUE(validate_spec(spec, "t").empty());
}

TEST(ApplyOverride, RejectsAnEventIndexOutOfRangeWithTheRange) {
    ScenarioSpec spec = test_support::bundled_scenario();
    const std::string last = std::to_string(spec.events.size() - 1);
    for (const char* index : {"999", "x", "-1"}) {
        const auto diagnostics = apply_override(spec, std::string("events.") + index + ".day", "3");
        ASSERT_EQ(diagnostics.size(), 1u) << index;
        EXPECT_EQ(diagnostics[0].message,
                  std::string("no event '") + index + "' in 'events." + index + ".day'; the scenario has " +
                      std::to_string(spec.events.size()) + " events, indexed 0 to " + last);
    }
    const auto unknown_key = apply_override(spec, "events.0.dya", "3");
    ASSERT_EQ(unknown_key.size(), 1u);
    EXPECT_EQ(unknown_key[0].message, "unknown key 'dya' in 'events.0.dya'; did you mean 'day'?");
}

TEST(ApplyOverride, SetsADemandsTargetsAsAList) {
    ScenarioSpec spec = test_support::bundled_scenario();
    EXPECT_TRUE(apply_override(spec, "demands.russia_no_enlargement.targets", "usa").empty());
    EXPECT_EQ(spec.demands[0].targets, (std::vector<std::string>{"usa"}));
    EXPECT_TRUE(apply_override(spec, "demands.russia_no_enlargement.targets", "[nato, usa]").empty());
    EXPECT_EQ(spec.demands[0].targets, (std::vector<std::string>{"nato", "usa"}));
    // An unknown actor is refused by the rules, naming the item; the spec keeps its targets.
    const auto unknown = apply_override(spec, "demands.russia_no_enlargement.targets", "usa,natoo");
    ASSERT_FALSE(unknown.empty());
    EXPECT_NE(diagnostics_text(unknown).find("natoo"), std::string::npos) << diagnostics_text(unknown);
    const auto empty_item = apply_override(spec, "demands.russia_no_enlargement.targets", "usa,,nato");
    ASSERT_EQ(empty_item.size(), 1u);
    EXPECT_EQ(
        empty_item[0].message,
        "'demands.russia_no_enlargement.targets' expects a list of ids 'a,b' or '[a, b]'; got 'usa,,nato'");
    EXPECT_EQ(spec.demands[0].targets, (std::vector<std::string>{"nato", "usa"}));
}

}  // namespace
}  // namespace brink::io
