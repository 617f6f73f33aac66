// Sweep charts from a sweep's output files (include/brink/plots/sweep_charts.hpp), with the plots primitives:
// a P(war) heatmap over two grid parameters, P(war) with its Wilson band over one, and Sobol S1/ST bars per
// metric.
#include "brink/plots/sweep_charts.hpp"
#include "chart_files.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/plots/primitives.hpp"

#include "run_files.hpp"

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

std::string heatmap(const nlohmann::json& sweep, const PointEstimates& points) {
    const auto& parameters = sweep.at("parameters");
    const std::vector<double> rows = grid_values(parameters[0]);
    const std::vector<double> columns = grid_values(parameters[1]);
    HeatmapPanel panel;
    panel.y_label = parameters[0].at("path").get<std::string>();
    panel.x_label = parameters[1].at("path").get<std::string>();
    panel.y_names = grid_names(parameters[0]);
    panel.x_names = grid_names(parameters[1]);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::vector<double> row;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::size_t point = r * columns.size() + c;
            row.push_back(point < points.p_war.size() ? points.p_war[point] : k_nan);
        }
        panel.values.push_back(std::move(row));
    }
    HeatmapChart chart;
    chart.title = sweep.at("name").get<std::string>() + ": P(war), " +
                  std::to_string(sweep.at("replications").get<long long>()) + " runs per cell";
    chart.value_label = "P(war)";
    chart.value_min = 0.0;
    chart.value_max = 1.0;
    chart.palette = Palette::Sequential;
    chart.panels = {panel};
    return heatmap_script(chart);
}

std::string line(const nlohmann::json& sweep, const PointEstimates& points) {
    const auto& parameter = sweep.at("parameters")[0];
    LineSeries series;
    series.label = "P(war), Wilson 95% interval";
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
    chart.title = sweep.at("name").get<std::string>() + ": P(war)";
    chart.x_label = parameter.at("path").get<std::string>();
    chart.panels = {panel};
    return line_chart_script(chart);
}

// One labelled parameter ("state", "alliance"): P(war) per level as bars with Wilson intervals, not a line
// over the levels' indices.
std::string level_bars(const nlohmann::json& sweep, const PointEstimates& points) {
    const auto& parameter = sweep.at("parameters")[0];
    BarChart chart;
    chart.title = sweep.at("name").get<std::string>() + ": P(war), Wilson 95% intervals";
    chart.x_label = parameter.at("path").get<std::string>();
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

std::string sobol_bars(const std::string& name, const std::string& metric,
                       const std::vector<SobolRow>& rows) {
    BarChart chart;
    chart.title = name + ": Sobol indices of " + metric + " (bootstrap 95% intervals)";
    chart.x_label = "parameter";
    chart.y_label = "index";
    BarSeries first{"S1 (first order)", {}, {}, {}, {}};
    BarSeries total{"ST (total)", {}, {}, {}, {}};
    for (const auto& row : rows) {
        if (row.metric != metric) {
            continue;
        }
        chart.categories.push_back(row.parameter);
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
        } else if (labelled) {
            charts.push_back({"p_war_bars", level_bars(sweep, points)});
        } else {
            charts.push_back({"p_war_line", line(sweep, points)});
        }
    }
    if (design == "sobol") {
        const std::vector<SobolRow> rows = read_sobol(dir);
        std::vector<std::string> metrics;
        for (const auto& row : rows) {
            if (metrics.empty() || metrics.back() != row.metric) {
                metrics.push_back(row.metric);
            }
        }
        for (const auto& metric : metrics) {
            charts.push_back(
                {"sobol_" + metric, sobol_bars(sweep.at("name").get<std::string>(), metric, rows)});
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
