// brink: the actors' action set and the utilities of the actions aimed at the main opponent (docs/model.md
// §7.3). Pure functions of named terms; the decision component (decision_process.hpp) gathers the terms
// from the state, and the choice among the actions is the logit of choice.hpp. The third-party actions'
// utilities are in third_parties.hpp.
#pragma once

#include "brink/model/bargaining.hpp"
#include "brink/scenario.hpp"

#include <limits>
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
    Seize,           ///< take the contested good by limited military action (a fait accompli, §11.6)
    Clash,           ///< a limited use of force against the war target (a border clash, §12.1)
    AcceptSeizure,   ///< accept a fait accompli
    FightSeizure,    ///< answer a fait accompli with war
    Mediate,         ///< propose a ceasefire to two belligerents (§12.2)
};

/// Number of actions.
inline constexpr int k_action_count = 18;

/// docs/model.md §7.3: κ, what any action other than holding costs.
inline constexpr double k_action_cost = 0.05;
/// docs/model.md §7.3: the weight of an actor's risk attitude in its drive to escalate.
inline constexpr double k_risk_weight = 0.1;

/// snake_case name, e.g. "warn_third_party".
std::string_view to_string(Action action);

/// Default CAMEO code of the event an action produces (docs/model.md §7.4).
std::string_view action_cameo(Action action);

/// What docs/model.md §7.3 and §11 read from the state for actor i against its main opponent j on their
/// contested issue k, with w the war target of i (§11.1; w = j unless i's demand aims its force elsewhere).
struct StakeInputs {
    double own_position = 0.0;       ///< x_i
    double opponent_position = 0.0;  ///< x_j
    double target_position = 0.0;    ///< x_w (x_j when w holds no position on k)
    double status_quo = 0.0;         ///< q
    double salience = 0.0;           ///< s = s_ik
    double p_war = 0.5;              ///< p̂_i(w): i's chance against w's coalition, by i's beliefs (§11.1)
    double p_opponent = 0.5;         ///< p̂_i(j): i's chance against j's coalition, by i's beliefs
    double own_cost = 0.0;           ///< c_i (§4.4)
    double opponent_cost = 0.0;      ///< ĉ_ij: j's cost of war with the resolve i expects of j (§11.2)
    double resolve = 0.5;            ///< resolve_i in [0,1]
    double risk_attitude = 0.0;      ///< risk_attitude_i in [-1,1]
    double own_nearness = 0.0;       ///< ρ_i = rung_i / war rung
    double opponent_nearness = 0.0;  ///< ρ_j
    double holding_cost = 0.0;  ///< H_i: what holding i's readiness costs over its planning period (§11.4)
    double peace_value = k_unset;  ///< V_peace (§11.5); NaN: the status quo u_sq
    double wait_value = -std::numeric_limits<double>::infinity();  ///< V_wait (§11.8)
    bool deadline_passed = false;  ///< i's demand on k is past its deadline (m = 2, §3.3)
};

/// The named terms of docs/model.md §7.3 and §11.
struct Stakes {
    double salience = 0.0;      ///< s
    double gap = 0.0;           ///< |x_i − q|: how far the status quo is from what i wants
    double u_status_quo = 0.0;  ///< 1 − |x_i − q| − H_i
    double u_war = 0.0;         ///< p̂ + (1 − p̂)(1 − |x_i − x_w|) − c_i
    double peace_value = 0.0;   ///< V_peace: what i can expect without war (u_sq, or the offer, §11.5)
    double war_gain = 0.0;      ///< u_war − V_peace
    double war_now_gain = 0.0;  ///< u_war − max(V_peace, V_wait): what starting the war today gains (§11.8)
    double opponent_fear = 0.0;  ///< max(0, u_sq,j − û_war,j): what j loses from a war, as i believes
    double coercion = 0.0;       ///< fear_j · gap · m
    double deterrence = 0.0;     ///< resolve_i · ρ_j · (2p̂ − 1)
    double drive = 0.0;    ///< s·[(1 − ρ_i)·coercion + ρ_i·gain + deterrence] + 0.1·risk_attitude_i
    double urgency = 1.0;  ///< m: 2 after i's deadline passed, else 1
};

/// The terms of docs/model.md §7.3 from their inputs.
Stakes stakes(const StakeInputs& in);

/// Escalate: drive − κ; the step onto the war rung is the bet on war alone, s·(u_war − max(V_peace, V_wait))
/// + 0.1·risk − κ (§7.3, §11.8).
double escalate_utility(const Stakes& stakes, bool into_war, double risk_attitude);
/// De-escalate: −drive − κ − the audience cost of backing down (§7.3, §11.3).
double de_escalate_utility(const Stakes& stakes, double backing_down_cost);
/// Threaten: (1 − P_i)·s·(coercion + deterrence)/2 − κ, with P_i the threatener's public commitment so far
/// (§7.3, §11.3).
double threaten_utility(const Stakes& stakes, double uncommitted);
/// Impose sanctions: s·ρ_j·(p − 1/2) − 2κ, less the leverage s·max(coercion, deterrence⁺) of holding them
/// back as a threat while the threat has not failed (§7.3, §11.7).
double sanction_utility(const Stakes& stakes, double opponent_nearness, double p_own, bool threat_failed,
                        bool held_back);
/// Propose talks: the value of the range's midpoint over the status quo, plus 0.1·(1 − resolve), minus κ;
/// −0.1 − κ when the range is empty (§7.3).
double propose_talks_utility(const Stakes& stakes, double own_position, const BargainingRange& range,
                             double resolve);
/// Concede: ρ_j·max(0, u_sq − u_war)·min(1, reach/d) − s·reach − κ − the cost of backing down, d the distance
/// to the opponent's position: a step buys off the share of the war risk it closes (§7.3, §11.3).
double concede_utility(const Stakes& stakes, double opponent_nearness, double reach, double distance,
                       double backing_down_cost);
/// Reiterate an open demand: s·resolve·gap·m/2 − κ (§7.3).
double reiterate_utility(const Stakes& stakes, double resolve);
/// The proposal's addressee meets when this beats 0: max(0, u_sq − u_war)·ρ_proposer + 0.1 − κ, from its
/// own side (§7.3).
double accept_talks_utility(double u_status_quo, double u_war, double proposer_nearness);
/// Seize the contested good (§11.6): s·[P(accept)·u(v) + (1 − P(accept))·u_war − max(V_peace, V_wait)] − 2κ,
/// where v is what i demands and P(accept) i's estimate that the holder accepts rather than fights (§11.8).
double seize_utility(const Stakes& stakes, double u_seized, double accept_probability);
/// A clash (§12.1): (1 − μ_w(i))·s·ρ_i·(coercion + deterrence) − 3κ, with 1 − μ_w(i) the opponent's doubt
/// that i is resolute (1 without the beliefs mechanism).
double clash_utility(const Stakes& stakes, double own_nearness, double doubt);

/// What backing down (conceding, or stepping down after public threats) costs i (§11.3): the audience cost
/// a_i·P_i·s, plus, when conceding under coercion, the reputation cost r·s·ρ_coercer (Sartori 2005).
double backing_down_cost(double audience_weight, double public_commitment, double salience,
                         double reputation_cost, double coercer_nearness);

}  // namespace brink::model
