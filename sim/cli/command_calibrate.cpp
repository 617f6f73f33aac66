// `brink calibrate CALIBRATION.yaml`: a design over model parameters, every case forecast at every point with
// common random numbers, the best point and k-fold cross-validation (docs/cli.md, docs/validation.md
// "Calibration"). Wiring only: the logic is in include/brink/score/calibration.hpp. Every input check happens
// before anything runs or is written: on bad input no output directory appears.
#include "cli.hpp"
#include "output_folder.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/io/diagnostics.hpp"
#include "brink/plots/score_charts.hpp"
#include "brink/score/calibration.hpp"
#include "brink/sweep/mpi_session.hpp"
#include "brink/sweep/sweep.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

namespace po = boost::program_options;

namespace brink::cli {
namespace {
namespace fs = std::filesystem;

constexpr const char* k_usage =
    "brink calibrate CALIBRATION.yaml [--out DIR] [--threads N] [--resume] [--shard i/N] [--merge DIR...] "
    "[--mpi] [--format png|svg|pdf] [--no-plot] [--force] [--quiet]";

struct CalibrateCommand {
    std::string file;
    std::string out_dir;
    int threads = 0;
    plots::ChartFormat format = plots::ChartFormat::Png;
    bool resume = false;
    sweep::Shard shard;
    std::vector<std::string> merge_dirs;
    bool mpi = false;
    bool plot = true;
    bool force = false;
    bool quiet = false;
};

std::optional<CalibrateCommand> parse_calibrate_options(const CommandArgs& args) {
    po::options_description options("options", 100);
    options.add_options()  //
        ("out", po::value<std::string>()->value_name("DIR"),
         "output directory (default: out/<calibration file stem>)")                                    //
        ("threads", po::value<std::string>()->value_name("N"), "worker threads (default: all cores)")  //
        ("resume", "continue an interrupted calibration from OUT/calibration.csv.partial")             //
        ("shard", po::value<std::string>()->value_name("i/N"),
         "run only the points ≡ i (mod N); merge the shards' directories with --merge")  //
        ("merge", po::value<std::vector<std::string>>()->multitoken()->value_name("DIR..."),
         "finish a sharded calibration from the shards' directories")                                      //
        ("mpi", "distribute the design points over MPI ranks (MPI build, under mpirun; automatic there)")  //
        ("format", po::value<std::string>()->value_name("FORMAT"),
         "chart format: png (default), svg or pdf")                                                        //
        ("no-plot", "write the data files only (no charts)")                                               //
        ("force", "replace what --out holds even if it is another kind of output or another calibration")  //
        ("quiet", "print nothing but errors (no summary, no progress bar)");
    po::options_description positionals;
    positionals.add_options()("file", po::value<std::string>());
    po::positional_options_description positional;
    positional.add("file", 1);
    po::variables_map values;
    if (!parse_options(args, options, positionals, positional, values, k_usage)) {
        return std::nullopt;
    }
    if (!values.count("file")) {
        throw UsageError("no calibration file given; usage: " + std::string(k_usage));
    }
    CalibrateCommand command;
    command.file = values["file"].as<std::string>();
    command.out_dir = values.count("out") ? values["out"].as<std::string>() : default_out_dir(command.file);
    if (command.out_dir.empty()) {
        throw UsageError("--out: expected a directory, got an empty path");
    }
    if (values.count("threads")) {
        command.threads = parse_int(values["threads"].as<std::string>(), "--threads", 0, 4096);
    }
    if (values.count("format")) {
        command.format = chart_format_option(values["format"].as<std::string>());
    }
    command.resume = values.count("resume") > 0;
    if (values.count("shard")) {
        const std::string text = values["shard"].as<std::string>();
        const auto shard = sweep::parse_shard(text);
        if (!shard) {
            throw UsageError("--shard: expected i/N with 0 <= i < N, got '" + text + "'");
        }
        command.shard = *shard;
    }
    if (values.count("merge")) {
        command.merge_dirs = values["merge"].as<std::vector<std::string>>();
        if (command.resume || command.shard.count > 1) {
            throw UsageError("--merge finishes a sharded calibration: it takes neither --resume nor --shard");
        }
    }
    if (values.count("mpi") || (launched_by_mpirun() && sweep::mpi_available())) {
        if (!sweep::mpi_available()) {
            throw UsageError("--mpi: this brink was built without MPI (configure with -DBRINK_MPI=ON)");
        }
        if (command.resume || command.shard.count > 1 || !command.merge_dirs.empty()) {
            throw UsageError("--mpi distributes the points itself: it takes no --resume, --shard or --merge");
        }
        command.mpi = true;
    }
    command.plot = values.count("no-plot") == 0;
    command.force = values.count("force") > 0;
    command.quiet = values.count("quiet") > 0;
    return command;
}

/// Thrown out of the forecaster when Ctrl-C stopped a batch.
struct Stopped {};

// calibration.csv.partial, one flushed row per point, renamed to calibration.csv when every point is done.
class RowStream {
  public:
    // Starts the partial file afresh with the header and the rows of the points resumed (rewritten: a torn
    // last line of the earlier session is dropped).
    RowStream(const fs::path& dir, const std::string& header, const std::string& resumed_rows)
        : m_final(dir / "calibration.csv"), m_partial(dir / "calibration.csv.partial") {
        m_out.open(m_partial, std::ios::binary | std::ios::trunc);
        write(header + resumed_rows);
    }
    void write(const std::string& text) {
        m_out << text << std::flush;
        if (!m_out) {
            throw io::IoError("cannot write " + m_partial.string());
        }
    }
    std::string finish() {
        m_out.close();
        std::error_code error;
        fs::rename(m_partial, m_final, error);
        if (error) {
            throw io::IoError("cannot rename " + m_partial.string() + ": " + error.message());
        }
        return m_final.string();
    }
    const fs::path& partial() const { return m_partial; }

