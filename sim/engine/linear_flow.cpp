#include "brink/engine/linear_flow.hpp"

#include <unsupported/Eigen/MatrixFunctions>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <complex>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace brink::engine {

namespace {

using Complex = std::complex<double>;

// Above this 1-norm condition number of an eigenvector basis the modal path could lose more than ~1e-10 of
// relative accuracy, so the exponential path is used instead.
constexpr double kMaxModalCondition = 1e6;
// The symmetric path solves for the equilibrium with M's eigenvalues; it needs M well away from singular.
constexpr double kMinSymmetricEigenvalueRatio = 1e-6;
constexpr double kMaxEigenResidual = 1e-10;
// Largest ratio of the diagonal change of basis that makes M symmetric (see symmetrizing_scaling).
constexpr double kMaxScalingSpread = 1e4;
constexpr double kBrentTolerance = 1e-12;
constexpr double kGridFraction = 0.05;  // grid step as a fraction of the fastest time scale 1/rho
constexpr double kMinGridSteps = 64.0;  // at least this many grid steps over [0, t_max]

template <class Matrix>
double one_norm(const Matrix& a) {
    return a.rows() == 0 ? 0.0 : a.cwiseAbs().colwise().sum().maxCoeff();
}

// A positive diagonal D with D M D^{-1} symmetric, if there is one with a modest spread (max d / min d <=
// kMaxScalingSpread, so the change of basis costs at most that factor in accuracy). Such a D exists iff M_ij
// and M_ji are zero together or share their sign, and the ratios M_ji / M_ij are consistent around every
// cycle; then d_j = d_i sqrt(M_ij / M_ji) along a spanning forest of the off-diagonal pattern (d = 1 at each
// root). A symmetric M gets d = 1. Richardson systems with reactions proportional to the rival's share of
// capability, K_ij = h_ij 2 w_j / (w_i + w_j) with h symmetric, have d_i = sqrt(w_i).
std::optional<Eigen::VectorXd> symmetrizing_scaling(const Eigen::MatrixXd& m) {
    const Eigen::Index n = m.rows();
    const double scale = m.cwiseAbs().maxCoeff();
    Eigen::VectorXd d = Eigen::VectorXd::Zero(n);
    std::vector<Eigen::Index> stack;
    for (Eigen::Index root = 0; root < n; ++root) {
        if (d[root] != 0.0) {
            continue;
        }
        d[root] = 1.0;
        stack.assign(1, root);
        while (!stack.empty()) {
            const Eigen::Index i = stack.back();
            stack.pop_back();
            for (Eigen::Index j = 0; j < n; ++j) {
                if (j == i || d[j] != 0.0 || (m(i, j) == 0.0 && m(j, i) == 0.0)) {
                    continue;
                }
                if (!(m(i, j) * m(j, i) > 0.0)) {
                    return std::nullopt;  // one-way or sign-changing coupling: not symmetrizable
                }
                d[j] = d[i] * std::sqrt(m(i, j) / m(j, i));
                stack.push_back(j);
            }
        }
    }
    if (d.maxCoeff() > kMaxScalingSpread * d.minCoeff()) {
        return std::nullopt;
    }
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = i + 1; j < n; ++j) {
            const double upper = d[i] * m(i, j) / d[j];
            const double lower = d[j] * m(j, i) / d[i];
            if (std::abs(upper - lower) > 1e-13 * scale) {
                return std::nullopt;
            }
        }
    }
    return d;
}

bool crosses(double f_before, double f_after, Crossing direction) {
    const bool upward = f_before < 0.0 && f_after >= 0.0;
    const bool downward = f_before > 0.0 && f_after <= 0.0;
    switch (direction) {
        case Crossing::Upward:
            return upward;
        case Crossing::Downward:
            return downward;
        case Crossing::Either:
            return upward || downward;
    }
    return false;
}

