// The sweep runner: run ids and seeds, streaming rows, resume, shards, final ordering, merge
// (include/brink/sweep/sweep.hpp). Aggregation lives in aggregate.cpp.
#include "brink/engine/rng.hpp"
#include "brink/io/csv.hpp"
#include "brink/io/overrides.hpp"
#include "brink/io/parameter_labels.hpp"
#include "brink/io/sha256.hpp"
#include "brink/io/summary_json.hpp"
#include "brink/model/crisis.hpp"
#include "brink/sweep/design.hpp"
#include "brink/sweep/sweep.hpp"

#include "executor.hpp"
#include "sweep_internal.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace brink::sweep {
namespace fs = std::filesystem;

namespace detail {

std::string runs_header(const std::vector<std::string>& parameter_paths) {
    io::CsvWriter csv;
    csv.field("run").field("point").field("replication").field("seed");
    for (const auto& path : parameter_paths) {
        csv.field(path);
    }
    csv.field("outcome").field("time").field("initiator").field("target").field("peak_rung").field("error");
    std::string header = csv.take();
    return header;  // no line end: callers compare it with a file's first record
}

nlohmann::ordered_json sweep_json(const SweepSpec& spec, std::uint64_t points) {
    nlohmann::ordered_json json;
    json["brink_version"] = BRINK_VERSION;
    json["name"] = spec.name;
    json["scenario"] = {{"name", spec.base.metadata.name}, {"path", spec.scenario_path}};
    json["design"] = to_string(spec.design);
    nlohmann::ordered_json parameters = nlohmann::ordered_json::array();
    for (const auto& parameter : spec.parameters) {
        nlohmann::ordered_json item;
        item["path"] = parameter.path;
        item["label"] = io::parameter_label(spec.base, parameter.path);
        if (spec.design == DesignKind::Grid && !parameter.labels.empty()) {
            item["values"] = parameter.labels;
        } else if (spec.design == DesignKind::Grid) {
            item["values"] = parameter.values;
        } else {
            item["low"] = parameter.low;
            item["high"] = parameter.high;
        }
        if (parameter.variant) {
            item["variant"] = true;
        }
        parameters.push_back(item);
    }
    json["parameters"] = parameters;
    json["set"] = spec.fixed_overrides;
    json["samples"] = spec.design == DesignKind::Grid ? 0 : spec.samples;
    json["replications"] = spec.replications;
    json["seed"] = spec.seed;
    json["design_seed"] = spec.design_seed;
    nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
    for (SweepMetric metric : spec.metrics) {
        metrics.push_back(to_string(metric));
    }
    json["metrics"] = metrics;
    json["bootstrap"] = spec.bootstrap;
    json["points"] = points;
    json["runs"] = points * static_cast<std::uint64_t>(spec.replications);
    return json;
}

namespace {

// A run id from a rows file's first field; throws naming the file and byte offset when it is not one.
std::uint64_t row_id(const io::CsvRecord& record, const std::string& path) {
    const std::optional<std::uint64_t> id = io::parse_unsigned(record.fields.front());
    if (!id) {
        throw std::runtime_error(path + ": malformed row at byte " + std::to_string(record.offset));
    }
    return *id;
}

// Byte ranges [begin, end) of the maximal runs of increasing ids in a rows file, after `header_bytes`.
std::vector<std::pair<std::uint64_t, std::uint64_t>> increasing_segments(const std::string& path,
                                                                         std::uint64_t header_bytes) {
    std::ifstream scan(path, std::ios::binary);
    if (!scan) {
        throw std::runtime_error("cannot read " + path);
    }
    scan.seekg(static_cast<std::streamoff>(header_bytes));
    io::CsvReader reader(scan, header_bytes);
    io::CsvRecord record;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> segments;
    std::uint64_t begin = header_bytes;
    std::uint64_t end = header_bytes;
    std::optional<std::uint64_t> previous;
    while (reader.next(record)) {
        const std::uint64_t id = row_id(record, path);
        if (previous && id < *previous) {
            segments.emplace_back(begin, record.offset);
            begin = record.offset;
        }
        previous = id;
        end = record.end;
    }
    if (end > begin) {
        segments.emplace_back(begin, end);
    }
    return segments;
}

// One segment of a rows file being merged: its reader and its current row.
struct Cursor {
    Cursor(const std::string& file, std::uint64_t begin, std::uint64_t segment_end)
        : in(file, std::ios::binary),
          reader((in.seekg(static_cast<std::streamoff>(begin)), in), begin),
          end(segment_end),
          path(file) {}
    std::ifstream in;
    io::CsvReader reader;
    std::uint64_t end;  // byte offset where this segment ends
    std::string path;
    io::CsvRecord row;
    std::uint64_t id = 0;
    bool valid = false;

