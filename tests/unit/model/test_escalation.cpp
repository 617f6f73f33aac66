// Tests of escalation.hpp: the ladder, the reaction matrix and the exact pressure system (docs/model.md §2).
#include "brink/model/escalation.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace brink::model {

TEST(Escalation, RungIsTheHighestThresholdReached) {
    const std::vector<double> thresholds{0.0, 1.0, 2.0, 3.0};
    EXPECT_EQ(rung_at(thresholds, 0.0), 0);
    EXPECT_EQ(rung_at(thresholds, 0.999), 0);
    EXPECT_EQ(rung_at(thresholds, 1.0), 1);
    EXPECT_EQ(rung_at(thresholds, 2.5), 2);
    EXPECT_EQ(rung_at(thresholds, 99.0), 3);
}

TEST(Escalation, ReactionMatrixWeightsHostilityByRelativeCapability) {
    Eigen::MatrixXd a(3, 3);
    a << 1.0, -0.5, 0.4, -0.5, 1.0, 0.0, 0.4, 0.0, 1.0;
    Eigen::VectorXd w(3);
    w << 0.25, 0.75, 0.0;
    const Eigen::MatrixXd k = reaction_matrix(a, w, 0.04);
    // K_01 = 0.04 · 0.5 · 2·0.75/(0.25 + 0.75); K_10 = 0.04 · 0.5 · 2·0.25/1.
    EXPECT_NEAR(k(0, 1), 0.03, 1e-15);
    EXPECT_NEAR(k(1, 0), 0.01, 1e-15);
    EXPECT_EQ(k(0, 2), 0.0);  // friends do not react
    EXPECT_EQ(k(0, 0), 0.0);
}

TEST(Escalation, TwoRivalsFollowTheRichardsonClosedForm) {
    // de/dt = [[-a, k], [k, -a]] e + g: sum and difference modes decay at a - k and a + k.
    const double a = 0.08;
    const double k = 0.03;
    const double g = 0.05;
    Eigen::VectorXd e0(2);
    e0 << 3.0, 1.0;
    PressureSystem system(e0, 0.0);
    Eigen::MatrixXd reaction(2, 2);
    reaction << 0.0, k, k, 0.0;
    system.set_dynamics(reaction, Eigen::Vector2d(a, a), Eigen::Vector2d(g, g), 0.0);
    const double star = g / (a - k);
    for (double t : {0.5, 3.0, 17.25, 90.0}) {
        const double sum = 2.0 * star + (e0(0) + e0(1) - 2.0 * star) * std::exp(-(a - k) * t);
        const double diff = (e0(0) - e0(1)) * std::exp(-(a + k) * t);
        // 1e-9 rung: the modal closed form is exact up to rounding (cond(V) ~ 1 here).
        EXPECT_NEAR(system.value(0, t), 0.5 * (sum + diff), 1e-9) << t;
        EXPECT_NEAR(system.value(1, t), 0.5 * (sum - diff), 1e-9) << t;
    }
    EXPECT_EQ(system.component_count(), 1);
}

TEST(Escalation, ValuesIntoABufferAreTheValuesBitwise) {
    // Two components (0-1 rivals, 2 alone) with different update times; values(t, out) is the allocation-free
    // form of values(t) and must agree with it and with value(i, t) bit for bit, into a buffer of any size.
    Eigen::VectorXd e0(3);
    e0 << 3.0, 1.0, 0.5;
    PressureSystem system(e0, 0.0);
    Eigen::MatrixXd reaction = Eigen::MatrixXd::Zero(3, 3);
    reaction(0, 1) = reaction(1, 0) = 0.03;
    system.set_dynamics(reaction, Eigen::Vector3d(0.08, 0.08, 0.2), Eigen::Vector3d(0.05, 0.05, 0.1), 0.0);
    system.jump(2, 1.5, 2.0);  // component {2} now starts at t = 2
    Eigen::VectorXd out(1);    // wrong size on purpose: values() resizes it
    for (double t : {2.0, 2.5, 17.25, 90.0}) {
        const Eigen::VectorXd expected = system.values(t);
        system.values(t, out);
        ASSERT_EQ(out.size(), 3);
        for (int i = 0; i < 3; ++i) {
            EXPECT_EQ(out(i), expected(i)) << i << " at " << t;
            EXPECT_EQ(out(i), system.value(i, t)) << i << " at " << t;
        }
    }
}

TEST(Escalation, CrossingTimeMatchesTheClosedForm) {
    // One actor: de/dt = -a e + g, e(0) = 0.5, threshold 1 with e* = g/a = 2.5 > 1.
    const double a = 0.08;
    const double g = 0.2;
    PressureSystem system(Eigen::VectorXd::Constant(1, 0.5), 0.0);
    system.set_dynamics(Eigen::MatrixXd::Zero(1, 1), Eigen::VectorXd::Constant(1, a),
                        Eigen::VectorXd::Constant(1, g), 0.0);
    const double star = g / a;
    const double expected = -std::log((1.0 - star) / (0.5 - star)) / a;
    const auto crossing = system.next_crossing(0, 1.0, engine::Crossing::Upward, 100.0);
    ASSERT_TRUE(crossing.has_value());
    EXPECT_NEAR(*crossing, expected, 1e-9);  // LinearFlow promises 1e-10 days
    EXPECT_FALSE(system.next_crossing(0, 3.0, engine::Crossing::Upward, 1000.0).has_value());  // above e*
}

TEST(Escalation, JumpsClampAtZeroAndSplitComponentsStayIndependent) {
    Eigen::VectorXd e0(3);
    e0 << 1.0, 2.0, 3.0;
    PressureSystem system(e0, 0.0);
    Eigen::MatrixXd reaction = Eigen::MatrixXd::Zero(3, 3);
    reaction(0, 1) = 0.02;
    system.set_dynamics(reaction, Eigen::Vector3d(0.1, 0.1, 0.1), Eigen::Vector3d::Zero(), 0.0);
    EXPECT_EQ(system.component_count(), 2);
    EXPECT_EQ(system.coupled_with(0), (std::vector<int>{0, 1}));
    EXPECT_DOUBLE_EQ(system.jump(2, -10.0, 1.0), 0.0);
    // Actor 2 decays alone: 3 e^{-0.1} at t = 1, then 0 after the jump.
    EXPECT_DOUBLE_EQ(system.value(2, 5.0), 0.0);
    EXPECT_NEAR(system.value(1, 5.0), 2.0 * std::exp(-0.5), 1e-12);
}

TEST(Escalation, QuietBoundNeverHidesACrossing) {
    const double a = 0.08;
    const double g = 0.2;
    PressureSystem system(Eigen::VectorXd::Constant(1, 0.5), 0.0);
    system.set_dynamics(Eigen::MatrixXd::Zero(1, 1), Eigen::VectorXd::Constant(1, a),
                        Eigen::VectorXd::Constant(1, g), 0.0);
    const double crossing = *system.next_crossing(0, 1.0, engine::Crossing::Upward, 100.0);
    const double quiet = system.quiet_until(0, 0.0, 1.0, 100.0);
    EXPECT_GT(quiet, 0.0);
    EXPECT_LE(quiet, crossing);
}

}  // namespace brink::model
