// brink: the escalation ladder and the Richardson pressure system (docs/model.md §2).
//
// Pressure e (rung units, one entry per actor) follows de/dt = M e + g with M = K - diag(a) between events,
// advanced exactly by engine::LinearFlow. M is block diagonal over the connected components of the hostility
// graph (K_ij != 0 or K_ji != 0), so the system keeps one flow per component: a jump or a new grievance for
// one actor touches only its component, and a 200-actor run never exponentiates a 200x200 matrix unless all
// 200 actors are linked by hostility.
#pragma once

#include "brink/engine/linear_flow.hpp"
#include "brink/scenario.hpp"

#include <Eigen/Dense>

#include <memory>
#include <optional>
#include <vector>

namespace brink::model {

/// docs/model.md §7.3: rungs per escalate or de-escalate decision, and the default jump of a scripted
/// mobilisation.
inline constexpr double k_escalation_step = 1.0;

/// Rung index reached at pressure e: the highest rung whose threshold is <= e (docs/model.md §2.1).
int rung_at(const std::vector<double>& thresholds, double pressure);

/// Richardson reaction matrix K_ij = reaction · max(0, -A_ij) · 2 w_j / (w_i + w_j), zero diagonal
/// (docs/model.md §2.2). `capability_share` holds w.
Eigen::MatrixXd reaction_matrix(const Eigen::MatrixXd& affinity, const Eigen::VectorXd& capability_share,
                                double reaction);
/// The same into `k` (resized to n × n; no allocation when it has that size already).
void reaction_matrix(const Eigen::MatrixXd& affinity, const Eigen::VectorXd& capability_share,
                     double reaction, Eigen::MatrixXd& k);

/// Per-actor pressure advanced exactly between events, one LinearFlow per hostility component.
class PressureSystem {
  public:
    /// n actors, pressure `initial` at time `start`, no dynamics yet (call set_dynamics).
    PressureSystem(const Eigen::VectorXd& initial, double start);

    /// Replaces K, a and g at time `now` (state first advanced to now); recomputes the components.
    void set_dynamics(const Eigen::MatrixXd& reaction, const Eigen::VectorXd& restraint,
                      const Eigen::VectorXd& grievance, double now);
    /// Replaces g_i at time `now`; only i's component is rebuilt. No-op if unchanged.
    void set_grievance(int actor, double grievance, double now);
    /// Replaces the whole g at time `now`, rebuilding each component whose entries changed once. Returns the
    /// actors whose g changed (ascending).
    std::vector<int> set_grievances(const Eigen::VectorXd& grievance, double now);
    /// Adds `delta` to e_i at time `now`, clamping at 0 (docs/model.md §2.3). Returns the new value.
    double jump(int actor, double delta, double now);
    /// Sets e_i at time `now` (>= 0).
    void set_value(int actor, double value, double now);

    /// e_i(t) for t >= the component's last update, exactly.
    double value(int actor, double t) const;
    /// The whole vector e(t).
    Eigen::VectorXd values(double t) const;
    /// The same into `e` (resized to n), without allocating once it has that size.
    void values(double t, Eigen::VectorXd& e) const;
    /// Earliest absolute time in (last update, t_end] at which e_i crosses `threshold` in `direction`.
    std::optional<double> next_crossing(int actor, double threshold, engine::Crossing direction,
                                        double t_end) const;

    /// A time up to which e_i provably stays strictly inside (low, high), from a Grönwall bound on the
    /// component (docs/model.md §2.3): K and g only push up, restraint only pulls down.
    /// Returns the component's update time (no guarantee) when the bound cannot exclude a crossing within
    /// `t_end`. Cheap (O(component size)); used to skip first_crossing searches that cannot succeed.
    double quiet_until(int actor, double low, double high, double t_end) const;
    /// Advances i's component to `now` (no change of trajectory).
    void sync_actor(int actor, double now);
    /// Actors whose trajectories are coupled with `actor` (its component, itself included), ascending.
    const std::vector<int>& coupled_with(int actor) const;
    /// Number of components (1 for a fully linked hostility graph).
    int component_count() const { return static_cast<int>(m_components.size()); }
    /// Number of LinearFlow rebuilds so far (for benchmarks and tests).
    long long rebuilds() const { return m_rebuilds; }
    /// Number of updates of g alone (M's decomposition kept) so far.
    long long drift_updates() const { return m_drift_updates; }
    /// g as currently used.
    const Eigen::VectorXd& grievance() const { return m_grievance; }

  private:
    struct Component {
        std::vector<int> members;  // ascending actor indices
        std::unique_ptr<engine::LinearFlow> flow;
        Eigen::VectorXd origin;  // e at origin_time, in member order
        double origin_time = 0.0;
        double k_norm = 0.0;         // ||K||_inf of the component
        std::vector<double> k_rows;  // Σ_j K_ij over the members, per member (summed in member order)
        double g_norm = 0.0;         // ||g||_inf of the component
    };
    void sync(int component, double now);
    void rebuild(int component);
    void update_drift(int component);

    Eigen::MatrixXd m_reaction;
    Eigen::VectorXd m_restraint;
    Eigen::VectorXd m_grievance;
    std::vector<Component> m_components;
    std::vector<int> m_component_of;
    std::vector<int> m_local_index;
    long long m_rebuilds = 0;
    long long m_drift_updates = 0;
};

}  // namespace brink::model
