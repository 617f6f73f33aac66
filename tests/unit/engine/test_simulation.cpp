// Tests of include/brink/engine/simulation.hpp: run order, stop conditions, hooks, closures, determinism, and
// an M/M/1 queue against its analytic results.
#include "brink/engine/simulation.hpp"

#include "mm1_queue.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace brink::engine {
namespace {

/// Records (time, tag) of every event it sees.
class TraceObserver : public Observer {
  public:
    void on_event(const EventView& event) override { events.push_back(event); }
    void on_end(Time now, std::uint64_t events_processed) override {
        end_time = now;
        end_count = events_processed;
        ++end_calls;
    }
    std::vector<EventView> events;
    Time end_time = -1.0;
    std::uint64_t end_count = 0;
    int end_calls = 0;
};

/// FNV-1a over the bytes of every event's (time, priority, sequence, tag): a byte-level trace hash.
class HashObserver : public Observer {
  public:
    void on_event(const EventView& event) override {
        mix(&event.time, sizeof event.time);
        mix(&event.priority, sizeof event.priority);
        mix(&event.sequence, sizeof event.sequence);
        mix(&event.tag, sizeof event.tag);
    }
    std::uint64_t hash = 0xCBF29CE484222325ull;

  private:
    void mix(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            hash = (hash ^ bytes[i]) * 0x100000001B3ull;
        }
    }
};

void noop(Simulation& /*sim*/, void* /*context*/) {}

void count_call(Simulation& /*sim*/, void* context) {
    ++*static_cast<int*>(context);
}

std::vector<std::uint32_t> tags_of(const TraceObserver& trace) {
    std::vector<std::uint32_t> tags;
    for (const EventView& e : trace.events) {
        tags.push_back(e.tag);
    }
    return tags;
}

StopConditions until(Time horizon) {
    StopConditions stop;
    stop.horizon = horizon;
    return stop;
}

TEST(Simulation, RunsEventsInTimeThenPriorityThenInsertionOrder) {
    Simulation sim(1);
    TraceObserver trace;
    sim.add_observer(&trace);
    sim.schedule_at(2.0, 0, noop, nullptr, 1);
    sim.schedule_at(1.0, 1, noop, nullptr, 2);
    sim.schedule_at(1.0, 0, noop, nullptr, 3);
    sim.schedule_at(1.0, 1, noop, nullptr, 4);
    EXPECT_EQ(sim.run(until(10.0)), StopReason::QueueEmpty);
    EXPECT_EQ(tags_of(trace), (std::vector<std::uint32_t>{3, 2, 4, 1}));
    EXPECT_EQ(sim.events_processed(), 4u);
    EXPECT_EQ(sim.now(), 2.0);
}

TEST(Simulation, ClockShowsTheEventTimeInsideTheCallback) {
    Simulation sim(1);
    std::vector<Time> seen;
    sim.schedule_at(1.5, 0, [&](Simulation& s) { seen.push_back(s.now()); });
    sim.schedule_in(0.5, 0, [&](Simulation& s) { seen.push_back(s.now()); });
    sim.run(until(10.0));
    EXPECT_EQ(seen, (std::vector<Time>{0.5, 1.5}));
}

TEST(Simulation, StopsAtTheHorizonWithTheClockOnTheHorizon) {
    Simulation sim(1);
    int calls = 0;
    sim.schedule_at(5.0, 0, count_call, &calls);
    sim.schedule_at(10.0, 0, count_call, &calls);  // exactly at the horizon: runs
    sim.schedule_at(10.5, 0, count_call, &calls);  // after it: does not
    EXPECT_EQ(sim.run(until(10.0)), StopReason::Horizon);
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(sim.now(), 10.0);
    EXPECT_EQ(sim.pending(), 1u);
    // A second run continues from there.
    EXPECT_EQ(sim.run(until(20.0)), StopReason::QueueEmpty);
    EXPECT_EQ(calls, 3);
    EXPECT_EQ(sim.now(), 10.5);
}

