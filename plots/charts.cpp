// The run and ensemble charts: each reads the documented files of a run directory (docs/outputs.md) and
// builds a chart from the primitives; docs/charts.md says what each one shows.
#include "brink/plots/charts.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/plots/sweep_charts.hpp"

#include "run_data.hpp"
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

// The time axis: calendar dates when the scenario has a start date, else days from the start.
struct TimeAxis {
    AxisKind kind = AxisKind::Number;
    double origin = 0.0;  ///< Added to a run's time (days) to get the axis value.
    std::string label;

    double at(double time) const { return origin + time; }
    std::string describe(double time) const {
        if (kind == AxisKind::Date) {
            return detail::short_date(static_cast<long>(std::floor(origin + time)));
        }
        return "day " + format_fixed(time, 1);
    }
};

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
    return markers;
}

std::string escalation_script(const std::string& dir) {
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
        chart.panels.push_back(LinePanel{"no issues in summary.json", "position", std::nullopt, {}, {}, {}});
    }
    return line_chart_script(chart);
}

struct EventMark {
    double x = 0.0;       // axis units (days)
    double time = 0.0;    // run time (days)
    std::size_t row = 0;  // actor row
    double goldstein = 0.0;
    bool key = false;
    std::string label;
    double y = 0.0;  // after dodging
};

// At most this many key events are labelled: beyond a dozen, labels crowd a 1200-pixel chart and a
// reader can no longer tie a label to its mark. The report lists every key event.
constexpr std::size_t k_most_event_labels = 12;

// Nominal text metrics of the 9 pt label font, in pixels of the nominal canvas.
constexpr double k_label_char_px = 6.3;
constexpr double k_label_height_px = 12.0;

// Writes the three data blocks (conflict, neutral, cooperation) of some marks, named with `prefix`, and
// returns the plot clauses that draw them (filled mark in the palette colour, dark outline on top).
std::string event_mark_plot(std::ostringstream& script, const std::vector<const EventMark*>& marks,
                            const std::string& prefix, double to_plot_x) {
    std::ostringstream data[3];
    for (const auto* mark : marks) {
        int group = mark->goldstein < 0.0 ? 0 : (mark->goldstein > 0.0 ? 2 : 1);
        data[group] << script_number(mark->x * to_plot_x) << " " << format_fixed(mark->y, 4) << " "
                    << script_number(mark->goldstein) << "\n";
    }
    struct Shape {
        const char* name;
        int filled;
        int open;
    };
    // Shape encodes the sign as well as colour, so that cooperation and conflict differ in greyscale.
    // The legend (events_script) uses the same open shapes: 10, 4, 6.
    const Shape shapes[] = {{"conflict", 11, 10}, {"neutral", 5, 4}, {"cooperation", 7, 6}};
    std::string clauses;
    for (int group = 0; group < 3; ++group) {
        // Every group is written, even when empty, so that the legend always explains all three shapes.
        const auto& shape = shapes[group];
        const std::string block = "$" + prefix + shape.name;
        script << block << " << EOD\n" << data[group].str();
        if (data[group].str().empty()) {
            script << "NaN NaN NaN\n";
        }
        script << "EOD\n";
        clauses += std::string(clauses.empty() ? "" : ", \\\n     ") + block +
                   " using 1:2:3 with points pt " + std::to_string(shape.filled) +
                   " ps brink_mark_size lc palette notitle, \\\n     " + block +
                   " using 1:2 with points pt " + std::to_string(shape.open) +
                   " ps brink_mark_size lw 1 lc rgb \"#303030\" " + "notitle";
    }
    return clauses;
}

