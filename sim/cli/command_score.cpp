// `brink score CASES...`: an ensemble per case file, scored against the observed outcomes of the case
// library beside two baselines (docs/cli.md, docs/validation.md "Scores"). Every input check happens before
// anything runs or is written: on bad input no output directory appears.
#include "cli.hpp"
#include "output_folder.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/io/diagnostics.hpp"
#include "brink/io/overrides.hpp"
#include "brink/io/parameter_file.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/io/validation.hpp"
#include "brink/plots/score_charts.hpp"
#include "brink/score/score.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace po = boost::program_options;

namespace brink::cli {
namespace {

constexpr const char* k_usage =
    "brink score CASE.yaml... [--runs N] [--seed N] [--out DIR] [--threads N] [--params FILE] "
    "[--set path=value]... [--observed FILE] [--bootstrap N] [--format png|svg|pdf] [--no-plot] [--force] "
    "[--quiet]";

struct ScoreCommand {
    std::vector<std::string> cases;
    int runs = 100;
    std::uint64_t seed = 1;
    std::string out_dir = "out/score";
    int threads = 0;
    std::string params_file;
    std::vector<std::string> overrides;
    std::string observed_file;
    int bootstrap = 2000;
    plots::ChartFormat format = plots::ChartFormat::Png;
    bool plot = true;
    bool force = false;
    bool quiet = false;
};

std::optional<ScoreCommand> parse_score_options(const CommandArgs& args) {
    po::options_description options("options", 100);
    options.add_options()                                                                           //
        ("runs", po::value<std::string>()->value_name("N"), "replications per case (default 100)")  //
        ("seed", po::value<std::string>()->value_name("N"),
         "base seed of every case's ensemble (default 1)")                                             //
        ("out", po::value<std::string>()->value_name("DIR"), "output directory (default out/score)")   //
        ("threads", po::value<std::string>()->value_name("N"), "worker threads (default: all cores)")  //
        ("params", po::value<std::string>()->value_name("FILE"),
         "YAML file of model.* parameters applied to every case")  //
        ("set", po::value<std::vector<std::string>>()->composing()->value_name("PATH=VALUE"),
         "override a model parameter in every case, e.g. model.rationality=8 (repeatable)")  //
        ("observed", po::value<std::string>()->value_name("FILE"),
         "observed outcomes (default: observed.csv beside each case, or in its cases/ folder)")  //
        ("bootstrap", po::value<std::string>()->value_name("N"),
         "bootstrap resamples of the intervals (default 2000)")  //
        ("format", po::value<std::string>()->value_name("FORMAT"),
         "chart format: png (default), svg or pdf")                                                       //
        ("no-plot", "write the data files only (no charts)")                                              //
        ("force", "replace what --out holds even if it is another kind of output (a run, a sweep, ...)")  //
        ("quiet", "print nothing but errors (no summary, no progress bar)");
    po::options_description positionals;
    positionals.add_options()("cases", po::value<std::vector<std::string>>());
    po::positional_options_description positional;
    positional.add("cases", -1);
    po::variables_map values;
    if (!parse_options(args, options, positionals, positional, values, k_usage)) {
        return std::nullopt;
    }
    ScoreCommand command;
    if (!values.count("cases")) {
        throw UsageError("no case files given; usage: " + std::string(k_usage));
    }
    command.cases = values["cases"].as<std::vector<std::string>>();
    if (values.count("runs")) {
        command.runs = parse_int(values["runs"].as<std::string>(), "--runs", 1, 10'000'000);
    }
    if (values.count("seed")) {
        command.seed = parse_seed(values["seed"].as<std::string>(), "--seed");
    }
    if (values.count("out")) {
        command.out_dir = values["out"].as<std::string>();
        if (command.out_dir.empty()) {
            throw UsageError("--out: expected a directory, got an empty path");
        }
    }
    if (values.count("threads")) {
        command.threads = parse_int(values["threads"].as<std::string>(), "--threads", 0, 4096);
    }
    if (values.count("params")) {
        command.params_file = values["params"].as<std::string>();
    }
    if (values.count("set")) {
        command.overrides = values["set"].as<std::vector<std::string>>();
    }
    if (values.count("observed")) {
        command.observed_file = values["observed"].as<std::string>();
    }
    if (values.count("bootstrap")) {
        command.bootstrap = parse_int(values["bootstrap"].as<std::string>(), "--bootstrap", 0, 1'000'000);
    }
    if (values.count("format")) {
        command.format = chart_format_option(values["format"].as<std::string>());
    }
    command.plot = values.count("no-plot") == 0;
    command.force = values.count("force") > 0;
    command.quiet = values.count("quiet") > 0;
    return command;
}

// One case, loaded and checked, with its observed row.
struct LoadedCase {
    std::string path;
    ScenarioSpec spec;
    score::ObservedCase observed;
    std::optional<score::ObservedDyadSeries> series;  // from observed_dyads.csv beside the observed file
};

// Loads every case with the overrides applied and finds its observed row; prints every problem and throws
// InputRejected (or UsageError) when there is one.
std::vector<LoadedCase> load_cases(const ScoreCommand& command, const std::vector<std::string>& overrides) {
    std::map<std::string, std::map<std::string, score::ObservedCase>> tables;  // by observed file
    const auto table_for = [&](const std::string& path) -> const std::map<std::string, score::ObservedCase>& {
        auto found = tables.find(path);
        if (found == tables.end()) {
            try {
                found = tables.emplace(path, score::read_observed(path)).first;
            } catch (const score::ScoreInputError& error) {
                throw UsageError(error.what());
            }
        }
        return found->second;
    };
    std::map<std::string, std::map<std::string, score::ObservedDyadSeries>> series_tables;  // by file
    const auto series_for = [&](const std::string& observed_path,
                                const std::string& name) -> std::optional<score::ObservedDyadSeries> {
        const std::string path = score::default_dyad_series_path(observed_path);
        if (path.empty()) {
            return std::nullopt;
        }
        auto found = series_tables.find(path);
        if (found == series_tables.end()) {
            try {
                found = series_tables.emplace(path, score::read_dyad_series(path)).first;
            } catch (const score::ScoreInputError& error) {
                throw UsageError(error.what());
            }
        }
        const auto entry = found->second.find(name);
        return entry == found->second.end() ? std::nullopt : std::optional(entry->second);
    };
    std::vector<LoadedCase> cases;
    std::set<std::string> names;
    bool rejected = false;
    for (const std::string& path : command.cases) {
        const std::string name = score::case_name(path);
        if (!names.insert(name).second) {
            throw UsageError("case '" + name + "' is given twice (" + path + ")");
        }
        io::LoadResult loaded = io::load_scenario_file(path);
        print_diagnostics(loaded.diagnostics);
        if (!loaded.ok()) {
            if (loaded.diagnostics.empty()) {
                std::cerr << path << ": error: the case could not be loaded\n";
            }
            rejected = true;
            continue;
        }
        ScenarioSpec spec = std::move(*loaded.spec);
        if (spec.source_path.empty()) {
            spec.source_path = path;
        }
        bool overridden = true;
        for (const std::string& assignment : overrides) {
            const std::vector<io::Diagnostic> problems = io::apply_override_assignment(spec, assignment);
            print_diagnostics(problems);
            overridden = overridden && problems.empty();
        }
        if (!overridden) {
            rejected = true;
            continue;
        }
        if (!overrides.empty()) {
            const std::vector<io::Diagnostic> problems = io::validate_spec(spec, path);
            print_diagnostics(problems);
            if (!problems.empty()) {
                rejected = true;
                continue;
            }
        }
        const std::string observed_path =
            command.observed_file.empty() ? score::default_observed_path(path) : command.observed_file;
        if (observed_path.empty()) {
            std::cerr << path << ": error: no observed outcomes found (no observed.csv beside it or in its "
                      << "cases/ folder); give --observed FILE\n";
            rejected = true;
            continue;
        }
        const auto& table = table_for(observed_path);
        const auto observed = table.find(name);
        if (observed == table.end()) {
            std::cerr << path << ": error: case '" << name << "' has no observed row in " << observed_path
                      << "\n";
            rejected = true;
            continue;
        }
        std::optional<score::ObservedDyadSeries> series = series_for(observed_path, name);
        if (series) {
            const std::string problem = score::check_dyad_series(spec, *series);
            if (!problem.empty()) {
                std::cerr << path << ": error: " << problem << " ("
                          << score::default_dyad_series_path(observed_path) << ")\n";
                rejected = true;
                continue;
            }
        }
        cases.push_back({path, std::move(spec), observed->second, std::move(series)});
    }
    if (rejected) {
        throw InputRejected();
    }
    return cases;
}

std::string interval_text(const score::Interval& interval, int decimals = 3) {
    if (!std::isfinite(interval.estimate)) {
        return "-";
    }
    char text[96];
    std::snprintf(text, sizeof text, "%.*f [%.*f, %.*f]", decimals, interval.estimate, decimals, interval.lo,
                  decimals, interval.hi);
    return text;
}

void print_summary(const score::ScoreReport& report, const ScoreCommand& command,
                   const std::vector<std::string>& written) {
    int wars = 0;
    for (const auto& observed : report.observed) {
        wars += observed.war;
    }
    std::cout << "Cases        " << report.forecasts.size() << " (" << wars << " wars), " << command.runs
              << " runs each, seed " << command.seed << "\n"
              << "Scores       mean over cases [bootstrap 95% interval]; lower is better\n";
    const auto row = [](const char* name, const score::ForecasterScores& scores) {
        std::cout << "  " << name << " brier " << interval_text(scores.brier) << "  log "
                  << interval_text(scores.log) << "\n"
                  << "                       rps " << interval_text(scores.rps) << "  timing "
                  << interval_text(scores.timing) << "\n";
    };
    row("model              ", report.model);
    row("base rate          ", report.base_rate);
    row("capability logit   ", report.logistic);
    std::cout << "Model − base rate  brier " << interval_text(report.brier_vs_base_rate) << "  log "
              << interval_text(report.log_vs_base_rate) << "\n"
              << "Files        " << (std::filesystem::path(command.out_dir) / "").string() << "\n";
    for (const std::string& file : written) {
        std::cout << "             " << std::filesystem::relative(file, command.out_dir).string() << "\n";
    }
}

}  // namespace

plots::ChartFormat chart_format_option(const std::string& text) {
    const std::optional<plots::ChartFormat> format = plots::parse_chart_format(text);
    if (!format) {
        throw UsageError("--format: expected png, svg or pdf, got '" + text + "'");
    }
    return *format;
}

void print_diagnostics(const std::vector<io::Diagnostic>& diagnostics) {
    for (const io::Diagnostic& diagnostic : diagnostics) {
        std::cerr << io::format_diagnostic(diagnostic) << "\n";
    }
}

ExitCode draw_score_charts_into(const std::string& dir, plots::ChartFormat format, const char* command,
                                std::vector<std::string>& written) {
    try {
        const plots::DrawnCharts charts = plots::draw_score_charts(dir, format);
        written.insert(written.end(), charts.written.begin(), charts.written.end());
        for (const std::string& pending : charts.pending) {
            std::cerr << "brink " << command << ": warning: " << pending << "\n";
        }
    } catch (const plots::PlotError& error) {
        print_error(command, std::string("charts: ") + error.what());
        return ExitCode::RuntimeFailure;
    }
    return ExitCode::Ok;
}

ExitCode command_score(const CommandArgs& args) {
    const std::optional<ScoreCommand> command = parse_score_options(args);
    if (!command) {
        return ExitCode::Ok;  // --help
    }
    std::vector<std::string> overrides;
    if (!command->params_file.empty()) {
        const io::ParameterFile params = io::load_parameter_file(command->params_file);
        print_diagnostics(params.diagnostics);
        if (!params.ok()) {
            throw InputRejected();
        }
        overrides = params.assignments;
    }
    overrides.insert(overrides.end(), command->overrides.begin(), command->overrides.end());
    const std::vector<LoadedCase> cases = load_cases(*command, overrides);
    // A score is of a library of cases, not of one scenario: brink.json records no scenario, and a score
    // replaces the score in its folder; another kind of output there is refused without --force.
    OutputFolder folder(command->out_dir, new_manifest(io::OutputKind::Score, args, "", "", command->seed),
                        command->force ? io::ExistingOutput::Replace : io::ExistingOutput::Refuse,
                        io::WriteMode::Fresh, {"score.csv", "score_actors.csv", "score.json"});

    ProgressBar progress(stderr_is_terminal() && !command->quiet, "runs");
    sweep::ReplicationOptions options;
    options.threads = command->threads;
    options.progress = [&progress](const sweep::Progress& snapshot) {
        progress.update(snapshot.done, snapshot.total, snapshot.failed, snapshot.elapsed_seconds);
    };
    const std::atomic<bool>* stop = install_stop_handler();
    options.stop = stop;
    std::vector<sweep::ReplicationJob> jobs;
    for (const LoadedCase& loaded : cases) {
        jobs.push_back({&loaded.spec, command->seed, command->runs, loaded.series.has_value()});
    }
    const auto outcomes = sweep::run_replications(jobs, options);
    progress.finish();
    if (stop->load()) {
        print_error("score", "stopped before every run finished; nothing written");
        return ExitCode::RuntimeFailure;
    }

    std::vector<score::CaseForecast> forecasts;
    std::vector<score::ObservedCase> observed;
    for (std::size_t c = 0; c < cases.size(); ++c) {
        std::vector<std::string> principals;
        for (const auto& actor : cases[c].observed.actors) {
            principals.push_back(actor.id);
        }
        forecasts.push_back(score::forecast_case(cases[c].observed.name, cases[c].path, cases[c].spec,
                                                 outcomes[c], principals));
        if (cases[c].series) {
            forecasts.back().dyad = score::dyad_fit(cases[c].spec, outcomes[c], *cases[c].series);
        }
        observed.push_back(cases[c].observed);
    }
    score::ScoreOptions score_options;
    score_options.runs = command->runs;
    score_options.bootstrap.resamples = command->bootstrap;
    score_options.bootstrap.seed = command->seed;
    const score::ScoreReport report = score::score_cases(forecasts, observed, score_options);
    const score::ScoreProvenance provenance{command->seed, command->runs, overrides};
    std::vector<std::string> written;
    try {
        folder.begin();
        written = score::write_score_files(command->out_dir, report, score_options, provenance);
    } catch (const io::IoError&) {
        folder.abandon();
        throw;
    }

    const ExitCode exit = command->plot
                              ? draw_score_charts_into(command->out_dir, command->format, "score", written)
                              : ExitCode::Ok;
    folder.finish(written, true);
    if (!command->quiet) {
        print_summary(report, *command, written);
    }
    return exit;
}

}  // namespace brink::cli
