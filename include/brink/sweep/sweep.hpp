// brink sweep: parameter sweeps (designs over scenario parameters), the parallel runner, shard/merge, MPI.
//
// A sweep is a design (points in parameter space) times replications per point. Run ids are fixed by the
// design before anything runs: run = point * replications + replication, seed = engine::derive_seed(base
// seed, run). Each run applies the point's values with io::apply_override to a COPY of the base spec (the
// YAML is read once) and calls a RunFunction. Rows stream to OUT/runs.csv.partial as runs finish; the final
// OUT/runs.csv is ordered by run id and is byte-identical whatever the thread count, shard split or MPI rank
// count. File formats: docs/outputs.md; the sweep file format: docs/sweeps.md.
#pragma once

#include "brink/io/diagnostics.hpp"
#include "brink/model/run_result.hpp"
#include "brink/scenario.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brink::sweep {

/// How the points of a sweep are chosen.
enum class DesignKind {
    Grid,            ///< full factorial over each parameter's `values`, last parameter varying fastest
    LatinHypercube,  ///< `samples` points, one per stratum of each parameter's [low, high]
    MonteCarlo,      ///< `samples` independent uniform points in the box [low, high]^k
    Sobol,  ///< Saltelli (2010) A, B, A_B^(i) matrices from a Joe–Kuo Sobol sequence: samples·(k+2) points
};

/// "grid", "lhs", "monte_carlo", "sobol".
const char* to_string(DesignKind kind);
/// Parses the names of to_string (also "latin_hypercube", "mc", "saltelli"); nullopt if unknown.
std::optional<DesignKind> design_kind_from_string(std::string_view text);

/// One swept parameter, addressed by the same path grammar as `--set` (io::apply_override).
struct ParameterSpec {
    std::string path;            ///< e.g. "actors.russia.resolve". Required.
    std::vector<double> values;  ///< Grid levels in order (a list, or lo:hi:n expanded); for labelled levels
                                 ///< their indices 0..n-1. Required for grid.
    double low = k_unset;   ///< Lower bound of the uniform range (LHS, Monte Carlo, Sobol). Required there.
    double high = k_unset;  ///< Upper bound, >= low (LHS, Monte Carlo, Sobol). Required there.
    std::vector<std::string> labels;  ///< Grid levels that are not all numbers, as `--set` takes them
                                      ///< ("state", "usa,nato"): runs.csv and points.csv show them. Grid
                                      ///< only. Default none (numeric levels).
    bool variant = false;  ///< A structural variant (the Python package's `variant(scenario, value)`): `path`
                           ///< names it, `labels` name its levels, SweepSpec::variants holds the scenarios;
                           ///< no override is applied. Never from a file. Default false.
};

/// Sets a grid parameter's levels from their texts: `values` when every text is a number, else `labels`
/// (the texts, trimmed) with `values` their indices.
void set_grid_levels(ParameterSpec& parameter, const std::vector<std::string>& texts);

/// Metrics aggregated per point and analysed by Sobol designs. Names in files: to_string(SweepMetric).
enum class SweepMetric {
    PWar,           ///< "p_war": share of replications ending in war
    PSettlement,    ///< "p_settlement": share ending in settlement
    MeanPeakRung,   ///< "mean_peak_rung": mean highest rung reached
    MeanTimeToWar,  ///< "mean_time_to_war": mean day of war among runs ending in war (points with none:
                    ///< skipped)
};

/// "p_war", "p_settlement", "mean_peak_rung", "mean_time_to_war".
const char* to_string(SweepMetric metric);
/// Parses the names of to_string; nullopt if unknown.
std::optional<SweepMetric> sweep_metric_from_string(std::string_view text);

