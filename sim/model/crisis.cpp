// The crisis model's run loop (docs/architecture.md): builds the state and the components of one run on an
// engine::Simulation, carries out the effects the components send each other, and hands the observers
// every logged event and sample point.
#include "brink/model/crisis.hpp"

#include "brink/engine/simulation.hpp"
#include "brink/model/cameo.hpp"
#include "brink/model/crisis_state.hpp"
#include "brink/model/decision_process.hpp"
#include "brink/model/demands.hpp"
#include "brink/model/effects.hpp"
#include "brink/model/escalation_process.hpp"
#include "brink/model/outcomes.hpp"
#include "brink/model/recorder.hpp"
#include "brink/model/relations.hpp"
#include "brink/model/script.hpp"
#include "brink/model/talks.hpp"
#include "brink/model/war.hpp"

#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace brink::model {

namespace {

/// docs/model.md §1.2: events between actors move affinity; ladder crossings, holds, deadlines and outcome
/// markers are consequences of the state, not new signals, so they do not (that would double count the
/// Richardson reaction).
bool is_signal(EventType type) {
    return type != EventType::RungCrossing && type != EventType::War && type != EventType::Hold &&
           type != EventType::Settlement && type != EventType::Capitulation && type != EventType::Standoff &&
           type != EventType::DeadlinePassed;
}

class Crisis final : public Effects {
  public:
    Crisis(const ScenarioSpec& spec, std::uint64_t seed, const RunOptions& options)
        : m_sim(seed),
          m_state(spec),
          m_escalation(m_state, m_sim, *this),
          m_demands(m_state, m_sim, *this),
          m_talks(m_state, m_sim, *this),
          m_decisions(m_state, m_sim, *this),
          m_script(m_state, m_sim, *this),
          m_outcomes(m_state, m_sim, *this),
          m_war(m_state, m_sim, *this) {
        if (options.record_trajectory || options.record_events) {
            m_recorder.emplace(m_state, m_sim,
                               RecordOptions{options.record_trajectory, options.record_events,
                                             options.record_events && spec.output.bdm_rounds});
            m_observers.push_back(&*m_recorder);
        }
    }

    RunResult run();

    // --- Effects ---
    void log(const LoggedEvent& event, Describe describe) override;
    void prompt_decision(int actor) override { m_decisions.prompt(actor); }
    void jump_pressure(int actor, double delta) override { m_escalation.jump(actor, delta); }
    void step_onto_war(int actor) override { m_escalation.step_onto_war(actor); }
    void call_off_talks(int actor) override { m_talks.call_off(actor); }
    void declare_war(int initiator, int target) override;
    void fait_accompli(int seizer, int holder, int demand) override {
        m_outcomes.fait_accompli(seizer, holder, demand);
    }
    void mediate(int mediator) override { m_war.mediate(mediator); }
    void update_demands() override { model::update_demands(m_state); }
    void refresh_grievance() override { m_escalation.set_grievance(grievance_vector(m_state)); }
    void check_resolution() override { m_outcomes.check_resolution(); }
    void relations_changed() override { m_escalation.relations_changed(); }
    Eigen::VectorXd grievance() const override { return grievance_vector(m_state); }
    void activate_demand(int demand, bool history, const ScriptedEventSpec* scripted) override {
        m_demands.activate(demand, history, scripted);
    }
    void arrange_meeting(int i, int j, int issue) override { m_talks.arrange(i, j, issue); }
    void meeting(int source, int target, int issue, bool key, const std::string& description) override {
        m_talks.meeting(source, target, issue, key, description);
    }
    void bdm_round_done(int issue, const std::vector<int>& who, const BdmRound& round,
                        const std::vector<double>& moved_to) override {
        for (RunObserver* observer : m_observers) {
            observer->on_bdm_round(issue, who, round, moved_to);
        }
    }
    void sample(SampleKind kind) override {
        for (RunObserver* observer : m_observers) {
            observer->on_sample(kind, false);
        }
    }
    void sample_if_logged() override {
        for (RunObserver* observer : m_observers) {
            observer->on_sample(SampleKind::Event, true);
        }
    }

  private:
    RunResult result();

