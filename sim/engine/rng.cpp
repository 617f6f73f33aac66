#include "brink/engine/rng.hpp"

#include <bit>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace brink::engine {

namespace {

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ull;

// SplitMix64's output function (Steele, Lea & Flood 2014): a bijection with good avalanche.
constexpr std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

}  // namespace

std::uint64_t derive_seed(std::uint64_t base_seed, std::uint64_t run_id) {
    return mix(mix(base_seed) + (run_id + 1) * kGolden);
}

std::uint64_t stream_key(std::string_view name) {
    std::uint64_t hash = 0xCBF29CE484222325ull;
    for (const char c : name) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001B3ull;
    }
    return hash;
}

RngStream::RngStream(std::uint64_t seed, std::uint64_t key) {
    std::uint64_t splitmix_state = mix(mix(seed) ^ key);
    for (auto& word : m_state) {
        splitmix_state += kGolden;
        word = mix(splitmix_state);
    }
    // Four consecutive SplitMix64 outputs are distinct (mix is a bijection), so the state is never all zero.
}

void RngStream::throw_bad_rate() {
    throw std::invalid_argument("RngStream::exponential: rate must be positive and finite");
}

double RngStream::normal(double mean, double sd) {
    if (!(sd >= 0.0)) {
        throw std::invalid_argument("RngStream::normal: sd must be >= 0");
    }
    // 1 - U lies in (0, 1], so the logarithm is finite.
    const double radius = std::sqrt(-2.0 * std::log1p(-uniform()));
    const double angle = 2.0 * std::numbers::pi * uniform();
    return mean + sd * radius * std::cos(angle);
}

bool RngStream::bernoulli(double p) {
    return uniform() < p;
}

std::uint64_t RngStream::uniform_int(std::uint64_t n) {
    if (n == 0) {
        throw std::invalid_argument("RngStream::uniform_int: n must be > 0");
    }
    // Smallest all-ones mask covering n - 1; each candidate is accepted with probability > 1/2.
    const std::uint64_t mask = n == 1 ? 0 : ~0ull >> std::countl_zero(n - 1);
    for (;;) {
        const std::uint64_t candidate = next_u64() & mask;
        if (candidate < n) {
            return candidate;
        }
    }
}

}  // namespace brink::engine
