// Sweep charts from a sweep's output files (include/brink/plots/sweep_charts.hpp), with the plots primitives:
// a P(war) heatmap over two grid parameters, P(war) with its Wilson band over one, and Sobol S1/ST bars per
// metric.
#include "brink/plots/sweep_charts.hpp"
#include "chart_files.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/plots/primitives.hpp"

#include "run_files.hpp"
#include "script_utils.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>

namespace brink::plots {

namespace fs = std::filesystem;

namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// P(war) and its Wilson interval per point (NaN where a point has no successful run), from points.csv.
struct PointEstimates {
    std::vector<double> p_war;
    std::vector<double> lo;
    std::vector<double> hi;
};

PointEstimates read_points(const std::string& dir, std::size_t points) {
    const auto table = detail::read_csv(detail::join_path(dir, "points.csv"));
    const std::size_t point_column = table.column("point");
    const std::size_t p_war = table.column("p_war");
    const std::size_t lo = table.column("p_war_lo");
    const std::size_t hi = table.column("p_war_hi");
    PointEstimates estimates{std::vector<double>(points, k_nan), std::vector<double>(points, k_nan),
                             std::vector<double>(points, k_nan)};
    for (const auto& row : table.rows) {
        const auto point = detail::parse_number(row[point_column], table, "point");
        if (!point || *point < 0.0 || *point >= static_cast<double>(points)) {
            continue;
        }
        const auto index = static_cast<std::size_t>(*point);
        estimates.p_war[index] = detail::parse_number(row[p_war], table, "p_war").value_or(k_nan);
        estimates.lo[index] = detail::parse_number(row[lo], table, "p_war_lo").value_or(k_nan);
        estimates.hi[index] = detail::parse_number(row[hi], table, "p_war_hi").value_or(k_nan);
    }
    return estimates;
}

// One sobol.csv row with its indices (rows of a metric without data have empty fields and are left out).
struct SobolRow {
    std::string metric;
    std::string parameter;
    double s1 = 0.0, s1_lo = 0.0, s1_hi = 0.0, st = 0.0, st_lo = 0.0, st_hi = 0.0;
};

std::vector<SobolRow> read_sobol(const std::string& dir) {
    const auto table = detail::read_csv(detail::join_path(dir, "sobol.csv"));
    const std::size_t metric = table.column("metric");
    const std::size_t parameter = table.column("parameter");
    std::vector<std::size_t> columns;
    for (const char* name : {"S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"}) {
        columns.push_back(table.column(name));
    }
    std::vector<SobolRow> rows;
    for (const auto& row : table.rows) {
        std::vector<double> values;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (const auto value = detail::parse_number(row[columns[c]], table, table.header[columns[c]])) {
                values.push_back(*value);
            }
        }
        if (values.size() == columns.size()) {
            rows.push_back({row[metric], row[parameter], values[0], values[1], values[2], values[3],
                            values[4], values[5]});
        }
    }
    return rows;
}

// A parameter value as a tic label: four significant digits (0.43333333333333335 -> "0.4333"), enough to tell
// the grid's values apart on a chart; the exact values are in points.csv.
std::string tic_label(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 4);
    return {buffer, result.ptr};
}

// A grid parameter's levels as numbers: labelled levels ("state", "alliance") by their index.
std::vector<double> grid_values(const nlohmann::json& parameter) {
    std::vector<double> values;
    for (const auto& value : parameter.at("values")) {
        values.push_back(value.is_number() ? value.get<double>() : static_cast<double>(values.size()));
    }
    return values;
}

// A grid parameter's levels as tic labels.
std::vector<std::string> grid_names(const nlohmann::json& parameter) {
    std::vector<std::string> names;
    for (const auto& value : parameter.at("values")) {
        names.push_back(value.is_number() ? tic_label(value.get<double>()) : value.get<std::string>());
    }
    return names;
}

