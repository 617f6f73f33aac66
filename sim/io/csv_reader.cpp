// Reading the CSV files brink writes (docs/outputs.md): RFC 4180 records, which may span lines inside
// quotes, one at a time. Malformed input is an error that names the file and line, never a crash.
#include "brink/io/csv.hpp"

#include <fstream>
#include <sstream>
#include <utility>

namespace brink::io {

CsvReader::CsvReader(std::istream& in, std::uint64_t start_offset)
    : m_buffer(in.rdbuf()), m_offset(start_offset) {}

bool CsvReader::next(CsvRecord& record) {
    constexpr auto k_end = std::char_traits<char>::eof();
    if (m_buffer == nullptr || m_buffer->sgetc() == k_end) {
        return false;
    }
    record.fields.clear();
    record.raw.clear();
    record.offset = m_offset;
    record.line = m_line;
    record.complete = false;
    record.open_quote = false;
    std::string field;
    bool in_quotes = false;
    bool field_started = false;
    for (auto next = m_buffer->sbumpc(); next != k_end; next = m_buffer->sbumpc()) {
        const char c = std::char_traits<char>::to_char_type(next);
        ++m_offset;
        if (c == '\n') {
            ++m_line;
            if (!in_quotes) {
                record.complete = true;
                break;
            }
        }
        record.raw.push_back(c);
        if (in_quotes) {
            if (c != '"') {
                field.push_back(c);
            } else if (m_buffer->sgetc() == '"') {
                field.push_back('"');  // a doubled quote inside quotes
                record.raw.push_back(std::char_traits<char>::to_char_type(m_buffer->sbumpc()));
                ++m_offset;
            } else {
                in_quotes = false;
            }
        } else if (c == '"' && !field_started) {
            in_quotes = true;
            field_started = true;
        } else if (c == ',') {
            record.fields.push_back(std::exchange(field, std::string()));
            field_started = false;
        } else if (c != '\r') {  // CRLF line ends are accepted; a lone CR is dropped
            field.push_back(c);
            field_started = true;
        }
    }
    if (!record.complete && !field_started && record.fields.empty()) {
        return false;  // only dropped carriage returns after the last line end
    }
    if (record.complete && !record.raw.empty() && record.raw.back() == '\r') {
        record.raw.pop_back();
    }
    record.open_quote = in_quotes;
    record.fields.push_back(std::move(field));
    record.end = m_offset;
    return true;
}

std::optional<std::size_t> CsvTable::find_column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) {
            return i;
        }
    }
    return std::nullopt;
}

std::size_t CsvTable::column(std::string_view name) const {
    const auto index = find_column(name);
    if (!index) {
        throw CsvError(path + ": missing column '" + std::string(name) + "'");
    }
    return *index;
}

namespace {

CsvTable read_table(std::istream& in, const std::string& path) {
    CsvTable table;
    table.path = path;
    CsvReader reader(in);
    CsvRecord record;
    bool have_header = false;
    while (reader.next(record)) {
        if (record.open_quote) {
            throw CsvError(path + ":" + std::to_string(record.line) + ": unterminated quoted field");
        }
        if (!have_header) {
            table.header = std::move(record.fields);
            have_header = true;
            continue;
        }
        if (record.fields.size() == 1 && record.fields[0].empty()) {
            continue;  // blank line
        }
        if (record.fields.size() != table.header.size()) {
            throw CsvError(path + ":" + std::to_string(record.line) + ": " +
                           std::to_string(record.fields.size()) + " fields, the header has " +
                           std::to_string(table.header.size()));
        }
        table.rows.push_back(std::move(record.fields));
    }
    if (!have_header) {
        throw CsvError(path + ": empty file (a header row was expected)");
    }
    return table;
}

}  // namespace

CsvTable parse_csv(std::string_view text, const std::string& path) {
    std::istringstream in{std::string(text)};
    return read_table(in, path);
}

CsvTable read_csv_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw CsvError(path + ": cannot read file");
    }
    return read_table(in, path);
}

std::optional<double> parse_csv_number(std::string_view field, const CsvTable& table,
                                       std::string_view column) {
    if (field.empty()) {
        return std::nullopt;
    }
    const std::optional<double> value = parse_number(field);
    if (!value) {
        throw CsvError(table.path + ": column '" + std::string(column) + "': not a number: '" +
                       std::string(field) + "'");
    }
    return value;
}

}  // namespace brink::io
