// brink: how a run ends (docs/model.md §8): war, settlement, capitulation, a fait accompli (§11.6), or a
// standoff at the horizon.
#pragma once

#include "brink/engine/simulation.hpp"
#include "brink/model/crisis_state.hpp"
#include "brink/model/effects.hpp"
#include "brink/model/run_result.hpp"

#include <map>
#include <string>

namespace brink::model {

/// The outcomes component: judges the state and ends the run.
class Outcomes {
  public:
    Outcomes(CrisisState& state, engine::Simulation& sim, Effects& effects);

    /// Ends the run if every (demand, target) pair is resolved: a settlement or a capitulation (§8).
    void check_resolution();
    /// War begins: `initiator` against `target`, or, for target −1, against its war target (§11.1) or, with
    /// that mechanism off, the actor it was most hostile to at day 0 among those it is still hostile to (§8).
    /// Returns the target. The run stops here unless the war is fought as a process (§12.2).
    int declare_war(int initiator, int target);
    /// The holder accepted a seizure (§11.6): the run ends in a fait accompli.
    void fait_accompli(int seizer, int holder, int demand);
    /// The per-actor outcomes and the violence level, once the run has ended (the war's, if one was fought).
    void conclude(const std::map<std::string, ActorOutcome>& war_outcomes);
    /// The horizon was reached without an outcome.
    void standoff();
    /// The outcome (Standoff until one is reached).
    const Outcome& outcome() const { return m_outcome; }

  private:
    CrisisState& m_state;
    engine::Simulation& m_sim;
    Effects& m_effects;
    void set_principal_outcomes(ActorOutcome challengers, ActorOutcome targets);

    Outcome m_outcome;
    int m_fait_accompli_demand = -1;
};

}  // namespace brink::model
