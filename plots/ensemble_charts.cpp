// The charts of an ensemble directory: escalation bands, outcomes, cumulative probability of war
// (docs/charts.md).
#include "chart_data.hpp"
#include "script_utils.hpp"

#include "brink/model/run_result.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace brink::plots::detail {

namespace {

// bands.csv rows of one outcome group, per actor: (day, runs, q10, q50, q90).
struct BandRow {
    double day, runs, q10, q50, q90;
};

// Per group ("war", "no_war"), per actor id.
using OutcomeBands = std::map<std::string, std::map<std::string, std::vector<BandRow>>>;

// Band rows from a CSV with day, actor, q10, q50, q90 columns; actors named are added to the summary's list.
// bands.csv (docs/outputs.md) gives each row's group (outcome) and run count; quantiles.csv, read when
// `all_runs` is given (an ensemble written before bands.csv existed), gives its rung rows as the one group
// "all", every run counted every day as quantiles.csv counts them, `all_runs` the ensemble's finished runs.
OutcomeBands read_band_rows(const std::string& path, SummaryInfo& summary, std::optional<long> all_runs) {
    auto table = detail::read_csv(path);
    const std::size_t day = table.column("day");
    const std::size_t actor = table.column("actor");
    const std::size_t q10 = table.column("q10");
    const std::size_t q50 = table.column("q50");
    const std::size_t q90 = table.column("q90");
    const std::size_t kind = all_runs ? table.column("metric") : table.column("outcome");
    const std::optional<std::size_t> runs =
        all_runs ? std::nullopt : std::optional<std::size_t>(table.column("runs"));
    OutcomeBands bands;
    for (const auto& row : table.rows) {
        if (all_runs && row[kind] != "rung") {
            continue;
        }
        auto d = detail::parse_number(row[day], table, "day");
        auto n = runs ? detail::parse_number(row[*runs], table, "runs") : std::optional<double>(*all_runs);
        auto lo = detail::parse_number(row[q10], table, "q10");
        auto mid = detail::parse_number(row[q50], table, "q50");
        auto hi = detail::parse_number(row[q90], table, "q90");
        if (d && n && lo && mid && hi) {
            summary.actor_index(row[actor]);
            bands[all_runs ? "all" : row[kind]][row[actor]].push_back({*d, *n, *lo, *mid, *hi});
        }
    }
    return bands;
}

// The actors drawn: those the options name, else up to six that escalate furthest (highest 90th percentile
// in either group), in scenario order.
std::vector<std::size_t> band_actors(const std::string& dir, const std::string& source, SummaryInfo& summary,
                                     const OutcomeBands& bands, const PlotOptions& options) {
    auto peak_of = [&](const std::string& id) -> std::optional<double> {
        std::optional<double> peak;
        for (const auto& [group, actors] : bands) {
            const auto found = actors.find(id);
            if (found != actors.end()) {
                for (const auto& row : found->second) {
                    peak = std::max(peak.value_or(0.0), row.q90);
                }
            }
        }
        return peak;
    };
    std::vector<std::size_t> selected;
    if (!options.band_actors.empty()) {
        for (const auto& id : options.band_actors) {
            if (!peak_of(id)) {
                throw PlotError(dir + "/" + source + ": no rung quantiles for actor '" + id + "'");
            }
            selected.push_back(summary.actor_index(id));
        }
        return selected;
    }
    std::vector<std::pair<double, std::size_t>> ranked;
    for (std::size_t a = 0; a < summary.actors.size(); ++a) {
        if (const auto peak = peak_of(summary.actors[a].id)) {
            ranked.emplace_back(-*peak, a);
        }
    }
    std::stable_sort(ranked.begin(), ranked.end());
    for (std::size_t i = 0; i < ranked.size() && i < 6; ++i) {
        selected.push_back(ranked[i].second);
    }
    std::sort(selected.begin(), selected.end());
    return selected;
}

struct RunRow {
    std::string outcome;
    std::optional<double> time;
};

std::vector<RunRow> read_runs(const std::string& dir) {
    auto table = detail::read_csv(detail::join_path(dir, "runs.csv"));
    std::size_t outcome = table.column("outcome");
    std::size_t time = table.column("time");
    std::vector<RunRow> runs;
    for (const auto& row : table.rows) {
        runs.push_back({row[outcome], detail::parse_number(row[time], table, "time")});
    }
    return runs;
}

// One outcome group of the bands chart.
struct BandGroup {
    const char* id;    // bands.csv's outcome
    const char* name;  // legend
    int style;         // line style: no war blue, war vermillion
    long runs = 0;     // from runs.csv (failed runs in neither)
};

}  // namespace