  private:
    fs::path m_final;
    fs::path m_partial;
    std::ofstream m_out;
};

std::string interval_text(const score::Interval& interval) {
    char text[96];
    std::snprintf(text, sizeof text, "%.3f [%.3f, %.3f]", interval.estimate, interval.lo, interval.hi);
    return text;
}

void print_summary(const score::CalibrationSpec& spec, const score::CalibrationResult& result,
                   const CalibrateCommand& command, const std::vector<std::string>& written) {
    const score::PointResult& best = score::chosen_point(result);
    const bool refined = !result.refinements.empty() && result.refinements.front().improved;
    std::cout << "Cases        " << result.cross_validated.observed.size() << ", " << spec.runs
              << " runs each per point, seed " << spec.seed << " (common random numbers)\n"
              << "Points       " << result.points.size() << "; best " << result.points.at(result.best).index
              << (refined ? ", refined by " + std::to_string(result.refinements.front().evaluations.size()) +
                                " evaluations (refinement.csv)"
                          : std::string())
              << ":\n";
    for (const std::string& assignment : score::point_assignments(spec, best.values)) {
        std::cout << "               " << assignment << "\n";
    }
    const auto& cv = result.cross_validated;
    std::cout << "Scores       mean over cases [bootstrap 95% interval]; lower is better\n"
              << "  cross-validated (" << spec.folds << " folds)  brier " << interval_text(cv.model.brier)
              << "  log " << interval_text(cv.model.log) << "\n"
              << "  defaults                brier " << interval_text(result.defaults_report.model.brier)
              << "  log " << interval_text(result.defaults_report.model.log) << "\n"
              << "  base rate (in-sample)   brier " << interval_text(cv.base_rate.brier) << "  log "
              << interval_text(cv.base_rate.log) << "\n"
              << "CV − base rate  brier " << interval_text(cv.brier_vs_base_rate) << "  log "
              << interval_text(cv.log_vs_base_rate) << "\n"
              << "CV − defaults   brier " << interval_text(result.brier_vs_defaults) << "  log "
              << interval_text(result.log_vs_defaults) << "\n"
              << "Files        " << (fs::path(command.out_dir) / "").string() << "\n";
    for (const std::string& file : written) {
        std::cout << "             " << fs::relative(file, command.out_dir).string() << "\n";
    }
}

// The points of a calibration.csv (or .partial) file; UsageError on a file of another calibration.
std::vector<score::PointResult> read_rows(const score::CalibrationSpec& spec,
                                          const std::vector<score::ObservedCase>& observed,
                                          const fs::path& path, const std::string& remedy) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw UsageError("cannot read " + path.string());
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        return score::read_calibration_rows(spec, observed, text, path.string());
    } catch (const score::ScoreInputError& error) {
        throw UsageError(std::string(error.what()) + "; " + remedy);
    }
}