    void advance() {
        valid = reader.next(row) && row.offset < end;
        if (valid) {
            id = row_id(row, path);
        }
    }
};

}  // namespace

// The maximal increasing runs of ids in a rows file (one per session that appended to it), k-way merged
// into `out` in id order; a repeated id is written once. Memory: one row per segment.
std::uint64_t merge_sorted_segments(const std::vector<std::pair<std::string, std::uint64_t>>& sources,
                                    io::AtomicFile& out) {
    std::vector<std::unique_ptr<Cursor>> cursors;
    for (const auto& [path, header_bytes] : sources) {
        for (const auto& [begin, end] : increasing_segments(path, header_bytes)) {
            cursors.push_back(std::make_unique<Cursor>(path, begin, end));
            cursors.back()->advance();
        }
    }
    std::uint64_t written = 0;
    std::optional<std::uint64_t> last;
    while (true) {
        Cursor* best = nullptr;
        for (auto& cursor : cursors) {
            if (cursor->valid && (best == nullptr || cursor->id < best->id)) {
                best = cursor.get();
            }
        }
        if (best == nullptr) {
            break;
        }
        if (!last || best->id != *last) {
            best->row.raw += '\n';
            out.write(best->row.raw);
            ++written;
            last = best->id;
        }
        best->advance();
    }
    return written;
}

}  // namespace detail

namespace {

constexpr const char* k_partial_name = "runs.csv.partial";

struct PartialState {
    std::vector<bool> finished;  // by run id: one bit per run of the design
    std::uint64_t finished_count = 0;
    std::uint64_t failed = 0;
};

// Reads a partial rows file for --resume: checks the header, drops a torn last row (no line end), and marks
// the finished run ids. Returns false if there is no usable file.
bool read_partial(const std::string& path, const std::string& header, std::uint64_t total,
                  PartialState& state) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return false;
    }
    io::CsvReader reader(in);
    io::CsvRecord record;
    if (!reader.next(record) || !record.complete || record.raw != header) {
        throw std::runtime_error(
            path + " belongs to a different sweep (header differs); remove it or use another --out");
    }
    std::uint64_t good_bytes = record.end;
    while (reader.next(record) && record.complete) {  // an incomplete row is torn: a killed write
        const std::optional<std::uint64_t> id = io::parse_unsigned(record.fields.front());
        if (!id || *id >= total) {
            break;
        }
        if (!state.finished[*id]) {
            state.finished[*id] = true;
            ++state.finished_count;
            if (!record.fields.back().empty()) {
                ++state.failed;  // the error field
            }
        }
        good_bytes = record.end;
    }
    in.close();
    std::error_code error;
    fs::resize_file(path, good_bytes, error);
    if (error) {
        throw std::runtime_error("cannot truncate " + path + ": " + error.message());
    }
    return true;
}

}  // namespace

namespace {

// sweep.json without the parameters' labels: they are the scenario's names for the paths and do not define
// the rows, so the design's digest leaves them out and shards written before labels were recorded merge
// with newer ones.
nlohmann::ordered_json without_labels(nlohmann::ordered_json json) {
    if (json.contains("parameters") && json["parameters"].is_array()) {
        for (auto& parameter : json["parameters"]) {
            if (parameter.is_object()) {
                parameter.erase("label");
            }
        }
    }
    return json;
}

}  // namespace