std::string events_script(const std::string& dir) {
    using detail::k_canvas_height;
    using detail::k_canvas_width;
    using detail::k_char_width;
    using detail::k_line_height;
    SummaryInfo summary = detail::load_summary(dir);
    TimeAxis axis = time_axis(summary);
    auto table = detail::read_csv(detail::join_path(dir, "events.csv"));
    std::size_t time_column = table.column("time");
    std::size_t source_column = table.column("source");
    std::size_t target_column = table.column("target");
    std::size_t goldstein_column = table.column("goldstein");
    std::size_t key_column = table.column("key");
    std::size_t description_column = table.column("description");
    std::size_t type_column = table.column("type");

    std::vector<EventMark> marks;
    bool any_without_actor = false;
    for (const auto& row : table.rows) {
        auto time = detail::parse_number(row[time_column], table, "time");
        if (!time) {
            continue;
        }
        auto goldstein = detail::parse_number(row[goldstein_column], table, "goldstein");
        EventMark mark;
        mark.time = *time;
        mark.x = axis.at(*time);
        mark.goldstein = std::clamp(goldstein.value_or(0.0), -10.0, 10.0);
        mark.key = row[key_column] == "1";
        std::string description =
            row[description_column].empty() ? row[type_column] : row[description_column];
        mark.label = detail::shorten(description, 34);
        const std::string& actor = !row[source_column].empty() ? row[source_column] : row[target_column];
        if (actor.empty()) {
            any_without_actor = true;
            mark.row = std::numeric_limits<std::size_t>::max();
        } else {
            mark.row = summary.actor_index(actor);
        }
        marks.push_back(std::move(mark));
    }
    // Row names: the actor's name, on two lines of at most 22 characters when it is long and the rows have
    // room for two lines (up to 10 actors), else its id (shorter, and the word the files use).
    std::vector<std::string> row_names;
    const bool two_lines = summary.actors.size() <= 10;
    for (const auto& actor : summary.actors) {
        const std::string wrapped = detail::wrap_text(actor.name, 22);
        const bool fits = detail::text_width(wrapped) <= 22 &&
                          std::count(wrapped.begin(), wrapped.end(), '\n') < (two_lines ? 2 : 1);
        row_names.push_back(fits ? wrapped : detail::shorten(actor.id, 22));
    }
    if (any_without_actor) {
        row_names.push_back("(no actor)");
        for (auto& mark : marks) {
            mark.row = std::min(mark.row, row_names.size() - 1);
        }
    }
    const std::size_t rows = std::max<std::size_t>(1, row_names.size());
    // Row 0 (the first actor) at the top.
    auto row_y = [&](std::size_t row) { return static_cast<double>(rows - 1 - row); };

    // Scripted history before the start date gets a narrow panel of its own on the left, so that months
    // of history do not squeeze the simulated weeks into a corner.
    double history_low = 0.0;
    std::size_t history_count = 0;
    double main_high = 1.0;
    for (const auto& mark : marks) {
        if (mark.time < 0.0) {
            ++history_count;
            history_low = std::min(history_low, mark.time);
        } else {
            main_high = std::max(main_high, mark.time);
        }
    }
    const auto& outcome = summary.raw.value("outcome", nlohmann::json::object());
    if (outcome.is_object() && outcome.contains("time") && outcome["time"].is_number()) {
        main_high = std::max(main_high, outcome["time"].get<double>());
    }
    const bool history_panel = history_count > 0;
    const double main_pad = main_high * 0.02;
    const double x_low = axis.at(0.0) - main_pad;
    const double x_high = axis.at(main_high) + main_pad;
    const double history_pad = (0.0 - history_low) * 0.06 + 0.5;
    const double history_x_low = axis.at(history_low) - history_pad;
    const double history_x_high = axis.at(0.0) - 0.25;

    std::size_t name_width = 6;
    for (const auto& name : row_names) {
        name_width = std::max(name_width, detail::text_width(name));
    }
    // Layout: names on the left, the history panel (if any), the main panel, the colour box on the right;
    // title, subtitle and the legend of the shapes above.
    const double names_px = (static_cast<double>(name_width) * 1.1 + 2.0) * k_char_width * k_canvas_width;
    const double right_edge = 0.86;
    const double history_px = history_panel ? 170.0 : 0.0;
    const double history_gap_px = history_panel ? 18.0 : 0.0;
    detail::ScreenBox box;
    box.left = (names_px + history_px + history_gap_px) / k_canvas_width;
    box.right = right_edge;
    box.top = 1.0 - 5.0 * k_line_height;
    box.bottom = 4.4 * k_line_height;
    detail::ScreenBox history_box = box;
    history_box.left = names_px / k_canvas_width;
    history_box.right = (names_px + history_px) / k_canvas_width;
    const bool date_axis = axis.kind == AxisKind::Date;
    const double to_plot_x = date_axis ? detail::k_seconds_per_day : 1.0;
    const double plot_px = (box.right - box.left) * k_canvas_width;
    const double y_low = -0.8;
    const double y_high = static_cast<double>(rows) - 0.2;
    const double row_px = (box.top - box.bottom) * k_canvas_height / (y_high - y_low);
    const double days_per_px = (x_high - x_low) / plot_px;
    const double history_days_per_px = (history_x_high - history_x_low) / std::max(1.0, history_px);

    // Marks of one row closer than 9 px are stacked just above and below the row line (one level each
    // way): the half-rows between the rows stay free for the labels.
    std::stable_sort(marks.begin(), marks.end(),
                     [](const auto& a, const auto& b) { return a.row != b.row ? a.row < b.row : a.x < b.x; });
    const double mark_half_px = 7.0;
    const double dodge_px = std::clamp(row_px / 2.0 - k_label_height_px / 2.0 - mark_half_px - 2.0, 0.0, 7.0);
    const double dodge = dodge_px / row_px;
    int previous_level = 0;
    for (std::size_t i = 0; i < marks.size(); ++i) {
        int level = 0;
        const double per_px = marks[i].time < 0.0 ? history_days_per_px : days_per_px;
        if (i > 0 && marks[i - 1].row == marks[i].row && (marks[i].time < 0.0) == (marks[i - 1].time < 0.0) &&
            (marks[i].x - marks[i - 1].x) / per_px < 9.0) {
            level = previous_level == 0 ? 1 : (previous_level == 1 ? -1 : 0);
        }
        previous_level = level;
        marks[i].y = row_y(marks[i].row) + dodge * level;
    }

    // Key-event labels: the most important key events (largest |Goldstein weight|, then earliest) are
    // placed greedily in the free lanes between rows (the lane above or below the event's row), left or
    // right of their mark, never over another label or outside the panel; a thin leader joins label and
    // mark. History events (left panel) are not labelled: the panel is too narrow.
    std::vector<const EventMark*> key_marks;
    for (const auto& mark : marks) {
        if (mark.key && mark.time >= 0.0) {
            key_marks.push_back(&mark);
        }
    }
    std::stable_sort(key_marks.begin(), key_marks.end(), [](const auto* a, const auto* b) {
        if (std::abs(a->goldstein) != std::abs(b->goldstein)) {
            return std::abs(a->goldstein) > std::abs(b->goldstein);
        }
        return a->time < b->time;
    });
    // A lane holds as many lines of labels as fit between the marks of the rows around it (at most 3).
    const double lane_free_px = row_px - 2.0 * (mark_half_px + dodge_px) - 4.0;
    const double line_px = k_label_height_px + 2.0;
    const int lane_lines = std::clamp(static_cast<int>(lane_free_px / line_px), 1, 3);
    struct PlacedLabel {
        std::size_t lane;  // lane k lies above row k (lane `rows` below the last row)
        int line;          // 0 is the top line of the lane
        double x0_px, x1_px;
    };
    std::vector<PlacedLabel> placed;
    std::ostringstream labels;
    std::size_t labelled = 0;
    const double gap_px = 14.0;
    for (const auto* mark : key_marks) {
        if (labelled == k_most_event_labels) {
            break;
        }
        const double mark_px = (mark->x - x_low) / days_per_px;
        const double width_px = static_cast<double>(detail::text_width(mark->label)) * k_label_char_px;
        struct Candidate {
            bool upwards;  // in the lane above the event's row
            double x0_px;
            const char* align;
        };
        const Candidate candidates[] = {{true, mark_px - 3.0, "left"},
                                        {false, mark_px - 3.0, "left"},
                                        {true, mark_px + 3.0 - width_px, "right"},
                                        {false, mark_px + 3.0 - width_px, "right"},
                                        {true, mark_px - width_px / 2.0, "center"},
                                        {false, mark_px - width_px / 2.0, "center"}};
        bool done = false;
        // Lines nearest the event's row first, so that leaders stay short.
        for (int distance = 0; distance < lane_lines && !done; ++distance) {
            for (const auto& candidate : candidates) {
                const std::size_t lane = candidate.upwards ? mark->row : mark->row + 1;
                const int line = candidate.upwards ? lane_lines - 1 - distance : distance;
                const double x0 = candidate.x0_px;
                const double x1 = candidate.x0_px + width_px;
                if (x0 < 0.0 || x1 > plot_px) {
                    continue;
                }
                const bool overlaps =
                    std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& other) {
                        return other.lane == lane && other.line == line && x0 < other.x1_px + gap_px &&
                               other.x0_px < x1 + gap_px;
                    });
                if (overlaps) {
                    continue;
                }
                placed.push_back({lane, line, x0, x1});
                ++labelled;
                const double lane_y = static_cast<double>(rows) - 0.5 - static_cast<double>(lane);
                const double label_y =
                    lane_y + (static_cast<double>(lane_lines - 1) / 2.0 - static_cast<double>(line)) *
                                 line_px / row_px;
                const double text_edge =
                    label_y + (candidate.upwards ? -1.0 : 1.0) * (k_label_height_px / 2.0) / row_px;
                const std::string x = script_number(mark->x * to_plot_x);
                labels << "set arrow from " << x << ", " << format_fixed(mark->y, 4) << " to " << x << ", "
                       << format_fixed(text_edge, 4) << " nohead back lc rgb \"#808080\" lw 0.8\n";
                const double anchor_px = candidate.align[0] == 'l'   ? x0
                                         : candidate.align[0] == 'r' ? x1
                                                                     : (x0 + x1) / 2.0;
                labels << "set label " << gnuplot_quote(mark->label) << " at "
                       << script_number((x_low + anchor_px * days_per_px) * to_plot_x) << ", "
                       << format_fixed(label_y, 4) << " " << candidate.align
                       << " font \",9\" front textcolor rgb \"#202020\"\n";
                done = true;
                break;
            }
        }
    }

    std::ostringstream script;
    script << style_preamble();
    script << "# events: one row per actor, marks coloured by Goldstein weight\n";
    // The svg terminal draws point symbols about 1.5 times as large as the cairo terminals do (a ps 10
    // circle: 90 px across in svg, 61 px in pngcairo), which would cover the labels laid out for the PNG.
    script << "brink_mark_size = (GPVAL_TERM eq \"svg\") ? 1.0 : 1.5\n";
    std::string subtitle;
    if (!key_marks.empty()) {
        subtitle =
            labelled == key_marks.size()
                ? "every key event since the start labelled"
                : "labelled: " + std::to_string(labelled) + " of " + std::to_string(key_marks.size()) +
                      " key events since the start, largest |Goldstein weight| first (the report lists "
                      "all)";
    }
    if (history_panel) {
        subtitle += std::string(subtitle.empty() ? "" : "; ") + "left: " + std::to_string(history_count) +
                    " scripted history events before the start";
    }
    // Title, subtitle and legend sit in the top margin, one above the other, clear of the data.
    script << "set multiplot\n";
    script << "set label 1000 " << gnuplot_quote(run_title("Events", summary)) << " at screen 0.5, screen "
           << format_fixed(1.0 - 1.1 * k_line_height, 4) << " center font \",13\"\n";
    if (!subtitle.empty()) {
        script << "set label 1001 " << gnuplot_quote(subtitle) << " at screen 0.5, screen "
               << format_fixed(1.0 - 2.3 * k_line_height, 4) << " center textcolor rgb \"#404040\"\n";
    }
    script << "eval brink_palette_diverging\nset cbrange [-10:10]\n";
    script << "set cblabel \"Goldstein weight (-10 conflict ... +10 cooperation)\"\n";
    script << "set cbtics 5 out nomirror\n";
    script << "set ylabel \"\"\n";
    script << "set grid noytics xtics\n";
    script << "set yrange [" << script_number(y_low) << ":" << script_number(y_high) << "]\n";
    std::vector<NamedTic> y_tics;
    for (std::size_t r = 0; r < row_names.size(); ++r) {
        y_tics.emplace_back(row_y(r), row_names[r]);
    }
    script << detail::named_tics_command("y", y_tics);
    // Row guide lines help the eye follow an actor across the chart.
    std::string row_lines;
    for (std::size_t r = 0; r < row_names.size(); ++r) {
        std::string y = script_number(row_y(r));
        row_lines += "set arrow from graph 0, first " + y + " to graph 1, first " + y +
                     " nohead back lc rgb \"#d0d0d0\" lw 1\n";
    }
    std::vector<const EventMark*> history_marks;
    std::vector<const EventMark*> main_marks;
    for (const auto& mark : marks) {
        (mark.time < 0.0 ? history_marks : main_marks).push_back(&mark);
    }
    if (history_panel) {
        script << "# history panel: scripted events before the start date\n";
        script << detail::margin_commands(history_box);
        script << "unset colorbox\nunset key\n";
        script << "set xlabel \"history\"\n";
        script << "set xrange [" << script_number(history_x_low * to_plot_x) << ":"
               << script_number(history_x_high * to_plot_x) << "]\n";
        if (date_axis) {
            script << detail::named_tics_command("x", detail::date_tics(history_x_low, history_x_high, 2));
        } else {
            // gnuplot's automatic steps crowd a narrow axis: at most about three tics, 1, 2 or 5 x 10^k
            // apart.
            const double rough = (history_x_high - history_x_low) / 3.0;
            const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(rough, 1e-9))));
            const double step = rough <= magnitude         ? magnitude
                                : rough <= 2.0 * magnitude ? 2.0 * magnitude
                                : rough <= 5.0 * magnitude ? 5.0 * magnitude
                                                           : 10.0 * magnitude;
            script << "set xtics " << script_number(step) << "\n";
        }
        script << row_lines;
        std::string clauses = event_mark_plot(script, history_marks, "history_", to_plot_x);
        script << "plot " << clauses << "\n";
        script << "unset label\nunset arrow\n";
        script << "set format y \"\"\n";
        std::vector<NamedTic> blank = y_tics;
        for (auto& tic : blank) {
            tic.second.clear();
        }
        script << detail::named_tics_command("y", blank);
    }
    script << "# main panel: from the start date\n";
    script << detail::margin_commands(box);
    script << "set colorbox user origin screen 0.9, screen " << format_fixed(box.bottom, 4)
           << " size screen 0.018, screen " << format_fixed(box.top - box.bottom, 4) << "\n";
    script << "unset key\n";
    script << "set xlabel " << gnuplot_quote(axis.label) << "\n";
    script << "set xrange [" << script_number(x_low * to_plot_x) << ":" << script_number(x_high * to_plot_x)
           << "]\n";
    if (date_axis) {
        const int most_tics = std::max(2, static_cast<int>(plot_px / 95.0));
        script << detail::named_tics_command("x", detail::date_tics(x_low, x_high, std::min(10, most_tics)));
    } else {
        script << "set xtics autofreq\n";
    }
    script << row_lines;
    const std::string start = script_number(axis.at(0.0) * to_plot_x);
    script << "set arrow from " << start << ", graph 0 to " << start
           << ", graph 1 nohead back lc rgb \"#404040\" lw 1.2 dt 3\n";
    script << "set label \"start\" at " << start
           << ", graph 0 left offset 0.4,0.6 textcolor rgb \"#404040\"\n";
    script << labels.str();
    std::string clauses = event_mark_plot(script, main_marks, "", to_plot_x);
    script << "plot " << clauses << "\n";
    // The legend of the shapes is a plot of its own, one row across the top margin: a key attached to the
    // main panel wraps into two rows when the terminal's text is wider than the panel allows.
    script << "# legend of the mark shapes\n";
    detail::ScreenBox legend_box;
    legend_box.left = 0.1;
    legend_box.right = 0.9;
    legend_box.top = 1.0 - 2.9 * k_line_height;
    legend_box.bottom = 1.0 - 4.1 * k_line_height;
    script << detail::margin_commands(legend_box);
    script
        << "unset border\nunset xtics\nunset ytics\nunset grid\nunset arrow\nunset label\nunset colorbox\n";
    script << "set xlabel \"\"\nset xrange [0:1]\nset yrange [0:1]\n";
    script << "set key at graph 0.5, graph 0.5 center center horizontal maxcols 3 maxrows 1 Left reverse "
              "width 2\n";
    script << "plot -1 notitle, \\\n"
              "     keyentry with points pt 10 ps brink_mark_size lw 1 lc rgb \"#303030\" title \"conflict "
              "(< 0)\", \\\n"
              "     keyentry with points pt 4 ps brink_mark_size lw 1 lc rgb \"#303030\" title \"neutral "
              "(0)\", \\\n"
              "     keyentry with points pt 6 ps brink_mark_size lw 1 lc rgb \"#303030\" title \"cooperation "
              "(> 0)\"\n";
    script << "unset multiplot\n";
    return script.str();
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

