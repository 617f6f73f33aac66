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
    return {p, std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

}  // namespace brink::io
