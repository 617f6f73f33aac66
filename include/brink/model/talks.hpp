// brink: talks and the multilateral rounds (docs/model.md §3.4, §4.5): meetings between two actors that end
// in agreement, in "agree to keep talking" or in failure; follow-ups and meetings called off; and the
// weekly BDM rounds that move positions on every issue.
#pragma once

#include "brink/engine/simulation.hpp"
#include "brink/model/bdm.hpp"
#include "brink/model/crisis_state.hpp"
#include "brink/model/effects.hpp"

#include <string>
#include <vector>

namespace brink::model {

/// The talks component.
class TalksProcess {
  public:
    TalksProcess(CrisisState& state, engine::Simulation& sim, Effects& effects);

    /// A meeting of source and target now, on `issue` (-1: the issue they contest). docs/model.md §4.5.
    void meeting(int source, int target, int issue, bool key, const std::string& description);
    /// An accepted proposal: the two meet k_meeting_delay days later, unless they already have a meeting
    /// pending or it would fall after the horizon.
    void arrange(int proposer, int other, int issue);
    /// docs/model.md §4.5: military action by `actor` calls off every meeting pending with it.
    void call_off(int actor);
    /// Schedules the first BDM round (docs/model.md §3.4); each round schedules the next.
    void start_rounds();

  private:
    void fail(int source, int target, int issue, const DemandState* demand);
    void agree(int source, int target, int a, int b, int issue, double agreement, bool settles_demand);
    void keep_talking(int source, int target, int a, int b, int issue, double agreement);
    void run_bdm_round();

    CrisisState& m_state;
    engine::Simulation& m_sim;
    Effects& m_effects;
    std::vector<BdmActor> m_bdm_actors;  // scratch for run_bdm_round
    std::vector<int> m_bdm_who;          // scratch for run_bdm_round
    BdmRound m_bdm_round;                // scratch for run_bdm_round (its matrices are reused)
    std::vector<double> m_bdm_moved_to;  // scratch for run_bdm_round
};

}  // namespace brink::model
