// brink score: the scoring rules of `brink score` (docs/validation.md, "Scores"). Pure functions of plain
// numbers: no files, no model. Every score is negatively oriented (lower is better) and is a mean over cases;
// intervals are percentile bootstraps over cases.
#pragma once

#include "brink/io/proportions.hpp"

#include <Eigen/Dense>

#include <cstdint>
#include <vector>

namespace brink::score {

/// A point estimate with a 95% interval (io::Interval: estimate, lo, hi).
using io::Interval;

/// Probability clipped into [epsilon, 1 − epsilon] (epsilon in [0, 0.5]), so that a log score stays finite
/// when an ensemble of N runs gives 0 or 1: `brink score` uses epsilon = 1/(2N), half a run.
double clip_probability(double probability, double epsilon);

/// Brier score of one binary forecast: (p − y)², y in {0, 1} (Brier 1950). Range [0, 1].
double brier_score(double probability, int outcome);

/// Log score of one binary forecast: −ln p when y = 1, −ln(1 − p) when y = 0 (Good 1952), after
/// clip_probability(p, epsilon). Range [0, −ln epsilon].
double log_score(double probability, int outcome, double epsilon);

/// Ranked probability score of one forecast over K ordered categories (Epstein 1969; Murphy 1971):
/// RPS = (1/(K−1)) Σ_{k=1}^{K−1} (F_k − O_k)², F_k the forecast's cumulative probability of categories 1..k,
/// O_k = 1 when the observed category is at most k, else 0. `probabilities` are for categories 1..K (K >= 2;
/// their sum is not forced to 1); `observed` is the category, 1-based in [1, K]. Range [0, 1] (normalised by
/// K − 1). Throws std::invalid_argument on K < 2 or an observed category outside [1, K].
double ranked_probability_score(const std::vector<double>& probabilities, int observed);

/// Timing error of one case: |ln((predicted + 1) / (observed + 1))|, days. The +1 (a day) keeps a crisis
/// that began with violence (observed day 0) finite; for long crises it is the plain |ln(predicted/observed)|
/// of the brief. NaN when either is not finite or negative.
double timing_error(double predicted_days, double observed_days);

/// Mean of the finite values; NaN when there is none.
double mean_of_finite(const std::vector<double>& values);

/// How bootstrap_mean resamples.
struct BootstrapOptions {
    int resamples = 2000;    ///< Resamples of the cases. Range [0, 1e6]. 0: lo = hi = the estimate.
    std::uint64_t seed = 1;  ///< Seed of the resampling (engine::RngStream). Default 1.
    double level = 0.95;     ///< Coverage of the percentile interval. Range (0, 1). Default 0.95.
};

/// Mean of `values` (one per case; NaN entries are left out first) with a percentile bootstrap interval
/// (Efron & Tibshirani 1993, ch. 13): `resamples` times draw n cases with replacement, take the mean; the
/// interval runs from the (1−level)/2 to the (1+level)/2 quantile of those means (type-7, linear
/// interpolation between order statistics). Deterministic in (values, options). An empty input gives NaNs.
Interval bootstrap_mean(const std::vector<double>& values, const BootstrapOptions& options);

/// A logistic regression fitted by maximum likelihood.
struct LogisticFit {
    Eigen::VectorXd coefficients;  ///< β: intercept first, then one per column of the design.
    int iterations = 0;            ///< Newton steps taken.
    bool converged = false;        ///< The step's largest component fell below the tolerance.
};

/// Fits P(y = 1 | x) = 1 / (1 + exp(−(β₀ + xᵀβ))) by Newton–Raphson, i.e. iteratively reweighted least
/// squares (McCullagh & Nelder 1989, §4.4): β ← β + (XᵀWX)⁻¹ Xᵀ(y − p), W = diag(p(1 − p)), from β = 0.
/// `features` is n × k (an intercept column is added in front); `outcomes` n values in {0, 1}. Stops when
/// every component of the step is below 1e-10 or after `max_iterations`; with separated data the
/// coefficients grow until then and `converged` is false. Throws std::invalid_argument on mismatched sizes.
LogisticFit fit_logistic(const Eigen::MatrixXd& features, const std::vector<int>& outcomes,
                         int max_iterations = 100);

/// The fitted probability at one row of features (without the intercept column).
double logistic_probability(const LogisticFit& fit, const Eigen::VectorXd& features);

/// One bin of a reliability diagram.
struct ReliabilityBin {
    double low = 0.0;                 ///< Bin's lower edge (included).
    double high = 0.0;                ///< Upper edge (excluded, but 1 is in the last bin).
    int cases = 0;                    ///< Cases whose forecast falls in the bin.
    double mean_forecast = 0.0;       ///< Mean forecast of those cases (NaN when none).
    double observed_frequency = 0.0;  ///< Share of them where the event happened (NaN when none).
    Interval observed_interval;       ///< Wilson 95% interval of that share (NaNs when none).
};

/// Reliability diagram of binary forecasts (Murphy & Winkler 1977): `bins` equal bins of [0, 1].
std::vector<ReliabilityBin> reliability_bins(const std::vector<double>& probabilities,
                                             const std::vector<int>& outcomes, int bins = 5);

}  // namespace brink::score
