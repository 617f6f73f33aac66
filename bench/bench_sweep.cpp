// Sweep runner benchmarks (issue 6): runs per second of the default scenario on 1 and 2 threads, and the
// runner's memory over a long sweep.
//
//   build/bench/bench_sweep --benchmark_filter=Model      # runs/s (items_per_second), default scenario
//   build/bench/bench_sweep --benchmark_filter=Memory     # 100,000 runs of a trivial model: peak RSS
//
// Peak memory of a 100,000-run sweep of the real model through the CLI is measured with
//   /usr/bin/time -v build/brink sweep --param actors.russia.resolve=0.5:0.9:100 --runs 1000 --quiet --out
//   DIR
// (README). Targets: >= 500 runs/s per core, >= 1.8x on 2 threads, < 200 MB for 100,000 runs.
#include "brink/sweep/sweep.hpp"
#include "brink_test_support.hpp"

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace {
namespace fs = std::filesystem;
using namespace brink;

const ScenarioSpec& default_scenario() {
    return brink::test_support::bundled_scenario();
}

sweep::SweepSpec resolve_sweep(int points, int replications) {
    sweep::SweepSpec spec;
    spec.name = "bench";
    spec.scenario_path = "scenarios/ukraine_2022.yaml";
    spec.base = default_scenario();
    sweep::ParameterSpec resolve;
    resolve.path = "actors.russia.resolve";
    for (int p = 0; p < points; ++p) {
        resolve.values.push_back(0.5 + 0.4 * p / std::max(1, points - 1));
    }
    spec.parameters = {resolve};
    spec.replications = replications;
    spec.seed = 1;
    spec.design_seed = 1;
    spec.metrics = {sweep::SweepMetric::PWar};
    return spec;
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

// Runs per second of the crisis model through the whole runner (overrides, rows, file I/O, aggregation).
void BM_SweepModelRunsPerSecond(benchmark::State& state) {
    const int threads = static_cast<int>(state.range(0));
    const sweep::SweepSpec spec = resolve_sweep(10, 200);  // 2,000 runs
    const test_support::TempDir temp("brink_bench_sweep_" + std::to_string(threads));
    const fs::path dir = temp.path() / "sweep";
    std::uint64_t runs = 0;
    for (auto _ : state) {
        fs::remove_all(dir);
        sweep::RunnerOptions options;
        options.threads = threads;
        options.out_dir = dir.string();
        const sweep::SweepResult result = sweep::run_sweep(spec, options);
        runs += result.executed;
        benchmark::DoNotOptimize(result.failed);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(runs));
    state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_SweepModelRunsPerSecond)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

// The runner's own memory over 100,000 runs (a trivial model, so the figure is the runner's): peak RSS must
// not grow with the number of runs.
void BM_SweepRunnerMemory(benchmark::State& state) {
    const int runs = static_cast<int>(state.range(0));
    const sweep::SweepSpec spec = resolve_sweep(100, runs / 100);
    const test_support::TempDir temp("brink_bench_sweep_memory");
    const fs::path dir = temp.path() / "sweep";
    for (auto _ : state) {
        fs::remove_all(dir);
        sweep::RunnerOptions options;
        options.threads = 2;
        options.out_dir = dir.string();
        options.run = [](const ScenarioSpec& scenario, std::uint64_t seed) {
            sweep::RunMetrics metrics;
            metrics.outcome = (seed % 100) < static_cast<std::uint64_t>(100 * scenario.actors[0].resolve)
                                  ? model::OutcomeKind::War
                                  : model::OutcomeKind::Standoff;
            metrics.time = static_cast<double>(seed % 365);
            metrics.peak_rung = static_cast<int>(seed % 10);
            return metrics;
        };
        const sweep::SweepResult result = sweep::run_sweep(spec, options);
        benchmark::DoNotOptimize(result.executed);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * runs);
    state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_SweepRunnerMemory)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
