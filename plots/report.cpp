// The HTML report: one self-contained page (inline SVG charts, inline CSS, no scripts, no external
// references), so that it can be mailed, archived and opened offline.
#include "brink/io/atomic_file.hpp"
#include "brink/plots/charts.hpp"
#include "brink/plots/sweep_charts.hpp"

#include "run_data.hpp"
#include "script_utils.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
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
                   "day.";
        case ChartKind::Outcomes:
            return "Share of runs ending in each outcome, with 95% Wilson score intervals.";
        case ChartKind::WarCdf:
            return "Share of runs in which war has begun by each date, with pointwise 95% Wilson intervals.";
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

std::string time_text(const nlohmann::json& object, const detail::SummaryInfo& summary) {
    std::string date = json_string(object, "date");
    std::string day = object.is_object() && object.contains("time") ? json_text(object["time"]) : "";
    if (!date.empty()) {
        return date + " (day " + day + ")";
    }
    (void)summary;
    return day.empty() ? "" : "day " + day;
}

constexpr const char* k_style =
    R"(body{font-family:"DejaVu Sans",sans-serif;margin:2em auto;max-width:1240px;color:#202020;line-height:1.4;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f0f0f0}td.num{text-align:right}code,pre{font-family:"DejaVu Sans Mono",monospace;background:#f6f6f6}
pre{padding:.6em;overflow-x:auto;white-space:pre-wrap}figure{margin:1em 0}figure svg{width:100%;height:auto;border:1px solid #e0e0e0}
figcaption{font-size:.92em;color:#404040}.note{background:#fff6e0;border:1px solid #e0c070;padding:.5em}
)";

// A chart of the page: its file stem, its caption and how to build its script.
struct PageChart {
    std::string stem;
    std::string caption;
    std::function<std::string()> script;
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
            render_chart(chart.script(), path, ChartFormat::Svg, options.render);
            html << inline_svg(detail::read_text_file(path), "c" + std::to_string(index) + "_") << "\n";
        } catch (const PlotError& error) {
            html << "<p class=\"note\">The chart could not be drawn: " << escape_html(error.what())
                 << "</p>\n";
        }
        html << "<figcaption>" << escape_html(chart.caption) << "</figcaption>\n</figure>\n";
        ++index;
    }
    std::error_code ignored;
    std::filesystem::remove_all(temporary, ignored);
    html << "</section>\n";
}

// Outcome shares with their Wilson intervals, P(war), and who went to war against whom.
void ensemble_outcome(std::ostringstream& html, const detail::SummaryInfo& summary) {
    const auto& raw = summary.raw;
    const auto& outcomes = raw.value("outcomes", nlohmann::json::object());
    long total = 0;
    std::vector<std::pair<std::string, long>> counts;
    if (outcomes.is_object()) {
        // The documented outcomes in their usual order, then any other kind the file names.
        std::vector<std::string> names{"war", "settlement", "capitulation", "standoff"};
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
}

void run_outcome(std::ostringstream& html, const detail::SummaryInfo& summary) {
    const auto& raw = summary.raw;
    const auto& outcome = raw.value("outcome", nlohmann::json::object());
    std::vector<std::vector<std::string>> rows{
        {"kind", json_string(outcome, "kind")},
        {"when", time_text(outcome, summary)},
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
}

// The scenario: actors, issues, demands.
void scenario_section(std::ostringstream& html, const detail::SummaryInfo& summary) {
    html << "<section id=\"scenario\">\n<h2>Scenario</h2>\n<h3>Actors</h3>\n";
    std::vector<std::vector<std::string>> actor_rows;
    for (const auto& actor : summary.actors) {
        actor_rows.push_back({actor.id, actor.name, actor.kind});
    }
    html << table_html({"id", "name", "kind"}, actor_rows);
    html << "<h3>Issues</h3>\n";
    std::vector<std::vector<std::string>> issue_rows;
    for (const auto& issue : summary.issues) {
        issue_rows.push_back({issue.id, issue.name, issue.low, issue.high});
    }
    html << table_html({"id", "name", "position 0 means", "position 1 means"}, issue_rows);
    html << "<h3>Demands</h3>\n";
    std::vector<std::vector<std::string>> demand_rows;
    for (const auto& demand : summary.raw.value("demands", nlohmann::json::array())) {
        std::string targets;
        for (const auto& target : demand.value("targets", nlohmann::json::array())) {
            targets += (targets.empty() ? "" : ", ") + summary.actor_name(json_text(target));
        }
        demand_rows.push_back(
            {json_string(demand, "id"), summary.actor_name(json_string(demand, "challenger")), targets,
             json_string(demand, "issue"), json_text(demand.value("value", nlohmann::json()))});
    }
    html << table_html({"id", "challenger", "targets", "issue", "demanded position"}, demand_rows);
    html << "</section>\n";
}

void key_events_section(std::ostringstream& html, RunDirKind kind, const detail::SummaryInfo& summary) {
    html << "<section id=\"key-events\">\n<h2>Key events</h2>\n";
    const auto& key_events = summary.raw.value("key_events", nlohmann::json::array());
    if (kind == RunDirKind::Ensemble || !key_events.is_array() || key_events.empty()) {
        html << "<p>"
             << (kind == RunDirKind::Ensemble
                     ? "An ensemble has no single event log; run one seed to see its events."
                     : "No key events were recorded.")
             << "</p>\n";
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& event : key_events) {
            rows.push_back(
                {time_text(event, summary), json_string(event, "type"), json_string(event, "description")});
        }
        html << table_html({"when", "type", "description"}, rows);
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
        charts.push_back({chart_file_stem(chart), chart_caption(chart),
                          [&dir, chart, &options] { return chart_script(dir, chart, options); }});
    }
    charts_section(html, dir, charts, options);
    scenario_section(html, summary);
    key_events_section(html, kind, summary);
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
    return "First-order (S1) and total (ST) Sobol indices of " + stem.substr(std::string("sobol_").size()) +
           ", with bootstrap 95% intervals.";
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
    html << table_html(points.header, points.rows) << "</section>\n";
    if (detail::file_exists(detail::join_path(dir, "sobol.csv"))) {
        const auto sobol = detail::read_csv(detail::join_path(dir, "sobol.csv"));
        html << "<section id=\"sobol\">\n<h2>Sobol indices</h2>\n"
             << table_html(sobol.header, sobol.rows) << "</section>\n";
    }
    std::vector<PageChart> charts;
    for (SweepChart& chart : sweep_chart_scripts(dir)) {
        charts.push_back({chart.stem, sweep_caption(chart.stem), [script = chart.script] { return script; }});
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

}  // namespace

void write_report(const std::string& dir, const PlotOptions& options) {
    const RunDirKind kind = detect_run_dir(dir);
    const std::string html =
        kind == RunDirKind::Sweep ? sweep_page(dir, options) : run_page(dir, kind, options);
    // Through io's atomic writer: a reader never sees half a report, and a killed run's temporary is cleared.
    io::remove_stale_temporaries(dir, {"report.html"});
    io::write_file_atomically(detail::join_path(dir, "report.html"), html);
}

}  // namespace brink::plots
