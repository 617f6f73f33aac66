// brink engine: random number streams.
//
// Generator: xoshiro256** (Blackman & Vigna, 2018): 256 bits of state, period 2^256 - 1, passes BigCrush and
// PractRand; fast (a few shifts, rotations and one multiply per draw) and specified bit for bit, so that the
// same seed gives the same draws with every compiler and standard library.
//
// Splitting scheme (one seed per replication, independent named sub-streams):
//   key    = stream_key(name)                       FNV-1a 64 of the stream's name (e.g. "actor/russia")
//   origin = mix(mix(seed) ^ key)                   mix = SplitMix64's finaliser (a bijection of 64 bits)
//   state  = the first four outputs of SplitMix64 started at `origin`
// A stream's draws therefore depend only on (seed, name): creating, using or dropping any other stream never
// changes them (no shared counter, no creation order), which is what keeps an actor's draws fixed when
// another actor is added to a scenario. Distinct names give statistically independent streams (different
// 64-bit origins feed SplitMix64, whose outputs seed far-apart, decorrelated xoshiro states). Two names whose
// FNV-1a hashes collide would share a stream; Simulation::rng detects that and throws.
//
// Replication seeds of a sweep come from derive_seed(base, run_id) = mix(mix(base) + (run_id + 1) * phi64),
// phi64 = 0x9E3779B97F4A7C15 (odd): for a fixed base it is a bijection of run_id, so distinct run ids always
// get distinct seeds, and it depends on nothing but its arguments (never a thread, shard or rank).
//
// Distributions are written here, not taken from std::*_distribution (whose algorithms differ between
// standard libraries), and each consumes a fixed, documented number of raw draws.
#pragma once

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

namespace brink::engine {

/// 64-bit mix of a base seed and a run id: the seed of replication `run_id` of a sweep. Pure function of its
/// arguments (never of a thread, shard or rank); distinct run ids give distinct seeds.
std::uint64_t derive_seed(std::uint64_t base_seed, std::uint64_t run_id);

/// Stable 64-bit hash of a stream name (FNV-1a), used to derive named sub-streams.
std::uint64_t stream_key(std::string_view name);

/// One independent random stream (xoshiro256**). Its draws depend only on (seed, key); distributions are
/// implemented here (not std::*_distribution, whose output differs between standard libraries), so outputs
/// are identical on every platform. Cheap to copy (32 bytes); a copy continues the same sequence.
class RngStream {
  public:
    /// The stream for sub-stream `key` (usually stream_key(name)) of replication seed `seed`.
    RngStream(std::uint64_t seed, std::uint64_t key);
    /// Next raw 64 bits (one xoshiro256** step).
    std::uint64_t next_u64();
    /// Uniform on [0,1), 53-bit resolution (one raw draw: the top 53 bits times 2^-53).
    double uniform();
    /// Exponential with the given rate (> 0, finite, else std::invalid_argument): mean 1/rate, by inversion
    /// -log(1 - U)/rate (one raw draw; never infinite since 1 - U > 0). U is a multiple of 2^-53, so 1 - U is
    /// exact and log(1 - U) is as accurate as log1p(-U), at about half its cost.
    double exponential(double rate);
    /// Normal(mean, sd), sd >= 0: Box-Muller, one variate per call (two raw draws; no cached spare, so the
    /// stream's state is only the generator's).
    double normal(double mean, double sd);
    /// True with probability p (p <= 0: never, p >= 1: always; one raw draw).
    bool bernoulli(double p);
    /// Uniform integer in [0, n), n > 0 (else std::invalid_argument), without modulo bias: masked rejection
    /// (on average fewer than two raw draws).
    std::uint64_t uniform_int(std::uint64_t n);

  private:
    [[noreturn]] static void throw_bad_rate();

    std::array<std::uint64_t, 4> m_state;  ///< xoshiro256** state; never all zero.
};

// The generator and the two distributions every process uses are inline: they sit on the engine's hot path.

inline std::uint64_t RngStream::next_u64() {
    const std::uint64_t result = std::rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = std::rotl(m_state[3], 45);
    return result;
}

inline double RngStream::uniform() {
    return static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
}

inline double RngStream::exponential(double rate) {
    if (!(rate > 0.0 && rate <= std::numeric_limits<double>::max())) {
        throw_bad_rate();
    }
    return -std::log(1.0 - uniform()) / rate;
}

}  // namespace brink::engine
