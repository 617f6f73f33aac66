// The charts of a directory: its kind, the charts drawn for it, and drawing them (docs/charts.md). Each
// chart's script is built from the directory's documented files (docs/outputs.md) by run_charts.cpp,
// events_chart.cpp, ensemble_charts.cpp and sweep_charts.cpp.
#include "brink/plots/charts.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/plots/sweep_charts.hpp"

#include "chart_data.hpp"
#include "script_utils.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>

namespace brink::plots {

using detail::format_fixed;
using detail::script_number;
using detail::SummaryInfo;

const char* chart_file_stem(ChartKind kind) {
    switch (kind) {
        case ChartKind::Escalation:
            return "escalation";
        case ChartKind::Positions:
            return "positions";
        case ChartKind::Events:
            return "events";
        case ChartKind::Relations:
            return "relations";
        case ChartKind::EscalationBands:
            return "escalation_bands";
        case ChartKind::Outcomes:
            return "outcomes";
        case ChartKind::WarCdf:
            return "war_cdf";
    }
    return "chart";
}

RunDirKind detect_run_dir(const std::string& dir) {
    using detail::file_exists;
    using detail::join_path;
    if (file_exists(join_path(dir, "runs.csv")) && file_exists(join_path(dir, "quantiles.csv"))) {
        return RunDirKind::Ensemble;
    }
    if (file_exists(join_path(dir, "trajectory.csv")) && file_exists(join_path(dir, "events.csv"))) {
        return RunDirKind::SingleRun;
    }
    if (file_exists(join_path(dir, "sweep.json")) && file_exists(join_path(dir, "points.csv"))) {
        return RunDirKind::Sweep;
    }
    throw PlotError(dir +
                    ": not a brink run directory (expected trajectory.csv and events.csv of a run, "
                    "runs.csv and quantiles.csv of an ensemble, or sweep.json and points.csv of a sweep)");
}

std::vector<ChartKind> charts_for(RunDirKind kind) {
    if (kind == RunDirKind::Ensemble) {
        return {ChartKind::EscalationBands, ChartKind::Outcomes, ChartKind::WarCdf};
    }
    if (kind == RunDirKind::Sweep) {
        return {};
    }
    return {ChartKind::Escalation, ChartKind::Positions, ChartKind::Events, ChartKind::Relations};
}

namespace {

std::string chart_script_of(const std::string& dir, ChartKind kind, const PlotOptions& options) {
    switch (kind) {
        case ChartKind::Escalation:
            return detail::escalation_script(dir, options);
        case ChartKind::Positions:
            return detail::positions_script(dir);
        case ChartKind::Events:
            return detail::events_script(dir);
        case ChartKind::Relations:
            return detail::relations_script(dir);
        case ChartKind::EscalationBands:
            return detail::escalation_bands_script(dir, options);
        case ChartKind::Outcomes:
            return detail::outcomes_script(dir);
        case ChartKind::WarCdf:
            return detail::war_cdf_script(dir, options);
    }
    throw PlotError("unknown chart kind");
}

}  // namespace

std::string chart_script(const std::string& dir, ChartKind kind, const PlotOptions& options) {
    try {
        return chart_script_of(dir, kind, options);
    } catch (const io::CsvError& error) {
        throw PlotError(error.what());  // e.g. a missing column
    }
}

std::vector<std::string> plot_run_dir(const std::string& dir, ChartFormat format,
                                      const PlotOptions& options) {
    if (!gnuplot_available(options.render)) {
        throw GnuplotMissing();
    }
    RunDirKind kind = detect_run_dir(dir);
    // Every script is built before anything is written, so bad input leaves the directory untouched.
    std::vector<SweepChart> scripts;
    for (ChartKind chart : charts_for(kind)) {
        scripts.push_back({chart_file_stem(chart), chart_script(dir, chart, options)});
    }
    if (kind == RunDirKind::Sweep) {
        scripts = sweep_chart_scripts(dir);
    }
    std::string charts_dir = detail::join_path(dir, "charts");
    std::error_code error;
    std::filesystem::create_directories(charts_dir, error);
    if (error) {
        throw PlotError(charts_dir + ": cannot create directory: " + error.message());
    }
    // A process killed while rendering leaves NAME.tmp-<pid>-<n>; the next drawing clears them.
    io::remove_stale_temporaries(charts_dir, io::k_chart_temporary_names);
    std::vector<std::string> written;
    for (const auto& [stem, script] : scripts) {
        std::string path = detail::join_path(charts_dir, stem + "." + to_string(format));
        render_chart(script, path, format, options.render);
        written.push_back(path);
    }
    return written;
}

}  // namespace brink::plots
