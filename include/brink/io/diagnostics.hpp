// brink io: diagnostics for bad input, printed as `file:line:column: error: message`.
#pragma once

#include <string>
#include <vector>

namespace brink::io {

/// Where something was found in a file: 1-based line and column; {0, 0} when unknown.
struct Location {
    int line = 0;
    int column = 0;
};

/// One problem found in an input.
struct Diagnostic {
    std::string file;  ///< Path as given by the user, or "--set" for an override.
    int line = 0;      ///< 1-based; 0 when unknown.
    int column = 0;    ///< 1-based; 0 when unknown.
    std::string
        message;  ///< What was expected, and a suggestion where one exists ("did you mean 'actors'?").
};

/// `file:line:column: error: message` (line/column omitted when 0).
std::string format_diagnostic(const Diagnostic& diagnostic);

/// The closest candidate within edit distance 2 (or a third of the length), or empty: for "did you mean".
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace brink::io
