// brink plots (private): a run's events as the report shows them to a policy reader: days rounded, rows the
// log repeats (a scripted demand to two targets is logged once per target) merged, event types in words,
// actors by name and positions in the words of the scenario's issues.
#pragma once

#include "run_data.hpp"

#include <optional>
#include <string>
#include <vector>

namespace brink::plots::detail {

/// A day for people: one decimal at most ("2.9", "-84", "0"); never sixteen digits.
std::string day_text(double day);

/// "2022-01-24 (day 2.9)", or "day 2.9" without a date.
std::string when_text(const std::string& date, double day);

/// One row of the report's event tables.
struct ReportEvent {
    double time = 0.0;                 ///< Days from the start.
    std::string date;                  ///< YYYY-MM-DD, or empty.
    std::string type;                  ///< events.csv's type ("rung_crossing", ...).
    std::string source;                ///< Actor id, or empty.
    std::vector<std::string> targets;  ///< Actor ids (several when rows were merged).
    std::string issue;                 ///< Issue id, or empty.
    std::optional<double> value;       ///< events.csv's value, if any.
    bool key = false;                  ///< A key event.
    std::string description;           ///< As logged.
    int logged = 1;                    ///< Rows of events.csv this row stands for (one per target).
};

/// The rows of events.csv a list of report rows stands for (what the CLI and the events chart count).
std::size_t logged_count(const std::vector<ReportEvent>& events);

/// DIR/events.csv as report rows, rows that differ only in their target merged into one (targets in log
/// order); empty when the file is absent. Throws PlotError on a malformed file.
std::vector<ReportEvent> load_report_events(const std::string& dir);

/// Merges consecutive events of the same time, type, source, issue and description (their targets joined).
std::vector<ReportEvent> merge_repeated_events(const std::vector<ReportEvent>& events);

/// An event type in words: "rung_crossing" -> "escalation", "request_support" -> "asks for support".
std::string event_type_words(const std::string& type);

/// "Russia → United States, NATO" (names, not ids); the source alone without targets.
std::string event_actors_text(const ReportEvent& event, const SummaryInfo& summary);

/// A position on an issue in the scenario's words: "NATO enlargement at 0.83 (1 = no enlargement, ever)",
/// the nearer end named; the issue's id when the summary does not list it.
std::string position_words(const std::string& issue, double value, const SummaryInfo& summary);

/// The description, with where a concession or an agreement left the issue in the issue's words (a round
/// of bargaining says where the actors' middle ground is, instead of the model's "weighted median"):
/// "Fumio Kishida concedes ground to China on Ukraine's alignment; position now Ukraine's alignment at 0.42
/// (0 = Western integration)".
std::string event_text(const ReportEvent& event, const SummaryInfo& summary);

/// Whether an event is one of the turns of a crisis a reader looks for first (demands, deadlines,
/// escalation, agreements, wars and their end, the outcome), as opposed to the traffic around them
/// (declarations of support, warnings, rounds of talks).
bool is_headline_event(const std::string& type);

}  // namespace brink::plots::detail
