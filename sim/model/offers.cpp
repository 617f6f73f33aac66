// What an actor can expect without war: the offer on the table and shifting power (docs/model.md §11.5).
#include "brink/model/offers.hpp"

#include "brink/model/bargaining.hpp"

#include <algorithm>
#include <cmath>

namespace brink::model {

namespace {

/// j's proposal on the issue axis given j's own chance p_j against i: oriented so that A wants high values.
double proposal(const CrisisState& s, int i, int j, int k, double p_j) {
    const double x_i = s.position(i, k);
    const double x_j = s.position(j, k);
    const bool i_high = x_i >= x_j;
    const double p_high = i_high ? 1.0 - p_j : p_j;  // A's chance, as j sees it
    const double cost_i = s.war_cost_given_resolve(i, s.expected_resolve(j, i));
    const double cost_j = s.war_cost(j);
    const double cost_high = i_high ? cost_i : cost_j;
    const double cost_low = i_high ? cost_j : cost_i;
    const BargainingRange range = fearon_range(std::clamp(p_high, 0.0, 1.0), cost_high, cost_low);
    const int high = i_high ? i : j;
    const int low = i_high ? j : i;
    double x = rubinstein_agreement(range, talks_patience(s, high), talks_patience(s, low), high == j);
    if (std::isnan(x)) {
        x = x_j;
    }
    // docs/model.md §4.5: j offers no more than it can move at one meeting.
    const double reach = s.reach(j, k);
    return std::clamp(x, x_j - reach, x_j + reach);
}

}  // namespace

double talks_patience(const CrisisState& state, int i) {
    return discount_over(state.params().discount_per_day,
                         state.params().talks_duration * (1.5 - state.resolve(i)));
}

OfferOnTable offer_on_table(const CrisisState& state, int i, int j, int k, double p_j) {
    OfferOnTable offer;
    if (k < 0 || !state.holds(i, k) || !state.holds(j, k)) {
        return offer;
    }
    offer.now = proposal(state, i, j, k, p_j);
    // docs/model.md §11.5: the balance after the power horizon, with the principals' trends (third parties
    // held constant): p' = p f_j / (p f_j + (1 − p) f_i), f = future share / share.
    const double f_i = state.future_share(i) / state.share(i);
    const double f_j = state.future_share(j) / state.share(j);
    if (f_i == f_j) {
        offer.future = offer.now;
        return offer;
    }
    const double p_future = p_j * f_j / (p_j * f_j + (1.0 - p_j) * f_i);
    offer.future = proposal(state, i, j, k, p_future);
    return offer;
}

double peace_value(const CrisisState& state, int i, int k, const OfferOnTable& offer, double u_status_quo) {
    if (std::isnan(offer.now)) {
        return u_status_quo;
    }
    const double x_i = state.position(i, k);
    const double u_now = 1.0 - std::abs(x_i - offer.now);
    const double u_future = 1.0 - std::abs(x_i - offer.future);
    const double years = state.params().power_horizon / 365.0;
    const double discount = std::pow(state.params().power_discount, years);
    return std::max(u_status_quo, u_now) - discount * std::max(0.0, u_now - u_future);
}

}  // namespace brink::model
