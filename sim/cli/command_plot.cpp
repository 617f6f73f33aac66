// `brink plot DIR` and `brink report DIR`: charts and the HTML page from a run, ensemble or sweep directory
// (and, for `brink plot`, the charts of a `brink score` directory).
#include "cli.hpp"
#include "output_folder.hpp"

#include "brink/plots/charts.hpp"
#include "brink/plots/score_charts.hpp"

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace po = boost::program_options;

namespace brink::cli {
namespace {

// Whether a command takes the output directory of `brink score` (and of `brink calibrate`, whose charts are
// those of its cross-validated forecasts in OUT/cv).
enum class ScoreDirs { Accepted, Refused };

bool is_score_dir(const std::string& dir) {
    std::error_code error;
    const std::filesystem::path path(dir);
    return std::filesystem::is_regular_file(path / "score.json", error) &&
           std::filesystem::is_regular_file(path / "score.csv", error);
}

// The folder whose score charts a directory holds: a score directory itself, or the cross-validated
// forecasts (OUT/cv) of a `brink calibrate` directory; nullopt for any other directory.
std::optional<std::string> score_charts_dir(const std::string& dir) {
    if (is_score_dir(dir)) {
        return dir;
    }
    std::error_code error;
    const std::filesystem::path cv = std::filesystem::path(dir) / "cv";
    if (std::filesystem::is_regular_file(std::filesystem::path(dir) / "calibration.csv", error) &&
        is_score_dir(cv.string())) {
        return cv.string();
    }
    return std::nullopt;
}

std::optional<io::OutputKind> output_kind(plots::RunDirKind kind) {
    switch (kind) {
        case plots::RunDirKind::SingleRun:
            return io::OutputKind::Run;
        case plots::RunDirKind::Ensemble:
            return io::OutputKind::Ensemble;
        case plots::RunDirKind::Sweep:
            return io::OutputKind::Sweep;
    }
    return std::nullopt;
}

// A directory that is not a run's output, or whose files are not what its brink.json says, is bad input
// (exit 2); failures after that are runtime ones.
void check_run_dir(const std::string& dir, const ReaderCheck& reader, ScoreDirs score_dirs) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) {
        throw UsageError("'" + dir + "' is not a directory (expected the output directory of brink run)");
    }
    if (score_dirs == ScoreDirs::Accepted && score_charts_dir(dir)) {
        // A score or calibration folder's brink.json is checked like any other; a calibration's cv/ folder
        // has none (its calibration's manifest lists it).
        if (io::read_manifest(dir)) {
            const io::OutputKind kind =
                is_score_dir(dir) ? io::OutputKind::Score : io::OutputKind::Calibration;
            ReaderCheck score_reader = reader;
            score_reader.kinds = {kind};
            check_readable_output(dir, score_reader, kind);
        }
        return;
    }
    std::optional<io::OutputKind> detected;
    std::string not_an_output;
    try {
        detected = output_kind(plots::detect_run_dir(dir));
    } catch (const plots::PlotError& problem) {
        not_an_output = problem.what();
    }
    check_readable_output(dir, reader, detected);
    if (!detected) {
        throw UsageError(not_an_output);
    }
}

std::optional<std::string> parse_dir_command(const CommandArgs& args, po::options_description& options,
                                             po::variables_map& values, const std::string& usage,
                                             const ReaderCheck& reader, const std::string& examples,
                                             ScoreDirs score_dirs) {
    po::options_description positionals;
    positionals.add_options()("dir", po::value<std::string>());
    po::positional_options_description positional;
    positional.add("dir", 1);
    if (!parse_options(args, options, positionals, positional, values, usage, examples)) {
        return std::nullopt;
    }
    if (!values.count("dir")) {
        throw UsageError("no directory given; usage: " + usage);
    }
    const std::string dir = values["dir"].as<std::string>();
    check_run_dir(dir, reader, score_dirs);
    return dir;
}

// `--mark` on a folder whose charts have no time axis says so rather than being ignored.
void check_marks_apply(const std::string& dir, const plots::PlotOptions& options) {
    if (options.marks.empty()) {
        return;
    }
    if (score_charts_dir(dir) || plots::detect_run_dir(dir) == plots::RunDirKind::Sweep) {
        throw UsageError("--mark: " + dir +
                         " holds a sweep's, a score's or a calibration's output, whose charts have no time "
                         "axis; --mark draws "
                         "dates on the charts of a run or an ensemble");
    }
    try {
        plots::check_date_marks(dir, options);
    } catch (const plots::UnplaceableMark& problem) {
        throw UsageError(std::string("--mark: ") + problem.what());
    }
}

}  // namespace

