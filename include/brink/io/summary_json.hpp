// brink io: the parts of summary.json that describe the scenario, written once for a run's summary.json
// (run_writer.hpp) and an ensemble's (sweep/ensemble.hpp), and JSON text as brink writes every JSON file
// (docs/outputs.md).
#pragma once

#include "brink/scenario.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace brink::io {

/// JSON whose objects keep the documented key order.
using OrderedJson = nlohmann::ordered_json;

/// A number, or null when it is not finite (no NaN in any output).
OrderedJson json_number(double value);

/// A string, or null when it is empty (an absent value).
OrderedJson json_string_or_null(const std::string& text);

/// summary.json's "scenario": {"name", "path", "start_date", "horizon_days"}; the start date is null when
/// the scenario has none (both summaries; docs/outputs.md).
OrderedJson scenario_summary(const ScenarioSpec& spec, const std::string& path);

/// How much of each demand summary.json's "demands" gives.
enum class DemandFields {
    WithTerms,  ///< id, challenger, targets, issue, value, deadline, threat: a run's summary.json
    Basic,      ///< id, challenger, targets, issue, value: an ensemble's summary.json
};

/// Sets summary.json's "actors", "issues", "ladder" and "demands" (in that order) of `json`.
void set_scenario_tables(OrderedJson& json, const ScenarioSpec& spec, DemandFields demands);

/// JSON text as brink writes it: a two-space indent and a final line feed; strings from scenario files that
/// are not valid UTF-8 have the bad bytes replaced (U+FFFD) rather than failing halfway through the output.
std::string json_text(const OrderedJson& json);

}  // namespace brink::io
