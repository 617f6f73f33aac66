// Sweep files (YAML, docs/sweeps.md) and the inline --param form -> SweepSpec, with diagnostics.
#include "brink/io/numbers.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/sweep/design.hpp"
#include "brink/sweep/sweep.hpp"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace brink::sweep {
namespace {

constexpr int k_max_samples = 10'000'000;
constexpr int k_max_replications = 1'000'000;
constexpr std::uint64_t k_max_runs = 1'000'000'000ULL;

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::optional<long long> parse_integer(std::string_view text) {
    text = trim(text);
    long long value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || result.ec != std::errc{} || result.ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

// Collects diagnostics with positions from yaml-cpp marks (0-based -> 1-based).
class Reader {
  public:
    explicit Reader(std::string file) : m_file(std::move(file)) {}

    void error(const YAML::Node& node, const std::string& message) {
        io::Diagnostic diagnostic{m_file, 0, 0, message};
        if (node.IsDefined()) {
            const YAML::Mark mark = node.Mark();
            if (mark.line >= 0) {
                diagnostic.line = mark.line + 1;
                diagnostic.column = mark.column + 1;
            }
        }
        m_diagnostics.push_back(std::move(diagnostic));
    }
    void error_at(int line, int column, const std::string& message) {
        m_diagnostics.push_back({m_file, line, column, message});
    }

    std::optional<std::string> text(const YAML::Node& node, const std::string& key) {
        if (!node.IsScalar()) {
            error(node, "'" + key + "' must be a scalar");
            return std::nullopt;
        }
        return node.Scalar();
    }
    std::optional<double> number(const YAML::Node& node, const std::string& key) {
        const auto scalar = text(node, key);
        if (!scalar) {
            return std::nullopt;
        }
        const auto value = io::parse_number(trim(*scalar));
        if (!value || !std::isfinite(*value)) {
            error(node, "'" + key + "' must be a number, not '" + *scalar + "'");
            return std::nullopt;
        }
        return value;
    }
    std::optional<long long> integer(const YAML::Node& node, const std::string& key, long long lo,
                                     long long hi) {
        const auto scalar = text(node, key);
        if (!scalar) {
            return std::nullopt;
        }
        const auto value = parse_integer(*scalar);
        if (!value || *value < lo || *value > hi) {
            error(node, "'" + key + "' must be an integer in [" + std::to_string(lo) + ", " +
                            std::to_string(hi) + "], not '" + *scalar + "'");
            return std::nullopt;
        }
        return value;
    }
    void unknown_key(const YAML::Node& key_node, const std::string& key,
                     const std::vector<std::string>& known) {
        std::string message = "unknown key '" + key + "'";
        const std::string suggestion = io::closest_match(key, known);
        if (!suggestion.empty()) {
            message += " (did you mean '" + suggestion + "'?)";
        }
        error(key_node, message);
    }

    const std::string& file() const { return m_file; }
    std::vector<io::Diagnostic>& diagnostics() { return m_diagnostics; }

  private:
    std::string m_file;
    std::vector<io::Diagnostic> m_diagnostics;
};

std::string resolve_scenario_path(const std::string& scenario, const std::string& sweep_file) {
    const std::filesystem::path path(scenario);
    if (path.is_absolute() || sweep_file.empty()) {
        return scenario;
    }
    const std::filesystem::path directory = std::filesystem::path(sweep_file).parent_path();
    return directory.empty() ? scenario : (directory / path).lexically_normal().string();
}

// Checks that each parameter path is accepted by io::apply_override, on a throw-away copy of the base.
void check_parameter_paths(const SweepSpec& spec, std::vector<io::Diagnostic>& diagnostics,
                           const std::string& file, const std::vector<int>& lines) {
    for (std::size_t j = 0; j < spec.parameters.size(); ++j) {
        const ParameterSpec& parameter = spec.parameters[j];
        std::vector<double> probes = parameter.values;
        if (probes.empty()) {
            probes = {parameter.low, parameter.high};
        }
        for (double probe : probes) {
            ScenarioSpec copy = spec.base;
            auto problems = io::apply_override(copy, parameter.path, io::format_number(probe));
            if (!problems.empty()) {
                for (auto& problem : problems) {
                    problem.file = file;
                    problem.line = j < lines.size() ? lines[j] : 0;
                    problem.column = 0;
                    problem.message = "parameter '" + parameter.path + "' = " + io::format_number(probe) +
                                      ": " + problem.message;
                    diagnostics.push_back(std::move(problem));
                }
                break;
            }
        }
    }
}

// Range checks and design-specific requirements shared by the file and inline forms.
void check_design(const SweepSpec& spec, Reader& reader) {
    if (spec.parameters.empty()) {
        reader.error_at(0, 0, "a sweep needs at least one parameter");
        return;
    }
    for (const auto& parameter : spec.parameters) {
        if (spec.design == DesignKind::Grid) {
            if (parameter.values.empty()) {
                reader.error_at(0, 0, "grid parameter '" + parameter.path + "' needs 'values'");
            }
        } else if (!(parameter.low <= parameter.high)) {
            reader.error_at(0, 0,
                            std::string(to_string(spec.design)) + " parameter '" + parameter.path +
                                "' needs 'low' <= 'high' (or 'range: [low, high]')");
        }
    }
    if (spec.design != DesignKind::Grid && spec.samples < 1) {
        reader.error_at(0, 0, std::string("design '") + to_string(spec.design) + "' needs 'samples' >= 1");
    }
    if (spec.design == DesignKind::Sobol &&
        static_cast<int>(spec.parameters.size()) > max_sobol_parameters()) {
        reader.error_at(0, 0,
                        "a Sobol design supports at most " + std::to_string(max_sobol_parameters()) +
                            " parameters (embedded Joe-Kuo direction numbers)");
    }
    std::uint64_t points = 1;
    if (spec.design == DesignKind::Grid) {
        for (const auto& parameter : spec.parameters) {
            points *= std::max<std::uint64_t>(1, parameter.values.size());
            if (points > k_max_runs) {
                break;
            }
        }
    } else {
        points = static_cast<std::uint64_t>(std::max(spec.samples, 0));
        if (spec.design == DesignKind::Sobol) {
            points *= spec.parameters.size() + 2;
        }
    }
    if (points * static_cast<std::uint64_t>(std::max(spec.replications, 1)) > k_max_runs) {
        reader.error_at(0, 0, "the sweep has more than " + std::to_string(k_max_runs) + " runs");
    }
}

SweepLoadResult finish(SweepSpec spec, Reader& reader, const std::vector<int>& parameter_lines) {
    SweepLoadResult result;
    if (reader.diagnostics().empty()) {
        check_design(spec, reader);
    }
    if (reader.diagnostics().empty()) {
        check_parameter_paths(spec, reader.diagnostics(), reader.file(), parameter_lines);
    }
    result.diagnostics = std::move(reader.diagnostics());
    if (result.diagnostics.empty()) {
        result.spec = std::move(spec);
    }
    return result;
}

// Loads the base scenario and applies fixed overrides; diagnostics go to the reader.
bool load_base(SweepSpec& spec, Reader& reader, const std::string& resolved_path,
               const std::vector<std::pair<std::string, YAML::Node>>& overrides) {
    io::LoadResult loaded = io::load_scenario_file(resolved_path);
    for (auto& diagnostic : loaded.diagnostics) {
        reader.diagnostics().push_back(std::move(diagnostic));
    }
    if (!loaded.ok()) {
        return false;
    }
    spec.base = std::move(*loaded.spec);
    for (const auto& [assignment, node] : overrides) {
        auto problems = io::apply_override_assignment(spec.base, assignment);
        for (auto& problem : problems) {
            if (node.IsDefined()) {
                reader.error(node, problem.message);
            } else {
                reader.diagnostics().push_back(std::move(problem));
            }
        }
    }
    return reader.diagnostics().empty();
}

const std::vector<std::string> k_top_keys{"name",         "scenario", "design",      "samples",
                                          "replications", "seed",     "design_seed", "metrics",
                                          "bootstrap",    "set",      "parameters"};
const std::vector<std::string> k_parameter_keys{"path", "values", "low", "high", "range"};

std::optional<ParameterSpec> read_parameter(const YAML::Node& node, Reader& reader) {
    if (!node.IsMap()) {
        reader.error(node, "each parameter must be a map with 'path' and 'values' or 'low'/'high'");
        return std::nullopt;
    }
    ParameterSpec parameter;
    bool ok = true;
    for (const auto& entry : node) {
        const std::string key = entry.first.Scalar();
        const YAML::Node& value = entry.second;
        if (key == "path") {
            const auto path = reader.text(value, key);
            ok = ok && path.has_value();
            parameter.path = path.value_or("");
        } else if (key == "values") {
            if (value.IsSequence()) {
                for (const auto& item : value) {
                    const auto number = reader.number(item, "values");
                    ok = ok && number.has_value();
                    if (number) {
                        parameter.values.push_back(*number);
                    }
                }
                if (value.size() == 0) {
                    reader.error(value, "'values' must not be empty");
                    ok = false;
                }
            } else if (value.IsScalar()) {
                std::string problem;
                const auto values = parse_values(value.Scalar(), &problem);
                if (!values) {
                    reader.error(value, "'values': " + problem);
                    ok = false;
                } else {
                    parameter.values = *values;
                }
            } else {
                reader.error(value, "'values' must be a list of numbers or 'lo:hi:n'");
                ok = false;
            }
        } else if (key == "low" || key == "high") {
            const auto number = reader.number(value, key);
            ok = ok && number.has_value();
            (key == "low" ? parameter.low : parameter.high) = number.value_or(k_unset);
        } else if (key == "range") {
            if (!value.IsSequence() || value.size() != 2) {
                reader.error(value, "'range' must be [low, high]");
                ok = false;
            } else {
                const auto low = reader.number(value[0], "range");
                const auto high = reader.number(value[1], "range");
                ok = ok && low && high;
                parameter.low = low.value_or(k_unset);
                parameter.high = high.value_or(k_unset);
            }
        } else {
            reader.unknown_key(entry.first, key, k_parameter_keys);
            ok = false;
        }
    }
    if (parameter.path.empty()) {
        reader.error(node, "a parameter needs 'path' (as for --set, e.g. actors.russia.resolve)");
        ok = false;
    }
    if (!parameter.values.empty() && std::isnan(parameter.low) && std::isnan(parameter.high)) {
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

}  // namespace

const char* to_string(DesignKind kind) {
    switch (kind) {
        case DesignKind::Grid:
            return "grid";
        case DesignKind::LatinHypercube:
            return "lhs";
        case DesignKind::MonteCarlo:
            return "monte_carlo";
        case DesignKind::Sobol:
            return "sobol";
    }
    return "grid";
}

std::optional<DesignKind> design_kind_from_string(std::string_view text) {
    if (text == "grid" || text == "factorial") {
        return DesignKind::Grid;
    }
    if (text == "lhs" || text == "latin_hypercube") {
        return DesignKind::LatinHypercube;
    }
    if (text == "monte_carlo" || text == "mc") {
        return DesignKind::MonteCarlo;
    }
    if (text == "sobol" || text == "saltelli") {
        return DesignKind::Sobol;
    }
    return std::nullopt;
}

const char* to_string(SweepMetric metric) {
    switch (metric) {
        case SweepMetric::PWar:
            return "p_war";
        case SweepMetric::PSettlement:
            return "p_settlement";
        case SweepMetric::MeanPeakRung:
            return "mean_peak_rung";
        case SweepMetric::MeanTimeToWar:
            return "mean_time_to_war";
    }
    return "p_war";
}

std::optional<SweepMetric> sweep_metric_from_string(std::string_view text) {
    for (SweepMetric metric : {SweepMetric::PWar, SweepMetric::PSettlement, SweepMetric::MeanPeakRung,
                               SweepMetric::MeanTimeToWar}) {
        if (text == to_string(metric)) {
            return metric;
        }
    }
    return std::nullopt;
}

std::optional<std::vector<double>> parse_values(std::string_view text, std::string* error) {
    const auto fail = [&](const std::string& message) -> std::optional<std::vector<double>> {
        if (error != nullptr) {
            *error = message;
        }
        return std::nullopt;
    };
    text = trim(text);
    if (text.empty()) {
        return fail("empty value list");
    }
    if (text.find(':') != std::string_view::npos) {
        std::vector<std::string_view> parts;
        std::size_t start = 0;
        while (true) {
            const std::size_t colon = text.find(':', start);
            parts.push_back(
                trim(text.substr(start, colon == std::string_view::npos ? colon : colon - start)));
            if (colon == std::string_view::npos) {
                break;
            }
            start = colon + 1;
        }
        if (parts.size() != 3) {
            return fail("expected lo:hi:n, got '" + std::string(text) + "'");
        }
        const auto lo = io::parse_number(parts[0]);
        const auto hi = io::parse_number(parts[1]);
        const auto n = parse_integer(parts[2]);
        if (!lo || !hi || !std::isfinite(*lo) || !std::isfinite(*hi)) {
            return fail("lo and hi of '" + std::string(text) + "' must be numbers");
        }
        if (!n || *n < 1 || *n > k_max_samples) {
            return fail("n of '" + std::string(text) + "' must be an integer in [1, " +
                        std::to_string(k_max_samples) + "]");
        }
        if (*n == 1) {
            return std::vector<double>{*lo};
        }
        if (*lo > *hi) {
            return fail("lo > hi in '" + std::string(text) + "'");
        }
        // Each level as the weighted mean of the ends (both ends exact), then rounded to 15 significant
        // digits: 0.4:1:7 gives 0.9, not lo + 5·step = 0.8999999999999999, so the runs use, and runs.csv
        // shows, the decimal a person would have typed (docs/sweeps.md).
        std::vector<double> values(static_cast<std::size_t>(*n));
        const double intervals = static_cast<double>(*n - 1);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double t = static_cast<double>(i);
            const double level = (*lo * (intervals - t) + *hi * t) / intervals;
            char decimal[32];
            const auto end =
                std::to_chars(decimal, decimal + sizeof decimal, level, std::chars_format::general, 15);
            std::from_chars(decimal, end.ptr, values[i]);
        }
        values.front() = *lo;
        values.back() = *hi;
        return values;
    }
    std::vector<double> values;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string_view item = trim(
            text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        const auto value = io::parse_number(item);
        if (!value || !std::isfinite(*value)) {
            return fail("'" + std::string(item) + "' is not a number");
        }
        values.push_back(*value);
        if (comma == std::string_view::npos) {
            break;
        }
        start = comma + 1;
    }
    return values;
}

std::optional<Shard> parse_shard(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        return std::nullopt;
    }
    const auto index = parse_integer(text.substr(0, slash));
    const auto count = parse_integer(text.substr(slash + 1));
    if (!index || !count || *count < 1 || *index < 0 || *index >= *count || *count > 1'000'000) {
        return std::nullopt;
    }
    return Shard{static_cast<int>(*index), static_cast<int>(*count)};
}

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
    Reader reader(file_name);
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml_text));
    } catch (const YAML::Exception& error) {
        reader.error_at(error.mark.line + 1, error.mark.column + 1, error.msg);
        SweepLoadResult result;
        result.diagnostics = std::move(reader.diagnostics());
        return result;
    }
    if (!root.IsMap()) {
        reader.error(root, "a sweep file is a map with at least 'scenario' and 'parameters'");
        SweepLoadResult result;
        result.diagnostics = std::move(reader.diagnostics());
        return result;
    }

    SweepSpec spec;
    spec.source_path = file_name;
    spec.name = std::filesystem::path(file_name).stem().string();
    std::optional<std::uint64_t> seed;
    std::optional<std::uint64_t> design_seed;
    std::vector<std::pair<std::string, YAML::Node>> overrides;
    std::vector<int> parameter_lines;
    YAML::Node scenario_node;
    for (const auto& entry : root) {
        const std::string key = entry.first.Scalar();
        const YAML::Node& value = entry.second;
        if (key == "name") {
            spec.name = reader.text(value, key).value_or(spec.name);
        } else if (key == "scenario") {
            scenario_node = value;
            spec.scenario_path = reader.text(value, key).value_or("");
        } else if (key == "design") {
            const auto name = reader.text(value, key);
            const auto kind = name ? design_kind_from_string(*name) : std::nullopt;
            if (name && !kind) {
                reader.error(value, "unknown design '" + *name + "' (grid, lhs, monte_carlo, sobol)");
            }
            spec.design = kind.value_or(DesignKind::Grid);
        } else if (key == "samples") {
            spec.samples = static_cast<int>(reader.integer(value, key, 1, k_max_samples).value_or(0));
        } else if (key == "replications") {
            spec.replications =
                static_cast<int>(reader.integer(value, key, 1, k_max_replications).value_or(1));
        } else if (key == "seed" || key == "design_seed") {
            const auto scalar = reader.text(value, key);
            std::uint64_t parsed = 0;
            const auto result = scalar
                                    ? std::from_chars(scalar->data(), scalar->data() + scalar->size(), parsed)
                                    : std::from_chars_result{nullptr, std::errc::invalid_argument};
            if (scalar && (result.ec != std::errc{} || result.ptr != scalar->data() + scalar->size())) {
                reader.error(value, "'" + key + "' must be an unsigned 64-bit integer");
            } else if (scalar) {
                (key == "seed" ? seed : design_seed) = parsed;
            }
        } else if (key == "metrics") {
            if (!value.IsSequence()) {
                reader.error(value, "'metrics' must be a list, e.g. [p_war, mean_peak_rung]");
            } else {
                for (const auto& item : value) {
                    const auto name = reader.text(item, "metrics");
                    const auto metric = name ? sweep_metric_from_string(*name) : std::nullopt;
                    if (name && !metric) {
                        reader.error(item, "unknown metric '" + *name +
                                               "' (p_war, p_settlement, mean_peak_rung, mean_time_to_war)");
                    } else if (metric) {
                        spec.metrics.push_back(*metric);
                    }
                }
            }
        } else if (key == "bootstrap") {
            spec.bootstrap = static_cast<int>(reader.integer(value, key, 0, 100'000).value_or(1000));
        } else if (key == "set") {
            if (!value.IsMap()) {
                reader.error(value, "'set' must be a map of path: value (as --set)");
            } else {
                for (const auto& item : value) {
                    const auto scalar = reader.text(item.second, item.first.Scalar());
                    if (scalar) {
                        overrides.emplace_back(item.first.Scalar() + "=" + *scalar, item.second);
                        spec.fixed_overrides.push_back(item.first.Scalar() + "=" + *scalar);
                    }
                }
            }
        } else if (key == "parameters") {
            if (!value.IsSequence() || value.size() == 0) {
                reader.error(value, "'parameters' must be a non-empty list");
            } else {
                for (const auto& item : value) {
                    if (auto parameter = read_parameter(item, reader)) {
                        spec.parameters.push_back(std::move(*parameter));
                        parameter_lines.push_back(item.Mark().line + 1);
                    }
                }
            }
        } else {
            reader.unknown_key(entry.first, key, k_top_keys);
        }
    }
    if (spec.scenario_path.empty()) {
        reader.error(root, "missing 'scenario' (path of the base scenario, relative to this file)");
    }
    if (spec.metrics.empty()) {
        spec.metrics.push_back(SweepMetric::PWar);
    }
    if (!reader.diagnostics().empty()) {
        SweepLoadResult result;
        result.diagnostics = std::move(reader.diagnostics());
        return result;
    }
    if (!load_base(spec, reader, resolve_scenario_path(spec.scenario_path, file_name), overrides)) {
        SweepLoadResult result;
        result.diagnostics = std::move(reader.diagnostics());
        return result;
    }
    spec.seed = seed.value_or(spec.base.metadata.seed);
    spec.design_seed = design_seed.value_or(spec.seed);
    return finish(std::move(spec), reader, parameter_lines);
}

SweepLoadResult inline_sweep(const std::string& scenario_path, const std::vector<std::string>& params,
                             int runs, const std::vector<std::string>& set_overrides,
                             std::optional<std::uint64_t> seed) {
    Reader reader("--param");
    SweepSpec spec;
    spec.scenario_path = scenario_path;
    spec.name = std::filesystem::path(scenario_path).stem().string();
    spec.design = DesignKind::Grid;
    spec.metrics = {SweepMetric::PWar};
    if (runs < 1 || runs > k_max_replications) {
        reader.error_at(0, 0, "--runs must be in [1, " + std::to_string(k_max_replications) + "]");
    }
    spec.replications = runs;
    for (const auto& param : params) {
        const std::size_t equals = param.find('=');
        if (equals == std::string::npos || equals == 0) {
            reader.error_at(0, 0, "expected path=lo:hi:n or path=v1,v2,..., got '" + param + "'");
            continue;
        }
        ParameterSpec parameter;
        parameter.path = std::string(trim(std::string_view(param).substr(0, equals)));
        std::string problem;
        const auto values = parse_values(std::string_view(param).substr(equals + 1), &problem);
        if (!values) {
            reader.error_at(0, 0, parameter.path + ": " + problem);
            continue;
        }
        parameter.values = *values;
        const auto [lo, hi] = std::minmax_element(parameter.values.begin(), parameter.values.end());
        parameter.low = *lo;
        parameter.high = *hi;
        spec.parameters.push_back(std::move(parameter));
    }
    if (params.empty()) {
        reader.error_at(0, 0, "give at least one --param path=lo:hi:n");
    }
    if (!reader.diagnostics().empty()) {
        SweepLoadResult result;
        result.diagnostics = std::move(reader.diagnostics());
        return result;
    }
    std::vector<std::pair<std::string, YAML::Node>> overrides;
    for (const auto& assignment : set_overrides) {
        overrides.emplace_back(assignment, YAML::Node());
        spec.fixed_overrides.push_back(assignment);
    }
    if (!load_base(spec, reader, scenario_path, overrides)) {
        SweepLoadResult result;
        result.diagnostics = std::move(reader.diagnostics());
        return result;
    }
    spec.seed = seed.value_or(spec.base.metadata.seed);
    spec.design_seed = spec.seed;
    return finish(std::move(spec), reader, {});
}

}  // namespace brink::sweep
