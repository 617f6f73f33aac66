// brink io: the base of every YAML input brink reads (scenario files, sweep files): yaml-cpp behind guards
// that make hostile or absurd text a diagnostic rather than a hang, a crash or an exhausted machine.
//
// The guards (docs/scenario-format.md, docs/sweeps.md):
// - size: at most 64 MiB of text (k_max_yaml_bytes);
// - aliases: a reader counts every node it visits, aliases expanded, through a NodeBudget of 2,000,000
//   (k_max_yaml_nodes), so that a "billion laughs" document stops early;
// - depth: yaml-cpp's parser refuses nesting deeper than 2,000 levels (its DeepRecursion error, reported as
//   a syntax error), and brink's readers walk a fixed shape, never recursing on the input's own depth;
// - documents: a scenario file is exactly one document, counted with a bounded loop (yaml-cpp 0.7's
//   LoadAll never returns on some inputs, such as ",#").
// Both readers are fuzzed (tests/fuzz/).
#pragma once

#include "brink/io/diagnostics.hpp"

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace brink::io {

/// Most bytes of YAML text read: 64 MiB is no scenario or sweep.
inline constexpr std::size_t k_max_yaml_bytes = 64u * 1024u * 1024u;

/// Most nodes a reader visits, aliases expanded.
inline constexpr std::size_t k_max_yaml_nodes = 2'000'000;

/// The location of a yaml-cpp mark ({0, 0} for yaml-cpp's "no position").
Location location_of(const YAML::Mark& mark);

/// What a node is, for "expected X, got Y": "an empty value", "a sequence", "a mapping", or the scalar in
/// quotes (shortened to 40 characters).
std::string describe_node(const YAML::Node& node);

/// How many documents a file may hold.
enum class Documents {
    ExactlyOne,  ///< a second document is an error (scenario files)
    First,       ///< the first document is read, the rest ignored (sweep files)
};

/// Why YAML text could not be parsed.
enum class YamlFailure {
    TooLarge,             ///< more than k_max_yaml_bytes
    Syntax,               ///< yaml-cpp's parser refused it (detail: its message)
    TextOutsideDocument,  ///< text after the document that starts no new one
    SeveralDocuments,     ///< a second document where one is expected
};

/// A parse failure with its place.
struct YamlError {
    YamlFailure failure = YamlFailure::Syntax;
    Location where;
    std::string detail;  ///< yaml-cpp's message (Syntax), or the size in bytes (TooLarge).

    /// The scenario loader's words: "not valid YAML: <detail>", "the file is too large (N bytes; at most
    /// M)", "expected one YAML document, found more", ...
    std::string message() const;
};

/// The root of a parsed document, or why there is none.
struct YamlInput {
    YAML::Node root;                 ///< Null when the text is empty (or only comments).
    std::optional<YamlError> error;  ///< Set when parsing failed; `root` is then meaningless.
};

/// Parses YAML text under the size and document guards. Never throws.
YamlInput parse_yaml(std::string_view text, Documents documents);

/// Counts the nodes a reader visits; once more than the limit were counted, every take() is refused.
class NodeBudget {
  public:
    explicit NodeBudget(std::size_t max_nodes = k_max_yaml_nodes) : m_max_nodes(max_nodes) {}

    /// Counts one node; false when the budget is spent.
    bool take() { return ++m_visited <= m_max_nodes; }

    /// True once a take() was refused.
    bool spent() const { return m_visited > m_max_nodes; }

    /// "the file is too large: more than N YAML nodes (after expanding aliases)".
    std::string message() const;

  private:
    std::size_t m_max_nodes;
    std::size_t m_visited = 0;
};

}  // namespace brink::io
