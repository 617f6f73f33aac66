// When actors decide and what they do (docs/model.md §7.2–§7.4, §11).
#include "brink/model/decision_process.hpp"

#include "brink/model/bargaining.hpp"
#include "brink/model/choice.hpp"
#include "brink/model/offers.hpp"
#include "brink/model/relations.hpp"
#include "brink/model/seizures.hpp"
#include "brink/model/third_parties.hpp"
#include "brink/model/timing.hpp"
#include "brink/model/war.hpp"
#include "priorities.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace brink::model {

namespace {

/// docs/model.md §7.1: the decision problem a taste shock belongs to: the action, at the actor's rung.
std::size_t shock_key(const CrisisState& s, int i, Action action) {
    const int rung = std::clamp(s.rung[ix(i)], 0, s.war_rung_index);
    return static_cast<std::size_t>(rung) * static_cast<std::size_t>(k_action_count) +
           static_cast<std::size_t>(action);
}

/// docs/model.md §7.2: an actor concerned by an event decides 6 hours later.
constexpr double k_reaction_delay = 0.25;
/// docs/model.md §7.3: days an actor needs between two escalate decisions.
constexpr double k_escalation_dwell = 0.5;
/// docs/model.md §7.3: de-escalation is open to an actor whose pressure is above this (rungs).
constexpr double k_de_escalation_floor = 0.5;
/// docs/model.md §7.3: conceding is open while the two positions differ by more than this.
constexpr double k_concession_threshold = 0.02;
/// docs/model.md §11.3: backing down spends half the public commitment.
constexpr double k_commitment_spent = 0.5;
/// docs/model.md §12.1: a clash raises both sides' pressure by half a rung,
constexpr double k_clash_jump = 0.5;
/// but leaves each at least this far below the war threshold.
constexpr double k_clash_margin = 0.05;

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
    // §7.1: one shock per decision problem, an action at the actor's rung (the step onto war is not the step
    // onto mobilisation).
    const std::size_t rungs = static_cast<std::size_t>(state.war_rung_index) + 1;
    m_shocks.assign(n, PersistentShocks(static_cast<std::size_t>(k_action_count) * rungs));
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

void DecisionProcess::list_answers(int i, OptionList& options) const {
    // Requests for support and seizures are answered before anything else (docs/model.md §7.3, §11.6).
    const CrisisState& s = m_state;
    if (!s.seizures[ix(i)].empty()) {
        const PendingSeizure& seizure = s.seizures[ix(i)].front();
        const SeizureAnswer answer = seizure_answer(s, i, seizure.seizer, s.demands[ix(seizure.demand)],
                                                    View{i}, s.resolve(i), m_sim.now());
        options.push_back({Action::AcceptSeizure, answer.accept, seizure.seizer, seizure.demand});
        options.push_back({Action::FightSeizure, answer.fight, seizure.seizer, seizure.demand});
        return;
    }
    const PendingRequest request = s.requests[ix(i)].front();
    options.push_back(
        {Action::AnswerRequest, answer_request_utility(s, i, request), request.requester, request.opponent});
    options.push_back({Action::DeclineRequest, 0.0, request.requester, request.opponent});
}

void DecisionProcess::list_options(int i, OptionList& options) const {
    const CrisisState& s = m_state;
    options.clear();
    if (!s.seizures[ix(i)].empty() || !s.requests[ix(i)].empty()) {
        list_answers(i, options);
        return;
    }
    options.push_back({Action::Hold, 0.0, -1, -1});
    if (s.at_war) {
        // docs/model.md §12.2: the belligerents fight it out (the war process); others may mediate.
        const double mediate = s.war_side[ix(i)] == 0 && s.mechanisms().war_process
                                   ? mediate_utility(s, i, m_sim.now())
                                   : -std::numeric_limits<double>::infinity();
        if (std::isfinite(mediate)) {
            options.push_back({Action::Mediate, mediate, -1, -1});
        }
        return;
    }
    const int j = s.opponent(i);
    const int k = j >= 0 ? s.contested_issue(i, j) : -1;
    if (j >= 0 && k >= 0) {
        const Situation here = situation(i, j, k);
        list_opponent_options(i, here, options);
        list_force_options(i, here, options);
    }
    // Declare support for an ally in its conflict (third parties, docs/model.md §7.3).
    const AllyInConflict ally = ally_in_conflict(s, i);
    const double declare = ally.ally >= 0 ? declare_support_utility(s, i, ally) : 0.0;
    if (declare > 0.0) {
        options.push_back({Action::DeclareSupport, declare, ally.ally, ally.opponent});
    }
}

DecisionProcess::Situation DecisionProcess::situation(int i, int j, int k) const {
    const CrisisState& s = m_state;
    const double t = m_sim.now();
    Situation here;
    here.j = j;
    here.k = k;
    here.war_target = s.war_target(i, j, k);
    const int w = here.war_target;
    bool deadline_passed = false;
    for (const auto& d : s.demands) {
        if (d.active && d.challenger == i && d.issue == k) {
            deadline_passed = deadline_passed || d.deadline_passed;
            here.mine = &d;
        }
    }
    // docs/model.md §11.1: i's chances by its own beliefs, against its war target's coalition and against its
    // main opponent's; the talks' range from both sides' own estimates (§4.5).
    here.own = war_prospect(s, i, j, k, View{i}, t);
    here.theirs = war_prospect(s, j, i, k, View{j}, t);
    const WarProspect at_war = w == j ? here.own : war_prospect(s, i, w, k, View{i}, t);
    StakeInputs& in = here.in;
    in.own_position = s.position(i, k);
    in.opponent_position = s.position(j, k);
    in.target_position = s.holds(w, k) ? s.position(w, k) : in.opponent_position;
    in.status_quo = s.status_quo(k);
    in.salience = s.salience(i, k);
    in.p_opponent = here.own.p;
    in.p_war = at_war.p;
    in.own_cost = at_war.cost;
    in.opponent_cost = here.own.opponent_cost;
    in.resolve = s.resolve(i);
    in.risk_attitude = std::clamp(s.spec.actors[ix(i)].risk_attitude, -1.0, 1.0);
    in.own_nearness = s.nearness_to_war(i);
    in.opponent_nearness = s.nearness_to_war(j);
    in.holding_cost = s.holding_cost(i, t);
    in.deadline_passed = deadline_passed;
    if (s.mechanisms().commitment_problem) {
        // docs/model.md §11.5: war is weighed against the offer on the table, discounted by shifting power.
        const OfferOnTable offer = offer_on_table(s, i, j, k, here.theirs);
        in.peace_value =
            peace_value(s, offer, 1.0 - std::abs(in.own_position - in.status_quo) - in.holding_cost);
    }
    const WaitInputs wait{j, w, k, here.mine, in.own_position, in.target_position};
    in.wait_value = waiting_value(s, i, wait, t);
    here.terms = stakes(in);
    return here;
}

void DecisionProcess::list_opponent_options(int i, const Situation& here, OptionList& options) const {
    // docs/model.md §7.3, in the order the logit draw sees them.
    const CrisisState& s = m_state;
    const double now = m_sim.now();
    const int j = here.j;
    const int k = here.k;
    const StakeInputs& in = here.in;
    const Stakes& terms = here.terms;
    const int w = here.war_target;
    const double back_down = backing_down_cost(s.audience_weight(i), s.commitment(i), in.salience, 0.0, 0.0);
    if (now - s.last_escalation[ix(i)] >= k_escalation_dwell) {
        const bool into_war = s.rung[ix(i)] + 1 >= s.war_rung_index;
        options.push_back({Action::Escalate, escalate_utility(terms, into_war, in.risk_attitude), w, -1});
    }
    if (s.pressure->value(i, now) > k_de_escalation_floor) {
        options.push_back({Action::DeEscalate, de_escalate_utility(terms, back_down), w, -1});
    }
    options.push_back({Action::Threaten, threaten_utility(terms, 1.0 - s.public_commitment[ix(i)]), j, -1});
    const int line = s.threat_line(i, j);
    const bool held_back = s.mechanisms().sanction_threats && line >= 0;
    const bool failed = s.rung[ix(j)] > line || s.rung[ix(j)] >= s.war_rung_index || s.at_war ||
                        (here.mine != nullptr && here.mine->deadline_passed);
    options.push_back({Action::Sanction,
                       sanction_utility(terms, in.opponent_nearness, in.p_opponent, failed, held_back), j,
                       -1});
    const auto key = std::pair{std::min(i, j), std::max(i, j)};
    if (!s.meetings.count(key) && now - s.last_contact(i, j) >= k_contact_interval) {
        // The range from both sides' own estimates (§4.5), oriented so that its A wants high values.
        const bool i_high = in.own_position >= in.opponent_position;
        const BargainingRange range = i_high ? bargaining_range(s, i, j, here.own, here.theirs)
                                             : bargaining_range(s, j, i, here.theirs, here.own);
        options.push_back(
            {Action::ProposeTalks, propose_talks_utility(terms, in.own_position, range, in.resolve), j, -1});
    }
    // An actor that cannot move (reach 0: a salient issue of a fully resolute or committed actor) has no
    // concession to make.
    if (std::abs(in.own_position - in.opponent_position) > k_concession_threshold && s.reach(i, k) > 0.0) {
        const double cost = backing_down_cost(s.audience_weight(i), s.commitment(i), in.salience,
                                              s.params().reputation_cost, in.opponent_nearness);
        options.push_back({Action::Concede,
                           concede_utility(terms, s.threat_credibility(i, j), s.reach(i, k),
                                           std::abs(in.own_position - in.opponent_position), cost),
                           j, -1});
    }
    if (here.mine != nullptr && now - here.mine->last_reiterated >= k_contact_interval) {
        options.push_back({Action::Reiterate, reiterate_utility(terms, in.resolve), j, -1});
    }
    const ThirdPartyTargets third = third_party_targets(s, i, j, k, now);
    // docs/model.md §7.3: a third party is worth a warning or a request only if that is worth more than
    // holding course (an actor does not consider third parties that cannot matter to its conflict).
    const double warn = third.warn.actor >= 0 ? warn_third_party_utility(s, i, third.warn, in.salience) : 0.0;
    if (warn > 0.0) {
        options.push_back({Action::WarnThirdParty, warn, j, third.warn.actor});
    }
    const double request =
        third.patron.actor >= 0 ? request_support_utility(third.patron, in.salience, terms.gap) : 0.0;
    if (request > 0.0) {
        options.push_back({Action::RequestSupport, request, j, third.patron.actor});
    }
}

void DecisionProcess::list_force_options(int i, const Situation& here, OptionList& options) const {
    // docs/model.md §11.6, §12.1: with its forces mobilised, an actor may use force short of war.
    const CrisisState& s = m_state;
    const int w = here.war_target;
    if (s.rung[ix(i)] < s.mobilisation_rung || w < 0) {
        return;
    }
    if (s.mechanisms().clashes) {
        const double doubt = s.mechanisms().beliefs ? 1.0 - s.beliefs->resolute(w, i) : 1.0;
        options.push_back({Action::Clash, clash_utility(here.terms, here.in.own_nearness, doubt), w, -1});
    }
    const DemandState* d = here.mine;
    // Only a good someone holds (issues.<k>.held_by: territory, a decision that is its own) can be seized.
    if (!s.mechanisms().fait_accompli || d == nullptr || !d->open() || s.issue_holder[ix(d->issue)] < 0 ||
        s.issue_holder[ix(d->issue)] == i) {
        return;
    }
    // i's estimate that the holder accepts the loss rather than fight: the holder's own answer (§11.6) as i
    // reckons it, averaged over the holder's two types (§11.2).
    const BeliefParams& types = s.params().beliefs;
    const bool typed = s.mechanisms().beliefs;
    const double resolute = typed ? s.beliefs->resolute(i, w) : 1.0;
    double accept = 0.0;
    for (const auto& [weight, resolve] : {std::pair{resolute, typed ? types.resolute : s.resolve(w)},
                                          std::pair{1.0 - resolute, types.irresolute}}) {
        if (weight > 0.0) {
            const SeizureAnswer answer = seizure_answer(s, w, i, *d, View{i}, resolve, m_sim.now());
            accept += weight * answer.accept_probability(s.params().rationality);
        }
    }
    const double u_seized = 1.0 - std::abs(here.in.own_position - d->value);
    options.push_back({Action::Seize, seize_utility(here.terms, u_seized, accept), w,
                       static_cast<int>(d - s.demands.data())});
}

void DecisionProcess::decide(int i) {
    if (m_state.finished || (m_state.at_war && m_state.war_side[ix(i)] != 0)) {
        return;
    }
    read_firmness(m_state, i, m_sim.now());
    OptionList options;
    list_options(i, options);
    // docs/model.md §7.1: the logit as random utility with persistent shocks. Each action's shock lives for
    // an exponential time of mean τ, so that how often the engine asks an actor does not change how often it
    // errs, and is spent when the action is taken; at any one decision the choice is exactly the logit.
    std::array<double, OptionList::k_capacity> shocks{};
    const double tau = m_state.spec.model.choice_persistence;
    for (std::size_t o = 0; o < options.size(); ++o) {
        shocks[o] =
            m_shocks[ix(i)].at(shock_key(m_state, i, options[o].action), m_sim.now(), tau, choice_rng(i));
    }
    const std::size_t chosen = perturbed_choice(options.utilities(), m_state.spec.model.rationality,
                                                std::span<const double>(shocks.data(), options.size()));
    const Option option = options[chosen];
    if (option.action != Action::Hold) {
        m_shocks[ix(i)].spend(shock_key(m_state, i, option.action));
    }
    apply(i, option, option.other >= 0 ? m_state.contested_issue(i, option.other) : -1);
}

void DecisionProcess::signal(int sender, const SignalCost& cost) {
    if (m_state.mechanisms().beliefs) {
        m_state.beliefs->observe(sender, cost, m_state.params().rationality);
    }
}

void DecisionProcess::apply(int i, const Option& option, int issue) {
    CrisisState& s = m_state;
    const int j = option.other;
    const std::string_view cameo = action_cameo(option.action);
    const double stakes_ij =
        issue >= 0 ? s.salience(i, issue) * std::abs(s.position(i, issue) - s.status_quo(issue)) : 0.0;
    switch (option.action) {
        case Action::Hold:
            m_effects.log({EventType::Hold, i, -1, -1, 0.0, cameo, false},
                          [&] { return s.leader(i) + " holds course"; });
            break;
        case Action::Escalate:
            escalate(i, j, stakes_ij);
            break;
        case Action::DeEscalate:
            m_effects.log({EventType::DeEscalate, i, j, -1, 0.0, cameo, false},
                          [&] { return s.leader(i) + " de-escalates toward " + s.name(j); });
            if (s.commitment(i) > 0.0 && issue >= 0) {
                back_down(i, j, issue);
            }
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
            threaten(i, j, issue, stakes_ij);
            break;
        case Action::WarnThirdParty:
            warn_off(s, m_effects, i, j, option.third);
            break;
        case Action::Sanction:
            s.sanction_cost(j) += k_sanction_cost;
            m_effects.log({EventType::Sanction, i, j, -1, 0.0, cameo, true},
                          [&] { return s.leader(i) + " imposes sanctions on " + s.name(j); });
            signal(i, {stakes_ij, k_sanction_cost, 0.0});
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
        case Action::Mediate:
            m_effects.mediate(i);
            break;
        default:
            apply_force(i, option, issue);
            break;
    }
    m_effects.sample_if_logged();
}

void DecisionProcess::escalate(int i, int j, double stakes) {
    CrisisState& s = m_state;
    const int next = std::min(s.rung[ix(i)] + 1, s.war_rung_index);
    const std::string_view code = s.rung_cameo[ix(next)];
    m_effects.log(
        {EventType::Escalate, i, j, -1, 0.0, code.empty() ? action_cameo(Action::Escalate) : code, false},
        [&] { return s.leader(i) + " escalates against " + s.name(j); });
    s.last_escalation[ix(i)] = m_sim.now();
    // docs/model.md §11.2: moving forces is a costly signal (the running cost of readiness).
    if (next >= s.mobilisation_rung - 1) {
        signal(i, {stakes, k_action_cost + s.holding_cost(i, m_sim.now()), 0.0});
    }
    if (next >= s.war_rung_index) {
        m_effects.step_onto_war(i);
    } else {
        m_effects.jump_pressure(i, k_escalation_step);
    }
    m_effects.prompt_decision(j);
}

void DecisionProcess::threaten(int i, int j, int issue, double stakes) {
    // A threat is a signal: it moves affinity (so the Richardson reaction) but no rung by itself (§7.4); made
    // in public it ties the threatener's hands (§11.3).
    CrisisState& s = m_state;
    m_effects.log({EventType::Threat, i, j, -1, 0.0, action_cameo(Action::Threaten), true},
                  [&] { return s.speaker(i) + " warns " + s.name(j); });
    s.commit_publicly(i, k_threat_commitment, issue >= 0 ? s.salience(i, issue) : 0.0, stakes);
    s.threat_line(i, j) = s.rung[ix(j)];
    m_effects.prompt_decision(j);
}

void DecisionProcess::apply_force(int i, const Option& option, int issue) {
    CrisisState& s = m_state;
    const int w = option.other;
    const std::string_view cameo = action_cameo(option.action);
    switch (option.action) {
        case Action::Clash: {
            // docs/model.md §12.1: a limited use of force: a costly signal that raises both sides' pressure.
            ++s.clashes[ix(i)];
            m_effects.log({EventType::Clash, i, w, issue, 0.0, cameo, true},
                          [&] { return s.name(i) + " forces clash with " + s.name(w); });
            const double stakes_iw =
                issue >= 0 ? s.salience(i, issue) * std::abs(s.position(i, issue) - s.status_quo(issue))
                           : 0.0;
            signal(i, {stakes_iw, 3.0 * k_action_cost, 0.0});
            // Violence begets violence (Richardson), but a clash is not a war: neither side is pushed onto
            // the war rung by it; that step is a decision (§7.3) or the drift of the pressure.
            for (const int side : {i, w}) {
                const double room = s.thresholds[ix(s.war_rung_index)] - k_clash_margin -
                                    s.pressure->value(side, m_sim.now());
                if (room > 0.0) {
                    m_effects.jump_pressure(side, std::min(k_clash_jump, room));
                }
            }
            m_effects.prompt_decision(w);
            break;
        }
        case Action::Seize: {
            // docs/model.md §11.6: the good is taken; its holder must accept the loss or fight.
            DemandState& d = s.demands[ix(option.third)];
            const int k = d.issue;
            s.status_quo(k) = d.value;
            s.issue_holder[ix(k)] = i;
            s.seized = true;
            m_effects.log({EventType::Seizure, i, w, k, d.value, cameo, true},
                          [&] { return s.name(i) + " seizes " + s.issue_name(k) + " from " + s.name(w); });
            signal(i, {s.salience(i, k) * std::abs(s.position(i, k) - d.value), 2.0 * k_action_cost, 0.0});
            const double to_military_action =
                s.thresholds[ix(s.war_rung_index - 1)] + k_hysteresis - s.pressure->value(i, m_sim.now());
            if (to_military_action > 0.0) {
                m_effects.jump_pressure(i, to_military_action);
            }
            if (!s.finished) {
                s.seizures[ix(w)].push_back({i, option.third});
                m_effects.prompt_decision(w);
            }
            break;
        }
        case Action::AcceptSeizure: {
            const PendingSeizure seizure = s.seizures[ix(i)].front();
            s.seizures[ix(i)].erase(s.seizures[ix(i)].begin());
            m_effects.log({EventType::AcceptSeizure, i, seizure.seizer, issue, 0.0, cameo, true},
                          [&] { return s.leader(i) + " accepts the loss to " + s.name(seizure.seizer); });
            m_effects.fait_accompli(seizure.seizer, i, seizure.demand);
            break;
        }
        case Action::FightSeizure: {
            const PendingSeizure seizure = s.seizures[ix(i)].front();
            s.seizures[ix(i)].erase(s.seizures[ix(i)].begin());
            m_effects.declare_war(seizure.seizer, i);
            break;
        }
        default:
            break;
    }
}

void DecisionProcess::back_down(int i, int coercer, int issue) {
    // docs/model.md §11.3: backing down spends part of the public commitment, and observers read it as a sign
    // of irresolution (a type with little resolve backs down where a resolute one would not).
    CrisisState& s = m_state;
    const double stakes_i = s.salience(i, issue) * std::abs(s.position(i, issue) - s.status_quo(issue));
    const double fear = s.nearness_to_war(coercer) * s.salience(i, issue);
    if (s.mechanisms().beliefs) {
        // The likelihood of backing down is that of not standing firm: 1 − L(stand firm).
        const double firm_resolute = signal_likelihood(
            signal_net_value(s.params().beliefs.resolute, stakes_i, fear, 0.0), s.params().rationality);
        const double firm_irresolute = signal_likelihood(
            signal_net_value(s.params().beliefs.irresolute, stakes_i, fear, 0.0), s.params().rationality);
        s.beliefs->observe_likelihoods(i, 1.0 - firm_resolute, 1.0 - firm_irresolute);
    }
    s.public_commitment[ix(i)] *= k_commitment_spent;
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
        const WarProspect by_j = war_prospect(s, j, i, issue, View{j}, m_sim.now());
        const double u_status_quo = 1.0 - std::abs(s.position(j, issue) - s.status_quo(issue));
        const double u_war = by_j.p +
                             (1.0 - by_j.p) * (1.0 - std::abs(s.position(j, issue) - s.position(i, issue))) -
                             by_j.cost;
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
    back_down(i, j, issue);
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
