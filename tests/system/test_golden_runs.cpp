// Golden runs (STYLE.md, the second layer of tests): every scenario in scenarios/ is run once with its own
// seed, and as a 20-run ensemble, and the outputs must equal the files in tests/scenarios/golden/<name>/ byte
// for byte: events.csv, dyads.csv and summary.json of the run, runs.csv and summary.json of the ensemble.
// The run's trajectory.csv and the ensemble's quantiles.csv are too large to keep: each has a digest (FNV-1a
// 64, bytes, lines) and a readable excerpt (NAME.excerpt: the header, the first lines and about 60 lines
// spread over the file, each with its line number), so that a change shows as a diff of the lines it moved.
// The golden files do not embed the brink version: "brink_version" is written "(version)" in them and in
// the outputs they are compared with, so that a release does not move every golden file. Any change to the
// model's arithmetic shows here, including a speed-up that was meant to change nothing. A change to a golden
// file is a reviewed decision: rerun with BRINK_UPDATE_GOLDEN=1, read the diff (git diff
// tests/scenarios/golden) and say in the commit why the outputs moved.
#include "brink/io/run_writer.hpp"
#include "brink/model/crisis.hpp"
#include "brink/sweep/ensemble.hpp"
#include "brink_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace brink {
namespace {

namespace fs = std::filesystem;
using test_support::read_file;
using test_support::TempDir;

const fs::path k_golden_dir = fs::path(BRINK_SOURCE_DIR) / "tests" / "scenarios" / "golden";

bool updating() {
    const char* update = std::getenv("BRINK_UPDATE_GOLDEN");
    return update != nullptr && std::string(update) == "1";
}

/// "fnv1a64 <16 hex digits> bytes <n> lines <n>\n": enough to tell any change of a large file.
std::string digest(const std::string& text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return "fnv1a64 " + std::string(hex) + " bytes " + std::to_string(text.size()) + " lines " +
           std::to_string(std::count(text.begin(), text.end(), '\n')) + "\n";
}

/// Every line of `text` at evenly spaced places (about 60 of them, the first 10 and the last included), each
/// as "line N: <text>".
std::string excerpt(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    const std::size_t stride = std::max<std::size_t>(1, lines.size() / 50);
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i < 10 || i % stride == 0 || i + 1 == lines.size()) {
            out += "line " + std::to_string(i + 1) + ": " + lines[i] + "\n";
        }
    }
    return out;
}

/// The text with the value of "brink_version" replaced by "(version)".
std::string without_version(const std::string& text) {
    static const std::regex k_version(R"("brink_version": "[^"]*")");
    return std::regex_replace(text, k_version, R"x("brink_version": "(version)")x");
}

/// Compares `actual` with the golden file (or rewrites it when updating); on a difference reports the first
/// line that differs rather than two whole files.
void expect_golden(const std::string& actual, const fs::path& path) {
    if (updating()) {
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
    }
    ASSERT_TRUE(fs::is_regular_file(path))
        << "missing golden file " << path.string() << " (BRINK_UPDATE_GOLDEN=1 writes it)";
    const std::string golden = read_file(path);
    if (actual == golden) {
        return;
    }
    std::istringstream a(actual);
    std::istringstream g(golden);
    std::string line_a;
    std::string line_g;
    int line = 0;
    while (true) {
        ++line;
        const bool more_a = static_cast<bool>(std::getline(a, line_a));
        const bool more_g = static_cast<bool>(std::getline(g, line_g));
        if (!more_a && !more_g) {
            break;
        }
        if (!more_a || !more_g || line_a != line_g) {
            ADD_FAILURE() << path.string() << " differs at line " << line
                          << ":\n  golden: " << (more_g ? line_g : "(end of file)")
                          << "\n  now:    " << (more_a ? line_a : "(end of file)")
                          << "\nIf the model changed on purpose, rerun with BRINK_UPDATE_GOLDEN=1 and review "
                             "git diff tests/scenarios/golden.";
            return;
        }
    }
    ADD_FAILURE() << path.string() << " differs (line endings or a final newline)";
}

/// The bundled scenarios (scenarios/*.yaml), by file name, sorted.
std::vector<std::string> bundled_scenarios() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(fs::path(BRINK_SOURCE_DIR) / "scenarios")) {
        if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

/// The scenario as `brink run` loads it, with the path recorded relative to the repository, so that the
/// summaries do not depend on where the checkout is.
ScenarioSpec load(const std::string& file) {
    ScenarioSpec spec = test_support::bundled_scenario(file);
    spec.source_path = "scenarios/" + file;
    return spec;
}

TEST(GoldenRuns, EveryBundledScenarioHasItsGoldenFiles) {
    const std::vector<std::string> files = bundled_scenarios();
    ASSERT_GE(files.size(), 3U);
    for (const auto& file : files) {
        EXPECT_TRUE(fs::is_directory(k_golden_dir / fs::path(file).stem()))
            << "scenarios/" << file << " has no golden run in " << (k_golden_dir / fs::path(file).stem())
            << " (BRINK_UPDATE_GOLDEN=1 writes it)";
    }
}

class GoldenRun : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenRun, OneRunWithTheScenariosSeedGivesTheGoldenFiles) {
    const ScenarioSpec spec = load(GetParam());
    const fs::path dir = k_golden_dir / fs::path(GetParam()).stem();
    const model::RunResult result = model::run_crisis(spec, spec.metadata.seed);
    expect_golden(io::events_csv(spec, result), dir / "events.csv");
    expect_golden(io::dyads_csv(spec, result), dir / "dyads.csv");
    expect_golden(without_version(io::summary_json(spec, result, "")), dir / "summary.json");
    const std::string trajectory = io::trajectory_csv(spec, result);
    expect_golden(excerpt(trajectory), dir / "trajectory.csv.excerpt");
    expect_golden(digest(trajectory), dir / "trajectory.csv.digest");
}

TEST_P(GoldenRun, ATwentyRunEnsembleGivesTheGoldenFiles) {
    const ScenarioSpec spec = load(GetParam());
    const fs::path dir = k_golden_dir / fs::path(GetParam()).stem() / "ensemble";
    TempDir out("brink_golden_ensemble");
    sweep::EnsembleOptions options;
    options.threads = 2;
    options.out_dir = out.path().string();
    const sweep::EnsembleResult result = sweep::run_ensemble(spec, spec.metadata.seed, 20, options);
    ASSERT_TRUE(result.complete);
    expect_golden(read_file(out.path() / "runs.csv"), dir / "runs.csv");
    expect_golden(without_version(read_file(out.path() / "summary.json")), dir / "summary.json");
    const std::string quantiles = read_file(out.path() / "quantiles.csv");
    expect_golden(excerpt(quantiles), dir / "quantiles.csv.excerpt");
    expect_golden(digest(quantiles), dir / "quantiles.csv.digest");
}

INSTANTIATE_TEST_SUITE_P(BundledScenarios, GoldenRun, ::testing::ValuesIn(bundled_scenarios()),
                         [](const ::testing::TestParamInfo<std::string>& scenario) {
                             return fs::path(scenario.param).stem().string();
                         });

}  // namespace
}  // namespace brink
