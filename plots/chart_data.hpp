// brink plots (private): what the run and ensemble charts share (the time axis, the ladder as tics,
// trajectory.csv as series, titles and outcome markers), and the builder of each chart's script, one file per
// kind of directory: run_charts.cpp, events_chart.cpp (one run), ensemble_charts.cpp.
#pragma once

#include "brink/plots/charts.hpp"

#include "run_data.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace brink::plots::detail {

// The time axis: calendar dates when the scenario has a start date, else days from the start.
struct TimeAxis {
    AxisKind kind = AxisKind::Number;
    double origin = 0.0;  ///< Added to a run's time (days) to get the axis value.
    std::string label;

    double at(double time) const { return origin + time; }
    std::string describe(double time) const {
        if (kind == AxisKind::Date) {
            return short_date(static_cast<long>(std::floor(origin + time)));
        }
        return "day " + format_fixed(time, 1);
    }
};

/// The time axis of a run directory's summary.json.
TimeAxis time_axis(const SummaryInfo& summary);

/// The ladder's rungs as named y tics, index 0 at the bottom.
std::vector<NamedTic> ladder_tics(const SummaryInfo& summary);

/// The y range that shows every rung, or nullopt without a ladder.
std::optional<std::pair<double, double>> ladder_range(const SummaryInfo& summary);

/// The key of an (actor, metric) series in a SeriesMap.
std::string metric_series_key(const std::string& actor, const std::string& metric);

/// trajectory.csv as series: (actor, metric) -> (time, value) in file order (sorted by time).
using SeriesMap = std::map<std::string, std::vector<std::pair<double, double>>>;

/// Reads DIR/trajectory.csv; actors it names are added to the summary's list.
SeriesMap read_trajectory(const std::string& dir, SummaryInfo& summary);

/// "war on 11 Apr 2030", or "" without an outcome.
std::string outcome_phrase(const SummaryInfo& summary, const TimeAxis& axis);

/// "<what>: <scenario>, seed <seed>".
std::string run_title(const std::string& what, const SummaryInfo& summary);

/// A labelled vertical line at the outcome (none for a standoff).
std::vector<Marker> outcome_markers(const SummaryInfo& summary, const TimeAxis& axis);

/// The marks of `options` as vertical markers on a time axis; PlotError if there are marks and the axis has
/// no calendar (a scenario without a start date).
std::vector<Marker> date_markers(const std::vector<DateMark>& marks, const TimeAxis& axis,
                                 const std::string& dir);

/// The escalation chart of a run directory (run_charts.cpp), with the marks of `options`.
std::string escalation_script(const std::string& dir, const PlotOptions& options = {});
/// The positions chart of a run directory (run_charts.cpp).
std::string positions_script(const std::string& dir);
/// The relations chart of a run directory (run_charts.cpp).
std::string relations_script(const std::string& dir);
/// The events chart of a run directory (events_chart.cpp).
std::string events_script(const std::string& dir);
/// The escalation bands chart of an ensemble directory (ensemble_charts.cpp).
std::string escalation_bands_script(const std::string& dir, const PlotOptions& options);
/// The outcomes chart of an ensemble directory (ensemble_charts.cpp).
std::string outcomes_script(const std::string& dir);
/// The cumulative war probability chart of an ensemble directory (ensemble_charts.cpp).
std::string war_cdf_script(const std::string& dir, const PlotOptions& options = {});

}  // namespace brink::plots::detail
