// Sweep files (YAML, docs/sweeps.md) -> SweepSpec, with diagnostics. The text goes through io's guarded
// YAML base (size, nodes with aliases expanded, yaml-cpp's depth limit), as scenario files do, and a fuzzer
// drives load_sweep_string (tests/fuzz/fuzz_sweep_file.cpp).
#include "brink/io/numbers.hpp"
#include "brink/io/yaml_reader.hpp"
#include "brink/sweep/sweep.hpp"

#include "sweep_load.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace brink::sweep {
namespace {

using detail::SweepDiagnostics;

const std::vector<std::string> k_top_keys{"name",         "scenario", "design",      "samples",
                                          "replications", "seed",     "design_seed", "metrics",
                                          "bootstrap",    "set",      "parameters"};
const std::vector<std::string> k_parameter_keys{"path", "values", "low", "high", "range"};

std::string resolve_scenario_path(const std::string& scenario, const std::string& sweep_file) {
    const std::filesystem::path path(scenario);
    if (path.is_absolute() || sweep_file.empty()) {
        return scenario;
    }
    const std::filesystem::path directory = std::filesystem::path(sweep_file).parent_path();
    return directory.empty() ? scenario : (directory / path).lexically_normal().string();
}

// The entries of a mapping node, each counted against the node budget (stops when it is spent).
std::vector<std::pair<YAML::Node, YAML::Node>> entries_of(const YAML::Node& map, SweepDiagnostics& reader) {
    std::vector<std::pair<YAML::Node, YAML::Node>> entries;
    for (auto it = map.begin(); it != map.end() && reader.visit(); ++it) {
        entries.emplace_back(it->first, it->second);
    }
    return entries;
}

// The items of a sequence node, each counted against the node budget.
std::vector<YAML::Node> items_of(const YAML::Node& sequence, SweepDiagnostics& reader) {
    std::vector<YAML::Node> items;
    for (auto it = sequence.begin(); it != sequence.end() && reader.visit(); ++it) {
        items.push_back(*it);
    }
    return items;
}

// `values:` of a parameter: a list (of numbers, or of any scalars and lists of scalars, which are labels
// set as `--set` text: the list [usa, nato] is "[usa, nato]") or "lo:hi:n"; false (reported) on a problem.
bool read_values(const YAML::Node& value, SweepDiagnostics& reader, ParameterSpec& parameter) {
    if (value.IsSequence()) {
        bool ok = true;
        std::vector<std::string> texts;
        for (const auto& item : items_of(value, reader)) {
            if (item.IsSequence()) {
                std::string joined;
                for (const auto& element : items_of(item, reader)) {
                    const auto text = reader.text(element, "values");
                    ok = ok && text.has_value();
                    joined += (joined.empty() ? "" : ", ") + text.value_or("");
                }
                texts.push_back("[" + joined + "]");
                continue;
            }
            const auto text = reader.text(item, "values");
            ok = ok && text.has_value();
            texts.push_back(text.value_or(""));
        }
        if (value.size() == 0) {
            reader.error(value, "'values' must not be empty");
            ok = false;
        }
        if (ok) {
            set_grid_levels(parameter, texts);
        }
        return ok;
    }
    if (value.IsScalar()) {
        std::string problem;
        const auto values = parse_values(value.Scalar(), &problem);
        if (!values) {
            reader.error(value, "'values': " + problem);
            return false;
        }
        parameter.values = *values;
        return true;
    }
    reader.error(value, "'values' must be a list or 'lo:hi:n'");
    return false;
}

// One key of a parameter; false (reported) on a problem.
bool read_parameter_key(const YAML::Node& key_node, const YAML::Node& value, SweepDiagnostics& reader,
                        ParameterSpec& parameter) {
    const std::string key = key_node.Scalar();
    if (key == "path") {
        const auto path = reader.text(value, key);
        parameter.path = path.value_or("");
        return path.has_value();
    }
    if (key == "values") {
        return read_values(value, reader, parameter);
    }
    if (key == "low" || key == "high") {
        const auto number = reader.number(value, key);
        (key == "low" ? parameter.low : parameter.high) = number.value_or(k_unset);
        return number.has_value();
    }
    if (key == "range") {
        if (!value.IsSequence() || value.size() != 2) {
            reader.error(value, "'range' must be [low, high]");
            return false;
        }
        const auto low = reader.number(value[0], "range");
        const auto high = reader.number(value[1], "range");
        parameter.low = low.value_or(k_unset);
        parameter.high = high.value_or(k_unset);
        return low && high;
    }
    reader.unknown_key(key_node, key, k_parameter_keys);
    return false;
}

std::optional<ParameterSpec> read_parameter(const YAML::Node& node, SweepDiagnostics& reader) {
    if (!node.IsMap()) {
        reader.error(node, "each parameter must be a map with 'path' and 'values' or 'low'/'high'");
        return std::nullopt;
    }
    ParameterSpec parameter;
    bool ok = true;
    for (const auto& [key_node, value] : entries_of(node, reader)) {
        ok = read_parameter_key(key_node, value, reader, parameter) && ok;
    }
    if (parameter.path.empty()) {
        reader.error(node, "a parameter needs 'path' (as for --set, e.g. actors.russia.resolve)");
        ok = false;
    }
    if (!parameter.values.empty() && parameter.labels.empty() && std::isnan(parameter.low) &&
        std::isnan(parameter.high)) {
        // A value list also defines the range, so the same parameter works with every design.
        const auto [lo, hi] = std::minmax_element(parameter.values.begin(), parameter.values.end());
        parameter.low = *lo;
        parameter.high = *hi;
    }
    if (!std::isnan(parameter.low) && !std::isnan(parameter.high) && parameter.low > parameter.high) {
        reader.error(node, "parameter '" + parameter.path + "': low > high");
        ok = false;
    }
    if (!ok) {
        return std::nullopt;
    }
    return parameter;
}

// What the top level of a sweep file gives beyond the SweepSpec's own fields.
struct FileState {
    SweepSpec spec;
    std::optional<std::uint64_t> seed;
    std::optional<std::uint64_t> design_seed;
    std::vector<detail::FixedOverride> overrides;
    std::vector<int> parameter_lines;
};

void read_design(const YAML::Node& value, SweepDiagnostics& reader, FileState& state) {
    const auto name = reader.text(value, "design");
    const auto kind = name ? design_kind_from_string(*name) : std::nullopt;
    if (name && !kind) {
        reader.error(value, "unknown design '" + *name + "' (grid, lhs, monte_carlo, sobol)");
    }
    state.spec.design = kind.value_or(DesignKind::Grid);
}

void read_seed(const std::string& key, const YAML::Node& value, SweepDiagnostics& reader, FileState& state) {
    const auto scalar = reader.text(value, key);
    if (!scalar) {
        return;
    }
    const auto parsed = io::parse_unsigned(*scalar);
    if (!parsed) {
        reader.error(value, "'" + key + "' must be an unsigned 64-bit integer");
    } else {
        (key == "seed" ? state.seed : state.design_seed) = *parsed;
    }
}

void read_metrics(const YAML::Node& value, SweepDiagnostics& reader, FileState& state) {
    if (!value.IsSequence()) {
        reader.error(value, "'metrics' must be a list, e.g. [p_war, mean_peak_rung]");
        return;
    }
    for (const auto& item : items_of(value, reader)) {
        const auto name = reader.text(item, "metrics");
        const auto metric = name ? sweep_metric_from_string(*name) : std::nullopt;
        if (name && !metric) {
            reader.error(item, "unknown metric '" + *name +
                                   "' (p_war, p_settlement, mean_peak_rung, mean_time_to_war)");
        } else if (metric) {
            state.spec.metrics.push_back(*metric);
        }
    }
}

void read_set(const YAML::Node& value, SweepDiagnostics& reader, FileState& state) {
    if (!value.IsMap()) {
        reader.error(value, "'set' must be a map of path: value (as --set)");
        return;
    }
    for (const auto& [key_node, item] : entries_of(value, reader)) {
        if (const auto scalar = reader.text(item, key_node.Scalar())) {
            state.overrides.emplace_back(key_node.Scalar() + "=" + *scalar, item);
            state.spec.fixed_overrides.push_back(key_node.Scalar() + "=" + *scalar);
        }
    }
}

void read_parameters(const YAML::Node& value, SweepDiagnostics& reader, FileState& state) {
    if (!value.IsSequence() || value.size() == 0) {
        reader.error(value, "'parameters' must be a non-empty list");
        return;
    }
    for (const auto& item : items_of(value, reader)) {
        if (auto parameter = read_parameter(item, reader)) {
            state.spec.parameters.push_back(std::move(*parameter));
            state.parameter_lines.push_back(item.Mark().line + 1);
        }
    }
}

void read_top_key(const YAML::Node& key_node, const YAML::Node& value, SweepDiagnostics& reader,
                  FileState& state) {
    const std::string key = key_node.Scalar();
    SweepSpec& spec = state.spec;
    if (key == "name") {
        spec.name = reader.text(value, key).value_or(spec.name);
    } else if (key == "scenario") {
        spec.scenario_path = reader.text(value, key).value_or("");
    } else if (key == "design") {
        read_design(value, reader, state);
    } else if (key == "samples") {
        spec.samples = static_cast<int>(reader.integer(value, key, 1, detail::k_max_samples).value_or(0));
    } else if (key == "replications") {
        spec.replications =
            static_cast<int>(reader.integer(value, key, 1, detail::k_max_replications).value_or(1));
    } else if (key == "seed" || key == "design_seed") {
        read_seed(key, value, reader, state);
    } else if (key == "metrics") {
        read_metrics(value, reader, state);
    } else if (key == "bootstrap") {
        spec.bootstrap = static_cast<int>(reader.integer(value, key, 0, 100'000).value_or(1000));
    } else if (key == "set") {
        read_set(value, reader, state);
    } else if (key == "parameters") {
        read_parameters(value, reader, state);
    } else {
        reader.unknown_key(key_node, key, k_top_keys);
    }
}

SweepLoadResult load_parsed(const YAML::Node& root, const std::string& file_name, SweepDiagnostics& reader) {
    if (!root.IsMap()) {
        reader.error(root, "a sweep file is a map with at least 'scenario' and 'parameters'");
        return detail::rejected(reader);
    }
    FileState state;
    state.spec.source_path = file_name;
    state.spec.name = std::filesystem::path(file_name).stem().string();
    for (const auto& [key_node, value] : entries_of(root, reader)) {
        read_top_key(key_node, value, reader, state);
    }
    if (state.spec.scenario_path.empty()) {
        reader.error(root, "missing 'scenario' (path of the base scenario, relative to this file)");
    }
    if (state.spec.metrics.empty()) {
        state.spec.metrics.push_back(SweepMetric::PWar);
    }
    if (!reader.clean() ||
        !detail::load_base(state.spec, reader, resolve_scenario_path(state.spec.scenario_path, file_name),
                           state.overrides)) {
        return detail::rejected(reader);
    }
    state.spec.seed = state.seed.value_or(state.spec.base.metadata.seed);
    state.spec.design_seed = state.design_seed.value_or(state.spec.seed);
    return detail::finish(std::move(state.spec), reader, state.parameter_lines);
}

}  // namespace

SweepLoadResult load_sweep_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        SweepLoadResult result;
        result.diagnostics.push_back({path, 0, 0, "cannot open the sweep file"});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return load_sweep_string(text.str(), path);
}

SweepLoadResult load_sweep_string(std::string_view yaml_text, const std::string& file_name) {
    SweepDiagnostics reader(file_name);
    try {
        const io::YamlInput input = io::parse_yaml(yaml_text, io::Documents::First);
        if (input.error) {
            const io::YamlError& error = *input.error;
            // yaml-cpp's own words for a syntax error, as sweep files always had them.
            reader.error_at(error.where,
                            error.failure == io::YamlFailure::Syntax ? error.detail : error.message());
            return detail::rejected(reader);
        }
        return load_parsed(input.root, file_name, reader);
    } catch (const std::exception& e) {
        // yaml-cpp may throw from node access on inputs its parser accepted; never let it escape.
        SweepLoadResult result;
        result.diagnostics.push_back(
            {file_name, 0, 0, std::string("cannot read the sweep file: ") + e.what()});
        return result;
    }
}

}  // namespace brink::sweep
