// brink io (private): the rules a ScenarioSpec obeys, shared by the loader, validate_spec, --set and dump,
// so that a file, an override and a programmatic spec are held to the same ranges with the same words.
#pragma once

#include "brink/io/diagnostics.hpp"
#include "brink/io/numbers.hpp"
#include "brink/scenario.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brink::io::detail {

/// A closed, open or half-open interval of allowed values.
struct Range {
    double low = 0.0;
    double high = 1.0;
    bool low_open = false;
    bool high_open = false;
    bool integer = false;  ///< Whole numbers only.
};

/// True when `value` is finite and inside `range`.
bool in_range(double value, const Range& range);

/// "a number in [0, 1]" / "a whole number in [1, 9]".
std::string describe(const Range& range);

/// A number as diagnostics and the dump show it: io::format_number, with "nan" and "inf" spelled out.
inline std::string number_text(double value) {
    return io::format_number(value, NonFinite::Text);
}

/// Strict number parsing as in scenario files: io::parse_number with an optional leading '+'.
inline std::optional<double> parse_scenario_number(std::string_view text) {
    return io::parse_number(text, LeadingPlus::Accepted);
}

/// true/false (also True/TRUE/False/FALSE, as YAML 1.2's core schema).
std::optional<bool> parse_bool(std::string_view text);

/// [a-z][a-z0-9_]*, at most 64 characters.
bool is_valid_id(std::string_view id);

/// A CAMEO code: 2 to 4 decimal digits ("04", "154", "1312").
bool is_valid_cameo(std::string_view code);

// Ranges of the spec's numbers (scenario.hpp states each one; docs/scenario-format.md repeats them).
inline constexpr Range k_unit_range{0.0, 1.0};
inline constexpr Range k_signed_unit_range{-1.0, 1.0};
inline constexpr Range k_capability_range{0.0, 1e15, true, false};
inline constexpr Range k_cost_of_war_range{0.0, 10.0};
inline constexpr Range k_decision_rate_range{0.0, 100.0};
inline constexpr Range k_horizon_range{0.0, 36500.0, true, false};
inline constexpr Range k_affinity_delta_range{-2.0, 2.0};
inline constexpr Range k_pressure_delta_range{-10.0, 10.0};
inline constexpr Range k_threshold_range{0.0, 1000.0};
inline constexpr Range k_rationality_range{0.0, 1e6};
inline constexpr Range k_rate_range{0.0, 10.0};
inline constexpr Range k_discount_range{0.0, 1.0, true, true};
inline constexpr Range k_bdm_interval_range{0.0, 365.0, true, false};
inline constexpr Range k_talks_duration_range{0.0, 30.0, true, false};
inline constexpr Range k_sample_interval_range{0.0, 365.0, true, false};
inline constexpr double k_earliest_day = -3650.0;  ///< History reaches back at most ten years.

/// Size guards against absurd inputs (a fuzzer, a runaway generator).
inline constexpr std::size_t k_max_actors = 10000;
inline constexpr std::size_t k_max_issues = 1000;
inline constexpr std::size_t k_max_events = 100000;
inline constexpr std::size_t k_max_rungs = 100;

/// The metric names `output.metrics` may list.
const std::vector<std::string>& metric_names();

/// Looks up the location of a path, falling back to its parents ("a.b[2].c" -> "a.b[2]" -> "a.b" -> "a").
class Locator {
  public:
    virtual ~Locator() = default;
    /// The location of `path` or of its nearest recorded parent; {0,0} when none.
    virtual Location find(const std::string& path) const = 0;
};

/// validate_spec with source positions; `paths`, when given, receives the spec path of each diagnostic.
std::vector<Diagnostic> validate_spec_at(const ScenarioSpec& spec, const std::string& file_name,
                                         const Locator* locator, std::vector<std::string>* paths = nullptr);

}  // namespace brink::io::detail
