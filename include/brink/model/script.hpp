// brink: the scenario's script (docs/model.md §1.3): scripted events, the history before day 0 and what is
// already scheduled after it. History applies only what the scenario's relations and initial rungs do not
// already state; events after day 0 act like the model's own (they move affinities and prompt decisions).
#pragma once

#include "brink/engine/simulation.hpp"
#include "brink/model/crisis_state.hpp"
#include "brink/model/effects.hpp"

#include <string_view>

namespace brink::model {

/// The script component.
class Script {
  public:
    Script(CrisisState& state, engine::Simulation& sim, Effects& effects);

    /// Applies the scripted events with day < 0 and the demands made before day 0, in time order (stable
    /// for equal days), logged with their own negative times; then activates the demands made at or before
    /// day 0 that no scripted event makes.
    void apply_history();
    /// Schedules the scripted events from day 0 to the horizon.
    void schedule();

  private:
    void run(const ScriptedEventSpec& event, bool history);
    void apply_to_target(const ScriptedEventSpec& event, std::string_view cameo, int source, int target,
                         int issue, bool history);

    CrisisState& m_state;
    engine::Simulation& m_sim;
    Effects& m_effects;
};

}  // namespace brink::model
