// brink: the actors' action set and the utilities of the actions aimed at the main opponent (docs/model.md
// §7.3). Pure functions of named terms; the decision component (decision_process.hpp) gathers the terms
// from the state, and the choice among the actions is the logit of choice.hpp. The third-party actions'
// utilities are in third_parties.hpp.
#pragma once

#include "brink/model/bargaining.hpp"

#include <string_view>

namespace brink::model {

/// What an actor can do when it decides (DESIGN.md §3.5).
enum class Action {
    Hold,            ///< keep course
    Escalate,        ///< raise its escalation pressure by one rung
    DeEscalate,      ///< lower its escalation pressure by one rung
    ProposeTalks,    ///< propose a meeting to its main opponent
    Concede,         ///< move its position on the contested issue toward the opponent
    Reiterate,       ///< reiterate an open demand (challengers)
    Threaten,        ///< warn or threaten its main opponent
    WarnThirdParty,  ///< warn a third party off supporting its opponent (Russia warning Japan)
    Sanction,        ///< impose sanctions on its main opponent
    DeclareSupport,  ///< declare support for an ally in its conflict (Japan with the United States)
    RequestSupport,  ///< ask a third party for support (Putin asking Xi)
    AnswerRequest,   ///< grant a pending request for support (Xi's positive answer)
    DeclineRequest,  ///< turn a pending request down
};

/// Number of actions.
inline constexpr int k_action_count = 13;

/// docs/model.md §7.3: κ, what any action other than holding costs.
inline constexpr double k_action_cost = 0.05;
/// docs/model.md §7.3: the weight of an actor's risk attitude in its drive to escalate.
inline constexpr double k_risk_weight = 0.1;

/// snake_case name, e.g. "warn_third_party".
std::string_view to_string(Action action);

/// Default CAMEO code of the event an action produces (docs/model.md §7.4).
std::string_view action_cameo(Action action);

/// What docs/model.md §7.3 reads from the state for actor i against its main opponent j on their contested
/// issue k.
struct StakeInputs {
    double own_position = 0.0;       ///< x_i
    double opponent_position = 0.0;  ///< x_j
    double status_quo = 0.0;         ///< q
    double salience = 0.0;           ///< s = s_ik
    double p_own = 0.5;              ///< p_i(j) by i's own estimate (§4.2)
    double opponent_p_own = 0.5;     ///< p_j(i) by j's own estimate
    double own_cost = 0.0;           ///< c_i (§4.4)
    double opponent_cost = 0.0;      ///< c_j
    double resolve = 0.5;            ///< resolve_i in [0,1]
    double risk_attitude = 0.0;      ///< risk_attitude_i in [-1,1]
    double own_nearness = 0.0;       ///< ρ_i = rung_i / war rung
    double opponent_nearness = 0.0;  ///< ρ_j
    bool deadline_passed = false;    ///< i's demand on k is past its deadline (m = 2, §3.3)
};

/// The named terms of docs/model.md §7.3.
struct Stakes {
    double salience = 0.0;       ///< s
    double gap = 0.0;            ///< |x_i − q|: how far the status quo is from what i wants
    double u_status_quo = 0.0;   ///< 1 − |x_i − q|
    double u_war = 0.0;          ///< p + (1 − p)(1 − |x_i − x_j|) − c_i
    double war_gain = 0.0;       ///< u_war − u_sq
    double opponent_fear = 0.0;  ///< max(0, u_sq,j − u_war,j): what j, by its own estimate, loses from a war
    double coercion = 0.0;       ///< fear_j · gap · m
    double deterrence = 0.0;     ///< resolve_i · ρ_j · (2p − 1)
    double drive = 0.0;    ///< s·[(1 − ρ_i)·coercion + ρ_i·gain + deterrence] + 0.1·risk_attitude_i
    double urgency = 1.0;  ///< m: 2 after i's deadline passed, else 1
};

/// The terms of docs/model.md §7.3 from their inputs.
Stakes stakes(const StakeInputs& in);

/// Escalate: drive − κ; the step onto the war rung is the bet on war alone, s·gain + 0.1·risk − κ (§7.3).
double escalate_utility(const Stakes& stakes, bool into_war, double risk_attitude);
/// De-escalate: −drive − κ (§7.3).
double de_escalate_utility(const Stakes& stakes);
/// Threaten: s·(coercion + deterrence)/2 − κ (§7.3).
double threaten_utility(const Stakes& stakes);
/// Sanction: s·ρ_j·(p − 1/2) − 2κ (§7.3).
double sanction_utility(const Stakes& stakes, double opponent_nearness, double p_own);
/// Propose talks: the value of the range's midpoint over the status quo, plus 0.1·(1 − resolve), minus κ;
/// −0.1 − κ when the range is empty (§7.3).
double propose_talks_utility(const Stakes& stakes, double own_position, const BargainingRange& range,
                             double resolve);
/// Concede: ρ_j·max(0, u_sq − u_war) − s·reach − κ (§7.3).
double concede_utility(const Stakes& stakes, double opponent_nearness, double reach);
/// Reiterate an open demand: s·resolve·gap·m/2 − κ (§7.3).
double reiterate_utility(const Stakes& stakes, double resolve);
/// The proposal's addressee meets when this beats 0: max(0, u_sq − u_war)·ρ_proposer + 0.1 − κ, from its
/// own side (§7.3).
double accept_talks_utility(double u_status_quo, double u_war, double proposer_nearness);

}  // namespace brink::model
