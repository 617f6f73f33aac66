// When actors decide and what they do (docs/model.md §7.2–§7.4).
#include "brink/model/decision_process.hpp"

#include "brink/model/bargaining.hpp"
#include "brink/model/choice.hpp"
#include "brink/model/relations.hpp"
#include "brink/model/third_parties.hpp"
#include "priorities.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace brink::model {

namespace {

/// docs/model.md §7.2: an actor concerned by an event decides 6 hours later.
constexpr double k_reaction_delay = 0.25;
/// docs/model.md §7.3: days an actor needs between two escalate decisions.
constexpr double k_escalation_dwell = 0.5;
/// docs/model.md §7.3: de-escalation is open to an actor whose pressure is above this (rungs).
constexpr double k_de_escalation_floor = 0.5;
/// docs/model.md §7.3: conceding is open while the two positions differ by more than this.
constexpr double k_concession_threshold = 0.02;

}  // namespace

void OptionList::push_back(const Option& option) {
    if (m_size == m_options.size()) {
        throw std::logic_error("decide: more options than OptionList holds");
    }
    m_utilities[m_size] = option.utility;
    m_options[m_size++] = option;
}

DecisionProcess::DecisionProcess(CrisisState& state, engine::Simulation& sim, Effects& effects)
    : m_state(state), m_sim(sim), m_effects(effects) {
    const auto n = ix(state.n);
    m_prompted.resize(n);
    m_context.resize(n);
    for (int i = 0; i < state.n; ++i) {
        m_context[ix(i)] = {this, i};
        m_decide_stream.push_back("actor/" + state.actor_ids[ix(i)] + "/decide");
        m_choice_stream.push_back("actor/" + state.actor_ids[ix(i)] + "/choice");
    }
    m_decide_rng.assign(n, nullptr);
    m_choice_rng.assign(n, nullptr);
}

engine::RngStream& DecisionProcess::decide_rng(int i) {
    engine::RngStream*& stream = m_decide_rng[ix(i)];
    if (stream == nullptr) {
        stream = &m_sim.rng(m_decide_stream[ix(i)]);
    }
    return *stream;
}

engine::RngStream& DecisionProcess::choice_rng(int i) {
    engine::RngStream*& stream = m_choice_rng[ix(i)];
    if (stream == nullptr) {
        stream = &m_sim.rng(m_choice_stream[ix(i)]);
    }
    return *stream;
}

void DecisionProcess::start() {
    for (int i = 0; i < m_state.n; ++i) {
        schedule_poisson(i);
    }
}

void DecisionProcess::prompt(int actor) {
    const CrisisState& s = m_state;
    if (actor < 0 || s.finished || !s.spec.model.decisions_enabled || m_sim.now() < 0.0) {
        return;
    }
    if (m_sim.is_pending(m_prompted[ix(actor)])) {
        return;
    }
    const double at = m_sim.now() + k_reaction_delay;
    if (at > s.horizon) {
        return;
    }
    // Fast path: the context is the actor's fixed {this, actor} slot.
    m_prompted[ix(actor)] = m_sim.schedule_at(
        at, k_priority_decision,
        [](engine::Simulation&, void* raw) {
            const auto& event = *static_cast<const ActorContext*>(raw);
            event.process->m_prompted[ix(event.actor)] = {};
            event.process->decide(event.actor);
        },
        &m_context[ix(actor)]);
}

void DecisionProcess::schedule_poisson(int actor) {
    const CrisisState& s = m_state;
    const double rate = s.spec.actors[ix(actor)].decision_rate;
    if (!(rate > 0.0) || !s.spec.model.decisions_enabled || s.finished) {
        return;
    }
    const double at = m_sim.now() + decide_rng(actor).exponential(rate);
    if (at > s.horizon) {
        return;
    }
    m_sim.schedule_at(
        at, k_priority_decision,
        [](engine::Simulation&, void* raw) {
            const auto& event = *static_cast<const ActorContext*>(raw);
            event.process->decide(event.actor);
            event.process->schedule_poisson(event.actor);
        },
        &m_context[ix(actor)]);
}

void DecisionProcess::list_options(int i, OptionList& options) const {
    const CrisisState& s = m_state;
    options.clear();
    // A pending request for support is answered before anything else (docs/model.md §7.3).
    if (!s.requests[ix(i)].empty()) {
        const PendingRequest request = s.requests[ix(i)].front();
        options.push_back({Action::AnswerRequest, answer_request_utility(s, i, request), request.requester,
                           request.opponent});
        options.push_back({Action::DeclineRequest, 0.0, request.requester, request.opponent});
        return;
    }
    options.push_back({Action::Hold, 0.0, -1, -1});
    const int j = s.opponent(i);
    const int k = j >= 0 ? s.contested_issue(i, j) : -1;
    if (j >= 0 && k >= 0) {
        list_opponent_options(i, j, k, options);
    }
    // Declare support for an ally in its conflict (third parties, docs/model.md §7.3).
    const AllyInConflict ally = ally_in_conflict(s, i);
    if (ally.ally >= 0) {
        options.push_back(
            {Action::DeclareSupport, declare_support_utility(s, i, ally), ally.ally, ally.opponent});
    }
}