std::string design_digest(const SweepSpec& spec) {
    nlohmann::ordered_json json = without_labels(detail::sweep_json(spec, 0));
    for (const char* key : {"brink_version", "points", "runs"}) {
        json.erase(key);
    }
    return io::sha256_hex(io::json_text(json));
}

RunFunction model_run_function() {
    return [](const ScenarioSpec& spec, std::uint64_t seed) {
        model::RunOptions options;
        options.record_trajectory = false;
        options.record_events = false;
        const model::RunResult result = model::run_crisis(spec, seed, options);
        RunMetrics metrics;
        metrics.outcome = result.outcome.kind;
        metrics.time = result.outcome.time;
        metrics.initiator = result.outcome.initiator;
        metrics.target = result.outcome.target;
        metrics.peak_rung = result.peak_rung;
        return metrics;
    };
}

bool mpi_available() {
#ifdef BRINK_HAVE_MPI
    return true;
#else
    return false;
#endif
}

namespace detail {

std::string run_row(const SweepSpec& spec, const Design& design, const RunFunction& run, std::uint64_t id) {
    const auto replications = static_cast<std::uint64_t>(spec.replications);
    const std::uint64_t point = id / replications;
    const std::uint64_t replication = id % replications;
    const std::uint64_t seed = engine::derive_seed(spec.seed, id);
    io::CsvWriter row;
    row.field(id).field(point).field(replication).field(seed);
    // The point's variant scenario (the levels of the variant parameters, mixed radix), else the base.
    std::size_t variant = 0;
    for (std::size_t j = 0; j < design.dimensions; ++j) {
        if (spec.parameters[j].variant) {
            variant = variant * spec.parameters[j].labels.size() +
                      static_cast<std::size_t>(design.at(static_cast<std::size_t>(point), j));
        }
    }
    ScenarioSpec scenario = spec.variants.empty() ? spec.base : spec.variants.at(variant);
    std::string error;
    for (std::size_t j = 0; j < design.dimensions; ++j) {
        const ParameterSpec& parameter = spec.parameters[j];
        const double level = design.at(static_cast<std::size_t>(point), j);
        const std::string value = parameter.labels.empty()
                                      ? io::format_number(level)
                                      : parameter.labels[static_cast<std::size_t>(level)];
        row.field(value);
        if (error.empty() && !parameter.variant) {
            const auto problems = io::apply_override(scenario, spec.parameters[j].path, value);
            if (!problems.empty()) {
                error = spec.parameters[j].path + "=" + value + ": " + problems.front().message;
            }
        }
    }
    if (error.empty()) {
        try {
            const RunMetrics metrics = run(scenario, seed);
            row.field(model::to_string(metrics.outcome)).field(metrics.time);
            row.field(metrics.initiator).field(metrics.target).field(metrics.peak_rung).empty_field();
            return row.take();
        } catch (const std::exception& exception) {
            error = exception.what();
        } catch (...) {
            error = "unknown error";
        }
        if (error.empty()) {
            error = "run failed";
        }
    }
    for (char& c : error) {
        if (c == '\n' || c == '\r') {
            c = ' ';  // one row per line, always
        }
    }
    // outcome, time, initiator, target, peak_rung: empty; then the error
    row.empty_field().empty_field().empty_field().empty_field().empty_field().field(error);
    return row.take();
}

}  // namespace detail

SweepResult run_sweep(const SweepSpec& spec, const RunnerOptions& options) {
#ifdef BRINK_HAVE_MPI
    if (options.distribution == Distribution::Mpi) {
        return detail::run_sweep_mpi(spec, options);
    }
#else
    if (options.distribution == Distribution::Mpi) {
        throw std::runtime_error("this brink was built without MPI (configure with -DBRINK_MPI=ON)");
    }
#endif
    return detail::run_sweep_local(spec, options, true);
}

namespace {

// The rows file of a session (runs.csv.partial): appended to after a resume, else started with the header.
// Each row is flushed as it is written: it is the crash-safe record of finished runs.
class PartialFile {
  public:
    PartialFile(std::string path, const std::string& header, bool append) : m_path(std::move(path)) {
        m_file = std::fopen(m_path.c_str(), append ? "ab" : "wb");
        if (m_file == nullptr) {
            throw std::runtime_error("cannot write " + m_path);
        }
        if (!append) {
            std::fputs(header.c_str(), m_file);
            std::fputc('\n', m_file);
            std::fflush(m_file);
        }
    }
    ~PartialFile() { close(); }
    PartialFile(const PartialFile&) = delete;
    PartialFile& operator=(const PartialFile&) = delete;

