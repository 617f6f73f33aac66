// brink: how a run ends (docs/model.md §8): war, settlement, capitulation, or a standoff at the horizon.
#pragma once

#include "brink/engine/simulation.hpp"
#include "brink/model/crisis_state.hpp"
#include "brink/model/effects.hpp"
#include "brink/model/run_result.hpp"

namespace brink::model {

/// The outcomes component: judges the state and ends the run.
class Outcomes {
  public:
    Outcomes(CrisisState& state, engine::Simulation& sim, Effects& effects);

    /// Ends the run if every (demand, target) pair is resolved: a settlement or a capitulation (§8).
    void check_resolution();
    /// `initiator` reached the war rung: war against the actor it was most hostile to at day 0, among
    /// those it is still hostile to (its main opponent if none) (§8).
    void declare_war(int initiator);
    /// The horizon was reached without an outcome.
    void standoff();
    /// The outcome (Standoff until one is reached).
    const Outcome& outcome() const { return m_outcome; }

  private:
    CrisisState& m_state;
    engine::Simulation& m_sim;
    Effects& m_effects;
    Outcome m_outcome;
};

}  // namespace brink::model
