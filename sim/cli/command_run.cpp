// `brink run [SCENARIO]`: load, apply --set, validate, run once (or an ensemble with --runs), write,
// summarise. Every input check happens before anything is written: on bad input no output directory appears.
#include "cli.hpp"
#include "output_folder.hpp"
#include "run_summary.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/io/diagnostics.hpp"
#include "brink/io/not_reached.hpp"
#include "brink/io/overrides.hpp"
#include "brink/io/parameter_file.hpp"
#include "brink/io/run_writer.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/io/sha256.hpp"
#include "brink/io/validation.hpp"
#include "brink/model/crisis.hpp"
#include "brink/plots/charts.hpp"
#include "brink/sweep/ensemble.hpp"

#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace po = boost::program_options;

namespace brink::cli {
namespace {

constexpr const char* k_usage =
    "brink run [SCENARIO|-] [--seed N] [--params FILE] [--set path=value]... [--out DIR] [--runs N] "
    "[--threads "
    "N] [--plot] [--format png|svg|pdf] [--mark DATE[=label]]... [--force] [--quiet]";

constexpr const char* k_examples =
    "  brink run                                        the bundled scenario, files in out/ukraine_2022/\n"
    "  brink run scenarios/cuba_1962.yaml --seed 7 --out out/cuba --plot\n"
    "  brink run --runs 1000 --plot --mark 2022-02-24=invasion   an ensemble, in "
    "out/ukraine_2022_ensemble/\n";

struct RunOptions {
    std::string scenario_path;
    std::optional<std::uint64_t> seed;
    std::vector<std::string> overrides;
    std::string out_dir;
    std::optional<int> runs;
    int threads = 0;
    bool plot = false;
    std::string format = "png";
    std::vector<plots::DateMark> marks;
    bool force = false;
    bool quiet = false;
};

std::string parse_format(const std::string& text) {
    if (text != "png" && text != "svg" && text != "pdf") {
        throw UsageError("--format: expected png, svg or pdf, got '" + text + "'");
    }
    return text;
}

std::optional<RunOptions> parse_run_options(const CommandArgs& args) {
    po::options_description options("options", 100);
    options.add_options()  //
        ("seed", po::value<std::string>()->value_name("N"),
         "random seed (default: the scenario's metadata.seed)")  //
        ("params", po::value<std::string>()->value_name("FILE"),
         "YAML file of model.* parameters, applied before --set (e.g. best.yaml of brink calibrate)")  //
        ("set", po::value<std::vector<std::string>>()->composing()->value_name("PATH=VALUE"),
         "override a scenario value, e.g. actors.russia.resolve=0.8 (repeatable)")  //
        ("out", po::value<std::string>()->value_name("DIR"),
         "output directory (default: out/<scenario file stem>)")  //
        ("runs", po::value<std::string>()->value_name("N"),
         "run an ensemble of N replications (seeds derived from --seed)")  //
        ("threads", po::value<std::string>()->value_name("N"),
         "worker threads for --runs (default: all cores)")            //
        ("plot", "draw the charts into OUT/charts/ (needs gnuplot)")  //
        ("format", po::value<std::string>()->value_name("FORMAT"),
         "chart format with --plot: png (default), svg or pdf")  //
        ("mark", po::value<std::vector<std::string>>()->composing()->value_name("DATE[=LABEL]"),
         "with --plot: draw an observed date YYYY-MM-DD on the time charts, labelled (repeatable; e.g. "
         "2022-02-24=invasion)")  //
        ("force",
         "write into a folder that holds another kind's or another scenario's output, replacing it")  //
        ("quiet", "print nothing but errors (no summary, no progress bar)");
    po::options_description positionals;
    positionals.add_options()("scenario", po::value<std::string>());
    po::positional_options_description positional;
    positional.add("scenario", 1);
    po::variables_map values;
    if (!parse_options(args, options, positionals, positional, values, k_usage, k_examples)) {
        return std::nullopt;
    }

    RunOptions run;
    run.scenario_path =
        values.count("scenario") ? values["scenario"].as<std::string>() : io::default_scenario_path();
    if (values.count("seed")) {
        run.seed = parse_seed(values["seed"].as<std::string>(), "--seed");
    }
    if (values.count("params")) {
        // A parameter file's assignments come first, so that --set overrides them (as in brink score).
        const io::ParameterFile params = io::load_parameter_file(values["params"].as<std::string>());
        for (const io::Diagnostic& diagnostic : params.diagnostics) {
            std::cerr << io::format_diagnostic(diagnostic) << "\n";
        }
        if (!params.ok()) {
            throw InputRejected();
        }
        run.overrides = params.assignments;
    }
    if (values.count("set")) {
        const auto set = values["set"].as<std::vector<std::string>>();
        run.overrides.insert(run.overrides.end(), set.begin(), set.end());
    }
    if (values.count("runs")) {
        run.runs = parse_int(values["runs"].as<std::string>(), "--runs", 1, 100'000'000);
    }
    // An ensemble has a folder of its own, so that it never shares one with a single run by default.
    run.out_dir = values.count("out") ? values["out"].as<std::string>()
                                      : default_out_dir(run.scenario_path) + (run.runs ? "_ensemble" : "");
    if (run.out_dir.empty()) {
        throw UsageError("--out: expected a directory, got an empty path");
    }
    if (values.count("threads")) {
        run.threads = parse_int(values["threads"].as<std::string>(), "--threads", 0, 4096);
    }
    run.plot = values.count("plot") > 0;
    if (values.count("format")) {
        run.format = parse_format(values["format"].as<std::string>());
        if (!run.plot) {
            throw UsageError(
                "--format chooses the format of the charts of --plot; add --plot, or draw the "
                "charts later with: brink plot DIR --format " +
                run.format);
        }
    }
    run.marks = date_mark_options(values);
    if (!run.marks.empty() && !run.plot) {
        throw UsageError(
            "--mark draws a date on the charts of --plot; add --plot, or draw the charts later with: brink "
            "plot "
            "DIR --mark " +
            values["mark"].as<std::vector<std::string>>().front());
    }
    run.force = values.count("force") > 0;
    run.quiet = values.count("quiet") > 0;
    return run;
}

// Loads (from standard input for "-"), overrides and validates; prints every diagnostic and throws
// InputRejected on any. `digest` receives the SHA-256 of the scenario's bytes (for brink.json).
ScenarioSpec load_checked(const RunOptions& run, std::string& digest) {
    io::LoadResult loaded;
    if (run.scenario_path == k_standard_input) {
        const std::string text = read_standard_input();
        digest = io::sha256_hex(text);
        loaded = io::load_scenario_string(text, k_standard_input_name);
    } else {
        digest = scenario_digest(run.scenario_path);
        loaded = io::load_scenario_file(run.scenario_path);
    }
    for (const io::Diagnostic& diagnostic : loaded.diagnostics) {
        std::cerr << io::format_diagnostic(diagnostic) << "\n";
    }
    if (!loaded.ok()) {
        if (loaded.diagnostics.empty()) {
            std::cerr << run.scenario_path << ": error: the scenario could not be loaded\n";
        }
        throw InputRejected();
    }
    ScenarioSpec spec = std::move(*loaded.spec);
    if (spec.source_path.empty()) {
        spec.source_path = run.scenario_path;
    }
    bool rejected = false;
    for (const std::string& assignment : run.overrides) {
        for (const io::Diagnostic& diagnostic : io::apply_override_assignment(spec, assignment)) {
            std::cerr << io::format_diagnostic(diagnostic) << "\n";
            rejected = true;
        }
    }
    if (rejected) {
        throw InputRejected();
    }
    if (!run.overrides.empty()) {
        // An override can break a cross-field rule (a deadline beyond a shortened horizon, ...).
        const std::vector<io::Diagnostic> problems = io::validate_spec(spec, run.scenario_path);
        for (const io::Diagnostic& diagnostic : problems) {
            std::cerr << io::format_diagnostic(diagnostic) << "\n";
        }
        if (!problems.empty()) {
            throw InputRejected();
        }
    }
    return spec;
}

/// Above this many actors `brink run` suggests output.event_samples: false.
constexpr std::size_t k_many_actors = 50;

// Draws the charts; a missing gnuplot is not a failure of the run (the data files are there).
ExitCode draw_charts(const std::string& out_dir, const RunOptions& run, std::vector<std::string>& charts) {
    try {
        plots::PlotOptions options;
        options.marks = run.marks;
        charts = plots::plot_run_dir(
            out_dir, plots::parse_chart_format(run.format).value_or(plots::ChartFormat::Png), options);
    } catch (const plots::GnuplotMissing& missing) {
        std::cerr << "brink run: warning: " << missing.what() << "\n"
                  << "The data files are written; draw the charts later with: brink plot " << out_dir << "\n";
    } catch (const plots::PlotError& error) {
        print_error("run", std::string("charts: ") + error.what());
        return ExitCode::RuntimeFailure;
    }
    return ExitCode::Ok;
}

io::ExistingOutput existing_output(const RunOptions& run) {
    return run.force ? io::ExistingOutput::Replace : io::ExistingOutput::Refuse;
}

ExitCode run_single(const CommandArgs& args, const RunOptions& run, const ScenarioSpec& spec,
                    std::uint64_t seed, const std::string& digest) {
    OutputFolder folder(run.out_dir, new_manifest(io::OutputKind::Run, args, run.scenario_path, digest, seed),
                        existing_output(run), io::WriteMode::Fresh,
                        {std::begin(io::k_run_files), std::end(io::k_run_files)});
    if (spec.actors.size() > k_many_actors && spec.output.event_samples) {
        // Every event samples every actor: a year of a scenario this size is tens of millions of rows.
        std::cerr << "brink run: note: " << spec.actors.size()
                  << " actors with a trajectory sample after every event makes a very large trajectory.csv; "
                     "--set output.event_samples=false keeps the daily samples only\n";
    }
    model::RunResult result;
    try {
        result = model::run_crisis(spec, seed);
    } catch (const std::invalid_argument& error) {
        // io validated the spec; the model still refused it: that is a problem of the input.
        std::cerr << run.scenario_path << ": error: " << error.what() << "\n";
        return ExitCode::BadInput;
    }

    const std::filesystem::path out_dir(run.out_dir);
    try {
        folder.begin();
        io::write_run(out_dir, spec, result, recorded_command(args));
    } catch (const io::IoError&) {
        folder.abandon();
        throw;
    }

    // Nothing the scenario scheduled is dropped without a word (summary.json lists them too; --quiet asks for
    // errors only).
    const std::string missed = io::not_reached_warning(spec, result, io::not_reached(spec, result));
    if (!missed.empty() && !run.quiet) {
        std::cerr << "brink run: warning: " << missed << "\n";
    }

    std::vector<std::string> charts;
    const ExitCode plotted = run.plot ? draw_charts(run.out_dir, run, charts) : ExitCode::Ok;
    std::vector<std::string> written(std::begin(io::k_run_files), std::end(io::k_run_files));
    written.insert(written.end(), charts.begin(), charts.end());
    folder.finish(written, true);
    if (!run.quiet) {
        print_run_summary(std::cout, spec, result, run.scenario_path, run.out_dir, charts);
    }
    return plotted;
}

// One line for what some runs of an ensemble ended before: "3 scripted events and 1 demand were never reached
// in some runs: G20 summit in Bali (in 180 of 200 runs); ...; summary.json lists them under not_reached".
std::string ensemble_not_reached_warning(const sweep::EnsembleResult& ensemble) {
    std::size_t demands = 0;
    for (const sweep::NotReachedCount& counted : ensemble.not_reached) {
        demands += counted.item.id.rfind("events[", 0) == 0 ? 0U : 1U;
    }
    const std::size_t events = ensemble.not_reached.size() - demands;
    const auto plural = [](std::size_t count, const std::string& noun) {
        return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
    };
    std::string text;
    if (events > 0) {
        text += plural(events, "scripted event");
    }
    if (demands > 0) {
        text += (events > 0 ? " and " : "") + plural(demands, "demand");
    }
    text += std::string(ensemble.not_reached.size() == 1 ? " was" : " were") +
            " never reached because runs ended before them: ";
    constexpr std::size_t k_listed = 3;
    for (std::size_t i = 0; i < ensemble.not_reached.size() && i < k_listed; ++i) {
        const sweep::NotReachedCount& counted = ensemble.not_reached[i];
        text += (i == 0 ? "" : "; ") + counted.item.description + " (in " + std::to_string(counted.runs) +
                " of " + std::to_string(ensemble.runs - ensemble.failed) + " runs)";
    }
    if (ensemble.not_reached.size() > k_listed) {
        text += "; and " + std::to_string(ensemble.not_reached.size() - k_listed) + " more";
    }
    return text + ". summary.json lists them under not_reached";
}

ExitCode run_many(const CommandArgs& args, const RunOptions& run, const ScenarioSpec& spec,
                  std::uint64_t seed, const std::string& digest) {
    OutputFolder folder(run.out_dir,
                        new_manifest(io::OutputKind::Ensemble, args, run.scenario_path, digest, seed),
                        existing_output(run), io::WriteMode::Fresh,
                        {"runs.csv", "quantiles.csv", "bands.csv", "summary.json"});
    ProgressBar progress(stderr_is_terminal() && !run.quiet, "runs");
    sweep::EnsembleOptions options;
    options.threads = run.threads;
    options.out_dir = run.out_dir;
    options.progress = [&progress](const sweep::Progress& snapshot) {
        progress.update(snapshot.done, snapshot.total, snapshot.failed, snapshot.elapsed_seconds);
    };
    options.stop = install_stop_handler();
    options.command_line = recorded_command(args);
    options.scenario_path = run.scenario_path;

    sweep::EnsembleResult ensemble;
    try {
        folder.begin();
        ensemble = sweep::run_ensemble(spec, seed, *run.runs, options);
    } catch (const std::invalid_argument& error) {
        progress.finish();
        folder.abandon();
        std::cerr << run.scenario_path << ": error: " << error.what() << "\n";
        return ExitCode::BadInput;
    } catch (const std::exception&) {
        progress.finish();
        folder.abandon();
        throw;
    }
    progress.finish();
    if (!ensemble.not_reached.empty() && !run.quiet) {
        std::cerr << "brink run: warning: " << ensemble_not_reached_warning(ensemble) << "\n";
    }

    std::vector<std::string> charts;
    const ExitCode plotted = run.plot ? draw_charts(run.out_dir, run, charts) : ExitCode::Ok;
    std::vector<std::string> written = ensemble.written;
    written.insert(written.end(), charts.begin(), charts.end());
    // A stopped ensemble's files are whole and say so themselves (summary.json: "complete": false).
    folder.finish(written, true);
    if (!run.quiet) {
        print_ensemble_summary(std::cout, spec, ensemble, *run.runs, seed, run.scenario_path, run.out_dir,
                               charts);
    }
    if (!ensemble.complete) {
        print_error("run", "stopped after " + std::to_string(ensemble.runs) + " of " +
                               std::to_string(*run.runs) + " runs; the files cover the finished runs");
        return ExitCode::RuntimeFailure;
    }
    return plotted;
}

}  // namespace

ExitCode command_run(const CommandArgs& args) {
    const std::optional<RunOptions> run = parse_run_options(args);
    if (!run) {
        return ExitCode::Ok;  // --help
    }
    std::string digest;
    const ScenarioSpec spec = load_checked(*run, digest);
    if (!run->marks.empty() && spec.metadata.start_date.empty()) {
        throw UsageError(
            "--mark: " + run->scenario_path +
            " has no metadata.start_date, so a date has no place on its time axis (days from the "
            "start)");
    }
    const std::uint64_t seed = run->seed.value_or(spec.metadata.seed);
    return run->runs ? run_many(args, *run, spec, seed, digest) : run_single(args, *run, spec, seed, digest);
}

}  // namespace brink::cli
