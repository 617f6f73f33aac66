// brink sweep: ensembles (`brink run --runs N`): N replications of one scenario with seeds derive_seed(base,
// run).
//
// Writes OUT/runs.csv (one row per replication, ordered by run id), OUT/quantiles.csv (per-day 10/50/90%
// quantiles of rung, pressure and position:<issue> per actor) and OUT/summary.json (docs/outputs.md).
// Quantiles come from fixed-bin histograms filled as runs finish: memory is days × actors × metrics × bins,
// independent of N, and the counts (hence the output) do not depend on the order runs finish in.
// docs/sweeps.md states the bins and the resulting quantile resolution.
#pragma once

#include "brink/io/not_reached.hpp"
#include "brink/model/run_result.hpp"
#include "brink/scenario.hpp"
#include "brink/sweep/sweep.hpp"

#include <atomic>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace brink::sweep {

/// One replication with its trajectory: (spec, seed) -> RunResult. Must be thread-safe.
using TrajectoryRunFunction = std::function<model::RunResult(const ScenarioSpec& spec, std::uint64_t seed)>;

/// The crisis model for ensembles: model::run_crisis with record_trajectory = true, record_events = false.
TrajectoryRunFunction model_trajectory_function();

/// One replication's row of runs.csv as values (docs/outputs.md): the row's text is written from it, and
/// EnsembleOptions::on_row hands it over as it is (the Python package builds its columns from these, not from
/// the text).
struct RunRow {
    std::uint64_t run = 0;   ///< Replication id (0-based).
    std::uint64_t seed = 0;  ///< engine::derive_seed(base seed, run).
    /// How the run ended; nullopt when it threw (then only run, seed and error are set).
    std::optional<model::OutcomeKind> outcome;
    double time = k_unset;       ///< Day of the outcome.
    std::optional<long> day;     ///< io::date_to_days of the outcome's date; nullopt without a start date.
    std::string initiator;       ///< Actor id, empty if none.
    std::string target;          ///< Actor id, empty if none.
    int peak_rung = 0;           ///< Highest rung reached.
    int violence = 1;            ///< ICB's violence scale, 1-4.
    double war_start = k_unset;  ///< NaN: no war.
    double war_end = k_unset;    ///< NaN: no war, or fought to the horizon.
    std::optional<model::WarEnd> war_how;  ///< nullopt: no war.
    std::vector<double> positions;         ///< One per position:<actor>:<issue> column (runs_columns' order).
    std::vector<std::optional<model::ActorOutcome>> actor_outcomes;  ///< One per actor (the spec's order).
    std::string error;  ///< The failed run's message (one line); empty otherwise.
};

/// runs.csv's column names for `spec`, in order: run, seed, outcome, time, date, initiator, target,
/// peak_rung, violence, war_start, war_end, war_how, position:<actor>:<issue>..., outcome:<actor>..., error.
std::vector<std::string> runs_columns(const ScenarioSpec& spec);

/// The position:<actor>:<issue> columns of runs.csv as (actor index, issue index), in runs_columns' order.
std::vector<std::pair<std::size_t, std::size_t>> runs_position_columns(const ScenarioSpec& spec);

/// Where each of a run's actors and issues stands in `spec` (by id; -1 where the spec has no such id).
struct SpecIndices {
    std::vector<int> actors;  ///< Per run actor.
    std::vector<int> issues;  ///< Per run issue.
};

/// The spec indices of `run`'s actors and issues.
SpecIndices spec_indices(const ScenarioSpec& spec, const model::RunResult& run);

/// A run's trajectory sampled daily, the rule of quantiles.csv (docs/outputs.md): on day d a slot holds its
/// last sample at or before d (after the run ended, its final state; NaN before its first sample).
/// `slot_of(sample)` gives a sample's slot in [0, slots), or < 0 for a sample not kept; `visit(day, values)`
/// is called for each day 0 .. days − 1 with the slots' values.
template <typename SlotOf, typename Visit>
void sample_daily(const model::RunResult& run, int days, std::size_t slots, SlotOf&& slot_of, Visit&& visit) {
    std::vector<double> current(slots, std::numeric_limits<double>::quiet_NaN());
    std::size_t next = 0;
    for (int day = 0; day < days; ++day) {
        while (next < run.trajectory.size() && run.trajectory[next].time <= static_cast<double>(day) + 1e-9) {
            const model::TrajectorySample& sample = run.trajectory[next++];
            const int slot = slot_of(sample);
            if (slot >= 0) {
                current[static_cast<std::size_t>(slot)] = sample.value;
            }
        }
        visit(day, current);
    }
}

/// How to run an ensemble.
struct EnsembleOptions {
    int threads = 0;      ///< Worker threads; 0 = std::thread::hardware_concurrency(). Default 0.
    std::string out_dir;  ///< Output directory (created). Required.
    std::function<void(const Progress&)>
        progress;  ///< Called about every 100 ms and at the end. Default none.
    const std::atomic<bool>* stop =
        nullptr;                ///< Set (e.g. from SIGINT) to stop; outputs then cover finished runs.
    TrajectoryRunFunction run;  ///< Default (empty): model_trajectory_function().
    std::string command_line;   ///< Recorded in summary.json. Default empty.
    std::string scenario_path;  ///< Recorded in summary.json. Default: spec.source_path.
    /// Called with each replication's row, in run-id order, on one thread at a time. Default none.
    std::function<void(const RunRow&)> on_row;
};

/// A scripted event or demand that some runs of an ensemble ended before (io::not_reached of each run).
struct NotReachedCount {
    io::NotReached item;  ///< The event or demand (its id, day, type, source and description).
    int runs = 0;         ///< In how many finished runs it was never reached.
};

/// What run_ensemble did (enough for the CLI's one-screen summary).
struct EnsembleResult {
    int runs = 0;                         ///< Replications finished (N unless stopped).
    int failed = 0;                       ///< Replications that threw (rows with outcome "error").
    std::map<std::string, int> outcomes;  ///< Count per outcome name ("war", "settlement", ...).
    std::map<std::pair<std::string, std::string>, int> wars;  ///< War runs per (initiator, target) id pair.
    double p_war = 0.0;                                       ///< Share of finished runs ending in war.
    double p_war_lo = 0.0;                                    ///< Wilson 95% lower bound.
    double p_war_hi = 0.0;                                    ///< Wilson 95% upper bound.
    double median_time_to_war = k_unset;  ///< Median day of war among war runs; NaN if none.
    bool complete = false;                ///< All N ran (false when stopped).
    /// What the scenario scheduled that at least one run ended before, in the scenario's order (scripted
    /// events, then demands), with the number of runs that missed it.
    std::vector<NotReachedCount> not_reached;
    std::vector<std::string> written;  ///< Paths of the files written.
};

/// How often one actor went to war against another in an ensemble.
struct WarCount {
    std::string initiator;  ///< Actor id.
    std::string target;     ///< Actor id ("" when the war had no target).
    int runs = 0;
};

/// The wars of `result`, most frequent first (ties by initiator, then target id).
std::vector<WarCount> wars_by_count(const EnsembleResult& result);

/// Runs `runs` replications of `spec` (seeds engine::derive_seed(base_seed, run), run = 0..runs-1) on a
/// thread pool and writes runs.csv, quantiles.csv and summary.json into options.out_dir. Outputs are
/// byte-identical for any thread count. Throws std::invalid_argument for runs < 1, std::runtime_error on I/O
/// failure.
EnsembleResult run_ensemble(const ScenarioSpec& spec, std::uint64_t base_seed, int runs,
                            const EnsembleOptions& options);

}  // namespace brink::sweep
