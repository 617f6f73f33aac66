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
        case Action::Seize:
            return "seize";
        case Action::Clash:
            return "clash";
        case Action::AcceptSeizure:
            return "accept_seizure";
        case Action::FightSeizure:
            return "fight_seizure";
        case Action::Mediate:
            return "mediate";
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
            return "100";  // make a demand (-5.0), the code the demand process logs (demands.cpp)
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
        case Action::Seize:
            return "192";  // occupy territory (-9.5)
        case Action::Clash:
            return "193";  // fight with small arms and light weapons (-10.0)
        case Action::AcceptSeizure:
            return "08";  // yield (+5.0)
        case Action::FightSeizure:
            return "190";  // use conventional military force (-10.0)
        case Action::Mediate:
            return "045";  // mediate (+5.0)
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
    t.u_status_quo = 1.0 - std::abs(in.own_position - in.status_quo) - in.holding_cost;
    t.u_war =
        in.p_war + (1.0 - in.p_war) * (1.0 - std::abs(in.own_position - in.target_position)) - in.own_cost;
    t.peace_value = std::isnan(in.peace_value) ? t.u_status_quo : in.peace_value;
    t.war_gain = t.u_war - t.peace_value;
    t.war_now_gain = t.u_war - std::max(t.peace_value, in.wait_value);
    t.gap = std::abs(in.own_position - in.status_quo);
    t.urgency = in.deadline_passed ? k_deadline_urgency : 1.0;
    // Low on the ladder escalation coerces: it pays as far as the opponent, as i believes, fears war.
    const double distance = std::abs(in.own_position - in.opponent_position);
    const double opponent_u_status_quo = 1.0 - std::abs(in.opponent_position - in.status_quo);
    const double opponent_p = 1.0 - in.p_opponent;
    const double opponent_u_war = opponent_p + (1.0 - opponent_p) * (1.0 - distance) - in.opponent_cost;
    t.opponent_fear = std::max(0.0, opponent_u_status_quo - opponent_u_war);
    t.coercion = t.opponent_fear * t.gap * t.urgency;
    // Matching the opponent's escalation deters when one expects to win.
    t.deterrence = in.resolve * in.opponent_nearness * (2.0 * in.p_opponent - 1.0);
    // High on the ladder escalation becomes a bet on war itself.
    t.drive =
        in.salience * ((1.0 - in.own_nearness) * t.coercion + in.own_nearness * t.war_gain + t.deterrence) +
        k_risk_weight * in.risk_attitude;
    return t;
}

double escalate_utility(const Stakes& stakes, bool into_war, double risk_attitude) {
    // The step onto the war rung is not coercion or deterrence (they threaten war; this one starts it).
    return (into_war ? stakes.salience * stakes.war_now_gain + k_risk_weight * risk_attitude : stakes.drive) -
           k_action_cost;
}

double de_escalate_utility(const Stakes& stakes, double backing_down_cost) {
    return -stakes.drive - k_action_cost - backing_down_cost;
}

double threaten_utility(const Stakes& stakes, double uncommitted) {
    // docs/model.md §7.3, §11.3: a threat is worth the credibility it adds, the share of the threatener not
    // yet publicly committed (a threat repeated adds less each time).
    return uncommitted * stakes.salience * (0.5 * stakes.coercion + 0.5 * stakes.deterrence) - k_action_cost;
}

double sanction_utility(const Stakes& stakes, double opponent_nearness, double p_own, bool threat_failed,
                        bool held_back) {
    // docs/model.md §11.7: a threatened sanction coerces or deters while it is pending (Schelling 1966's
    // compellence and deterrence); imposing it spends that leverage, which is worth it only once the threat
    // has failed.
    const double leverage = std::max(stakes.coercion, std::max(0.0, stakes.deterrence));
    const double spent = held_back && !threat_failed ? stakes.salience * leverage : 0.0;
    return stakes.salience * opponent_nearness * (p_own - 0.5) - 2.0 * k_action_cost - spent;
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

double concede_utility(const Stakes& stakes, double opponent_nearness, double reach, double distance,
                       double backing_down_cost) {
    // docs/model.md §7.3: a step of `reach` toward an opponent `distance` away closes that share of the gap,
    // and buys off that share of the war the opponent threatens (appeasement by halves buys half).
    const double closed = distance > 0.0 ? std::min(1.0, reach / distance) : 1.0;
    return opponent_nearness * std::max(0.0, stakes.u_status_quo - stakes.u_war) * closed -
           stakes.salience * reach - k_action_cost - backing_down_cost;
}

double reiterate_utility(const Stakes& stakes, double resolve) {
    return 0.5 * stakes.salience * resolve * stakes.gap * stakes.urgency - k_action_cost;
}

double accept_talks_utility(double u_status_quo, double u_war, double proposer_nearness) {
    return std::max(0.0, u_status_quo - u_war) * proposer_nearness + k_meeting_goodwill - k_action_cost;
}

double seize_utility(const Stakes& stakes, double u_seized, double accept_probability) {
    // docs/model.md §11.6, §11.8: the gamble on the holder's answer against peace or waiting, whichever is
    // worth more.
    const double alternative = stakes.u_war - stakes.war_now_gain;
    return stakes.salience *
               (accept_probability * u_seized + (1.0 - accept_probability) * stakes.u_war - alternative) -
           2.0 * k_action_cost;
}

double clash_utility(const Stakes& stakes, double own_nearness, double doubt) {
    // docs/model.md §12.1: a clash coerces as far as the opponent still doubts i's resolve (a demonstration
    // the opponent has already drawn its conclusion from adds nothing).
    return doubt * stakes.salience * own_nearness * (stakes.coercion + stakes.deterrence) -
           3.0 * k_action_cost;
}

double backing_down_cost(double audience_weight, double public_commitment, double salience,
                         double reputation_cost, double coercer_nearness) {
    return audience_weight * public_commitment * salience + reputation_cost * salience * coercer_nearness;
}

}  // namespace brink::model
