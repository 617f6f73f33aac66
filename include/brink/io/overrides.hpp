// brink io: `--set path=value`: one value of a spec, addressed by a dotted path, set from text with the
// loader's strictness (docs/scenario-format.md, "Overrides"). The keys a path may name, their types and
// ranges come from the schema table; the path grammar (actors.<id>.<key>, relations.<a>.<b>, ...) is written
// here.
#pragma once

#include "brink/io/diagnostics.hpp"
#include "brink/scenario.hpp"

#include <string_view>
#include <vector>

namespace brink::io {

/// Applies one `path=value` override (e.g. "actors.russia.resolve", "0.8") to the spec. Returns diagnostics
/// (file "--set") for an unknown path (with a suggestion), a value of the wrong type or out of range, or a
/// spec that would no longer validate; the spec is then left unchanged.
std::vector<Diagnostic> apply_override(ScenarioSpec& spec, std::string_view path, std::string_view value);

/// Parses "path=value" and applies it (see apply_override).
std::vector<Diagnostic> apply_override_assignment(ScenarioSpec& spec, std::string_view assignment);

}  // namespace brink::io
