// brink engine: exact advance of a linear system dx/dt = M x + g between events, and threshold crossings
// found on the closed form (hybrid DES: a crossing is scheduled as an event, never found by time stepping).
//
// Method. Write z = (x, 1) and A = [[M, g], [0, 0]] ((n+1) x (n+1)); then dz/dt = A z and
//     x(t) = [e^{A t} z0]_{0..n-1} = e^{M t} x0 + (integral_0^t e^{M s} ds) g,
// which needs no inverse of M, so a singular M (pure drift, a restraint of zero, a conserved quantity) is
// handled like any other. Four evaluation methods, chosen once in the constructor, in this order:
//   * Symmetric (M symmetric, or symmetric after a diagonal change of basis, M = D^{-1} S D with D positive
//     diagonal and max d / min d <= 1e4, e.g. Richardson reactions K_ij = h_ij 2 w_j / (w_i + w_j) with h
//     symmetric, where d_i = sqrt(w_i); and |eigenvalues| >= 1e-6 max|eigenvalue|): S = Q diag(l) Q^T with Q
//     orthogonal (Eigen's SelfAdjointEigenSolver), x* = -M^{-1} g, and
//     x(t) = x* + D^{-1} Q diag(e^{l t}) Q^T D (x0 - x*). Real spectrum, well conditioned (error a few ulps
//     times cond(M) max d / min d), and g enters only through x*, so set_drift() costs O(n^2).
//   * RealModal / ComplexModal (general M): A = V diag(lambda) V^{-1} (Eigen's EigenSolver), and
//     x(t) = Re(V diag(e^{lambda t}) V^{-1} z0), in real arithmetic when every eigenvalue is real. Used when
//     A is diagonalisable with a well-conditioned basis: eigen-residual ||A V p - V diag(lambda) p|| <= 1e-10
//     ||A|| ||V p|| on a probe p, and 1-norm condition number of V <= 1e6; relative error about cond(V)
//     1e-16. A singular but diagonalisable M (a conserved quantity with no drift) takes this path.
//   * Exponential (defective A, e.g. pure drift M = 0 with g != 0, or an ill-conditioned basis):
//     e^{A t} by Eigen's scaling-and-squaring Pade (unsupported/Eigen/MatrixFunctions), accurate to a few
//     ulps of ||e^{A t}||.
//
// Threshold crossings (first_crossing). f(t) = x_i(t) - threshold is evaluated on the closed form. On the
// modal path f(t) = Re(sum_k a_k e^{lambda_k t}) - threshold with a_k = V_ik (V^{-1} z0)_k, so one evaluation
// costs O(n). The search walks from t = 0 to t_max:
//   - a safe step: on [t, t + h], |f'| <= D = sum_k |a_k lambda_k| e^{Re(lambda_k) t} e^{max(Re lambda_k, 0)
//   h}
//     so no root can lie within h = |f(t)| / D; such steps are taken (capped at 1 / max(Re lambda)), which is
//     fast far from the threshold and rigorous (no crossing skipped);
//   - otherwise a grid step h_grid = min(0.05 / rho, t_max / 64), rho = max |lambda_k| (the fastest time
//     scale), checking the sign of f at its end; two crossings closer than h_grid (a graze) can be missed;
//   - an early exit when no mode grows and f(s) for all s >= t is confined to c +- sum_k |a_k|
//   e^{Re(lambda_k) t}
//     (c: the constant part, e.g. the equilibrium minus the threshold) with that band on f's side of zero:
//     the threshold is never reached. Real spectra are evaluated in real arithmetic.
// On the exponential path the walk uses the grid only (rho = ||M||_1), stepping z by a precomputed e^{A h}.
// The symmetric path evaluates f the same way with a_k = Q_ik (Q^T (x0 - x*))_k plus the constant x*_i.
// The first bracket with a sign change in the requested direction is refined by Brent's method to 1e-12 days;
// the returned time is the bracket's end on the far side of the threshold, so advance(x0, t*) has crossed
// (x_i >= threshold for Upward, <= for Downward), up to rounding of x_i itself.
// Crossing semantics: Upward = from strictly below to at-or-above; Downward = from strictly above to
// at-or-below; Either = the first of the two. A start exactly on the threshold is not a crossing. Callers
// that restart a search from a state sitting on the threshold should use hysteresis (search from the far
// side, or a threshold shifted by a small margin) so rounding does not report the same crossing again.
//
// Cost (n = dimension; release build, 2-core machine under load, n = 200 Richardson-type M with ~10 partners
// per actor): constructor O(n^3): about 10 ms symmetric, 50-100 ms general (eigen-decomposition, inverse).
// advance O(n^2): two matrix-vector products, real (about 15-25 us) or complex (about 100 us).
// first_crossing: O(n^2) setup plus O(n) per step (safe steps make it a few hundred us). Exponential path:
// advance O(n^3) per call; first_crossing O(n^3) setup plus O(n^2) per grid step. Build one LinearFlow per
// (M, g) and keep it while they do not change. Const methods may be called from several threads at once;
// set_drift() may not run concurrently with anything else on the same object.
#pragma once

