// `brink sweep` (a sweep file, or the inline --param form) and `brink merge` (shard directories). The sweep
// ring computes and writes the files; the charts are drawn here, by plots, from those files.
#include "cli.hpp"
#include "output_folder.hpp"

#include "brink/io/diagnostics.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/plots/sweep_charts.hpp"
#include "brink/sweep/sweep.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace po = boost::program_options;

namespace brink::cli {
namespace {

constexpr const char* k_sweep_usage =
    "brink sweep FILE.yaml [--out DIR] [--threads N] [--shard i/N] [--resume] [--force] [--mpi] [--seed N] "
    "[--format png|svg|pdf] [--quiet]\n"
    "       brink sweep [SCENARIO] --param path=lo:hi:n... [--runs N] [--set path=value]... [--seed N] "
    "[options]";

constexpr const char* k_sweep_examples =
    "  brink sweep scenarios/sweeps/resolve_commitment.yaml --out out/sweep --format svg\n"
    "  brink sweep --param actors.russia.resolve=0.3:0.9:4 --runs 100 --out out/resolve\n"
    "  brink sweep scenarios/sweeps/resolve_commitment.yaml --out out/sweep --resume   after Ctrl-C\n";

constexpr const char* k_merge_examples =
    "  brink sweep scenarios/sweeps/resolve_commitment.yaml --shard 0/2 --out out/shard-0\n"
    "  brink sweep scenarios/sweeps/resolve_commitment.yaml --shard 1/2 --out out/shard-1\n"
    "  brink merge out/shard-0 out/shard-1 --out out/sweep\n";

sweep::SweepSpec load_sweep(const po::variables_map& values, const std::optional<std::uint64_t>& seed) {
    sweep::SweepLoadResult loaded;
    if (values.count("param")) {
        const std::string scenario =
            values.count("file") ? values["file"].as<std::string>() : io::default_scenario_path();
        const int runs =
            values.count("runs") ? parse_int(values["runs"].as<std::string>(), "--runs", 1, 1'000'000) : 1;
        const std::vector<std::string> overrides =
            values.count("set") ? values["set"].as<std::vector<std::string>>() : std::vector<std::string>{};
        loaded = sweep::inline_sweep(scenario, values["param"].as<std::vector<std::string>>(), runs,
                                     overrides, seed);
    } else {
        if (!values.count("file")) {
            throw UsageError("no sweep file given (or use --param for an inline sweep)");
        }
        for (const char* inline_only : {"runs", "set"}) {
            if (values.count(inline_only)) {
                throw UsageError(std::string("--") + inline_only +
                                 " belongs to the inline form (with --param); a sweep file sets it itself");
            }
        }
        loaded = sweep::load_sweep_file(values["file"].as<std::string>());
    }
    for (const io::Diagnostic& diagnostic : loaded.diagnostics) {
        std::cerr << io::format_diagnostic(diagnostic) << "\n";
    }
    if (!loaded.ok()) {
        throw InputRejected();
    }
    sweep::SweepSpec spec = std::move(*loaded.spec);
    if (seed && !values.count("param")) {
        spec.seed = *seed;
    }
    return spec;
}

std::string default_sweep_out(const po::variables_map& values) {
    if (values.count("param")) {
        const std::string scenario =
            values.count("file") ? values["file"].as<std::string>() : io::default_scenario_path();
        return default_out_dir(scenario) + "_sweep";
    }
    return default_out_dir(values["file"].as<std::string>());
}

// The --format option's chart format (PNG without it).
plots::ChartFormat chart_format(const po::variables_map& values) {
    return values.count("format") ? chart_format_option(values["format"].as<std::string>())
                                  : plots::ChartFormat::Png;
}

// Draws a finished sweep's charts from its files; a missing gnuplot or a chart gnuplot fails on is a
// warning, never a failure of the sweep.
void draw_charts(const std::string& dir, plots::ChartFormat format, std::vector<std::string>& written,
                 std::vector<std::string>* warnings) {
    const plots::DrawnCharts charts = plots::draw_sweep_charts(dir, format);
    written.insert(written.end(), charts.written.begin(), charts.written.end());
    if (warnings != nullptr) {
        warnings->insert(warnings->end(), charts.pending.begin(), charts.pending.end());
    }
}

po::options_description sweep_options() {
    po::options_description options("options", 100);
    options.add_options()  //
        ("param", po::value<std::vector<std::string>>()->composing()->value_name("PATH=SPEC"),
         "inline sweep parameter path=lo:hi:n or path=v1,v2,... (repeat for a grid)")  //
        ("runs", po::value<std::string>()->value_name("N"),
         "inline sweep: replications per point (default 1)")  //
        ("set", po::value<std::vector<std::string>>()->composing()->value_name("PATH=VALUE"),
         "inline sweep: fixed override path=value")  //
        ("seed", po::value<std::string>()->value_name("N"),
         "base seed (default: the sweep file's, else the scenario's)")  //
        ("out", po::value<std::string>()->value_name("DIR"),
         "output directory (default: out/<sweep file stem>)")                                          //
        ("threads", po::value<std::string>()->value_name("N"), "worker threads (default: all cores)")  //
        ("shard", po::value<std::string>()->value_name("I/N"),
         "run only shard i of N (i/N, 0-based); combine with brink merge")                     //
        ("resume", "continue an interrupted sweep in the same --out, skipping finished runs")  //
        ("force",
         "write into a folder that holds other output (another kind, scenario or unfinished sweep)")  //
        ("mpi", "distribute runs over MPI ranks (MPI build, under mpirun; automatic there)")          //
        ("format", po::value<std::string>()->value_name("FORMAT"),
         "format of the charts drawn when the sweep is complete: png (default), svg or pdf")  //
        ("quiet", "print nothing but errors (no summary, no progress bar)");
    return options;
}

// The runner's options from the command line (all but the output directory and the callbacks).
sweep::RunnerOptions runner_options(const po::variables_map& values) {
    sweep::RunnerOptions runner;
    if (values.count("threads")) {
        runner.threads = parse_int(values["threads"].as<std::string>(), "--threads", 0, 4096);
    }
    if (values.count("shard")) {
        const std::string text = values["shard"].as<std::string>();
        const std::optional<sweep::Shard> shard = sweep::parse_shard(text);
        if (!shard) {
            throw UsageError("--shard: expected i/N with 0 <= i < N (e.g. 0/4), got '" + text + "'");
        }
        runner.shard = *shard;
    }
    runner.resume = values.count("resume") ? sweep::ResumeMode::Resume : sweep::ResumeMode::Fresh;
    if (values.count("mpi") || (launched_by_mpirun() && sweep::mpi_available())) {
        if (!sweep::mpi_available()) {
            throw UsageError("--mpi: this brink was built without MPI (configure with -DBRINK_MPI=ON)");
        }
        runner.distribution = sweep::Distribution::Mpi;
    }
    return runner;
}

void print_sweep_summary(const sweep::SweepSpec& spec, const sweep::RunnerOptions& runner,
                         const sweep::SweepResult& result) {
    std::cout << "Sweep        " << spec.name << " (" << sweep::to_string(spec.design) << ", "
              << result.points << " points × " << spec.replications << " replications = " << result.total_runs
              << " runs)\n"
              << "Runs         " << result.executed << " run, " << result.skipped << " resumed, "
              << result.failed << " failed\n"
              << "Files        " << (std::filesystem::path(runner.out_dir) / "").string() << "\n";
    for (const std::string& file : result.written) {
        std::cout << "             " << std::filesystem::path(file).filename().string() << "\n";
    }
    if (runner.shard.count > 1) {
        std::cout << "Shard " << runner.shard.index << "/" << runner.shard.count
                  << ": combine the shard directories with brink merge DIR... --out DIR\n";
    }
}

}  // namespace

ExitCode command_sweep(const CommandArgs& args) {
    const po::options_description options = sweep_options();
    po::options_description positionals;
    positionals.add_options()("file", po::value<std::string>());
    po::positional_options_description positional;
    positional.add("file", 1);
    po::variables_map values;
    if (!parse_options(args, options, positionals, positional, values, k_sweep_usage, k_sweep_examples)) {
        return ExitCode::Ok;
    }
    std::optional<std::uint64_t> seed;
    if (values.count("seed")) {
        seed = parse_seed(values["seed"].as<std::string>(), "--seed");
    }
    sweep::RunnerOptions runner = runner_options(values);
    const plots::ChartFormat format = chart_format(values);
    if (values.count("format") && runner.shard.count > 1) {
        throw UsageError("--format: a shard draws no charts; give --format to brink merge, which draws them");
    }
    const bool quiet = values.count("quiet") > 0;
    // Everything above and the sweep file itself are checked before the output directory exists.
    const sweep::SweepSpec spec = load_sweep(values, seed);
    runner.out_dir = values.count("out") ? values["out"].as<std::string>() : default_sweep_out(values);
    const std::string scenario = spec.base.source_path.empty() ? spec.scenario_path : spec.base.source_path;
    io::Manifest manifest =
        new_manifest(io::OutputKind::Sweep, args, scenario, scenario_digest(scenario), spec.seed);
    manifest.sweep_path = spec.source_path;
    manifest.design_sha256 = sweep::design_digest(spec);
    if (runner.shard.count > 1) {
        manifest.shard = std::to_string(runner.shard.index) + "/" + std::to_string(runner.shard.count);
    }
    // Checked before anything is created: a --resume of another sweep, or a fresh sweep over another
    // sweep's unfinished rows, stops here.
    OutputFolder folder(
        runner.out_dir, std::move(manifest),
        values.count("force") ? io::ExistingOutput::Replace : io::ExistingOutput::Refuse,
        runner.resume == sweep::ResumeMode::Resume ? io::WriteMode::Continue : io::WriteMode::Fresh,
        {"runs.csv.partial", "runs.csv", "points.csv", "sobol.csv", "sweep.json"});
    const bool writes_manifest =
        runner.distribution == sweep::Distribution::Local || mpi_rank_from_environment() == 0;
    if (writes_manifest) {
        folder.begin();
    }
    runner.stop = install_stop_handler();
    ProgressBar progress(stderr_is_terminal() && !quiet && runner.distribution == sweep::Distribution::Local,
                         "runs");
    runner.progress = [&progress](const sweep::Progress& snapshot) {
        progress.update(snapshot.done, snapshot.total, snapshot.failed, snapshot.elapsed_seconds);
    };
    sweep::SweepResult result = sweep::run_sweep(spec, runner);
    progress.finish();
    if (!result.is_root) {
        return ExitCode::Ok;
    }
    std::vector<std::string> warnings;
    if (result.aggregated) {
        draw_charts(runner.out_dir, format, result.written, &warnings);
    }
    if (writes_manifest) {
        folder.finish(result.written, result.complete);
    }
    if (!quiet) {
        print_sweep_summary(spec, runner, result);
    }
    for (const std::string& warning : warnings) {
        std::cerr << "brink sweep: warning: " << warning << "\n";
    }
    if (!result.complete) {
        print_error("sweep",
                    "stopped before every run finished; the finished rows are kept. Continue with: " +
                        recorded_command(args) + " --resume");
        return ExitCode::RuntimeFailure;
    }
    return ExitCode::Ok;
}

ExitCode command_merge(const CommandArgs& args) {
    po::options_description options("options", 100);
    options.add_options()                                                                           //
        ("out", po::value<std::string>()->value_name("DIR"), "merged output directory (required)")  //
        ("force", "write into a folder that holds other output, replacing it")                      //
        ("format", po::value<std::string>()->value_name("FORMAT"),
         "format of the merged sweep's charts: png (default), svg or pdf")  //
        ("quiet", "print nothing but errors");
    po::options_description positionals;
    positionals.add_options()("dir", po::value<std::vector<std::string>>());
    po::positional_options_description positional;
    positional.add("dir", -1);
    po::variables_map values;
    const std::string usage = "brink merge DIR... --out DIR [--force] [--format png|svg|pdf] [--quiet]";
    if (!parse_options(args, options, positionals, positional, values, usage, k_merge_examples)) {
        return ExitCode::Ok;
    }
    if (!values.count("dir")) {
        throw UsageError("no shard directory given; usage: " + usage);
    }
    if (!values.count("out")) {
        throw UsageError("--out is required; usage: " + usage);
    }
    const plots::ChartFormat format = chart_format(values);
    const auto dirs = values["dir"].as<std::vector<std::string>>();
    std::optional<io::Manifest> first;
    for (const std::string& dir : dirs) {
        std::error_code error;
        if (!std::filesystem::is_directory(dir, error)) {
            throw UsageError("'" + dir + "' is not a directory (expected a shard's output directory)");
        }
        const std::optional<io::Manifest> shard =
            check_readable_output(dir, {"merge", "merge"}, std::nullopt);
        if (!shard) {
            continue;
        }
        if (shard->kind != io::OutputKind::Sweep) {
            throw UsageError(
                dir + " holds " + io::describe_contents(*shard) +
                "; brink merge merges the output folders of the shards of one sweep (--shard i/N)");
        }
        if (first && (!io::same_scenario(*first, *shard) || first->design_sha256 != shard->design_sha256)) {
            throw io::OutputConflict(dir + " holds " + io::describe_contents(*shard) + ", " + dirs.front() +
                                     " " + io::describe_contents(*first) + ": shards of different sweeps");
        }
        if (!first) {
            first = shard;
        }
    }
    const std::string out_dir = values["out"].as<std::string>();
    io::Manifest manifest =
        new_manifest(io::OutputKind::Sweep, args, first ? first->scenario_path : std::string(),
                     first ? first->scenario_sha256 : std::string(), first ? first->seed : std::nullopt);
    if (first) {
        manifest.sweep_path = first->sweep_path;
        manifest.design_sha256 = first->design_sha256;
    }
    OutputFolder folder(out_dir, std::move(manifest),
                        values.count("force") ? io::ExistingOutput::Replace : io::ExistingOutput::Refuse,
                        io::WriteMode::Fresh, {"runs.csv", "points.csv", "sobol.csv", "sweep.json"});
    folder.begin();
    sweep::SweepResult result;
    try {
        result = sweep::merge_shards(dirs, out_dir);
    } catch (const std::exception&) {
        folder.abandon();
        throw;
    }
    draw_charts(out_dir, format, result.written, nullptr);  // as ever, merge does not warn about charts
    folder.finish(result.written, true);
    if (!values.count("quiet")) {
        std::cout << "Merged       " << dirs.size() << " shards, " << result.total_runs << " runs, "
                  << result.failed << " failed\nFiles        "
                  << (std::filesystem::path(out_dir) / "").string() << "\n";
        for (const std::string& file : result.written) {
            std::cout << "             " << std::filesystem::path(file).filename().string() << "\n";
        }
    }
    return ExitCode::Ok;
}

}  // namespace brink::cli