std::string escalation_bands_script(const std::string& dir, const PlotOptions& options) {
    SummaryInfo summary = detail::load_summary(dir);
    TimeAxis axis = time_axis(summary);
    std::vector<BandGroup> groups{{"no_war", "no war", 0}, {"war", "war", 1}};
    for (const RunRow& run : read_runs(dir)) {
        if (!run.outcome.empty()) {
            ++groups[run.outcome == "war" ? 1 : 0].runs;
        }
    }
    const long finished = groups[0].runs + groups[1].runs;
    // An ensemble written before bands.csv existed: every run together, from quantiles.csv, and the title
    // says that war and no-war runs are not told apart.
    const std::string bands_path = detail::join_path(dir, "bands.csv");
    const bool split = detail::file_exists(bands_path);
    OutcomeBands bands = split ? read_band_rows(bands_path, summary, std::nullopt)
                               : read_band_rows(detail::join_path(dir, "quantiles.csv"), summary, finished);
    if (!split) {
        groups = {{"all", "all runs", 0, finished}};
    }
    const std::vector<std::size_t> selected =
        band_actors(dir, split ? "bands.csv" : "quantiles.csv", summary, bands, options);
    const std::vector<Marker> marks = date_markers(options.marks, axis, dir);
    LineChart chart;
    chart.title = split ? "Escalation of " + std::to_string(finished) +
                              " runs by outcome, each until its crisis ended: median and 10-90% band, " +
                              summary.scenario_name
                        : "Escalation of " + std::to_string(finished) +
                              " runs, war and no war together (this ensemble has no bands.csv): median and "
                              "10-90% band, " +
                              summary.scenario_name;
    chart.x_label = axis.label;
    chart.x_axis = axis.kind;
    chart.shape = LineShape::Steps;
    chart.columns = selected.size() > 3 ? 2 : 1;
    for (std::size_t a : selected) {
        LinePanel panel;
        panel.title = summary.actors[a].name;
        panel.y_label = "rung";
        panel.y_tics = ladder_tics(summary);
        panel.y_range = ladder_range(summary);
        panel.markers = marks;
        for (const BandGroup& group : groups) {
            LineSeries series;
            const std::string n = std::to_string(group.runs);
            series.label = std::string(group.name) + " (n = " + n + "): median";
            series.band_label = std::string(group.name) + ": 10-90% of runs";
            series.style = group.style;  // the same in every panel, so that the shared legend describes each
            // A group's line stops once fewer than a tenth of its runs are still counted (bands.csv: runs
            // without war leave when their crisis ends), so that a few late runs do not pass for the group.
            const double least = std::max(1.0, std::ceil(0.1 * static_cast<double>(group.runs)));
            const auto found = bands[group.id].find(summary.actors[a].id);
            if (found != bands[group.id].end()) {
                for (const auto& row : found->second) {
                    if (row.runs < least) {
                        break;
                    }
                    series.x.push_back(axis.at(row.day));
                    series.y.push_back(row.q50);
                    series.lo.push_back(row.q10);
                    series.hi.push_back(row.q90);
                }
            }
            panel.series.push_back(std::move(series));
        }
        chart.panels.push_back(std::move(panel));
    }
    if (chart.panels.empty()) {
        chart.panels.push_back(
            LinePanel{split ? "no rung quantiles in bands.csv" : "no rung quantiles in quantiles.csv",
                      "rung",
                      std::nullopt,
                      {},
                      {},
                      {},
                      {}});
    }
    return line_chart_script(chart);
}

std::string outcomes_script(const std::string& dir) {
    SummaryInfo summary = detail::load_summary(dir);
    std::vector<RunRow> runs = read_runs(dir);
    std::vector<std::string> kinds;
    for (const model::OutcomeKind outcome : model::k_outcome_kinds) {
        kinds.emplace_back(model::to_string(outcome));
    }
    std::map<std::string, long> counts;
    for (const auto& run : runs) {
        if (std::find(kinds.begin(), kinds.end(), run.outcome) == kinds.end()) {
            kinds.push_back(run.outcome.empty() ? "(none)" : run.outcome);
        }
        ++counts[run.outcome.empty() ? "(none)" : run.outcome];
    }
    const auto total = static_cast<long>(runs.size());
    BarChart chart;
    chart.title =
        "Outcomes of " + std::to_string(total) + " runs (95% Wilson intervals): " + summary.scenario_name;
    chart.x_label = "outcome";
    chart.y_label = "share of runs (%)";
    chart.categories = kinds;
    chart.y_range = std::make_pair(0.0, 100.0);
    BarSeries series;
    for (const auto& kind : kinds) {
        long count = counts[kind];
        double share = total > 0 ? 100.0 * static_cast<double>(count) / static_cast<double>(total) : 0.0;
        const io::Interval interval = detail::wilson(count, total);
        const double lo = interval.lo;
        const double hi = interval.hi;
        series.values.push_back(share);
        series.lo.push_back(100.0 * lo);
        series.hi.push_back(100.0 * hi);
        series.annotations.push_back(std::to_string(count) + " of " + std::to_string(total) + " (" +
                                     format_fixed(share, share < 10.0 && share > 0.0 ? 1 : 0) + "%)");
    }
    chart.series.push_back(std::move(series));
    return bar_chart_script(chart);
}

