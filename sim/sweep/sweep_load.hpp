// Internal to brink_sweep: what the sweep file reader (sweep_file.cpp) and the inline --param form
// (sweep_spec.cpp) share: diagnostics with yaml-cpp positions, the checks of a whole design, and loading
// the base scenario.
#pragma once

#include "brink/io/diagnostics.hpp"
#include "brink/io/yaml_reader.hpp"
#include "brink/sweep/sweep.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace brink::sweep::detail {

/// Most samples (LHS, Monte Carlo) or base size (Sobol) of a design.
inline constexpr int k_max_samples = 10'000'000;
/// Most replications per point.
inline constexpr int k_max_replications = 1'000'000;

/// Text without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

/// A whole (trimmed) text as a signed integer; nullopt otherwise.
std::optional<long long> parse_integer(std::string_view text);

/// Collects diagnostics with positions from yaml-cpp marks, and counts the nodes it reads (io::NodeBudget).
class SweepDiagnostics {
  public:
    explicit SweepDiagnostics(std::string file) : m_file(std::move(file)) {}

    /// An error at a node's position (none when the node has no mark).
    void error(const YAML::Node& node, const std::string& message);
    /// An error at a line and column (0: unknown).
    void error_at(io::Location where, const std::string& message);

    /// Counts one node read; false (reported once) when the file holds too many nodes.
    bool visit();

    /// A scalar's text, or nullopt (reported) when the node is not a scalar.
    std::optional<std::string> text(const YAML::Node& node, const std::string& key);
    /// A scalar as a finite number, or nullopt (reported).
    std::optional<double> number(const YAML::Node& node, const std::string& key);
    /// A scalar as an integer in [lo, hi], or nullopt (reported).
    std::optional<long long> integer(const YAML::Node& node, const std::string& key, long long lo,
                                     long long hi);
    /// Reports an unknown key with a suggestion among `known`.
    void unknown_key(const YAML::Node& key_node, const std::string& key,
                     const std::vector<std::string>& known);

    /// The file name used in diagnostics.
    const std::string& file() const { return m_file; }
    /// Every diagnostic so far.
    std::vector<io::Diagnostic>& diagnostics() { return m_diagnostics; }
    /// True when nothing was reported.
    bool clean() const { return m_diagnostics.empty(); }

  private:
    std::string m_file;
    std::vector<io::Diagnostic> m_diagnostics;
    io::NodeBudget m_budget;
};

/// A `path=value` override of the base scenario, with the node it came from (undefined for --set).
using FixedOverride = std::pair<std::string, YAML::Node>;

/// Loads the base scenario and applies the fixed overrides; false (reported) on any problem.
bool load_base(SweepSpec& spec, SweepDiagnostics& reader, const std::string& resolved_path,
               const std::vector<FixedOverride>& overrides);

/// The loading result: the design checked and every parameter path tried on the base when nothing was
/// reported before; the spec only when nothing was reported at all.
SweepLoadResult finish(SweepSpec spec, SweepDiagnostics& reader, const std::vector<int>& parameter_lines);

/// A result holding the reader's diagnostics and no spec.
SweepLoadResult rejected(SweepDiagnostics& reader);

}  // namespace brink::sweep::detail
