// brink io: one run's output files, exactly as docs/outputs.md specifies them: trajectory.csv, events.csv,
// dyads.csv and summary.json. Dates come from the scenario's metadata.start_date.
#pragma once

#include "brink/model/run_result.hpp"
#include "brink/scenario.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace brink::io {

/// The files write_run() writes, in the order it writes them.
inline constexpr const char* k_run_files[] = {"trajectory.csv", "events.csv", "dyads.csv", "bdm_rounds.csv",
                                              "summary.json"};

/// The calendar date (`YYYY-MM-DD`) of day floor(`time`) of the scenario, or "" when the scenario has no
/// (valid) start date or `time` is not finite.
std::string date_at(const ScenarioSpec& spec, double time);

/// trajectory.csv: `time,date,actor,metric,value`, sorted by time, then the scenario's actor order, then
/// metric (rung, pressure, position:<issue> in issue order, expected_support, p_prevail).
std::string trajectory_csv(const ScenarioSpec& spec, const model::RunResult& result);

/// events.csv: `time,date,seq,type,source,target,issue,value,cameo,goldstein,key,description`, in log order.
std::string events_csv(const ScenarioSpec& spec, const model::RunResult& result);

/// dyads.csv: `day,date,source,target,goldstein_sum,events`, sorted by day, then source and target in the
/// scenario's actor order.
std::string dyads_csv(const ScenarioSpec& spec, const model::RunResult& result);

/// bdm_rounds.csv: `time,date,issue,round,actor,other,position,other_position,median,mean,spread,votes,
/// probability,expected_utility,perceived_utility,risk,outcome,offer,new_position,moved_to`, one row per
/// ordered pair (i, j) of every BDM round (docs/model.md §6), by time, issue, actor and other; the header
/// alone when `output.bdm_rounds` is false.
std::string bdm_rounds_csv(const ScenarioSpec& spec, const model::RunResult& result);

/// summary.json (pretty-printed, two-space indent, trailing newline). `command_line` is recorded verbatim.
std::string summary_json(const ScenarioSpec& spec, const model::RunResult& result,
                         const std::string& command_line);

/// Writes the five files of k_run_files into `dir` (created with its parents if missing), all-or-nothing:
/// every file goes to a temporary first and the temporaries are renamed only once all five are complete on
/// disk. Throws IoError naming the path on any failure, leaving no temporary behind.
void write_run(const std::filesystem::path& dir, const ScenarioSpec& spec, const model::RunResult& result,
               const std::string& command_line);

/// Joins argv into one line for summary.json, quoting arguments that contain spaces or shell metacharacters.
std::string command_line_text(const std::vector<std::string>& arguments);

}  // namespace brink::io