// Brent's method (zeroin, Brent 1973) on a bracket [lo, hi] where f(lo) and f(hi) have opposite signs or
// f(hi) == 0. Returns the final bracket end on the side of the crossing that f reaches after it (f(hi)'s
// side), so the caller's state has crossed at the returned time.
template <class F>
double refine_crossing(const F& f, double lo, double f_lo, double hi, double f_hi) {
    if (f_hi == 0.0) {
        return hi;
    }
    const auto crossed_side = [f_lo](double value) { return f_lo < 0.0 ? value >= 0.0 : value <= 0.0; };
    double a = lo;
    double fa = f_lo;
    double b = hi;
    double fb = f_hi;
    double c = a;
    double fc = fa;
    double d = b - a;
    double e = d;
    const double eps = std::numeric_limits<double>::epsilon();
    for (int iteration = 0; iteration < 200; ++iteration) {
        if ((fb > 0.0 && fc > 0.0) || (fb < 0.0 && fc < 0.0)) {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if (std::abs(fc) < std::abs(fb)) {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        const double tol1 = 2.0 * eps * std::abs(b) + 0.5 * kBrentTolerance;
        const double xm = 0.5 * (c - b);
        if (fb == 0.0) {
            return b;
        }
        if (std::abs(xm) <= tol1) {
            break;
        }
        if (std::abs(e) >= tol1 && std::abs(fa) > std::abs(fb)) {
            // Inverse quadratic interpolation (secant when only two points are distinct).
            const double s = fb / fa;
            double p = 0.0;
            double q = 0.0;
            if (a == c) {
                p = 2.0 * xm * s;
                q = 1.0 - s;
            } else {
                const double qa = fa / fc;
                const double r = fb / fc;
                p = s * (2.0 * xm * qa * (qa - r) - (b - a) * (r - 1.0));
                q = (qa - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if (p > 0.0) {
                q = -q;
            }
            p = std::abs(p);
            const double min1 = 3.0 * xm * q - std::abs(tol1 * q);
            const double min2 = std::abs(e * q);
            if (2.0 * p < std::min(min1, min2)) {
                e = d;
                d = p / q;
            } else {
                d = xm;
                e = d;
            }
        } else {
            d = xm;
            e = d;
        }
        a = b;
        fa = fb;
        b += std::abs(d) > tol1 ? d : std::copysign(tol1, xm);
        fb = f(b);
    }
    return crossed_side(fb) ? b : c;
}

// One moving mode of a crossing search, with its bounds and its magnitude |e^{lambda t}|.
template <class Scalar>
struct SearchMode {
    Scalar a;               // coefficient
    Scalar lambda;          // rate
    double size;            // |a_k|
    double slope;           // |a_k lambda_k|, times e for a growing mode (see below)
    double magnitude;       // e^{Re(lambda_k) t} at the current t
    double next_magnitude;  // the same at the end of the step being evaluated
};

// The moving modes of f into `modes`; the constant ones join `constant` (which starts as offset -
// threshold). Returns the fastest growth rate among the moving modes (0 if none grows).
template <class Scalar>
double collect_modes(const Eigen::Matrix<Scalar, Eigen::Dynamic, 1>& coefficients,
                     const Eigen::Matrix<Scalar, Eigen::Dynamic, 1>& rates, double fastest_rate,
                     std::vector<SearchMode<Scalar>>& modes, double& constant) {
    // A mode whose rate is this small is constant over any horizon the engine sees: it joins the offset.
    const double constant_mode = 1e-14 * std::max(1.0, fastest_rate);
    modes.clear();
    double growth = 0.0;
    for (Eigen::Index k = 0; k < rates.size(); ++k) {
        if (std::abs(rates[k]) <= constant_mode) {
            constant += std::real(coefficients[k]);
        } else if (coefficients[k] != Scalar(0.0)) {
            // Over a step h <= 1/growth a growing mode's magnitude rises by at most a factor e.
            const double slope =
                std::abs(coefficients[k] * rates[k]) * (std::real(rates[k]) > 0.0 ? std::exp(1.0) : 1.0);
            modes.push_back({coefficients[k], rates[k], std::abs(coefficients[k]), slope, 1.0, 1.0});
            growth = std::max(growth, std::real(rates[k]));
        }
    }
    return growth;
}

// First crossing of f(t) = offset + Re(sum_k a_k e^{lambda_k t}) - threshold on (0, t_max], by safe steps,
// grid steps and Brent refinement (see the header). `f_start` is the exact f(0). Scalar is double for a real
// spectrum (cheaper: one real exponential per mode) or std::complex<double>.
template <class Scalar>
std::optional<double> modal_crossing(const Eigen::Matrix<Scalar, Eigen::Dynamic, 1>& coefficients,
                                     const Eigen::Matrix<Scalar, Eigen::Dynamic, 1>& rates, double offset,
                                     double threshold, double f_start, Crossing direction, double t_max,
                                     double fastest_rate) {
    using Mode = SearchMode<Scalar>;
    // A per-thread buffer reused from search to search: no allocation once it has grown to the largest
    // dimension.
    thread_local std::vector<Mode> modes;
    double constant = offset - threshold;
    const double growth = collect_modes(coefficients, rates, fastest_rate, modes, constant);
    const auto f = [&](double time) {
        Scalar sum = 0.0;
        for (const Mode& mode : modes) {
            sum += mode.a * std::exp(mode.lambda * time);
        }
        return constant + std::real(sum);
    };
    // The bounds at t: slope_bound >= |f'| on [t, t + h] (h <= 1/growth), reach >= |f(s) - constant| for all
    // s >= t when no mode grows. For a real spectrum the exponentials that evaluate f at the end of a step
    // are the magnitudes at the start of the next, so each step costs one exponential per mode.
    const auto evaluate_step_end = [&](double time) {
        Scalar sum = 0.0;
        for (Mode& mode : modes) {
            const Scalar growth_factor = std::exp(mode.lambda * time);
            sum += mode.a * growth_factor;
            if constexpr (std::is_same_v<Scalar, double>) {
                mode.next_magnitude = growth_factor;
            } else {
                mode.next_magnitude = std::exp(std::real(mode.lambda) * time);
            }
        }
        return constant + std::real(sum);
    };
    const double h_grid = fastest_rate > 0.0 ? std::min(kGridFraction / fastest_rate, t_max / kMinGridSteps)
                                             : t_max / kMinGridSteps;
    const double growth_cap = growth > 0.0 ? 1.0 / growth : std::numeric_limits<double>::infinity();
    double t = 0.0;
    double f_before = f_start;
    while (t < t_max) {
        double slope_bound = 0.0;
        double reach = 0.0;
        for (const Mode& mode : modes) {
            slope_bound += mode.slope * mode.magnitude;
            reach += mode.size * mode.magnitude;
        }
        // With every moving mode decaying, f stays within constant +- reach from now on; if that band
        // excludes zero, f keeps its sign for ever.
        if (growth <= 0.0 && std::abs(constant) > reach && (constant > 0.0) == (f_before > 0.0)) {
            return std::nullopt;
        }
        const double safe =
            slope_bound > 0.0 ? std::abs(f_before) / slope_bound : std::numeric_limits<double>::infinity();
        const double h = safe >= h_grid ? std::min(safe, growth_cap) : h_grid;
        const double t_next = std::min(t + std::max(h, h_grid), t_max);
        const double f_after = evaluate_step_end(t_next);
        if (crosses(f_before, f_after, direction)) {
            return refine_crossing(f, t, f_before, t_next, f_after);
        }
        t = t_next;
        f_before = f_after;
        for (Mode& mode : modes) {
            mode.magnitude = mode.next_magnitude;
        }
    }
    return std::nullopt;
}

std::uint64_t next_flow_id() {
    static std::atomic<std::uint64_t> counter{0};
    return counter.fetch_add(1, std::memory_order_relaxed) + 1;  // 0 is never used
}

}  // namespace

const Eigen::VectorXd& LinearFlow::symmetric_modal(const Eigen::VectorXd& x0) const {
    struct Remembered {
        std::uint64_t id = 0;
        Eigen::VectorXd x0;
        Eigen::VectorXd difference;
        Eigen::VectorXd modal;
    };
    thread_local Remembered last;
    if (last.id == m_id && last.x0.size() == x0.size() &&
        std::memcmp(last.x0.data(), x0.data(), static_cast<std::size_t>(x0.size()) * sizeof(double)) == 0) {
        return last.modal;
    }
    last.difference = x0 - m_equilibrium;
    last.modal.resize(m_dimension);
    last.modal.noalias() = m_real_inverse * last.difference;
    last.x0 = x0;
    last.id = m_id;
    return last.modal;
}

LinearFlow::LinearFlow(Eigen::MatrixXd m, Eigen::VectorXd g)
    : m_dimension(static_cast<int>(m.rows())), m_id(next_flow_id()) {
    if (m.rows() != m.cols() || g.size() != m.rows()) {
        throw std::invalid_argument("LinearFlow: M must be square and g must have as many rows as M");
    }
    if (!m.allFinite() || !g.allFinite()) {
        throw std::invalid_argument("LinearFlow: M and g must be finite");
    }
    const Eigen::Index n = m.rows();
    m_augmented = Eigen::MatrixXd::Zero(n + 1, n + 1);
    m_augmented.topLeftCorner(n, n) = m;
    m_augmented.topRightCorner(n, 1) = g;
    if (n == 0) {
        m_method = Method::Exponential;
        return;
    }

    if (try_symmetric(m, g) || try_augmented_modal()) {
        return;
    }
    m_method = Method::Exponential;
    m_fastest_rate = one_norm(m);
}

bool LinearFlow::try_symmetric(const Eigen::MatrixXd& m, const Eigen::VectorXd& g) {
    // Symmetric, or symmetric after a diagonal change of basis (M = D^{-1} S D): orthogonal eigenvectors of
    // S, x(t) = x* + D^{-1} Q e^{Lt} Q^T D (x0 - x*).
    if (const auto scaling = symmetrizing_scaling(m)) {
        const Eigen::VectorXd& d = *scaling;
        Eigen::MatrixXd s = d.asDiagonal() * m * d.cwiseInverse().asDiagonal();
        s = 0.5 * (s + s.transpose()).eval();  // exactly symmetric (the two halves agree to rounding)
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(s);
        if (solver.info() == Eigen::Success) {
            const Eigen::VectorXd& values = solver.eigenvalues();
            const double largest = values.cwiseAbs().maxCoeff();
            const double smallest = values.cwiseAbs().minCoeff();
            if (smallest > kMinSymmetricEigenvalueRatio * largest) {
                m_method = Method::Symmetric;
                m_real_vectors = d.cwiseInverse().asDiagonal() * solver.eigenvectors();
                m_real_inverse = solver.eigenvectors().transpose() * d.asDiagonal();
                m_real_rates = values;
                m_equilibrium = -(m_real_vectors * (m_real_inverse * g).cwiseQuotient(values));
                m_fastest_rate = largest;
                return true;
            }
        }
    }
    return false;
}

bool LinearFlow::try_augmented_modal() {
    const Eigen::Index n = m_dimension;
    // General M: eigen-decomposition of the augmented matrix (handles a singular but diagonalisable case).
    const Eigen::EigenSolver<Eigen::MatrixXd> solver(m_augmented, true);
    if (solver.info() == Eigen::Success) {
        Eigen::MatrixXcd vectors = solver.eigenvectors();
        Eigen::VectorXcd values = solver.eigenvalues();
        // Residual of A V = V L on a fixed probe vector: O(n^2) instead of a full product.
        const Eigen::VectorXcd probe =
            Eigen::VectorXcd::LinSpaced(n + 1, Complex(1.0, 0.5), Complex(0.3, -1.0));
        const Eigen::VectorXcd vp = vectors * probe;
        const Eigen::VectorXcd residual =
            m_augmented.cast<Complex>() * vp - vectors * values.cwiseProduct(probe);
        const double residual_scale =
            std::max(m_augmented.norm() * vp.norm(), std::numeric_limits<double>::min());
        const bool real = values.imag().cwiseAbs().maxCoeff() == 0.0;
        if (residual.allFinite() && residual.norm() <= kMaxEigenResidual * residual_scale) {
            if (real) {
                Eigen::MatrixXd real_vectors = vectors.real();
                const Eigen::PartialPivLU<Eigen::MatrixXd> lu(real_vectors);
                Eigen::MatrixXd inverse = lu.inverse();
                const double condition = one_norm(real_vectors) * one_norm(inverse);
                if (std::isfinite(condition) && condition <= kMaxModalCondition) {
                    m_method = Method::RealModal;
                    m_real_vectors = std::move(real_vectors);
                    m_real_inverse = std::move(inverse);
                    m_real_rates = values.real();
                    m_fastest_rate = m_real_rates.cwiseAbs().maxCoeff();
                    return true;
                }
            } else {
                const Eigen::PartialPivLU<Eigen::MatrixXcd> lu(vectors);
                Eigen::MatrixXcd inverse = lu.inverse();
                const double condition = one_norm(vectors) * one_norm(inverse);
                if (std::isfinite(condition) && condition <= kMaxModalCondition) {
                    m_method = Method::ComplexModal;
                    m_complex_vectors = std::move(vectors);
                    m_complex_inverse = std::move(inverse);
                    m_complex_rates = std::move(values);
                    m_fastest_rate = m_complex_rates.cwiseAbs().maxCoeff();
                    return true;
                }
            }
        }
    }
    return false;
}

void LinearFlow::set_drift(const Eigen::VectorXd& g) {
    if (g.size() != m_dimension || !g.allFinite()) {
        throw std::invalid_argument("LinearFlow::set_drift: g must be finite and have dimension n");
    }
    if (m_method == Method::Symmetric) {
        // M's eigen-decomposition does not involve g: only the equilibrium moves. O(n^2).
        m_augmented.topRightCorner(m_dimension, 1) = g;
        m_equilibrium = -(m_real_vectors * (m_real_inverse * g).cwiseQuotient(m_real_rates));
        m_id = next_flow_id();  // the equilibrium moved: remembered modal coordinates no longer apply
        return;
    }
    // The other paths decompose the augmented matrix, which contains g.
    *this = LinearFlow(m_augmented.topLeftCorner(m_dimension, m_dimension), g);
}

int LinearFlow::dimension() const {
    return m_dimension;
}

void LinearFlow::check_start(const Eigen::VectorXd& x0) const {
    if (x0.size() != m_dimension) {
        throw std::invalid_argument("LinearFlow: x0 has the wrong dimension");
    }
}

Eigen::VectorXd LinearFlow::augmented_start(const Eigen::VectorXd& x0) const {
    Eigen::VectorXd z0(m_dimension + 1);
    z0.head(m_dimension) = x0;
    z0[m_dimension] = 1.0;
    return z0;
}

Eigen::VectorXd LinearFlow::advance(const Eigen::VectorXd& x0, double t) const {
    if (!(t >= 0.0) || !std::isfinite(t)) {
        throw std::invalid_argument("LinearFlow::advance: t must be finite and >= 0");
    }
    check_start(x0);
    if (t == 0.0) {
        return x0;
    }
    switch (m_method) {
        case Method::Symmetric: {
            const Eigen::VectorXd modal = m_real_inverse * (x0 - m_equilibrium);
            return m_equilibrium +
                   m_real_vectors * modal.cwiseProduct((m_real_rates * t).array().exp().matrix());
        }
        case Method::RealModal: {
            const Eigen::VectorXd modal = m_real_inverse * augmented_start(x0);
            return m_real_vectors.topRows(m_dimension) *
                   modal.cwiseProduct((m_real_rates * t).array().exp().matrix());
        }
        case Method::ComplexModal: {
            const Eigen::VectorXcd modal = m_complex_inverse * augmented_start(x0).cast<Complex>();
            return (m_complex_vectors.topRows(m_dimension) *
                    modal.cwiseProduct((m_complex_rates * t).array().exp().matrix()))
                .real();
        }
        case Method::Exponential:
            break;
    }
    return (m_augmented * t).exp().topRows(m_dimension) * augmented_start(x0);
}

void LinearFlow::advance_into(const Eigen::VectorXd& x0, double t, Eigen::VectorXd& out) const {
    if (m_method != Method::Symmetric || !(t > 0.0) || !std::isfinite(t)) {
        out = advance(x0, t);
        return;
    }
    check_start(x0);
    // The operations of advance(), in the same order, on per-thread buffers (Eigen evaluates
    // `x* + V (modal .* e^{L t})` as x* followed by += the product, which is what the last two lines do).
    // x0 is read before `out` is written, so they may be the same vector.
    thread_local Eigen::VectorXd scaled;
    const Eigen::VectorXd& modal = symmetric_modal(x0);
    scaled = modal.cwiseProduct((m_real_rates * t).array().exp().matrix());
    out = m_equilibrium;
    out.noalias() += m_real_vectors * scaled;
}

std::optional<double> LinearFlow::first_crossing(const Eigen::VectorXd& x0, int index, double threshold,
                                                 Crossing direction, double t_max) const {
    if (index < 0 || index >= m_dimension) {
        throw std::invalid_argument("LinearFlow::first_crossing: index out of range");
    }
    if (!(t_max >= 0.0) || !std::isfinite(t_max) || !std::isfinite(threshold)) {
        throw std::invalid_argument(
            "LinearFlow::first_crossing: t_max and threshold must be finite, t_max >= 0");
    }
    check_start(x0);
    if (t_max == 0.0) {
        return std::nullopt;
    }
    // At t = 0 the exact start is used, so a start sitting on the threshold is never itself a crossing.
    const double f_start = x0[index] - threshold;
    switch (m_method) {
        case Method::Symmetric: {
            // Per-thread buffers (the same operations as on fresh vectors, without an allocation per search).
            thread_local Eigen::VectorXd coefficients;
            const Eigen::VectorXd& modal = symmetric_modal(x0);
            coefficients = m_real_vectors.row(index).transpose().cwiseProduct(modal);
            return modal_crossing<double>(coefficients, m_real_rates, m_equilibrium[index], threshold,
                                          f_start, direction, t_max, m_fastest_rate);
        }
        case Method::RealModal: {
            const Eigen::VectorXd modal = m_real_inverse * augmented_start(x0);
            const Eigen::VectorXd coefficients = m_real_vectors.row(index).transpose().cwiseProduct(modal);
            return modal_crossing<double>(coefficients, m_real_rates, 0.0, threshold, f_start, direction,
                                          t_max, m_fastest_rate);
        }
        case Method::ComplexModal: {
            const Eigen::VectorXcd modal = m_complex_inverse * augmented_start(x0).cast<Complex>();
            const Eigen::VectorXcd coefficients =
                m_complex_vectors.row(index).transpose().cwiseProduct(modal);
            return modal_crossing<Complex>(coefficients, m_complex_rates, 0.0, threshold, f_start, direction,
                                           t_max, m_fastest_rate);
        }
        case Method::Exponential:
            break;
    }

    // Exponential path: fixed grid, stepping z by a precomputed e^{A h}, Brent on the closed form.
    const Eigen::VectorXd z0 = augmented_start(x0);
    const double h_grid = m_fastest_rate > 0.0
                              ? std::min(kGridFraction / m_fastest_rate, t_max / kMinGridSteps)
                              : t_max / kMinGridSteps;
    const Eigen::MatrixXd step = (m_augmented * h_grid).exp();
    const auto f = [&](double time) { return (m_augmented * time).exp().row(index).dot(z0) - threshold; };
    Eigen::VectorXd z = z0;
    double t = 0.0;
    double f_before = f_start;
    while (t < t_max) {
        double t_next = t + h_grid;
        if (t_next >= t_max) {
            z = (m_augmented * (t_max - t)).exp() * z;
            t_next = t_max;
        } else {
            z = step * z;
        }
        const double f_after = z[index] - threshold;
        if (crosses(f_before, f_after, direction)) {
            // Re-evaluate the bracket on the closed form so that Brent sees one consistent function.
            const double f_lo = t == 0.0 ? f_before : f(t);
            const double f_hi = f(t_next);
            if (!crosses(f_lo, f_hi, direction)) {
                return t_next;
            }
            return refine_crossing(f, t, f_lo, t_next, f_hi);
        }
        t = t_next;
        f_before = f_after;
    }
    return std::nullopt;
}

}  // namespace brink::engine