#include <Eigen/Dense>

#include <cstdint>
#include <optional>

namespace brink::engine {

/// Direction of a threshold crossing.
enum class Crossing { Upward, Downward, Either };

/// dx/dt = M x + g with constant M (n x n) and g (n).
class LinearFlow {
  public:
    /// How advance() evaluates the closed form (chosen once by the constructor; see the file comment).
    enum class Method { Symmetric, RealModal, ComplexModal, Exponential };

    /// The flow of dx/dt = m x + g. Throws std::invalid_argument if m is not square, g's size differs, or an
    /// entry is not finite. O(n^3).
    LinearFlow(Eigen::MatrixXd m, Eigen::VectorXd g);
    /// Replaces g, keeping M. O(n^2) on the symmetric path (only the equilibrium moves); a full rebuild,
    /// O(n^3), on the others. Throws std::invalid_argument if g's size differs or an entry is not finite.
    void set_drift(const Eigen::VectorXd& g);
    /// x(t) from x(0) = x0, exactly (matrix exponential), for t >= 0 (finite, else std::invalid_argument).
    Eigen::VectorXd advance(const Eigen::VectorXd& x0, double t) const;
    /// out = advance(x0, t), bitwise, without allocating on the symmetric path once `out` has dimension n.
    /// `out` may be x0.
    void advance_into(const Eigen::VectorXd& x0, double t, Eigen::VectorXd& out) const;
    /// Earliest t in (0, t_max] at which component `index` of x(t) crosses `threshold` in `direction`,
    /// starting from x0; std::nullopt if none. Accurate to 1e-10 days (Brent's tolerance is 1e-12).
    /// Throws std::invalid_argument for a bad index, x0 size, or a t_max that is negative or not finite.
    std::optional<double> first_crossing(const Eigen::VectorXd& x0, int index, double threshold,
                                         Crossing direction, double t_max) const;
    /// n, the number of state components.
    int dimension() const;
    /// The evaluation method in use.
    Method method() const { return m_method; }
    /// True if a fast modal (eigen-decomposition) method is in use; false for the matrix-exponential path.
    bool uses_modal_path() const { return m_method != Method::Exponential; }
    /// Fastest rate of the system (1/day): max |eigenvalue| on the modal paths, ||M||_1 otherwise.
    double fastest_rate() const { return m_fastest_rate; }

  private:
    void check_start(const Eigen::VectorXd& x0) const;
    /// z0 = (x0, 1).
    Eigen::VectorXd augmented_start(const Eigen::VectorXd& x0) const;
    /// The symmetric path, when M is symmetric after a diagonal change of basis and well conditioned.
    bool try_symmetric(const Eigen::MatrixXd& m, const Eigen::VectorXd& g);
    /// The modal path on the augmented matrix, when its eigenvectors are accurate and well conditioned.
    bool try_augmented_modal();

    Eigen::MatrixXd
        m_augmented;  ///< A = [[M, g], [0, 0]] (every method keeps it; the exponential path uses it).
    int m_dimension;  ///< n.
    Method m_method = Method::Exponential;
    Eigen::MatrixXd m_real_vectors;  ///< Symmetric: D^{-1} Q (M's eigenvectors); RealModal: A's eigenvectors.
    Eigen::MatrixXd m_real_inverse;  ///< Symmetric: Q^T D; RealModal: V^{-1}.
    Eigen::VectorXd m_real_rates;    ///< Symmetric: M's eigenvalues; RealModal: A's eigenvalues.
    Eigen::VectorXd m_equilibrium;   ///< Symmetric: x* = -M^{-1} g.
    Eigen::MatrixXcd m_complex_vectors;  ///< ComplexModal: A's eigenvectors V.
    Eigen::MatrixXcd m_complex_inverse;  ///< ComplexModal: V^{-1}.
    Eigen::VectorXcd m_complex_rates;    ///< ComplexModal: A's eigenvalues.
    double m_fastest_rate = 0.0;         ///< rho (1/day).
    /// Identifies the decomposition and equilibrium in use (new at construction and at every set_drift; a
    /// copy keeps it, with the same contents), for the per-thread cache of symmetric_modal().
    std::uint64_t m_id = 0;

    /// Symmetric path: the modal coordinates Q^T D (x0 - x*), computed as advance() computes them. The last
    /// result is remembered per thread with (m_id, x0): a component's searches and advances from one state
    /// share it. The reference is valid until the next call on this thread.
    const Eigen::VectorXd& symmetric_modal(const Eigen::VectorXd& x0) const;
};

}  // namespace brink::engine
