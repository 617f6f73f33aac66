// brink: escalation pressure and rung crossings as a process on the engine (docs/model.md §2).
//
// Owns the pending crossing event of every actor and the daily relations batch: it keeps the Richardson
// dynamics (CrisisState::pressure) fed with K, a and g, finds each actor's next rung crossing on the closed
// form and turns crossings and jumps into rung changes. Consequences for other mechanisms (a crossing event
// logged, the opponent prompted, talks called off, war declared) go to the run loop as effects.
#pragma once

#include "brink/engine/simulation.hpp"
#include "brink/model/crisis_state.hpp"
#include "brink/model/effects.hpp"

#include <Eigen/Dense>

#include <vector>

namespace brink::model {

/// Who reached the highest rung first, and when.
struct PeakRung {
    int rung = 0;
    int actor = -1;
    double time = 0.0;
};

/// The escalation component (docs/model.md §2.2–§2.4).
class EscalationProcess {
  public:
    EscalationProcess(CrisisState& state, engine::Simulation& sim, Effects& effects);
    EscalationProcess(const EscalationProcess&) = delete;
    EscalationProcess& operator=(const EscalationProcess&) = delete;

    /// At day 0, after the history: K from the affinities, g from the demands, every actor's first crossing
    /// searched; war if someone already stands on the war rung.
    void start();
    /// docs/model.md §2.3: e_i += delta (clamped at 0, never resting on a threshold); the rung follows, up to
    /// the rung below war.
    void jump(int actor, double delta);
    /// docs/model.md §2.3: the decision to start the war raises e_i onto the war rung.
    void step_onto_war(int actor);
    /// Affinities changed: K follows at the end of the day (docs/model.md §2.4).
    void relations_changed();
    /// g changed (docs/model.md §3.1): the components whose entries changed are searched again.
    void set_grievance(const Eigen::VectorXd& grievance);
    /// Recomputes the crossings marked during the event just run (the engine's after-event hook).
    void flush();
    /// The highest rung reached so far.
    const PeakRung& peak() const { return m_peak; }

  private:
    /// Context of an actor's pending crossing event (the engine's fast path).
    struct CrossingContext {
        EscalationProcess* process = nullptr;
        int actor = -1;
        int new_rung = -1;  ///< The rung reached, or -1 to look again.
    };
    void reschedule_crossings(int actor);
    engine::EventHandle schedule_crossing_event(double time, int actor, int new_rung,
                                                engine::EventHandle previous);
    void mark_coupled(int actor);
    void on_crossing(int actor, int new_rung);
    void set_rung(int actor, int rung);
    bool on_threshold(double pressure) const;
    void refresh_relations();

    CrisisState& m_state;
    engine::Simulation& m_sim;
    Effects& m_effects;
    Eigen::MatrixXd m_reaction_used;     // K as the flow uses it (§2.4)
    Eigen::MatrixXd m_reaction_scratch;  // the daily batch's new K, before it is compared with the one in use
    std::vector<engine::EventHandle> m_crossing;
    std::vector<CrossingContext> m_crossing_context;
    std::vector<char> m_crossing_dirty;
    std::vector<int> m_dirty_list;
    bool m_relations_dirty = false;
    bool m_relations_pending = false;
    PeakRung m_peak;
};

}  // namespace brink::model
