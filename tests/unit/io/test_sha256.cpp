// Tests of include/brink/io/sha256.hpp against the FIPS 180-2 appendix B examples (the same messages as
// NIST's SHA-256 examples): one block, two blocks, a million bytes, and the empty message.
#include "brink/io/sha256.hpp"
#include "brink_test_support.hpp"

#include "brink/io/atomic_file.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

using brink::io::Sha256;
using brink::io::sha256_file;
using brink::io::sha256_hex;

TEST(Sha256, DigestsTheEmptyMessage) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, DigestsAbcInOneBlock) {
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, DigestsA448BitMessageThatNeedsASecondPaddingBlock) {
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, DigestsAMillionAsFedInUnevenPieces) {
    Sha256 hash;
    std::size_t fed = 0;
    for (std::size_t piece = 1; fed < 1'000'000; piece = piece % 97 + 1) {
        const std::size_t size = std::min(piece, 1'000'000 - fed);
        hash.update(std::string(size, 'a'));
        fed += size;
    }
    EXPECT_EQ(hash.hex_digest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, DigestsMessagesAroundTheBlockBoundary) {
    // 55 bytes fit the length in one block; 56 to 63 need a second one; 64 is exactly one block.
    EXPECT_EQ(sha256_hex(std::string(55, 'a')),
              "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(sha256_hex(std::string(56, 'a')),
              "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    EXPECT_EQ(sha256_hex(std::string(64, 'a')),
              "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST(Sha256, DigestsAFileAsItsBytes) {
    brink::test_support::TempDir dir("brink_sha256");
    const auto path = dir.path() / "abc.txt";
    std::ofstream(path, std::ios::binary) << "abc";
    EXPECT_EQ(sha256_file(path), sha256_hex("abc"));
    EXPECT_THROW(sha256_file(dir.path() / "missing"), brink::io::IoError);
}
