// Helpers shared by the test programs and benchmarks (header-only; tests/support is on their include path):
// a scratch directory per test, reading a whole file, and the bundled scenarios loaded once.
#pragma once

#include "brink/io/scenario_loader.hpp"
#include "brink/scenario.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>

#if __has_include(<gtest/gtest.h>)
#include <gtest/gtest.h>
#endif

namespace brink::test_support {

/// The whole file as bytes ("" if it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A fresh, empty directory under the system's temporary directory, removed with everything in it when the
/// object goes (after restoring the owner's permissions, which some tests take away). The name carries the
/// prefix, the process id and, inside a GoogleTest test, the suite and test names, so that tests running in
/// parallel processes never share one.
class TempDir {
  public:
    explicit TempDir(const std::string& prefix = "brink_test") {
        std::string name = prefix + "_" + std::to_string(::getpid());
#if __has_include(<gtest/gtest.h>)
        if (const auto* info = ::testing::UnitTest::GetInstance()->current_test_info()) {
            name += std::string("_") + info->test_suite_name() + "_" + info->name();
        }
#endif
        m_path = std::filesystem::temp_directory_path() / name;
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code error;
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::add, error);
        std::filesystem::remove_all(m_path, error);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const {
        return m_path;
    }

  private:
    std::filesystem::path m_path;
};

/// A scenario of scenarios/ (e.g. "ukraine_2022.yaml"), loaded once per program. Throws std::runtime_error
/// if it does not load: the bundled scenarios are part of the build and must.
inline const ScenarioSpec& bundled_scenario(const std::string& file = "ukraine_2022.yaml") {
    static std::mutex mutex;
    static std::map<std::string, ScenarioSpec> loaded;  // std::map: references stay valid as it grows
    const std::lock_guard<std::mutex> lock(mutex);
    auto found = loaded.find(file);
    if (found == loaded.end()) {
        io::LoadResult result = io::load_scenario_file(std::string(BRINK_SOURCE_DIR) + "/scenarios/" + file);
        if (!result.ok()) {
            throw std::runtime_error("cannot load scenarios/" + file);
        }
        found = loaded.emplace(file, *result.spec).first;
    }
    return found->second;
}

}  // namespace brink::test_support
