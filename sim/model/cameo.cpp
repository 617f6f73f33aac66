// The compiled-in CAMEO table (cmake/EmbedFile.cmake) parsed into a sorted lookup table once.
#include "brink/model/cameo.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace brink::model {
namespace data {
std::string_view cameo_goldstein_csv();
}

namespace {

using CameoTable = std::vector<std::pair<std::string, double>>;

double parse_double(std::string_view text) {
    double value = 0.0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size()) {
        throw std::runtime_error("cameo_goldstein.csv: bad number '" + std::string(text) + "'");
    }
    return value;
}

CameoTable parse_table() {
    CameoTable table;
    std::string_view csv = data::cameo_goldstein_csv();
    bool header = true;
    while (!csv.empty()) {
        const auto eol = csv.find('\n');
        std::string_view line = csv.substr(0, eol);
        csv = eol == std::string_view::npos ? std::string_view{} : csv.substr(eol + 1);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            continue;
        }
        if (header) {
            header = false;
            continue;
        }
        const auto c1 = line.find(',');
        const auto c2 = line.find(',', c1 + 1);
        if (c1 == std::string_view::npos || c2 == std::string_view::npos) {
            throw std::runtime_error("cameo_goldstein.csv: malformed line");
        }
        table.emplace_back(std::string(line.substr(0, c1)), parse_double(line.substr(c1 + 1, c2 - c1 - 1)));
    }
    std::sort(table.begin(), table.end());
    return table;
}

const CameoTable& cameo_table() {
    static const CameoTable table = parse_table();
    return table;
}

}  // namespace

std::optional<double> find_goldstein_weight(std::string_view code) {
    const CameoTable& table = cameo_table();
    // Longest known prefix: CAMEO codes are hierarchical (family "13", base "131", tertiary "1312").
    while (!code.empty()) {
        const auto it =
            std::lower_bound(table.begin(), table.end(), code,
                             [](const auto& row, std::string_view key) { return row.first < key; });
        if (it != table.end() && it->first == code) {
            return it->second;
        }
        code.remove_suffix(1);
        if (code.size() < 2) {
            break;
        }
    }
    return std::nullopt;
}

double goldstein_weight(std::string_view code) {
    // The table never changes once parsed, so the weight of a code is remembered per thread (the model logs
    // the same few codes thousands of times per run). Codes of up to 7 characters are packed with their
    // length into the key; longer ones are looked up every time.
    if (code.size() > 7) {
        return find_goldstein_weight(code).value_or(0.0);
    }
    std::uint64_t key = code.size();
    for (const char c : code) {
        key = (key << 8) | static_cast<unsigned char>(c);
    }
    struct Entry {
        std::uint64_t key = 0;  // the length, then the characters
        double weight = 0.0;
        bool used = false;
    };
    thread_local std::array<Entry, 128> remembered{};
    Entry& entry = remembered[static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 57)];
    if (!entry.used || entry.key != key) {
        entry.key = key;
        entry.weight = find_goldstein_weight(code).value_or(0.0);
        entry.used = true;
    }
    return entry.weight;
}

int cameo_code_count() {
    return static_cast<int>(cameo_table().size());
}

}  // namespace brink::model
