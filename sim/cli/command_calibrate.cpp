// `brink calibrate CALIBRATION.yaml`: a design over model parameters, every case forecast at every point with
// common random numbers, the best point and k-fold cross-validation (docs/cli.md, docs/validation.md
// "Calibration"). Wiring only: the logic is in include/brink/score/calibration.hpp. Every input check happens
// before anything runs or is written: on bad input no output directory appears.
#include "cli.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/io/diagnostics.hpp"
#include "brink/plots/score_charts.hpp"
#include "brink/score/calibration.hpp"

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
    "brink calibrate CALIBRATION.yaml [--out DIR] [--threads N] [--resume] [--format png|svg|pdf] "
    "[--no-plot] "
    "[--quiet]";

struct CalibrateCommand {
    std::string file;
    std::string out_dir;
    int threads = 0;
    plots::ChartFormat format = plots::ChartFormat::Png;
    bool resume = false;
    bool plot = true;
    bool quiet = false;
};

std::optional<CalibrateCommand> parse_calibrate_options(const CommandArgs& args) {
    po::options_description options("options", 100);
    options.add_options()  //
        ("out", po::value<std::string>()->value_name("DIR"),
         "output directory (default: out/<calibration file stem>)")                                    //
        ("threads", po::value<std::string>()->value_name("N"), "worker threads (default: all cores)")  //
        ("resume", "continue an interrupted calibration from OUT/calibration.csv.partial")             //
        ("format", po::value<std::string>()->value_name("FORMAT"),
         "chart format: png (default), svg or pdf")           //
        ("no-plot", "write the data files only (no charts)")  //
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
        const std::string text = values["format"].as<std::string>();
        const auto format = plots::parse_chart_format(text);
        if (!format) {
            throw UsageError("--format: expected png, svg or pdf, got '" + text + "'");
        }
        command.format = *format;
    }
    command.resume = values.count("resume") > 0;
    command.plot = values.count("no-plot") == 0;
    command.quiet = values.count("quiet") > 0;
    return command;
}

void print_diagnostics(const std::vector<io::Diagnostic>& diagnostics) {
    for (const io::Diagnostic& diagnostic : diagnostics) {
        std::cerr << io::format_diagnostic(diagnostic) << "\n";
    }
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
    const score::PointResult& best = result.points.at(result.best);
    std::cout << "Cases        " << result.cross_validated.observed.size() << ", " << spec.runs
              << " runs each per point, seed " << spec.seed << " (common random numbers)\n"
              << "Points       " << result.points.size() << "; best " << best.index << ":\n";
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

// Runs the calibration, streaming calibration.csv; returns the result and adds the files to `written`.
score::CalibrationResult run(const score::CalibrationSpec& spec,
                             const std::vector<score::CalibrationCase>& cases,
                             const CalibrateCommand& command, std::vector<std::string>& written) {
    std::vector<score::ObservedCase> observed;
    for (const score::CalibrationCase& loaded : cases) {
        observed.push_back(loaded.observed);
    }
    score::CalibrationOptions calibration;
    std::string resumed_rows;
    const fs::path partial = fs::path(command.out_dir) / "calibration.csv.partial";
    if (command.resume && fs::exists(partial)) {
        std::ifstream in(partial, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        try {
            calibration.resumed = score::read_calibration_rows(spec, observed, text, partial.string());
        } catch (const score::ScoreInputError& error) {
            throw UsageError(std::string(error.what()) + "; remove it or run without --resume");
        }
        for (const score::PointResult& point : calibration.resumed) {
            resumed_rows += score::calibration_csv_row(spec, point);
        }
    }
    io::ensure_directory(command.out_dir);
    RowStream rows(command.out_dir, score::calibration_csv_header(spec, observed), resumed_rows);

    ProgressBar progress(stderr_is_terminal() && !command.quiet, "runs");
    const std::uint64_t per_point =
        static_cast<std::uint64_t>(cases.size()) * static_cast<std::uint64_t>(spec.runs);
    const std::uint64_t total = per_point * static_cast<std::uint64_t>(spec.points + 1);
    std::uint64_t done_before = per_point * calibration.resumed.size();
    const auto start = std::chrono::steady_clock::now();
    sweep::ReplicationOptions options;
    options.threads = command.threads;
    options.progress = [&](const sweep::Progress& snapshot) {  // about every 100 ms: at most ~10 redraws/s
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        progress.update(std::min(total, done_before + snapshot.done), total, snapshot.failed,
                        elapsed.count());
    };
    const std::atomic<bool>* stop = install_stop_handler();
    options.stop = stop;
    const score::PointForecaster model = score::model_forecaster(cases, spec, options);
    const score::PointForecaster forecaster = [&](const std::vector<std::vector<double>>& points) {
        auto forecasts = model(points);
        if (stop->load()) {
            throw Stopped{};
        }
        done_before += per_point * points.size();
        return forecasts;
    };
    calibration.point_done = [&rows, &spec](const score::PointResult& point) {
        rows.write(score::calibration_csv_row(spec, point));
    };
    calibration.batch = std::max<std::size_t>(2, static_cast<std::size_t>(command.threads));
    try {
        score::CalibrationResult result =
            score::run_calibration(spec, observed, forecaster, std::move(calibration));
        progress.finish();
        written.push_back(rows.finish());
        return result;
    } catch (const Stopped&) {
        progress.finish();
        throw;
    }
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

    std::vector<std::string> written;
    score::CalibrationResult result;
    try {
        result = run(spec, cases.cases, *command, written);
    } catch (const Stopped&) {
        print_error("calibrate", "stopped; the points done so far are in " +
                                     (fs::path(command->out_dir) / "calibration.csv.partial").string());
        return ExitCode::RuntimeFailure;
    }
    const std::vector<std::string> files = score::write_calibration_files(command->out_dir, spec, result);
    written.insert(written.end(), files.begin(), files.end());

    ExitCode exit = ExitCode::Ok;
    if (command->plot) {
        try {
            const std::string cv_dir = (fs::path(command->out_dir) / "cv").string();
            const plots::DrawnCharts charts = plots::draw_score_charts(cv_dir, command->format);
            written.insert(written.end(), charts.written.begin(), charts.written.end());
            for (const std::string& pending : charts.pending) {
                std::cerr << "brink calibrate: warning: " << pending << "\n";
            }
        } catch (const plots::PlotError& error) {
            print_error("calibrate", std::string("charts: ") + error.what());
            exit = ExitCode::RuntimeFailure;
        }
    }
    if (!command->quiet) {
        print_summary(spec, result, *command, written);
    }
    return exit;
}

}  // namespace brink::cli
