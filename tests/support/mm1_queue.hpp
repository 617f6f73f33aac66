// The M/M/1 queue on the engine, shared by the engine's test (tests/unit/engine/test_simulation.cpp: the
// analytic wait and utilisation) and its benchmark (bench/bench_engine.cpp: BM_Engine_MM1).
#pragma once

#include "brink/engine/rng.hpp"
#include "brink/engine/simulation.hpp"

#include <cstdint>
#include <deque>

namespace brink::test_support {

/// Poisson arrivals (rate `arrival_rate`), one exponential server (rate `service_rate`), first in first out,
/// until `customers` have arrived; waits and busy time are summed as it runs.
struct MM1Queue {
    double arrival_rate = 0.9;
    double service_rate = 1.0;
    std::uint64_t customers = 1'000'000;
    engine::RngStream* arrivals = nullptr;
    engine::RngStream* services = nullptr;
    std::deque<double> waiting;  ///< Arrival times of the customers in the queue.
    std::uint64_t arrived = 0;
    bool busy = false;
    double busy_since = 0.0;
    double busy_time = 0.0;   ///< Total time the server was busy.
    double total_wait = 0.0;  ///< Total time customers waited in the queue.

    /// Takes the simulation's "arrivals" and "services" streams and schedules the first arrival.
    void start(engine::Simulation& sim) {
        arrivals = &sim.rng("arrivals");
        services = &sim.rng("services");
        sim.schedule_in(arrivals->exponential(arrival_rate), 0, arrival, this);
    }

    static void arrival(engine::Simulation& sim, void* context) {
        auto* q = static_cast<MM1Queue*>(context);
        ++q->arrived;
        if (q->busy) {
            q->waiting.push_back(sim.now());
        } else {
            q->busy = true;
            q->busy_since = sim.now();
            sim.schedule_in(q->services->exponential(q->service_rate), 0, departure, q);
        }
        if (q->arrived < q->customers) {
            sim.schedule_in(q->arrivals->exponential(q->arrival_rate), 0, arrival, q);
        }
    }

    static void departure(engine::Simulation& sim, void* context) {
        auto* q = static_cast<MM1Queue*>(context);
        if (q->waiting.empty()) {
            q->busy = false;
            q->busy_time += sim.now() - q->busy_since;
            return;
        }
        q->total_wait += sim.now() - q->waiting.front();
        q->waiting.pop_front();
        sim.schedule_in(q->services->exponential(q->service_rate), 0, departure, q);
    }
};

}  // namespace brink::test_support
