// A stand-in for the run loop in component tests: records every effect a component sends (as text, in
// order) and carries out none, so that a component can be tested alone on a CrisisState.
#pragma once

#include "brink/engine/simulation.hpp"
#include "brink/model/crisis_state.hpp"
#include "brink/model/effects.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace brink::model::fixtures {

/// Records effects; `logged` keeps the events with their descriptions.
class FakeEffects : public Effects {
  public:
    struct Logged {
        double time = 0.0;  ///< The clock's time when logged (0 without a clock).
        LoggedEvent event;
        std::string cameo;
        std::string description;
    };
    std::vector<std::string> calls;  ///< e.g. "prompt 1", "jump 0 1", "log talks_failed 0 1", "war 0"
    std::vector<Logged> logged;
    Eigen::VectorXd grievance_value;  ///< What grievance() returns (zeros of the right size by default).
    const engine::Simulation* clock = nullptr;  ///< Times the logged events, if set.
    const CrisisState* state = nullptr;         ///< In its history, events take the history's time.

    void log(const LoggedEvent& event, Describe describe) override {
        const double now = state != nullptr && state->in_history() ? state->history_time
                           : clock != nullptr                      ? clock->now()
                                                                   : 0.0;
        logged.push_back({now, event, std::string(event.cameo), describe()});
        calls.push_back("log " + std::string(to_string(event.type)) + " " + std::to_string(event.source) +
                        " " + std::to_string(event.target));
    }
    void prompt_decision(int actor) override { calls.push_back("prompt " + std::to_string(actor)); }
    void jump_pressure(int actor, double delta) override {
        calls.push_back("jump " + std::to_string(actor) + " " + text(delta));
    }
    void step_onto_war(int actor) override { calls.push_back("step_onto_war " + std::to_string(actor)); }
    void call_off_talks(int actor) override { calls.push_back("call_off " + std::to_string(actor)); }
    void declare_war(int initiator, int target) override {
        calls.push_back("war " + std::to_string(initiator) +
                        (target >= 0 ? " " + std::to_string(target) : ""));
    }
    void fait_accompli(int seizer, int holder, int demand) override {
        calls.push_back("fait_accompli " + std::to_string(seizer) + " " + std::to_string(holder) + " " +
                        std::to_string(demand));
    }
    void mediate(int mediator) override { calls.push_back("mediate " + std::to_string(mediator)); }
    void update_demands() override { calls.push_back("update_demands"); }
    void refresh_grievance() override { calls.push_back("refresh_grievance"); }
    void check_resolution() override { calls.push_back("check_resolution"); }
    void relations_changed() override { calls.push_back("relations_changed"); }
    Eigen::VectorXd grievance() const override { return grievance_value; }
    void activate_demand(int demand, bool history, const ScriptedEventSpec*) override {
        calls.push_back("activate " + std::to_string(demand) + (history ? " history" : ""));
    }
    void arrange_meeting(int i, int j, int issue) override {
        calls.push_back("arrange " + std::to_string(i) + " " + std::to_string(j) + " " +
                        std::to_string(issue));
    }
    void meeting(int source, int target, int, bool, const std::string&) override {
        calls.push_back("meeting " + std::to_string(source) + " " + std::to_string(target));
    }
    void bdm_round_done(int issue, const std::vector<int>&, const BdmRound&,
                        const std::vector<double>&) override {
        calls.push_back("bdm_round " + std::to_string(issue));
    }
    void sample(SampleKind) override { calls.push_back("sample"); }
    void sample_if_logged() override { calls.push_back("sample_if_logged"); }

    /// True if `call` was recorded.
    bool called(const std::string& call) const {
        return std::find(calls.begin(), calls.end(), call) != calls.end();
    }
    /// The logged events of one type.
    std::vector<Logged> of_type(EventType type) const {
        std::vector<Logged> out;
        std::copy_if(logged.begin(), logged.end(), std::back_inserter(out),
                     [&](const Logged& l) { return l.event.type == type; });
        return out;
    }

  private:
    static std::string text(double value) {
        std::string s = std::to_string(value);
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') {
            s.pop_back();
        }
        return s;
    }
};

/// A scenario's state on a simulation, with fake effects: what a component test needs.
struct ComponentBench {
    explicit ComponentBench(ScenarioSpec scenario, std::uint64_t seed = 1)
        : spec(std::move(scenario)), sim(seed), state(spec) {
        effects.grievance_value = Eigen::VectorXd::Zero(state.n);
        effects.clock = &sim;
        effects.state = &state;
    }
    ScenarioSpec spec;
    engine::Simulation sim;
    CrisisState state;
    FakeEffects effects;
};

}  // namespace brink::model::fixtures
