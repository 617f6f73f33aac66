// The MPI sweep runner (BRINK_MPI builds only): rank r runs the run ids ≡ r (mod size) with its own thread
// pool, into a rank-local temporary directory; ranks > 0 then send their ordered rows to rank 0 in chunks,
// and rank 0 merges them (the same k-way merge as `brink merge`) and aggregates. The rows are therefore
// byte-identical to a single-process run whatever the rank count, and no shared filesystem is needed.
#ifdef BRINK_HAVE_MPI

#include "sweep_internal.hpp"

#include "brink/sweep/mpi_session.hpp"

#include <mpi.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace brink::sweep::detail {
namespace fs = std::filesystem;
namespace {

constexpr int k_tag_size = 1;
constexpr int k_tag_chunk = 2;
constexpr std::size_t k_chunk_bytes = k_mpi_chunk_bytes;
constexpr auto check = mpi_check;

void send_file(const fs::path& path, int destination) {
    std::uint64_t size = fs::exists(path) ? fs::file_size(path) : 0;
    check(MPI_Send(&size, 1, MPI_UINT64_T, destination, k_tag_size, MPI_COMM_WORLD), "MPI_Send");
    std::ifstream in(path, std::ios::binary);
    std::vector<char> buffer(k_chunk_bytes);
    while (size > 0) {
        const std::size_t count = std::min<std::uint64_t>(size, k_chunk_bytes);
        in.read(buffer.data(), static_cast<std::streamsize>(count));
        check(MPI_Send(buffer.data(), static_cast<int>(count), MPI_CHAR, destination, k_tag_chunk,
                       MPI_COMM_WORLD),
              "MPI_Send");
        size -= count;
    }
}

void receive_file(const fs::path& path, int source) {
    std::uint64_t size = 0;
    check(MPI_Recv(&size, 1, MPI_UINT64_T, source, k_tag_size, MPI_COMM_WORLD, MPI_STATUS_IGNORE),
          "MPI_Recv");
    io::AtomicFile out(path);
    std::vector<char> buffer(k_chunk_bytes);
    while (size > 0) {
        const std::size_t count = std::min<std::uint64_t>(size, k_chunk_bytes);
        check(MPI_Recv(buffer.data(), static_cast<int>(count), MPI_CHAR, source, k_tag_chunk, MPI_COMM_WORLD,
                       MPI_STATUS_IGNORE),
              "MPI_Recv");
        out.write(std::string_view(buffer.data(), count));
        size -= count;
    }
    out.commit();
}

// Rank 0: receives every other rank's ordered rows and merges them with its own into OUT/runs.csv (the same
// k-way merge as `brink merge`); returns the file's path.
std::string gather_rows(const std::string& out_dir, const fs::path& work, const std::string& own_dir,
                        int size, std::uint64_t total_runs) {
    std::vector<std::pair<std::string, std::uint64_t>> sources;
    std::string header;
    for (int r = 0; r < size; ++r) {
        const fs::path rows =
            r == 0 ? fs::path(own_dir) / "runs.csv" : work / ("rank-" + std::to_string(r) + ".csv");
        if (r != 0) {
            receive_file(rows, r);
        }
        std::ifstream in(rows, std::ios::binary);
        std::string line;
        std::getline(in, line);
        header = line;
        sources.emplace_back(rows.string(), line.size() + 1);
    }
    const std::string final_path = (fs::path(out_dir) / "runs.csv").string();
    io::remove_stale_temporaries(out_dir, k_sweep_outputs);
    io::remove_stale_temporaries(std::filesystem::path(out_dir) / "charts", io::k_chart_temporary_names);
    io::AtomicFile out(final_path);
    out.write(header + '\n');
    const std::uint64_t rows = merge_sorted_segments(sources, out);
    if (rows != total_runs) {
        throw std::runtime_error("MPI gather wrote " + std::to_string(rows) + " of " +
                                 std::to_string(total_runs) + " rows to " + final_path);
    }
    out.commit();
    return final_path;
}

}  // namespace

SweepResult run_sweep_mpi(const SweepSpec& spec, const RunnerOptions& options) {
    const MpiSession session;
    const int rank = session.rank();
    const int size = session.size();
    if (options.resume == ResumeMode::Resume || options.shard.count > 1) {
        throw std::invalid_argument(
            "--resume and --shard are not supported under MPI: use shards without MPI");
    }
    // Only the main thread calls MPI (MPI_THREAD_FUNNELED): workers run inside run_sweep_local.
    RunnerOptions local = options;
    local.shard = {rank, size};
    local.distribution = Distribution::Local;
    const fs::path work = fs::path(options.out_dir) / (".mpi-" + std::to_string(::getpid()));
    if (rank != 0) {
        local.progress = nullptr;
        local.out_dir = (fs::temp_directory_path() /
                         ("brink-mpi-" + std::to_string(::getpid()) + "-rank-" + std::to_string(rank)))
                            .string();
    } else {
        local.out_dir = (work / "rank-0").string();
    }
    SweepResult mine = run_sweep_local(spec, local, false);
    const bool all_complete = session.all(mine.complete);
    unsigned long long counts[3] = {mine.executed, mine.failed, mine.skipped};
    unsigned long long totals[3] = {0, 0, 0};
    check(MPI_Reduce(counts, totals, 3, MPI_UNSIGNED_LONG_LONG, MPI_SUM, 0, MPI_COMM_WORLD), "MPI_Reduce");

    if (rank != 0) {
        if (all_complete) {
            send_file(fs::path(local.out_dir) / "runs.csv", 0);
            std::error_code ignored;
            fs::remove_all(local.out_dir, ignored);
        }
        SweepResult result = mine;
        result.is_root = false;
        result.written.clear();
        return result;
    }
    SweepResult result;
    result.total_runs = mine.total_runs;
    result.points = mine.points;
    result.executed = totals[0];
    result.failed = totals[1];
    result.skipped = totals[2];
    if (!all_complete) {
        result.complete = false;
        result.written.push_back(work.string());
        return result;
    }
    const std::string final_path = gather_rows(options.out_dir, work, local.out_dir, size, result.total_runs);
    fs::remove_all(work);
    result.written.push_back(final_path);
    result.complete = true;
    aggregate_directory(options.out_dir, sweep_json(spec, result.points), result);
    return result;
}

}  // namespace brink::sweep::detail

#endif  // BRINK_HAVE_MPI