// A parameter as a reader names it: sweep.json's "label" ("Russia · resolve", written from the scenario's
// names), else its path (sweeps written before labels were recorded).
std::string parameter_label(const nlohmann::json& parameter) {
    if (parameter.contains("label") && parameter["label"].is_string()) {
        return parameter["label"].get<std::string>();
    }
    return parameter.at("path").get<std::string>();
}

// Wilson intervals of two cells overlap: the sweep's runs do not tell the cells apart.
bool overlaps(const PointEstimates& points, std::size_t a, std::size_t b) {
    return std::isfinite(points.lo[a]) && std::isfinite(points.lo[b]) && points.lo[a] <= points.hi[b] &&
           points.lo[b] <= points.hi[a];
}

std::string heatmap(const nlohmann::json& sweep, const PointEstimates& points) {
    const auto& parameters = sweep.at("parameters");
    const std::vector<double> rows = grid_values(parameters[0]);
    const std::vector<double> columns = grid_values(parameters[1]);
    HeatmapPanel panel;
    panel.y_label = parameter_label(parameters[0]);
    panel.x_label = parameter_label(parameters[1]);
    panel.y_names = grid_names(parameters[0]);
    panel.x_names = grid_names(parameters[1]);
    auto point_of = [&](std::size_t r, std::size_t c) { return r * columns.size() + c; };
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::vector<double> row;
        std::vector<std::string> notes;
        std::vector<bool> marked;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::size_t point = point_of(r, c);
            const bool known = point < points.p_war.size() && std::isfinite(points.p_war[point]);
            row.push_back(known ? points.p_war[point] : k_nan);
            notes.push_back(known && std::isfinite(points.lo[point])
                                ? detail::format_fixed(points.lo[point], 2) + "–" +
                                      detail::format_fixed(points.hi[point], 2)
                                : "");
            // Marked: the interval overlaps that of a neighbour in the row or the column.
            bool overlap = false;
            if (known) {
                if (r > 0)
                    overlap = overlap || overlaps(points, point, point_of(r - 1, c));
                if (r + 1 < rows.size())
                    overlap = overlap || overlaps(points, point, point_of(r + 1, c));
                if (c > 0)
                    overlap = overlap || overlaps(points, point, point_of(r, c - 1));
                if (c + 1 < columns.size())
                    overlap = overlap || overlaps(points, point, point_of(r, c + 1));
            }
            marked.push_back(overlap);
        }
        panel.values.push_back(std::move(row));
        panel.notes.push_back(std::move(notes));
        panel.marked.push_back(std::move(marked));
    }
    HeatmapChart chart;
    const std::string runs = std::to_string(sweep.at("replications").get<long long>());
    chart.title = sweep.at("name").get<std::string>() + ": P(war), " + runs + " runs per cell";
    chart.value_label = "P(war)";
    chart.value_min = 0.0;
    chart.value_max = 1.0;
    chart.palette = Palette::Sequential;
    chart.caption = "Each cell: P(war) over its " + runs + " runs";
    chart.notes_caption = " and, beneath it, its Wilson 95% interval.";
    chart.notes_missing = " (the cells are too small for their Wilson 95% intervals: see points.csv).";
    chart.mark_label = "the interval overlaps a neighbouring cell's: the difference from it may be noise";
    chart.panels = {panel};
    return heatmap_script(chart);
}

std::string line(const nlohmann::json& sweep, const PointEstimates& points) {
    const auto& parameter = sweep.at("parameters")[0];
    LineSeries series;
    series.label = "P(war)";
    series.band_label = "Wilson 95% interval";
    const std::vector<double> values = grid_values(parameter);
    for (std::size_t p = 0; p < values.size() && p < points.p_war.size(); ++p) {
        if (std::isfinite(points.p_war[p])) {
            series.x.push_back(values[p]);
            series.y.push_back(points.p_war[p]);
            series.lo.push_back(points.lo[p]);
            series.hi.push_back(points.hi[p]);
        }
    }
    LinePanel panel;
    panel.y_label = "P(war)";
    panel.y_range = std::make_pair(0.0, 1.0);
    panel.series = {series};
    LineChart chart;
    chart.title = sweep.at("name").get<std::string>() + ": P(war), " +
                  std::to_string(sweep.at("replications").get<long long>()) + " runs per point";
    chart.x_label = parameter_label(parameter);
    chart.panels = {panel};
    return line_chart_script(chart);
}

