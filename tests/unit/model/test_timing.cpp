// Tests of timing.hpp: the value of waiting, the chance that coercion works first, and what a target's
// standing firm teaches the challenger (docs/model.md §11.8), against their closed forms.
#include "brink/model/timing.hpp"

#include "brink/model/bargaining.hpp"
#include "brink/model/beliefs.hpp"
#include "brink/model/coalitions.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace brink::model {
namespace {

// Closed forms evaluated in another order than the code: 1e-14.
constexpr double k_tolerance = 1e-14;

/// The two-actor dispute with the challenger mobilised (rung 7).
ScenarioSpec mobilised(ScenarioSpec spec) {
    spec.actors[0].initial_rung = 7.5;
    return spec;
}

/// The challenger's demand on the table from day 0.
void table(CrisisState& state) {
    state.demands[0].active = true;
    state.demands[0].firmness_read.assign(1, 0.0);
}

WaitInputs inputs(const CrisisState& state) {
    return WaitInputs{1, 1, 0, &state.demands[0], 1.0, 0.0};
}

TEST(Timing, TheConcessionChanceIsTheIrresoluteTypesChanceOfGivingInWithinThePeriod) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.relations.beliefs = {{"challenger", "target", 0.3}};
    spec = mobilised(spec);
    CrisisState state(spec);
    table(state);
    // q = (1 − μ)(1 − e^{−c}), c the target's credibility of the challenger's threat (§11.3).
    const double c = state.threat_credibility(1, 0);
    EXPECT_GT(c, 0.0);
    EXPECT_NEAR(concession_chance(state, 0, inputs(state)), 0.7 * (1.0 - std::exp(-c)), k_tolerance);
    // No demand, a demand on someone else, or a deadline passed: no chance.
    WaitInputs none = inputs(state);
    none.demand = nullptr;
    EXPECT_DOUBLE_EQ(concession_chance(state, 0, none), 0.0);
    CrisisState late(spec);
    table(late);
    late.demands[0].deadline_passed = true;
    EXPECT_DOUBLE_EQ(concession_chance(late, 0, WaitInputs{1, 1, 0, &late.demands[0], 1.0, 0.0}), 0.0);
}

TEST(Timing, WaitingIsWorthTheDiscountedMixOfConcessionAndTheLaterWarLessTheHoldingCost) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.actors[0].readiness = 0.4;
    spec.actors[0].readiness_rate = 0.05;
    spec = mobilised(spec);
    CrisisState state(spec);
    table(state);
    const double days = spec.model.readiness.planning_days;
    const WarProspect later = war_prospect(state, 0, 1, 0, View{0}, days);
    const WarProspect now = war_prospect(state, 0, 1, 0, View{0}, 0.0);
    EXPECT_GT(later.p, now.p);  // the forces get ready
    const double q = concession_chance(state, 0, inputs(state));
    const double u_war_later = later.p + (1.0 - later.p) * 0.0 - later.cost;  // x_i = 1, x_w = 0
    const double expected =
        discount_over(spec.model.discount_per_day, days) * (q * 1.0 + (1.0 - q) * u_war_later) -
        state.holding_cost(0, 0.0);
    EXPECT_NEAR(waiting_value(state, 0, inputs(state), 0.0), expected, k_tolerance);
    ScenarioSpec without = spec;
    without.model.mechanisms.timing = false;
    CrisisState off(without);
    table(off);
    EXPECT_EQ(waiting_value(off, 0, inputs(off), 0.0), -std::numeric_limits<double>::infinity());
}

TEST(Timing, ADecliningSideWaitsForLess) {
    // Van Evera's window (§11.8): the share of the power shift realised by the end of the period lowers the
    // war then: p' = p f_i / (p f_i + (1 − p) f_w), f = 1 + (f_T − 1)·Δ/T.
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.power_horizon = 120.0;
    spec = mobilised(spec);
    CrisisState steady(spec);  // a CrisisState reads its spec: the declining one gets its own
    table(steady);
    ScenarioSpec falling = spec;
    falling.actors[0].power_trend = -0.5;
    CrisisState declining(falling);
    table(declining);
    const double days = spec.model.readiness.planning_days;
    const double f_i = 1.0 + (declining.future_share(0) / declining.share(0) - 1.0) * days / 120.0;
    const double f_w = 1.0 + (declining.future_share(1) / declining.share(1) - 1.0) * days / 120.0;
    const WarProspect later = war_prospect(declining, 0, 1, 0, View{0}, days);
    const double p = later.p * f_i / (later.p * f_i + (1.0 - later.p) * f_w);
    const double q = concession_chance(declining, 0, inputs(declining));
    const double expected =
        discount_over(spec.model.discount_per_day, days) * (q + (1.0 - q) * (p - later.cost)) -
        declining.holding_cost(0, 0.0);
    EXPECT_NEAR(waiting_value(declining, 0, inputs(declining), 0.0), expected, k_tolerance);
    EXPECT_LT(waiting_value(declining, 0, inputs(declining), 0.0),
              waiting_value(steady, 0, inputs(steady), 0.0) - 0.01);
}

TEST(Timing, DaysOfStandingFirmMultiplyTheOddsThatTheTargetIsResolute) {
    // read_firmness: over d days under a threat of credibility c the irresolute type would have given in at
    // the hazard c/Δ, so the odds μ/(1 − μ) grow by e^{cd/Δ} (Bayes with likelihoods 1 and e^{−cd/Δ}).
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.relations.beliefs = {{"challenger", "target", 0.3}};
    spec = mobilised(spec);
    CrisisState state(spec);
    table(state);
    const double c = state.threat_credibility(1, 0);
    const double period = spec.model.readiness.planning_days;
    read_firmness(state, 0, 12.0);
    const double odds = 0.3 / 0.7 * std::exp(c * 12.0 / period);
    EXPECT_NEAR(state.beliefs->resolute(0, 1), odds / (1.0 + odds), 1e-12);
    EXPECT_DOUBLE_EQ(state.demands[0].firmness_read[0], 12.0);
    // Only the challenger learns it; the public reputation does not move.
    EXPECT_DOUBLE_EQ(state.beliefs->reputation(1), CrisisState(spec).beliefs->reputation(1));
    // Read again at the same day: nothing new.
    const double before = state.beliefs->resolute(0, 1);
    read_firmness(state, 0, 12.0);
    EXPECT_DOUBLE_EQ(state.beliefs->resolute(0, 1), before);
}

}  // namespace
}  // namespace brink::model