// The points of the shards' calibration.csv files: every point of the design exactly once.
std::vector<score::PointResult> merged_points(const score::CalibrationSpec& spec,
                                              const std::vector<score::ObservedCase>& observed,
                                              const std::vector<std::string>& dirs) {
    std::vector<score::PointResult> points;
    for (const std::string& dir : dirs) {
        for (score::PointResult& point : read_rows(spec, observed, fs::path(dir) / "calibration.csv",
                                                   "is it a shard of this calibration?")) {
            points.push_back(std::move(point));
        }
    }
    std::sort(points.begin(), points.end(),
              [](const score::PointResult& a, const score::PointResult& b) { return a.index < b.index; });
    for (std::size_t p = 0; p < static_cast<std::size_t>(spec.points); ++p) {
        if (p >= points.size() || points[p].index != p) {
            throw UsageError("--merge: point " + std::to_string(p) +
                             (p < points.size() && points[p].index < p
                                  ? " is in two shards"
                                  : " is in no shard's calibration.csv") +
                             " (every shard must be complete: resume an unfinished one with --resume)");
        }
    }
    return points;
}

// The points already done: merged from shards, or resumed from this directory's partial file.
std::vector<score::PointResult> points_done(const score::CalibrationSpec& spec,
                                            const std::vector<score::ObservedCase>& observed,
                                            const CalibrateCommand& command) {
    if (!command.merge_dirs.empty()) {
        return merged_points(spec, observed, command.merge_dirs);
    }
    const fs::path partial = fs::path(command.out_dir) / "calibration.csv.partial";
    if (command.resume && fs::exists(partial)) {
        return read_rows(spec, observed, partial, "remove it or run without --resume");
    }
    return {};
}

// The model as the calibration's forecaster, drawing the progress bar (of `own_points` points, `done_before`
// of them done by an earlier session) and stopping at Ctrl-C (Stopped, after the runs in flight).
class Forecasting {
  public:
    Forecasting(const std::vector<score::CalibrationCase>& cases, const score::CalibrationSpec& spec,
                const CalibrateCommand& command, std::uint64_t own_points, std::uint64_t points_done,
                bool show_progress)
        : m_progress(show_progress && stderr_is_terminal() && !command.quiet, "runs"),
          m_per_point(static_cast<std::uint64_t>(cases.size()) * static_cast<std::uint64_t>(spec.runs)),
          m_total(m_per_point * own_points),
          m_done_before(m_per_point * points_done),
          m_start(std::chrono::steady_clock::now()),
          m_stop(install_stop_handler()) {
        sweep::ReplicationOptions options;
        options.threads = command.threads;
        options.progress = [this](const sweep::Progress& snapshot) {  // about every 100 ms
            const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - m_start;
            m_progress.update(std::min(m_total, m_done_before + snapshot.done), m_total, snapshot.failed,
                              elapsed.count());
        };
        options.stop = m_stop;
        m_model = score::model_forecaster(cases, spec, options);
        m_forecaster = [this](const std::vector<std::vector<double>>& points) {
            auto forecasts = m_model(points);
            if (m_stop->load()) {
                m_progress.finish();
                throw Stopped{};
            }
            m_done_before += m_per_point * points.size();
            return forecasts;
        };
    }
    Forecasting(const Forecasting&) = delete;
    Forecasting& operator=(const Forecasting&) = delete;

    const score::PointForecaster& forecaster() const { return m_forecaster; }
    void finish() { m_progress.finish(); }

  private:
    ProgressBar m_progress;
    std::uint64_t m_per_point;
    std::uint64_t m_total;
    std::uint64_t m_done_before;
    std::chrono::steady_clock::time_point m_start;
    const std::atomic<bool>* m_stop;
    score::PointForecaster m_model;
    score::PointForecaster m_forecaster;
};