// A grid over two parameters as lines: P(war) against the first parameter, one line (with its Wilson band)
// per value of the second.
std::string lines(const nlohmann::json& sweep, const PointEstimates& points) {
    const auto& parameters = sweep.at("parameters");
    const std::vector<double> rows = grid_values(parameters[0]);
    const std::vector<double> columns = grid_values(parameters[1]);
    const std::string second = parameter_label(parameters[1]);
    const std::vector<std::string> names = grid_names(parameters[1]);
    LinePanel panel;
    panel.y_label = "P(war)";
    panel.y_range = std::make_pair(0.0, 1.0);
    // More than eight lines (each with a band) cannot be told apart: then eight levels evenly spread over the
    // second parameter's range, its first and last included, and the title says so (the heatmap has all).
    constexpr std::size_t k_most_lines = 8;
    std::vector<std::size_t> drawn;
    const std::size_t lines_drawn = std::min(columns.size(), k_most_lines);
    for (std::size_t j = 0; j < lines_drawn; ++j) {
        drawn.push_back(lines_drawn == 1 ? 0
                                         : static_cast<std::size_t>(
                                               std::lround(static_cast<double>(j * (columns.size() - 1)) /
                                                           static_cast<double>(lines_drawn - 1))));
    }
    for (std::size_t c : drawn) {
        LineSeries series;
        series.label = second + " = " + names[c];
        series.band_label = panel.series.empty() ? "Wilson 95% intervals (bands)" : "";
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const std::size_t point = r * columns.size() + c;
            if (point < points.p_war.size() && std::isfinite(points.p_war[point])) {
                series.x.push_back(rows[r]);
                series.y.push_back(points.p_war[point]);
                series.lo.push_back(points.lo[point]);
                series.hi.push_back(points.hi[point]);
            }
        }
        panel.series.push_back(std::move(series));
    }
    LineChart chart;
    chart.title =
        sweep.at("name").get<std::string>() + ": P(war), " +
        std::to_string(sweep.at("replications").get<long long>()) + " runs per point" +
        (drawn.size() < columns.size() ? "; lines for " + std::to_string(drawn.size()) + " of the " +
                                             std::to_string(columns.size()) + " values of " + second
                                       : "");
    chart.x_label = parameter_label(parameters[0]);
    // Overlapping bands darken each other: beyond three lines each is fainter, so that they add up to
    // about what three would.
    chart.band_opacity = 0.22 * std::min(1.0, 3.0 / static_cast<double>(drawn.size()));
    chart.panels = {panel};
    return line_chart_script(chart);
}

// One labelled parameter ("state", "alliance"): P(war) per level as bars with Wilson intervals, not a line
// over the levels' indices.
std::string level_bars(const nlohmann::json& sweep, const PointEstimates& points) {
    const auto& parameter = sweep.at("parameters")[0];
    BarChart chart;
    chart.title = sweep.at("name").get<std::string>() + ": P(war), Wilson 95% intervals";
    chart.x_label = parameter_label(parameter);
    chart.y_label = "P(war)";
    chart.y_range = std::make_pair(0.0, 1.0);
    chart.categories = grid_names(parameter);
    BarSeries series{"", {}, {}, {}, {}};
    for (std::size_t p = 0; p < chart.categories.size(); ++p) {
        series.values.push_back(p < points.p_war.size() ? points.p_war[p] : k_nan);
        series.lo.push_back(p < points.lo.size() ? points.lo[p] : k_nan);
        series.hi.push_back(p < points.hi.size() ? points.hi[p] : k_nan);
    }
    chart.series = {series};
    return bar_chart_script(chart);
}

// A sweep metric as a reader names it.
std::string metric_label(const std::string& metric) {
    static const std::map<std::string, std::string> labels{{"p_war", "P(war)"},
                                                           {"p_settlement", "P(settlement)"},
                                                           {"mean_peak_rung", "mean peak rung"},
                                                           {"mean_time_to_war", "mean days to war"}};
    const auto found = labels.find(metric);
    return found == labels.end() ? metric : found->second;
}

