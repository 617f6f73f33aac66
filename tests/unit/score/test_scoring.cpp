// Tests of include/brink/score/scoring.hpp: each rule against a value computed by hand.
#include "brink/score/scoring.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace brink::score {
namespace {

TEST(BrierScore, IsTheSquaredErrorOfTheProbability) {
    // (0.8 − 1)² + (0.3 − 0)² + (0.5 − 1)² = 0.04 + 0.09 + 0.25 = 0.38 over three forecasts.
    const double mean = (brier_score(0.8, 1) + brier_score(0.3, 0) + brier_score(0.5, 1)) / 3.0;
    EXPECT_NEAR(mean, 0.38 / 3.0, 1e-15);
    EXPECT_DOUBLE_EQ(brier_score(1.0, 1), 0.0);
    EXPECT_DOUBLE_EQ(brier_score(1.0, 0), 1.0);
}

TEST(LogScore, IsMinusTheLogOfTheProbabilityGivenToWhatHappened) {
    EXPECT_NEAR(log_score(0.8, 1, 0.0), -std::log(0.8), 1e-15);
    EXPECT_NEAR(log_score(0.8, 0, 0.0), -std::log(0.2), 1e-15);
    EXPECT_NEAR(log_score(0.5, 1, 0.0), std::log(2.0), 1e-15);
}

TEST(LogScore, ClipsCertaintyToHalfARun) {
    // An ensemble of 50 runs with no war: p clipped to 1/(2·50) = 0.01.
    EXPECT_NEAR(log_score(0.0, 1, 0.01), -std::log(0.01), 1e-12);
    EXPECT_NEAR(log_score(1.0, 0, 0.01), -std::log(0.01), 1e-12);
    EXPECT_DOUBLE_EQ(clip_probability(0.3, 0.01), 0.3);
}

TEST(RankedProbabilityScore, MatchesTheCumulativeSquaredErrorsByHand) {
    // F = (0.1, 0.3, 0.6), O = (0, 0, 1) for category 3 of 4: (0.01 + 0.09 + 0.16) / 3.
    EXPECT_NEAR(ranked_probability_score({0.1, 0.2, 0.3, 0.4}, 3), 0.26 / 3.0, 1e-15);
    // Certainty on the observed category scores 0; certainty on the farthest one scores 1.
    EXPECT_DOUBLE_EQ(ranked_probability_score({0.0, 0.0, 0.0, 1.0}, 4), 0.0);
    EXPECT_DOUBLE_EQ(ranked_probability_score({1.0, 0.0, 0.0, 0.0}, 4), 1.0);
    // Two categories: RPS is the Brier score of the lower one.
    EXPECT_NEAR(ranked_probability_score({0.3, 0.7}, 2), brier_score(0.3, 0), 1e-15);
}

TEST(RankedProbabilityScore, RefusesAnObservedCategoryOutsideTheScale) {
    EXPECT_THROW(ranked_probability_score({0.5, 0.5}, 3), std::invalid_argument);
    EXPECT_THROW(ranked_probability_score({1.0}, 1), std::invalid_argument);
}

TEST(TimingError, IsTheAbsoluteLogRatioOfDaysPlusOne) {
    EXPECT_NEAR(timing_error(9.0, 99.0), std::log(10.0), 1e-12);
    EXPECT_NEAR(timing_error(99.0, 9.0), std::log(10.0), 1e-12);
    EXPECT_DOUBLE_EQ(timing_error(0.0, 0.0), 0.0);
    EXPECT_TRUE(std::isnan(timing_error(std::nan(""), 3.0)));
    EXPECT_TRUE(std::isnan(timing_error(3.0, -1.0)));
}

TEST(BootstrapMean, GivesTheMeanAndAnIntervalAroundIt) {
    std::vector<double> values;
    for (int i = 0; i < 100; ++i) {
        values.push_back(i % 2 == 0 ? 1.0 : 0.0);
    }
    const Interval interval = bootstrap_mean(values, {2000, 7, 0.95});
    EXPECT_DOUBLE_EQ(interval.estimate, 0.5);
    EXPECT_LE(interval.lo, interval.estimate);
    EXPECT_GE(interval.hi, interval.estimate);
    // The mean of 100 fair Bernoulli values has sd 0.05: the 95% interval is about 0.5 ± 0.098. Tolerance
    // 0.015: the Monte Carlo error of a 2.5% quantile of 2000 resamples and the discreteness of the means.
    EXPECT_NEAR(interval.lo, 0.5 - 0.098, 0.015);
    EXPECT_NEAR(interval.hi, 0.5 + 0.098, 0.015);
}

TEST(BootstrapMean, IsDeterministicLeavesOutNaNAndHandlesEdges) {
    const std::vector<double> values = {0.1, 0.4, std::nan(""), 0.9, 0.3};
    const Interval a = bootstrap_mean(values, {500, 3, 0.95});
    const Interval b = bootstrap_mean(values, {500, 3, 0.95});
    EXPECT_EQ(a.lo, b.lo);
    EXPECT_EQ(a.hi, b.hi);
    EXPECT_NEAR(a.estimate, 1.7 / 4.0, 1e-15);
    const Interval none = bootstrap_mean(values, {0, 3, 0.95});
    EXPECT_EQ(none.lo, none.estimate);
    EXPECT_EQ(none.hi, none.estimate);
    const Interval constant = bootstrap_mean({2.0, 2.0, 2.0}, {100, 3, 0.95});
    EXPECT_DOUBLE_EQ(constant.lo, 2.0);
    EXPECT_DOUBLE_EQ(constant.hi, 2.0);
    EXPECT_TRUE(std::isnan(bootstrap_mean({}, {100, 3, 0.95}).estimate));
}

TEST(FitLogistic, FindsTheClosedFormSolutionOfABinaryPredictor) {
    // With one 0/1 predictor the maximum-likelihood fit reproduces each group's share: β₀ = logit(3/10),
    // β₁ = logit(8/10) − logit(3/10).
    Eigen::MatrixXd x(20, 1);
    std::vector<int> y;
    for (int i = 0; i < 20; ++i) {
        x(i, 0) = i < 10 ? 0.0 : 1.0;
        y.push_back(i < 10 ? (i < 3 ? 1 : 0) : (i < 18 ? 1 : 0));
    }
    const LogisticFit fit = fit_logistic(x, y);
    ASSERT_TRUE(fit.converged);
    EXPECT_NEAR(fit.coefficients(0), std::log(3.0 / 7.0), 1e-9);
    EXPECT_NEAR(fit.coefficients(1), std::log(4.0) - std::log(3.0 / 7.0), 1e-9);
    EXPECT_NEAR(logistic_probability(fit, Eigen::VectorXd::Constant(1, 1.0)), 0.8, 1e-9);
    EXPECT_NEAR(logistic_probability(fit, Eigen::VectorXd::Constant(1, 0.0)), 0.3, 1e-9);
}

TEST(FitLogistic, StopsWithoutConvergingOnSeparatedData) {
    Eigen::MatrixXd x(4, 1);
    x << 0.0, 1.0, 2.0, 3.0;
    const LogisticFit fit = fit_logistic(x, {0, 0, 1, 1}, 30);
    EXPECT_FALSE(fit.converged);
    EXPECT_TRUE(fit.coefficients.allFinite());
    EXPECT_THROW(fit_logistic(x, {0, 1}), std::invalid_argument);
}

TEST(ReliabilityBins, CountsCasesAndObservedSharesPerBin) {
    const std::vector<ReliabilityBin> bins =
        reliability_bins({0.05, 0.1, 0.5, 0.55, 0.95, 1.0}, {0, 1, 1, 0, 1, 1}, 5);
    ASSERT_EQ(bins.size(), 5U);
    EXPECT_EQ(bins[0].cases, 2);
    EXPECT_NEAR(bins[0].mean_forecast, 0.075, 1e-15);
    EXPECT_DOUBLE_EQ(bins[0].observed_frequency, 0.5);
    EXPECT_EQ(bins[1].cases, 0);
    EXPECT_TRUE(std::isnan(bins[1].observed_frequency));
    EXPECT_EQ(bins[2].cases, 2);
    EXPECT_EQ(bins[4].cases, 2);  // 1.0 falls in the last bin
    EXPECT_DOUBLE_EQ(bins[4].observed_frequency, 1.0);
    EXPECT_LE(bins[4].observed_interval.lo, 1.0);
}

}  // namespace
}  // namespace brink::score