    void append(const std::string& row) {
        if (std::fwrite(row.data(), 1, row.size(), m_file) != row.size() || std::fflush(m_file) != 0) {
            throw std::runtime_error("cannot write " + m_path);
        }
    }

    void close() {
        if (m_file != nullptr) {
            std::fclose(m_file);
            m_file = nullptr;
        }
    }

  private:
    std::string m_path;
    std::FILE* m_file = nullptr;
};

// This process's share of the runs: ids index, index + count, ... below total.
struct ShardRuns {
    std::uint64_t index = 0;
    std::uint64_t count = 1;
    std::uint64_t total = 0;  ///< Runs of this shard.
};

ShardRuns shard_runs(const Shard& shard, std::uint64_t total_runs) {
    ShardRuns runs;
    runs.index = static_cast<std::uint64_t>(shard.index);
    runs.count = static_cast<std::uint64_t>(shard.count);
    runs.total = total_runs > runs.index ? (total_runs - runs.index + runs.count - 1) / runs.count : 0;
    return runs;
}

// The finished runs of an earlier session (--resume): from runs.csv.partial, or from the runs.csv of a
// finished sweep, which is a complete partial file. `have_partial` says whether rows are to be appended.
PartialState resume_state(const RunnerOptions& options, const std::string& header, std::uint64_t total_runs,
                          const std::string& partial_path, const std::string& final_path,
                          bool& have_partial) {
    PartialState state;
    state.finished.assign(total_runs, false);
    have_partial = false;
    if (options.resume == ResumeMode::Resume) {
        have_partial = read_partial(partial_path, header, total_runs, state);
        if (!have_partial && fs::exists(final_path)) {
            fs::copy_file(final_path, partial_path, fs::copy_options::overwrite_existing);
            try {
                have_partial = read_partial(partial_path, header, total_runs, state);
            } catch (const std::exception&) {
                fs::remove(partial_path);  // the copy is this session's own: leave no stray file behind
                throw;
            }
        }
    }
    return state;
}

// Runs this shard's unfinished ids on the thread pool, appending each row to the partial file as it
// finishes (in dispatch order) and reporting progress.
void execute_shard(const SweepSpec& spec, const Design& design, const RunnerOptions& options,
                   const PartialState& state, const ShardRuns& shard, PartialFile& partial,
                   SweepResult& result) {
    const RunFunction run = options.run ? options.run : model_run_function();
    std::uint64_t cursor = shard.index;
    std::function<std::optional<std::uint64_t>()> next = [&]() -> std::optional<std::uint64_t> {
        while (cursor < result.total_runs && state.finished[cursor]) {
            cursor += shard.count;
        }
        if (cursor >= result.total_runs) {
            return std::nullopt;
        }
        const std::uint64_t id = cursor;
        cursor += shard.count;
        return id;
    };
    std::function<std::string(std::uint64_t)> work = [&](std::uint64_t id) {
        return detail::run_row(spec, design, run, id);
    };
    // `state.finished` is read by `next` on worker threads, so emit must not write it (dispatch is already
    // past every id that reaches emit).
    std::function<void(std::uint64_t, std::string &&)> emit = [&](std::uint64_t, std::string&& row) {
        row += '\n';
        partial.append(row);
        ++result.executed;
        if (!row.ends_with(",\n")) {
            ++result.failed;
        }
    };
    const auto start = std::chrono::steady_clock::now();
    std::function<void(std::uint64_t)> tick = [&](std::uint64_t) {
        if (options.progress) {
            Progress progress;
            progress.done = result.skipped + result.executed;
            progress.total = shard.total;
            progress.failed = result.failed;
            progress.elapsed_seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            options.progress(progress);
        }
    };
    const int threads = detail::resolve_threads(options.threads);
    const std::size_t window = std::max<std::size_t>(256, 64 * static_cast<std::size_t>(threads));
    detail::execute_ordered<std::string>(threads, window, next, work, emit, options.stop, tick);
    tick(0);
}

// A complete shard: runs.csv in run-id order (a k-way merge of the partial file's sorted segments), then
// sweep.json, with points.csv and sobol.csv when the whole design ran here and `aggregate` is true.
void finish_rows(const RunnerOptions& options, const std::string& header, const nlohmann::ordered_json& json,
                 bool aggregate, SweepResult& result) {
    const std::string partial_path = (fs::path(options.out_dir) / k_partial_name).string();
    const std::string final_path = (fs::path(options.out_dir) / "runs.csv").string();
    {
        // A failure (full disk) throws io::IoError and leaves no temporary; the partial file stays.
        io::AtomicFile out(final_path);
        out.write(header + '\n');
        detail::merge_sorted_segments({{partial_path, header.size() + 1}}, out);
        out.commit();
        fs::remove(partial_path);
    }
    result.written.push_back(final_path);
    if (options.shard.count == 1 && aggregate) {
        detail::aggregate_directory(options.out_dir, json, result);
    } else {
        io::write_file_atomically(fs::path(options.out_dir) / "sweep.json", io::json_text(json));
        result.written.push_back((fs::path(options.out_dir) / "sweep.json").string());
    }
}

}  // namespace

