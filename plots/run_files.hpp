// brink plots (private): reading a run directory's files (docs/outputs.md) through brink_io's CSV reader
// and calendar, with errors turned into PlotError.
#pragma once

#include "brink/io/csv.hpp"
#include "brink/io/proportions.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace brink::plots::detail {

/// A CSV file as brink_io reads it (its column() throws io::CsvError; chart_script turns it into PlotError).
using CsvTable = io::CsvTable;

/// Reads and parses a CSV file; throws PlotError if it cannot be read or is malformed.
CsvTable read_csv(const std::string& path);

/// Reads a whole file; throws PlotError if it cannot be read.
std::string read_text_file(const std::string& path);

/// Reads and parses a JSON file; throws PlotError if it cannot be read or parsed.
nlohmann::json read_json(const std::string& path);

/// Parses a number field; nullopt for an empty field; throws PlotError (naming file and column) if malformed.
std::optional<double> parse_number(std::string_view field, const CsvTable& table, std::string_view column);

/// Short date for labels: "11 Apr 2030" (days since 1970-01-01).
std::string short_date(long days);

/// A number for a gnuplot script: io::format_number, and "0" for a non-finite value (a script needs a
/// number; a caller that means "no data" writes NaN itself).
std::string script_number(double value);

/// Formats a number with fixed decimals.
std::string format_fixed(double value, int decimals);

/// io::wilson_interval (95%) of counts the charts keep as `long`.
inline io::Interval wilson(long successes, long trials) {
    return io::wilson_interval(static_cast<std::uint64_t>(successes), static_cast<std::uint64_t>(trials));
}

/// True if the file exists.
bool file_exists(const std::string& path);

/// Joins a directory and a file name.
std::string join_path(const std::string& dir, const std::string& name);

}  // namespace brink::plots::detail
