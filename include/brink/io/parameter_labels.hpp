// brink io: a sweep parameter's path (docs/scenario-format.md, "Overrides") as a reader's label, with the
// scenario's own names: "actors.russia.resolve" -> "Russia · resolve", "relations.commitments.usa.ukraine" ->
// "commitment United States → Ukraine". Charts and tables show these; files keep the paths.
#pragma once

#include "brink/scenario.hpp"

#include <string>
#include <string_view>

namespace brink::io {

/// The label of an override path in `spec`'s names (actors, issues, alliances, rungs); keys are written with
/// spaces for underscores. An id the spec lacks stays the id; a path of no known form is its own label.
std::string parameter_label(const ScenarioSpec& spec, std::string_view path);

}  // namespace brink::io
