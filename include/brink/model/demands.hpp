// brink: demands and grievance (docs/model.md §3): when demands are put on the table and reiterated, their
// deadlines, how they are met, softened or withdrawn, and the grievance they feed into the pressure.
#pragma once

#include "brink/engine/simulation.hpp"
#include "brink/model/crisis_state.hpp"
#include "brink/model/effects.hpp"

#include <Eigen/Dense>

#include <string>

namespace brink::model {

/// What a demand asks of its targets in the words of the scenario's issue, for event descriptions:
/// `accept "no enlargement, ever" on NATO enlargement` at an end the scenario names, else
/// "move to 0.83 on NATO enlargement (1 = no enlargement, ever)"; positions with two decimals at most.
std::string demanded_text(const IssueSpec& issue, double value);

/// g of docs/model.md §3.1: γ·m_d·s_c·mean_t gap_dt for each challenger, γ·0.5·s_t·gap_dt for each open
/// target (γ = model.grievance; m_d = 2 once the deadline has passed).
Eigen::VectorXd grievance_vector(const CrisisState& state);

/// docs/model.md §3.2: targets that reached the demanded value have met it; a challenger that moved toward
/// the status quo softens its demand, and withdraws it on reaching the status quo; a demand every target met
/// moves the status quo.
void update_demands(CrisisState& state);

/// The demands component: activation, reiteration and deadlines as events.
class DemandProcess {
  public:
    DemandProcess(CrisisState& state, engine::Simulation& sim, Effects& effects);

    /// Schedules the demands made after day 0 (unless a scripted event makes them) and the deadlines.
    void schedule();
    /// Puts demand d on the table (a Demand event per target) or reiterates it (Reiterate). A scripted
    /// Demand event may name other targets, a CAMEO code and a description. In the history nobody is
    /// prompted and g is left for the start of the run.
    void activate(int demand, bool history, const ScriptedEventSpec* scripted);

  private:
    void on_deadline(int demand);

    CrisisState& m_state;
    engine::Simulation& m_sim;
    Effects& m_effects;
};

}  // namespace brink::model
