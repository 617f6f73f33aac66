// Tests of include/brink/io/proportions.hpp: the Wilson score interval.
#include "brink/io/proportions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace brink::io {
namespace {

// Closed form of the Wilson score interval, written out independently of the implementation.
Interval wilson_reference(double k, double n, double z) {
    const double p = k / n;
    const double denominator = 1.0 + z * z / n;
    const double centre = (p + z * z / (2.0 * n)) / denominator;
    const double half = z * std::sqrt(p * (1.0 - p) / n + z * z / (4.0 * n * n)) / denominator;
    return {p, centre - half, centre + half};
}

TEST(WilsonInterval, MatchesTheClosedFormForZeroHalfAndAllSuccesses) {
    const double z = 1.959963984540054;
    for (const auto& [k, n] : {std::pair{0.0, 10.0}, std::pair{5.0, 10.0}, std::pair{100.0, 100.0}}) {
        const Interval expected = wilson_reference(k, n, z);
        const Interval got = wilson_interval(static_cast<std::uint64_t>(k), static_cast<std::uint64_t>(n));
        EXPECT_DOUBLE_EQ(got.estimate, expected.estimate);
        EXPECT_NEAR(got.lo, std::max(0.0, expected.lo), 1e-15);
        EXPECT_NEAR(got.hi, std::min(1.0, expected.hi), 1e-15);
    }
    // Published values (e.g. Brown, Cai & DasGupta 2001): 0/10 -> [0, 0.2775], 5/10 -> [0.2366, 0.7634].
    EXPECT_NEAR(wilson_interval(0, 10).hi, 0.2775, 5e-5);
    EXPECT_NEAR(wilson_interval(5, 10).lo, 0.2366, 5e-5);
    EXPECT_NEAR(wilson_interval(5, 10).hi, 0.7634, 5e-5);
    EXPECT_DOUBLE_EQ(wilson_interval(100, 100).hi, 1.0);
    EXPECT_NEAR(wilson_interval(100, 100).lo, 0.9630, 5e-5);
}

TEST(WilsonInterval, BoundsAreExactlyZeroAndOneWhenNoTrialOrEveryTrialSucceeds) {
    // Rounding left 1.7e-18 as the lower bound of 0 wars in 10 runs (points.csv showed it).
    for (const std::uint64_t n : {1U, 3U, 10U, 25U, 200U, 1000U, 123457U}) {
        EXPECT_EQ(wilson_interval(0, n).lo, 0.0) << n;
        EXPECT_EQ(wilson_interval(n, n).hi, 1.0) << n;
        EXPECT_GT(wilson_interval(1, n).lo, 0.0) << n;
    }
}

TEST(WilsonInterval, WithNoTrialsIsTheWholeUnitInterval) {
    const Interval got = wilson_interval(0, 0);
    EXPECT_EQ(got.lo, 0.0);
    EXPECT_EQ(got.hi, 1.0);
}

TEST(WilsonInterval, IsTheSameNumberToTheLastBitWhateverTheRingThatAsks) {
    // Sweep's points.csv, the ensemble's summary.json and the plots' outcome chart print it in shortest
    // round-trip form; the outcome chart's golden script (tests/unit/plots/golden/outcomes.gp) holds these.
    const Interval share = wilson_interval(22, 40);
    EXPECT_EQ(share.estimate, 0.55);
    EXPECT_EQ(100.0 * share.lo, 39.829091798932055);
    EXPECT_EQ(100.0 * share.hi, 69.29469218909507);
}

}  // namespace
}  // namespace brink::io
