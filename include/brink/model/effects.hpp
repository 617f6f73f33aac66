// brink: how a component of the crisis model reaches the others (docs/architecture.md).
//
// A component changes its own part of the CrisisState; a consequence for another mechanism (log an event,
// prompt a decision, jump an actor's pressure, call off talks, declare war, re-evaluate the demands) is an
// effect sent to the run loop through this interface, which the run loop (sim/model/crisis.cpp) carries out
// at once, in the order sent, by calling the component that owns it. Components therefore know this
// interface and the state, never each other.
#pragma once

#include "brink/model/run_result.hpp"
#include "brink/scenario.hpp"

#include <Eigen/Dense>

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

namespace brink::model {

/// A one-line description of an event, built only if someone records it (a non-owning reference to a
/// callable returning std::string; valid for the call it is passed to).
class Describe {
  public:
    template <typename Fn>
    requires(!std::is_same_v<std::remove_cvref_t<Fn>, Describe>)
        Describe(Fn&& describe)  // NOLINT(google-explicit-constructor): passed as a lambda at every call
        : m_callable(const_cast<void*>(static_cast<const void*>(std::addressof(describe)))),
          m_call([](void* callable) -> std::string {
              return (*static_cast<std::remove_reference_t<Fn>*>(callable))();
          }) {}
    /// The description.
    std::string operator()() const { return m_call(m_callable); }

  private:
    void* m_callable;
    std::string (*m_call)(void*);
};

/// An event of the model as logged (the EventRecord without its description and bookkeeping).
struct LoggedEvent {
    EventType type = EventType::Statement;
    int source = -1;         ///< Actor index or -1.
    int target = -1;         ///< Actor index or -1.
    int issue = -1;          ///< Issue index or -1.
    double value = 0.0;      ///< Value on the issue (meaningful when issue >= 0).
    std::string_view cameo;  ///< CAMEO code ("" for outcome markers).
    bool key = false;        ///< Labelled on charts (first occurrence, for repeatable signals).
    double time = k_unset;   ///< When it happened; NaN: now (or, in the history, the history's time).
};

/// Which trajectory sample (docs/outputs.md): the interval's, one after an event (skipped when
/// output.event_samples is false), or the state at the outcome.
enum class SampleKind { Interval, Event, Final };

/// The run loop as the components see it.
class Effects {
  public:
    virtual ~Effects() = default;
    /// Logs an event now (or at the history time): counts it, moves affinity by its Goldstein weight if it
    /// is a signal between actors (docs/model.md §1.2) and passes it to the observers.
    virtual void log(const LoggedEvent& event, Describe describe) = 0;
    /// The actor decides soon (docs/model.md §7.2).
    virtual void prompt_decision(int actor) = 0;
    /// Jumps the actor's escalation pressure by `delta` rungs (docs/model.md §2.3); the rung follows, up to
    /// the rung below war.
    virtual void jump_pressure(int actor, double delta) = 0;
    /// The actor's decision to start the war: its pressure is raised onto the war rung (docs/model.md §2.3:
    /// only a decision takes that step).
    virtual void step_onto_war(int actor) = 0;
    /// Military action calls off the talks pending with the actor (docs/model.md §4.5).
    virtual void call_off_talks(int actor) = 0;
    /// War begins: `initiator` against `target` (−1: the war target by the rule of docs/model.md §8).
    virtual void declare_war(int initiator, int target) = 0;
    /// The holder accepted a seizure: the run ends in a fait accompli (docs/model.md §11.6).
    virtual void fait_accompli(int seizer, int holder, int demand) = 0;
    /// A third party proposes a ceasefire to the belligerents (docs/model.md §12.2).
    virtual void mediate(int mediator) = 0;
    /// Re-evaluates every demand's state from the positions (docs/model.md §3.2).
    virtual void update_demands() = 0;
    /// Recomputes the grievance g from the demands and hands it to the pressure (docs/model.md §3.1).
    virtual void refresh_grievance() = 0;
    /// Ends the run if every demand is resolved (docs/model.md §8).
    virtual void check_resolution() = 0;
    /// Affinities changed: K follows in the daily batch (docs/model.md §2.4).
    virtual void relations_changed() = 0;
    /// The grievance vector g of docs/model.md §3.1 for the current state.
    virtual Eigen::VectorXd grievance() const = 0;
    /// Puts demand d on the table or reiterates it (docs/model.md §3.2).
    virtual void activate_demand(int demand, bool history, const ScriptedEventSpec* scripted) = 0;
    /// j accepted i's proposal of talks on `issue`: a meeting a few days later (docs/model.md §7.3).
    virtual void arrange_meeting(int i, int j, int issue) = 0;
    /// A meeting between source and target now (docs/model.md §4.5).
    virtual void meeting(int source, int target, int issue, bool key, const std::string& description) = 0;
    /// A BDM round on `issue` was computed among `who`; `moved_to` is where each will move (the observers
    /// hear it before the positions change).
    virtual void bdm_round_done(int issue, const std::vector<int>& who, const BdmRound& round,
                                const std::vector<double>& moved_to) = 0;
    /// Takes a trajectory sample (observers decide whether to record it).
    virtual void sample(SampleKind kind) = 0;
    /// Takes an event sample if anything was recorded since the last sample.
    virtual void sample_if_logged() = 0;
};

}  // namespace brink::model
