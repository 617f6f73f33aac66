// Escalation pressure and rung crossings on the engine (docs/model.md §2.2–§2.4).
#include "brink/model/escalation_process.hpp"

#include "priorities.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace brink::model {

namespace {

/// docs/model.md §2.3: days searched ahead for a rung crossing.
constexpr double k_crossing_window = 10.0;
/// docs/model.md §2.4: relative change of K (times `reaction`) that makes the daily batch rebuild the flow.
constexpr double k_reaction_deadband = 0.05;

}  // namespace

EscalationProcess::EscalationProcess(CrisisState& state, engine::Simulation& sim, Effects& effects)
    : m_state(state), m_sim(sim), m_effects(effects) {
    const auto n = ix(state.n);
    m_crossing.resize(n);
    m_crossing_context.resize(n);
    m_crossing_dirty.assign(n, 0);
}

void EscalationProcess::start() {
    CrisisState& s = m_state;
    m_reaction_used = reaction_matrix(s.relations.affinity, s.share, s.spec.model.reaction);
    s.pressure->set_dynamics(m_reaction_used, s.restraint, m_effects.grievance(), 0.0);
    m_relations_dirty = false;
    for (int i = 0; i < s.n; ++i) {
        if (s.rung[ix(i)] > m_peak.rung) {
            m_peak.rung = s.rung[ix(i)];
            m_peak.actor = i;
        }
        reschedule_crossings(i);
    }
    if (m_peak.rung >= s.war_rung_index) {
        m_effects.declare_war(m_peak.actor, -1);
    }
}

void EscalationProcess::relations_changed() {
    m_relations_dirty = true;
    if (m_relations_pending || m_state.in_history() || m_state.finished) {
        return;
    }
    // docs/model.md §2.4: the reaction matrix follows the affinities in a daily batch (end of the day).
    m_relations_pending = true;
    const double at = std::floor(m_sim.now()) + 1.0;
    if (at <= m_state.horizon) {
        m_sim.schedule_at(
            at, k_priority_relations,
            [](engine::Simulation&, void* self) {
                static_cast<EscalationProcess*>(self)->refresh_relations();
            },
            this);
    }
}

void EscalationProcess::refresh_relations() {
    CrisisState& s = m_state;
    m_relations_pending = false;
    s.mark_opponents_dirty();  // docs/model.md §4.3: the hostility fallback follows the daily batch
    if (!m_relations_dirty) {
        return;
    }
    m_relations_dirty = false;
    Eigen::MatrixXd& k = m_reaction_scratch;
    reaction_matrix(s.relations.affinity, s.share, s.spec.model.reaction, k);
    // docs/model.md §2.4: K follows the affinities with a deadband (a change of k_reaction_deadband·reaction,
    // i.e. 0.05 of affinity between equal rivals), unless hostility appears or vanishes somewhere (which
    // changes the components).
    const bool same_pattern = ((k.array() != 0.0) == (m_reaction_used.array() != 0.0)).all();
    if (same_pattern &&
        (k - m_reaction_used).cwiseAbs().maxCoeff() < k_reaction_deadband * s.spec.model.reaction) {
        m_relations_dirty = true;  // keep accumulating against the K in use
        return;
    }
    std::swap(m_reaction_used, k);
    s.pressure->set_dynamics(m_reaction_used, s.restraint, m_effects.grievance(), m_sim.now());
    for (int i = 0; i < s.n; ++i) {
        reschedule_crossings(i);
    }
}

void EscalationProcess::set_grievance(const Eigen::VectorXd& grievance) {
    for (const int i : m_state.pressure->set_grievances(grievance, std::max(0.0, m_sim.now()))) {
        mark_coupled(i);
    }
}

void EscalationProcess::reschedule_crossings(int i) {
    CrisisState& s = m_state;
    if (s.finished) {
        return;
    }
    // The pending crossing event, if any, is moved to its new time (EventQueue::reschedule: a new insertion
    // sequence, as a cancel followed by a new event would get) or cancelled when there is none.
    const engine::EventHandle previous = m_crossing[ix(i)];
    m_crossing[ix(i)] = {};
    const int r = s.rung[ix(i)];
    // docs/model.md §2.3: search a window of k_crossing_window days; if nothing crosses in it, look again at
    // its end. Crossing times stay exact; only the search is bounded.
    const double now = std::max(0.0, m_sim.now());
    const double window_end = std::min(s.horizon, now + k_crossing_window);
    s.pressure->sync_actor(i, now);
    const double low = r > 0 ? s.thresholds[ix(r)] : -1.0;
    // §2.3: the drift takes the step onto war only at the war line.
    const double high = r + 1 < s.war_rung_index    ? s.thresholds[ix(r + 1)]
                        : r + 1 == s.war_rung_index ? s.war_line()
                                                    : std::numeric_limits<double>::infinity();
    const double quiet = s.pressure->quiet_until(i, low, high, window_end);
    if (quiet > now) {
        // No crossing is possible before `quiet`: look again then (no search needed now).
        if (quiet < s.horizon) {
            m_crossing[ix(i)] = schedule_crossing_event(quiet, i, -1, previous);
        } else {
            m_sim.cancel(previous);
        }
        return;
    }
    std::optional<double> when;
    int next = r;
    if (r < s.war_rung_index) {
        when = s.pressure->next_crossing(i, high, engine::Crossing::Upward, window_end);
        next = r + 1;
    }
    if (r > 0) {
        const auto down = s.pressure->next_crossing(i, s.thresholds[ix(r)], engine::Crossing::Downward,
                                                    when ? *when : window_end);
        if (down && (!when || *down < *when)) {
            when = down;
            next = r - 1;
        }
    }
    if (when && *when >= m_sim.now()) {
        m_crossing[ix(i)] = schedule_crossing_event(*when, i, next, previous);
    } else if (window_end < s.horizon) {
        m_crossing[ix(i)] = schedule_crossing_event(window_end, i, -1, previous);
    } else {
        m_sim.cancel(previous);
    }
}

