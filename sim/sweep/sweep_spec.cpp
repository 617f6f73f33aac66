// SweepSpec names and values (designs, metrics, lo:hi:n, shards), the inline --param form, and the checks
// a sweep from a file or from --param passes before anything runs (include/brink/sweep/sweep.hpp).
#include "brink/io/numbers.hpp"
#include "brink/io/overrides.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/sweep/design.hpp"
#include "brink/sweep/sweep.hpp"

#include "sweep_load.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>

namespace brink::sweep {
namespace detail {
namespace {

constexpr std::uint64_t k_max_runs = 1'000'000'000ULL;

// Checks that each parameter path is accepted by io::apply_override, on a throw-away copy of the base.
void check_parameter_paths(const SweepSpec& spec, std::vector<io::Diagnostic>& diagnostics,
                           const std::string& file, const std::vector<int>& lines) {
    for (std::size_t j = 0; j < spec.parameters.size(); ++j) {
        const ParameterSpec& parameter = spec.parameters[j];
        if (parameter.variant) {
            continue;  // no override: its scenarios were built by the caller
        }
        std::vector<std::string> probes = parameter.labels;
        if (probes.empty()) {
            for (double value : parameter.values.empty() ? std::vector<double>{parameter.low, parameter.high}
                                                         : parameter.values) {
                probes.push_back(io::format_number(value));
            }
        }
        for (const std::string& probe : probes) {
            ScenarioSpec copy = spec.base;
            auto problems = io::apply_override(copy, parameter.path, probe);
            if (!problems.empty()) {
                for (auto& problem : problems) {
                    problem.file = file;
                    problem.line = j < lines.size() ? lines[j] : 0;
                    problem.column = 0;
                    problem.message =
                        "parameter '" + parameter.path + "' = " + probe + ": " + problem.message;
                    diagnostics.push_back(std::move(problem));
                }
                break;
            }
        }
    }
}

// The number of points of the design, stopping early once it passes k_max_runs.
std::uint64_t design_points(const SweepSpec& spec) {
    if (spec.design != DesignKind::Grid) {
        std::uint64_t points = static_cast<std::uint64_t>(std::max(spec.samples, 0));
        return spec.design == DesignKind::Sobol ? points * (spec.parameters.size() + 2) : points;
    }
    std::uint64_t points = 1;
    for (const auto& parameter : spec.parameters) {
        points *= std::max<std::uint64_t>(1, parameter.values.size());
        if (points > k_max_runs) {
            break;
        }
    }
    return points;
}

// Range checks and design-specific requirements shared by the file and inline forms.
void check_design(const SweepSpec& spec, SweepDiagnostics& reader) {
    if (spec.parameters.empty()) {
        reader.error_at({}, "a sweep needs at least one parameter");
        return;
    }
    for (const auto& parameter : spec.parameters) {
        if (spec.design == DesignKind::Grid) {
            if (parameter.values.empty()) {
                reader.error_at({}, "grid parameter '" + parameter.path + "' needs 'values'");
            }
        } else if (!parameter.labels.empty()) {
            reader.error_at({}, "parameter '" + parameter.path + "' has values that are not numbers ('" +
                                    parameter.labels.front() + "'): only a grid design can sweep them");
        } else if (!(parameter.low <= parameter.high)) {
            reader.error_at({}, std::string(to_string(spec.design)) + " parameter '" + parameter.path +
                                    "' needs 'low' <= 'high' (or 'range: [low, high]')");
        }
    }
    if (spec.design != DesignKind::Grid && spec.samples < 1) {
        reader.error_at({}, std::string("design '") + to_string(spec.design) + "' needs 'samples' >= 1");
    }
    if (spec.design == DesignKind::Sobol &&
        static_cast<int>(spec.parameters.size()) > max_sobol_parameters()) {
        reader.error_at({}, "a Sobol design supports at most " + std::to_string(max_sobol_parameters()) +
                                " parameters (embedded Joe-Kuo direction numbers)");
    }
    if (design_points(spec) * static_cast<std::uint64_t>(std::max(spec.replications, 1)) > k_max_runs) {
        reader.error_at({}, "the sweep has more than " + std::to_string(k_max_runs) + " runs");
    }
}

}  // namespace

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

void SweepDiagnostics::error(const YAML::Node& node, const std::string& message) {
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

void SweepDiagnostics::error_at(io::Location where, const std::string& message) {
    m_diagnostics.push_back({m_file, where.line, where.column, message});
}

bool SweepDiagnostics::visit() {
    if (m_budget.spent()) {
        return false;
    }
    if (!m_budget.take()) {
        error_at({}, m_budget.message());
        return false;
    }
    return true;
}

std::optional<std::string> SweepDiagnostics::text(const YAML::Node& node, const std::string& key) {
    if (!visit()) {
        return std::nullopt;
    }
    if (!node.IsScalar()) {
        error(node, "'" + key + "' must be a scalar");
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<double> SweepDiagnostics::number(const YAML::Node& node, const std::string& key) {
    const auto scalar = text(node, key);
    if (!scalar) {
        return std::nullopt;
    }
    const auto value = io::parse_number(trim(*scalar));
    if (!value) {
        error(node, "'" + key + "' must be a number, not '" + *scalar + "'");
    }
    return value;
}

std::optional<long long> SweepDiagnostics::integer(const YAML::Node& node, const std::string& key,
                                                   long long lo, long long hi) {
    const auto scalar = text(node, key);
    if (!scalar) {
        return std::nullopt;
    }
    const auto value = parse_integer(*scalar);
    if (!value || *value < lo || *value > hi) {
        error(node, "'" + key + "' must be an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) +
                        "], not '" + *scalar + "'");
        return std::nullopt;
    }
    return value;
}

void SweepDiagnostics::unknown_key(const YAML::Node& key_node, const std::string& key,
                                   const std::vector<std::string>& known) {
    std::string message = "unknown key '" + key + "'";
    const std::string suggestion = io::closest_match(key, known);
    if (!suggestion.empty()) {
        message += " (did you mean '" + suggestion + "'?)";
    }
    error(key_node, message);
}

bool load_base(SweepSpec& spec, SweepDiagnostics& reader, const std::string& resolved_path,
               const std::vector<FixedOverride>& overrides) {
    io::LoadResult loaded = io::load_scenario_file(resolved_path);
    for (auto& diagnostic : loaded.diagnostics) {
        reader.diagnostics().push_back(std::move(diagnostic));
    }
    if (!loaded.ok()) {
        return false;
    }
    spec.base = std::move(*loaded.spec);
    for (const auto& [assignment, node] : overrides) {
        for (auto& problem : io::apply_override_assignment(spec.base, assignment)) {
            if (node.IsDefined()) {
                reader.error(node, problem.message);
            } else {
                reader.diagnostics().push_back(std::move(problem));
            }
        }
    }
    return reader.clean();
}

SweepLoadResult finish(SweepSpec spec, SweepDiagnostics& reader, const std::vector<int>& parameter_lines) {
    if (reader.clean()) {
        check_design(spec, reader);
    }
    if (reader.clean()) {
        check_parameter_paths(spec, reader.diagnostics(), reader.file(), parameter_lines);
    }
    SweepLoadResult result = rejected(reader);
    if (result.diagnostics.empty()) {
        result.spec = std::move(spec);
    }
    return result;
}

SweepLoadResult rejected(SweepDiagnostics& reader) {
    SweepLoadResult result;
    result.diagnostics = std::move(reader.diagnostics());
    return result;
}

}  // namespace detail

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

namespace {

// "lo:hi:n": n levels, ends included, each as the weighted mean of the ends (both ends exact) rounded to 15
// significant digits: 0.4:1:7 gives 0.9, not lo + 5·step = 0.8999999999999999, so the runs use, and
// runs.csv shows, the decimal a person would have typed (docs/sweeps.md).
std::optional<std::vector<double>> evenly_spaced(std::string_view text, std::string& error) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t colon = text.find(':', start);
        parts.push_back(
            detail::trim(text.substr(start, colon == std::string_view::npos ? colon : colon - start)));
        if (colon == std::string_view::npos) {
            break;
        }
        start = colon + 1;
    }
    if (parts.size() != 3) {
        error = "expected lo:hi:n, got '" + std::string(text) + "'";
        return std::nullopt;
    }
    const auto lo = io::parse_number(parts[0]);
    const auto hi = io::parse_number(parts[1]);
    const auto n = detail::parse_integer(parts[2]);
    if (!lo || !hi) {
        error = "lo and hi of '" + std::string(text) + "' must be numbers";
        return std::nullopt;
    }
    if (!n || *n < 1 || *n > detail::k_max_samples) {
        error = "n of '" + std::string(text) + "' must be an integer in [1, " +
                std::to_string(detail::k_max_samples) + "]";
        return std::nullopt;
    }
    if (*n == 1) {
        return std::vector<double>{*lo};
    }
    if (*lo > *hi) {
        error = "lo > hi in '" + std::string(text) + "'";
        return std::nullopt;
    }
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

}  // namespace

std::optional<std::vector<double>> parse_values(std::string_view text, std::string* error) {
    std::string problem;
    std::optional<std::vector<double>> values;
    text = detail::trim(text);
    if (text.empty()) {
        problem = "empty value list";
    } else if (text.find(':') != std::string_view::npos) {
        values = evenly_spaced(text, problem);
    } else {
        values.emplace();
        std::size_t start = 0;
        while (start <= text.size()) {
            const std::size_t comma = text.find(',', start);
            const std::string_view item = detail::trim(
                text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
            const auto value = io::parse_number(item);
            if (!value) {
                problem = "'" + std::string(item) + "' is not a number";
                values.reset();
                break;
            }
            values->push_back(*value);
            if (comma == std::string_view::npos) {
                break;
            }
            start = comma + 1;
        }
    }
    if (!values && error != nullptr) {
        *error = problem;
    }
    return values;
}

void set_grid_levels(ParameterSpec& parameter, const std::vector<std::string>& texts) {
    parameter.values.clear();
    parameter.labels.clear();
    for (const std::string& text : texts) {
        const auto number = io::parse_number(detail::trim(text));
        if (!number) {
            break;
        }
        parameter.values.push_back(*number);
    }
    if (parameter.values.size() == texts.size()) {
        return;
    }
    parameter.values.clear();
    for (const std::string& text : texts) {
        parameter.values.push_back(static_cast<double>(parameter.labels.size()));
        parameter.labels.emplace_back(detail::trim(text));
    }
}

std::optional<Shard> parse_shard(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        return std::nullopt;
    }
    const auto index = detail::parse_integer(text.substr(0, slash));
    const auto count = detail::parse_integer(text.substr(slash + 1));
    if (!index || !count || *count < 1 || *index < 0 || *index >= *count || *count > 1'000'000) {
        return std::nullopt;
    }
    return Shard{static_cast<int>(*index), static_cast<int>(*count)};
}

namespace {

// One --param "path=lo:hi:n" or "path=v1,v2,..."; nullopt (reported) when malformed.
std::optional<ParameterSpec> inline_parameter(const std::string& param, detail::SweepDiagnostics& reader) {
    const std::size_t equals = param.find('=');
    if (equals == std::string::npos || equals == 0) {
        reader.error_at({}, "expected path=lo:hi:n or path=v1,v2,..., got '" + param + "'");
        return std::nullopt;
    }
    ParameterSpec parameter;
    parameter.path = std::string(detail::trim(std::string_view(param).substr(0, equals)));
    const std::string_view levels = detail::trim(std::string_view(param).substr(equals + 1));
    std::string problem;
    const auto values = parse_values(levels, &problem);
    if (!values && !levels.empty() && levels.find(':') == std::string_view::npos) {
        // Levels that are not all numbers ("state,alliance"): labels, set as `--set` sets them.
        std::vector<std::string> texts;
        std::size_t start = 0;
        while (true) {
            const std::size_t comma = levels.find(',', start);
            texts.emplace_back(levels.substr(start, comma == std::string_view::npos ? comma : comma - start));
            if (comma == std::string_view::npos) {
                break;
            }
            start = comma + 1;
        }
        set_grid_levels(parameter, texts);
        return parameter;
    }
    if (!values) {
        reader.error_at({}, parameter.path + ": " + problem);
        return std::nullopt;
    }
    parameter.values = *values;
    const auto [lo, hi] = std::minmax_element(parameter.values.begin(), parameter.values.end());
    parameter.low = *lo;
    parameter.high = *hi;
    return parameter;
}

}  // namespace

SweepLoadResult inline_sweep(const std::string& scenario_path, const std::vector<std::string>& params,
                             int runs, const std::vector<std::string>& set_overrides,
                             std::optional<std::uint64_t> seed) {
    detail::SweepDiagnostics reader("--param");
    SweepSpec spec;
    spec.scenario_path = scenario_path;
    spec.name = std::filesystem::path(scenario_path).stem().string();
    spec.design = DesignKind::Grid;
    spec.metrics = {SweepMetric::PWar};
    if (runs < 1 || runs > detail::k_max_replications) {
        reader.error_at({}, "--runs must be in [1, " + std::to_string(detail::k_max_replications) + "]");
    }
    spec.replications = runs;
    for (const auto& param : params) {
        if (auto parameter = inline_parameter(param, reader)) {
            spec.parameters.push_back(std::move(*parameter));
        }
    }
    if (params.empty()) {
        reader.error_at({}, "give at least one --param path=lo:hi:n");
    }
    if (!reader.clean()) {
        return detail::rejected(reader);
    }
    std::vector<detail::FixedOverride> overrides;
    for (const auto& assignment : set_overrides) {
        overrides.emplace_back(assignment, YAML::Node());
        spec.fixed_overrides.push_back(assignment);
    }
    if (!detail::load_base(spec, reader, scenario_path, overrides)) {
        return detail::rejected(reader);
    }
    spec.seed = seed.value_or(spec.base.metadata.seed);
    spec.design_seed = spec.seed;
    return detail::finish(std::move(spec), reader, {});
}

}  // namespace brink::sweep
