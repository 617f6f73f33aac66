// brink sweep: statistics for aggregation: medians, Sobol indices with bootstrap intervals; the Wilson
// interval comes from io (include/brink/io/proportions.hpp), which the plots share.
#pragma once

#include "brink/io/proportions.hpp"

#include <cstdint>
#include <vector>

namespace brink::sweep {

/// A point estimate with a confidence interval (io::Interval).
using io::Interval;
/// The Wilson score interval (io::wilson_interval).
using io::wilson_interval;

/// Median of the values (mean of the two middle ones for an even count); NaN when empty. Sorts a copy.
double median(std::vector<double> values);

/// Sobol indices of one parameter.
struct SobolIndices {
    Interval first_order;  ///< S1: Saltelli (2010) estimator, bootstrap percentile 95% interval.
    Interval total;        ///< ST: Jansen (1999) estimator, bootstrap percentile 95% interval.
};

/// Sobol indices from Saltelli-design outputs: y_a[j] = f(A_j), y_b[j] = f(B_j), y_ab[i][j] = f(A_B^(i)_j).
/// S1_i = mean(f(B)·(f(A_B^i) − f(A))) / V,  ST_i = mean((f(A) − f(A_B^i))²) / (2V), V the variance of
/// f(A) ∪ f(B) (Saltelli et al. 2010, Table 2, (b) and (f)). Intervals: `bootstrap` resamples of the n rows
/// (indices drawn with engine::RngStream(seed, ...)); 0 resamples gives lo = hi = estimate.
std::vector<SobolIndices> sobol_indices(const std::vector<double>& y_a, const std::vector<double>& y_b,
                                        const std::vector<std::vector<double>>& y_ab, int bootstrap,
                                        std::uint64_t seed);

}  // namespace brink::sweep
