#include "brink/io/csv.hpp"

#include <utility>

namespace brink::io {

std::string csv_field(std::string_view field) {
    if (field.find_first_of(",\"\n\r") == std::string_view::npos) {
        return std::string(field);
    }
    std::string quoted;
    quoted.reserve(field.size() + 2);
    quoted.push_back('"');
    for (const char c : field) {
        if (c == '"') {
            quoted.push_back('"');
        }
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

void CsvWriter::separate() {
    if (m_row_started) {
        m_text.push_back(',');
    }
    m_row_started = true;
}

CsvWriter& CsvWriter::field(std::string_view text) {
    separate();
    m_text += csv_field(text);
    return *this;
}

CsvWriter& CsvWriter::field(double value) {
    separate();
    append_number(m_text, value);
    return *this;
}

CsvWriter& CsvWriter::field(std::int64_t value) {
    separate();
    m_text += std::to_string(value);
    return *this;
}

CsvWriter& CsvWriter::field(std::uint64_t value) {
    separate();
    m_text += std::to_string(value);
    return *this;
}

CsvWriter& CsvWriter::empty_field() {
    separate();
    return *this;
}

void CsvWriter::end_row() {
    m_text.push_back('\n');
    m_row_started = false;
}

void CsvWriter::row(std::initializer_list<std::string_view> fields) {
    for (const std::string_view text : fields) {
        field(text);
    }
    end_row();
}

std::string CsvWriter::take() {
    return std::exchange(m_text, std::string());
}

}  // namespace brink::io
