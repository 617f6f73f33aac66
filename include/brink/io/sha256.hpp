// brink io: SHA-256 (FIPS 180-4), for the scenario digests of output manifests (io/manifest.hpp). A small
// implementation of our own: the project links no cryptographic library, and a digest that identifies a
// file needs nothing more than the standard's algorithm.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace brink::io {

/// An incremental SHA-256: update() with the bytes in any split, then hex_digest(). Not thread-safe.
class Sha256 {
  public:
    Sha256();

    /// Appends bytes to the message.
    void update(std::string_view bytes);

    /// The 64 lower-case hex digits of the digest of everything appended. Ends the message: call it once.
    std::string hex_digest();

  private:
    void compress(const unsigned char* block);

    std::array<std::uint32_t, 8> m_state{};
    std::array<unsigned char, 64> m_block{};
    std::size_t m_block_size = 0;      // bytes waiting in m_block
    std::uint64_t m_message_bits = 0;  // length of the message so far
};

/// SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

/// SHA-256 of a file's contents, read in blocks. Throws IoError naming the path when it cannot be read.
std::string sha256_file(const std::filesystem::path& path);

}  // namespace brink::io
