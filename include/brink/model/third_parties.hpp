// brink: third parties (docs/model.md §1.4, §4.1, §7.3): declarations of support, warnings to stay out,
// requests for support and their answers. The utilities an actor weighs for these four actions, and what
// each does to the relations when taken.
#pragma once

#include "brink/model/crisis_state.hpp"
#include "brink/model/effects.hpp"

namespace brink::model {

/// A third party and how much it weighs in a choice (docs/model.md §7.3).
struct ThirdPartyChoice {
    int actor = -1;       ///< -1: none.
    double weight = 0.0;  ///< w_t S_t(j|i)(1 − W_ti) for a warning; w_t(1 − S^firm_t(i|j))·max(0, A_ti −
                          ///< A_tj) for a request.
};

/// Whom i, in conflict with j, would warn off (the third party most likely to side with j) and whom it
/// would ask for support (the one that could help it most and was not asked in the last week), at day `now`.
struct ThirdPartyTargets {
    ThirdPartyChoice warn;
    ThirdPartyChoice patron;
};
ThirdPartyTargets third_party_targets(const CrisisState& state, int i, int j, int issue, double now);

/// 4·s·w_t θ_t J_t(j|i)·w_i/(w_i + w_t) − κ (docs/model.md §7.3).
double warn_third_party_utility(const CrisisState& state, int i, const ThirdPartyChoice& warn,
                                double salience);
/// 4·s·gap·w_t θ_t (1 − J_t(i|j))·max(0, A_ti − A_tj) − κ (docs/model.md §7.3).
double request_support_utility(const ThirdPartyChoice& patron, double salience, double gap);

/// An ally of i in a conflict with someone else, and that someone (docs/model.md §7.3).
struct AllyInConflict {
    int ally = -1;      ///< -1: none.
    int opponent = -1;  ///< The ally's main opponent.
};
/// The ally (A_ia > 0.3, D_ia < 1) whose conflict i weighs most, by (A_ia − A_ib)·w_a.
AllyInConflict ally_in_conflict(const CrisisState& state, int i);
/// (A_ia − A_ib)(1 − D_ia)/2 − c_i ρ_b (1 − F_ia) − κ (docs/model.md §7.3).
double declare_support_utility(const CrisisState& state, int i, const AllyInConflict& ally);
/// (A_ir − A_io)/2 + F_ir − c_i ρ_o − κ: granting the request of r against o (docs/model.md §7.3).
double answer_request_utility(const CrisisState& state, int i, const PendingRequest& request);

/// i warns `third` to stay out of its conflict with j: W_ti grows by 0.3(1 − resolve_t)(1 − F_tj) (§1.4).
void warn_off(CrisisState& state, Effects& effects, int i, int j, int third);
/// i declares support for `ally` against `against`: D_i,ally + 0.5 (§1.4).
void declare_support(CrisisState& state, Effects& effects, int i, int ally, int against);
/// i asks `patron` for support against j; the patron must answer before anything else.
void request_support(CrisisState& state, Effects& effects, double now, int i, int j, int patron);
/// i answers the oldest request waiting for it, from `requester`: yes adds 0.5 to D_i,requester (§1.4).
void answer_request(CrisisState& state, Effects& effects, int i, int requester, bool yes);

}  // namespace brink::model
