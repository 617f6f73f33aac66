// brink io: CSV text as docs/outputs.md specifies it: RFC 4180 quoting, rows ending in "\n", numbers in
// shortest round-trip form (format_number), and never NaN or infinity (a non-finite number is an empty
// field). The one writer (CsvWriter) and the one reader (CsvReader, record by record from a stream, so that
// a sweep's runs.csv is read in flat memory) of every ring; parse_csv/read_csv_file build a whole table on
// the reader for small files (the plots draw from them).
#pragma once

#include "brink/io/numbers.hpp"

#include <cstdint>
#include <initializer_list>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace brink::io {

/// `field` as one CSV field: unchanged, or wrapped in double quotes (inner quotes doubled) when it contains
/// a comma, a double quote, a line feed or a carriage return (RFC 4180).
std::string csv_field(std::string_view field);

/// Builds CSV text row by row into a string. Fields are separated by commas; end_row() appends "\n".
class CsvWriter {
  public:
    /// Appends a text field, quoted when needed.
    CsvWriter& field(std::string_view text);
    /// Appends a text field (avoids the bool overload for string literals).
    CsvWriter& field(const char* text) { return field(std::string_view(text)); }
    /// Appends a text field.
    CsvWriter& field(const std::string& text) { return field(std::string_view(text)); }
    /// Appends a number (format_number): an empty field when it is not finite.
    CsvWriter& field(double value);
    /// Appends an integer.
    CsvWriter& field(std::int64_t value);
    /// Appends an unsigned integer.
    CsvWriter& field(std::uint64_t value);
    /// Appends an int.
    CsvWriter& field(int value) { return field(static_cast<std::int64_t>(value)); }
    /// Appends an empty field.
    CsvWriter& empty_field();
    /// Ends the current row.
    void end_row();
    /// Appends a whole row of text fields (e.g. the header).
    void row(std::initializer_list<std::string_view> fields);

    /// The text written so far.
    const std::string& text() const { return m_text; }
    /// Moves the text out, leaving the writer empty (for streaming to a file in chunks).
    std::string take();

  private:
    void separate();

    std::string m_text;
    bool m_row_started = false;
};

/// Thrown by the CSV reader on a file it cannot read or malformed text; what() names the file (and line).
class CsvError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// One record as CsvReader returns it.
struct CsvRecord {
    std::vector<std::string> fields;  ///< RFC 4180 quoting undone.
    std::string raw;                  ///< The record's bytes as in the text, without its line end.
    std::uint64_t offset = 0;         ///< Byte offset of its first byte (from the reader's start offset).
    std::uint64_t end = 0;            ///< Byte offset just past it, its line feed included.
    int line = 1;                     ///< 1-based line it starts on (from the reader's first line).
    bool complete = false;            ///< Ended by a line feed; false for text that ends without one.
    bool open_quote = false;          ///< The text ended inside a quoted field (a torn or malformed file).
};

/// Reads CSV text record by record (RFC 4180: quoted fields may hold commas, quotes and line breaks; LF or
/// CRLF line ends, a lone CR is dropped). Memory holds one record. Malformed text is never an exception
/// here: a record that the text ends inside is returned with complete = false (and open_quote when a quote
/// was left open), and the caller decides (a torn last row of a killed sweep is dropped; parse_csv throws).
class CsvReader {
  public:
    /// Reads from `in` (positioned where reading starts); offsets count from `start_offset`.
    explicit CsvReader(std::istream& in, std::uint64_t start_offset = 0);

    /// Reads the next record into `record`; false at the end of the text.
    bool next(CsvRecord& record);

  private:
    std::streambuf* m_buffer;
    std::uint64_t m_offset;
    int m_line = 1;
};

/// A CSV file as read: the header's column names and the rows of fields, RFC 4180 quoting undone.
struct CsvTable {
    std::string path;                            ///< File name, for messages.
    std::vector<std::string> header;             ///< Column names, in file order.
    std::vector<std::vector<std::string>> rows;  ///< Every row has header.size() fields.

    /// Index of a column; throws CsvError naming the file if there is none.
    std::size_t column(std::string_view name) const;
    /// Index of a column, or nullopt.
    std::optional<std::size_t> find_column(std::string_view name) const;
};

/// Parses CSV text (RFC 4180; LF or CRLF line ends; blank lines skipped); `path` names it in messages.
/// Throws CsvError on an empty text (no header), an unterminated quoted field or a row whose field count
/// differs from the header's.
CsvTable parse_csv(std::string_view text, const std::string& path);

/// Reads and parses a CSV file; throws CsvError if it cannot be read or is malformed.
CsvTable read_csv_file(const std::string& path);

/// A number field of `table`: nullopt when empty (an absent value); throws CsvError naming the file and
/// column when it is not a finite number in full.
std::optional<double> parse_csv_number(std::string_view field, const CsvTable& table,
                                       std::string_view column);

}  // namespace brink::io