    engine::Simulation m_sim;
    CrisisState m_state;
    EscalationProcess m_escalation;
    DemandProcess m_demands;
    TalksProcess m_talks;
    DecisionProcess m_decisions;
    Script m_script;
    Outcomes m_outcomes;
    WarProcess m_war;
    std::optional<Recorder> m_recorder;
    std::vector<RunObserver*> m_observers;
    std::array<int, k_event_type_count> m_counts{};
};

void Crisis::log(const LoggedEvent& event, Describe describe) {
    const double goldstein = goldstein_weight(event.cameo);
    const double now =
        !std::isnan(event.time) ? event.time : (m_state.in_history() ? m_state.history_time : m_sim.now());
    ++m_counts[ix(static_cast<int>(event.type))];
    // History (before day 0) is already in the scenario's relations: only its explicit deltas apply (§1.3).
    if (is_signal(event.type) && !m_state.in_history() && event.source >= 0 && event.target >= 0 &&
        goldstein != 0.0) {
        apply_event_to_affinity(m_state.relations, event.source, event.target, goldstein,
                                m_state.spec.model.affinity_step);
        m_state.note_relations_written(event.source, event.target);
        m_state.note_relations_written(event.target, event.source);
        m_escalation.relations_changed();
    }
    for (RunObserver* observer : m_observers) {
        observer->on_event(now, event, goldstein, describe);
    }
}

void Crisis::declare_war(int initiator, int target) {
    if (m_state.at_war) {
        return;  // one war at a time: a second actor reaching the war rung is part of the war being fought
    }
    const int opponent = m_outcomes.declare_war(initiator, target);
    if (!m_state.finished && opponent >= 0) {
        // docs/model.md §12.2: the war is fought until it ends.
        const int other = m_state.opponent(initiator);
        const int issue = m_state.contested_issue(initiator, other >= 0 ? other : opponent);
        m_war.begin(initiator, opponent, issue >= 0 ? issue : m_state.contested_issue(initiator, opponent));
    }
}

RunResult Crisis::run() {
    m_script.apply_history();
    model::update_demands(m_state);
    m_state.standing_affinity = m_state.relations.affinity;
    m_escalation.start();
    // The order of these calls is the order of simultaneous events of equal priority (insertion sequence).
    m_script.schedule();
    m_demands.schedule();
    m_talks.start_rounds();
    m_decisions.start();
    if (m_recorder) {
        m_recorder->schedule_samples();
    }
    if (!m_state.finished) {
        m_sim.set_after_event(
            [](engine::Simulation&, void* self) { static_cast<Crisis*>(self)->m_escalation.flush(); }, this);
        engine::StopConditions stop;
        stop.horizon = m_state.horizon;
        m_sim.run(stop);
    }
    if (m_state.at_war) {
        m_state.finished = true;  // the war is still fought at the horizon: a stalemate so far
        m_state.at_war = false;
        sample(SampleKind::Final);
    } else if (!m_state.finished) {
        m_outcomes.standoff();
    } else if (m_sim.now() >= 0.0) {
        sample(SampleKind::Final);
    }
    std::map<std::string, ActorOutcome> war_outcomes;
    if (m_outcomes.outcome().kind == OutcomeKind::War) {
        m_war.actor_outcomes(m_state, war_outcomes);
    }
    m_outcomes.conclude(war_outcomes);
    return result();
}

RunResult Crisis::result() {
    const CrisisState& s = m_state;
    RunResult r;
    r.scenario = s.spec.metadata.name;
    r.seed = m_sim.seed();
    r.actor_ids = s.actor_ids;
    r.actor_names = s.actor_names;
    for (const auto& issue : s.spec.issues) {
        r.issue_ids.push_back(issue.id);
    }
    r.rung_names = s.rung_names;
    r.outcome = m_outcomes.outcome();
    if (r.outcome.kind == OutcomeKind::War && r.outcome.war.how != WarEnd::FirstShot) {
        const WarRecord& record = m_war.record();
        r.outcome.war.end = record.end;
        r.outcome.war.how = record.how;
        r.outcome.war.battles = record.battles;
        r.outcome.war.settlement = record.settlement;
        r.outcome.war.initiator_side = record.initiator_side;
        r.outcome.war.target_side = record.target_side;
    }
    if (m_recorder) {
        m_recorder->finish(r);
    }
    r.final_positions = s.position;
    r.affinity_start = s.standing_affinity;
    r.affinity_end = s.relations.affinity;
    r.peak_rung = m_escalation.peak().rung;
    r.peak_rung_actor = m_escalation.peak().actor;
    r.peak_rung_time = m_escalation.peak().time;
    for (int t = 0; t < k_event_type_count; ++t) {
        r.event_counts[to_string(static_cast<EventType>(t))] = m_counts[ix(t)];
    }
    r.engine_events = m_sim.events_processed();
    return r;
}

}  // namespace

RunResult run_crisis(const ScenarioSpec& spec, std::uint64_t seed, const RunOptions& options) {
    Crisis crisis(spec, seed, options);
    return crisis.run();
}

}  // namespace brink::model