// The points a process runs: its shard's, plus (unless sharded) the defaults and at most `evaluations` per
// refinement (every case, then each fold).
std::uint64_t own_points(const score::CalibrationSpec& spec, const sweep::Shard& shard, bool finishes) {
    std::uint64_t points = 0;
    for (int p = shard.index; p < spec.points; p += shard.count) {
        points += 1;
    }
    if (finishes) {
        points += 1 + static_cast<std::uint64_t>(spec.folds + 1) *
                          static_cast<std::uint64_t>(spec.refine.evaluations);
    }
    return points;
}

std::vector<score::ObservedCase> observed_of(const std::vector<score::CalibrationCase>& cases) {
    std::vector<score::ObservedCase> observed;
    for (const score::CalibrationCase& loaded : cases) {
        observed.push_back(loaded.observed);
    }
    return observed;
}

// Runs this process's points, streaming calibration.csv, and unless sharded finishes the calibration (nullopt
// for a shard); adds the files to `written`.
std::optional<score::CalibrationResult> run(const score::CalibrationSpec& spec,
                                            const std::vector<score::CalibrationCase>& cases,
                                            const CalibrateCommand& command,
                                            std::vector<std::string>& written) {
    const std::vector<score::ObservedCase> observed = observed_of(cases);
    score::CalibrationOptions calibration;
    calibration.shard = command.shard;
    calibration.resumed = points_done(spec, observed, command);
    std::string rows_done;
    std::uint64_t own_done = 0;
    for (const score::PointResult& point : calibration.resumed) {
        rows_done += score::calibration_csv_row(spec, point);
        own_done += point.index % static_cast<std::size_t>(command.shard.count) ==
                            static_cast<std::size_t>(command.shard.index)
                        ? 1
                        : 0;
    }
    io::ensure_directory(command.out_dir);
    RowStream rows(command.out_dir, score::calibration_csv_header(spec, observed), rows_done);

    const bool sharded = command.shard.count > 1;
    Forecasting forecasting(cases, spec, command, own_points(spec, command.shard, !sharded), own_done, true);
    calibration.point_done = [&rows, &spec](const score::PointResult& point) {
        rows.write(score::calibration_csv_row(spec, point));
    };
    calibration.batch = std::max<std::size_t>(4, 2 * static_cast<std::size_t>(command.threads));
    std::vector<score::PointResult> points =
        score::run_points(spec, observed, forecasting.forecaster(), std::move(calibration));
    written.push_back(rows.finish());
    if (sharded) {
        forecasting.finish();
        return std::nullopt;
    }
    score::CalibrationResult result =
        score::finish_calibration(spec, observed, forecasting.forecaster(), std::move(points));
    forecasting.finish();
    return result;
}

/// Thrown on ranks other than 0 of an MPI calibration once their points are sent: they write nothing.
struct NotRoot {};

// Under mpirun: rank r runs the design points ≡ r (mod ranks) and sends their calibration.csv rows to rank 0,
// which reads them back as `--merge` does (so every file is byte-identical to a single-process calibration)
// and finishes: the defaults, the cross-validation and any refinement run on rank 0's threads.
score::CalibrationResult run_mpi(const score::CalibrationSpec& spec,
                                 const std::vector<score::CalibrationCase>& cases,
                                 const CalibrateCommand& command, std::vector<std::string>& written) {
    const sweep::MpiSession session;
    const std::vector<score::ObservedCase> observed = observed_of(cases);
    score::CalibrationOptions calibration;
    calibration.shard = {session.rank(), session.size()};
    const bool root = session.rank() == 0;
    Forecasting forecasting(cases, spec, command, own_points(spec, calibration.shard, root), 0, root);
    std::string rows;
    bool stopped = false;
    try {
        for (const score::PointResult& point :
             score::run_points(spec, observed, forecasting.forecaster(), std::move(calibration))) {
            rows += score::calibration_csv_row(spec, point);
        }
    } catch (const Stopped&) {
        stopped = true;
    }
    const bool complete = session.all(!stopped);
    const std::vector<std::string> texts = session.gather_text(complete ? rows : std::string());
    if (!complete) {
        throw Stopped{};
    }
    if (!root) {
        throw NotRoot{};
    }
    const std::string header = score::calibration_csv_header(spec, observed);
    std::vector<score::PointResult> points;
    for (std::size_t r = 0; r < texts.size(); ++r) {
        for (score::PointResult& point : score::read_calibration_rows(
                 spec, observed, header + texts[r], "MPI rank " + std::to_string(r) + "'s rows")) {
            points.push_back(std::move(point));
        }
    }
    std::sort(points.begin(), points.end(),
              [](const score::PointResult& a, const score::PointResult& b) { return a.index < b.index; });
    std::string csv = header;
    for (const score::PointResult& point : points) {
        csv += score::calibration_csv_row(spec, point);
    }
    io::ensure_directory(command.out_dir);
    written.push_back(io::write_files_atomically(command.out_dir, {{"calibration.csv", csv}}).front());
    score::CalibrationResult result =
        score::finish_calibration(spec, observed, forecasting.forecaster(), std::move(points));
    forecasting.finish();
    return result;
}

}  // namespace

