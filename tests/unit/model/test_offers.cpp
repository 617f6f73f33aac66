// Tests of offers.hpp: the offer on the table, its value at the offerer's pace, and the discount of peace
// by shifting power (docs/model.md §11.5), against their closed forms.
#include "brink/model/offers.hpp"

#include "brink/model/bargaining.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace brink::model {
namespace {

ScenarioSpec flexible_dispute() {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    for (auto& a : spec.actors) {
        a.positions[0].salience = 0.2;  // reach 0.35·(1 − 0.2·0.6) = 0.308, less the public commitment
    }
    spec.actors[0].positions[0].position = 0.8;
    spec.actors[1].positions[0].position = 0.3;
    return spec;
}

/// The target's own prospect of a war against the challenger, as given numbers.
WarProspect target_prospect(const CrisisState& s, double p) {
    WarProspect by_target;
    by_target.p = p;
    by_target.cost = s.war_cost(1);
    by_target.opponent_cost = s.war_cost_given_resolve(0, s.expected_resolve(1, 0));
    return by_target;
}

/// v(x) = u(x_j) + (u(x) − u(x_j))·δ^(7|x − x_j|/reach_j) for i = challenger (0), j = target (1).
double value_at_pace(const CrisisState& s, double x) {
    const double here = 1.0 - std::abs(0.8 - 0.3);
    const double there = 1.0 - std::abs(0.8 - x);
    return here +
           (there - here) * std::pow(s.params().discount_per_day, 7.0 * std::abs(x - 0.3) / s.reach(1, 0));
}

TEST(Offers, TheOfferIsTheRubinsteinPointOfTheOfferersRangeValuedAtItsPace) {
    const ScenarioSpec spec = flexible_dispute();
    const CrisisState s(spec);
    const WarProspect by_target = target_prospect(s, 0.5);
    // The challenger is the high side A; the target proposes first. A's chance as the target sees it: 0.5.
    const BargainingRange range = fearon_range(0.5, by_target.opponent_cost, by_target.cost);
    const double x = rubinstein_agreement(range, talks_patience(s, 0), talks_patience(s, 1), false);
    const OfferOnTable offer = offer_on_table(s, 0, 1, 0, by_target);
    EXPECT_NEAR(offer.now, x, 1e-15);
    EXPECT_DOUBLE_EQ(offer.future, offer.now);  // no power trend
    EXPECT_NEAR(offer.value_now, value_at_pace(s, x), 1e-15);
    // V_peace = max(u_sq, v(x_now)) with no shift.
    EXPECT_NEAR(peace_value(s, offer, 0.2), std::max(0.2, offer.value_now), 1e-15);
    EXPECT_NEAR(peace_value(s, offer, 0.9), 0.9, 1e-15);
}

TEST(Offers, ADecliningActorDiscountsPeaceByWhatTheShiftWillCostIt) {
    ScenarioSpec spec = flexible_dispute();
    spec.actors[0].power_trend = -0.5;  // the challenger expects to lose half its capability
    const CrisisState s(spec);
    const WarProspect by_target = target_prospect(s, 0.5);
    const OfferOnTable offer = offer_on_table(s, 0, 1, 0, by_target);
    // The future balance: f = future share / share, p' = p f_j / (p f_j + (1 − p) f_i) for the target.
    const double f_i = (0.5 * 0.5 / 0.75) / 0.5;
    const double f_j = (0.5 * 1.0 / 0.75) / 0.5;
    const double p_future = 0.5 * f_j / (0.5 * f_j + 0.5 * f_i);
    EXPECT_NEAR(s.future_share(1), 0.5 / 0.75, 1e-15);
    const BargainingRange range = fearon_range(1.0 - p_future, by_target.opponent_cost, by_target.cost);
    const double x_future = rubinstein_agreement(range, talks_patience(s, 0), talks_patience(s, 1), false);
    EXPECT_NEAR(offer.future, x_future, 1e-15);
    EXPECT_LT(offer.future, offer.now);  // the rising side will offer less
    EXPECT_NEAR(offer.value_future, value_at_pace(s, x_future), 1e-15);
    const double discount = std::pow(spec.model.power_discount, spec.model.power_horizon / 365.0);
    EXPECT_NEAR(peace_value(s, offer, 0.2),
                std::max(0.2, offer.value_now) - discount * (offer.value_now - offer.value_future), 1e-15);
}

TEST(Offers, AnOffererThatCannotMoveOffersItsPosition) {
    ScenarioSpec spec = flexible_dispute();
    spec.actors[1].positions[0].salience = 1.0;
    spec.actors[1].resolve = 1.0;  // reach 0
    const CrisisState s(spec);
    const OfferOnTable offer = offer_on_table(s, 0, 1, 0, target_prospect(s, 0.5));
    EXPECT_DOUBLE_EQ(offer.value_now, 1.0 - std::abs(0.8 - 0.3));
}

TEST(Offers, NoOfferWhereEitherHoldsNoPosition) {
    ScenarioSpec spec = flexible_dispute();
    spec.actors[1].positions.clear();
    const CrisisState s(spec);
    const OfferOnTable offer = offer_on_table(s, 0, 1, 0, target_prospect(s, 0.5));
    EXPECT_TRUE(std::isnan(offer.now));
    EXPECT_DOUBLE_EQ(peace_value(s, offer, 0.2), 0.2);
}

}  // namespace
}  // namespace brink::model
