// Calibration throughput against the sweep runner's (issue 15 §3: calibration runs/s >= 0.9x the sweep
// rate measured in the same run). The same work both ways: the default scenario at 8 values of
// model.rationality, 250 runs each (2,000 runs), on 2 threads; the calibration through score::run_points and
// model_forecaster (batches of points over sweep::run_replications, scored per point), the sweep through
// sweep::run_sweep (rows to runs.csv and aggregation). scripts/bench.sh prints items_per_second of each and
// the Engine/Baseline ratio.
//
//   build/bench/bench_calibrate
#include "brink/score/calibration.hpp"
#include "brink/sweep/sweep.hpp"
#include "brink_test_support.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

namespace {
namespace fs = std::filesystem;
using namespace brink;

constexpr int k_points = 8;
constexpr int k_runs = 250;
constexpr int k_threads = 2;

// The calibration's unit of work: every point's runs through the model forecaster, scored.
void BM_Engine_CalibrationRuns(benchmark::State& state) {
    score::CalibrationCase ukraine;
    ukraine.path = "scenarios/ukraine_2022.yaml";
    ukraine.spec = test_support::bundled_scenario();
    ukraine.observed.name = "ukraine_2022";
    ukraine.observed.war = 1;
    ukraine.observed.max_violence = 4;
    const std::vector<score::CalibrationCase> cases = {ukraine};
    score::CalibrationSpec spec;
    spec.parameters = {{"model.rationality", 2.0, 20.0, {}}};
    spec.design = score::CalibrationDesign::LatinHypercube;
    spec.points = k_points;
    spec.runs = k_runs;
    sweep::ReplicationOptions replication;
    replication.threads = k_threads;
    const score::PointForecaster forecaster = score::model_forecaster(cases, spec, replication);
    std::int64_t runs = 0;
    for (auto _ : state) {
        score::CalibrationOptions options;
        options.batch = 2 * k_threads;  // as brink calibrate: max(4, 2 × threads)
        const auto points = score::run_points(spec, {ukraine.observed}, forecaster, options);
        runs += static_cast<std::int64_t>(points.size()) * k_runs;
        benchmark::DoNotOptimize(points.back().log);
    }
    state.SetItemsProcessed(runs);
}
BENCHMARK(BM_Engine_CalibrationRuns)->Unit(benchmark::kMillisecond)->UseRealTime();

// The sweep runner on the same runs: a grid of 8 rationality values × 250 replications.
void BM_Baseline_CalibrationRuns(benchmark::State& state) {
    sweep::SweepSpec spec;
    spec.name = "bench";
    spec.scenario_path = "scenarios/ukraine_2022.yaml";
    spec.base = test_support::bundled_scenario();
    sweep::ParameterSpec rationality;
    rationality.path = "model.rationality";
    for (int p = 0; p < k_points; ++p) {
        rationality.values.push_back(2.0 + 18.0 * (p + 0.5) / k_points);
    }
    spec.parameters = {rationality};
    spec.replications = k_runs;
    spec.metrics = {sweep::SweepMetric::PWar};
    const test_support::TempDir temp("brink_bench_calibrate");
    const fs::path dir = temp.path() / "sweep";
    std::int64_t runs = 0;
    for (auto _ : state) {
        fs::remove_all(dir);
        sweep::RunnerOptions options;
        options.threads = k_threads;
        options.out_dir = dir.string();
        const sweep::SweepResult result = sweep::run_sweep(spec, options);
        runs += static_cast<std::int64_t>(result.executed);
        benchmark::DoNotOptimize(result.failed);
    }
    state.SetItemsProcessed(runs);
}
BENCHMARK(BM_Baseline_CalibrationRuns)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