engine::EventHandle EscalationProcess::schedule_crossing_event(double time, int actor, int new_rung,
                                                               engine::EventHandle previous) {
    // The engine's fast path (a function pointer and a context, no closure to store): each actor has at most
    // one pending crossing event (m_crossing), so its context slot can be rewritten here. A still pending
    // `previous` (the actor's crossing event) is moved instead: same callback, priority and context, and a
    // new insertion sequence, so the order of events is the one a cancel and a new event would give.
    CrossingContext& context = m_crossing_context[ix(actor)];
    context = {this, actor, new_rung};
    if (m_sim.reschedule(previous, time)) {
        return previous;
    }
    return m_sim.schedule_at(
        time, k_priority_crossing,
        [](engine::Simulation&, void* raw) {
            const auto& event = *static_cast<const CrossingContext*>(raw);
            EscalationProcess* process = event.process;
            const int i = event.actor;
            if (event.new_rung >= 0) {
                process->on_crossing(i, event.new_rung);
            } else {
                // Nothing crossed in the window (or the quiet bound ran out): look again from here.
                process->m_crossing[ix(i)] = {};
                process->reschedule_crossings(i);
            }
        },
        &context);
}

void EscalationProcess::mark_coupled(int actor) {
    // Deferred to the end of the current event (flush), so that several changes in one event cost one
    // search per affected actor.
    for (const int i : m_state.pressure->coupled_with(actor)) {
        if (!m_crossing_dirty[ix(i)]) {
            m_crossing_dirty[ix(i)] = 1;
            m_dirty_list.push_back(i);
        }
    }
}

void EscalationProcess::flush() {
    // Ascending actor order keeps the insertion sequence (and so tie-breaking) independent of how the
    // changes arrived.
    std::sort(m_dirty_list.begin(), m_dirty_list.end());
    for (const int i : m_dirty_list) {
        m_crossing_dirty[ix(i)] = 0;
        reschedule_crossings(i);
    }
    m_dirty_list.clear();
}

void EscalationProcess::on_crossing(int actor, int new_rung) {
    CrisisState& s = m_state;
    m_crossing[ix(actor)] = {};
    // docs/model.md §2.3: snap just past the threshold (hysteresis of 1e-10 rung) so that the search for the
    // crossing back starts strictly on the far side (LinearFlow does not count a start on the threshold).
    const bool upward = new_rung > s.rung[ix(actor)];
    const int boundary = std::max(new_rung, s.rung[ix(actor)]);
    s.pressure->set_value(actor, s.thresholds[ix(boundary)] + (upward ? k_hysteresis : -k_hysteresis),
                          m_sim.now());
    set_rung(actor, new_rung);
    if (!s.finished) {
        mark_coupled(actor);
        const int j = s.opponent(actor);
        if (j >= 0 && new_rung > 0) {
            m_effects.prompt_decision(j);
        }
    }
    m_effects.sample_if_logged();
}

void EscalationProcess::set_rung(int actor, int rung) {
    CrisisState& s = m_state;
    rung = std::clamp(rung, 0, s.war_rung_index);
    const int old = s.rung[ix(actor)];
    if (rung == old) {
        return;
    }
    s.rung[ix(actor)] = rung;
    s.update_readiness_target(actor, std::max(0.0, m_sim.now()));
    const bool peak = rung > m_peak.rung;
    if (peak) {
        m_peak = {rung, actor, m_sim.now()};
    }
    // docs/model.md §11.1: moves up and down the ladder are aimed at the actor's war target.
    const int opponent = s.opponent(actor);
    const int j = opponent >= 0 ? s.war_target(actor, opponent, s.contested_issue(actor, opponent)) : -1;
    m_effects.log({EventType::RungCrossing, actor, j, -1, 0.0, s.rung_cameo[ix(rung)], peak}, [&] {
        return s.name(actor) + (rung > old ? " escalates to \"" : " steps down to \"") +
               s.rung_names[ix(rung)] + "\"";
    });
    if (rung >= s.war_rung_index) {
        m_effects.declare_war(actor, -1);
    } else if (rung == s.war_rung_index - 1 && old < rung && !s.in_history()) {
        m_effects.call_off_talks(actor);
    }
}

bool EscalationProcess::on_threshold(double pressure) const {
    return std::any_of(m_state.thresholds.begin() + 1, m_state.thresholds.end(),
                       [&](double t) { return std::abs(pressure - t) < k_hysteresis; });
}

void EscalationProcess::jump(int actor, double delta) {
    CrisisState& s = m_state;
    if (s.finished) {
        return;
    }
    const double now = std::max(0.0, m_sim.now());
    double e = s.pressure->jump(actor, delta, now);
    if (on_threshold(e)) {
        e = s.pressure->jump(actor, k_hysteresis, now);  // §2.3: never rest exactly on a threshold
    }
    set_rung(actor, s.rung_for_pressure(e));
    mark_coupled(actor);
}

void EscalationProcess::step_onto_war(int actor) {
    CrisisState& s = m_state;
    if (s.finished) {
        return;
    }
    const double now = std::max(0.0, m_sim.now());
    const double short_of_war =
        s.thresholds[ix(s.war_rung_index)] + k_hysteresis - s.pressure->value(actor, now);
    if (short_of_war > 0.0) {
        s.pressure->jump(actor, short_of_war, now);
    }
    set_rung(actor, s.war_rung_index);
    mark_coupled(actor);
}

}  // namespace brink::model