void DecisionProcess::list_opponent_options(int i, int j, int k, OptionList& options) const {
    // docs/model.md §7.3, in the order the logit draw sees them.
    const CrisisState& s = m_state;
    const double now = m_sim.now();
    const double x_i = s.position(i, k);
    const double x_j = s.position(j, k);
    // p_i(j) and p_j(i), each from its own side (the relations do not change during the decision).
    const MutualPrevail prevail = mutual_prevail_probabilities(s.relations, s.share, i, j);
    const DemandState* mine = nullptr;  // i's own demand on k, if any
    bool deadline_passed = false;
    for (const auto& d : s.demands) {
        if (d.active && d.challenger == i && d.issue == k) {
            deadline_passed = deadline_passed || d.deadline_passed;
            mine = &d;
        }
    }
    StakeInputs in;
    in.own_position = x_i;
    in.opponent_position = x_j;
    in.status_quo = s.status_quo(k);
    in.salience = s.salience(i, k);
    in.p_own = prevail.i_over_j;
    in.opponent_p_own = prevail.j_over_i;
    in.own_cost = s.war_cost(i);
    in.opponent_cost = s.war_cost(j);
    in.resolve = s.resolve(i);
    in.risk_attitude = std::clamp(s.spec.actors[ix(i)].risk_attitude, -1.0, 1.0);
    in.own_nearness = s.nearness_to_war(i);
    in.opponent_nearness = s.nearness_to_war(j);
    in.deadline_passed = deadline_passed;
    const Stakes terms = stakes(in);
    if (now - s.last_escalation[ix(i)] >= k_escalation_dwell) {
        const bool into_war = s.rung[ix(i)] + 1 >= s.war_rung_index;
        options.push_back({Action::Escalate, escalate_utility(terms, into_war, in.risk_attitude), j, -1});
    }
    if (s.pressure->value(i, now) > k_de_escalation_floor) {
        options.push_back({Action::DeEscalate, de_escalate_utility(terms), j, -1});
    }
    options.push_back({Action::Threaten, threaten_utility(terms), j, -1});
    options.push_back({Action::Sanction, sanction_utility(terms, in.opponent_nearness, in.p_own), j, -1});
    const auto key = std::pair{std::min(i, j), std::max(i, j)};
    if (!s.meetings.count(key) && now - s.last_contact(i, j) >= k_contact_interval) {
        // The range from both sides' own estimates (§4.5), oriented so that its A wants high values.
        const bool i_high = x_i >= x_j;
        const int high = i_high ? i : j;
        const double p_high_own = i_high ? in.p_own : in.opponent_p_own;
        const double p_high_by_low = i_high ? 1.0 - in.opponent_p_own : 1.0 - in.p_own;
        const double cost_high = s.war_cost(high);
        const double cost_low = s.war_cost(i_high ? j : i);
        BargainingRange range;
        range.low = fearon_range(p_high_own, cost_high, cost_low).low;
        range.high = fearon_range(p_high_by_low, cost_high, cost_low).high;
        options.push_back(
            {Action::ProposeTalks, propose_talks_utility(terms, x_i, range, in.resolve), j, -1});
    }
    if (std::abs(x_i - x_j) > k_concession_threshold) {
        options.push_back(
            {Action::Concede, concede_utility(terms, in.opponent_nearness, s.reach(i, k)), j, -1});
    }
    if (mine != nullptr && now - mine->last_reiterated >= k_contact_interval) {
        options.push_back({Action::Reiterate, reiterate_utility(terms, in.resolve), j, -1});
    }
    const ThirdPartyTargets third = third_party_targets(s, i, j, now);
    if (third.warn.actor >= 0) {
        options.push_back({Action::WarnThirdParty, warn_third_party_utility(s, i, third.warn, in.salience), j,
                           third.warn.actor});
    }
    if (third.patron.actor >= 0) {
        options.push_back({Action::RequestSupport,
                           request_support_utility(third.patron, in.salience, terms.gap), j,
                           third.patron.actor});
    }
}

void DecisionProcess::decide(int i) {
    if (m_state.finished) {
        return;
    }
    OptionList options;
    list_options(i, options);
    const double draw = choice_rng(i).uniform();
    const std::size_t chosen = logit_choice(options.utilities(), m_state.spec.model.rationality, draw);
    const Option option = options[chosen];
    apply(i, option, option.other >= 0 ? m_state.contested_issue(i, option.other) : -1);
}

