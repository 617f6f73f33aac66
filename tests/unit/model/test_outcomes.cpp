// Tests of outcomes.hpp: how the resolved demands are judged, and whom a war is against (docs/model.md §8).
#include "brink/model/outcomes.hpp"

#include "fake_effects.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace brink::model {
namespace {

using fixtures::ComponentBench;
using fixtures::make_actor;

TEST(Outcomes, NothingEndsWhileADemandIsOpen) {
    ComponentBench bench(fixtures::two_actor_dispute());
    Outcomes outcomes(bench.state, bench.sim, bench.effects);
    outcomes.check_resolution();
    EXPECT_FALSE(bench.state.finished);
}

TEST(Outcomes, ADemandMetAsFirstDemandedIsTheTargetsCapitulation) {
    ComponentBench bench(fixtures::two_actor_dispute());
    bench.state.demands[0].status[0] = TargetStatus::Met;
    Outcomes outcomes(bench.state, bench.sim, bench.effects);
    outcomes.check_resolution();
    EXPECT_TRUE(bench.state.finished);
    EXPECT_EQ(outcomes.outcome().kind, OutcomeKind::Capitulation);
    EXPECT_EQ(outcomes.outcome().initiator, "target");
    EXPECT_EQ(outcomes.outcome().target, "challenger");
    EXPECT_EQ(outcomes.outcome().description, "target gives in to challenger's demands");
}

TEST(Outcomes, ADemandMetAfterTheChallengerSoftenedItIsACompromise) {
    ComponentBench bench(fixtures::two_actor_dispute());
    bench.state.demands[0].status[0] = TargetStatus::Met;
    bench.state.demands[0].value = 0.5;  // softened from 1.0 by more than the met tolerance
    Outcomes outcomes(bench.state, bench.sim, bench.effects);
    outcomes.check_resolution();
    EXPECT_EQ(outcomes.outcome().kind, OutcomeKind::Settlement);
    EXPECT_EQ(outcomes.outcome().description,
              "Every demand is resolved: 1 met after challenger softened them");
}

TEST(Outcomes, AWithdrawnDemandIsTheChallengersCapitulation) {
    ComponentBench bench(fixtures::two_actor_dispute());
    bench.state.demands[0].status[0] = TargetStatus::Withdrawn;
    Outcomes outcomes(bench.state, bench.sim, bench.effects);
    outcomes.check_resolution();
    EXPECT_EQ(outcomes.outcome().kind, OutcomeKind::Capitulation);
    EXPECT_EQ(outcomes.outcome().initiator, "challenger");
    EXPECT_EQ(outcomes.outcome().description, "challenger withdraws its demands");
}

TEST(Outcomes, WarIsAgainstTheDemandsWarTarget) {
    // docs/model.md §11.1: Russia's demands are addressed to NATO, its force to Ukraine.
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.actors.push_back(make_actor("third", 1.0));
    spec.demands[0].war_target = "third";
    ComponentBench bench(spec);
    bench.state.demands[0].active = true;
    bench.state.mark_opponents_dirty();
    Outcomes outcomes(bench.state, bench.sim, bench.effects);
    EXPECT_EQ(outcomes.declare_war(0, -1), 2);
    EXPECT_EQ(outcomes.outcome().target, "third");
    EXPECT_FALSE(bench.state.finished);  // the war is fought as a process (§12.2)
}

TEST(Outcomes, WithoutExtendedDeterrenceWarIsAgainstTheStandingEnemyAmongThoseStillHostile) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.mechanisms.extended_deterrence = false;
    spec.actors.push_back(make_actor("third", 1.0));
    ComponentBench bench(spec);
    CrisisState& s = bench.state;
    s.standing_affinity = s.relations.affinity;
    s.standing_affinity(0, 1) = -0.8;  // the standing enemy at day 0
    s.standing_affinity(0, 2) = -0.2;
    s.relations.affinity(0, 1) = -0.1;  // still hostile, less than to the third now
    s.relations.affinity(0, 2) = -0.9;
    Outcomes outcomes(s, bench.sim, bench.effects);
    outcomes.declare_war(0, -1);
    EXPECT_EQ(outcomes.outcome().kind, OutcomeKind::War);
    EXPECT_EQ(outcomes.outcome().target, "target");
    s.finished = false;
    s.at_war = false;
    s.relations.affinity(0, 1) = 0.2;  // reconciled: the war is against the one still hostile
    Outcomes again(s, bench.sim, bench.effects);
    again.declare_war(0, -1);
    EXPECT_EQ(again.outcome().target, "third");
}

TEST(Outcomes, TheStandoffIsLoggedAtTheHorizon) {
    ComponentBench bench(fixtures::two_actor_dispute());
    Outcomes outcomes(bench.state, bench.sim, bench.effects);
    outcomes.standoff();
    EXPECT_EQ(outcomes.outcome().kind, OutcomeKind::Standoff);
    EXPECT_DOUBLE_EQ(outcomes.outcome().time, 120.0);
    ASSERT_EQ(bench.effects.logged.size(), 1u);
    EXPECT_DOUBLE_EQ(bench.effects.logged[0].event.time, 120.0);
}

}  // namespace
}  // namespace brink::model
