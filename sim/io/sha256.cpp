// SHA-256 as FIPS 180-4 §6.2 states it: 64-byte blocks, the message schedule W, eight working variables.
#include "brink/io/sha256.hpp"

#include "brink/io/atomic_file.hpp"

#include <cstdio>
#include <fstream>

namespace brink::io {
namespace {

// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
constexpr std::array<std::uint32_t, 64> k_round_constants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// FIPS 180-4 §5.3.3: the initial hash value H(0).
constexpr std::array<std::uint32_t, 8> k_initial_state = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

constexpr std::uint32_t rotate_right(std::uint32_t word, int bits) {
    return (word >> bits) | (word << (32 - bits));
}

}  // namespace

Sha256::Sha256() : m_state(k_initial_state) {}

void Sha256::compress(const unsigned char* block) {
    std::array<std::uint32_t, 64> schedule{};
    for (std::size_t t = 0; t < 16; ++t) {
        schedule[t] = (static_cast<std::uint32_t>(block[4 * t]) << 24) |
                      (static_cast<std::uint32_t>(block[4 * t + 1]) << 16) |
                      (static_cast<std::uint32_t>(block[4 * t + 2]) << 8) |
                      static_cast<std::uint32_t>(block[4 * t + 3]);
    }
    for (std::size_t t = 16; t < 64; ++t) {
        const std::uint32_t sigma0 =
            rotate_right(schedule[t - 15], 7) ^ rotate_right(schedule[t - 15], 18) ^ (schedule[t - 15] >> 3);
        const std::uint32_t sigma1 =
            rotate_right(schedule[t - 2], 17) ^ rotate_right(schedule[t - 2], 19) ^ (schedule[t - 2] >> 10);
        schedule[t] = schedule[t - 16] + sigma0 + schedule[t - 7] + sigma1;
    }
    std::uint32_t a = m_state[0], b = m_state[1], c = m_state[2], d = m_state[3];
    std::uint32_t e = m_state[4], f = m_state[5], g = m_state[6], h = m_state[7];
    for (std::size_t t = 0; t < 64; ++t) {
        const std::uint32_t big_sigma1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
        const std::uint32_t choose = (e & f) ^ (~e & g);
        const std::uint32_t temp1 = h + big_sigma1 + choose + k_round_constants[t] + schedule[t];
        const std::uint32_t big_sigma0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
        const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t temp2 = big_sigma0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + temp1;
        d = c;
        c = b;
        b = a;
        a = temp1 + temp2;
    }
    m_state[0] += a;
    m_state[1] += b;
    m_state[2] += c;
    m_state[3] += d;
    m_state[4] += e;
    m_state[5] += f;
    m_state[6] += g;
    m_state[7] += h;
}

void Sha256::update(std::string_view bytes) {
    m_message_bits += static_cast<std::uint64_t>(bytes.size()) * 8U;
    for (const char byte : bytes) {
        m_block[m_block_size++] = static_cast<unsigned char>(byte);
        if (m_block_size == m_block.size()) {
            compress(m_block.data());
            m_block_size = 0;
        }
    }
}

std::string Sha256::hex_digest() {
    // §5.1.1: a 1 bit, zeros to 448 mod 512 bits, then the message length as a 64-bit big-endian number.
    const std::uint64_t message_bits = m_message_bits;
    m_block[m_block_size++] = 0x80;
    if (m_block_size > 56) {
        while (m_block_size < 64) {
            m_block[m_block_size++] = 0;
        }
        compress(m_block.data());
        m_block_size = 0;
    }
    while (m_block_size < 56) {
        m_block[m_block_size++] = 0;
    }
    for (int shift = 56; shift >= 0; shift -= 8) {
        m_block[m_block_size++] = static_cast<unsigned char>(message_bits >> shift);
    }
    compress(m_block.data());
    m_block_size = 0;
    std::string hex;
    hex.reserve(64);
    for (const std::uint32_t word : m_state) {
        char digits[9];
        std::snprintf(digits, sizeof digits, "%08x", static_cast<unsigned>(word));
        hex += digits;
    }
    return hex;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 hash;
    hash.update(bytes);
    return hash.hex_digest();
}

std::string sha256_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw IoError("cannot read '" + path.string() + "'");
    }
    Sha256 hash;
    std::array<char, 65536> buffer{};
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        hash.update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    }
    if (in.bad()) {
        throw IoError("cannot read '" + path.string() + "'");
    }
    return hash.hex_digest();
}

}  // namespace brink::io
