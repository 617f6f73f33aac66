// The Wilson score interval (include/brink/io/proportions.hpp).
#include "brink/io/proportions.hpp"

#include <algorithm>
#include <cmath>

namespace brink::io {

Interval wilson_interval(std::uint64_t successes, std::uint64_t n, double z) {
    if (n == 0) {
        return {0.0, 0.0, 1.0};
    }
    const auto trials = static_cast<double>(n);
    const double p = static_cast<double>(successes) / trials;
    const double z2 = z * z;
    const double centre = (p + z2 / (2.0 * trials)) / (1.0 + z2 / trials);
    const double half =
        z / (1.0 + z2 / trials) * std::sqrt(p * (1.0 - p) / trials + z2 / (4.0 * trials * trials));
    // With no successes (or no failures) the bound is exactly 0 (or 1): centre - half cancels only up to
    // rounding (1.7e-18 for 0 of 10), and an exact bound must be written as one.
    const double lo = successes == 0 ? 0.0 : std::max(0.0, centre - half);
    const double hi = successes == n ? 1.0 : std::min(1.0, centre + half);
    return {p, lo, hi};
}

}  // namespace brink::io