void DecisionProcess::apply(int i, const Option& option, int issue) {
    CrisisState& s = m_state;
    const int j = option.other;
    const std::string_view cameo = action_cameo(option.action);
    switch (option.action) {
        case Action::Hold:
            m_effects.log({EventType::Hold, i, -1, -1, 0.0, cameo, false},
                          [&] { return s.leader(i) + " holds course"; });
            break;
        case Action::Escalate: {
            const std::string_view code = s.rung_cameo[ix(std::min(s.rung[ix(i)] + 1, s.war_rung_index))];
            m_effects.log({EventType::Escalate, i, j, -1, 0.0, code.empty() ? cameo : code, false},
                          [&] { return s.leader(i) + " escalates against " + s.name(j); });
            s.last_escalation[ix(i)] = m_sim.now();
            m_effects.jump_pressure(i, k_escalation_step);
            m_effects.prompt_decision(j);
            break;
        }
        case Action::DeEscalate:
            m_effects.log({EventType::DeEscalate, i, j, -1, 0.0, cameo, false},
                          [&] { return s.leader(i) + " de-escalates toward " + s.name(j); });
            m_effects.jump_pressure(i, -k_escalation_step);
            m_effects.prompt_decision(j);
            break;
        case Action::ProposeTalks:
            propose_talks(i, j, issue);
            break;
        case Action::Concede:
            concede(i, j, issue);
            break;
        case Action::Reiterate:
            for (std::size_t d = 0; d < s.demands.size(); ++d) {
                if (s.demands[d].active && s.demands[d].challenger == i && s.demands[d].issue == issue) {
                    m_effects.activate_demand(static_cast<int>(d), false, nullptr);
                    break;
                }
            }
            break;
        case Action::Threaten:
            // A threat is a signal: it moves affinity (so the Richardson reaction) but no rung by itself
            // (§7.4).
            m_effects.log({EventType::Threat, i, j, -1, 0.0, cameo, true},
                          [&] { return s.speaker(i) + " warns " + s.name(j); });
            m_effects.prompt_decision(j);
            break;
        case Action::WarnThirdParty:
            warn_off(s, m_effects, i, j, option.third);
            break;
        case Action::Sanction:
            s.sanction_cost(j) += k_sanction_cost;
            m_effects.log({EventType::Sanction, i, j, -1, 0.0, cameo, true},
                          [&] { return s.leader(i) + " imposes sanctions on " + s.name(j); });
            m_effects.prompt_decision(j);
            break;
        case Action::DeclareSupport:
            declare_support(s, m_effects, i, j, option.third);
            break;
        case Action::RequestSupport:
            request_support(s, m_effects, m_sim.now(), i, j, option.third);
            break;
        case Action::AnswerRequest:
        case Action::DeclineRequest:
            answer_request(s, m_effects, i, j, option.action == Action::AnswerRequest);
            break;
    }
    m_effects.sample_if_logged();
}

void DecisionProcess::propose_talks(int i, int j, int issue) {
    CrisisState& s = m_state;
    s.last_contact(i, j) = m_sim.now();
    m_effects.log({EventType::ProposeTalks, i, j, issue, issue >= 0 ? s.status_quo(issue) : 0.0,
                   action_cameo(Action::ProposeTalks), false},
                  [&] { return s.speaker(i) + " proposes talks to " + s.speaker(j); });
    // The other side accepts by its own logit between meeting (its utility of the expected deal) and not.
    double accept = 0.0;
    if (issue >= 0) {
        const double p_j = prevail_probability(s.relations, s.share, j, i, Perspective::Own);
        const double u_status_quo = 1.0 - std::abs(s.position(j, issue) - s.status_quo(issue));
        const double u_war =
            p_j + (1.0 - p_j) * (1.0 - std::abs(s.position(j, issue) - s.position(i, issue))) - s.war_cost(j);
        accept = accept_talks_utility(u_status_quo, u_war, s.nearness_to_war(i));
    }
    const std::array<double, 2> u_accept{0.0, accept};
    const double draw = choice_rng(j).uniform();
    if (logit_choice(u_accept, s.spec.model.rationality, draw) == 1) {
        m_effects.arrange_meeting(i, j, issue);
    } else {
        m_effects.log({EventType::Reject, j, i, issue, issue >= 0 ? s.status_quo(issue) : 0.0, "125", false},
                      [&] { return s.speaker(j) + " turns down talks with " + s.speaker(i); });
    }
}

void DecisionProcess::concede(int i, int j, int issue) {
    CrisisState& s = m_state;
    if (issue < 0) {
        return;
    }
    const double x = s.position(i, issue);
    const double toward = s.position(j, issue);
    const double step = std::min(std::abs(toward - x), s.reach(i, issue));
    const double to = x + (toward > x ? step : -step);
    s.move_position(i, issue, to);
    m_effects.log({EventType::Concession, i, j, issue, to, action_cameo(Action::Concede), true}, [&] {
        return s.leader(i) + " concedes ground to " + s.name(j) + " on " + s.issue_name(issue);
    });
    m_effects.update_demands();
    m_effects.refresh_grievance();
    m_effects.check_resolution();
    m_effects.prompt_decision(j);
}

}  // namespace brink::model
