// brink model: the answer to a fait accompli (docs/model.md §11.6).
#include "brink/model/seizures.hpp"

#include "brink/model/decisions.hpp"

#include <cmath>

namespace brink::model {

double SeizureAnswer::accept_probability(double rationality) const {
    if (std::isinf(rationality)) {
        return accept > fight ? 1.0 : accept < fight ? 0.0 : 0.5;
    }
    return 1.0 / (1.0 + std::exp(-rationality * (accept - fight)));
}

SeizureAnswer seizure_answer(const CrisisState& state, int w, int seizer, const DemandState& d, View view,
                             double resolve, double t) {
    const int k = d.issue;
    const double x_w = state.holds(w, k) ? state.position(w, k) : d.value;
    const double loss = std::abs(x_w - d.value);
    SeizureAnswer answer;
    answer.accept = 1.0 - loss -
                    backing_down_cost(state.audience_weight(w), state.commitment(w), state.salience(w, k),
                                      state.params().reputation_cost, state.nearness_to_war(seizer));
    const WarProspect fight_back = war_prospect(state, w, seizer, k, view, t);
    // The prospect's cost is c_w for w's own resolve, scaled by the coalitions; with another resolve r,
    // c_w(r).
    const double own = state.war_cost(w);
    const double cost =
        own > 0.0 ? state.war_cost_given_resolve(w, resolve) * (fight_back.cost / own) : fight_back.cost;
    answer.fight = fight_back.p + (1.0 - fight_back.p) * (1.0 - loss) - cost;
    return answer;
}

}  // namespace brink::model
