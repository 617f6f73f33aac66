// brink: when actors decide and what they do (docs/model.md §7.2–§7.4). Each actor decides at the times of
// a Poisson process of its own rate and shortly after any event that concerns it; it weighs the actions
// available to it (decisions.hpp, third_parties.hpp), picks one by the logit of choice.hpp with its own
// random stream, and carries it out.
#pragma once

#include "brink/engine/rng.hpp"
#include "brink/engine/simulation.hpp"
#include "brink/model/choice.hpp"
#include "brink/model/coalitions.hpp"
#include "brink/model/crisis_state.hpp"
#include "brink/model/decisions.hpp"
#include "brink/model/effects.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace brink::model {

/// One action an actor may take, with its utility.
struct Option {
    Action action = Action::Hold;
    double utility = 0.0;
    int other = -1;  ///< The counterpart (opponent, ally, requester).
    int third = -1;  ///< A third actor (the one warned off, the patron asked, the ally's opponent).
};

/// An actor's options at one decision (docs/model.md §7.3; at most k_capacity), kept on the stack.
class OptionList {
  public:
    static constexpr std::size_t k_capacity = 16;  ///< The most options an actor ever has at once.
    void clear() { m_size = 0; }
    void push_back(const Option& option);
    const Option& operator[](std::size_t k) const { return m_options[k]; }
    std::size_t size() const { return m_size; }
    /// The options' utilities, in order.
    std::span<const double> utilities() const { return {m_utilities.data(), m_size}; }

  private:
    std::array<Option, k_capacity> m_options{};
    std::array<double, k_capacity> m_utilities{};
    std::size_t m_size = 0;
};

/// The decision component.
class DecisionProcess {
  public:
    DecisionProcess(CrisisState& state, engine::Simulation& sim, Effects& effects);
    DecisionProcess(const DecisionProcess&) = delete;
    DecisionProcess& operator=(const DecisionProcess&) = delete;

    /// Schedules every actor's first Poisson decision (streams `actor/<id>/decide`).
    void start();
    /// The actor decides k_reaction_delay days from now (at most one such prompted decision pending).
    void prompt(int actor);
    /// The options actor i has now, in the order the logit draw sees them (for tests and the run).
    void list_options(int i, OptionList& options) const;

  private:
    /// Context of an actor's decision events (the engine's fast path).
    struct ActorContext {
        DecisionProcess* process = nullptr;
        int actor = -1;
    };
    void schedule_poisson(int actor);
    void decide(int actor);
    /// What i weighs against its main opponent j on their contested issue k (§7.3, §11).
    struct Situation {
        int j = -1;           ///< main opponent
        int k = -1;           ///< contested issue
        int war_target = -1;  ///< w (§11.1)
        StakeInputs in;       ///< the inputs of the terms
        Stakes terms;         ///< the terms
        WarProspect own;      ///< i against j, by i's beliefs
        WarProspect theirs;   ///< j against i, by j's beliefs (the offer on the table, the talks' range)
        const DemandState* mine = nullptr;  ///< i's own demand on k, if any
    };
    Situation situation(int i, int j, int k) const;
    void list_opponent_options(int i, const Situation& s, OptionList& options) const;
    void list_force_options(int i, const Situation& s, OptionList& options) const;
    void list_answers(int i, OptionList& options) const;
    void apply(int i, const Option& option, int issue);
    void apply_force(int i, const Option& option, int issue);
    void escalate(int i, int j, double stakes);
    void threaten(int i, int j, int issue, double stakes);
    void propose_talks(int i, int j, int issue);
    void concede(int i, int j, int issue);
    void back_down(int i, int coercer, int issue);
    void signal(int sender, const SignalCost& cost);
    engine::RngStream& decide_rng(int i);
    engine::RngStream& choice_rng(int i);

    CrisisState& m_state;
    engine::Simulation& m_sim;
    Effects& m_effects;
    std::vector<engine::EventHandle> m_prompted;
    std::vector<ActorContext> m_context;
    std::vector<std::string> m_decide_stream;
    std::vector<std::string> m_choice_stream;
    // The streams, looked up by name on first use and then kept (Simulation::rng's references stay valid for
    // the simulation's lifetime; creating a stream later or earlier does not change its draws).
    std::vector<engine::RngStream*> m_decide_rng;
    std::vector<engine::RngStream*> m_choice_rng;
    std::vector<PersistentShocks> m_shocks;  ///< §7.1: each actor's taste shocks.
};

}  // namespace brink::model