namespace detail {

SweepResult run_sweep_local(const SweepSpec& spec, const RunnerOptions& options,
                            bool aggregate_when_complete) {
    if (options.out_dir.empty()) {
        throw std::invalid_argument("run_sweep needs an output directory");
    }
    if (options.shard.count < 1 || options.shard.index < 0 || options.shard.index >= options.shard.count) {
        throw std::invalid_argument("bad shard");
    }
    const Design design = make_design(spec);
    SweepResult result;
    result.points = design.size();
    result.total_runs = result.points * static_cast<std::uint64_t>(spec.replications);
    const ShardRuns shard = shard_runs(options.shard, result.total_runs);
    std::vector<std::string> paths;
    for (const auto& parameter : spec.parameters) {
        paths.push_back(parameter.path);
    }
    const std::string header = runs_header(paths);
    io::ensure_directory(options.out_dir);
    io::remove_stale_temporaries(options.out_dir, k_sweep_outputs);
    io::remove_stale_temporaries(std::filesystem::path(options.out_dir) / "charts",
                                 io::k_chart_temporary_names);
    const std::string partial_path = (fs::path(options.out_dir) / k_partial_name).string();
    const std::string final_path = (fs::path(options.out_dir) / "runs.csv").string();
    bool have_partial = false;
    const PartialState state =
        resume_state(options, header, result.total_runs, partial_path, final_path, have_partial);
    nlohmann::ordered_json json = sweep_json(spec, result.points);
    if (options.shard.count > 1) {
        json["shard"] = {{"index", options.shard.index}, {"count", options.shard.count}};
    }
    PartialFile partial(partial_path, header, have_partial);
    for (std::uint64_t id = shard.index; id < result.total_runs; id += shard.count) {
        result.skipped += state.finished[id] ? 1U : 0U;
    }
    result.failed = state.failed;
    execute_shard(spec, design, options, state, shard, partial, result);
    partial.close();
    result.complete = result.skipped + result.executed == shard.total;
    if (!result.complete) {
        result.written.push_back(partial_path);
        return result;
    }
    finish_rows(options, header, json, aggregate_when_complete, result);
    return result;
}

}  // namespace detail