std::vector<plots::DateMark> date_mark_options(const po::variables_map& values) {
    std::vector<plots::DateMark> marks;
    if (!values.count("mark")) {
        return marks;
    }
    for (const std::string& text : values["mark"].as<std::vector<std::string>>()) {
        const std::optional<plots::DateMark> mark = plots::parse_date_mark(text);
        if (!mark) {
            throw UsageError(
                "--mark: expected DATE[=label] with DATE a calendar date YYYY-MM-DD (e.g. "
                "2022-02-24=invasion), got '" +
                text + "'");
        }
        marks.push_back(*mark);
    }
    return marks;
}

ExitCode command_plot(const CommandArgs& args) {
    po::options_description options("options", 100);
    options.add_options()  //
        ("format", po::value<std::string>()->value_name("FORMAT"),
         "chart format: png (default), svg or pdf")  //
        ("mark", po::value<std::vector<std::string>>()->composing()->value_name("DATE[=LABEL]"), k_mark_help);
    po::variables_map values;
    const std::string usage = "brink plot DIR [--format png|svg|pdf] [--mark DATE[=label]]...";
    plots::ChartFormat format = plots::ChartFormat::Png;
    const std::optional<std::string> dir = parse_dir_command(
        args, options, values, usage, {"plot", "draw"},
        "  brink plot out/ukraine_2022                    PNG charts into out/ukraine_2022/charts/\n"
        "  brink plot out/ukraine_2022_ensemble --format svg --mark 2022-02-24=invasion\n"
        "  brink plot out/sweep --format pdf\n"
        "  brink plot out/score                           the charts of brink score (or brink calibrate)\n",
        ScoreDirs::Accepted);
    if (!dir) {
        return ExitCode::Ok;
    }
    if (values.count("format")) {
        format = chart_format_option(values["format"].as<std::string>());
    }
    plots::PlotOptions plot_options;
    plot_options.marks = date_mark_options(values);
    check_marks_apply(*dir, plot_options);
    if (const std::optional<std::string> scores = score_charts_dir(*dir)) {
        const plots::DrawnCharts charts = plots::draw_score_charts(*scores, format);
        record_outputs(*dir, charts.written);
        for (const std::string& chart : charts.written) {
            std::cout << chart << "\n";
        }
        for (const std::string& pending : charts.pending) {
            print_error("plot", pending);
        }
        return charts.pending.empty() ? ExitCode::Ok : ExitCode::RuntimeFailure;
    }
    try {
        const std::vector<std::string> charts = plots::plot_run_dir(*dir, format, plot_options);
        record_outputs(*dir, charts);
        for (const std::string& chart : charts) {
            std::cout << chart << "\n";
        }
    } catch (const plots::GnuplotMissing& missing) {
        print_error("plot", missing.what());
        return ExitCode::RuntimeFailure;
    }
    return ExitCode::Ok;
}

ExitCode command_report(const CommandArgs& args) {
    po::options_description options("options", 100);
    options.add_options()  //
        ("mark", po::value<std::vector<std::string>>()->composing()->value_name("DATE[=LABEL]"), k_mark_help);
    po::variables_map values;
    const std::optional<std::string> dir = parse_dir_command(
        args, options, values, "brink report DIR [--mark DATE[=label]]...", {"report", "show"},
        "  brink report out/ukraine_2022                 out/ukraine_2022/report.html\n"
        "  brink run --runs 200 && brink report out/ukraine_2022_ensemble --mark 2022-02-24\n"
        "  brink report out/sweep\n"
        "  brink report out/score                         scores, reliability and cases (or a calibration)\n",
        ScoreDirs::Accepted);
    if (!dir) {
        return ExitCode::Ok;
    }
    plots::PlotOptions plot_options;
    plot_options.marks = date_mark_options(values);
    check_marks_apply(*dir, plot_options);
    if (const std::optional<std::string> scores = score_charts_dir(*dir)) {
        plots::write_score_report(*dir, *scores, plot_options);
    } else {
        plots::write_report(*dir, plot_options);
    }
    record_outputs(*dir, {(std::filesystem::path(*dir) / "report.html").string()});
    std::cout << (std::filesystem::path(*dir) / "report.html").string() << "\n";
    return ExitCode::Ok;
}

}  // namespace brink::cli
