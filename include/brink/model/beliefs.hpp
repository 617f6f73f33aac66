// brink: beliefs about resolve (docs/model.md §11.2; Fearon 1995, 1997; Slantchev 2005).
//
// Every actor is, in the others' eyes, of one of two types: resolute (resolve r_R) or irresolute (r_I). An
// observer i holds π_ij, the probability that j is resolute, and reasons with j's expected resolve
// r̂_ij = π_ij r_R + (1 − π_ij) r_I wherever it must judge what j will do (fight, concede, honour a
// commitment). Costly signals move π by Bayes' rule; talk that costs nothing to send does not, since both
// types would send it. Beliefs are kept for the pairs that matter (those in a demand together, hostile at
// day 0, a defender committed to the other's counterpart, or set by the scenario); every other observer
// holds the public reputation, which the same signals move.
#pragma once

#include "brink/scenario.hpp"

#include <cstddef>
#include <utility>
#include <vector>

namespace brink::model {

/// Bayes' rule for two types: P(resolute | signal) = π L_R / (π L_R + (1 − π) L_I). Returns `prior` when
/// neither type would have sent the signal (L_R = L_I = 0).
double posterior_resolute(double prior, double likelihood_resolute, double likelihood_irresolute);

/// The net value of a costly signal to a type with resolve r: r·stakes − sunk_cost − (1 − r)·tied_cost.
/// A sunk cost is paid now by either type; a tied cost (an audience cost) is paid only by a type that backs
/// down later, which an irresolute type expects to do with probability 1 − r (Fearon 1997).
double signal_net_value(double resolve, double stakes, double sunk_cost, double tied_cost);

/// The probability that a type sends a signal of net value v: the logit of sending against not sending,
/// linearised at v = 0 and truncated, clamp(1/2 + λ v / 4, 0, 1). A signal worth ±2/λ or more to both types
/// is sent (or not) by both, and tells nothing.
double signal_likelihood(double net_value, double rationality);

/// What a costly action costs its sender, for the observers' inference (docs/model.md §11.2).
struct SignalCost {
    double stakes = 0.0;  ///< The sender's stakes: salience × gap on the contested issue.
    double sunk = 0.0;    ///< Paid now by either type.
    double tied = 0.0;    ///< Paid later by a type that backs down.
};

/// The beliefs of every actor about every other's resolve.
class Beliefs {
  public:
    /// n actors; `prior[j]` is j's public reputation (its probability of being resolute).
    Beliefs(const BeliefParams& params, std::vector<double> prior);

    /// Keeps a belief of its own for `observer` about `about` (starting at the public reputation, or
    /// `resolute` when given).
    void track(int observer, int about, double resolute = -1.0);
    /// π_ij: i's probability that j is resolute.
    double resolute(int observer, int about) const;
    /// r̂_ij = π_ij r_R + (1 − π_ij) r_I.
    double expected_resolve(int observer, int about) const;
    /// The public reputation of j (what observers without a belief of their own hold).
    double reputation(int about) const { return m_public[static_cast<std::size_t>(about)]; }
    /// Every observer updates its belief about `sender` after a costly signal (Bayes' rule with the two
    /// types' signal likelihoods). The sender's own view of itself is not kept.
    void observe(int sender, const SignalCost& cost, double rationality);
    /// The same with the two types' likelihoods given (for signals that are not the sending of a cost, such
    /// as backing down: the complement of standing firm).
    void observe_likelihoods(int sender, double likelihood_resolute, double likelihood_irresolute);
    /// One observer's own Bayes update about `about` from evidence with these two likelihoods (what only the
    /// observer sees, such as a target standing firm against its own threat, §11.8). No update for an
    /// untracked pair's public reputation.
    void observe_privately(int observer, int about, double likelihood_resolute, double likelihood_irresolute);
    /// Number of pairs with a belief of their own.
    std::size_t tracked_pairs() const { return m_tracked; }
    const BeliefParams& params() const { return m_params; }

  private:
    BeliefParams m_params;
    std::vector<double> m_public;
    // Per observer: (about, π) sorted by `about`.
    std::vector<std::vector<std::pair<int, double>>> m_own;
    std::size_t m_tracked = 0;
};

/// The public reputation that makes the others' expected resolve equal the actor's resolve r:
/// (r − r_I)/(r_R − r_I), kept inside [0.01, 0.99].
double reputation_for_resolve(double resolve, const BeliefParams& params);

}  // namespace brink::model
