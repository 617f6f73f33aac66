// Tests of recorder.hpp: the event log's key flags, the daily dyad sums, the trajectory's samples
// (docs/outputs.md), and that recording leaves the run alone.
#include "brink/model/recorder.hpp"

#include "brink/model/crisis.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace brink::model {
namespace {

struct RecorderBench {
    explicit RecorderBench(ScenarioSpec scenario, RecordOptions options = {})
        : spec(std::move(scenario)), sim(1), state(spec), recorder(state, sim, options) {}
    ScenarioSpec spec;
    engine::Simulation sim;
    CrisisState state;
    Recorder recorder;
};

void event(Recorder& recorder, double time, EventType type, int source, int target, double goldstein,
           bool key = true) {
    recorder.on_event(time, LoggedEvent{type, source, target, -1, 0.0, "111", key}, goldstein,
                      [] { return std::string("an event"); });
}

TEST(Recorder, ARepeatedSignalIsKeyOnlyTheFirstTime) {
    RecorderBench bench(fixtures::two_actor_dispute());
    event(bench.recorder, 0.0, EventType::Threat, 0, 1, -2.0);
    event(bench.recorder, 1.0, EventType::Threat, 0, 1, -2.0);
    event(bench.recorder, 2.0, EventType::Threat, 1, 0, -2.0);
    event(bench.recorder, 3.0, EventType::Meeting, 0, 1, 1.0);
    event(bench.recorder, 4.0, EventType::Meeting, 0, 1, 1.0);
    RunResult r;
    bench.recorder.finish(r);
    ASSERT_EQ(r.events.size(), 5u);
    EXPECT_TRUE(r.events[0].key);
    EXPECT_FALSE(r.events[1].key);  // the same warning again
    EXPECT_TRUE(r.events[2].key);   // the other direction is news
    EXPECT_TRUE(r.events[3].key);   // meetings are not repeatable signals: key every time
    EXPECT_TRUE(r.events[4].key);
    EXPECT_EQ(r.events[4].seq, 4u);
}

TEST(Recorder, DyadSumsAreDailyPerDirectedPairAndSorted) {
    RecorderBench bench(fixtures::two_actor_dispute());
    event(bench.recorder, 0.2, EventType::Threat, 1, 0, -2.0);
    event(bench.recorder, 0.5, EventType::Threat, 0, 1, -2.0);
    event(bench.recorder, 0.7, EventType::Meeting, 0, 1, 1.0);
    event(bench.recorder, 1.1, EventType::Meeting, 0, 1, 1.0);
    event(bench.recorder, -3.0, EventType::Threat, 0, 1, -2.0);  // history: no dyad row
    RunResult r;
    bench.recorder.finish(r);
    ASSERT_EQ(r.dyads.size(), 3u);
    EXPECT_EQ(r.dyads[0].day, 0);
    EXPECT_EQ(r.dyads[0].source, 0);  // sorted by (day, source, target)
    EXPECT_DOUBLE_EQ(r.dyads[0].goldstein_sum, -1.0);
    EXPECT_EQ(r.dyads[0].events, 2);
    EXPECT_EQ(r.dyads[1].source, 1);
    EXPECT_EQ(r.dyads[2].day, 1);
}

TEST(Recorder, WithoutEventRecordingNothingIsLoggedAndEventSamplesAreSkipped) {
    RecorderBench bench(fixtures::two_actor_dispute(), RecordOptions{true, false});
    event(bench.recorder, 0.5, EventType::Threat, 0, 1, -2.0);
    bench.recorder.on_sample(SampleKind::Event, true);  // nothing was logged (not recording events)
    RunResult r;
    bench.recorder.finish(r);
    EXPECT_TRUE(r.events.empty());
    EXPECT_TRUE(r.trajectory.empty());
}

TEST(Recorder, OneSamplePerInstantKeepsTheStateAfterItsLastEvent) {
    RecorderBench bench(fixtures::two_actor_dispute());
    bench.recorder.on_sample(SampleKind::Event, false);
    bench.state.rung[0] = 3;
    bench.recorder.on_sample(SampleKind::Event, false);
    RunResult r;
    bench.recorder.finish(r);
    // One sample at t = 0: rung, pressure, position, expected support per actor (no opponent: no p_prevail).
    ASSERT_EQ(r.trajectory.size(), 8u);
    EXPECT_EQ(r.trajectory[0].metric, Metric::Rung);
    EXPECT_DOUBLE_EQ(r.trajectory[0].value, 3.0);
}

TEST(Recorder, RecordingNeverChangesTheRun) {
    const ScenarioSpec spec = fixtures::ukraine_like();
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const RunResult full = run_crisis(spec, seed);
        const RunResult bare = run_crisis(spec, seed, RunOptions{false, false});
        EXPECT_EQ(full.outcome.kind, bare.outcome.kind) << seed;
        EXPECT_EQ(full.outcome.time, bare.outcome.time) << seed;
        EXPECT_EQ(full.event_counts, bare.event_counts) << seed;
        EXPECT_TRUE(bare.events.empty());
        EXPECT_TRUE(bare.trajectory.empty());
        EXPECT_TRUE(bare.dyads.empty());
    }
}

}  // namespace
}  // namespace brink::model
