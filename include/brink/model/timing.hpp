// brink model: when to fight (docs/model.md §11.8). An actor that could start a war now weighs it against
// putting it off: forces that are still getting ready (Van Evera 1999's windows; Slantchev 2011) and a
// target that may yet give in to the demand (coercion's chance, by the challenger's belief about the target's
// resolve, Fearon 1994) make waiting worth more than striking on the first day the war pays.
#pragma once

#include "brink/model/crisis_state.hpp"

namespace brink::model {

/// What i's choices of war are weighed against besides peace (§11.8).
struct WaitInputs {
    int opponent = -1;                    ///< j: i's main opponent
    int war_target = -1;                  ///< w: the actor i's force is aimed at
    int issue = -1;                       ///< k
    const DemandState* demand = nullptr;  ///< i's open demand on k, if any
    double own_position = 0.0;            ///< x_i
    double target_position = 0.0;         ///< x_w
};

/// The chance, as i sees it, that a target j of its demand gives in within the planning period:
/// q = (1 − μ_i(j))·(1 − e^{−c}), the belief that j is of the irresolute type (§11.2) times the chance that
/// such a type gives in within the period under i's threat of credibility c (read_firmness); 0 without an
/// open demand on j whose deadline is still ahead.
double concession_chance(const CrisisState& state, int i, const WaitInputs& in);

/// §11.8: i reads each target of its open demands standing firm since it last looked, as evidence of resolve
/// (a war of attrition: an irresolute target under a threat of credibility c gives in at the hazard
/// c/Δ per day, a resolute one never, so days without a concession multiply the odds that it is resolute by
/// e^{cd/Δ}). Updates i's own beliefs only.
void read_firmness(CrisisState& state, int i, double now);

/// V_wait = δ^Δ·[q·u_met + (1 − q)·u_war(t + Δ)] − H_i, with Δ the planning period, q the concession chance,
/// u_met i's utility of its demand met and u_war(t + Δ) the war at the readiness both sides will have then
/// and with the share of the power shift realised by then (§11.5, §11.8). −∞ when the mechanism is off.
double waiting_value(const CrisisState& state, int i, const WaitInputs& in, double t);

}  // namespace brink::model
