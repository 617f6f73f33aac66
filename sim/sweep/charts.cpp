// Sweep charts through the plots primitives (include/brink/plots/primitives.hpp): a P(war) heatmap over two
// grid parameters, P(war) with its Wilson band over one, and Sobol S1/ST bars per metric.
#include "brink/io/atomic_file.hpp"
#include "brink/plots/primitives.hpp"
#include "brink/plots/render.hpp"

#include "sweep_internal.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>

namespace brink::sweep::detail {
namespace fs = std::filesystem;
namespace {

plots::ChartFormat format_of(ChartOutput charts) {
    switch (charts) {
        case ChartOutput::Svg:
            return plots::ChartFormat::Svg;
        case ChartOutput::Pdf:
            return plots::ChartFormat::Pdf;
        default:
            return plots::ChartFormat::Png;
    }
}

// A parameter value as a tic label: four significant digits (0.43333333333333335 -> "0.4333"), enough to tell
// the grid's values apart on a chart; the exact values are in points.csv.
std::string tic_label(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 4);
    return {buffer, result.ptr};
}

void render(const std::string& script, const fs::path& charts_dir, const std::string& stem,
            ChartOutput charts, SweepResult& result) {
    const plots::ChartFormat format = format_of(charts);
    const fs::path path = charts_dir / (stem + "." + plots::to_string(format));
    try {
        plots::render_chart(script, path.string(), format);
        result.written.push_back(path.string());
    } catch (const std::exception& error) {
        result.charts_pending.push_back(stem + ": " + error.what());
    }
}

}  // namespace

void draw_sweep_charts(const std::string& dir, const nlohmann::ordered_json& json,
                       const PointEstimates& points, const std::vector<SobolRow>& sobol, ChartOutput charts,
                       SweepResult& result) {
    if (charts == ChartOutput::None) {
        return;
    }
    if (!plots::gnuplot_available()) {
        result.charts_pending.push_back(std::string("sweep charts not drawn: ") +
                                        plots::gnuplot_missing_message);
        return;
    }
    const fs::path charts_dir = fs::path(dir) / "charts";
    std::error_code error;
    fs::create_directories(charts_dir, error);
    if (error) {
        result.charts_pending.push_back("cannot create " + charts_dir.string() + ": " + error.message());
        return;
    }
    // A sweep killed while rendering left NAME.tmp-<pid>-<n> behind; clear them before drawing again.
    io::remove_stale_temporaries(charts_dir, io::k_chart_temporary_names);
    const std::string design = json["design"].get<std::string>();
    const auto& parameters = json["parameters"];
    const std::string title = json["name"].get<std::string>();
    if (design == "grid" && parameters.size() == 2) {
        const auto rows = parameters[0]["values"].get<std::vector<double>>();
        const auto columns = parameters[1]["values"].get<std::vector<double>>();
        plots::HeatmapPanel panel;
        panel.y_label = parameters[0]["path"].get<std::string>();
        panel.x_label = parameters[1]["path"].get<std::string>();
        for (double value : rows) {
            panel.y_names.push_back(tic_label(value));
        }
        for (double value : columns) {
            panel.x_names.push_back(tic_label(value));
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            std::vector<double> row;
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const std::size_t point = r * columns.size() + c;
                row.push_back(point < points.p_war.size() ? points.p_war[point] : std::nan(""));
            }
            panel.values.push_back(std::move(row));
        }
        plots::HeatmapChart chart;
        chart.title =
            title + ": P(war), " + std::to_string(json["replications"].get<long long>()) + " runs per cell";
        chart.value_label = "P(war)";
        chart.value_min = 0.0;
        chart.value_max = 1.0;
        chart.palette = plots::Palette::Sequential;
        chart.panels = {panel};
        render(plots::heatmap_script(chart), charts_dir, "p_war_heatmap", charts, result);
    } else if (design == "grid" && parameters.size() == 1) {
        plots::LineSeries series;
        series.label = "P(war), Wilson 95% interval";
        const auto values = parameters[0]["values"].get<std::vector<double>>();
        for (std::size_t p = 0; p < values.size() && p < points.p_war.size(); ++p) {
            if (std::isfinite(points.p_war[p])) {
                series.x.push_back(values[p]);
                series.y.push_back(points.p_war[p]);
                series.lo.push_back(points.lo[p]);
                series.hi.push_back(points.hi[p]);
            }
        }
        plots::LinePanel panel;
        panel.y_label = "P(war)";
        panel.y_range = std::make_pair(0.0, 1.0);
        panel.series = {series};
        plots::LineChart chart;
        chart.title = title + ": P(war)";
        chart.x_label = parameters[0]["path"].get<std::string>();
        chart.panels = {panel};
        render(plots::line_chart_script(chart), charts_dir, "p_war_line", charts, result);
    }
    if (!sobol.empty()) {
        std::vector<std::string> metrics;
        for (const auto& row : sobol) {
            if (metrics.empty() || metrics.back() != row.metric) {
                metrics.push_back(row.metric);
            }
        }
        for (const auto& metric : metrics) {
            plots::BarChart chart;
            chart.title = title + ": Sobol indices of " + metric + " (bootstrap 95% intervals)";
            chart.x_label = "parameter";
            chart.y_label = "index";
            plots::BarSeries first{"S1 (first order)", {}, {}, {}, {}};
            plots::BarSeries total{"ST (total)", {}, {}, {}, {}};
            for (const auto& row : sobol) {
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
            render(plots::bar_chart_script(chart), charts_dir, "sobol_" + metric, charts, result);
        }
    }
}

}  // namespace brink::sweep::detail
