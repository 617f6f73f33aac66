// Tests of crisis_state.hpp: the set-up from a scenario and the shared queries (docs/model.md §1, §4.3, §4.4,
// §4.5).
#include "brink/model/crisis_state.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace brink::model {
namespace {

using fixtures::make_actor;
using fixtures::make_position;

TEST(CrisisState, WarCostIsScaledByResolveWithAFloorAndTheSanctions) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.actors[0].cost_of_war = 0.4;
    spec.actors[0].resolve = 0.5;
    CrisisState state(spec);
    // docs/model.md §4.4: 0.4·(1 − 0.5·0.5) + 0.02.
    EXPECT_DOUBLE_EQ(state.war_cost(0), 0.32);
    state.sanction_cost(0) += k_sanction_cost;
    EXPECT_DOUBLE_EQ(state.war_cost(0), 0.34);
}

TEST(CrisisState, ReachShrinksWithSalienceAndResolve) {
    const ScenarioSpec spec = fixtures::two_actor_dispute();  // salience 0.8, resolve 0.6
    const CrisisState state(spec);
    // docs/model.md §4.5: 0.35·(1 − 0.8·0.6).
    EXPECT_DOUBLE_EQ(state.reach(0, 0), 0.35 * (1.0 - 0.8 * 0.6));
}

TEST(CrisisState, MainOpponentIsTheMostCapableCounterpartOfAnOpenDemand) {
    const ScenarioSpec spec = fixtures::ukraine_like();
    CrisisState state(spec);
    const int russia = state.actor_index("russia");
    const int usa = state.actor_index("usa");
    const int nato = state.actor_index("nato");
    const int ukraine = state.actor_index("ukraine");
    for (auto& d : state.demands) {
        d.active = true;
    }
    state.mark_opponents_dirty();
    EXPECT_EQ(state.opponent(russia), usa);  // the targets are the USA (800.7) and NATO (356.7)
    EXPECT_EQ(state.opponent(nato), russia);
    // Ukraine is in no demand: the actor it is most hostile to, weighted by capability (§4.3).
    EXPECT_EQ(state.opponent(ukraine), russia);
}

TEST(CrisisState, MainOpponentFollowsTheDemandsOnlyWhenMarkedDirty) {
    const ScenarioSpec spec = fixtures::two_actor_dispute();
    CrisisState state(spec);
    EXPECT_EQ(state.opponent(0), -1);  // the demand is not active yet, and nobody is hostile
    state.demands[0].active = true;
    EXPECT_EQ(state.opponent(0), -1);  // the cache keeps its documented refresh points
    state.mark_opponents_dirty();
    EXPECT_EQ(state.opponent(0), 1);
}

TEST(CrisisState, ContestedIssueIsTheOpenDemandsElseTheWidestSalientDifference) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    IssueSpec second;
    second.id = "second";
    spec.issues.push_back(second);
    spec.actors[0].positions.push_back(make_position("second", 0.9, 1.0));
    spec.actors[1].positions.push_back(make_position("second", 0.0, 1.0));
    CrisisState state(spec);
    // No active demand: the issue they differ most on, weighted by i's salience.
    EXPECT_EQ(state.contested_issue(0, 1), 1);  // second: 1.0·0.9 > claim: 0.8·1.0
    state.demands[0].active = true;
    EXPECT_EQ(state.contested_issue(0, 1), 0);  // the demand's issue
    EXPECT_NE(state.demand_between(1, 0, 0), nullptr);
    EXPECT_EQ(state.demand_between(0, 1, 1), nullptr);
}

TEST(CrisisState, AnActorOnARungStartsInItsMiddleAndAFractionGivesThePressure) {
    // docs/model.md §2.3: nothing crosses at day 0 only because a start sits on a threshold.
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.actors[0].initial_rung = 7.0;
    spec.actors[1].initial_rung = 6.25;
    const CrisisState state(spec);
    EXPECT_EQ(state.rung[0], 7);
    EXPECT_DOUBLE_EQ(state.pressure->value(0, 0.0), 7.5);
    EXPECT_EQ(state.rung[1], 6);
    EXPECT_DOUBLE_EQ(state.pressure->value(1, 0.0), 6.25);
}

TEST(CrisisState, AFractionalStartOnACustomThresholdSitsJustAboveIt) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.ladder.rungs[4].threshold = 3.5;  // a custom ladder with a threshold at 3.5
    spec.actors[0].initial_rung = 3.5;
    const CrisisState state(spec);
    EXPECT_EQ(state.rung[0], 4);
    EXPECT_DOUBLE_EQ(state.pressure->value(0, 0.0), 3.5 + k_hysteresis);
}

