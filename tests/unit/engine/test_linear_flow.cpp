// Tests of include/brink/engine/linear_flow.hpp: exact advance against closed forms (Richardson's arms race),
// divergence, singular M, oscillation, and threshold crossings against analytic crossing times.
#include "brink/engine/linear_flow.hpp"

#include <gtest/gtest.h>
#include <unsupported/Eigen/MatrixFunctions>

#include <cmath>
#include <numbers>
#include <optional>
#include <stdexcept>

namespace brink::engine {
namespace {

// Richardson (1960): dx/dt = k y - a x + g, dy/dt = l x - b y + h, with k, l the REACTION coefficients (how
// much each side arms in response to the other), a, b the RESTRAINTS (fatigue and cost) and g, h the
// grievances. Issue 2's "a=b=0.5, m=n=1, g=h=1 reaches the equilibrium (2,2)" holds with reaction 0.5 and
// restraint 1: 0.5 * 2 - 1 * 2 + 1 = 0. So in these tests reaction = 0.5 (the a, b) and restraint = 1
// (the m, n), i.e. M = [[-1, 0.5], [0.5, -1]], g = (1, 1); stable since restraint^2 > reaction^2.
LinearFlow richardson(double reaction, double restraint, double grievance) {
    Eigen::Matrix2d m;
    m << -restraint, reaction, reaction, -restraint;
    return LinearFlow(m, Eigen::Vector2d(grievance, grievance));
}

// Closed form for the symmetric system: with u = x - x*, the modes (1,1) and (1,-1) have eigenvalues
// reaction - restraint and -reaction - restraint; x* solves M x* = -g.
Eigen::Vector2d richardson_closed_form(double reaction, double restraint, double grievance,
                                       const Eigen::Vector2d& x0, double t) {
    const double equilibrium = grievance / (restraint - reaction);
    const Eigen::Vector2d u0 = x0 - Eigen::Vector2d::Constant(equilibrium);
    const double common = 0.5 * (u0[0] + u0[1]) * std::exp((reaction - restraint) * t);
    const double difference = 0.5 * (u0[0] - u0[1]) * std::exp((-reaction - restraint) * t);
    return Eigen::Vector2d(equilibrium + common + difference, equilibrium + common - difference);
}

TEST(LinearFlow, StableRichardsonSystemReachesTheEquilibriumTwoTwo) {
    const LinearFlow flow = richardson(0.5, 1.0, 1.0);
    EXPECT_EQ(flow.method(), LinearFlow::Method::Symmetric);
    const Eigen::VectorXd x = flow.advance(Eigen::Vector2d(0.0, 0.0), 50.0);
    // The slow mode decays as e^{-t/2}: at t = 50 it is 2 e^{-25} = 2.8e-11 from equilibrium.
    EXPECT_NEAR(x[0], 2.0, 1e-9);
    EXPECT_NEAR(x[1], 2.0, 1e-9);
}

TEST(LinearFlow, StableRichardsonSystemMatchesTheClosedFormAtIntermediateTimes) {
    const LinearFlow flow = richardson(0.5, 1.0, 1.0);
    const Eigen::Vector2d x0(0.3, 4.0);
    for (const double t : {0.0, 0.1, 0.7, 1.0, 2.5, 5.0, 13.0, 30.0}) {
        const Eigen::VectorXd x = flow.advance(x0, t);
        const Eigen::Vector2d expected = richardson_closed_form(0.5, 1.0, 1.0, x0, t);
        EXPECT_NEAR(x[0], expected[0], 1e-9) << "t = " << t;
        EXPECT_NEAR(x[1], expected[1], 1e-9) << "t = " << t;
    }
}

TEST(LinearFlow, RichardsonSystemWithReactionAboveRestraintDiverges) {
    // Issue 2's "a=b=2": reaction 2 > restraint 1, eigenvalue reaction - restraint = +1.
    const LinearFlow flow = richardson(2.0, 1.0, 1.0);
    const Eigen::Vector2d x0(0.0, 0.0);
    double previous = 0.0;
    for (const double t : {1.0, 5.0, 10.0, 20.0}) {
        const Eigen::VectorXd x = flow.advance(x0, t);
        const Eigen::Vector2d expected = richardson_closed_form(2.0, 1.0, 1.0, x0, t);
        EXPECT_NEAR(x[0], expected[0], 1e-9 * std::abs(expected[0]));
        EXPECT_GT(x.norm(), previous);
        previous = x.norm();
    }
    EXPECT_GT(previous, 1e8);  // ~ e^{20}
}

TEST(LinearFlow, AdvanceComposesOverConsecutiveIntervals) {
    Eigen::Matrix3d m;
    m << -0.3, 0.2, 0.05, 0.1, -0.4, 0.3, 0.0, 0.25, -0.2;
    const LinearFlow flow(m, Eigen::Vector3d(0.1, -0.2, 0.3));
    const Eigen::Vector3d x0(1.0, 2.0, -1.0);
    const Eigen::VectorXd direct = flow.advance(x0, 7.5);
    const Eigen::VectorXd stepped = flow.advance(flow.advance(x0, 2.5), 5.0);
    EXPECT_LT((direct - stepped).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(LinearFlow, ModalPathAgreesWithTheAugmentedMatrixExponential) {
    // A non-symmetric 5x5 system with complex eigenvalues, checked against Eigen's Pade exponential of the
    // augmented matrix computed here independently.
    Eigen::MatrixXd m(5, 5);
    m << -0.5, 0.3, 0.0, 0.2, 0.1,  //
        -0.4, -0.2, 0.1, 0.0, 0.0,  //
        0.2, 0.0, -0.6, 0.4, 0.0,   //
        0.0, 0.1, -0.3, -0.1, 0.2,  //
        0.1, 0.0, 0.0, -0.2, -0.3;
    Eigen::VectorXd g(5);
    g << 0.1, 0.0, -0.2, 0.3, 0.05;
    const LinearFlow flow(m, g);
    ASSERT_EQ(flow.method(), LinearFlow::Method::ComplexModal);
    Eigen::MatrixXd augmented = Eigen::MatrixXd::Zero(6, 6);
    augmented.topLeftCorner(5, 5) = m;
    augmented.topRightCorner(5, 1) = g;
    Eigen::VectorXd x0(5);
    x0 << 1.0, -1.0, 0.5, 2.0, 0.0;
    Eigen::VectorXd z0(6);
    z0 << x0, 1.0;
    for (const double t : {0.5, 3.0, 20.0}) {
        const Eigen::VectorXd expected = ((augmented * t).exp() * z0).head(5);
        EXPECT_LT((flow.advance(x0, t) - expected).cwiseAbs().maxCoeff(), 1e-10) << "t = " << t;
    }
}

TEST(LinearFlow, PureDriftWithSingularMatrixAdvancesLinearly) {
    // M = 0 (singular, and the augmented matrix is nilpotent, not diagonalisable): x(t) = x0 + g t.
    const LinearFlow flow(Eigen::Matrix2d::Zero(), Eigen::Vector2d(1.0, -2.0));
    EXPECT_FALSE(flow.uses_modal_path());
    const Eigen::VectorXd x = flow.advance(Eigen::Vector2d(3.0, 4.0), 2.5);
    EXPECT_NEAR(x[0], 5.5, 1e-12);
    EXPECT_NEAR(x[1], -1.0, 1e-12);
}

TEST(LinearFlow, MixedSingularSystemCombinesDriftAndDecay) {
    // x' = 1 (drift), y' = -y + 1 (decay to 1): M = diag(0, -1) is singular.
    Eigen::Matrix2d m;
    m << 0.0, 0.0, 0.0, -1.0;
    const LinearFlow flow(m, Eigen::Vector2d(1.0, 1.0));
    const Eigen::VectorXd x = flow.advance(Eigen::Vector2d(0.0, 3.0), 2.0);
    EXPECT_NEAR(x[0], 2.0, 1e-12);
    EXPECT_NEAR(x[1], 1.0 + 2.0 * std::exp(-2.0), 1e-12);
}

TEST(LinearFlow, OneDimensionalCrossingTimeMatchesTheAnalyticTime) {
    // x' = -a x + g: x(t) = x* + (x0 - x*) e^{-a t}, x* = g / a, so x reaches theta at
    // t* = -ln((x* - theta) / (x* - x0)) / a.
    const double a = 0.5;
    const double g = 1.0;
    const double x0 = 0.0;
    const double theta = 1.5;
    const double equilibrium = g / a;
    const LinearFlow flow(Eigen::Matrix<double, 1, 1>(-a), Eigen::Matrix<double, 1, 1>(g));
    const std::optional<double> t =
        flow.first_crossing(Eigen::Matrix<double, 1, 1>(x0), 0, theta, Crossing::Upward, 100.0);
    ASSERT_TRUE(t.has_value());
    const double expected = -std::log((equilibrium - theta) / (equilibrium - x0)) / a;
    EXPECT_NEAR(*t, expected, 1e-9);
    // The returned time is on the far side of the threshold.
    EXPECT_GE(flow.advance(Eigen::Matrix<double, 1, 1>(x0), *t)[0], theta);
}

TEST(LinearFlow, DownwardCrossingOfADecayMatchesTheAnalyticTime) {
    const double a = 2.0;
    const LinearFlow flow(Eigen::Matrix<double, 1, 1>(-a), Eigen::Matrix<double, 1, 1>(0.0));
    // x = 10 e^{-2t} crosses 1 downward at ln(10) / 2.
    const auto t = flow.first_crossing(Eigen::Matrix<double, 1, 1>(10.0), 0, 1.0, Crossing::Downward, 50.0);
    ASSERT_TRUE(t.has_value());
    EXPECT_NEAR(*t, std::log(10.0) / a, 1e-9);
    EXPECT_LE(flow.advance(Eigen::Matrix<double, 1, 1>(10.0), *t)[0], 1.0);
}

TEST(LinearFlow, FindsNoCrossingOfAThresholdBeyondTheEquilibrium) {
    const LinearFlow flow(Eigen::Matrix<double, 1, 1>(-0.5), Eigen::Matrix<double, 1, 1>(1.0));
    const Eigen::Matrix<double, 1, 1> x0(0.0);
    EXPECT_FALSE(flow.first_crossing(x0, 0, 2.5, Crossing::Upward, 1e4).has_value());
    EXPECT_FALSE(flow.first_crossing(x0, 0, 1.5, Crossing::Downward, 100.0).has_value());  // wrong way
    EXPECT_FALSE(flow.first_crossing(x0, 0, 1.5, Crossing::Upward, 2.0).has_value());      // too late (2.77)
    EXPECT_TRUE(flow.first_crossing(x0, 0, 1.5, Crossing::Either, 100.0).has_value());
}

TEST(LinearFlow, StartOnTheThresholdIsNotACrossing) {
    const LinearFlow flow(Eigen::Matrix<double, 1, 1>(-0.5), Eigen::Matrix<double, 1, 1>(1.0));
    EXPECT_FALSE(flow.first_crossing(Eigen::Matrix<double, 1, 1>(1.0), 0, 1.0, Crossing::Upward, 100.0));
}

TEST(LinearFlow, CrossingOfAPureDriftIsLinear) {
    const LinearFlow flow(Eigen::Matrix2d::Zero(), Eigen::Vector2d(0.5, -2.0));
    const Eigen::Vector2d x0(1.0, 4.0);
    const auto up = flow.first_crossing(x0, 0, 3.0, Crossing::Upward, 100.0);
    ASSERT_TRUE(up.has_value());
    EXPECT_NEAR(*up, 4.0, 1e-9);
    const auto down = flow.first_crossing(x0, 1, -1.0, Crossing::Either, 100.0);
    ASSERT_TRUE(down.has_value());
    EXPECT_NEAR(*down, 2.5, 1e-9);
}

TEST(LinearFlow, CrossingsOfAnOscillatorAreFoundInOrder) {
    // x' = y, y' = -x from (1, 0): x = cos t, y = -sin t (complex eigenvalues +-i).
    Eigen::Matrix2d m;
    m << 0.0, 1.0, -1.0, 0.0;
    const LinearFlow flow(m, Eigen::Vector2d::Zero());
    const Eigen::Vector2d x0(1.0, 0.0);
    const auto x_down = flow.first_crossing(x0, 0, 0.0, Crossing::Downward, 20.0);
    ASSERT_TRUE(x_down.has_value());
    EXPECT_NEAR(*x_down, std::numbers::pi / 2.0, 1e-9);
    const auto x_up = flow.first_crossing(x0, 0, 0.0, Crossing::Upward, 20.0);
    ASSERT_TRUE(x_up.has_value());
    EXPECT_NEAR(*x_up, 1.5 * std::numbers::pi, 1e-9);
    // y = -sin t leaves 0 downward at t = 0 (not a crossing) and first crosses 0.5 upward at 7 pi / 6 + pi.
    const auto y_up = flow.first_crossing(x0, 1, 0.5, Crossing::Upward, 20.0);
    ASSERT_TRUE(y_up.has_value());
    EXPECT_NEAR(*y_up, 2.0 * std::numbers::pi - 5.0 * std::numbers::pi / 6.0, 1e-9);
}

TEST(LinearFlow, CrossingInAStableRichardsonSystemMatchesTheClosedForm) {
    // From (0, 0) both components rise as 2 - 2 e^{-t/2}; x crosses 1 at 2 ln 2.
    const LinearFlow flow = richardson(0.5, 1.0, 1.0);
    const auto t = flow.first_crossing(Eigen::Vector2d(0.0, 0.0), 0, 1.0, Crossing::Upward, 365.0);
    ASSERT_TRUE(t.has_value());
    EXPECT_NEAR(*t, 2.0 * std::log(2.0), 1e-9);
}

// Every method against an independent Pade exponential of the augmented matrix.
void expect_matches_exponential(const Eigen::MatrixXd& m, const Eigen::VectorXd& g,
                                LinearFlow::Method method) {
    const LinearFlow flow(m, g);
    ASSERT_EQ(flow.method(), method);
    const Eigen::Index n = m.rows();
    Eigen::MatrixXd augmented = Eigen::MatrixXd::Zero(n + 1, n + 1);
    augmented.topLeftCorner(n, n) = m;
    augmented.topRightCorner(n, 1) = g;
    const Eigen::VectorXd x0 = Eigen::VectorXd::LinSpaced(n, -1.0, 2.0);
    Eigen::VectorXd z0(n + 1);
    z0 << x0, 1.0;
    for (const double t : {0.25, 2.0, 9.0}) {
        const Eigen::VectorXd expected = ((augmented * t).exp() * z0).head(n);
        EXPECT_LT((flow.advance(x0, t) - expected).cwiseAbs().maxCoeff(), 1e-10) << "t = " << t;
    }
}

TEST(LinearFlow, SymmetricMethodAgreesWithTheAugmentedMatrixExponential) {
    Eigen::MatrixXd m(4, 4);
    m << -1.0, 0.2, 0.0, 0.3,  //
        0.2, -0.8, 0.1, 0.0,   //
        0.0, 0.1, -0.5, 0.2,   //
        0.3, 0.0, 0.2, -1.2;
    expect_matches_exponential(m, Eigen::Vector4d(0.5, -0.1, 0.2, 1.0), LinearFlow::Method::Symmetric);
}

TEST(LinearFlow, CapabilityWeightedRichardsonSystemIsSymmetrisedByADiagonalScaling) {
    // The crisis model's reactions K_ij = h_ij 2 w_j / (w_i + w_j) with h symmetric (docs/model.md §2.2) are
    // not symmetric, but D M D^{-1} is for d_i = sqrt(w_i): the symmetric path applies.
    const Eigen::Vector3d w(0.6, 0.3, 0.1);
    const Eigen::Matrix3d h = (Eigen::Matrix3d() << 0.0, 0.4, 0.2, 0.4, 0.0, 0.1, 0.2, 0.1, 0.0).finished();
    Eigen::MatrixXd m(3, 3);
    for (Eigen::Index i = 0; i < 3; ++i) {
        for (Eigen::Index j = 0; j < 3; ++j) {
            m(i, j) = h(i, j) * 2.0 * w[j] / (w[i] + w[j]);
        }
        m(i, i) = -1.0;
    }
    ASSERT_GT((m - m.transpose()).cwiseAbs().maxCoeff(), 0.1);
    expect_matches_exponential(m, Eigen::Vector3d(0.3, 0.0, 0.8), LinearFlow::Method::Symmetric);
}

TEST(LinearFlow, InconsistentCycleRatiosAreNotSymmetrised) {
    // M_01 M_12 M_20 != M_10 M_21 M_02: no diagonal scaling makes M symmetric, so a general method is used.
    Eigen::MatrixXd m(3, 3);
    m << -1.0, 0.4, 0.1,  //
        0.1, -1.0, 0.4,   //
        0.4, 0.1, -1.0;
    const LinearFlow flow(m, Eigen::Vector3d(1.0, 0.0, 0.5));
    EXPECT_NE(flow.method(), LinearFlow::Method::Symmetric);
    EXPECT_TRUE(flow.uses_modal_path());
}

TEST(LinearFlow, SetDriftMatchesAFreshFlowOnEveryPath) {
    Eigen::MatrixXd symmetric(2, 2);
    symmetric << -1.0, 0.5, 0.5, -1.0;
    Eigen::MatrixXd triangular(2, 2);
    triangular << -1.0, 0.4, 0.0, -0.5;
    Eigen::MatrixXd drift_only = Eigen::MatrixXd::Zero(2, 2);
    const Eigen::Vector2d x0(0.3, 1.7);
    const Eigen::Vector2d g_old(1.0, 0.2);
    const Eigen::Vector2d g_new(0.4, 2.5);
    for (const Eigen::MatrixXd& m : {symmetric, triangular, drift_only}) {
        LinearFlow updated(m, g_old);
        const LinearFlow::Method before = updated.method();
        updated.set_drift(g_new);
        const LinearFlow fresh(m, g_new);
        EXPECT_EQ(updated.method(), fresh.method());
        EXPECT_EQ(before, fresh.method());
        for (const double t : {0.5, 3.0, 20.0}) {
            EXPECT_LT((updated.advance(x0, t) - fresh.advance(x0, t)).cwiseAbs().maxCoeff(), 1e-12)
                << "method " << static_cast<int>(fresh.method()) << ", t = " << t;
        }
        const auto a = updated.first_crossing(x0, 0, 1.0, Crossing::Either, 50.0);
        const auto b = fresh.first_crossing(x0, 0, 1.0, Crossing::Either, 50.0);
        ASSERT_EQ(a.has_value(), b.has_value());
        if (a) {
            EXPECT_NEAR(*a, *b, 1e-10);
        }
    }
    LinearFlow flow(symmetric, g_old);
    EXPECT_THROW(flow.set_drift(Eigen::Vector3d::Zero()), std::invalid_argument);
    EXPECT_THROW(flow.set_drift(Eigen::Vector2d(std::nan(""), 0.0)), std::invalid_argument);
}

TEST(LinearFlow, AdvanceIntoIsAdvanceBitwiseAndSeesEveryChangeOfTheFlow) {
    // advance_into and first_crossing share remembered modal coordinates per (flow, x0) on the symmetric
    // path. The remembered values must never outlive what they were computed for: a new drift (set_drift),
    // another flow with the same x0, or an x0 changed in place (out aliasing x0).
    Eigen::MatrixXd symmetric(2, 2);
    symmetric << -1.0, 0.5, 0.5, -1.0;
    Eigen::MatrixXd triangular(2, 2);
    triangular << -1.0, 0.4, 0.0, -0.5;
    const Eigen::Vector2d x0(0.3, 1.7);
    for (const Eigen::MatrixXd& m : {symmetric, triangular}) {
        LinearFlow flow(m, Eigen::Vector2d(1.0, 0.2));
        for (const double t : {0.0, 0.5, 3.0}) {
            Eigen::VectorXd out;
            flow.advance_into(x0, t, out);
            const Eigen::VectorXd expected = flow.advance(x0, t);
            ASSERT_EQ(out.size(), 2);
            EXPECT_EQ(out[0], expected[0]) << t;  // bitwise: the same operations in the same order
            EXPECT_EQ(out[1], expected[1]) << t;
        }
        // Same x0, new drift: the equilibrium moved, so must the result.
        Eigen::VectorXd before;
        flow.advance_into(x0, 2.0, before);
        flow.set_drift(Eigen::Vector2d(0.4, 2.5));
        Eigen::VectorXd after;
        flow.advance_into(x0, 2.0, after);
        const LinearFlow fresh(m, Eigen::Vector2d(0.4, 2.5));
        EXPECT_LT((after - fresh.advance(x0, 2.0)).cwiseAbs().maxCoeff(), 1e-12);
        EXPECT_GT((after - before).cwiseAbs().maxCoeff(), 0.1);
        // Another flow, same x0, alternating: each gets its own answer.
        for (int round = 0; round < 2; ++round) {
            Eigen::VectorXd a;
            Eigen::VectorXd b;
            flow.advance_into(x0, 1.0, a);
            fresh.advance_into(x0, 1.0, b);
            EXPECT_LT((a - b).cwiseAbs().maxCoeff(), 1e-12);
            const LinearFlow other(m, Eigen::Vector2d(-3.0, 0.0));
            Eigen::VectorXd c;
            other.advance_into(x0, 1.0, c);
            EXPECT_LT((c - other.advance(x0, 1.0)).cwiseAbs().maxCoeff(), 1e-15);
            EXPECT_GT((c - a).cwiseAbs().maxCoeff(), 0.1);
        }
        // out may be x0: advancing in place twice is advancing once by the sum.
        Eigen::VectorXd state = x0;
        flow.advance_into(state, 1.5, state);
        flow.advance_into(state, 2.5, state);
        EXPECT_LT((state - flow.advance(x0, 4.0)).cwiseAbs().maxCoeff(), 1e-12);
        const auto crossing = flow.first_crossing(state, 0, 5.0, Crossing::Either, 50.0);
        const auto expected = fresh.first_crossing(state, 0, 5.0, Crossing::Either, 50.0);
        EXPECT_EQ(crossing.has_value(), expected.has_value());
    }
}

TEST(LinearFlow, RealModalMethodHandlesNonSymmetricRealSpectra) {
    Eigen::Matrix3d m;
    m << -1.0, 0.4, 0.1, 0.0, -0.5, 0.3, 0.0, 0.0, -0.2;  // triangular: eigenvalues -1, -0.5, -0.2
    expect_matches_exponential(m, Eigen::Vector3d(0.1, 0.2, 0.3), LinearFlow::Method::RealModal);
}

TEST(LinearFlow, SingularButDiagonalisableSystemUsesAModalMethod) {
    // x is conserved (no drift: g_x = 0), y relaxes to 1: M = diag(0, -1) is singular, A is diagonalisable.
    Eigen::Matrix2d m;
    m << 0.0, 0.0, 0.0, -1.0;
    expect_matches_exponential(m, Eigen::Vector2d(0.0, 1.0), LinearFlow::Method::RealModal);
}

TEST(LinearFlow, RejectsInconsistentOrNonFiniteInput) {
    EXPECT_THROW(LinearFlow(Eigen::MatrixXd::Zero(2, 3), Eigen::VectorXd::Zero(2)), std::invalid_argument);
    EXPECT_THROW(LinearFlow(Eigen::MatrixXd::Zero(2, 2), Eigen::VectorXd::Zero(3)), std::invalid_argument);
    Eigen::Matrix2d bad = Eigen::Matrix2d::Zero();
    bad(0, 1) = std::nan("");
    EXPECT_THROW(LinearFlow(bad, Eigen::Vector2d::Zero()), std::invalid_argument);
    const LinearFlow flow = richardson(0.5, 1.0, 1.0);
    EXPECT_EQ(flow.dimension(), 2);
    EXPECT_THROW(flow.advance(Eigen::Vector3d::Zero(), 1.0), std::invalid_argument);
    EXPECT_THROW(flow.advance(Eigen::Vector2d::Zero(), -1.0), std::invalid_argument);
    EXPECT_THROW(flow.first_crossing(Eigen::Vector2d::Zero(), 2, 1.0, Crossing::Upward, 1.0),
                 std::invalid_argument);
    EXPECT_THROW(flow.first_crossing(Eigen::Vector2d::Zero(), 0, 1.0, Crossing::Upward, INFINITY),
                 std::invalid_argument);
}

}  // namespace
}  // namespace brink::engine
