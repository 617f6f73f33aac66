// A run's events in words for the report (report_events.hpp).
#include "report_events.hpp"

#include "brink/io/numbers.hpp"
#include "brink/plots/render.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <utility>

namespace brink::plots::detail {
namespace {

// Positions in the report: two decimals at most, as the scenario files write them.
std::string position_number(double value) {
    return io::format_number(std::round(value * 100.0) / 100.0);
}

bool named_end(const std::string& label, const char* placeholder) {
    return !label.empty() && label != placeholder;
}

}  // namespace

std::string day_text(double day) {
    double rounded = std::round(day * 10.0) / 10.0;
    if (rounded == 0.0) {
        rounded = 0.0;  // no "-0"
    }
    return io::format_number(rounded);
}

std::string when_text(const std::string& date, double day) {
    return date.empty() ? "day " + day_text(day) : date + " (day " + day_text(day) + ")";
}

std::vector<ReportEvent> merge_repeated_events(const std::vector<ReportEvent>& events) {
    std::vector<ReportEvent> merged;
    for (const ReportEvent& event : events) {
        if (!merged.empty()) {
            ReportEvent& last = merged.back();
            if (last.time == event.time && last.type == event.type && last.source == event.source &&
                last.issue == event.issue && last.description == event.description) {
                for (const std::string& target : event.targets) {
                    if (std::find(last.targets.begin(), last.targets.end(), target) == last.targets.end()) {
                        last.targets.push_back(target);
                    }
                }
                last.key = last.key || event.key;
                last.logged += event.logged;
                continue;
            }
        }
        merged.push_back(event);
    }
    return merged;
}

std::size_t logged_count(const std::vector<ReportEvent>& events) {
    std::size_t count = 0;
    for (const ReportEvent& event : events) {
        count += static_cast<std::size_t>(event.logged);
    }
    return count;
}

std::vector<ReportEvent> load_report_events(const std::string& dir) {
    const std::string path = join_path(dir, "events.csv");
    if (!file_exists(path)) {
        return {};
    }
    const CsvTable table = read_csv(path);
    const auto column = [&table](std::string_view name) {
        try {
            return table.column(name);
        } catch (const io::CsvError& error) {
            throw PlotError(error.what());
        }
    };
    const std::size_t time = column("time");
    const std::size_t date = column("date");
    const std::size_t type = column("type");
    const std::size_t source = column("source");
    const std::size_t target = column("target");
    const std::size_t issue = column("issue");
    const std::size_t value = column("value");
    const std::size_t key = column("key");
    const std::size_t description = column("description");
    std::vector<ReportEvent> events;
    events.reserve(table.rows.size());
    for (const auto& row : table.rows) {
        const std::optional<double> at = parse_number(row[time], table, "time");
        if (!at) {
            continue;
        }
        ReportEvent event;
        event.time = *at;
        event.date = row[date];
        event.type = row[type];
        event.source = row[source];
        if (!row[target].empty()) {
            event.targets.push_back(row[target]);
        }
        event.issue = row[issue];
        event.value = parse_number(row[value], table, "value");
        event.key = row[key] == "1";
        event.description = row[description];
        events.push_back(std::move(event));
    }
    return merge_repeated_events(events);
}

std::string event_type_words(const std::string& type) {
    static const std::array<std::pair<std::string_view, std::string_view>, 37> k_words{{
        {"statement", "statement"},
        {"meeting", "meeting"},
        {"demand", "demand"},
        {"reject", "rejection"},
        {"support", "declares support"},
        {"threat", "warning or threat"},
        {"sanction", "sanctions"},
        {"mobilisation", "mobilisation"},
        {"concession", "concession"},
        {"hold", "holds its course"},
        {"escalate", "escalates"},
        {"de_escalate", "steps back"},
        {"propose_talks", "proposes talks"},
        {"talks_agreement", "agreement"},
        {"talks_partial", "talks go on"},
        {"talks_failed", "talks fail"},
        {"talks_called_off", "talks called off"},
        {"reiterate", "repeats a demand"},
        {"request_support", "asks for support"},
        {"answer_request", "promises support"},
        {"decline_request", "declines to help"},
        {"rung_crossing", "escalation"},
        {"bdm_round", "bargaining round"},
        {"deadline_passed", "deadline passes"},
        {"war", "war"},
        {"settlement", "settlement"},
        {"capitulation", "capitulation"},
        {"standoff", "standoff"},
        {"clash", "armed clash"},
        {"seizure", "seizure"},
        {"accept_seizure", "accepts a seizure"},
        {"join_war", "joins the war"},
        {"battle", "battle"},
        {"mediation", "mediation"},
        {"ceasefire", "ceasefire"},
        {"war_end", "war ends"},
        {"fait_accompli", "fait accompli"},
    }};
    for (const auto& [name, words] : k_words) {
        if (name == type) {
            return std::string(words);
        }
    }
    std::string words = type;
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

std::string event_actors_text(const ReportEvent& event, const SummaryInfo& summary) {
    std::string text = event.source.empty() ? std::string() : summary.actor_name(event.source);
    std::string targets;
    for (const std::string& target : event.targets) {
        targets += (targets.empty() ? "" : ", ") + summary.actor_name(target);
    }
    if (targets.empty()) {
        return text;
    }
    return text.empty() ? "→ " + targets : text + " → " + targets;
}

std::string position_words(const std::string& issue, double value, const SummaryInfo& summary) {
    const auto found = std::find_if(summary.issues.begin(), summary.issues.end(),
                                    [&issue](const IssueInfo& info) { return info.id == issue; });
    std::string text =
        (found == summary.issues.end() ? issue : found->name) + " at " + position_number(value);
    if (found != summary.issues.end()) {
        if (value >= 0.5 && named_end(found->high, "1")) {
            text += " (1 = " + found->high + ")";
        } else if (value < 0.5 && named_end(found->low, "0")) {
            text += " (0 = " + found->low + ")";
        }
    }
    return text;
}

std::string event_text(const ReportEvent& event, const SummaryInfo& summary) {
    std::string text = event.description.empty() ? event_type_words(event.type) : event.description;
    if (event.issue.empty() || !event.value) {
        return text;
    }
    if (event.type == "bdm_round") {
        // The model's "(weighted median 0.20)" in words: where the actors' positions, weighted by
        // capability and salience (docs/model.md §6), meet.
        const std::string name = position_words(event.issue, *event.value, summary);
        return "Positions shift in a round of bargaining among all actors; their middle ground is now " +
               name;
    }
    if (event.type == "concession") {
        text += "; position now " + position_words(event.issue, *event.value, summary);
    } else if (event.type == "talks_agreement") {
        text += "; agreed: " + position_words(event.issue, *event.value, summary);
    }
    return text;
}

bool is_headline_event(const std::string& type) {
    static const std::array<std::string_view, 19> k_headline{
        "demand",           "deadline_passed", "rung_crossing", "talks_agreement",
        "talks_called_off", "concession",      "war",           "join_war",
        "war_end",          "ceasefire",       "mediation",     "settlement",
        "capitulation",     "standoff",        "seizure",       "accept_seizure",
        "fait_accompli",    "clash",           "reject"};
    return std::find(k_headline.begin(), k_headline.end(), type) != k_headline.end();
}

}  // namespace brink::plots::detail
