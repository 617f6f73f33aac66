// The actions: names, CAMEO codes (docs/model.md §7.4) and the utilities of §7.3.
#include "brink/model/decisions.hpp"

#include <algorithm>
#include <cmath>

namespace brink::model {

std::string_view to_string(Action action) {
    switch (action) {
        case Action::Hold:
            return "hold";
        case Action::Escalate:
            return "escalate";
        case Action::DeEscalate:
            return "de_escalate";
        case Action::ProposeTalks:
            return "propose_talks";
        case Action::Concede:
            return "concede";
        case Action::Reiterate:
            return "reiterate";
        case Action::Threaten:
            return "threaten";
        case Action::WarnThirdParty:
            return "warn_third_party";
        case Action::Sanction:
            return "sanction";
        case Action::DeclareSupport:
            return "declare_support";
        case Action::RequestSupport:
            return "request_support";
        case Action::AnswerRequest:
            return "answer_request";
        case Action::DeclineRequest:
            return "decline_request";
    }
    return "?";
}

std::string_view action_cameo(Action action) {
    switch (action) {
        case Action::Hold:
            return "010";  // make statement (0.0)
        case Action::Escalate:
            return "154";  // mobilize or increase armed forces (-7.2)
        case Action::DeEscalate:
            return "087";  // de-escalate military engagement (+9.0)
        case Action::ProposeTalks:
            return "036";  // express intent to meet or negotiate (+4.0)
        case Action::Concede:
            return "08";  // yield (+5.0)
        case Action::Reiterate:
            return "1042";  // demand policy change (-5.0)
        case Action::Threaten:
            return "138";  // threaten to use military force (-7.0)
        case Action::WarnThirdParty:
            return "111";  // criticize or denounce (-2.0): "inadmissible"
        case Action::Sanction:
            return "163";  // impose embargo/boycott/sanctions (-8.0)
        case Action::DeclareSupport:
            return "053";  // rally support on behalf of (+3.8)
        case Action::RequestSupport:
            return "021";  // appeal for material cooperation (+3.4)
        case Action::AnswerRequest:
            return "030";  // express intent to cooperate (+4.0)
        case Action::DeclineRequest:
            return "123";  // reject request (-4.0)
    }
    return "010";
}

}  // namespace brink::model

namespace brink::model {

namespace {

/// docs/model.md §3.3: coercion doubles once the challenger's deadline has passed.
constexpr double k_deadline_urgency = 2.0;
/// docs/model.md §7.3: the value of proposing talks when no range exists.
constexpr double k_hopeless_talks = -0.1;
/// docs/model.md §7.3: flexible actors value talks for their own sake by up to this much.
constexpr double k_talks_flexibility = 0.1;
/// docs/model.md §7.3: what meeting is worth to the addressee of a proposal apart from its stakes.
constexpr double k_meeting_goodwill = 0.1;

}  // namespace

Stakes stakes(const StakeInputs& in) {
    // docs/model.md §7.3: utilities of outcomes are 1 − distance from the ideal point.
    Stakes t;
    t.salience = in.salience;
    const double distance = std::abs(in.own_position - in.opponent_position);
    t.u_status_quo = 1.0 - std::abs(in.own_position - in.status_quo);
    t.u_war = in.p_own + (1.0 - in.p_own) * (1.0 - distance) - in.own_cost;
    t.war_gain = t.u_war - t.u_status_quo;
    t.gap = std::abs(in.own_position - in.status_quo);
    t.urgency = in.deadline_passed ? k_deadline_urgency : 1.0;
    // Low on the ladder escalation coerces: it pays as far as the opponent, by its own estimate, fears war.
    const double opponent_u_status_quo = 1.0 - std::abs(in.opponent_position - in.status_quo);
    const double opponent_u_war =
        in.opponent_p_own + (1.0 - in.opponent_p_own) * (1.0 - distance) - in.opponent_cost;
    t.opponent_fear = std::max(0.0, opponent_u_status_quo - opponent_u_war);
    t.coercion = t.opponent_fear * t.gap * t.urgency;
    // Matching the opponent's escalation deters when one expects to win.
    t.deterrence = in.resolve * in.opponent_nearness * (2.0 * in.p_own - 1.0);
    // High on the ladder escalation becomes a bet on war itself.
    t.drive =
        in.salience * ((1.0 - in.own_nearness) * t.coercion + in.own_nearness * t.war_gain + t.deterrence) +
        k_risk_weight * in.risk_attitude;
    return t;
}

double escalate_utility(const Stakes& stakes, bool into_war, double risk_attitude) {
    // The step onto the war rung is not coercion or deterrence (they threaten war; this one starts it).
    return (into_war ? stakes.salience * stakes.war_gain + k_risk_weight * risk_attitude : stakes.drive) -
           k_action_cost;
}

double de_escalate_utility(const Stakes& stakes) {
    return -stakes.drive - k_action_cost;
}

double threaten_utility(const Stakes& stakes) {
    return stakes.salience * (0.5 * stakes.coercion + 0.5 * stakes.deterrence) - k_action_cost;
}

double sanction_utility(const Stakes& stakes, double opponent_nearness, double p_own) {
    return stakes.salience * opponent_nearness * (p_own - 0.5) - 2.0 * k_action_cost;
}

double propose_talks_utility(const Stakes& stakes, double own_position, const BargainingRange& range,
                             double resolve) {
    double talk = k_hopeless_talks;
    if (!range.empty()) {
        const double mid = 0.5 * (range.low + range.high);
        talk = (1.0 - std::abs(own_position - mid)) - stakes.u_status_quo +
               k_talks_flexibility * (1.0 - resolve);
    }
    return talk - k_action_cost;
}

double concede_utility(const Stakes& stakes, double opponent_nearness, double reach) {
    return opponent_nearness * std::max(0.0, stakes.u_status_quo - stakes.u_war) - stakes.salience * reach -
           k_action_cost;
}

double reiterate_utility(const Stakes& stakes, double resolve) {
    return 0.5 * stakes.salience * resolve * stakes.gap * stakes.urgency - k_action_cost;
}

double accept_talks_utility(double u_status_quo, double u_war, double proposer_nearness) {
    return std::max(0.0, u_status_quo - u_war) * proposer_nearness + k_meeting_goodwill - k_action_cost;
}

}  // namespace brink::model
