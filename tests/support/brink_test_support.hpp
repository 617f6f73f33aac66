// Helpers shared by the test programs and benchmarks (header-only; tests/support is on their include path):
// the source tree, a scratch directory per test, reading a whole file, the files of a folder, the bundled
// scenarios loaded once, a minimal scenario to modify, and diagnostics as text.
#pragma once

#include "brink/io/diagnostics.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/scenario.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace brink::test_support {

/// The source tree the tests were built from.
inline std::filesystem::path source_dir() {
    return BRINK_SOURCE_DIR;
}

/// The whole file as bytes ("" if it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A fresh, empty directory under the system's temporary directory, removed with everything in it when the
/// object goes (after restoring the owner's permissions, which some tests take away). The name carries the
/// prefix, the process id and a count of the directories made in this process, so that no two share one (the
/// tests run in parallel processes; the benchmarks use it too, without GoogleTest).
class TempDir {
  public:
    explicit TempDir(const std::string& prefix = "brink_test") {
        static std::atomic<int> made{0};
        const std::string name = prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(made++);
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

    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

/// The files of `dir` whose names end in `extension` (".yaml"), sorted.
inline std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir,
                                                   const std::string& extension) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() == extension) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

/// Diagnostics as `brink validate` prints them, one per line.
inline std::string diagnostics_text(const std::vector<io::Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& diagnostic : diagnostics) {
        text += io::format_diagnostic(diagnostic) + "\n";
    }
    return text;
}

/// A small valid scenario for tests to modify.
inline constexpr const char* k_minimal_scenario = R"(metadata:
  name: minimal
  start_date: 2020-01-01
  horizon: 30
issues:
  border: {status_quo: 0.2}
actors:
  red: {capability: 2, positions: {border: {position: 1, salience: 0.9}}}
  blue: {capability: 3, positions: {border: {position: 0, salience: 0.8}}}
demands:
  red_border: {challenger: red, targets: [blue], issue: border, value: 1, deadline: 10}
events:
  - {date: 2020-01-05, type: threat, source: red, targets: [blue]}
)";

/// k_minimal_scenario loaded. Throws std::runtime_error with the diagnostics if it does not load.
inline ScenarioSpec minimal_spec() {
    const io::LoadResult result = io::load_scenario_string(k_minimal_scenario, "minimal.yaml");
    if (!result.ok()) {
        throw std::runtime_error("k_minimal_scenario does not load:\n" +
                                 diagnostics_text(result.diagnostics));
    }
    return *result.spec;
}

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