std::string relations_script(const std::string& dir) {
    SummaryInfo summary = detail::load_summary(dir);
    TimeAxis axis = time_axis(summary);
    const auto& affinity = summary.raw.value("affinity", nlohmann::json::object());
    // Actor ids label the axes: short, the same words as the scenario file and the CSV files, and they
    // fit rotated under a column of a nine-actor matrix, where full names ("NATO's eastern members
    // (joined after 1997)") do not.
    std::vector<std::string> ids;
    if (affinity.is_object() && affinity.contains("actors") && affinity["actors"].is_array()) {
        for (const auto& id : affinity["actors"]) {
            ids.push_back(detail::shorten(detail::json_text(id), 24));
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

// quantiles.csv rows of one metric, per actor: (day, q10, q50, q90).
struct QuantileRow {
    double day, q10, q50, q90;
};

std::string escalation_bands_script(const std::string& dir, const PlotOptions& options) {
    SummaryInfo summary = detail::load_summary(dir);
    TimeAxis axis = time_axis(summary);
    auto table = detail::read_csv(detail::join_path(dir, "quantiles.csv"));
    std::size_t day = table.column("day");
    std::size_t actor = table.column("actor");
    std::size_t metric = table.column("metric");
    std::size_t q10 = table.column("q10");
    std::size_t q50 = table.column("q50");
    std::size_t q90 = table.column("q90");
    std::map<std::string, std::vector<QuantileRow>> rungs;
    for (const auto& row : table.rows) {
        if (row[metric] != "rung") {
            continue;
        }
        auto d = detail::parse_number(row[day], table, "day");
        auto lo = detail::parse_number(row[q10], table, "q10");
        auto mid = detail::parse_number(row[q50], table, "q50");
        auto hi = detail::parse_number(row[q90], table, "q90");
        if (d && lo && mid && hi) {
            summary.actor_index(row[actor]);
            rungs[row[actor]].push_back({*d, *lo, *mid, *hi});
        }
    }
    std::vector<std::size_t> selected;
    if (!options.band_actors.empty()) {
        for (const auto& id : options.band_actors) {
            if (rungs.count(id) == 0) {
                throw PlotError(dir + "/quantiles.csv: no rung quantiles for actor '" + id + "'");
            }
            selected.push_back(summary.actor_index(id));
        }
    } else {
        // Up to six actors, those that escalate furthest (highest 90th percentile), shown in scenario order.
        std::vector<std::pair<double, std::size_t>> ranked;
        for (std::size_t a = 0; a < summary.actors.size(); ++a) {
            auto found = rungs.find(summary.actors[a].id);
            if (found == rungs.end()) {
                continue;
            }
            double peak = 0.0;
            for (const auto& row : found->second) {
                peak = std::max(peak, row.q90);
            }
            ranked.emplace_back(-peak, a);
        }
        std::stable_sort(ranked.begin(), ranked.end());
        for (std::size_t i = 0; i < ranked.size() && i < 6; ++i) {
            selected.push_back(ranked[i].second);
        }
        std::sort(selected.begin(), selected.end());
    }
    std::string runs = summary.raw.contains("runs") ? detail::json_text(summary.raw["runs"]) : "?";
    LineChart chart;
    chart.title = "Escalation across " + runs + " runs: median and 10-90% band, " + summary.scenario_name;
    chart.x_label = axis.label;
    chart.x_axis = axis.kind;
    chart.shape = LineShape::Steps;
    chart.columns = selected.size() > 3 ? 2 : 1;
    for (std::size_t a : selected) {
        const auto& rows = rungs[summary.actors[a].id];
        LinePanel panel;
        panel.title = summary.actors[a].name;
        panel.y_label = "rung";
        panel.y_tics = ladder_tics(summary);
        panel.y_range = ladder_range(summary);
        LineSeries series;
        series.label = "median";
        series.band_label = "10-90% of runs";
        series.style = 0;  // one style in every panel, so that the shared legend describes each of them
        for (const auto& row : rows) {
            series.x.push_back(axis.at(row.day));
            series.y.push_back(row.q50);
            series.lo.push_back(row.q10);
            series.hi.push_back(row.q90);
        }
        panel.series.push_back(std::move(series));
        chart.panels.push_back(std::move(panel));
    }
    if (chart.panels.empty()) {
        chart.panels.push_back(LinePanel{"no rung quantiles", "rung", std::nullopt, {}, {}, {}});
    }
    return line_chart_script(chart);
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

std::string outcomes_script(const std::string& dir) {
    SummaryInfo summary = detail::load_summary(dir);
    std::vector<RunRow> runs = read_runs(dir);
    std::vector<std::string> kinds{"war", "settlement", "capitulation", "standoff"};
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

std::string war_cdf_script(const std::string& dir) {
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
    const auto total = static_cast<long>(runs.size());
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
    panel.y_range = std::make_pair(0.0, 1.0);
    panel.series.push_back(std::move(series));
    chart.panels.push_back(std::move(panel));
    return line_chart_script(chart);
}

std::string chart_script_of(const std::string& dir, ChartKind kind, const PlotOptions& options) {
    switch (kind) {
        case ChartKind::Escalation:
            return escalation_script(dir);
        case ChartKind::Positions:
            return positions_script(dir);
        case ChartKind::Events:
            return events_script(dir);
        case ChartKind::Relations:
            return relations_script(dir);
        case ChartKind::EscalationBands:
            return escalation_bands_script(dir, options);
        case ChartKind::Outcomes:
            return outcomes_script(dir);
        case ChartKind::WarCdf:
            return war_cdf_script(dir);
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
