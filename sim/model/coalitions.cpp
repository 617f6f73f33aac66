// Who would fight on whose side, and the probability of prevailing (docs/model.md §11.1).
#include "brink/model/coalitions.hpp"

#include <algorithm>

namespace brink::model {

double join_probability(const CrisisState& state, int k, int side, int against, int issue, View view) {
    const Relations& r = state.relations;
    const double lean = std::max(0.0, r.affinity(k, side) - r.affinity(k, against)) / 2.0;
    const double sympathy = state.params().bystander_propensity * lean * lean;
    const double firm = 1.0 - (1.0 - r.commitment_on(k, side, issue)) * (1.0 - r.declared(k, side));
    const double reason = 1.0 - (1.0 - firm) * (1.0 - sympathy);
    const double resolve = view.observer >= 0 && view.observer != k ? state.expected_resolve(view.observer, k)
                                                                    : state.resolve(k);
    return std::clamp(resolve * reason * (1.0 - r.deterred(k, against)), 0.0, 1.0);
}

double coalition_strength(const CrisisState& state, int side, int against, int issue, View view, double t) {
    double strength = state.share(side) * state.fighting_share(side, t);
    for (int k = 0; k < state.n; ++k) {
        if (k == side || k == against) {
            continue;
        }
        // docs/model.md §11.1: a bystander brings its theatre share θ; a defence commitment F obliges the
        // defender to bring F of the rest.
        const double theta = state.theatre_share(k);
        const double firmness = state.relations.commitment_on(k, side, issue);
        const double committed =
            state.share(k) * (theta + (1.0 - theta) * firmness) * state.fighting_share(k, t);
        if (committed > 0.0) {
            strength += committed * join_probability(state, k, side, against, issue, view);
        }
    }
    return strength;
}

double prevail_probability(const CrisisState& state, int side, int against, int issue, View view, double t) {
    const double mine = coalition_strength(state, side, against, issue, view, t);
    const double theirs = coalition_strength(state, against, side, issue, view, t);
    return mine + theirs > 0.0 ? mine / (mine + theirs) : 0.5;
}

WarProspect war_prospect(const CrisisState& state, int side, int against, int issue, View view, double t) {
    const double mine = coalition_strength(state, side, against, issue, view, t);
    const double theirs = coalition_strength(state, against, side, issue, view, t);
    WarProspect prospect;
    const double total = mine + theirs;
    if (!(total > 0.0)) {
        prospect.cost = state.war_cost(side);
        prospect.opponent_cost = state.war_cost(against);
        return prospect;
    }
    prospect.p = mine / total;
    prospect.cost = state.war_cost(side) * 2.0 * theirs / total;
    const double resolve =
        view.observer >= 0 ? state.expected_resolve(view.observer, against) : state.resolve(against);
    prospect.opponent_cost = state.war_cost_given_resolve(against, resolve) * 2.0 * mine / total;
    return prospect;
}

MutualPrevail mutual_prevail(const CrisisState& state, int i, int j, int issue, double t) {
    return {prevail_probability(state, i, j, issue, View{i}, t),
            prevail_probability(state, j, i, issue, View{j}, t)};
}

SupportMetrics support_metrics(const CrisisState& state, int i, int j, int issue, double t) {
    SupportMetrics metrics;
    double expected = 0.0;
    double total = 0.0;
    for (int k = 0; k < state.n; ++k) {
        if (k == i || k == j) {
            continue;
        }
        const double committed = state.share(k) * state.theatre_share(k) * state.fighting_share(k, t);
        total += committed;
        if (j >= 0) {
            expected += committed * join_probability(state, k, i, j, issue, View{});
        } else {
            expected += committed * std::max(0.0, state.relations.affinity(k, i));
        }
    }
    metrics.expected_support = total > 0.0 ? expected / total : 0.0;
    metrics.p_prevail = j >= 0 ? prevail_probability(state, i, j, issue, View{}, t) : 0.5;
    return metrics;
}

}  // namespace brink::model
