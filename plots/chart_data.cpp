// What the run and ensemble charts share (chart_data.hpp).
#include "chart_data.hpp"

#include "brink/io/calendar.hpp"

#include <algorithm>

namespace brink::plots {

std::optional<DateMark> parse_date_mark(const std::string& text) {
    const std::size_t equals = text.find('=');
    // YYYY-MM-DD, a real date of the proleptic Gregorian calendar the scenario's start_date is read with.
    const std::optional<long> day = io::date_to_days(text.substr(0, equals));
    if (!day) {
        return std::nullopt;
    }
    return DateMark{*day, equals == std::string::npos ? std::string() : text.substr(equals + 1)};
}

void check_date_marks(const std::string& dir, const PlotOptions& options) {
    if (!options.marks.empty()) {
        detail::date_markers(options.marks, detail::time_axis(detail::load_summary(dir)), dir);
    }
}

}  // namespace brink::plots

namespace brink::plots::detail {

std::vector<Marker> date_markers(const std::vector<DateMark>& marks, const TimeAxis& axis,
                                 const std::string& dir) {
    std::vector<Marker> markers;
    if (marks.empty()) {
        return markers;
    }
    if (axis.kind != AxisKind::Date) {
        throw UnplaceableMark(
            dir +
            "/summary.json: the scenario has no start_date, so a --mark date has no place on "
            "its time axis (days from the start)");
    }
    for (const DateMark& mark : marks) {
        markers.push_back(
            {static_cast<double>(mark.day), mark.label.empty() ? short_date(mark.day) : mark.label});
    }
    return markers;
}

TimeAxis time_axis(const SummaryInfo& summary) {
    TimeAxis axis;
    if (summary.start_day) {
        axis.kind = AxisKind::Date;
        axis.origin = static_cast<double>(*summary.start_day);
        axis.label = "date";
    } else {
        axis.label = "time (days from the start of the crisis)";
    }
    return axis;
}

std::vector<NamedTic> ladder_tics(const SummaryInfo& summary) {
    std::vector<NamedTic> tics;
    for (std::size_t i = 0; i < summary.ladder.size(); ++i) {
        tics.emplace_back(static_cast<double>(i), summary.ladder[i]);
    }
    return tics;
}

std::optional<std::pair<double, double>> ladder_range(const SummaryInfo& summary) {
    if (summary.ladder.empty()) {
        return std::nullopt;
    }
    return std::make_pair(-0.5, static_cast<double>(summary.ladder.size()) - 0.5);
}

std::string metric_series_key(const std::string& actor, const std::string& metric) {
    return actor + "\n" + metric;
}

// trajectory.csv as series: (actor, metric) -> (time, value) in file order (sorted by time).
using SeriesMap = std::map<std::string, std::vector<std::pair<double, double>>>;

SeriesMap read_trajectory(const std::string& dir, SummaryInfo& summary) {
    auto table = detail::read_csv(detail::join_path(dir, "trajectory.csv"));
    std::size_t time = table.column("time");
    std::size_t actor = table.column("actor");
    std::size_t metric = table.column("metric");
    std::size_t value = table.column("value");
    SeriesMap series;
    for (const auto& row : table.rows) {
        auto t = detail::parse_number(row[time], table, "time");
        auto v = detail::parse_number(row[value], table, "value");
        if (!t || !v) {
            continue;  // an absent value is an empty field: nothing to draw
        }
        summary.actor_index(row[actor]);
        series[metric_series_key(row[actor], row[metric])].emplace_back(*t, *v);
    }
    for (auto& [key, points] : series) {
        std::stable_sort(points.begin(), points.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    return series;
}

std::string outcome_phrase(const SummaryInfo& summary, const TimeAxis& axis) {
    const auto& outcome = summary.raw.value("outcome", nlohmann::json::object());
    std::string kind = detail::json_string(outcome, "kind");
    if (kind.empty()) {
        return "";
    }
    std::string phrase = kind;
    if (outcome.contains("time") && outcome["time"].is_number()) {
        phrase += (kind == "standoff" ? " at " : " on ") + axis.describe(outcome["time"].get<double>());
    }
    return phrase;
}

std::string run_title(const std::string& what, const SummaryInfo& summary) {
    std::string title = what + ": " + summary.scenario_name;
    if (!summary.seed.empty()) {
        title += ", seed " + summary.seed;
    }
    return title;
}

std::vector<Marker> outcome_markers(const SummaryInfo& summary, const TimeAxis& axis) {
    std::vector<Marker> markers;
    const auto& outcome = summary.raw.value("outcome", nlohmann::json::object());
    std::string kind = detail::json_string(outcome, "kind");
    if (!kind.empty() && kind != "standoff" && outcome.contains("time") && outcome["time"].is_number()) {
        double time = outcome["time"].get<double>();
        markers.push_back({axis.at(time), kind + ", " + axis.describe(time)});
    }
    // docs/model.md §12.2: the war phase runs from the first shot (the outcome's time) to the war's end.
    const auto& war = outcome.value("war", nlohmann::json());
    if (war.is_object() && war.contains("end") && war["end"].is_number()) {
        const double end = war["end"].get<double>();
        const std::string label = "war ends (" + detail::json_string(war, "how") + "), " + axis.describe(end);
        // Two lines closer than a twentieth of the horizon would print their labels over each other: the
        // first line then carries both.
        const double close = 0.05 * summary.horizon_days.value_or(20.0);
        if (!markers.empty() && war.contains("start") && war["start"].is_number() &&
            end - war["start"].get<double>() < close) {
            markers.back().label += "; " + label;
        } else {
            markers.push_back({axis.at(end), label});
        }
    }
    return markers;
}

}  // namespace brink::plots::detail
