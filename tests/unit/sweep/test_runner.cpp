// Tests of run_sweep / merge_shards (include/brink/sweep/sweep.hpp) with a fake model: determinism across
// threads, shards and resume; failed runs as rows; a clean stop.
#include "brink/engine/rng.hpp"
#include "brink/sweep/sweep.hpp"
#include "brink_test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace brink::sweep {
namespace {
namespace fs = std::filesystem;

using brink::test_support::read_file;

// The bundled default scenario as the base (overrides are validated against a real spec); loaded once.
const ScenarioSpec& base_scenario() {
    return brink::test_support::bundled_scenario();
}

// A stand-in for the crisis model: war with probability resolve of the first actor (russia), at a day that
// depends on the seed; throws for one in 23 seeds to exercise failed-run rows.
RunMetrics fake_model(const ScenarioSpec& spec, std::uint64_t seed) {
    engine::RngStream rng(seed, 1);
    const double u = rng.uniform();
    if (seed % 23 == 0) {
        throw std::runtime_error("fake model failure, with a comma");
    }
    RunMetrics metrics;
    const double resolve = spec.actors[0].resolve;
    metrics.outcome = u < resolve ? model::OutcomeKind::War : model::OutcomeKind::Settlement;
    if (metrics.outcome == model::OutcomeKind::War) {
        metrics.initiator = spec.actors[0].id;
        metrics.target = spec.actors[1].id;
    }
    metrics.time = 10.0 + 100.0 * rng.uniform() + spec.model.reaction;
    metrics.peak_rung = static_cast<int>(9.0 * resolve);
    return metrics;
}

SweepSpec grid_spec() {
    SweepSpec spec;
    spec.name = "grid";
    spec.scenario_path = "fake.yaml";
    spec.base = base_scenario();
    spec.design = DesignKind::Grid;
    ParameterSpec resolve;
    resolve.path = "actors.russia.resolve";
    resolve.values = {0.0, 0.25, 0.5, 0.75, 1.0};
    ParameterSpec reaction;
    reaction.path = "model.reaction";
    reaction.values = {0.0, 0.05, 0.1};
    spec.parameters = {resolve, reaction};
    spec.replications = 7;
    spec.seed = 42;
    spec.design_seed = 42;
    spec.metrics = {SweepMetric::PWar};
    return spec;
}

class SweepRunner : public ::testing::Test {
  protected:
    void SetUp() override {
        m_scratch.emplace("brink_sweep_test");
        m_root = m_scratch->path();
    }

    RunnerOptions options(const std::string& name, int threads) const {
        RunnerOptions options;
        options.threads = threads;
        options.out_dir = (m_root / name).string();
        options.run = fake_model;
        return options;
    }
    fs::path dir(const std::string& name) const { return m_root / name; }

