// brink: who would fight on whose side, and the probability of prevailing (docs/model.md §11.1; Huth 1988,
// Fearon 1994 on extended deterrence; Slantchev 2011 on forces ready to fight).
//
// In a war between `side` and `against` over an issue, a third party k joins `side` with probability
//   J_k(side|against) = h_k · [1 − (1 − F_k,side)(1 − D_k,side)(1 − a_k)] · (1 − W_k,against),
//   a_k = β_b · lean², lean = max(0, A_k,side − A_k,against)/2,
// where F is the commitment that covers the issue, D the declared support, β_b the bystander propensity, W
// the deterrence of `against`'s warnings, and h_k the resolve with which k acts on a reason to fight: its
// true resolve, or, in an observer's view, the observer's expected resolve of k (§11.2). A side's strength
// is its own capability ready to fight plus what its expected partners would commit to this theatre:
//   Σ_side = w_side m_side + Σ_k w_k θ_k m_k J_k(side|against),    p_side = Σ_side / (Σ_side + Σ_against),
// with m = (1 + R)/2 the share of its strength an actor at readiness R brings to a war (§11.4). A war costs a
// side in proportion to the strength it must fight: c_side · 2Σ_against / (Σ_side + Σ_against), c of §4.4
// (the form of the Richardson reaction of §2.2: the factor is 1 between equals, up to 2 against an
// overwhelming coalition).
#pragma once

#include "brink/model/crisis_state.hpp"

namespace brink::model {

/// Whose estimate: the truth, or one actor's beliefs (docs/model.md §11.2).
struct View {
    int observer = -1;  ///< -1: the truth (the trajectory's objective metrics, the war's real coalitions).
};

/// J_k(side|against) on `issue` (−1: none in particular), as `view` sees it.
double join_probability(const CrisisState& state, int k, int side, int against, int issue, View view);

/// Σ_side(against) at day t.
double coalition_strength(const CrisisState& state, int side, int against, int issue, View view, double t);

/// What a war of `side` against `against` promises, as `view` sees it (docs/model.md §11.1).
struct WarProspect {
    double p = 0.5;              ///< p_side(against)
    double cost = 0.0;           ///< side's cost of this war: c_side · 2Σ_against / (Σ_side + Σ_against)
    double opponent_cost = 0.0;  ///< against's cost, with the resolve `view` expects of it, scaled likewise
};
WarProspect war_prospect(const CrisisState& state, int side, int against, int issue, View view, double t);

/// p_side(against) at day t, as `view` sees it.
double prevail_probability(const CrisisState& state, int side, int against, int issue, View view, double t);

/// Each side's own estimate of its chance: p_i(j) by i's beliefs and p_j(i) by j's (mutual optimism is when
/// they sum to more than 1).
struct MutualPrevail {
    double i_over_j = 0.5;
    double j_over_i = 0.5;
};
MutualPrevail mutual_prevail(const CrisisState& state, int i, int j, int issue, double t);

/// The trajectory's objective metrics of i against its opponent j (j < 0: none) at day t: the share of the
/// third parties' theatre capability expected on i's side, and p_i(j).
struct SupportMetrics {
    double expected_support = 0.0;
    double p_prevail = 0.5;
};
SupportMetrics support_metrics(const CrisisState& state, int i, int j, int issue, double t);

}  // namespace brink::model