TEST(Simulation, StopsWhenThePredicateHolds) {
    Simulation sim(1);
    int calls = 0;
    for (int i = 1; i <= 10; ++i) {
        sim.schedule_at(i, 0, count_call, &calls);
    }
    StopConditions stop = until(100.0);
    stop.predicate = [&](const Simulation& s) { return s.now() >= 4.0; };
    EXPECT_EQ(sim.run(stop), StopReason::Predicate);
    EXPECT_EQ(calls, 4);
    EXPECT_EQ(sim.now(), 4.0);
}

TEST(Simulation, StopsAtTheEventBudgetOfEachRun) {
    Simulation sim(1);
    int calls = 0;
    for (int i = 1; i <= 10; ++i) {
        sim.schedule_at(i, 0, count_call, &calls);
    }
    StopConditions stop = until(100.0);
    stop.event_budget = 3;
    EXPECT_EQ(sim.run(stop), StopReason::EventBudget);
    EXPECT_EQ(calls, 3);
    EXPECT_EQ(sim.run(stop), StopReason::EventBudget);
    EXPECT_EQ(calls, 6);
    EXPECT_EQ(sim.events_processed(), 6u);
}

TEST(Simulation, StopsAfterTheEventThatRequestsIt) {
    Simulation sim(1);
    int calls = 0;
    sim.schedule_at(1.0, 0, [&](Simulation& s) {
        ++calls;
        s.request_stop();
    });
    sim.schedule_at(1.0, 0, count_call, &calls);
    EXPECT_EQ(sim.run(until(100.0)), StopReason::Requested);
    EXPECT_EQ(calls, 1);
    // The request is consumed: the next run goes on.
    EXPECT_EQ(sim.run(until(100.0)), StopReason::QueueEmpty);
    EXPECT_EQ(calls, 2);
}

TEST(Simulation, ReturnsQueueEmptyWithoutMovingTheClock) {
    Simulation sim(1);
    sim.schedule_at(3.0, 0, noop, nullptr);
    EXPECT_EQ(sim.run(until(100.0)), StopReason::QueueEmpty);
    EXPECT_EQ(sim.now(), 3.0);
}

TEST(Simulation, RunsObserversEndAndHooksOnceWhenRunReturns) {
    Simulation sim(1);
    TraceObserver trace;
    sim.add_observer(&trace);
    std::vector<Time> hook_times;
    sim.on_end([&](Simulation& s) { hook_times.push_back(s.now()); });
    sim.schedule_at(1.0, 0, noop, nullptr);
    sim.schedule_at(2.0, 0, noop, nullptr);
    sim.run(until(1.5));
    EXPECT_EQ(trace.end_calls, 1);
    EXPECT_EQ(trace.end_time, 1.5);
    EXPECT_EQ(trace.end_count, 1u);
    EXPECT_EQ(hook_times, (std::vector<Time>{1.5}));
}

TEST(Simulation, AfterEventHookRunsAfterEveryCallbackAndSeesItsEffects) {
    Simulation sim(1);
    struct Log {
        std::vector<std::string> entries;
        int value = 0;
    } log;
    sim.schedule_at(1.0, 0, [&](Simulation&) {
        log.value = 1;
        log.entries.push_back("event 1");
    });
    sim.schedule_at(2.0, 0, [&](Simulation&) {
        log.value = 2;
        log.entries.push_back("event 2");
    });
    sim.set_after_event(
        [](Simulation& s, void* context) {
            auto* l = static_cast<Log*>(context);
            l->entries.push_back("after " + std::to_string(l->value) + " at " + std::to_string(s.now()));
        },
        &log);
    sim.run(StopConditions{});
    const std::vector<std::string> expected = {"event 1", "after 1 at 1.000000", "event 2",
                                               "after 2 at 2.000000"};
    EXPECT_EQ(log.entries, expected);
    // Unset: no more calls.
    sim.set_after_event(nullptr, nullptr);
    sim.schedule_at(3.0, 0, [&](Simulation&) { log.entries.push_back("event 3"); });
    sim.run(StopConditions{});
    EXPECT_EQ(log.entries.back(), "event 3");
    EXPECT_EQ(log.entries.size(), 5u);
}

