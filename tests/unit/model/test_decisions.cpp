// Tests of decisions.hpp: the terms and utilities of docs/model.md §7.3 against their closed forms.
#include "brink/model/decisions.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brink::model {
namespace {

StakeInputs challenger_inputs() {
    StakeInputs in;
    in.own_position = 1.0;
    in.opponent_position = 0.2;
    in.target_position = 0.2;
    in.status_quo = 0.0;
    in.salience = 0.8;
    in.p_war = 0.6;
    in.p_opponent = 0.5;
    in.own_cost = 0.3;
    in.opponent_cost = 0.25;
    in.resolve = 0.7;
    in.risk_attitude = 0.2;
    in.own_nearness = 0.5;
    in.opponent_nearness = 0.25;
    return in;
}

// The closed forms are evaluated in the same order as the code, so the comparisons are to 1e-15.
constexpr double k_tolerance = 1e-15;

TEST(Decisions, StakesFollowTheirDefinitions) {
    const StakeInputs in = challenger_inputs();
    const Stakes t = stakes(in);
    EXPECT_NEAR(t.gap, 1.0, k_tolerance);
    EXPECT_NEAR(t.u_status_quo, 0.0, k_tolerance);
    EXPECT_NEAR(t.u_war, 0.6 + 0.4 * 0.2 - 0.3, k_tolerance);  // p + (1 − p)(1 − |x_i − x_w|) − c
    EXPECT_NEAR(t.peace_value, t.u_status_quo, k_tolerance);   // no offer given: the status quo
    EXPECT_NEAR(t.war_gain, 0.38, 1e-14);
    // The opponent, as i believes: u_sq = 1 − 0.2 = 0.8, its chance 1 − 0.5, u_war = 0.5 + 0.5·0.2 − 0.25 =
    // 0.35: it fears war by 0.45.
    EXPECT_NEAR(t.opponent_fear, 0.45, 1e-14);
    EXPECT_NEAR(t.coercion, 0.45, 1e-14);
    EXPECT_NEAR(t.deterrence, 0.0, 1e-15);  // p̂ against the opponent is 1/2: matching it deters nobody
    EXPECT_NEAR(t.drive, 0.8 * (0.5 * 0.45 + 0.5 * 0.38 + 0.0) + 0.1 * 0.2, 1e-14);
}

TEST(Decisions, APassedDeadlineDoublesCoercionAndReiteration) {
    StakeInputs in = challenger_inputs();
    const Stakes before = stakes(in);
    in.deadline_passed = true;
    const Stakes after = stakes(in);
    EXPECT_DOUBLE_EQ(after.coercion, 2.0 * before.coercion);
    EXPECT_DOUBLE_EQ(reiterate_utility(after, in.resolve) + k_action_cost,
                     2.0 * (reiterate_utility(before, in.resolve) + k_action_cost));
}

TEST(Decisions, TheStepOntoTheWarRungIsTheBetOnWarAlone) {
    const StakeInputs in = challenger_inputs();
    const Stakes t = stakes(in);
    EXPECT_DOUBLE_EQ(escalate_utility(t, false, in.risk_attitude), t.drive - k_action_cost);
    EXPECT_DOUBLE_EQ(escalate_utility(t, true, in.risk_attitude),
                     0.8 * t.war_gain + 0.1 * 0.2 - k_action_cost);
    EXPECT_DOUBLE_EQ(de_escalate_utility(t, 0.0), -t.drive - k_action_cost);
    EXPECT_DOUBLE_EQ(de_escalate_utility(t, 0.1), -t.drive - k_action_cost - 0.1);
}

TEST(Decisions, ADefenderOfTheStatusQuoNeverGainsFromWar) {
    // x_i = q: gain = p + (1 − p)(1 − d) − c − 1 ≤ −c < 0 for every p and distance d.
    for (double p = 0.0; p <= 1.0; p += 0.1) {
        for (double other = 0.0; other <= 1.0; other += 0.25) {
            StakeInputs in = challenger_inputs();
            in.own_position = 0.3;
            in.status_quo = 0.3;
            in.opponent_position = other;
            in.p_war = p;
            in.target_position = other;
            EXPECT_LE(stakes(in).war_gain, -in.own_cost + 1e-12) << p << " " << other;
        }
    }
}

TEST(Decisions, UtilitiesOfTheOpponentDirectedActionsMatchTheirClosedForms) {
    const StakeInputs in = challenger_inputs();
    const Stakes t = stakes(in);
    EXPECT_DOUBLE_EQ(threaten_utility(t, 1.0), 0.8 * (0.5 * t.coercion + 0.5 * t.deterrence) - k_action_cost);
    EXPECT_DOUBLE_EQ(threaten_utility(t, 0.25),
                     0.25 * 0.8 * (0.5 * t.coercion + 0.5 * t.deterrence) - k_action_cost);
    EXPECT_DOUBLE_EQ(sanction_utility(t, 0.25, 0.6, false, false), 0.8 * 0.25 * 0.1 - 2.0 * k_action_cost);
    EXPECT_DOUBLE_EQ(concede_utility(t, 0.25, 0.1, 0.8, 0.0),
                     0.25 * 0.0 - 0.8 * 0.1 - k_action_cost);  // u_sq < u_war: nothing to buy off
    EXPECT_DOUBLE_EQ(concede_utility(t, 0.25, 0.1, 0.8, 0.2), 0.25 * 0.0 - 0.8 * 0.1 - k_action_cost - 0.2);
    // A defender that fears war: a step of 0.1 toward an opponent 0.8 away buys off an eighth of that fear.
    StakeInputs fearful = challenger_inputs();
    fearful.own_position = 0.0;  // at the status quo: u_sq = 1
    fearful.p_war = 0.3;
    fearful.target_position = 1.0;
    const Stakes d = stakes(fearful);  // u_war = 0.3 − 0.3 = 0
    EXPECT_DOUBLE_EQ(concede_utility(d, 0.75, 0.1, 0.8, 0.0), 0.75 * 1.0 * 0.125 - 0.8 * 0.1 - k_action_cost);
    EXPECT_DOUBLE_EQ(concede_utility(d, 0.75, 0.1, 0.05, 0.0), 0.75 * 1.0 - 0.8 * 0.1 - k_action_cost);
    EXPECT_DOUBLE_EQ(reiterate_utility(t, 0.7), 0.5 * 0.8 * 0.7 * 1.0 - k_action_cost);
    const BargainingRange range{0.4, 0.8};
    // The range's midpoint 0.6 is worth 1 − |1 − 0.6| = 0.6 over u_sq = 0, plus 0.1·(1 − 0.7).
    EXPECT_NEAR(propose_talks_utility(t, 1.0, range, 0.7), 0.6 + 0.1 * 0.3 - k_action_cost, 1e-15);
    EXPECT_DOUBLE_EQ(propose_talks_utility(t, 1.0, BargainingRange{0.8, 0.4}, 0.7), -0.1 - k_action_cost);
    EXPECT_DOUBLE_EQ(accept_talks_utility(0.8, 0.35, 0.5), 0.45 * 0.5 + 0.1 - k_action_cost);
    EXPECT_DOUBLE_EQ(accept_talks_utility(0.3, 0.35, 0.5), 0.1 - k_action_cost);
}

TEST(Decisions, ASanctionHeldBackCoercesUntilTheThreatFails) {
    // docs/model.md §11.7: imposing a threatened sanction spends its coercive value s·coercion, unless the
    // threat has already failed (or none was made).
    const Stakes t = stakes(challenger_inputs());
    const double imposed = sanction_utility(t, 0.25, 0.6, false, false);
    EXPECT_DOUBLE_EQ(sanction_utility(t, 0.25, 0.6, false, true), imposed - 0.8 * t.coercion);
    EXPECT_DOUBLE_EQ(sanction_utility(t, 0.25, 0.6, true, true), imposed);
}

TEST(Decisions, PeaceWorthMoreThanWarTurnsTheWarGainNegative) {
    StakeInputs in = challenger_inputs();
    in.peace_value = 0.9;  // an offer close to what i wants (§11.5)
    const Stakes t = stakes(in);
    EXPECT_DOUBLE_EQ(t.war_gain, t.u_war - 0.9);
    EXPECT_LT(escalate_utility(t, true, in.risk_attitude), 0.0);
}

TEST(Decisions, BackingDownCostsTheAudienceAndTheReputationCosts) {
    // docs/model.md §11.3: a·P·s + r·s·ρ.
    EXPECT_DOUBLE_EQ(backing_down_cost(0.3, 0.5, 0.8, 0.1, 0.75), 0.3 * 0.5 * 0.8 + 0.1 * 0.8 * 0.75);
    EXPECT_DOUBLE_EQ(backing_down_cost(0.0, 0.5, 0.8, 0.0, 0.75), 0.0);
}

TEST(Decisions, SeizingWeighsAcceptanceAgainstTheWarItRisks) {
    const Stakes t = stakes(challenger_inputs());
    // Certain acceptance: the seized good over the status quo; certain resistance: the war gain.
    EXPECT_DOUBLE_EQ(seize_utility(t, 1.0, 1.0), 0.8 * (1.0 - t.u_status_quo) - 2.0 * k_action_cost);
    EXPECT_DOUBLE_EQ(seize_utility(t, 1.0, 0.0), 0.8 * t.war_gain - 2.0 * k_action_cost);
}

TEST(Decisions, EveryActionHasANameAndACameoCode) {
    for (int a = 0; a < k_action_count; ++a) {
        const auto action = static_cast<Action>(a);
        EXPECT_NE(to_string(action), "?");
        EXPECT_FALSE(action_cameo(action).empty());
    }
    EXPECT_EQ(to_string(Action::WarnThirdParty), "warn_third_party");
    EXPECT_EQ(action_cameo(Action::Sanction), "163");
}

}  // namespace
}  // namespace brink::model
