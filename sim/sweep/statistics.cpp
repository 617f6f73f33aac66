// Aggregation statistics (include/brink/sweep/statistics.hpp).
#include "brink/sweep/statistics.hpp"

#include "brink/engine/rng.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace brink::sweep {
namespace {

// Type-7 (linear interpolation) quantile of sorted values.
double sorted_quantile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double weight = position - static_cast<double>(below);
    return sorted[below] + weight * (sorted[above] - sorted[below]);
}

struct Estimates {
    std::vector<double> first_order;
    std::vector<double> total;
};

// Saltelli et al. (2010), Table 2: S1 by (b) with f centred on its mean, ST by Jansen (f); V and the mean
// from the pooled f(A) and f(B).
Estimates estimate(const std::vector<double>& y_a, const std::vector<double>& y_b,
                   const std::vector<std::vector<double>>& y_ab, const std::vector<std::size_t>& rows) {
    const auto n = static_cast<double>(rows.size());
    double sum = 0.0;
    double sum_sq = 0.0;
    for (std::size_t r : rows) {
        sum += y_a[r] + y_b[r];
        sum_sq += y_a[r] * y_a[r] + y_b[r] * y_b[r];
    }
    const double mean = sum / (2.0 * n);
    const double variance = sum_sq / (2.0 * n) - mean * mean;
    Estimates out{std::vector<double>(y_ab.size(), 0.0), std::vector<double>(y_ab.size(), 0.0)};
    for (std::size_t i = 0; i < y_ab.size(); ++i) {
        double first = 0.0;
        double total = 0.0;
        for (std::size_t r : rows) {
            // Centred on the pooled mean: the same estimator for f - mean (which has the same indices), but
            // without the term mean·(f(A_B^i) - f(A)), whose noise swamps S1 when the mean is large against
            // the spread (a mean peak rung of 7-9 varying by a few tenths).
            first += (y_b[r] - mean) * (y_ab[i][r] - y_a[r]);
            const double gap = y_a[r] - y_ab[i][r];
            total += gap * gap;
        }
        // A constant output has no variance to apportion: report 0 rather than NaN.
        const bool degenerate = !(variance > 0.0);
        out.first_order[i] = degenerate ? 0.0 : first / n / variance;
        out.total[i] = degenerate ? 0.0 : total / (2.0 * n) / variance;
    }
    return out;
}

}  // namespace

double median(std::vector<double> values) {
    if (values.empty()) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
}

std::vector<SobolIndices> sobol_indices(const std::vector<double>& y_a, const std::vector<double>& y_b,
                                        const std::vector<std::vector<double>>& y_ab, int bootstrap,
                                        std::uint64_t seed) {
    const std::size_t n = y_a.size();
    if (n == 0 || y_b.size() != n) {
        throw std::invalid_argument("Sobol indices need f(A) and f(B) of the same, non-zero size");
    }
    for (const auto& column : y_ab) {
        if (column.size() != n) {
            throw std::invalid_argument("Sobol indices need every f(A_B^i) of the size of f(A)");
        }
    }
    std::vector<std::size_t> rows(n);
    for (std::size_t r = 0; r < n; ++r) {
        rows[r] = r;
    }
    const Estimates point = estimate(y_a, y_b, y_ab, rows);
    const std::size_t k = y_ab.size();
    std::vector<std::vector<double>> boot_first(k);
    std::vector<std::vector<double>> boot_total(k);
    engine::RngStream rng(seed, engine::stream_key("sobol_bootstrap"));
    for (int b = 0; b < bootstrap; ++b) {
        for (auto& row : rows) {
            row = static_cast<std::size_t>(rng.uniform_int(n));
        }
        const Estimates resample = estimate(y_a, y_b, y_ab, rows);
        for (std::size_t i = 0; i < k; ++i) {
            boot_first[i].push_back(resample.first_order[i]);
            boot_total[i].push_back(resample.total[i]);
        }
    }
    std::vector<SobolIndices> out(k);
    for (std::size_t i = 0; i < k; ++i) {
        out[i].first_order.estimate = point.first_order[i];
        out[i].total.estimate = point.total[i];
        if (bootstrap > 0) {
            std::sort(boot_first[i].begin(), boot_first[i].end());
            std::sort(boot_total[i].begin(), boot_total[i].end());
            out[i].first_order.lo = sorted_quantile(boot_first[i], 0.025);
            out[i].first_order.hi = sorted_quantile(boot_first[i], 0.975);
            out[i].total.lo = sorted_quantile(boot_total[i], 0.025);
            out[i].total.hi = sorted_quantile(boot_total[i], 0.975);
        } else {
            out[i].first_order.lo = out[i].first_order.hi = point.first_order[i];
            out[i].total.lo = out[i].total.hi = point.total[i];
        }
    }
    return out;
}

}  // namespace brink::sweep
