// Numbers as text (include/brink/io/numbers.hpp).
#include "brink/io/numbers.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <system_error>

namespace brink::io {

void append_number(std::string& out, double value, NonFinite non_finite) {
    if (!std::isfinite(value)) {
        if (non_finite == NonFinite::Text) {
            out += std::isnan(value) ? "nan" : (value > 0.0 ? "inf" : "-inf");
        }
        return;
    }
    if (value == 0.0) {
        out += '0';  // no "-0"
        return;
    }
    // 32 bytes hold the longest shortest-round-trip double ("-2.2250738585072014e-308" is 24).
    std::array<char, 32> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    if (error == std::errc{}) {
        out.append(buffer.data(), end);
    }
}

std::string format_number(double value, NonFinite non_finite) {
    std::string text;
    append_number(text, value, non_finite);
    return text;
}

std::optional<double> parse_number(std::string_view text, LeadingPlus plus) {
    if (plus == LeadingPlus::Accepted && text.size() > 1 && text.front() == '+' &&
        (std::isdigit(static_cast<unsigned char>(text[1])) != 0 || text[1] == '.')) {
        text.remove_prefix(1);
    }
    if (text.empty()) {
        return std::nullopt;
    }
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::uint64_t> parse_unsigned(std::string_view text) {
    if (text.empty() || text.front() == '-' || text.front() == '+') {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

}  // namespace brink::io