namespace {

// The shards given to merge, checked: each finished, all of one sweep, every index once.
struct ShardSet {
    nlohmann::ordered_json reference;                            ///< sweep.json without "shard".
    std::vector<std::pair<std::string, std::uint64_t>> sources;  ///< runs.csv files and their header sizes.
    std::string header;
};

// A shard directory's sweep.json, with its shard index and count taken out of it.
nlohmann::ordered_json shard_json(const std::string& dir, int& index, int& count) {
    const fs::path json_path = fs::path(dir) / "sweep.json";
    if (!fs::exists(json_path)) {
        throw std::runtime_error(dir +
                                 ": no sweep.json (not a sweep output directory, or the shard has not "
                                 "finished: rerun it with --resume)");
    }
    if (!fs::exists(fs::path(dir) / "runs.csv")) {
        throw std::runtime_error(dir + ": no runs.csv (the shard has not finished: rerun it with --resume)");
    }
    std::ifstream json_in(json_path);
    nlohmann::ordered_json json;
    try {
        json = nlohmann::ordered_json::parse(json_in);
    } catch (const std::exception& error) {
        throw std::runtime_error(json_path.string() + ": " + error.what());
    }
    index = 0;
    count = 1;
    if (json.contains("shard")) {
        index = json["shard"]["index"].get<int>();
        count = json["shard"]["count"].get<int>();
        json.erase("shard");
    }
    return json;
}

ShardSet read_shards(const std::vector<std::string>& shard_dirs) {
    ShardSet set;
    std::vector<bool> seen;
    bool have_reference = false;
    for (const auto& dir : shard_dirs) {
        int index = 0;
        int count = 1;
        const nlohmann::ordered_json json = shard_json(dir, index, count);
        if (!have_reference) {
            have_reference = true;
            set.reference = json;
            seen.assign(static_cast<std::size_t>(count), false);
        } else if (without_labels(json) != without_labels(set.reference)) {
            throw std::runtime_error(dir + ": a shard of a different sweep (sweep.json differs from " +
                                     shard_dirs.front() + ")");
        }
        if (static_cast<std::size_t>(count) != seen.size() || index < 0 || index >= count) {
            throw std::runtime_error(dir + ": shard " + std::to_string(index) + "/" + std::to_string(count) +
                                     " does not match the other shards' count");
        }
        if (seen[static_cast<std::size_t>(index)]) {
            throw std::runtime_error(dir + ": shard " + std::to_string(index) + " given twice");
        }
        seen[static_cast<std::size_t>(index)] = true;
        std::ifstream runs_in(fs::path(dir) / "runs.csv", std::ios::binary);
        std::string line;
        std::getline(runs_in, line);
        if (set.header.empty()) {
            set.header = line;
        } else if (line != set.header) {
            throw std::runtime_error(dir + ": runs.csv header differs from the other shards");
        }
        set.sources.emplace_back((fs::path(dir) / "runs.csv").string(), line.size() + 1);
    }
    for (std::size_t i = 0; i < seen.size(); ++i) {
        if (!seen[i]) {
            throw std::runtime_error("shard " + std::to_string(i) + "/" + std::to_string(seen.size()) +
                                     " is missing");
        }
    }
    return set;
}

}  // namespace

SweepResult merge_shards(const std::vector<std::string>& shard_dirs, const std::string& out_dir) {
    if (shard_dirs.empty()) {
        throw std::invalid_argument("merge needs at least one shard directory");
    }
    ShardSet shards = read_shards(shard_dirs);
    io::ensure_directory(out_dir);
    io::remove_stale_temporaries(out_dir, detail::k_sweep_outputs);
    io::remove_stale_temporaries(std::filesystem::path(out_dir) / "charts", io::k_chart_temporary_names);
    const std::string final_path = (fs::path(out_dir) / "runs.csv").string();
    SweepResult result;
    result.total_runs = shards.reference["runs"].get<std::uint64_t>();
    result.points = shards.reference["points"].get<std::uint64_t>();
    {
        io::AtomicFile out(final_path);
        out.write(shards.header + '\n');
        const std::uint64_t rows = detail::merge_sorted_segments(shards.sources, out);
        if (rows != result.total_runs) {
            // The AtomicFile's destructor removes the temporary: nothing is published.
            throw std::runtime_error("the shards hold " + std::to_string(rows) + " runs, the sweep has " +
                                     std::to_string(result.total_runs));
        }
        out.commit();
    }
    result.written.push_back(final_path);
    result.complete = true;
    detail::aggregate_directory(out_dir, shards.reference, result);
    return result;
}

}  // namespace brink::sweep