/// A whole sweep, validated, with defaults filled. docs/sweeps.md documents every key of the file form.
struct SweepSpec {
    std::string name;           ///< Display name. Default: the sweep file's stem.
    std::string scenario_path;  ///< Base scenario file as given. Required.
    ScenarioSpec base;          ///< The base scenario, loaded once, with `set` overrides applied.
    std::vector<std::string>
        fixed_overrides;  ///< "path=value" applied to `base` for every run (recorded). Default none.
    DesignKind design = DesignKind::Grid;   ///< Default grid.
    std::vector<ParameterSpec> parameters;  ///< At least one; Sobol supports at most max_sobol_parameters().
    int samples = 0;  ///< LHS/MC: points; Sobol: base size N (points N·(k+2)). Range [1, 1e7]. Grid: unused.
    int replications = 1;              ///< Runs per point. Range [1, 1e6]. Default 1.
    std::uint64_t seed = 1;            ///< Base seed of run seeds. Default: the scenario's metadata.seed.
    std::uint64_t design_seed = 1;     ///< Seed of LHS/MC sampling and the Sobol bootstrap. Default: `seed`.
    std::vector<SweepMetric> metrics;  ///< Sobol outputs. Default {p_war}.
    int bootstrap = 1000;     ///< Bootstrap resamples for Sobol intervals. Range [0, 1e5]. Default 1000.
    std::string source_path;  ///< The sweep file (empty for an inline sweep).
    std::vector<ScenarioSpec> variants;  ///< With variant parameters: the base scenario of each combination
                                         ///< of their levels (mixed radix in parameter order, the last
                                         ///< varying fastest), used in place of `base`. Default none.
};

/// Loading result: a spec when there were no errors, and every diagnostic (file:line:column) found.
struct SweepLoadResult {
    std::optional<SweepSpec> spec;
    std::vector<io::Diagnostic> diagnostics;
    /// True when a spec was produced without diagnostics.
    bool ok() const { return spec.has_value() && diagnostics.empty(); }
};

/// Loads a sweep file (YAML, docs/sweeps.md) and its base scenario (path relative to the sweep file's
/// directory, or absolute). Never throws on bad input; the CLI maps diagnostics to exit code 2.
SweepLoadResult load_sweep_file(const std::string& path);
/// Same from YAML text; `file_name` is used in diagnostics and to resolve a relative scenario path.
SweepLoadResult load_sweep_string(std::string_view yaml_text, const std::string& file_name);

/// The inline form `brink sweep SCENARIO --param path=lo:hi:n ... --runs R [--set k=v ...]`: a grid over
/// each --param (repeat for a grid), R replications per point, seed = the scenario's metadata.seed unless
/// `seed` is given. `params` are "path=lo:hi:n" or "path=v1,v2,...". Diagnostics name "--param" / "--set".
SweepLoadResult inline_sweep(const std::string& scenario_path, const std::vector<std::string>& params,
                             int runs, const std::vector<std::string>& set_overrides = {},
                             std::optional<std::uint64_t> seed = std::nullopt);

/// Parses "lo:hi:n" into n evenly spaced values, ends included (n = 1 gives {lo}); or "v1,v2,..." into the
/// list; or a single number. (The inline form reads a list with an item that is not a number as labels.)
/// nullopt (and `error` filled) on bad input: n < 1, lo > hi with n > 1, not numbers.
std::optional<std::vector<double>> parse_values(std::string_view text, std::string* error = nullptr);

/// The metrics one run contributes to a sweep (what runs.csv holds of a run).
struct RunMetrics {
    model::OutcomeKind outcome = model::OutcomeKind::Standoff;  ///< How the run ended.
    double time = 0.0;      ///< Day of the outcome (the horizon for a standoff).
    std::string initiator;  ///< Actor id who started the war / conceded; empty if none.
    std::string target;     ///< Actor id on the other side; empty if none.
    int peak_rung = 0;      ///< Highest rung index any actor reached.
};

/// One replication: (spec with the point's overrides applied, seed) -> metrics. Must be thread-safe
/// (called concurrently with different specs). Exceptions become failed-run rows.
using RunFunction = std::function<RunMetrics(const ScenarioSpec& spec, std::uint64_t seed)>;

/// The crisis model as a RunFunction: model::run_crisis with record_trajectory = record_events = false.
RunFunction model_run_function();

/// Which runs this process executes.
struct Shard {
    int index = 0;  ///< This shard, in [0, count). Default 0.
    int count = 1;  ///< Number of shards; runs with id ≡ index (mod count) are executed here. Default 1.
};