TEST(CrisisState, SpeakersAreForeignMinistersAndLeadersAreTheFirstRepresentative) {
    const ScenarioSpec spec = fixtures::ukraine_like();
    const CrisisState state(spec);
    const int russia = state.actor_index("russia");
    const int nato = state.actor_index("nato");
    EXPECT_EQ(state.leader(russia), "Vladimir Putin");
    EXPECT_EQ(state.speaker(russia), "Sergei Lavrov");
    EXPECT_EQ(state.speaker(nato), "Oana Lungescu");                                 // the spokesperson
    EXPECT_EQ(state.speaker(state.actor_index("belarus")), "Alexander Lukashenko");  // nobody else
}

TEST(CrisisState, ReadinessApproachesItsTargetExponentiallyAndCostsWhileHeld) {
    // docs/model.md §11.4: R(t) = target + (R0 − target)·e^{−rate·t}; target 1 from the mobilisation rung up.
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.actors[0].initial_rung = 7.0;  // mobilised
    spec.actors[0].readiness = 0.2;
    spec.actors[0].readiness_rate = 0.1;
    spec.actors[0].readiness_cost = 0.01;
    CrisisState state(spec);
    EXPECT_EQ(state.mobilisation_rung, 7);
    for (const double t : {0.0, 5.0, 20.0}) {
        EXPECT_NEAR(state.readiness_at(0, t), 1.0 - 0.8 * std::exp(-0.1 * t), 1e-15) << t;
    }
    const ReadinessParams& p = spec.model.readiness;
    EXPECT_NEAR(state.holding_cost(0, 20.0),
                0.01 * p.planning_days * (state.readiness_at(0, 20.0) - p.peacetime), 1e-15);
    EXPECT_DOUBLE_EQ(state.readiness_at(1, 50.0), p.peacetime);  // not mobilised: stays at peacetime
    EXPECT_DOUBLE_EQ(state.holding_cost(1, 50.0), 0.0);
    // Stepping down below the mobilisation rung on day 20: back toward peacetime from where it stood.
    const double at_20 = state.readiness_at(0, 20.0);
    state.rung[0] = 6;
    state.update_readiness_target(0, 20.0);
    EXPECT_NEAR(state.readiness_at(0, 30.0), p.peacetime + (at_20 - p.peacetime) * std::exp(-0.1 * 10.0),
                1e-15);
    spec.model.mechanisms.readiness = false;
    const CrisisState off(spec);
    EXPECT_DOUBLE_EQ(off.readiness_at(0, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(off.holding_cost(0, 20.0), 0.0);
}

TEST(CrisisState, PublicCommitmentTiesHands) {
    // docs/model.md §11.3: reach × (1 − C), C = max(P, 0.5·ρ).
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.actors[0].initial_rung = 6.0;
    CrisisState state(spec);
    const double flexible = 0.35 * (1.0 - 0.8 * 0.6);
    EXPECT_NEAR(state.commitment(0), 0.5 * 6.0 / 9.0, 1e-15);
    EXPECT_NEAR(state.reach(0, 0), flexible * (1.0 - 0.5 * 6.0 / 9.0), 1e-15);
    state.public_commitment[0] = 0.8;
    EXPECT_NEAR(state.reach(0, 0), flexible * 0.2, 1e-15);
    spec.model.mechanisms.audience_costs = false;
    const CrisisState off(spec);
    EXPECT_NEAR(off.reach(0, 0), flexible, 1e-15);
    EXPECT_DOUBLE_EQ(off.audience_weight(0), 0.0);
}

TEST(CrisisState, RejectsInconsistentScenarios) {
    ScenarioSpec unknown = fixtures::two_actor_dispute();
    unknown.demands[0].targets = {"nobody"};
    EXPECT_THROW(CrisisState{unknown}, std::invalid_argument);
    EXPECT_THROW(CrisisState{ScenarioSpec{}}, std::invalid_argument);
    ScenarioSpec ladder = fixtures::two_actor_dispute();
    ladder.ladder.rungs[2].threshold = ladder.ladder.rungs[1].threshold;
    EXPECT_THROW(CrisisState{ladder}, std::invalid_argument);
    ScenarioSpec self = fixtures::two_actor_dispute();
    self.demands[0].targets = {"challenger"};
    EXPECT_THROW(CrisisState{self}, std::invalid_argument);
}

}  // namespace
}  // namespace brink::model
