// Internal to brink_sweep: CSV text helpers (RFC 4180 quoting).
#pragma once

#include "brink/io/numbers.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brink::sweep::detail {

/// Decimal text of an unsigned integer.
inline std::string format_integer(std::uint64_t value) {
    return std::to_string(value);
}

/// A field quoted when it holds a comma, quote, CR or LF.
inline std::string quote_field(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(field);
    }
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

/// Splits one CSV record (no embedded newlines expected in sweep files' numeric rows, but quoted fields
/// are handled).
inline std::vector<std::string> split_record(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < line.size() && line[i + 1] == '"') {
                    fields.back() += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

/// Parses the leading run id of a row ("123,..."); nullopt if malformed.
inline std::optional<std::uint64_t> leading_id(std::string_view line) {
    std::uint64_t value = 0;
    const auto result = std::from_chars(line.data(), line.data() + line.size(), value);
    if (result.ec != std::errc{} || result.ptr == line.data() ||
        (result.ptr != line.data() + line.size() && *result.ptr != ',')) {
        return std::nullopt;
    }
    return value;
}

}  // namespace brink::sweep::detail
