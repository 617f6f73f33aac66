// brink io: parameter files (`brink score --params FILE`): YAML that sets model parameters for every
// scenario a command runs, in the path grammar of `--set` (overrides.hpp). Nested mappings and dotted keys
// are the same thing:
//
//   model:
//     rationality: 8
//     mechanisms:
//       beliefs: false
//   model.reaction: 0.05
//
// gives "model.rationality=8", "model.mechanisms.beliefs=false", "model.reaction=0.05" in file order.
// Only `model.*` paths are accepted: a parameter file holds the model's global parameters, never one
// scenario's actors (docs/cli.md, "brink score").
#pragma once

#include "brink/io/diagnostics.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace brink::io {

/// A parameter file read into `--set` assignments.
struct ParameterFile {
    std::vector<std::string> assignments;  ///< "path=value", in file order.
    std::vector<Diagnostic> diagnostics;   ///< file:line:column problems; assignments are unusable if any.
    /// True when there were no diagnostics.
    bool ok() const { return diagnostics.empty(); }
};

/// Reads a parameter file (guarded like every YAML input: yaml_reader.hpp). An empty file gives no
/// assignments. Problems: not YAML, a top level that is not a mapping, a sequence or an empty value, a path
/// outside `model.`; the values themselves are checked when the assignments are applied (apply_override).
ParameterFile load_parameter_file(const std::string& path);

/// Same from text; `file_name` names it in diagnostics.
ParameterFile parse_parameter_file(std::string_view text, const std::string& file_name);

}  // namespace brink::io