ExitCode command_calibrate(const CommandArgs& args) {
    const std::optional<CalibrateCommand> command = parse_calibrate_options(args);
    if (!command) {
        return ExitCode::Ok;  // --help
    }
    const score::CalibrationLoadResult loaded = score::load_calibration_file(command->file);
    print_diagnostics(loaded.diagnostics);
    if (!loaded.ok()) {
        throw InputRejected();
    }
    const score::CalibrationSpec& spec = *loaded.spec;
    const score::CalibrationCases cases = score::load_calibration_cases(spec);
    print_diagnostics(cases.diagnostics);
    if (!cases.diagnostics.empty()) {
        throw InputRejected();
    }

    // brink.json: the calibration file stands where a run's scenario does; a shard says which one it is, so
    // that --resume never continues another shard's rows and readers ask for the merge first.
    io::Manifest manifest = new_manifest(io::OutputKind::Calibration, args, command->file,
                                         scenario_digest(command->file), spec.seed);
    if (command->shard.count > 1) {
        manifest.shard = std::to_string(command->shard.index) + "/" + std::to_string(command->shard.count);
    }
    OutputFolder folder(command->out_dir, std::move(manifest),
                        command->force ? io::ExistingOutput::Replace : io::ExistingOutput::Refuse,
                        command->resume ? io::WriteMode::Continue : io::WriteMode::Fresh,
                        {"calibration.csv.partial", "calibration.csv", "best.yaml", "cv.csv", "summary.json",
                         "refinement.csv", "cv/score.csv", "cv/score_actors.csv", "cv/score.json"});
    // Under mpirun every rank runs this command; only rank 0 writes the folder (as brink sweep --mpi).
    const bool writes_manifest = !command->mpi || mpi_rank_from_environment() == 0;
    if (writes_manifest) {
        folder.begin();
    }

    std::vector<std::string> written;
    std::optional<score::CalibrationResult> result;
    try {
        result = command->mpi ? run_mpi(spec, cases.cases, *command, written)
                              : run(spec, cases.cases, *command, written);
    } catch (const NotRoot&) {
        return ExitCode::Ok;  // rank 0 writes every file and the summary
    } catch (const Stopped&) {
        print_error("calibrate",
                    command->mpi ? std::string("stopped; an MPI calibration keeps no partial file (run it "
                                               "again, or use --shard i/N with --resume)")
                                 : "stopped; the points done so far are in " +
                                       (fs::path(command->out_dir) / "calibration.csv.partial").string() +
                                       " (continue with the same command and --resume)");
        return ExitCode::RuntimeFailure;
    }
    if (!result) {
        if (!command->quiet) {
            std::cout << "Shard        " << command->shard.index << "/" << command->shard.count
                      << ": its points in " << written.front() << "\nMerge        brink calibrate "
                      << command->file << " --merge <every shard's directory> --out DIR\n";
        }
        if (writes_manifest) {
            folder.finish(written, true);
        }
        return ExitCode::Ok;
    }
    const std::vector<std::string> files = score::write_calibration_files(command->out_dir, spec, *result);
    written.insert(written.end(), files.begin(), files.end());

    const ExitCode exit = command->plot ? draw_score_charts_into((fs::path(command->out_dir) / "cv").string(),
                                                                 command->format, "calibrate", written)
                                        : ExitCode::Ok;
    if (writes_manifest) {
        folder.finish(written, true);
    }
    if (!command->quiet) {
        print_summary(spec, *result, *command, written);
    }
    return exit;
}

}  // namespace brink::cli
