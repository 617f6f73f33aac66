// Benchmarks of the crisis model (issue 4 targets, release preset): the default scenario's full single run
// (<= 2 ms median) and a synthetic 200 actors x 3 issues x 365 days run (< 1 s). Run with
// `build/bench/bench_model --benchmark_repetitions=5 --benchmark_report_aggregates_only=true`.
#include "brink/io/scenario_loader.hpp"
#include "brink/model/crisis.hpp"
#include "brink_test_support.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace {

using namespace brink;

const ScenarioSpec& default_scenario() {
    return brink::test_support::bundled_scenario();
}

/// 200 actors in 20 regions of 10: in each region a challenger demands one issue of two rivals; rivals and
/// allies inside the region, neutral across regions. Deterministic capabilities and stances. A war anywhere
/// ends a run, so the world is tense but deterred (costly wars, moderate resolve and rivalry); the regional
/// demands are made in turn over the year, and region 0's dispute is frozen, so runs reach the 365-day
/// horizon (the counter simulated_days reports it; the benchmark fails if a run ends earlier).
ScenarioSpec synthetic_200() {
    ScenarioSpec spec;
    spec.metadata.name = "synthetic 200 x 3 x 365";
    // The escalation and choice parameters this deterred world was built with (the defaults before the
    // calibration of 4 December 2026: docs/validation.md): under the calibrated ones (grievance ×2.8,
    // restraint ×0.5) the Richardson dynamics alone spiral some region past the war rung within the year, and
    // the workload would no longer be a year of diplomacy.
    spec.model.rationality = 10.0;
    spec.model.choice_persistence = 7.0;
    spec.model.reaction = 0.04;
    spec.model.restraint = 0.08;
    spec.model.grievance = 0.05;
    spec.model.audience_cost = 0.3;
    spec.model.bystander_propensity = 0.5;
    spec.model.war.fog = 0.5;
    spec.metadata.horizon = 365.0;
    spec.ladder = default_ladder();
    for (int k = 0; k < 3; ++k) {
        IssueSpec issue;
        issue.id = "issue" + std::to_string(k);
        issue.name = issue.id;
        issue.status_quo = 0.0;
        spec.issues.push_back(issue);
    }
    // Region 0's own issue: no other region's settlement can move its status quo.
    IssueSpec frozen;
    frozen.id = "frozen";
    frozen.name = "frozen";
    spec.issues.push_back(frozen);
    for (int i = 0; i < 200; ++i) {
        ActorSpec a;
        a.id = "a" + std::to_string(i);
        a.name = a.id;
        a.capability = 50.0 + static_cast<double>((i * 37) % 50);  // within a factor of 2 of each other
        a.resolve = 0.2 + 0.03 * static_cast<double>(i % 10);
        // Costs of war far above any stake, even against a much weaker enemy (a war costs c·2Σ_against/Σ_all,
        // docs/model.md §11.1): the workload is a year of crisis diplomacy among 200 actors, which a war
        // anywhere would end early.
        a.cost_of_war = 4.0 + 0.02 * static_cast<double>(i % 5);
        a.decision_rate = 0.3;
        a.initial_rung = static_cast<double>(i % 2);
        for (int k = 0; k < 3; ++k) {
            PositionSpec p;
            p.issue = "issue" + std::to_string(k);
            p.position = (i % 10 == 0) ? 1.0 : 0.1 * static_cast<double>((i + k) % 5);
            p.salience = 0.3 + 0.1 * static_cast<double>((i + 2 * k) % 7);
            a.positions.push_back(p);
        }
        if (i < 3) {
            // Region 0 is a frozen dispute: its challenger and both targets hold its own issue at full
            // salience and full resolve, so none of them can move (reach 0.35·(1 − s·resolve) = 0,
            // docs/model.md §4.5), and a war would ruin each of them (cost of war 10). Its demand stays open
            // to the horizon, so every run covers the whole year (a standoff) unless a war somewhere ends it.
            a.resolve = 1.0;
            PositionSpec held;
            held.issue = "frozen";
            held.position = i == 0 ? 1.0 : 0.0;
            held.salience = 1.0;
            a.positions.push_back(held);
            a.cost_of_war = 10.0;
            a.capability = 50.0;  // equals: a war costs each its whole cost (§11.1 scales it by the odds)
        }
        spec.actors.push_back(a);
    }
    for (int region = 0; region < 20; ++region) {
        const int base = region * 10;
        const auto id = [&](int offset) { return "a" + std::to_string(base + offset); };
        DemandSpec d;
        d.id = "demand" + std::to_string(region);
        d.challenger = id(0);
        d.targets = {id(1), id(2)};
        d.issue = region == 0 ? "frozen" : "issue" + std::to_string(region % 3);
        d.value = 1.0;
        // Rolling regional crises: a demand every 15 days, each with 60 days to answer, so the run covers
        // the year (it ends when every demand is resolved, or at a war).
        d.made = 15.0 * static_cast<double>(region);
        d.deadline = std::min(d.made + 60.0, spec.metadata.horizon);
        spec.demands.push_back(d);
        for (int m = 1; m < 10; ++m) {
            spec.relations.affinities.push_back({id(0), id(m), m < 5 ? -0.4 : 0.4, false});
        }
        spec.relations.affinities.push_back({id(1), id(2), 0.7, false});
        spec.relations.commitments.push_back({id(3), id(1), 0.6, {}});
    }
    return spec;
}

void run_default(benchmark::State& state, bool record) {
    const ScenarioSpec& spec = default_scenario();
    model::RunOptions options;
    options.record_trajectory = record;
    options.record_events = record;
    std::uint64_t seed = 1;
    for (auto _ : state) {
        benchmark::DoNotOptimize(model::run_crisis(spec, seed++, options));
    }
}

void BM_DefaultScenarioFullRun(benchmark::State& state) {
    run_default(state, true);
}
void BM_DefaultScenarioRunWithoutRecording(benchmark::State& state) {
    run_default(state, false);
}

void BM_Synthetic200Actors(benchmark::State& state) {
    ScenarioSpec spec = synthetic_200();
    model::RunOptions options;
    // Arg 1 records events and the daily trajectory; with 200 actors, samples after every event as well would
    // be ~50 million rows, which is what output.event_samples: false is for (docs/scenario-format.md).
    spec.output.event_samples = false;
    spec.output.bdm_rounds = false;  // 200·199 rows per issue and round: 6 million rows a year
    options.record_trajectory = state.range(0) != 0;
    options.record_events = state.range(0) != 0;
    std::uint64_t seed = 1;
    double days = 0.0;
    double events = 0.0;
    for (auto _ : state) {
        const model::RunResult result = model::run_crisis(spec, seed++, options);
        days += result.outcome.time;
        if (result.outcome.time < spec.metadata.horizon) {
            state.SkipWithError(
                "a synthetic run ended before the 365-day horizon: the workload is not a year");
            break;
        }
        events += static_cast<double>(result.engine_events);
    }
    // How long the runs lasted (the horizon, checked above) and how much work they did.
    state.counters["simulated_days"] = benchmark::Counter(days, benchmark::Counter::kAvgIterations);
    state.counters["engine_events"] = benchmark::Counter(events, benchmark::Counter::kAvgIterations);
}

}  // namespace

BENCHMARK(BM_DefaultScenarioFullRun)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DefaultScenarioRunWithoutRecording)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Synthetic200Actors)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_MAIN();
