// brink io: numbers as text, written and read in one way by every ring (files, diagnostics, the scenario
// dump, chart scripts). Writing: the shortest text that reads back as exactly the same double
// (std::to_chars); negative zero is written "0" (readers and diff tools would take "-0" for another value).
// Reading: the whole text must be one finite decimal number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace brink::io {

/// What format_number writes for a number that is not finite.
enum class NonFinite {
    Empty,  ///< "": an absent value, as in every CSV file (docs/outputs.md). The default.
    Text,   ///< "nan", "inf", "-inf": diagnostics and the scenario dump, where a reader must see the value.
};

/// Shortest text that reads back as exactly `value` ("0.1", "41.3", "1e+20"); "-0" is written "0".
std::string format_number(double value, NonFinite non_finite = NonFinite::Empty);

/// Appends format_number(value, non_finite) to `out` without a temporary string (the CSV writer's path).
void append_number(std::string& out, double value, NonFinite non_finite = NonFinite::Empty);

/// Whether parse_number accepts a leading '+' ("+0.5").
enum class LeadingPlus {
    Rejected,  ///< as std::from_chars: the form of numbers brink writes (CSV files, sweep files)
    Accepted,  ///< scenario files and `--set`, where a person may write "+0.5"
};

/// The whole text as one finite decimal number (std::from_chars grammar: no spaces, no hex); nullopt for
/// anything else, "nan" and "inf" included.
std::optional<double> parse_number(std::string_view text, LeadingPlus plus = LeadingPlus::Rejected);

/// The whole text as an unsigned 64-bit integer in decimal digits (no sign, no spaces); nullopt otherwise.
std::optional<std::uint64_t> parse_unsigned(std::string_view text);

}  // namespace brink::io