TEST(Simulation, CancelAndRescheduleWorkThroughTheKernel) {
    Simulation sim(1);
    TraceObserver trace;
    sim.add_observer(&trace);
    const EventHandle a = sim.schedule_at(1.0, 0, noop, nullptr, 1);
    const EventHandle b = sim.schedule_at(2.0, 0, noop, nullptr, 2);
    const EventHandle c = sim.schedule_at(3.0, 0, noop, nullptr, 3);
    EXPECT_TRUE(sim.cancel(b));
    EXPECT_FALSE(sim.cancel(b));
    EXPECT_TRUE(sim.reschedule(a, 4.0));
    sim.run(until(100.0));
    EXPECT_EQ(tags_of(trace), (std::vector<std::uint32_t>{3, 1}));
    EXPECT_FALSE(sim.is_pending(c));
    EXPECT_FALSE(sim.cancel(c));
    EXPECT_FALSE(sim.reschedule(c, 10.0));
}

TEST(Simulation, CancellingAClosureReleasesItsCaptures) {
    Simulation sim(1);
    auto resource = std::make_shared<int>(0);
    const EventHandle handle = sim.schedule_at(1.0, 0, [resource](Simulation&) { ++*resource; });
    EXPECT_EQ(resource.use_count(), 2);
    EXPECT_TRUE(sim.cancel(handle));
    EXPECT_EQ(resource.use_count(), 1);
    sim.run(until(10.0));
    EXPECT_EQ(*resource, 0);
}

TEST(Simulation, AClosureCanScheduleAnotherClosureIntoItsOwnSlot) {
    Simulation sim(1);
    std::vector<int> order;
    sim.schedule_at(1.0, 0, [&](Simulation& s) {
        order.push_back(1);
        s.schedule_in(1.0, 0, [&](Simulation&) { order.push_back(2); });
    });
    sim.run(until(10.0));
    EXPECT_EQ(order, (std::vector<int>{1, 2}));
}

TEST(Simulation, RefusesEventsInThePastAndBadDelays) {
    Simulation sim(1);
    sim.schedule_at(5.0, 0, noop, nullptr);
    sim.run(until(10.0));
    EXPECT_THROW(sim.schedule_at(4.0, 0, noop, nullptr), std::invalid_argument);
    EXPECT_THROW(sim.schedule_in(-1.0, 0, noop, nullptr), std::invalid_argument);
    EXPECT_THROW(sim.schedule_in(std::numeric_limits<double>::quiet_NaN(), 0, noop, nullptr),
                 std::invalid_argument);
    EXPECT_THROW(sim.schedule_at(std::numeric_limits<double>::infinity(), 0, noop, nullptr),
                 std::invalid_argument);
    EXPECT_THROW(sim.schedule_at(4.0, 0, [](Simulation&) {}), std::invalid_argument);
    EXPECT_THROW(sim.schedule_at(6.0, 0, std::function<void(Simulation&)>{}), std::invalid_argument);
    EXPECT_THROW(sim.run(until(2.0)), std::invalid_argument);
    EXPECT_THROW(sim.run(until(std::numeric_limits<double>::quiet_NaN())), std::invalid_argument);
    EXPECT_EQ(sim.pending(), 0u);
}

TEST(Simulation, NamedStreamsDoNotDependOnWhichOtherStreamsExist) {
    Simulation alone(99);
    Simulation crowded(99);
    crowded.rng("actor/new").next_u64();  // a stream added (and used) before...
    crowded.rng("zzz").next_u64();        // ...and one sorting after
    RngStream& a = alone.rng("actor/russia");
    RngStream& b = crowded.rng("actor/russia");
    for (int i = 0; i < 100; ++i) {
        ASSERT_EQ(a.next_u64(), b.next_u64());
    }
    EXPECT_EQ(&alone.rng("actor/russia"), &a);  // the same stream object on every lookup
}

