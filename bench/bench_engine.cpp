// Benchmarks of the engine (issue 2): event throughput against a bare std::priority_queue baseline compiled
// in this same binary, and an M/M/1 queue of 10^6 customers. Run with scripts/bench.sh (release preset).
//
// Throughput workload: N pending processes; each event draws an exponential delay (mean 1 day) from an
// RngStream and reschedules its process, so the queue holds N events throughout. items_per_second = events/s.
#include "brink/engine/linear_flow.hpp"
#include "brink/engine/rng.hpp"
#include "brink/engine/simulation.hpp"

#include "mm1_queue.hpp"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <queue>
#include <vector>

namespace {

using brink::engine::RngStream;
using brink::engine::Simulation;
using brink::engine::StopConditions;
using brink::engine::stream_key;

constexpr std::uint64_t kSeed = 20260122;
constexpr std::int64_t kEventsPerIteration = 1 << 17;

// ---- Engine ----------------------------------------------------------------------------------------------

struct EngineProcess {
    RngStream* rng;
};

void engine_step(Simulation& sim, void* context) {
    auto* process = static_cast<EngineProcess*>(context);
    sim.schedule_in(process->rng->exponential(1.0), 0, engine_step, process);
}

void BM_Engine_Throughput(benchmark::State& state) {
    const auto processes = static_cast<std::size_t>(state.range(0));
    Simulation sim(kSeed);
    sim.reserve_events(processes);
    RngStream& rng = sim.rng("processes");
    std::vector<EngineProcess> contexts(processes, EngineProcess{&rng});
    for (EngineProcess& process : contexts) {
        sim.schedule_in(rng.exponential(1.0), 0, engine_step, &process);
    }
    StopConditions stop;
    stop.horizon = std::numeric_limits<double>::infinity();
    stop.event_budget = kEventsPerIteration;
    for (auto _ : state) {
        sim.run(stop);
    }
    benchmark::DoNotOptimize(sim.now());
    state.SetItemsProcessed(state.iterations() * kEventsPerIteration);
}
BENCHMARK(BM_Engine_Throughput)->Arg(10)->Arg(1000)->Arg(100000);

// ---- Baseline: a bare std::priority_queue of (time, seq, function pointer) --------------------------------

struct Baseline;
using BaselineFn = void (*)(Baseline&);

struct BaselineEvent {
    double time;
    std::uint64_t sequence;
    BaselineFn fn;
    bool operator>(const BaselineEvent& other) const {
        return time != other.time ? time > other.time : sequence > other.sequence;
    }
};

struct Baseline {
    std::priority_queue<BaselineEvent, std::vector<BaselineEvent>, std::greater<>> queue;
    std::uint64_t next_sequence = 0;
    double now = 0.0;
    RngStream rng{kSeed, stream_key("processes")};

    void schedule_in(double delay, BaselineFn fn) { queue.push({now + delay, next_sequence++, fn}); }
    void run(std::int64_t events) {
        for (std::int64_t i = 0; i < events && !queue.empty(); ++i) {
            const BaselineEvent event = queue.top();
            queue.pop();
            now = event.time;
            event.fn(*this);
        }
    }
};

void baseline_step(Baseline& sim) {
    sim.schedule_in(sim.rng.exponential(1.0), baseline_step);
}

void BM_Baseline_Throughput(benchmark::State& state) {
    const auto processes = static_cast<std::size_t>(state.range(0));
    Baseline sim;
    std::vector<BaselineEvent> storage;
    storage.reserve(processes);
    sim.queue = decltype(sim.queue)(std::greater<>{}, std::move(storage));
    for (std::size_t i = 0; i < processes; ++i) {
        sim.schedule_in(sim.rng.exponential(1.0), baseline_step);
    }
    for (auto _ : state) {
        sim.run(kEventsPerIteration);
    }
    benchmark::DoNotOptimize(sim.now);
    state.SetItemsProcessed(state.iterations() * kEventsPerIteration);
}
BENCHMARK(BM_Baseline_Throughput)->Arg(10)->Arg(1000)->Arg(100000);

// ---- M/M/1, 10^6 customers (lambda = 0.9, mu = 1)
// ----------------------------------------------------------

void BM_Engine_MM1(benchmark::State& state) {
    std::uint64_t events = 0;
    for (auto _ : state) {
        Simulation sim(kSeed);
        brink::test_support::MM1Queue queue;  // shared with the engine's test (tests/support/mm1_queue.hpp)
        queue.start(sim);
        StopConditions stop;
        stop.horizon = std::numeric_limits<double>::infinity();
        sim.run(stop);
        events += sim.events_processed();
        benchmark::DoNotOptimize(queue.total_wait);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(BM_Engine_MM1)->Unit(benchmark::kMillisecond);

// ---- LinearFlow at model scale: n actors, Richardson-type M = K - diag(restraint) ------------------------

// A reproducible stable system: sparse non-negative reactions K (about 10 partners per actor, <= 0.05 each,
// `symmetry` chooses a symmetric K, whose eigenvalues are real, or an asymmetric one), restraint 1.
brink::engine::LinearFlow make_flow(Eigen::Index n, bool symmetric) {
    RngStream rng(kSeed, stream_key("flow"));
    Eigen::MatrixXd m = Eigen::MatrixXd::Zero(n, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index j = symmetric ? i + 1 : 0; j < n; ++j) {
            if (i != j && rng.bernoulli(10.0 / static_cast<double>(n))) {
                m(i, j) = 0.05 * rng.uniform();
                if (symmetric) {
                    m(j, i) = m(i, j);
                }
            }
        }
        m(i, i) = -1.0;
    }
    Eigen::VectorXd g(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        g[i] = rng.uniform();
    }
    return brink::engine::LinearFlow(m, g);
}

void BM_LinearFlow_Build(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(make_flow(state.range(0), state.range(1) != 0));
    }
}
BENCHMARK(BM_LinearFlow_Build)->Args({200, 1})->Args({200, 0})->Unit(benchmark::kMillisecond);

void BM_LinearFlow_Advance(benchmark::State& state) {
    const auto flow = make_flow(state.range(0), state.range(1) != 0);
    Eigen::VectorXd x = Eigen::VectorXd::Zero(state.range(0));
    for (auto _ : state) {
        x = flow.advance(x, 0.37);
        benchmark::DoNotOptimize(x.data());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LinearFlow_Advance)->Args({200, 1})->Args({200, 0})->Unit(benchmark::kMicrosecond);

void BM_LinearFlow_FirstCrossing(benchmark::State& state) {
    const auto flow = make_flow(state.range(0), state.range(1) != 0);
    const Eigen::VectorXd x0 = Eigen::VectorXd::Zero(state.range(0));
    const double equilibrium = flow.advance(x0, 1000.0)[0];
    for (auto _ : state) {
        // A threshold reached at about t = 0.7 (half-way to equilibrium) and one never reached.
        benchmark::DoNotOptimize(
            flow.first_crossing(x0, 0, 0.5 * equilibrium, brink::engine::Crossing::Upward, 365.0));
        benchmark::DoNotOptimize(
            flow.first_crossing(x0, 0, 2.0 * equilibrium, brink::engine::Crossing::Upward, 365.0));
    }
    state.SetItemsProcessed(2 * state.iterations());
}
BENCHMARK(BM_LinearFlow_FirstCrossing)->Args({200, 1})->Args({200, 0})->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
