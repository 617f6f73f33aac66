// brink io: scenario files (YAML) -> ScenarioSpec, with every problem reported (docs/scenario-format.md).
// The related concepts have headers of their own: overrides.hpp (`--set`), validation.hpp (the rules of a
// spec built in code), scenario_dump.hpp (back to YAML), calendar.hpp (dates), scenario_schema.hpp (the
// generated schema.json and reference tables).
#pragma once

#include "brink/io/diagnostics.hpp"
#include "brink/scenario.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brink::io {

/// The result of loading: a spec when there were no errors, and every diagnostic found.
struct LoadResult {
    std::optional<ScenarioSpec> spec;
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return spec.has_value() && diagnostics.empty(); }
};

/// Loads and validates a scenario file. Never throws on bad input: problems become diagnostics.
LoadResult load_scenario_file(const std::string& path);

/// Loads and validates YAML text; `file_name` is used in diagnostics. Safe for a fuzzer to drive.
LoadResult load_scenario_string(std::string_view yaml_text, const std::string& file_name);

/// The bundled default scenario's path (scenarios/ukraine_2022.yaml), found from any working directory:
/// $BRINK_SCENARIO_DIR, then <dir of the executable>/../scenarios and the source tree it was built from.
std::string default_scenario_path();

}  // namespace brink::io