// Bars sorted by the total effect ST, largest first (ties keep sobol.csv's order).
std::string sobol_bars(const std::string& name, const std::string& metric, std::vector<SobolRow> rows,
                       const std::map<std::string, std::string>& labels) {
    std::erase_if(rows, [&](const SobolRow& row) { return row.metric != metric; });
    std::stable_sort(rows.begin(), rows.end(),
                     [](const SobolRow& a, const SobolRow& b) { return a.st > b.st; });
    BarChart chart;
    chart.title =
        name + ": Sobol indices of " + metric_label(metric) + ", by total effect (bootstrap 95% intervals)";
    chart.x_label = "parameter";
    chart.y_label = "index";
    BarSeries first{"S1 (first order)", {}, {}, {}, {}};
    BarSeries total{"ST (total)", {}, {}, {}, {}};
    for (const auto& row : rows) {
        const auto label = labels.find(row.parameter);
        chart.categories.push_back(label == labels.end() ? row.parameter : label->second);
        first.values.push_back(row.s1);
        first.lo.push_back(row.s1_lo);
        first.hi.push_back(row.s1_hi);
        total.values.push_back(row.st);
        total.lo.push_back(row.st_lo);
        total.hi.push_back(row.st_hi);
    }
    chart.series = {first, total};
    return bar_chart_script(chart);
}

std::vector<SweepChart> scripts_of(const std::string& dir) {
    const nlohmann::json sweep = detail::read_json(detail::join_path(dir, "sweep.json"));
    const std::string design = sweep.at("design").get<std::string>();
    const std::size_t parameters = sweep.at("parameters").size();
    std::vector<SweepChart> charts;
    if (design == "grid" && (parameters == 1 || parameters == 2)) {
        const PointEstimates points = read_points(dir, sweep.at("points").get<std::size_t>());
        const bool labelled = !sweep.at("parameters")[0].at("values").at(0).is_number();
        if (parameters == 2) {
            charts.push_back({"p_war_heatmap", heatmap(sweep, points)});
            if (!labelled) {
                // Lines need a numeric first parameter for their x axis; labelled levels have the heatmap.
                charts.push_back({"p_war_lines", lines(sweep, points)});
            }
        } else if (labelled) {
            charts.push_back({"p_war_bars", level_bars(sweep, points)});
        } else {
            charts.push_back({"p_war_line", line(sweep, points)});
        }
    }
    if (design == "sobol") {
        const std::vector<SobolRow> rows = read_sobol(dir);
        std::map<std::string, std::string> labels;
        for (const auto& parameter : sweep.at("parameters")) {
            labels[parameter.at("path").get<std::string>()] = parameter_label(parameter);
        }
        std::vector<std::string> metrics;
        for (const auto& row : rows) {
            if (metrics.empty() || metrics.back() != row.metric) {
                metrics.push_back(row.metric);
            }
        }
        for (const auto& metric : metrics) {
            charts.push_back(
                {"sobol_" + metric, sobol_bars(sweep.at("name").get<std::string>(), metric, rows, labels)});
        }
    }
    return charts;
}

}  // namespace

std::vector<SweepChart> sweep_chart_scripts(const std::string& dir) {
    try {
        return scripts_of(dir);
    } catch (const io::CsvError& error) {
        throw PlotError(error.what());
    } catch (const nlohmann::json::exception& error) {
        throw PlotError(dir + "/sweep.json: " + error.what());
    }
}

DrawnCharts draw_sweep_charts(const std::string& dir, ChartFormat format, const RenderOptions& options) {
    return draw_chart_files(dir, "sweep", format, options, [&] {
        std::vector<ChartFile> files;
        for (const SweepChart& chart : sweep_chart_scripts(dir)) {
            files.push_back({chart.stem, chart.script, 0});
        }
        return files;
    });
}

}  // namespace brink::plots
