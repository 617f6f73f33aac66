// brink model: the answer to a fait accompli (docs/model.md §11.6, after Altman 2017 and Tarar 2016). The
// holder of a seized good accepts the loss (and backs down, with what backing down costs it) or fights the
// seizer; the seizer foresees that answer with the same utilities, by its beliefs about the holder's resolve.
#pragma once

#include "brink/model/coalitions.hpp"
#include "brink/model/crisis_state.hpp"

namespace brink::model {

/// The holder's two utilities.
struct SeizureAnswer {
    double accept = 0.0;  ///< 1 − |x_w − v| − the cost of backing down (§11.3)
    double fight = 0.0;   ///< p_w + (1 − p_w)(1 − |x_w − v|) − c_w(r)·(the coalitions' scale)
    /// The logit probability of accepting: 1 / (1 + e^{−λ(accept − fight)}) (§7.1).
    double accept_probability(double rationality) const;
};

/// What holder w, of resolve r, gets from accepting the seizure of demand d's good by `seizer` and from
/// fighting it, as `view` reckons the coalitions at day t. x_w is w's position on the issue (v when it has
/// none: it does not care).
SeizureAnswer seizure_answer(const CrisisState& state, int w, int seizer, const DemandState& d, View view,
                             double resolve, double t);

}  // namespace brink::model
