// brink io: the Wilson score interval of a binomial proportion, in one place below the two rings that report
// proportions: sweep (P(war) in an ensemble's summary.json and a sweep's points.csv) and plots (the outcome
// shares and the cumulative P(war) of the ensemble charts and the report).
#pragma once

#include <cstdint>

namespace brink::io {

/// A point estimate with a confidence interval.
struct Interval {
    double estimate = 0.0;  ///< Point estimate.
    double lo = 0.0;        ///< Lower bound.
    double hi = 0.0;        ///< Upper bound.
};

/// The 97.5% quantile of the standard normal: a two-sided 95% interval.
inline constexpr double k_z95 = 1.959963984540054;

/// Wilson score interval for a binomial proportion (successes of n), clamped to [0, 1]; n = 0 gives
/// {0, 0, 1}. The arithmetic is fixed (outputs compare byte for byte): centre = (p + z²/2n) / (1 + z²/n),
/// half width = z / (1 + z²/n) · sqrt(p(1 - p)/n + z²/4n²).
Interval wilson_interval(std::uint64_t successes, std::uint64_t n, double z = k_z95);

}  // namespace brink::io
