// Tests of include/brink/io/not_reached.hpp: what a run ended before, from the spec and the run's end.
#include "brink/io/not_reached.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

brink::ScenarioSpec spec_with_a_schedule() {
    brink::ScenarioSpec spec;
    spec.metadata.name = "Schedule";
    spec.metadata.start_date = "2022-01-22";
    spec.metadata.horizon = 100.0;
    brink::ActorSpec arcadia;
    arcadia.id = "a";
    arcadia.name = "Arcadia";
    brink::ActorSpec borduria;
    borduria.id = "b";
    borduria.name = "Borduria";
    spec.actors = {arcadia, borduria};
    brink::IssueSpec border;
    border.id = "border";
    border.name = "the border";
    border.low = "the old line";
    border.high = "the river";
    spec.issues = {border};
    brink::ScriptedEventSpec history;
    history.day = -5.0;
    history.source = "a";
    brink::ScriptedEventSpec same_day;
    same_day.day = 20.0;
    same_day.source = "a";
    brink::ScriptedEventSpec summit;
    summit.day = 60.0;
    summit.type = brink::ScriptedEventType::Meeting;
    summit.source = "a";
    summit.targets = {"b"};
    summit.description = "G20 summit in Bali";
    brink::ScriptedEventSpec late_demand;
    late_demand.day = 80.0;
    late_demand.type = brink::ScriptedEventType::Demand;
    late_demand.source = "b";
    late_demand.targets = {"a"};
    late_demand.demand = "b_claim";
    spec.events = {history, same_day, summit, late_demand};
    brink::DemandSpec early;
    early.id = "a_claim";
    early.challenger = "a";
    early.targets = {"b"};
    early.issue = "border";
    early.made = 0.0;
    brink::DemandSpec late = early;
    late.id = "late_claim";
    late.made = 70.0;
    late.value = 0.5;
    brink::DemandSpec scripted = early;
    scripted.id = "b_claim";
    scripted.challenger = "b";
    scripted.made = 90.0;
    spec.demands = {early, late, scripted};
    return spec;
}

brink::model::RunResult ended_on(brink::model::OutcomeKind kind, double day) {
    brink::model::RunResult result;
    result.outcome.kind = kind;
    result.outcome.time = day;
    return result;
}

}  // namespace

TEST(NotReached, ListsScriptedEventsAndDemandsDatedAfterTheRunEnded) {
    const auto missed =
        brink::io::not_reached(spec_with_a_schedule(), ended_on(brink::model::OutcomeKind::Settlement, 20.0));
    ASSERT_EQ(missed.size(), 4U);
    EXPECT_EQ(missed[0].id, "events[2]");
    EXPECT_EQ(missed[0].day, 60.0);
    EXPECT_EQ(missed[0].type, "meeting");
    EXPECT_EQ(missed[0].source, "a");
    EXPECT_EQ(missed[0].description, "G20 summit in Bali");
    EXPECT_EQ(missed[1].id, "events[3]");
    EXPECT_EQ(missed[1].description, "Borduria (demand) to Arcadia") << "names, not ids";
    EXPECT_EQ(missed[2].id, "late_claim");
    EXPECT_EQ(missed[2].type, "demand");
    EXPECT_EQ(missed[2].description,
              "Arcadia demands that Borduria move to 0.5 on the border (1 = the river)")
        << "the issue's words, not 'border = 0.5'";
    // b_claim is put on the table by a scripted event that was not reached either.
    EXPECT_EQ(missed[3].id, "b_claim");
}

TEST(NotReached, AScriptedDemandEventBeforeTheEndPutsItsDemandOnTheTable) {
    brink::ScenarioSpec spec = spec_with_a_schedule();
    spec.events[3].day = 10.0;
    const auto missed = brink::io::not_reached(spec, ended_on(brink::model::OutcomeKind::Settlement, 20.0));
    ASSERT_EQ(missed.size(), 2U);
    EXPECT_EQ(missed[1].id, "late_claim");
}

TEST(NotReached, IsEmptyForAStandoffAtTheHorizon) {
    EXPECT_TRUE(
        brink::io::not_reached(spec_with_a_schedule(), ended_on(brink::model::OutcomeKind::Standoff, 100.0))
            .empty());
}

TEST(NotReached, AWarFoughtOnEndsTheRunWhenTheWarEnds) {
    brink::model::RunResult war = ended_on(brink::model::OutcomeKind::War, 20.0);
    war.outcome.war.how = brink::model::WarEnd::Ongoing;
    EXPECT_EQ(brink::io::run_end_day(spec_with_a_schedule(), war), 100.0);
    war.outcome.war.how = brink::model::WarEnd::Collapse;
    war.outcome.war.end = 65.0;
    EXPECT_EQ(brink::io::run_end_day(spec_with_a_schedule(), war), 65.0);
    const auto missed = brink::io::not_reached(spec_with_a_schedule(), war);
    ASSERT_EQ(missed.size(), 3U);
    EXPECT_EQ(missed[0].id, "events[3]");
    war.outcome.war.how = brink::model::WarEnd::FirstShot;
    EXPECT_EQ(brink::io::run_end_day(spec_with_a_schedule(), war), 20.0);
}

TEST(NotReached, WarnsInOneLineNamingTheFirstThree) {
    const brink::ScenarioSpec spec = spec_with_a_schedule();
    const auto result = ended_on(brink::model::OutcomeKind::Settlement, 20.04);
    const std::string line =
        brink::io::not_reached_warning(spec, result, brink::io::not_reached(spec, result));
    EXPECT_EQ(line,
              "the run ended on day 20 (2022-02-11); 2 scripted events and 2 demands dated after it never "
              "happened: G20 summit in Bali (day 60); Borduria (demand) to Arcadia (day 80); Arcadia demands "
              "that Borduria move to 0.5 on the border (1 = the river) (day 70); and 1 more. summary.json "
              "lists them under not_reached");
    EXPECT_EQ(line.find('\n'), std::string::npos);
    EXPECT_EQ(brink::io::not_reached_warning(spec, result, {}), "");
}
