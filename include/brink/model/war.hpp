// brink: war as a process (docs/model.md §12.2; Lanchester 1916; Wagner 2000; Slantchev 2003, "The principle
// of convergence in wartime negotiations"; Reiter 2009).
//
// When war begins the third parties join the initiator's side or the target's with their joining
// probabilities (§11.1, drawn once), and each side deploys combat units in proportion to the square root of
// its strength, so that Lanchester strength (units²) is proportional to capability. A loses a unit at rate
// β N_B and B at rate β e N_A (the stochastic form of Lanchester's aimed-fire square law, dA/dt = −βB,
// dB/dt = −βeA), where e is A's true effectiveness relative to B, unknown to both, and β makes the first
// battles come at model.war.battle_rate per day; each casualty is a battle, which A wins with probability
// q = e N_A / (e N_A + N_B). Each side holds a belief over e on a grid (its prior centred
// where its pre-war estimate of its chance puts it) and updates it by Bayes' rule after every battle, so the
// two beliefs converge. After each battle the principals bargain: with each side's own estimate of A's chance
// of winning what remains, P = e(N_A² − C_A²)/(e(N_A² − C_A²) + N_B² − C_B²), and each side's remaining cost
// of war (its cost scaled by the share of the fighting still expected), a Fearon range either exists or not;
// when it does, both weigh its Rubinstein point against fighting on (logit) and may settle. The war also ends
// when a side's units fall to the collapse share of its start, or when both belligerents accept a third
// party's ceasefire (its leverage makes the ceasefire worth more to those it outweighs).
#pragma once

#include "brink/engine/rng.hpp"
#include "brink/engine/simulation.hpp"
#include "brink/model/crisis_state.hpp"
#include "brink/model/effects.hpp"
#include "brink/model/run_result.hpp"

#include <array>
#include <vector>

namespace brink::model {

/// The grid of effectiveness hypotheses e = 2^(−2 + 0.25 m), m = 0 … 16.
inline constexpr int k_effectiveness_grid = 17;

/// A side's belief over the effectiveness ratio e (weights on the grid, summing to 1).
using EffectivenessBelief = std::array<double, k_effectiveness_grid>;

/// The grid's e values.
const std::array<double, k_effectiveness_grid>& effectiveness_grid();

/// A belief centred (in log e) on `center` with the model's prior spread, normalised on the grid.
EffectivenessBelief effectiveness_prior(double center);

/// Bayes' rule after one battle that A won (`a_won`) with A, B units before it.
void update_effectiveness(EffectivenessBelief& belief, bool a_won, double units_a, double units_b);

/// A's chance of winning what remains of the war, for effectiveness e: e(N_A² − C_A²)/(e(N_A² − C_A²) + N_B²
/// − C_B²).
double win_probability(double e, double units_a, double units_b, double collapse_a, double collapse_b);

/// The same averaged over a belief.
double win_probability(const EffectivenessBelief& belief, double units_a, double units_b, double collapse_a,
                       double collapse_b);

/// The e that makes win_probability equal p (solved on the log scale; clamped to the grid's range).
double effectiveness_for(double p, double units_a, double units_b, double collapse_a, double collapse_b);

/// The fighting itself (docs/model.md §12.2): two forces in Lanchester's aimed-fire square law, as a
/// continuous-time Markov chain. A loses a unit at rate β N_B and B at rate β e N_A; β is set so that the
/// first casualty comes at `rate` per day.
class Battlefield {
  public:
    Battlefield(double units_a, double units_b, double effectiveness, double rate, double collapse_share);
    /// Days to the next battle (an exponential draw), or +inf when the war is over.
    double next_battle(engine::RngStream& rng) const;
    /// One battle: returns true when A wins (B loses a unit), with probability e N_A / (e N_A + N_B).
    bool fight(engine::RngStream& rng);
    /// A side's units have fallen to the collapse share of its start.
    bool a_collapsed() const { return units_a <= collapse_a; }
    bool b_collapsed() const { return units_b <= collapse_b; }
    bool over() const { return a_collapsed() || b_collapsed(); }
    double beta() const { return m_beta; }

    double units_a = 0.0;
    double units_b = 0.0;
    double start_a = 0.0;
    double start_b = 0.0;
    double collapse_a = 0.0;  ///< units at which A collapses
    double collapse_b = 0.0;
    double effectiveness = 1.0;  ///< e, A's per-unit effectiveness relative to B's

  private:
    double m_beta = 0.0;
};

/// What mediating is worth to a third party m (§12.2): its ties to both belligerents, weighted by its weight
/// among them, minus κ; −∞ when m could not mediate (one of the principals, or it proposed a ceasefire less
/// than k_contact_interval days before `now`).
double mediate_utility(const CrisisState& state, int mediator, double now);

/// The war component.
class WarProcess {
  public:
    WarProcess(CrisisState& state, engine::Simulation& sim, Effects& effects);

    /// War begins on `issue` between the initiator and the target: coalitions, units, the first battle.
    void begin(int initiator, int target, int issue);
    /// A third party proposes a ceasefire; it holds if both principals accept (§12.2).
    void mediate(int mediator);
    /// The war so far.
    const WarRecord& record() const { return m_record; }
    /// Per-actor outcomes of the war once it has ended (or at the horizon: stalemate for everyone).
    void actor_outcomes(const CrisisState& state, std::map<std::string, ActorOutcome>& out) const;
    /// The fighting so far.
    const Battlefield& battlefield() const { return m_field; }
    /// The two principals' beliefs over e.
    const EffectivenessBelief& belief_a() const { return m_belief_a; }
    const EffectivenessBelief& belief_b() const { return m_belief_b; }

  private:
    void join_coalitions();
    double side_strength(const std::vector<int>& side) const;
    void schedule_battle();
    void battle();
    bool try_settlement();
    void end(WarEnd how, double value);
    double remaining_cost(int principal) const;

    CrisisState& m_state;
    engine::Simulation& m_sim;
    Effects& m_effects;
    WarRecord m_record;
    int m_issue = -1;
    int m_a = -1;           ///< initiator
    int m_b = -1;           ///< target
    double m_x_a = 1.0;     ///< the initiator's position on the issue at the start
    double m_x_b = 0.0;     ///< the target's
    double m_cost_a = 0.0;  ///< the initiator's cost of this war (§11.1), at its start
    double m_cost_b = 0.0;
    Battlefield m_field{1.0, 1.0, 1.0, 1.0, 0.5};
    EffectivenessBelief m_belief_a{};
    EffectivenessBelief m_belief_b{};
    ActorOutcome m_outcome_a = ActorOutcome::Stalemate;
    ActorOutcome m_outcome_b = ActorOutcome::Stalemate;
    engine::RngStream* m_battles = nullptr;
};

}  // namespace brink::model
