// The HTML report: one self-contained page (inline SVG charts, inline CSS, no scripts, no external
// references), so that it can be mailed, archived and opened offline.
#include "brink/io/atomic_file.hpp"
#include "brink/io/numbers.hpp"
#include "brink/model/run_result.hpp"
#include "brink/plots/charts.hpp"
#include "brink/plots/score_charts.hpp"
#include "brink/plots/sweep_charts.hpp"

#include "report_events.hpp"
#include "run_data.hpp"
#include "script_utils.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>

namespace brink::plots {

namespace {

using detail::json_string;
using detail::json_text;

std::string escape_html(const std::string& text) {
    std::string escaped;
    for (char c : text) {
        switch (c) {
            case '&':
                escaped += "&amp;";
                break;
            case '<':
                escaped += "&lt;";
                break;
            case '>':
                escaped += "&gt;";
                break;
            case '"':
                escaped += "&quot;";
                break;
            case '\'':
                escaped += "&#39;";
                break;
            default:
                escaped.push_back(c);
        }
    }
    return escaped;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

// gnuplot's SVG as an inline element: no XML prologue, and ids made unique per chart because several
// SVGs share one HTML document (and so one id namespace).
std::string inline_svg(std::string svg, const std::string& prefix) {
    std::size_t start = svg.find("<svg");
    if (start == std::string::npos) {
        throw PlotError("gnuplot's SVG output has no <svg> element");
    }
    svg.erase(0, start);
    for (const char* quote : {"'", "\""}) {
        replace_all(svg, std::string("id=") + quote, std::string("id=") + quote + prefix);
        replace_all(svg, std::string("href=") + quote + "#", std::string("href=") + quote + "#" + prefix);
    }
    replace_all(svg, "url(#", "url(#" + prefix);
    return svg;
}

std::string chart_caption(ChartKind kind) {
    switch (kind) {
        case ChartKind::Escalation:
            return "Escalation rung of each actor over time (lines offset slightly so that actors on the "
                   "same "
                   "rung stay visible).";
        case ChartKind::Positions:
            return "Each actor's position on each issue (0 and 1 are the issue's two ends).";
        case ChartKind::Events:
            return "Every event by its acting actor, coloured by Goldstein weight; key events labelled.";
        case ChartKind::Relations:
            return "Affinity matrix at the start and at the end of the run (row actor towards column actor).";
        case ChartKind::EscalationBands:
            return "Median escalation rung and the band holding 80% of runs (10th to 90th percentile) per "
                   "day, for the runs that ended in war and for the others apart, each run until its crisis "
                   "ended.";
        case ChartKind::Outcomes:
            return "Share of runs ending in each outcome, with 95% Wilson score intervals.";
        case ChartKind::WarCdf:
            return "Share of runs in which war has begun by each date, with pointwise 95% Wilson intervals.";
    }
    return "";
}

// "How to read this chart": what a mark means and what to look for, for a reader who has not met the chart.
std::string chart_how_to_read(ChartKind kind) {
    switch (kind) {
        case ChartKind::Escalation:
            return "Each line is one actor; the higher the line, the further up the escalation ladder it "
                   "stands, from normal relations at the bottom to war at the top. A step up is a move "
                   "towards force, a step down a climb-down. Dotted vertical lines mark when a war began "
                   "and ended, if there was one.";
        case ChartKind::Positions:
            return "One panel per issue. Each line is an actor's position on that issue, between the issue's "
                   "two ends named on the axis. Lines that move towards each other mean concessions; lines "
                   "that stay apart mean the dispute is unresolved.";
        case ChartKind::Events:
            return "Each row is an actor; each mark is one thing it did, placed at its date. Red marks are "
                   "hostile acts (threats, sanctions, force), blue marks cooperative ones (support, talks, "
                   "concessions); the darker, the stronger. Events before the start date, if the scenario "
                   "has any, are in a narrow panel on the left. The labelled marks are the strongest of the "
                   "key events listed below.";
        case ChartKind::Relations:
            return "Each cell is how the row's actor regards the column's actor, from red (hostile, -1) "
                   "through white (indifferent) to blue (allied, +1). Compare the two panels to see which "
                   "relations the crisis changed.";
        case ChartKind::EscalationBands:
            return "Runs that ended in war (orange) and runs that did not (blue) are drawn apart, with their "
                   "numbers in the legend. For each, the line is the middle run (median), the shaded band "
                   "holds 8 runs in 10; a run leaves the chart when its crisis ends, so a line stops when "
                   "few "
                   "of its runs are left. A wide band means the runs disagree about how far the actor "
                   "escalates; where the two groups part, the crisis took different roads.";
        case ChartKind::Outcomes:
            return "Each bar is the share of runs that ended in that outcome; the whiskers show the range "
                   "the "
                   "true share lies in with 95% confidence, given the number of runs. Overlapping whiskers "
                   "mean the difference between two outcomes may be chance.";
        case ChartKind::WarCdf:
            return "The curve climbs each time a run goes to war: its height at a date is the share of runs "
                   "at war by then. A steep rise means wars cluster around that date. The vertical axis "
                   "stops "
                   "a little above the highest value, which a dashed line labels: read the numbers, not the "
                   "height on the page.";
    }
    return "";
}

std::string table_html(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows) {
    std::ostringstream html;
    html << "<table>\n";
    // A two-column fact table (all header cells empty) goes without a header row.
    if (std::any_of(header.begin(), header.end(), [](const std::string& cell) { return !cell.empty(); })) {
        html << "<thead><tr>";
        for (const auto& cell : header) {
            html << "<th>" << escape_html(cell) << "</th>";
        }
        html << "</tr></thead>\n";
    }
    html << "<tbody>\n";
    for (const auto& row : rows) {
        html << "<tr>";
        for (const auto& cell : row) {
            html << "<td>" << escape_html(cell) << "</td>";
        }
        html << "</tr>\n";
    }
    html << "</tbody>\n</table>\n";
    return html.str();
}

std::string time_text(const nlohmann::json& object) {
    const std::string date = json_string(object, "date");
    if (!object.is_object() || !object.contains("time") || !object["time"].is_number()) {
        return date;
    }
    return detail::when_text(date, object["time"].get<double>());
}

constexpr const char* k_style =
    R"(body{font-family:"DejaVu Sans",sans-serif;margin:2em auto;max-width:1240px;color:#202020;line-height:1.4;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.num{text-align:right}code,pre{font-family:"DejaVu Sans Mono",monospace;background:#f6f6f6}
pre{padding:.6em;overflow-x:auto;white-space:pre-wrap}figure{margin:1em 0}figure svg{width:100%;height:auto;border:1px solid #e0e0e0}
figcaption{font-size:.92em;color:#404040}.howto{font-size:.92em;margin:.3em 0 0}
details{margin:.6em 0}summary{cursor:pointer;font-weight:bold}td.when{white-space:nowrap}.note{background:#fff6e0;border:1px solid #e0c070;padding:.5em}
)";

// A chart of the page: its file stem, its caption, how to read it and how to build its script.
struct PageChart {
    std::string stem;
    std::string caption;
    std::string how_to_read;
    std::function<std::string()> script;
    int height_px = 0;  // canvas height the chart needs; 0: the default
};

std::string page_head(const std::string& title) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
           escape_html(title) + "</title>\n<style>\n" + k_style + "</style>\n</head>\n<body>\n<h1>" +
           escape_html(title) + "</h1>\n";
}

// Charts, drawn as SVG into a temporary directory and inlined.
void charts_section(std::ostringstream& html, const std::string& dir, const std::vector<PageChart>& charts,
                    const PlotOptions& options) {
    html << "<section id=\"charts\">\n<h2>Charts</h2>\n";
    if (!gnuplot_available(options.render)) {
        html << "<p class=\"note\">" << escape_html(gnuplot_missing_message)
             << ", then run <code>brink report " << escape_html(dir) << "</code> again.</p>\n";
        html << "</section>\n";
        return;
    }
    std::filesystem::path temporary =
        std::filesystem::temp_directory_path() /
        ("brink-report-" + std::to_string(::getpid()) + "-" + std::filesystem::path(dir).filename().string());
    std::filesystem::create_directories(temporary);
    int index = 0;
    for (const PageChart& chart : charts) {
        html << "<figure id=\"chart-" << chart.stem << "\">\n";
        try {
            std::string path = (temporary / (chart.stem + ".svg")).string();
            RenderOptions render = options.render;
            if (chart.height_px > 0) {
                render.height_px = chart.height_px;
            }
            render_chart(chart.script(), path, ChartFormat::Svg, render);
            html << inline_svg(detail::read_text_file(path), "c" + std::to_string(index) + "_") << "\n";
        } catch (const PlotError& error) {
            html << "<p class=\"note\">The chart could not be drawn: " << escape_html(error.what())
                 << "</p>\n";
        }
        html << "<figcaption>" << escape_html(chart.caption) << "</figcaption>\n";
        if (!chart.how_to_read.empty()) {
            html << "<p class=\"howto\"><strong>How to read this chart.</strong> "
                 << escape_html(chart.how_to_read) << "</p>\n";
        }
        html << "</figure>\n";
        ++index;
    }
    std::error_code ignored;
    std::filesystem::remove_all(temporary, ignored);
    html << "</section>\n";
}

// What the scenario scheduled that a run ended before (summary.json "not_reached"); for an ensemble, in
// how many of its `runs` runs.
void not_reached_note(std::ostringstream& html, const nlohmann::json& raw, std::optional<long> runs) {
    const auto& missed = raw.value("not_reached", nlohmann::json::array());
    if (!missed.is_array() || missed.empty()) {
        return;
    }
    html << "<p class=\"note\">" << (runs ? "Some runs" : "The run") << " ended before " << missed.size()
         << (missed.size() == 1 ? " thing" : " things") << " the scenario scheduled:</p>\n<ul>\n";
    for (const auto& item : missed) {
        const std::string day = item.is_object() && item.contains("day") && item["day"].is_number()
                                    ? detail::when_text(json_string(item, "date"), item["day"].get<double>())
                                    : json_string(item, "date");
        std::string count;
        if (runs && item.is_object() && item.contains("runs") && item["runs"].is_number_integer()) {
            count = ", never reached in " + std::to_string(item["runs"].get<long>()) + " of " +
                    std::to_string(*runs) + " runs";
        }
        html << "<li>" << escape_html(json_string(item, "description")) << " (" << escape_html(day + count)
             << ")</li>\n";
    }
    html << "</ul>\n";
}

// Outcome shares with their Wilson intervals, P(war), and who went to war against whom.
void ensemble_outcome(std::ostringstream& html, const detail::SummaryInfo& summary) {
    const auto& raw = summary.raw;
    const auto& outcomes = raw.value("outcomes", nlohmann::json::object());
    long total = 0;
    std::vector<std::pair<std::string, long>> counts;
    if (outcomes.is_object()) {
        // The documented outcomes in their usual order, then any other kind the file names.
        std::vector<std::string> names;
        for (const model::OutcomeKind outcome : model::k_outcome_kinds) {
            names.emplace_back(model::to_string(outcome));
        }
        for (const auto& item : outcomes.items()) {
            if (std::find(names.begin(), names.end(), item.key()) == names.end()) {
                names.push_back(item.key());
            }
        }
        for (const auto& name : names) {
            auto found = outcomes.find(name);
            long n = found != outcomes.end() && found->is_number_integer() ? found->get<long>() : 0;
            counts.emplace_back(name, n);
            total += n;
        }
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& [name, count] : counts) {
        const io::Interval interval = detail::wilson(count, total);
        double share = total > 0 ? static_cast<double>(count) / static_cast<double>(total) : 0.0;
        rows.push_back({name, std::to_string(count), detail::format_fixed(100.0 * share, 1) + "%",
                        "[" + detail::format_fixed(100.0 * interval.lo, 1) + "%, " +
                            detail::format_fixed(100.0 * interval.hi, 1) + "%]"});
    }
    html << table_html({"outcome", "runs", "share", "95% Wilson interval"}, rows);
    const auto& p_war = raw.value("p_war", nlohmann::json::object());
    if (p_war.is_object() && p_war.contains("estimate")) {
        auto number = [&](const char* key) {
            return p_war.contains(key) && p_war[key].is_number()
                       ? detail::format_fixed(p_war[key].get<double>(), 3)
                       : std::string("?");
        };
        html << "<p><strong>P(war) = " << number("estimate") << "</strong>, 95% Wilson interval ["
             << number("lo") << ", " << number("hi") << "] over " << total << " runs.</p>\n";
    }
    // Who went to war against whom (summary.json "wars", most frequent first).
    const auto& wars = raw.value("wars", nlohmann::json::array());
    std::vector<std::vector<std::string>> war_rows;
    for (const auto& war : wars.is_array() ? wars : nlohmann::json::array()) {
        if (war.is_object()) {
            war_rows.push_back({summary.actor_name(json_string(war, "initiator")),
                                summary.actor_name(json_string(war, "target")),
                                json_text(war.value("runs", nlohmann::json()))});
        }
    }
    if (!war_rows.empty()) {
        html << table_html({"war started by", "against", "runs"}, war_rows);
    }
    not_reached_note(html, raw, total);
}

void run_outcome(std::ostringstream& html, const detail::SummaryInfo& summary) {
    const auto& raw = summary.raw;
    const auto& outcome = raw.value("outcome", nlohmann::json::object());
    std::vector<std::vector<std::string>> rows{
        {"outcome", json_string(outcome, "kind")},
        {"when", time_text(outcome)},
        {"initiator", summary.actor_name(json_string(outcome, "initiator"))},
        {"target", summary.actor_name(json_string(outcome, "target"))},
        {"description", json_string(outcome, "description")}};
    const auto& peak = raw.value("peak_rung", nlohmann::json::object());
    if (peak.is_object()) {
        rows.push_back({"peak rung", json_string(peak, "name") + " (" +
                                         json_text(peak.value("index", nlohmann::json())) + ") by " +
                                         summary.actor_name(json_string(peak, "actor"))});
    }
    html << table_html({"", ""}, rows);
    not_reached_note(html, raw, std::nullopt);
}

// The scenario: actors, issues, demands.
void scenario_section(std::ostringstream& html, const detail::SummaryInfo& summary) {
    html << "<section id=\"scenario\">\n<h2>Scenario</h2>\n<h3>Actors</h3>\n";
    std::vector<std::vector<std::string>> actor_rows;
    for (const auto& actor : summary.actors) {
        actor_rows.push_back({actor.name, actor.kind, actor.id});
    }
    // The id last: the files and the relations chart's axes use it.
    html << table_html({"name", "kind", "id (in the data files)"}, actor_rows);
    html << "<h3>Issues</h3>\n";
    std::vector<std::vector<std::string>> issue_rows;
    for (const auto& issue : summary.issues) {
        issue_rows.push_back({issue.name, issue.low, issue.high});
    }
    html << table_html({"issue", "position 0 means", "position 1 means"}, issue_rows);
    html << "<h3>Demands</h3>\n";
    std::vector<std::vector<std::string>> demand_rows;
    for (const auto& demand : summary.raw.value("demands", nlohmann::json::array())) {
        std::string targets;
        for (const auto& target : demand.value("targets", nlohmann::json::array())) {
            targets += (targets.empty() ? "" : ", ") + summary.actor_name(json_text(target));
        }
        const auto& value = demand.value("value", nlohmann::json());
        demand_rows.push_back({summary.actor_name(json_string(demand, "challenger")), targets,
                               value.is_number() ? detail::position_words(json_string(demand, "issue"),
                                                                          value.get<double>(), summary)
                                                 : json_string(demand, "issue")});
    }
    html << table_html({"demand by", "of", "what is demanded"}, demand_rows);
    html << "</section>\n";
}

// An event table: when, who, what kind of event, what happened.
std::string events_table(const std::vector<detail::ReportEvent>& events, const detail::SummaryInfo& summary) {
    std::ostringstream html;
    html << "<table>\n<thead><tr><th>when</th><th>who</th><th>event</th><th>what happened</th></tr></thead>\n"
            "<tbody>\n";
    for (const detail::ReportEvent& event : events) {
        html << "<tr><td class=\"when\">" << escape_html(detail::when_text(event.date, event.time))
             << "</td><td>" << escape_html(detail::event_actors_text(event, summary)) << "</td><td>"
             << escape_html(detail::event_type_words(event.type)) << "</td><td>"
             << escape_html(detail::event_text(event, summary)) << "</td></tr>\n";
    }
    html << "</tbody>\n</table>\n";
    return html.str();
}

/// At most this many rows in an open table; longer ones are folded or summarised.
constexpr std::size_t k_open_table_rows = 25;

// A long table folded away: its summary line stays visible, the rows open on a click.
std::string folded(const std::string& summary_line, const std::string& content) {
    return "<details>\n<summary>" + escape_html(summary_line) + "</summary>\n" + content + "</details>\n";
}

std::string count_text(std::size_t count, const std::string& noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// "; 26 rows: an event to several targets is one row" when rows were merged, so that the counts match the
// event log's, the command's summary and the events chart's.
std::string rows_note(const std::vector<detail::ReportEvent>& events) {
    if (detail::logged_count(events) == events.size()) {
        return "";
    }
    return "; " + count_text(events.size(), "row") + ": an event to several targets is one row";
}

// What happened: the turns of the crisis from the start date in one short table; every key event, the
// scenario's history before the start and the whole log folded below it, so that a reader is never faced
// with a hundred rows.
void key_events_section(std::ostringstream& html, const std::string& dir, RunDirKind kind,
                        const detail::SummaryInfo& summary) {
    html << "<section id=\"key-events\">\n<h2>What happened</h2>\n";
    if (kind == RunDirKind::Ensemble) {
        html << "<p>An ensemble has no single event log; run one seed to see its events.</p>\n</section>\n";
        return;
    }
    std::vector<detail::ReportEvent> log = detail::load_report_events(dir);
    const bool logged = !log.empty();
    if (!logged) {
        // An empty event log (a run that recorded none): summary.json's key events.
        for (const auto& event : summary.raw.value("key_events", nlohmann::json::array())) {
            if (!event.is_object() || !event.contains("time") || !event["time"].is_number()) {
                continue;
            }
            detail::ReportEvent row;
            row.time = event["time"].get<double>();
            row.date = json_string(event, "date");
            row.type = json_string(event, "type");
            row.source = json_string(event, "source");
            if (!json_string(event, "target").empty()) {
                row.targets.push_back(json_string(event, "target"));
            }
            row.key = true;
            row.description = json_string(event, "description");
            log.push_back(std::move(row));
        }
        log = detail::merge_repeated_events(log);
    }
    std::vector<detail::ReportEvent> history;
    std::vector<detail::ReportEvent> key_events;
    for (const detail::ReportEvent& event : log) {
        if (event.time < 0.0) {
            history.push_back(event);
        } else if (event.key) {
            key_events.push_back(event);
        }
    }
    // Past k_open_table_rows, the turns of the crisis only.
    constexpr std::size_t k_open_rows = k_open_table_rows;
    std::vector<detail::ReportEvent> shown = key_events;
    if (shown.size() > k_open_rows) {
        shown.clear();
        std::copy_if(key_events.begin(), key_events.end(), std::back_inserter(shown),
                     [](const detail::ReportEvent& event) { return detail::is_headline_event(event.type); });
    }
    if (key_events.empty()) {
        html << "<p>No key events were recorded after the start date.</p>\n";
    } else {
        html << "<p>"
             << (shown.size() < key_events.size()
                     ? "The turns of the crisis from the start date: demands, deadlines, escalation, "
                       "agreements and war (" +
                           std::to_string(shown.size()) + " of " +
                           count_text(key_events.size(), "key event") + "; all of them are listed below)."
                     : "The key events from the start date.")
             << " Days count from the start date (day 0).</p>\n";
        html << events_table(shown, summary);
    }
    if (shown.size() < key_events.size()) {
        html << folded("All " + count_text(key_events.size(), "key event") + " from the start date",
                       events_table(key_events, summary));
    }
    if (!history.empty()) {
        html << folded("Before the start date: " + count_text(detail::logged_count(history), "event") +
                           " of the scenario's history" + rows_note(history),
                       events_table(history, summary));
    }
    if (logged) {
        html << folded("The whole event log: " + count_text(detail::logged_count(log), "event") +
                           " (events.csv)" + rows_note(log),
                       events_table(log, summary));
    }
    html << "</section>\n";
}

std::string run_page(const std::string& dir, RunDirKind kind, const PlotOptions& options) {
    detail::SummaryInfo summary = detail::load_summary(dir);
    const auto& raw = summary.raw;
    std::ostringstream html;
    html << page_head("brink report: " + summary.scenario_name);
    html << "<p>"
         << (kind == RunDirKind::Ensemble
                 ? "Ensemble of " + escape_html(json_text(raw.value("runs", nlohmann::json()))) + " runs"
                 : std::string("One run"))
         << "; scenario file <code>"
         << escape_html(json_string(raw.value("scenario", nlohmann::json::object()), "path"))
         << "</code>; start date "
         << escape_html(json_string(raw.value("scenario", nlohmann::json::object()), "start_date", "(none)"))
         << ".</p>\n";
    html << "<section id=\"outcome\">\n<h2>Outcome</h2>\n";
    if (kind == RunDirKind::Ensemble) {
        ensemble_outcome(html, summary);
    } else {
        run_outcome(html, summary);
    }
    html << "</section>\n";
    std::vector<PageChart> charts;
    for (ChartKind chart : charts_for(kind)) {
        charts.push_back({chart_file_stem(chart), chart_caption(chart), chart_how_to_read(chart),
                          [&dir, chart, &options] { return chart_script(dir, chart, options); }});
    }
    charts_section(html, dir, charts, options);
    scenario_section(html, summary);
    key_events_section(html, dir, kind, summary);
    html << "<section id=\"reproduce\">\n<h2>Reproduce</h2>\n";
    html << table_html({"", ""}, {{"command", json_string(raw, "command")},
                                  {"brink version", json_string(raw, "brink_version")},
                                  {"seed", summary.seed}});
    html << "<pre>" << escape_html(json_string(raw, "command")) << "</pre>\n</section>\n";
    html << "</body>\n</html>\n";
    return html.str();
}

std::string sweep_caption(const std::string& stem) {
    if (stem == "p_war_heatmap") {
        return "P(war) at each point of the grid: the share of the point's runs that ended in war.";
    }
    if (stem == "p_war_line" || stem == "p_war_bars") {
        return "P(war) at each level of the parameter, with its Wilson 95% interval.";
    }
    if (stem == "p_war_lines") {
        return "P(war) along the first parameter, one line per value of the second, with Wilson 95% "
               "intervals.";
    }
    if (stem.rfind("sobol_", 0) == 0) {
        return "First-order (S1) and total (ST) Sobol indices of " +
               stem.substr(std::string("sobol_").size()) + ", with bootstrap 95% intervals.";
    }
    return stem;
}

std::string sweep_how_to_read(const std::string& stem) {
    if (stem == "p_war_heatmap") {
        return "Each cell is one combination of the two parameters on the axes; its colour and number give "
               "the share of its runs that ended in war. Neighbouring cells whose numbers differ by less "
               "than their intervals (in the table above) may differ by chance alone.";
    }
    if (stem == "p_war_line") {
        return "The line shows how the chance of war changes as the parameter on the horizontal axis "
               "grows; the whiskers show the range the true chance lies in with 95% confidence. Where "
               "neighbouring whiskers overlap, the change may be chance.";
    }
    if (stem == "p_war_lines") {
        return "Each line is one value of the second parameter; follow a line to see how the chance of war "
               "changes with the parameter on the horizontal axis at that value. Lines far apart mean the "
               "second parameter matters; lines that cross mean the two parameters interact.";
    }
    if (stem.rfind("sobol_", 0) == 0) {
        return "Each pair of bars is one parameter. The first bar (S1) is the share of the outcome's "
               "variation that parameter explains on its own, the second (ST) the share including its "
               "interplay with the others. Long bars mark the parameters that matter; bars whose whiskers "
               "reach zero may not matter at all.";
    }
    return "";
}

// A CSV table's numbers for people: days (median_time_to_war) to one decimal, every other fraction to three
// decimals (probabilities, indices, interval bounds, parameter values of a random design); integers, text and
// empty cells as written. The files keep every digit.
std::vector<std::vector<std::string>> rounded_rows(const detail::CsvTable& table) {
    std::vector<std::vector<std::string>> rows = table.rows;
    for (auto& row : rows) {
        for (std::size_t column = 0; column < row.size() && column < table.header.size(); ++column) {
            std::string& cell = row[column];
            if (cell.find('.') == std::string::npos && cell.find('e') == std::string::npos) {
                continue;  // an integer, a name or empty
            }
            char* end = nullptr;
            const double value = std::strtod(cell.c_str(), &end);
            if (end == cell.c_str() || *end != '\0' || !std::isfinite(value)) {
                continue;
            }
            const int decimals = table.header[column] == "median_time_to_war" ? 1 : 3;
            const double scale = std::pow(10.0, decimals);
            double rounded = std::round(value * scale) / scale;
            if (rounded == 0.0) {
                rounded = 0.0;  // no "-0"
            }
            cell = io::format_number(rounded);
        }
    }
    return rows;
}

// A sweep's page: its design, its points (P(war) per point), its Sobol indices and its charts.
std::string sweep_page(const std::string& dir, const PlotOptions& options) {
    const nlohmann::json sweep = detail::read_json(detail::join_path(dir, "sweep.json"));
    const std::string name = json_string(sweep, "name", "sweep");
    std::ostringstream html;
    html << page_head("brink report: sweep " + name);
    html << "<p>Sweep of <code>"
         << escape_html(json_string(sweep.value("scenario", nlohmann::json::object()), "path"))
         << "</code>: " << escape_html(json_string(sweep, "design")) << " design, "
         << escape_html(json_text(sweep.value("points", nlohmann::json()))) << " points, "
         << escape_html(json_text(sweep.value("replications", nlohmann::json()))) << " runs per point, "
         << escape_html(json_text(sweep.value("runs_failed", nlohmann::json()))) << " failed runs.</p>\n";
    html << "<section id=\"points\">\n<h2>Points</h2>\n";
    const auto points = detail::read_csv(detail::join_path(dir, "points.csv"));
    const std::string points_table = table_html(points.header, rounded_rows(points));
    // A Sobol or Latin hypercube design has hundreds of points: the table is folded, the charts show them.
    html << (points.rows.size() > k_open_table_rows
                 ? folded("All " + std::to_string(points.rows.size()) + " points (points.csv)", points_table)
                 : points_table)
         << "</section>\n";
    if (detail::file_exists(detail::join_path(dir, "sobol.csv"))) {
        const auto sobol = detail::read_csv(detail::join_path(dir, "sobol.csv"));
        html << "<section id=\"sobol\">\n<h2>Sobol indices</h2>\n"
             << table_html(sobol.header, rounded_rows(sobol)) << "</section>\n";
    }
    std::vector<PageChart> charts;
    for (SweepChart& chart : sweep_chart_scripts(dir)) {
        charts.push_back({chart.stem, sweep_caption(chart.stem), sweep_how_to_read(chart.stem),
                          [script = chart.script] { return script; }});
    }
    charts_section(html, dir, charts, options);
    html << "<section id=\"reproduce\">\n<h2>Reproduce</h2>\n";
    html << table_html({"", ""}, {{"sweep", name},
                                  {"brink version", json_string(sweep, "brink_version")},
                                  {"seed", json_text(sweep.value("seed", nlohmann::json()))},
                                  {"design seed", json_text(sweep.value("design_seed", nlohmann::json()))}});
    html << "<pre>" << escape_html(sweep.dump(2)) << "</pre>\n</section>\n";
    html << "</body>\n</html>\n";
    return html.str();
}

// "0.142 [0.086, 0.210]" from {estimate, lo, hi}; "—" where there is none.
std::string interval_cell(const nlohmann::json& interval) {
    if (!interval.is_object() || !interval.value("estimate", nlohmann::json()).is_number()) {
        return "—";
    }
    const auto number = [&](const char* key) {
        const auto& value = interval.value(key, nlohmann::json());
        return value.is_number() ? io::format_number(std::round(value.get<double>() * 1000.0) / 1000.0)
                                 : std::string("?");
    };
    return number("estimate") + " [" + number("lo") + ", " + number("hi") + "]";
}

// A score folder's cases: the forecast beside what happened, one row per case.
std::string cases_table(const detail::CsvTable& table) {
    const std::vector<std::pair<std::string, std::string>> columns = {
        {"case", "case"},
        {"p_war", "P(war)"},
        {"p_war_lo", "low"},
        {"p_war_hi", "high"},
        {"observed_war", "war happened (1) or not (0)"},
        {"observed_max_violence", "highest violence (ICB 1–4)"},
        {"brier", "Brier"},
        {"log", "log score"},
        {"timing_predicted_days", "forecast days"},
        {"timing_observed_days", "observed days"}};
    detail::CsvTable picked;
    std::vector<std::optional<std::size_t>> from;
    for (const auto& [name, heading] : columns) {
        picked.header.push_back(heading);
        from.push_back(table.find_column(name));
    }
    for (const auto& row : table.rows) {
        std::vector<std::string> cells;
        for (const auto& column : from) {
            cells.push_back(column && *column < row.size() ? row[*column] : std::string());
        }
        picked.rows.push_back(std::move(cells));
    }
    return table_html(picked.header, rounded_rows(picked));
}

// The scores of a score folder (score.json): the model and its two baselines, and their differences.
void scores_section(std::ostringstream& html, const nlohmann::json& score) {
    const auto& scores = score.value("scores", nlohmann::json::object());
    std::vector<std::vector<std::string>> rows;
    for (const auto& [key, name] : std::vector<std::pair<std::string, std::string>>{
             {"model", "brink"},
             {"base_rate", "base rate"},
             {"capability_logistic", "capability-only logistic"}}) {
        const auto& forecaster = scores.value(key, nlohmann::json::object());
        rows.push_back({name, interval_cell(forecaster.value("brier", nlohmann::json())),
                        interval_cell(forecaster.value("log", nlohmann::json())),
                        interval_cell(forecaster.value("rps", nlohmann::json())),
                        interval_cell(forecaster.value("timing", nlohmann::json()))});
    }
    html << "<section id=\"scores\">\n<h2>Scores</h2>\n<p>Means over the cases with bootstrap 95% intervals; "
            "lower is better for every score. Brier and log score judge P(war) against whether war happened; "
            "the ranked probability score (RPS) the forecast of the highest violence level; the timing error "
            "is |ln(forecast days / observed days)|. The base rate forecasts every case with the library's "
            "share of wars; the logistic model uses the capability ratio alone.</p>\n"
         << table_html({"forecaster", "Brier", "log score", "RPS", "timing error"}, rows);
    const auto& differences = score.value("differences", nlohmann::json::object());
    html << "<p>brink minus the base rate (negative: brink is better): Brier "
         << escape_html(interval_cell(differences.value("brier_model_minus_base_rate", nlohmann::json())))
         << ", log score "
         << escape_html(interval_cell(differences.value("log_model_minus_base_rate", nlohmann::json())))
         << ".</p>\n</section>\n";
}

// The charts of a score folder, with what they show.
std::vector<PageChart> score_page_charts(const std::string& dir) {
    std::vector<PageChart> charts;
    for (ScoreChart& chart : score_chart_scripts(dir)) {
        const bool reliability = chart.stem == "reliability";
        charts.push_back(
            {chart.stem,
             reliability ? "Reliability: forecast P(war) against the observed share of wars, in five bins"
                         : "Every case's forecast P(war), sorted, with what happened",
             reliability
                 ? "Each point is a bin of cases with similar forecasts: across, their mean forecast "
                   "P(war); up, the share of them that went to war, with its 95% interval and the "
                   "number of cases. A well-calibrated forecaster's points lie on the diagonal; points "
                   "below it mean wars were forecast more often than they came."
                 : "One row per case, ordered by the forecast P(war) with its 95% interval; the "
                   "marker says whether war happened. A good forecaster puts the wars at the top and "
                   "the crises without war at the bottom.",
             [script = chart.script] { return script; }, chart.height_px});
    }
    return charts;
}

// A score folder's page (`brink score`), or a calibration folder's (`brink calibrate`: the cross-validated
// forecasts of OUT/cv, after the fitted values).
std::string score_page(const std::string& dir, const std::string& score_dir, const PlotOptions& options) {
    const nlohmann::json score = detail::read_json(detail::join_path(score_dir, "score.json"));
    const std::string calibration_summary = detail::join_path(dir, "summary.json");
    const bool calibration = score_dir != dir && detail::file_exists(calibration_summary);
    std::ostringstream html;
    html << page_head(calibration ? "brink report: calibration" : "brink report: scores against history");
    const auto& cases = score.value("cases", nlohmann::json::array());
    html << "<p>" << (cases.is_array() ? cases.size() : 0) << " cases, "
         << escape_html(json_text(score.value("observed_wars", nlohmann::json())))
         << " of which went to war; "
         << escape_html(json_text(score.value("runs_per_case", nlohmann::json()))) << " runs per case, seed "
         << escape_html(json_text(score.value("seed", nlohmann::json()))) << ".</p>\n";
    if (calibration) {
        const nlohmann::json summary = detail::read_json(calibration_summary);
        const auto& best = summary.value("best", nlohmann::json::object());
        std::vector<std::vector<std::string>> rows;
        const nlohmann::json values =
            best.value("values", nlohmann::json::object());  // a copy: it is iterated
        for (const auto& [path, value] : values.items()) {
            rows.push_back(
                {path, value.is_number() ? io::format_number(value.get<double>()) : json_text(value)});
        }
        html << "<section id=\"fitted\">\n<h2>Fitted values</h2>\n<p>The point with the least objective over "
                "every case (best.yaml). The forecasts below are cross-validated: each case forecast at the "
                "values fitted without its fold (cv.csv), so they show how the calibrated model forecasts "
                "crises it was not fitted to.</p>\n"
             << table_html({"parameter", "value"}, rows) << "</section>\n";
    }
    scores_section(html, score);
    charts_section(html, score_dir, score_page_charts(score_dir), options);
    const detail::CsvTable table = detail::read_csv(detail::join_path(score_dir, "score.csv"));
    html << "<section id=\"cases\">\n<h2>Cases</h2>\n"
         << (table.rows.size() > k_open_table_rows
                 ? folded("All " + std::to_string(table.rows.size()) + " cases (score.csv)",
                          cases_table(table))
                 : cases_table(table))
         << "</section>\n</body>\n</html>\n";
    return html.str();
}

}  // namespace

void write_score_report(const std::string& dir, const std::string& score_dir, const PlotOptions& options) {
    const std::string html = score_page(dir, score_dir, options);
    io::remove_stale_temporaries(dir, {"report.html"});
    io::write_file_atomically(detail::join_path(dir, "report.html"), html);
}

void write_report(const std::string& dir, const PlotOptions& options) {
    const RunDirKind kind = detect_run_dir(dir);
    const std::string html =
        kind == RunDirKind::Sweep ? sweep_page(dir, options) : run_page(dir, kind, options);
    // Through io's atomic writer: a reader never sees half a report, and a killed run's temporary is cleared.
    io::remove_stale_temporaries(dir, {"report.html"});
    io::write_file_atomically(detail::join_path(dir, "report.html"), html);
}

}  // namespace brink::plots
