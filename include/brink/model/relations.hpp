// brink: relations among actors (docs/model.md §1): affinity, commitments, declarations and deterrence.
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

/// A commitment that covers some issues only (docs/model.md §12.4).
struct ScopedCommitment {
    int defender = -1;
    int protege = -1;
    double firmness = 0.0;
    std::vector<int> issues;  ///< Issue indices it covers.
};

/// Affinity, commitments, declared support and deterrence among n actors.
struct Relations {
    Eigen::MatrixXd affinity;  ///< A_ij: i's view of j, in [-1,1], diagonal 1.
    Eigen::MatrixXd
        commitment;  ///< F_kj: firmness with which k is bound to defend j on every issue, in [0,1].
    std::vector<ScopedCommitment> scoped;  ///< Commitments that cover some issues only.
    Eigen::MatrixXd declared;              ///< D_kj: support k has declared for j, in [0,1].
    Eigen::MatrixXd
        deterred;  ///< W_kj: how far j's warnings have deterred k from siding against j, in [0,1].

    /// Neutral relations among n actors (A = I, everything else 0).
    explicit Relations(int actor_count = 0);
    /// Number of actors.
    int size() const { return static_cast<int>(affinity.rows()); }
    /// F_kj on `issue` (−1: no particular issue): the commitment covering every issue, or a scoped one that
    /// covers this issue, whichever is firmer.
    double commitment_on(int k, int j, int issue) const {
        double firmness = commitment(k, j);
        for (const ScopedCommitment& c : scoped) {
            if (c.defender == k && c.protege == j &&
                std::find(c.issues.begin(), c.issues.end(), issue) != c.issues.end()) {
                firmness = std::max(firmness, c.firmness);
            }
        }
        return firmness;
    }
};

/// Builds the relations of a scenario: alliances, then explicit affinities (which override), then
/// commitments, scoped to their issues where they name some (docs/model.md §1). Throws
/// std::invalid_argument on an unknown actor or issue id.
Relations build_relations(const ScenarioSpec& spec);

/// Moves the affinity between i and j (both directions) after an event of Goldstein weight `goldstein`:
/// A += step·G/10·(1 - A) for cooperation, A += step·G/10·(1 + A) for conflict (docs/model.md §1.2).
void apply_event_to_affinity(Relations& relations, int i, int j, double goldstein, double affinity_step);

/// Adds `delta` to the affinity between i and j (both directions), clamped to [-1,1].
void shift_affinity(Relations& relations, int i, int j, double delta);

}  // namespace brink::model
