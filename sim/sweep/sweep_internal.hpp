// Internal to brink_sweep: pieces shared by the runner, aggregation, merge and MPI.
#pragma once

#include "brink/io/atomic_file.hpp"
#include "brink/sweep/design.hpp"
#include "brink/sweep/sweep.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace brink::sweep::detail {

/// runs.csv header: run,point,replication,seed,<paths...>,outcome,time,initiator,target,peak_rung,error.
std::string runs_header(const std::vector<std::string>& parameter_paths);

/// One runs.csv row (no newline) for run `id`: applies the point's values to a copy of the base spec and
/// calls `run`; an override error or an exception becomes the error field.
std::string run_row(const SweepSpec& spec, const Design& design, const RunFunction& run, std::uint64_t id);

/// sweep.json content of a spec (no shard, no results): identical for every shard and the merge.
nlohmann::ordered_json sweep_json(const SweepSpec& spec, std::uint64_t points);

/// K-way merge of the increasing segments of rows files (path, bytes of header to skip) into `out`.
std::uint64_t merge_sorted_segments(const std::vector<std::pair<std::string, std::uint64_t>>& sources,
                                    io::AtomicFile& out);

/// The files a sweep writes in its output directory through io::AtomicFile (runs.csv.partial is appended
/// in place instead: it is the crash-safe record of finished rows).
inline const std::vector<std::string> k_sweep_outputs = {"runs.csv", "points.csv", "sobol.csv", "sweep.json"};

/// The local (threads + shard) runner; aggregates when the whole design ran and `aggregate` is true.
SweepResult run_sweep_local(const SweepSpec& spec, const RunnerOptions& options, bool aggregate);

/// Reads DIR/runs.csv (complete, ordered) and writes points.csv, sobol.csv (Sobol designs) and sweep.json
/// (with the failed count) into DIR; `json` is the sweep's sweep.json without shard.
void aggregate_directory(const std::string& dir, nlohmann::ordered_json json, SweepResult& result);

#ifdef BRINK_HAVE_MPI
/// The MPI runner: rank r runs ids ≡ r (mod size); rank 0 gathers rows and writes every output.
SweepResult run_sweep_mpi(const SweepSpec& spec, const RunnerOptions& options);
/// Throws std::runtime_error naming `what` unless `code` is MPI_SUCCESS (mpi_session.cpp).
void mpi_check(int code, const char* what);
/// Texts go between ranks in chunks of at most this many bytes (an int count).
inline constexpr std::size_t k_mpi_chunk_bytes = std::size_t{1} << 20;
#endif

}  // namespace brink::sweep::detail
