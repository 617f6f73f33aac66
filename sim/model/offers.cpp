// What an actor can expect without war: the offer on the table and shifting power (docs/model.md §11.5).
#include "brink/model/offers.hpp"

#include "brink/model/bargaining.hpp"

#include <algorithm>
#include <cmath>

namespace brink::model {

namespace {

/// δ_T = power_discount^(power_horizon / 365): the weight of the balance after the power horizon (§11.5).
double power_shift_discount(const CrisisState& s) {
    return std::pow(s.params().power_discount, s.params().power_horizon / 365.0);
}

/// docs/model.md §4.5: "agree to keep talking" meets again a week later; an offer beyond an actor's reach
/// comes a reach a week.
constexpr double k_talks_week = 7.0;

/// j's proposal on the issue axis given its own chance p_j against i and the costs it reckons with: oriented
/// so that A wants high values.
double proposal(const CrisisState& s, int i, int j, int k, double p_j, const WarProspect& by_j) {
    const double x_i = s.position(i, k);
    const double x_j = s.position(j, k);
    const bool i_high = x_i >= x_j;
    const double p_high = i_high ? 1.0 - p_j : p_j;  // A's chance, as j sees it
    const double cost_i = by_j.opponent_cost;
    const double cost_j = by_j.cost;
    const double cost_high = i_high ? cost_i : cost_j;
    const double cost_low = i_high ? cost_j : cost_i;
    const BargainingRange range = fearon_range(std::clamp(p_high, 0.0, 1.0), cost_high, cost_low);
    const int high = i_high ? i : j;
    const int low = i_high ? j : i;
    const double x = rubinstein_agreement(range, talks_patience(s, high), talks_patience(s, low), high == j);
    return std::isnan(x) ? x_j : x;
}

/// docs/model.md §11.5: what i can expect of an offer x that j, from x_j, can reach only by its reach per
/// week of talks (§4.5): u(x_j) + (u(x) − u(x_j))·δ_day^(7·|x − x_j|/reach).
double offer_value(const CrisisState& s, int i, int j, int k, double x) {
    const double x_i = s.position(i, k);
    const double x_j = s.position(j, k);
    const double here = 1.0 - std::abs(x_i - x_j);
    const double there = 1.0 - std::abs(x_i - x);
    const double reach = s.reach(j, k);
    if (!(reach > 0.0)) {
        return here;
    }
    const double days = k_talks_week * std::abs(x - x_j) / reach;
    return here + (there - here) * std::pow(s.params().discount_per_day, days);
}

}  // namespace

double decline_premium(const CrisisState& state, int i, int j, double p_i) {
    if (!state.mechanisms().commitment_problem) {
        return 0.0;
    }
    const double f_i = state.future_share(i) / state.share(i);
    const double f_j = state.future_share(j) / state.share(j);
    if (!(f_i < f_j)) {
        return 0.0;
    }
    const double p_future = p_i * f_i / (p_i * f_i + (1.0 - p_i) * f_j);
    return power_shift_discount(state) * std::max(0.0, p_i - p_future);
}

BargainingRange bargaining_range(const CrisisState& state, int a, int b, const WarProspect& by_a,
                                 const WarProspect& by_b) {
    BargainingRange range;
    range.low = std::clamp(by_a.p - by_a.cost + decline_premium(state, a, b, by_a.p), 0.0, 1.0);
    range.high = std::clamp((1.0 - by_b.p) + by_b.cost - decline_premium(state, b, a, by_b.p), 0.0, 1.0);
    return range;
}

double talks_patience(const CrisisState& state, int i) {
    return discount_over(state.params().discount_per_day,
                         state.params().talks_duration * (1.5 - state.resolve(i)));
}

OfferOnTable offer_on_table(const CrisisState& state, int i, int j, int k, const WarProspect& by_j) {
    OfferOnTable offer;
    if (k < 0 || !state.holds(i, k) || !state.holds(j, k)) {
        return offer;
    }
    const double p_j = by_j.p;
    offer.now = proposal(state, i, j, k, p_j, by_j);
    offer.value_now = offer_value(state, i, j, k, offer.now);
    // docs/model.md §11.5: the balance after the power horizon, with the principals' trends (third parties
    // held constant): p' = p f_j / (p f_j + (1 − p) f_i), f = future share / share.
    const double f_i = state.future_share(i) / state.share(i);
    const double f_j = state.future_share(j) / state.share(j);
    if (f_i == f_j) {
        offer.future = offer.now;
        offer.value_future = offer.value_now;
        return offer;
    }
    const double p_future = p_j * f_j / (p_j * f_j + (1.0 - p_j) * f_i);
    offer.future = proposal(state, i, j, k, p_future, by_j);
    offer.value_future = offer_value(state, i, j, k, offer.future);
    return offer;
}

double peace_value(const CrisisState& state, const OfferOnTable& offer, double u_status_quo) {
    if (std::isnan(offer.now)) {
        return u_status_quo;
    }
    const double u_now = offer.value_now;
    const double u_future = offer.value_future;
    return std::max(u_status_quo, u_now) - power_shift_discount(state) * std::max(0.0, u_now - u_future);
}

}  // namespace brink::model
