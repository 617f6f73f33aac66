// brink: relations among actors (docs/model.md §1) and the expected support of third parties (§4).
// Plain state plus pure functions of it; the crisis model owns one Relations and moves it with events.
#pragma once

#include "brink/scenario.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <vector>

namespace brink::model {

/// docs/model.md §1.4: a declaration of support (scripted, decided or granted on request) adds this to D,
/// capped at 1.
inline constexpr double k_declaration_step = 0.5;
/// docs/model.md §1.4: a warning deters a fully irresolute, uncommitted third party by this much (a
/// scripted threat by exactly this much).
inline constexpr double k_warning_effect = 0.3;

/// Which reasons for a third party to take sides are counted (docs/model.md §4.1).
enum class SupportBasis {
    All,       ///< relative affinity, commitments and declarations
    FirmOnly,  ///< commitments and declarations only (how an actor discounts its opponent's friends)
};

/// Whose beliefs an estimate of support reflects (docs/model.md §4, "mutual optimism").
enum class Perspective {
    Objective,  ///< every third party counted with its full expected support (the metric p_prevail)
    Own,        ///< i's own estimate: friendly third parties count for i, only firm support for the opponent
};

/// Affinity, commitments, declared support and deterrence among n actors.
struct Relations {
    Eigen::MatrixXd affinity;    ///< A_ij: i's view of j, in [-1,1], diagonal 1.
    Eigen::MatrixXd commitment;  ///< F_kj: firmness with which k is bound to defend j, in [0,1].
    Eigen::MatrixXd declared;    ///< D_kj: support k has declared for j, in [0,1].
    Eigen::MatrixXd
        deterred;  ///< W_kj: how far j's warnings have deterred k from siding against j, in [0,1].

    /// Neutral relations among n actors (A = I, everything else 0).
    explicit Relations(int actor_count = 0);
    /// Number of actors.
    int size() const { return static_cast<int>(affinity.rows()); }
};

/// Builds the relations of a scenario: alliances, then explicit affinities (which override), then
/// commitments (docs/model.md §1). Throws std::invalid_argument on an unknown actor id.
Relations build_relations(const ScenarioSpec& spec);

/// Moves the affinity between i and j (both directions) after an event of Goldstein weight `goldstein`:
/// A += step·G/10·(1 - A) for cooperation, A += step·G/10·(1 + A) for conflict (docs/model.md §1.2).
void apply_event_to_affinity(Relations& relations, int i, int j, double goldstein, double affinity_step);

/// Adds `delta` to the affinity between i and j (both directions), clamped to [-1,1].
void shift_affinity(Relations& relations, int i, int j, double delta);

/// S_k(i|j): support third party k is expected to give i against j, in [0,1] (docs/model.md §4.1).
inline double third_party_support(const Relations& relations, int k, int i, int j, SupportBasis basis) {
    // Inline: the support loops of the trajectory and of every decision call it O(n) times.
    // docs/model.md §4.1: a noisy-OR of three reasons to side with i (relative affinity, treaty,
    // declaration), damped by j's warnings to k. From the opponent's own perspective only the firm reasons
    // count.
    const double relative_affinity =
        basis == SupportBasis::All ? std::max(0.0, relations.affinity(k, i) - relations.affinity(k, j)) / 2.0
                                   : 0.0;
    const double firm = 1.0 - (1.0 - relations.commitment(k, i)) * (1.0 - relations.declared(k, i));
    const double support = 1.0 - (1.0 - relative_affinity) * (1.0 - firm);
    return std::clamp(support * (1.0 - relations.deterred(k, j)), 0.0, 1.0);
}

/// Capability-weighted strength of i against j: w_i + Σ_{k≠i,j} w_k S_k(i|j) (docs/model.md §4.2).
/// `capability_share` holds w (sums to 1).
double coalition_strength(const Relations& relations, const Eigen::VectorXd& capability_share, int i, int j,
                          SupportBasis basis);

/// p_i(j): probability that i prevails over j in a war, from i's perspective or objectively (docs/model.md
/// §4.2).
double prevail_probability(const Relations& relations, const Eigen::VectorXd& capability_share, int i, int j,
                           Perspective perspective);

/// prevail_probability(i, j, Own) and prevail_probability(j, i, Own) in one pass over the third parties,
/// bitwise equal to the two calls (each of the four coalition sums is folded in the same order).
struct MutualPrevail {
    double i_over_j = 0.5;  ///< prevail_probability(relations, w, i, j, Perspective::Own)
    double j_over_i = 0.5;  ///< prevail_probability(relations, w, j, i, Perspective::Own)
};
MutualPrevail mutual_prevail_probabilities(const Relations& relations,
                                           const Eigen::VectorXd& capability_share, int i, int j);

/// The two trajectory metrics of i against its opponent j in one pass: expected_support_share(i, j) and
/// prevail_probability(i, j, Objective), bitwise equal to those functions (the same sums in the same order),
/// for half the evaluations of third_party_support.
struct SupportMetrics {
    double expected_support = 0.0;  ///< expected_support_share(relations, w, i, j)
    double p_prevail = 0.5;         ///< prevail_probability(relations, w, i, j, Perspective::Objective)
};
/// See SupportMetrics; j >= 0.
SupportMetrics support_metrics(const Relations& relations, const Eigen::VectorXd& capability_share, int i,
                               int j);
/// One term of support_metrics' sums: w_k S_k(i|j) with SupportBasis::All (k != i, j). It reads only row k of
/// columns i and j of the relation matrices.
inline double support_term(const Relations& relations, const Eigen::VectorXd& capability_share, int k, int i,
                           int j) {
    return capability_share(k) * third_party_support(relations, k, i, j, SupportBasis::All);
}
/// support_metrics(relations, w, i, j) from its terms, for_i[k] = support_term(k, i, j) and for_j[k] =
/// support_term(k, j, i) for every k != i, j (entries i and j are not read): the same sums in the same order,
/// so bitwise equal. Lets a caller that keeps the terms recompute only those whose inputs changed.
SupportMetrics fold_support_metrics(const Eigen::VectorXd& capability_share, int i, int j,
                                    const double* for_i, const double* for_j);
/// Capability-weighted share of the third parties' capability that i can expect on its side against j,
/// in [0,1] (the trajectory metric expected_support, docs/model.md §4.3).
double expected_support_share(const Relations& relations, const Eigen::VectorXd& capability_share, int i,
                              int j);

}  // namespace brink::model
