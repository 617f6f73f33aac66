// brink model: when to fight (docs/model.md §11.8).
#include "brink/model/timing.hpp"

#include "brink/model/bargaining.hpp"
#include "brink/model/beliefs.hpp"
#include "brink/model/coalitions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace brink::model {

namespace {

/// §11.8: the share of its expected power trend an actor has realised after `days`: f = 1 + (f_T − 1)·d/T,
/// with f_T = future share / share over the power horizon T (§11.5); 1 when the commitment-problem mechanism
/// is off.
double trend_by(const CrisisState& s, int a, double days) {
    const double horizon = s.params().power_horizon;
    if (!s.mechanisms().commitment_problem || !(horizon > 0.0)) {
        return 1.0;
    }
    const double full = s.future_share(a) / s.share(a);
    return 1.0 + (full - 1.0) * std::min(1.0, days / horizon);
}

}  // namespace

double concession_chance(const CrisisState& state, int i, const WaitInputs& in) {
    const DemandState* d = in.demand;
    if (d == nullptr || !d->open() || d->deadline_passed) {
        return 0.0;
    }
    if (std::find(d->targets.begin(), d->targets.end(), in.opponent) == d->targets.end()) {
        return 0.0;
    }
    const double resolute = state.mechanisms().beliefs
                                ? state.beliefs->resolute(i, in.opponent)
                                : reputation_for_resolve(state.resolve(in.opponent), state.params().beliefs);
    // The irresolute type gives in at the hazard c/Δ (read_firmness): within Δ with probability 1 − e^{−c}.
    return (1.0 - resolute) * (1.0 - std::exp(-state.threat_credibility(in.opponent, i)));
}

void read_firmness(CrisisState& state, int i, double now) {
    if (!state.mechanisms().timing || !state.mechanisms().beliefs) {
        return;
    }
    const double period = state.params().readiness.planning_days;
    for (DemandState& d : state.demands) {
        if (!d.active || d.challenger != i) {
            continue;
        }
        for (std::size_t t = 0; t < d.targets.size(); ++t) {
            const double days = now - d.firmness_read[t];
            if (d.status[t] != TargetStatus::Open || !(days > 0.0)) {
                continue;
            }
            const int j = d.targets[t];
            const double hazard = period > 0.0 ? state.threat_credibility(j, i) / period : 0.0;
            state.beliefs->observe_privately(i, j, 1.0, std::exp(-hazard * days));
            d.firmness_read[t] = now;
        }
    }
}

double waiting_value(const CrisisState& state, int i, const WaitInputs& in, double t) {
    if (!state.mechanisms().timing) {
        return -std::numeric_limits<double>::infinity();
    }
    const double days = state.params().readiness.planning_days;
    const WarProspect later = war_prospect(state, i, in.war_target, in.issue, View{i}, t + days);
    // The chance then, with the readiness both sides will have and the shift of power between them by then
    // (Van Evera 1999's windows: a declining side's waiting is worth less).
    const double f_i = trend_by(state, i, days);
    const double f_w = trend_by(state, in.war_target, days);
    const double p_later = later.p * f_i / (later.p * f_i + (1.0 - later.p) * f_w);
    const double u_war_later =
        p_later + (1.0 - p_later) * (1.0 - std::abs(in.own_position - in.target_position)) - later.cost;
    const double q = concession_chance(state, i, in);
    const double u_met = in.demand != nullptr ? 1.0 - std::abs(in.own_position - in.demand->value) : 0.0;
    return discount_over(state.params().discount_per_day, days) * (q * u_met + (1.0 - q) * u_war_later) -
           state.holding_cost(i, t);
}

}  // namespace brink::model
