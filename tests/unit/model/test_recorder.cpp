// Tests of recorder.hpp: the event log's key flags, the daily dyad sums, the trajectory's samples
// (docs/outputs.md), and that recording leaves the run alone.
#include "brink/model/recorder.hpp"

#include "brink/model/bdm.hpp"
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

TEST(Recorder, EveryBdmRoundIsKeptPairByPairWithItsTerms) {
    // docs/outputs.md, bdm_rounds.csv: n(n − 1) rows a round, numbered per issue, with the round's own terms.
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.actors.push_back(fixtures::make_actor("third", 0.5, 0.4));
    spec.actors.back().positions.push_back(fixtures::make_position("claim", 0.4, 0.6));
    RecorderBench bench(spec);
    const std::vector<BdmActor> actors{{0.4, 1.0, 0.8}, {0.4, 0.0, 0.8}, {0.2, 0.4, 0.6}};
    const BdmRound round = bdm_round(actors, BdmParams{});
    const std::vector<int> who{0, 1, 2};
    const std::vector<double> moved_to{0.9, 0.1, 0.45};
    bench.recorder.on_bdm_round(0, who, round, moved_to);
    bench.recorder.on_bdm_round(0, who, round, moved_to);
    RunResult r;
    bench.recorder.finish(r);
    ASSERT_EQ(r.bdm_rounds.size(), 12u);
    const BdmPairRecord& row = r.bdm_rounds[1];  // actor 0 against actor 2
    EXPECT_EQ(row.round, 1);
    EXPECT_EQ(row.actor, 0);
    EXPECT_EQ(row.other, 2);
    EXPECT_DOUBLE_EQ(row.median, round.median_position);
    EXPECT_DOUBLE_EQ(row.spread, 1.0);
    EXPECT_DOUBLE_EQ(row.votes, round.votes(0, 2));
    EXPECT_DOUBLE_EQ(row.probability, round.prob_success(0, 2));
    EXPECT_DOUBLE_EQ(row.expected_utility, round.expected_utility(0, 2));
    EXPECT_DOUBLE_EQ(row.perceived_utility, round.perceived_expected_utility(0, 2));
    EXPECT_DOUBLE_EQ(row.risk, round.risk(0));
    EXPECT_EQ(row.outcome, round.outcome[0][2]);
    EXPECT_DOUBLE_EQ(row.new_position, round.new_positions(0));
    EXPECT_DOUBLE_EQ(row.moved_to, 0.9);
    EXPECT_EQ(r.bdm_rounds[6].round, 2);
    // Not recorded when output.bdm_rounds is off.
    RecordOptions off;
    off.bdm_rounds = false;
    RecorderBench quiet(spec, off);
    quiet.recorder.on_bdm_round(0, who, round, moved_to);
    RunResult none;
    quiet.recorder.finish(none);
    EXPECT_TRUE(none.bdm_rounds.empty());
}

TEST(Recorder, ARunRecordsItsBdmRoundsUnlessTheScenarioSaysNot) {
    ScenarioSpec spec = fixtures::two_actor_dispute();
    spec.model.bdm_interval = 7.0;
    spec.metadata.horizon = 30.0;
    spec.model.decisions_enabled = false;
    const RunResult with = run_crisis(spec, 1);
    ASSERT_FALSE(with.bdm_rounds.empty());
    EXPECT_DOUBLE_EQ(with.bdm_rounds.front().time, 7.0);
    EXPECT_EQ(with.bdm_rounds.size() % 2, 0u);  // two actors: two ordered pairs a round
    spec.output.bdm_rounds = false;
    const RunResult without = run_crisis(spec, 1);
    EXPECT_TRUE(without.bdm_rounds.empty());
    EXPECT_EQ(without.events.size(), with.events.size());  // recording never changes the run
}

}  // namespace
}  // namespace brink::model
