// Reading the CSV files brink writes (docs/outputs.md): RFC 4180 records, which may span lines inside
// quotes. Malformed input is an error that names the file and line, never a crash.
#include "brink/io/csv.hpp"

#include <fstream>
#include <sstream>
#include <utility>

namespace brink::io {

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

CsvTable parse_csv(std::string_view text, const std::string& path) {
    CsvTable table;
    table.path = path;
    struct Record {
        std::vector<std::string> fields;
        int line = 1;  // where the record starts, for messages
    };
    std::vector<Record> records;
    Record record;
    std::string field;
    bool in_quotes = false;
    bool field_started = false;
    int line = 1;
    const auto end_field = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
        field_started = false;
    };
    const auto end_record = [&] {
        end_field();
        records.push_back(std::move(record));
        record = Record{};
        record.line = line + 1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') {
                    ++line;
                }
                field.push_back(c);
            }
            continue;
        }
        if (c == '"' && !field_started) {
            in_quotes = true;
            field_started = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\r') {
            // CRLF line ends are accepted; a lone CR is ignored.
        } else if (c == '\n') {
            end_record();
            ++line;
        } else {
            field.push_back(c);
            field_started = true;
        }
    }
    if (in_quotes) {
        throw CsvError(path + ":" + std::to_string(record.line) + ": unterminated quoted field");
    }
    if (field_started || !record.fields.empty()) {
        end_record();
    }
    if (records.empty()) {
        throw CsvError(path + ": empty file (a header row was expected)");
    }
    table.header = std::move(records.front().fields);
    for (std::size_t r = 1; r < records.size(); ++r) {
        auto& fields = records[r].fields;
        if (fields.size() == 1 && fields[0].empty()) {
            continue;  // blank line
        }
        if (fields.size() != table.header.size()) {
            throw CsvError(path + ":" + std::to_string(records[r].line) + ": " +
                           std::to_string(fields.size()) + " fields, the header has " +
                           std::to_string(table.header.size()));
        }
        table.rows.push_back(std::move(fields));
    }
    return table;
}

CsvTable read_csv_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw CsvError(path + ": cannot read file");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_csv(buffer.str(), path);
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
