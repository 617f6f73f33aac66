// brink io: the rules a ScenarioSpec obeys (ranges, references, uniqueness, dates against the start date,
// days against the horizon), for a spec built in code; the loader applies the same rules with file positions.
#pragma once

#include "brink/io/diagnostics.hpp"
#include "brink/scenario.hpp"

#include <string>
#include <vector>

namespace brink::io {

/// Every problem of a spec, without source positions; `file_name` names it in the diagnostics.
std::vector<Diagnostic> validate_spec(const ScenarioSpec& spec, const std::string& file_name);

}  // namespace brink::io
