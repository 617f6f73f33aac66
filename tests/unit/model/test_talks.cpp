// Tests of talks.hpp: meetings (docs/model.md §4.5), follow-ups and talks called off, BDM rounds (§3.4).
#include "brink/model/talks.hpp"

#include "brink/model/bargaining.hpp"
#include "brink/model/relations.hpp"
#include "fake_effects.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brink::model {
namespace {

using fixtures::ComponentBench;

/// Two equal actors at `high` and `low` on the claim.
ScenarioSpec dispute(double salience, double resolve, double high, double low) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    for (auto& a : spec.actors) {
        a.resolve = resolve;
        a.positions[0].salience = salience;
    }
    spec.actors[0].positions[0].position = high;
    spec.actors[1].positions[0].position = low;
    return spec;
}

engine::StopConditions until(double horizon) {
    engine::StopConditions stop;
    stop.horizon = horizon;
    return stop;
}

TEST(Talks, WithinReachBothAgreeAtTheRubinsteinPointAndTheDemandIsSettled) {
    ComponentBench bench(dispute(0.1, 0.1, 0.6, 0.5));
    CrisisState& s = bench.state;
    s.demands[0].active = true;
    TalksProcess talks(s, bench.sim, bench.effects);
    talks.meeting(0, 1, 0, true, "");
    // The range from objective-equal sides: p = 1/2, costs c = 0.2·(1 − 0.05) + 0.02 each (§4.4).
    const double c = s.war_cost(0);
    const BargainingRange range = fearon_range(0.5, c, c);
    const double patience = discount_over(s.spec.model.discount_per_day, s.spec.model.talks_duration * 1.4);
    const double expected = rubinstein_agreement(range, patience, patience, true);
    ASSERT_EQ(bench.effects.of_type(EventType::TalksAgreement).size(), 1u);
    EXPECT_DOUBLE_EQ(s.position(0, 0), expected);
    EXPECT_DOUBLE_EQ(s.position(1, 0), expected);
    EXPECT_DOUBLE_EQ(s.status_quo(0), expected);
    EXPECT_EQ(s.demands[0].status[0], TargetStatus::Agreed);
    EXPECT_TRUE(bench.effects.called("jump 0 -1"));
    EXPECT_TRUE(bench.effects.called("jump 1 -1"));
}

TEST(Talks, BeyondReachTheyAgreeToKeepTalkingAndMeetAgainAWeekLater) {
    ComponentBench bench(dispute(1.0, 1.0, 1.0, 0.0));  // reach 0: nobody can move
    CrisisState& s = bench.state;
    s.demands[0].active = true;
    TalksProcess talks(s, bench.sim, bench.effects);
    talks.meeting(0, 1, 0, true, "");
    EXPECT_EQ(bench.effects.of_type(EventType::TalksPartial).size(), 1u);
    ASSERT_EQ(s.meetings.size(), 1u);
    bench.sim.run(until(7.5));
    EXPECT_EQ(bench.effects.of_type(EventType::Meeting).size(), 2u);
    EXPECT_DOUBLE_EQ(bench.sim.now(), 7.5);
}

TEST(Talks, AnEmptyRangeFailsTheTalksAndTheTargetRejects) {
    // A strong patron committed to the challenger, believed resolute by it and irresolute by the target:
    // their own estimates leave no range (§11.2, §5.1).
    ScenarioSpec spec = dispute(0.5, 0.5, 1.0, 0.0);
    spec.actors.push_back(fixtures::make_actor("patron", 8.0));
    spec.relations.commitments.push_back({"patron", "challenger", 1.0, {}});
    spec.relations.beliefs = {{"challenger", "patron", 0.99}, {"target", "patron", 0.01}};
    for (auto& a : spec.actors) {
        a.cost_of_war = 0.0;
    }
    ComponentBench bench(spec);
    CrisisState& s = bench.state;
    s.demands[0].active = true;
    TalksProcess talks(s, bench.sim, bench.effects);
    talks.meeting(0, 1, 0, true, "");
    ASSERT_EQ(bench.effects.of_type(EventType::TalksFailed).size(), 1u);
    const auto rejects = bench.effects.of_type(EventType::Reject);
    ASSERT_EQ(rejects.size(), 1u);
    EXPECT_EQ(rejects[0].event.source, 1);  // the target of the demand rejects
    EXPECT_EQ(rejects[0].cameo, "1232");
    EXPECT_TRUE(bench.effects.called("jump 0 0.5"));
    EXPECT_TRUE(bench.effects.called("jump 1 0.5"));
}

TEST(Talks, MilitaryActionCallsOffThePendingMeetings) {
    ComponentBench bench(dispute(0.5, 0.5, 1.0, 0.0));
    TalksProcess talks(bench.state, bench.sim, bench.effects);
    talks.arrange(0, 1, 0);
    ASSERT_EQ(bench.state.meetings.size(), 1u);
    talks.call_off(0);
    EXPECT_TRUE(bench.state.meetings.empty());
    const auto off = bench.effects.of_type(EventType::TalksCalledOff);
    ASSERT_EQ(off.size(), 1u);
    EXPECT_EQ(off[0].event.source, 1);  // the other side halts the talks
    EXPECT_TRUE(bench.effects.called("prompt 1"));
    bench.sim.run(engine::StopConditions{});
    EXPECT_TRUE(bench.effects.of_type(EventType::Meeting).empty());
}

TEST(Talks, BdmRoundsMoveEachActorByAtMostItsReachEveryInterval) {
    ComponentBench bench(dispute(0.5, 0.5, 1.0, 0.0));
    CrisisState& s = bench.state;
    TalksProcess talks(s, bench.sim, bench.effects);
    talks.start_rounds();
    bench.sim.run(until(15.0));
    const auto rounds = bench.effects.of_type(EventType::BdmRound);
    EXPECT_EQ(rounds.size(), 2u);  // days 7 and 14
    EXPECT_GE(s.position(0, 0), 1.0 - 2.0 * s.reach(0, 0) - 1e-15);
    EXPECT_LE(s.position(1, 0), 2.0 * s.reach(1, 0) + 1e-15);
}

}  // namespace
}  // namespace brink::model
