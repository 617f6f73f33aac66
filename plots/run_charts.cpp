// The charts of one run directory drawn as lines and heatmaps: escalation, positions, relations
// (docs/charts.md). The events chart has a file of its own (events_chart.cpp).
#include "chart_data.hpp"
#include "script_utils.hpp"

#include <algorithm>
#include <cmath>

namespace brink::plots::detail {

namespace {

// Text wrapped into at most two lines of `width` characters, the second shortened with "..." if needed.
std::string two_lines(const std::string& text, std::size_t width) {
    std::string wrapped = detail::wrap_text(text, width);
    auto first_break = wrapped.find('\n');
    if (first_break == std::string::npos) {
        return wrapped;
    }
    std::string rest = wrapped.substr(first_break + 1);
    std::replace(rest.begin(), rest.end(), '\n', ' ');
    return wrapped.substr(0, first_break + 1) + detail::shorten(rest, width);
}

std::vector<std::vector<double>> read_matrix(const nlohmann::json& value, std::size_t size,
                                             const std::string& what) {
    std::vector<std::vector<double>> matrix;
    if (!value.is_array() || value.size() != size) {
        throw PlotError("summary.json: affinity." + what + " must be a " + std::to_string(size) + "x" +
                        std::to_string(size) + " array");
    }
    for (const auto& row : value) {
        if (!row.is_array() || row.size() != size) {
            throw PlotError("summary.json: affinity." + what + " rows must have " + std::to_string(size) +
                            " numbers");
        }
        std::vector<double> numbers;
        for (const auto& cell : row) {
            numbers.push_back(cell.is_number() ? cell.get<double>() : std::nan(""));
        }
        matrix.push_back(std::move(numbers));
    }
    return matrix;
}

}  // namespace

std::string escalation_script(const std::string& dir, const PlotOptions& options) {
    SummaryInfo summary = detail::load_summary(dir);
    SeriesMap series = read_trajectory(dir, summary);
    TimeAxis axis = time_axis(summary);
    LineChart chart;
    std::string outcome = outcome_phrase(summary, axis);
    chart.title = run_title("Escalation", summary) + (outcome.empty() ? "" : " (" + outcome + ")");
    chart.x_label = axis.label;
    chart.x_axis = axis.kind;
    chart.shape = LineShape::Steps;
    LinePanel panel;
    panel.y_label = "escalation rung (ladder step)";
    panel.y_tics = ladder_tics(summary);
    panel.y_range = ladder_range(summary);
    panel.markers = outcome_markers(summary, axis);
    for (const Marker& marker : date_markers(options.marks, axis, dir)) {
        panel.markers.push_back(marker);
    }
    const std::size_t actor_count = summary.actors.size();
    // Actors on the same rung would hide each other: each line is shifted by a fixed fraction of a rung
    // (at most +-0.15 in all), stated in docs/charts.md; the rung is still read off unambiguously.
    const double spread = actor_count > 1 ? std::min(0.3, 0.08 * static_cast<double>(actor_count - 1)) : 0.0;
    for (std::size_t a = 0; a < actor_count; ++a) {
        auto found = series.find(metric_series_key(summary.actors[a].id, "rung"));
        if (found == series.end()) {
            continue;
        }
        double offset = actor_count > 1
                            ? spread * (0.5 - static_cast<double>(a) / static_cast<double>(actor_count - 1))
                            : 0.0;
        LineSeries line;
        line.label = summary.actors[a].name;
        line.style = static_cast<int>(a);
        for (const auto& [time, rung] : found->second) {
            line.x.push_back(axis.at(time));
            line.y.push_back(rung + offset);
        }
        panel.series.push_back(std::move(line));
    }
    chart.panels.push_back(std::move(panel));
    return line_chart_script(chart);
}

std::string positions_script(const std::string& dir) {
    SummaryInfo summary = detail::load_summary(dir);
    SeriesMap series = read_trajectory(dir, summary);
    TimeAxis axis = time_axis(summary);
    LineChart chart;
    chart.title = run_title("Positions on the issues", summary);
    chart.x_label = axis.label;
    chart.x_axis = axis.kind;
    chart.shape = LineShape::Steps;
    for (const auto& issue : summary.issues) {
        LinePanel panel;
        panel.title = issue.name;
        panel.y_label = "position";
        panel.y_range = std::make_pair(-0.04, 1.04);
        // The meanings of 0 and 1 name the ends of the axis, in at most two lines each, so that the labels
        // of stacked panels never run into each other (summary.json and the report give them in full).
        panel.y_tics = {{0.0, two_lines(issue.low, 24) + " (0)"}, {1.0, two_lines(issue.high, 24) + " (1)"}};
        panel.markers = outcome_markers(summary, axis);
        for (std::size_t a = 0; a < summary.actors.size(); ++a) {
            auto found = series.find(metric_series_key(summary.actors[a].id, "position:" + issue.id));
            if (found == series.end()) {
                continue;
            }
            LineSeries line;
            line.label = summary.actors[a].name;
            line.style = static_cast<int>(a);
            for (const auto& [time, position] : found->second) {
                line.x.push_back(axis.at(time));
                line.y.push_back(position);
            }
            panel.series.push_back(std::move(line));
        }
        chart.panels.push_back(std::move(panel));
    }
    if (chart.panels.empty()) {
        chart.panels.push_back(
            LinePanel{"no issues in summary.json", "position", std::nullopt, {}, {}, {}, {}});
    }
    return line_chart_script(chart);
}

std::string relations_script(const std::string& dir) {
    SummaryInfo summary = detail::load_summary(dir);
    TimeAxis axis = time_axis(summary);
    const auto& affinity = summary.raw.value("affinity", nlohmann::json::object());
    // Actor names label the axes, as on every other chart, shortened to fit rotated under a column of a
    // nine-actor matrix ("NATO's eastern members (joined after 1997)" would not); the id where summary.json
    // names no actor.
    std::vector<std::string> ids;
    if (affinity.is_object() && affinity.contains("actors") && affinity["actors"].is_array()) {
        for (const auto& entry : affinity["actors"]) {
            const std::string id = detail::json_text(entry);
            std::string name = id;
            for (const ActorInfo& actor : summary.actors) {
                if (actor.id == id && !actor.name.empty()) {
                    name = actor.name;
                }
            }
            ids.push_back(detail::shorten(name, 22));
        }
    }
    if (ids.empty()) {
        throw PlotError(dir + "/summary.json: no affinity matrix (affinity.actors, start, end)");
    }
    HeatmapChart chart;
    chart.title = run_title("Relations: affinity of each row actor towards each column actor", summary);
    chart.value_label = "affinity (-1 hostile ... +1 allied)";
    chart.value_min = -1.0;
    chart.value_max = 1.0;
    chart.palette = Palette::Diverging;
    chart.panel_shape = PanelShape::Square;
    HeatmapPanel start;
    start.title = "start (" + axis.describe(0.0) + ")";
    start.x_label = "towards (column actor)";
    start.y_label = "from (row actor)";
    start.x_names = ids;
    start.y_names = ids;
    start.values = read_matrix(affinity.value("start", nlohmann::json()), ids.size(), "start");
    HeatmapPanel end = start;
    end.values = read_matrix(affinity.value("end", nlohmann::json()), ids.size(), "end");
    const auto& outcome = summary.raw.value("outcome", nlohmann::json::object());
    end.title = "end";
    if (outcome.is_object() && outcome.contains("time") && outcome["time"].is_number()) {
        end.title += " (" + axis.describe(outcome["time"].get<double>()) + ")";
    }
    chart.panels = {start, end};
    return heatmap_script(chart);
}

}  // namespace brink::plots::detail
