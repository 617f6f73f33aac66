// brink io: files generated from the schema table (sim/io/scenario_schema.cpp), where every scenario key is
// declared once: scenarios/schema.json (JSON Schema 2020-12, for editors and the schema test) and the key
// tables of docs/scenario-format.md. A test compares them with the committed files; `brink
// generate-schema-files` rewrites them.
#pragma once

#include <string>
#include <string_view>

namespace brink::io {

/// scenarios/schema.json: two-space indent, a final line feed.
std::string scenario_json_schema();

/// The names of the generated blocks of docs/scenario-format.md: "keys" (a table of keys per section, with
/// the default ladder) and "overrides" (the paths `--set` accepts).
inline constexpr std::string_view k_reference_blocks[] = {"keys", "overrides"};

/// The Markdown of one generated block. Throws std::invalid_argument for an unknown name.
std::string scenario_reference_markdown(std::string_view block);

/// `document` (docs/scenario-format.md) with the text between each block's markers
/// (`<!-- BEGIN GENERATED: keys ... -->`, `<!-- END GENERATED: keys -->`) replaced by the block as generated
/// now. Throws std::runtime_error naming a block whose markers are missing.
std::string update_scenario_reference(const std::string& document);

}  // namespace brink::io
