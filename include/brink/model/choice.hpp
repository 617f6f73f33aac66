// brink: the stochastic choice rule, logit quantal response (McKelvey & Palfrey 1995; docs/model.md §7).
#pragma once

#include "brink/engine/rng.hpp"

#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace brink::model {

/// P(a) = exp(λ U_a) / Σ exp(λ U_b), computed stably (subtract the max). λ = 0: uniform.
/// λ = +inf: equal mass on the maximisers. Throws std::invalid_argument for an empty set, λ < 0 or NaN, or a
/// non-finite utility.
std::vector<double> logit_probabilities(std::span<const double> utilities, double rationality);

/// Index drawn from the logit probabilities with one uniform draw u in [0,1) (inverse CDF; deterministic
/// for a given u). With λ → ∞ returns the argmax (ties broken by lowest index).
/// Throws std::invalid_argument as logit_probabilities does, or if u is outside [0,1).
std::size_t logit_choice(std::span<const double> utilities, double rationality, double uniform01);

/// A standard Gumbel taste shock −ln(−ln u) from one uniform draw u in [0,1) (u = 0 is taken as the smallest
/// positive double).
double gumbel_shock(double uniform01);

/// argmax over a of λ·U_a + ε_a (random utility, McFadden 1974; docs/model.md §7.1): with the ε_a independent
/// standard Gumbel shocks this draws exactly the logit of logit_probabilities. λ = +inf: the argmax of U
/// (ties to the lowest index); λ = 0: the argmax of ε. Throws std::invalid_argument as logit_probabilities
/// does, or if the two spans differ in size.
std::size_t perturbed_choice(std::span<const double> utilities, double rationality,
                             std::span<const double> shocks);

/// docs/model.md §7.1: an actor's taste shocks, one per action, each kept for an exponential life of mean τ
/// days and then drawn afresh, so that how often the engine asks an actor does not change how often it errs.
class PersistentShocks {
  public:
    explicit PersistentShocks(std::size_t actions);
    /// The shock of `action` at day `now`: the current one while its life lasts, else a new standard Gumbel
    /// shock with a new life (two draws from `rng`). τ = 0: a new shock at every call.
    double at(std::size_t action, double now, double tau, engine::RngStream& rng);
    /// The shock of `action` is spent: the next call draws a new one (acting on an impulse uses it up, so a
    /// repeatable action is not repeated at every decision while its shock lasts).
    void spend(std::size_t action) { m_renew_at[action] = -std::numeric_limits<double>::infinity(); }

  private:
    std::vector<double> m_value;
    std::vector<double> m_renew_at;
};

}  // namespace brink::model