/// Parses "i/N" (0 <= i < N); nullopt on bad input.
std::optional<Shard> parse_shard(std::string_view text);

/// Progress snapshot passed to RunnerOptions::progress (from the runner's coordinating thread).
struct Progress {
    std::uint64_t done = 0;        ///< Runs finished in this process (including those skipped by --resume).
    std::uint64_t total = 0;       ///< Runs this process is responsible for.
    std::uint64_t failed = 0;      ///< Failed runs so far.
    double elapsed_seconds = 0.0;  ///< Wall time since the start of this session.
};

/// Whether to continue a previous, interrupted sweep in the same output directory.
enum class ResumeMode { Fresh, Resume };

/// Whether to distribute runs over MPI ranks (only with a BRINK_MPI build; see mpi_available()).
enum class Distribution { Local, Mpi };

/// How to run a sweep.
struct RunnerOptions {
    int threads = 0;  ///< Worker threads; 0 = std::thread::hardware_concurrency(). Default 0.
    Shard shard;      ///< Default 0/1 (everything).
    ResumeMode resume =
        ResumeMode::Fresh;  ///< Resume skips run ids found in OUT/runs.csv.partial. Default fresh.
    std::string out_dir;    ///< Output directory (created). Required.
    std::function<void(const Progress&)>
        progress;  ///< Called about every 100 ms and at the end. Default none.
    const std::atomic<bool>* stop =
        nullptr;  ///< Set (e.g. from SIGINT) to stop cleanly; finished rows are kept.
    Distribution distribution = Distribution::Local;  ///< Default local.
    RunFunction run;                                  ///< Default (empty): model_run_function().
    std::string command_line;  ///< The command, for messages only: never written into sweep.json, so that
                               ///< shards, merges and single runs stay byte-identical. Default empty.
};

/// What run_sweep did.
struct SweepResult {
    std::uint64_t total_runs = 0;      ///< Runs of the whole design.
    std::uint64_t points = 0;          ///< Points of the design.
    std::uint64_t executed = 0;        ///< Runs executed by this process in this session.
    std::uint64_t skipped = 0;         ///< Runs skipped because they were finished before (--resume).
    std::uint64_t failed = 0;          ///< Failed runs among this process's rows.
    bool complete = false;             ///< Every run of this shard has a row (false when stopped).
    bool aggregated = false;           ///< points.csv (and sobol.csv) were written (complete, unsharded).
    bool is_root = true;               ///< False on MPI ranks other than 0 (which write nothing).
    std::vector<std::string> written;  ///< Paths of the files written.
};

/// Runs (this shard of) the sweep: OUT/runs.csv, OUT/sweep.json, and when the whole design ran in this
/// process (or MPI job) OUT/points.csv and OUT/sobol.csv (Sobol designs). It draws nothing: the charts come
/// from those files (plots/sweep_charts.hpp; `brink sweep` and `brink plot` draw them). Throws
/// std::runtime_error on I/O failure (CLI exit 1); failed runs are rows, not exceptions. When stopped,
/// OUT/runs.csv.partial keeps every finished row and `complete` is false.
SweepResult run_sweep(const SweepSpec& spec, const RunnerOptions& options);

/// Merges shard directories (each with runs.csv and sweep.json of the same sweep) into `out_dir`: runs.csv,
/// points.csv, sobol.csv, sweep.json byte-identical to a single-process run. Throws std::runtime_error
/// naming the directory when a shard is missing, incomplete, or from a different sweep.
SweepResult merge_shards(const std::vector<std::string>& shard_dirs, const std::string& out_dir);

/// SHA-256 (hex) of what defines the sweep's rows: its sweep.json without the version, shard and counts
/// (name, scenario, design, parameters, set, samples, replications, seeds, metrics, bootstrap). Two runs of
/// `brink sweep` with equal digests write the same rows, so one may resume the other (io/manifest.hpp).
std::string design_digest(const SweepSpec& spec);

/// True when built with BRINK_MPI.
bool mpi_available();

}  // namespace brink::sweep
