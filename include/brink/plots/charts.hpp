// brink plots: the charts of one run, an ensemble or a sweep, drawn from the files in its output directory
// (docs/outputs.md), never from the model's memory, so they can be redrawn without re-running;
// and the self-contained HTML report. docs/charts.md describes each chart. A sweep's charts are listed by
// sweep_charts.hpp (they depend on its design).
#pragma once

#include "brink/plots/primitives.hpp"
#include "brink/plots/render.hpp"

#include <optional>
#include <string>
#include <vector>

namespace brink::plots {

/// The charts brink draws.
enum class ChartKind {
    Escalation,       ///< escalation.*: rung per actor over time (one run)
    Positions,        ///< positions.*: positions on each issue over time (one run)
    Events,           ///< events.*: event timeline coloured by Goldstein weight (one run)
    Relations,        ///< relations.*: affinity matrix at start and end (one run)
    EscalationBands,  ///< escalation_bands.*: median and 10-90% band of rung per actor (ensemble)
    Outcomes,         ///< outcomes.*: outcome shares with counts (ensemble)
    WarCdf,           ///< war_cdf.*: cumulative probability of war by date (ensemble)
};

/// File name without extension, e.g. "escalation_bands".
const char* chart_file_stem(ChartKind kind);

/// What a run directory holds.
enum class RunDirKind {
    SingleRun,  ///< trajectory.csv, events.csv, summary.json
    Ensemble,   ///< runs.csv, quantiles.csv, summary.json
    Sweep,      ///< sweep.json, points.csv (sobol.csv for a Sobol design)
};

/// Detects the kind of a run directory; throws PlotError if it is neither.
RunDirKind detect_run_dir(const std::string& dir);

/// The charts drawn for a run or an ensemble directory, in drawing order (none for a sweep: see
/// sweep_chart_scripts).
std::vector<ChartKind> charts_for(RunDirKind kind);

/// An observed date drawn on time charts as a labelled vertical line (`--mark DATE[=label]`).
struct DateMark {
    long day = 0;       ///< Days since 1970-01-01 (io::date_to_days of the DATE).
    std::string label;  ///< Text beside the line; empty: the date itself ("24 Feb 2022").
};

/// Options of plot_run_dir and write_report.
struct PlotOptions {
    RenderOptions render;                  ///< gnuplot command and size.
    std::vector<std::string> band_actors;  ///< Actor ids for escalation_bands; empty: up to 6 chosen.
    /// Observed dates drawn on war_cdf, escalation_bands and a run's escalation chart. A scenario without a
    /// start date has no calendar to place them on: UnplaceableMark. Default none.
    std::vector<DateMark> marks;
};

/// Thrown when a run's charts are asked for marks but its scenario has no start date to place them by.
class UnplaceableMark : public PlotError {
  public:
    using PlotError::PlotError;
};

/// Throws UnplaceableMark when `options` has marks and the run or ensemble directory's scenario has no start
/// date (nothing to check for other directories). Throws PlotError when summary.json is missing or bad.
void check_date_marks(const std::string& dir, const PlotOptions& options);

/// Parses `--mark`'s DATE[=label] (DATE is YYYY-MM-DD, a real calendar date); nullopt if malformed.
std::optional<DateMark> parse_date_mark(const std::string& text);

/// The gnuplot script (without terminal/output) of one chart of a run directory. Throws PlotError.
std::string chart_script(const std::string& dir, ChartKind kind, const PlotOptions& options = {});

/// Draws every chart of a run, ensemble or sweep directory into DIR/charts/<stem>.<format>; returns the
/// written paths.
/// Throws GnuplotMissing (writing nothing) when gnuplot is not available, PlotError on bad files.
std::vector<std::string> plot_run_dir(const std::string& dir, ChartFormat format,
                                      const PlotOptions& options = {});

/// Writes DIR/report.html: one self-contained page with the charts inline as SVG, outcome tables, actors,
/// demands, key events, and the command, version and seed (for a sweep: the design, the points and the
/// Sobol indices). Without gnuplot the page is written without charts and says how to install gnuplot.
/// Throws PlotError on bad files.
/// Writes DIR/report.html for a score folder (`brink score`; score_dir = dir) or a calibration folder
/// (`brink calibrate`; score_dir = DIR/cv, its cross-validated forecasts, after the fitted values): the
/// scores of the model and its baselines, the reliability and per-case charts inlined, the per-case table.
/// Throws PlotError on missing or malformed files.
void write_score_report(const std::string& dir, const std::string& score_dir,
                        const PlotOptions& options = {});
void write_report(const std::string& dir, const PlotOptions& options = {});

}  // namespace brink::plots
