// brink io: what a scenario scheduled that a run ended before (docs/outputs.md, summary.json's
// "not_reached"): scripted events dated after the run ended, and demands never put on the table. Computed
// from the spec and the day the run ended, so that nothing a scenario asks for is dropped without a word.
#pragma once

#include "brink/model/run_result.hpp"
#include "brink/scenario.hpp"

#include <string>
#include <vector>

namespace brink::io {

/// One scripted event or demand the run never reached.
struct NotReached {
    std::string id;           ///< "events[3]": the event's place in the file's `events` list (from 0); or a
                              ///< demand's id
    double day = 0.0;         ///< The day it was due.
    std::string type;         ///< The scripted event's type ("meeting", ...), or "demand".
    std::string source;       ///< Actor id: the event's source or the demand's challenger.
    std::string description;  ///< Its description, or one made from its type, source and targets.
};

/// The day the run ended: the outcome's day, except for a war that was fought on (docs/model.md §12.2):
/// the day it ended, or the horizon when it was still fought there.
double run_end_day(const ScenarioSpec& spec, const model::RunResult& result);

/// Scripted events dated after run_end_day (an event on that very day counts as reached), then demands made
/// after it that no reached scripted `demand` event put on the table, in the scenario's order.
std::vector<NotReached> not_reached(const ScenarioSpec& spec, const model::RunResult& result);

/// The one warning line for people, or "" when nothing was missed: "the run ended on day 41 (2022-03-04);
/// 2 scripted events and 1 demand dated after it never happened: <first three>, ...; summary.json lists them
/// under not_reached".
std::string not_reached_warning(const ScenarioSpec& spec, const model::RunResult& result,
                                const std::vector<NotReached>& missed);

}  // namespace brink::io
