// brink: what an actor can expect without war (docs/model.md §11.5): the offer on the table and the
// commitment problem of shifting power (Powell 2006, "War as a commitment problem").
//
// The offer on the table from j to i on issue k is the agreement j would propose: the Rubinstein point x of
// the bargaining range as j sees it (j's own chance of prevailing, its own cost of war and its estimate of
// i's, §11.1, §5.1–§5.2). j can move only its reach a week (§4.5), so the offer is worth to i
//   v(x) = u(x_j) + (u(x) − u(x_j))·δ_day^(7·|x − x_j| / reach_j),
// and peace is worth
//   V_peace = max(u_sq, v(x_now)) − δ_T · max(0, v(x_now) − v(x_future)),
// where x_future is the offer the balance of power expected after the power horizon T will bring and
// δ_T = power_discount^(T/365): a state that expects to decline discounts peace by what the shift will cost
// it, so a large enough shift makes it prefer war now (Powell's preventive war).
#pragma once

#include "brink/model/bargaining.hpp"
#include "brink/model/coalitions.hpp"
#include "brink/model/crisis_state.hpp"

namespace brink::model {

/// What j would offer i on issue k and what the future balance of power would bring.
struct OfferOnTable {
    double now = k_unset;           ///< x_now on the issue axis; NaN when neither holds a position on k.
    double future = k_unset;        ///< x_future (equal to x_now when no power trend is expected).
    double value_now = k_unset;     ///< What x_now is worth to i, coming at j's reach per week of talks.
    double value_future = k_unset;  ///< The same for x_future.
};

/// The offer from j to i on k, given j's own prospect of a war against i (its chance, its cost and its
/// estimate of i's cost, by j's beliefs; §11.1).
OfferOnTable offer_on_table(const CrisisState& state, int i, int j, int k, const WarProspect& by_j);

/// V_peace for i (its utility of the offer, against the status quo u_sq), docs/model.md §11.5.
double peace_value(const CrisisState& state, const OfferOnTable& offer, double u_status_quo);

/// π_i = δ_T·max(0, p_i − p_i'): what i, expecting its chance against j to fall from p_i to p_i' over the
/// power horizon with the principals' trends, must get now on top of its war value to prefer peace (Powell
/// 2006); 0 when the commitment-problem mechanism is off.
double decline_premium(const CrisisState& state, int i, int j, double p_i);

/// The bargaining range (A's share on the issue axis, A the side with the higher position) from A's and B's
/// own prospects (§4.5, §11.1) with the premia a declining side demands (§11.5):
/// [p_A − c_A + π_A, (1 − p_B) + c_B − π_B] ∩ [0,1]. Empty when the shift outweighs the surplus c_A + c_B.
BargainingRange bargaining_range(const CrisisState& state, int a, int b, const WarProspect& by_a,
                                 const WarProspect& by_b);

/// The per-round patience of an actor at talks: δ_day^(duration·(1.5 − resolve)) (§4.5).
double talks_patience(const CrisisState& state, int i);

}  // namespace brink::model
