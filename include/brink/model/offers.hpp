// brink: what an actor can expect without war (docs/model.md §11.5): the offer on the table and the
// commitment problem of shifting power (Powell 2006, "War as a commitment problem").
//
// The offer on the table from j to i on issue k is the agreement j would propose: the Rubinstein point of
// the bargaining range as j sees it (j's own chance of prevailing and its estimate of i's cost of war,
// §5.1–§5.2), no further from j's position than j's reach (§4.5). Peace is then worth to i
//   V_peace = max(u_sq, u(x_now)) − δ_T · max(0, u(x_now) − u(x_future)),
// where x_future is the offer the balance of power expected after the power horizon T will bring and
// δ_T = power_discount^(T/365): a state that expects to decline discounts peace by what the shift will cost
// it, so a large enough shift makes it prefer war now (Powell's preventive war).
#pragma once

#include "brink/model/crisis_state.hpp"

namespace brink::model {

/// What j would offer i on issue k and what the future balance of power would bring.
struct OfferOnTable {
    double now = k_unset;     ///< x_now on the issue axis; NaN when neither holds a position on k.
    double future = k_unset;  ///< x_future (equal to x_now when no power trend is expected).
};

/// The offer from j to i on k at day t, given j's own chance of prevailing over i (`p_j`, by j's beliefs).
OfferOnTable offer_on_table(const CrisisState& state, int i, int j, int k, double p_j);

/// V_peace for i (its utility of the offer, against the status quo u_sq), docs/model.md §11.5.
double peace_value(const CrisisState& state, int i, int k, const OfferOnTable& offer, double u_status_quo);

/// The per-round patience of an actor at talks: δ_day^(duration·(1.5 − resolve)) (§4.5).
double talks_patience(const CrisisState& state, int i);

}  // namespace brink::model