std::string war_cdf_script(const std::string& dir, const PlotOptions& options) {
    SummaryInfo summary = detail::load_summary(dir);
    TimeAxis axis = time_axis(summary);
    std::vector<RunRow> runs = read_runs(dir);
    std::vector<double> war_times;
    double horizon = summary.horizon_days.value_or(0.0);
    for (const auto& run : runs) {
        if (run.time) {
            horizon = std::max(horizon, *run.time);
        }
        if (run.outcome == "war" && run.time) {
            war_times.push_back(*run.time);
        }
    }
    std::sort(war_times.begin(), war_times.end());
    // Over the runs that finished, as summary.json's p_war: a failed run has no outcome.
    const auto total = static_cast<long>(
        std::count_if(runs.begin(), runs.end(), [](const RunRow& run) { return !run.outcome.empty(); }));
    LineSeries series;
    series.label = "P(war by date)";
    series.band_label = "95% Wilson interval";
    series.style = 0;
    auto add_point = [&](double time, long wars) {
        const io::Interval share = detail::wilson(wars, total);
        const double lo = share.lo;
        const double hi = share.hi;
        series.x.push_back(axis.at(time));
        series.y.push_back(total > 0 ? static_cast<double>(wars) / static_cast<double>(total) : 0.0);
        series.lo.push_back(lo);
        series.hi.push_back(hi);
    };
    add_point(std::min(0.0, war_times.empty() ? 0.0 : war_times.front()), 0);
    for (std::size_t i = 0; i < war_times.size(); ++i) {
        if (i + 1 < war_times.size() && war_times[i + 1] == war_times[i]) {
            continue;  // one step for simultaneous wars
        }
        add_point(war_times[i], static_cast<long>(i + 1));
    }
    add_point(horizon, static_cast<long>(war_times.size()));
    const io::Interval share = detail::wilson(static_cast<long>(war_times.size()), total);
    const double lo = share.lo;
    const double hi = share.hi;
    double p = total > 0 ? static_cast<double>(war_times.size()) / static_cast<double>(total) : 0.0;
    LineChart chart;
    chart.title =
        "Cumulative probability of war: " + summary.scenario_name + ", " + std::to_string(total) + " runs";
    chart.x_label = axis.label;
    chart.x_axis = axis.kind;
    chart.shape = LineShape::Steps;
    LinePanel panel;
    panel.title = "P(war by " + axis.describe(horizon) + ") = " + format_fixed(p, 2) + " [" +
                  format_fixed(lo, 2) + ", " + format_fixed(hi, 2) + "] (95% Wilson interval)";
    panel.y_label = "probability of war by this date";
    // The axis fits the data (a curve ending at 0.14 fills the plot, not its bottom seventh): up to a tenth
    // above the highest interval end, rounded up to 0.01 (0.05 beyond 0.2), at most 1; the highest value of
    // the curve is a labelled dashed line, so the zoom cannot be misread.
    const double top = std::max(0.01, *std::max_element(series.hi.begin(), series.hi.end()));
    const double step = top * 1.1 > 0.2 ? 0.05 : 0.01;
    panel.y_range = std::make_pair(0.0, std::min(1.0, std::ceil(top * 1.1 / step - 1e-9) * step));
    panel.levels.push_back({p, "highest: " + format_fixed(p, 2) + " (" + std::to_string(war_times.size()) +
                                   " of " + std::to_string(total) + " runs)"});
    panel.markers = date_markers(options.marks, axis, dir);
    panel.series.push_back(std::move(series));
    chart.panels.push_back(std::move(panel));
    return line_chart_script(chart);
}

}  // namespace brink::plots::detail