// A small stochastic model for the determinism tests: N processes, each rescheduling itself after an
// exponential delay drawn from its own named stream, and cancelling or rescheduling a neighbour now and then.
struct ChurnModel {
    struct Process {
        ChurnModel* model;
        RngStream* rng;
        EventHandle next;
        std::uint32_t id;
    };
    std::vector<Process> processes;

    static void step(Simulation& sim, void* context) {
        auto* p = static_cast<Process*>(context);
        const double u = p->rng->uniform();
        Process& neighbour = p->model->processes[(p->id + 1) % p->model->processes.size()];
        if (u < 0.1 && sim.cancel(neighbour.next)) {
            neighbour.next = sim.schedule_in(p->rng->exponential(2.0), 1, step, &neighbour, neighbour.id);
        } else if (u < 0.2) {
            sim.reschedule(neighbour.next, sim.now() + p->rng->exponential(1.0));
        }
        p->next = sim.schedule_in(p->rng->exponential(1.0), static_cast<int>(p->id % 3), step, p, p->id);
    }
};

std::uint64_t trace_hash(std::uint64_t seed) {
    Simulation sim(seed);
    HashObserver hasher;
    sim.add_observer(&hasher);
    ChurnModel model;
    model.processes.resize(20);
    for (std::uint32_t i = 0; i < model.processes.size(); ++i) {
        ChurnModel::Process& p = model.processes[i];
        p = {&model, &sim.rng("process/" + std::to_string(i)), {}, i};
        p.next = sim.schedule_in(p.rng->exponential(1.0), 0, ChurnModel::step, &p, i);
    }
    sim.run(until(200.0));
    EXPECT_GT(sim.events_processed(), 1000u);
    return hasher.hash;
}

TEST(Simulation, SameSeedGivesAByteIdenticalEventTrace) {
    EXPECT_EQ(trace_hash(2022), trace_hash(2022));
}

TEST(Simulation, DifferentSeedGivesADifferentEventTrace) {
    EXPECT_NE(trace_hash(2022), trace_hash(2023));
}

TEST(Simulation, MM1QueueMatchesTheAnalyticWaitAndUtilisation) {
    // lambda = 0.9, mu = 1: rho = 0.9, mean wait in queue Wq = rho / (mu - lambda) = 9.0, utilisation 0.9.
    // Tolerances (issue 2): Wq within 3%, utilisation within 1%. Measured over 60 seeds, the mean wait of ONE
    // run of 10^6 customers has a standard deviation of 0.22 (2.4% of 9.0: waits at rho = 0.9 are strongly
    // autocorrelated), so a single run would meet 3% only about 80% of the time. We therefore average four
    // independent runs of 10^6 customers each (seeds fixed via derive_seed before any result was seen): the
    // standard error is then 1.2%, and 3% is 2.5 standard errors. The utilisation's standard error per run is
    // about 0.15%, so 1% is more than 10 standard errors.
    constexpr int kReplications = 4;
    double wait_sum = 0.0;
    double utilisation_sum = 0.0;
    for (int replication = 0; replication < kReplications; ++replication) {
        Simulation sim(derive_seed(20260122, static_cast<std::uint64_t>(replication)));
        test_support::MM1Queue queue;
        queue.start(sim);
        StopConditions stop;
        stop.horizon = std::numeric_limits<double>::infinity();
        ASSERT_EQ(sim.run(stop), StopReason::QueueEmpty);
        ASSERT_EQ(sim.events_processed(), 2 * queue.customers);
        wait_sum += queue.total_wait / static_cast<double>(queue.customers);
        utilisation_sum += queue.busy_time / sim.now();
    }
    EXPECT_NEAR(wait_sum / kReplications, 9.0, 0.03 * 9.0);
    EXPECT_NEAR(utilisation_sum / kReplications, 0.9, 0.01 * 0.9);
}

}  // namespace
}  // namespace brink::engine