    std::optional<brink::test_support::TempDir> m_scratch;
    fs::path m_root;
};

TEST_F(SweepRunner, WritesOneRowPerRunOrderedByRunIdWithDerivedSeeds) {
    const SweepSpec spec = grid_spec();
    const SweepResult result = run_sweep(spec, options("one", 2));
    EXPECT_EQ(result.total_runs, 15U * 7U);
    EXPECT_TRUE(result.complete);
    EXPECT_TRUE(result.aggregated);
    std::istringstream rows(read_file(dir("one") / "runs.csv"));
    std::string line;
    std::getline(rows, line);
    EXPECT_EQ(line,
              "run,point,replication,seed,actors.russia.resolve,model.reaction,outcome,time,initiator,target,"
              "peak_rung,"
              "error");
    std::uint64_t expected_id = 0;
    while (std::getline(rows, line)) {
        std::ostringstream prefix;
        prefix << expected_id << ',' << expected_id / 7 << ',' << expected_id % 7 << ','
               << engine::derive_seed(42, expected_id) << ',';
        EXPECT_EQ(line.rfind(prefix.str(), 0), 0U) << line;
        ++expected_id;
    }
    EXPECT_EQ(expected_id, 105U);
    EXPECT_FALSE(fs::exists(dir("one") / "runs.csv.partial"));
    EXPECT_TRUE(fs::exists(dir("one") / "points.csv"));
    EXPECT_TRUE(fs::exists(dir("one") / "sweep.json"));
}

TEST_F(SweepRunner, RunsEachPointOnItsVariantsScenarioAndShowsLabels) {
    SweepSpec spec = grid_spec();
    // A variant parameter first (two scenarios: Russia's resolve 0, then 1), a labelled one last.
    ParameterSpec variant;
    variant.path = "resolute";
    variant.variant = true;
    variant.labels = {"no", "yes"};
    variant.values = {0.0, 1.0};
    ParameterSpec kind;
    kind.path = "actors.china.kind";
    set_grid_levels(kind, {"state", " alliance"});
    spec.parameters = {variant, kind};
    spec.variants = {base_scenario(), base_scenario()};
    spec.variants[0].actors[0].resolve = 0.0;
    spec.variants[1].actors[0].resolve = 1.0;
    spec.replications = 5;
    run_sweep(spec, options("variants", 2));
    std::istringstream rows(read_file(dir("variants") / "runs.csv"));
    std::string line;
    std::getline(rows, line);
    EXPECT_EQ(line,
              "run,point,replication,seed,resolute,actors.china.kind,outcome,time,initiator,target,peak_rung,"
              "error");
    const std::vector<std::string> levels = {",no,state,", ",no,alliance,", ",yes,state,", ",yes,alliance,"};
    std::uint64_t id = 0;
    while (std::getline(rows, line)) {
        const std::uint64_t point = id / 5;
        EXPECT_NE(line.find(levels[point]), std::string::npos) << line;
        if (engine::derive_seed(42, id) % 23 != 0) {  // the fake model's failures aside
            EXPECT_NE(line.find(point < 2 ? ",settlement," : ",war,"), std::string::npos) << line;
        }
        ++id;
    }
    EXPECT_EQ(id, 20U);
    const auto json = nlohmann::json::parse(read_file(dir("variants") / "sweep.json"));
    // A variant's label is its name; an override path's is in the scenario's names.
    EXPECT_EQ(json["parameters"][0], nlohmann::json::parse(R"({"path": "resolute", "label": "resolute",
                                                               "values": ["no", "yes"], "variant": true})"));
    EXPECT_EQ(json["parameters"][1],
              nlohmann::json::parse(R"({"path": "actors.china.kind", "label": "China · kind",
                                                               "values": ["state", "alliance"]})"));
}

TEST_F(SweepRunner, RowsSayWhoStartedEachWarAndAgainstWhom) {
    const SweepSpec spec = grid_spec();
    run_sweep(spec, options("wars", 2));
    std::istringstream rows(read_file(dir("wars") / "runs.csv"));
    std::string line;
    std::getline(rows, line);
    int wars = 0;
    int others = 0;
    while (std::getline(rows, line)) {
        if (line.find(",war,") != std::string::npos) {
            ++wars;
            EXPECT_NE(line.find(",russia,ukraine,"), std::string::npos) << line;
        } else if (line.find(",settlement,") != std::string::npos) {
            ++others;
            EXPECT_NE(line.find(",,,"), std::string::npos) << line;  // no initiator, no target
        }
    }
    EXPECT_GT(wars, 0);
    EXPECT_GT(others, 0);
}

TEST_F(SweepRunner, RowsAreByteIdenticalForOneTwoAndThreeThreads) {
    const SweepSpec spec = grid_spec();
    run_sweep(spec, options("t1", 1));
    run_sweep(spec, options("t2", 2));
    run_sweep(spec, options("t3", 3));
    for (const char* file : {"runs.csv", "points.csv", "sweep.json"}) {
        EXPECT_EQ(read_file(dir("t1") / file), read_file(dir("t2") / file)) << file;
        EXPECT_EQ(read_file(dir("t1") / file), read_file(dir("t3") / file)) << file;
    }
}

TEST_F(SweepRunner, MergedShardsAreByteIdenticalToASingleProcessRun) {
    const SweepSpec spec = grid_spec();
    run_sweep(spec, options("single", 2));
    RunnerOptions first = options("shard0", 1);
    first.shard = {0, 2};
    RunnerOptions second = options("shard1", 2);
    second.shard = {1, 2};
    const SweepResult shard0 = run_sweep(spec, first);
    run_sweep(spec, second);
    EXPECT_TRUE(shard0.complete);
    EXPECT_FALSE(shard0.aggregated);  // a shard alone has no points.csv
    EXPECT_FALSE(fs::exists(dir("shard0") / "points.csv"));
    const SweepResult merged =
        merge_shards({dir("shard1").string(), dir("shard0").string()}, dir("merged").string());
    EXPECT_TRUE(merged.aggregated);
    for (const char* file : {"runs.csv", "points.csv", "sweep.json"}) {
        EXPECT_EQ(read_file(dir("single") / file), read_file(dir("merged") / file)) << file;
    }
}

TEST_F(SweepRunner, SweepJsonLabelsParametersAndShardsWithoutLabelsStillMerge) {
    const SweepSpec spec = grid_spec();
    RunnerOptions first = options("shard0", 1);
    first.shard = {0, 2};
    RunnerOptions second = options("shard1", 1);
    second.shard = {1, 2};
    run_sweep(spec, first);
    run_sweep(spec, second);
    const std::string json = read_file(dir("shard0") / "sweep.json");
    EXPECT_NE(json.find("\"label\": \"Russia · resolve\""), std::string::npos) << json;
    // A shard written before labels were recorded: the same sweep, since labels do not define the rows.
    std::string old = read_file(dir("shard1") / "sweep.json");
    const std::string label = "\"label\": \"Russia · resolve\",";
    ASSERT_NE(old.find(label), std::string::npos);
    old.erase(old.find(label), label.size());
    std::ofstream(dir("shard1") / "sweep.json") << old;
    const SweepResult merged =
        merge_shards({dir("shard0").string(), dir("shard1").string()}, dir("merged").string());
    EXPECT_TRUE(merged.aggregated);
    // Another design is still refused.
    old.replace(old.find("\"replications\": "), 16, "\"replications\": 9");
    std::ofstream(dir("shard1") / "sweep.json") << old;
    EXPECT_THROW(merge_shards({dir("shard0").string(), dir("shard1").string()}, dir("merged2").string()),
                 std::runtime_error);
}

TEST_F(SweepRunner, MergeRefusesAMissingShard) {
    const SweepSpec spec = grid_spec();
    RunnerOptions first = options("shard0", 1);
    first.shard = {0, 3};
    run_sweep(spec, first);
    RunnerOptions third = options("shard2", 1);
    third.shard = {2, 3};
    run_sweep(spec, third);
    EXPECT_THROW(merge_shards({dir("shard0").string(), dir("shard2").string()}, dir("merged").string()),
                 std::runtime_error);
}

TEST_F(SweepRunner, AResumedSweepAfterATornWriteMatchesAnUninterruptedOne) {
    const SweepSpec spec = grid_spec();
    run_sweep(spec, options("whole", 2));

    // Interrupt: the stop flag is raised after 40 runs; every finished row is kept in the partial file.
    std::atomic<bool> stop{false};
    std::atomic<int> calls{0};
    RunnerOptions interrupted = options("resumed", 2);
    interrupted.stop = &stop;
    interrupted.run = [&](const ScenarioSpec& scenario, std::uint64_t seed) {
        if (++calls >= 40) {
            stop = true;
        }
        return fake_model(scenario, seed);
    };
    const SweepResult partial = run_sweep(spec, interrupted);
    EXPECT_FALSE(partial.complete);
    EXPECT_GE(partial.executed, 40U);
    EXPECT_LT(partial.executed, 105U);
    const fs::path partial_path = dir("resumed") / "runs.csv.partial";
    ASSERT_TRUE(fs::exists(partial_path));
    EXPECT_FALSE(fs::exists(dir("resumed") / "runs.csv"));

    // Simulate a crash mid-write: cut the last row in half.
    const auto size = fs::file_size(partial_path);
    fs::resize_file(partial_path, size - 7);

    RunnerOptions resume = options("resumed", 1);
    resume.resume = ResumeMode::Resume;
    const SweepResult resumed = run_sweep(spec, resume);
    EXPECT_TRUE(resumed.complete);
    EXPECT_EQ(resumed.skipped + resumed.executed, 105U);
    EXPECT_GE(resumed.executed, 105U - partial.executed + 1U);  // the torn row ran again
    for (const char* file : {"runs.csv", "points.csv", "sweep.json"}) {
        EXPECT_EQ(read_file(dir("whole") / file), read_file(dir("resumed") / file)) << file;
    }
}

TEST_F(SweepRunner, FailedRunsAreRowsWithTheirErrorAndEmptyMetrics) {
    SweepSpec spec = grid_spec();
    spec.parameters[0].values.push_back(1.5);  // out of range for resolve: an override error at those points
    const SweepResult result = run_sweep(spec, options("failed", 2));
    EXPECT_TRUE(result.complete);
    EXPECT_GT(result.failed, 21U);  // 3 points x 7 replications of override errors, plus model failures
    const std::string runs = read_file(dir("failed") / "runs.csv");
    EXPECT_NE(runs.find(",,,,\"fake model failure, with a comma\"\n"), std::string::npos);
    EXPECT_NE(runs.find(",1.5,0,,,,"), std::string::npos);
    const std::string points = read_file(dir("failed") / "points.csv");
    EXPECT_NE(points.find(",1.5,0,0,,,,,,,7\n"), std::string::npos) << points;
}

TEST_F(SweepRunner, SobolShardsMergeToTheSameIndicesAsOneProcess) {
    SweepSpec spec = grid_spec();
    spec.design = DesignKind::Sobol;
    spec.parameters[0].low = 0.0;
    spec.parameters[0].high = 1.0;
    spec.parameters[1].low = 0.0;
    spec.parameters[1].high = 0.1;
    spec.samples = 16;
    spec.replications = 3;
    spec.bootstrap = 50;
    spec.metrics = {SweepMetric::PWar, SweepMetric::MeanPeakRung};
    run_sweep(spec, options("single", 2));
    for (int i = 0; i < 3; ++i) {
        RunnerOptions shard = options("s" + std::to_string(i), 1);
        shard.shard = {i, 3};
        run_sweep(spec, shard);
    }
    merge_shards({dir("s0").string(), dir("s1").string(), dir("s2").string()}, dir("merged").string());
    const std::string sobol = read_file(dir("single") / "sobol.csv");
    EXPECT_EQ(sobol, read_file(dir("merged") / "sobol.csv"));
    EXPECT_EQ(sobol.rfind("metric,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\np_war,actors.russia.resolve,", 0),
              0U);
    // The fake model's peak rung depends on resolve alone: its total index for model.reaction is zero.
    EXPECT_NE(sobol.find("mean_peak_rung,model.reaction,0,0,0,0,0,0\n"), std::string::npos) << sobol;
}

TEST_F(SweepRunner, TheCrisisModelGivesTheSameRowsOnOneAndTwoThreads) {
    SweepSpec spec = grid_spec();
    spec.parameters[0].values = {0.5, 0.9};
    spec.parameters[1].values = {0.04};
    spec.replications = 1;
    spec.base.metadata.horizon = 60.0;  // keeps the Debug/ASan suite fast
    RunnerOptions one = options("model1", 1);
    one.run = model_run_function();
    RunnerOptions two = options("model2", 2);
    two.run = model_run_function();
    const SweepResult result = run_sweep(spec, one);
    run_sweep(spec, two);
    EXPECT_EQ(result.failed, 0U);
    EXPECT_EQ(read_file(dir("model1") / "runs.csv"), read_file(dir("model2") / "runs.csv"));
}

TEST_F(SweepRunner, ComputesAndWritesFilesButDrawsNoCharts) {
    // Charts are drawn from these files by plots (tests/unit/plots/test_sweep_charts.cpp), called by the CLI.
    const SweepResult result = run_sweep(grid_spec(), options("files", 2));
    EXPECT_TRUE(result.aggregated);
    EXPECT_TRUE(fs::exists(dir("files") / "points.csv"));
    EXPECT_FALSE(fs::exists(dir("files") / "charts"));
}

}  // namespace
}  // namespace brink::sweep
