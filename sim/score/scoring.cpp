// The scoring rules of `brink score` (include/brink/score/scoring.hpp; docs/validation.md, "Scores").
#include "brink/score/scoring.hpp"

#include "brink/engine/rng.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace brink::score {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// Type-7 sample quantile (Hyndman & Fan 1996): linear interpolation between the order statistics at
// h = (n − 1)·q. `sorted` is ascending and not empty.
double quantile_of_sorted(const std::vector<double>& sorted, double q) {
    const double h = static_cast<double>(sorted.size() - 1) * q;
    const auto below = static_cast<std::size_t>(std::floor(h));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

}  // namespace

double clip_probability(double probability, double epsilon) {
    return std::clamp(probability, epsilon, 1.0 - epsilon);
}

double brier_score(double probability, int outcome) {
    const double error = probability - static_cast<double>(outcome);
    return error * error;
}

double log_score(double probability, int outcome, double epsilon) {
    const double p = clip_probability(probability, epsilon);
    return outcome == 1 ? -std::log(p) : -std::log(1.0 - p);
}

double ranked_probability_score(const std::vector<double>& probabilities, int observed) {
    const auto categories = static_cast<int>(probabilities.size());
    if (categories < 2) {
        throw std::invalid_argument("ranked_probability_score needs at least two categories");
    }
    if (observed < 1 || observed > categories) {
        throw std::invalid_argument("ranked_probability_score: observed category outside 1..K");
    }
    double forecast_cumulative = 0.0;
    double sum = 0.0;
    for (int k = 1; k < categories; ++k) {
        forecast_cumulative += probabilities[static_cast<std::size_t>(k - 1)];
        const double observed_cumulative = observed <= k ? 1.0 : 0.0;
        sum += (forecast_cumulative - observed_cumulative) * (forecast_cumulative - observed_cumulative);
    }
    return sum / static_cast<double>(categories - 1);
}

double timing_error(double predicted_days, double observed_days) {
    if (!std::isfinite(predicted_days) || !std::isfinite(observed_days) || predicted_days < 0.0 ||
        observed_days < 0.0) {
        return k_nan;
    }
    return std::abs(std::log((predicted_days + 1.0) / (observed_days + 1.0)));
}

double mean_of_finite(const std::vector<double>& values) {
    double sum = 0.0;
    std::size_t n = 0;
    for (double value : values) {
        if (std::isfinite(value)) {
            sum += value;
            ++n;
        }
    }
    return n == 0 ? k_nan : sum / static_cast<double>(n);
}

Interval bootstrap_mean(const std::vector<double>& values, const BootstrapOptions& options) {
    std::vector<double> finite;
    for (double value : values) {
        if (std::isfinite(value)) {
            finite.push_back(value);
        }
    }
    if (finite.empty()) {
        return {k_nan, k_nan, k_nan};
    }
    const double estimate = mean_of_finite(finite);
    if (options.resamples <= 0) {
        return {estimate, estimate, estimate};
    }
    // One stream for the whole bootstrap, indices drawn in a fixed order: the interval depends only on the
    // values and the seed.
    engine::RngStream rng(options.seed, engine::stream_key("score_bootstrap"));
    const auto n = static_cast<std::uint64_t>(finite.size());
    std::vector<double> means;
    means.reserve(static_cast<std::size_t>(options.resamples));
    for (int b = 0; b < options.resamples; ++b) {
        double sum = 0.0;
        for (std::uint64_t i = 0; i < n; ++i) {
            sum += finite[static_cast<std::size_t>(rng.uniform_int(n))];
        }
        means.push_back(sum / static_cast<double>(n));
    }
    std::sort(means.begin(), means.end());
    const double tail = (1.0 - options.level) / 2.0;
    return {estimate, quantile_of_sorted(means, tail), quantile_of_sorted(means, 1.0 - tail)};
}

LogisticFit fit_logistic(const Eigen::MatrixXd& features, const std::vector<int>& outcomes,
                         int max_iterations) {
    const Eigen::Index n = features.rows();
    if (static_cast<std::size_t>(n) != outcomes.size()) {
        throw std::invalid_argument("fit_logistic: features and outcomes differ in length");
    }
    Eigen::MatrixXd design(n, features.cols() + 1);
    design.col(0).setOnes();
    design.rightCols(features.cols()) = features;
    Eigen::VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        y(i) = outcomes[static_cast<std::size_t>(i)] == 1 ? 1.0 : 0.0;
    }
    LogisticFit fit;
    fit.coefficients = Eigen::VectorXd::Zero(design.cols());
    constexpr double k_step_tolerance = 1e-10;
    for (int iteration = 0; iteration < max_iterations; ++iteration) {
        const Eigen::VectorXd eta = design * fit.coefficients;
        const Eigen::VectorXd p = (1.0 + (-eta.array()).exp()).inverse().matrix();
        const Eigen::VectorXd w = (p.array() * (1.0 - p.array())).matrix();
        // Fisher information XᵀWX and score Xᵀ(y − p); LDLT copes with a nearly singular information.
        const Eigen::MatrixXd information = design.transpose() * w.asDiagonal() * design;
        const Eigen::VectorXd gradient = design.transpose() * (y - p);
        const Eigen::VectorXd step = information.ldlt().solve(gradient);
        if (!step.allFinite()) {
            break;
        }
        fit.coefficients += step;
        fit.iterations = iteration + 1;
        if (step.cwiseAbs().maxCoeff() < k_step_tolerance) {
            fit.converged = true;
            break;
        }
    }
    return fit;
}

double logistic_probability(const LogisticFit& fit, const Eigen::VectorXd& features) {
    const double eta = fit.coefficients(0) + fit.coefficients.tail(features.size()).dot(features);
    return 1.0 / (1.0 + std::exp(-eta));
}

std::vector<ReliabilityBin> reliability_bins(const std::vector<double>& probabilities,
                                             const std::vector<int>& outcomes, int bins) {
    if (bins < 1 || probabilities.size() != outcomes.size()) {
        throw std::invalid_argument("reliability_bins: need bins >= 1 and one outcome per forecast");
    }
    std::vector<ReliabilityBin> result(static_cast<std::size_t>(bins));
    std::vector<double> forecast_sum(result.size(), 0.0);
    std::vector<std::uint64_t> events(result.size(), 0);
    for (std::size_t b = 0; b < result.size(); ++b) {
        result[b].low = static_cast<double>(b) / bins;
        result[b].high = static_cast<double>(b + 1) / bins;
    }
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        const double p = probabilities[i];
        if (!std::isfinite(p)) {
            continue;
        }
        const auto bin =
            static_cast<std::size_t>(std::clamp(static_cast<int>(std::floor(p * bins)), 0, bins - 1));
        ++result[bin].cases;
        forecast_sum[bin] += p;
        events[bin] += outcomes[i] == 1 ? 1U : 0U;
    }
    for (std::size_t b = 0; b < result.size(); ++b) {
        ReliabilityBin& bin = result[b];
        if (bin.cases == 0) {
            bin.mean_forecast = bin.observed_frequency = k_nan;
            bin.observed_interval = {k_nan, k_nan, k_nan};
            continue;
        }
        const auto n = static_cast<std::uint64_t>(bin.cases);
        bin.mean_forecast = forecast_sum[b] / static_cast<double>(n);
        bin.observed_frequency = static_cast<double>(events[b]) / static_cast<double>(n);
        bin.observed_interval = io::wilson_interval(events[b], n);
    }
    return result;
}

}  // namespace brink::score
