// Tests of include/brink/io/csv.hpp: RFC 4180 quoting, numbers through io::format_number, no NaN or infinity.
#include "brink/io/csv.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

using brink::io::csv_field;
using brink::io::CsvWriter;

TEST(CsvField, LeavesPlainTextAlone) {
    EXPECT_EQ(csv_field("russia"), "russia");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("Blinken meets Lavrov in Geneva"), "Blinken meets Lavrov in Geneva");
}

TEST(CsvField, QuotesCommasQuotesAndLineBreaksPerRfc4180) {
    EXPECT_EQ(csv_field("Geneva, Switzerland"), "\"Geneva, Switzerland\"");
    EXPECT_EQ(csv_field("a \"firm\" no"), "\"a \"\"firm\"\" no\"");
    EXPECT_EQ(csv_field("line one\nline two"), "\"line one\nline two\"");
    EXPECT_EQ(csv_field("cr\rhere"), "\"cr\rhere\"");
    EXPECT_EQ(csv_field("\""), "\"\"\"\"");
}

TEST(CsvWriter, BuildsRowsWithHeaderFieldsAndNumbers) {
    CsvWriter csv;
    csv.row({"time", "actor", "value", "note"});
    csv.field(0.5).field("russia").field(std::int64_t{-3}).field("says \"no\", firmly");
    csv.end_row();
    csv.field(std::uint64_t{18446744073709551615ULL}).empty_field().field(2).field(std::string("x"));
    csv.end_row();
    EXPECT_EQ(csv.text(),
              "time,actor,value,note\n"
              "0.5,russia,-3,\"says \"\"no\"\", firmly\"\n"
              "18446744073709551615,,2,x\n");
}

TEST(CsvWriter, WritesAnEmptyFieldForNonFiniteNumbers) {
    CsvWriter csv;
    csv.field(std::numeric_limits<double>::quiet_NaN())
        .field(1.5)
        .field(std::numeric_limits<double>::infinity());
    csv.end_row();
    EXPECT_EQ(csv.text(), ",1.5,\n");
}

TEST(CsvWriter, TakeMovesTheTextOutAndStartsAfresh) {
    CsvWriter csv;
    csv.row({"a"});
    EXPECT_EQ(csv.take(), "a\n");
    EXPECT_EQ(csv.text(), "");
    csv.row({"b", "c"});
    EXPECT_EQ(csv.text(), "b,c\n");
}

using brink::io::CsvError;
using brink::io::parse_csv;
using brink::io::parse_csv_number;

TEST(ParseCsv, ReadsBackWhatTheWriterWroteIncludingQuotesAndLineBreaks) {
    CsvWriter writer;
    writer.row({"time", "description"});
    writer.field(1.5).field("Talks, \"final\" round").end_row();
    writer.field(2.0).field("two\nlines").end_row();
    const auto table = parse_csv(writer.text(), "events.csv");
    ASSERT_EQ(table.header, (std::vector<std::string>{"time", "description"}));
    ASSERT_EQ(table.rows.size(), 2U);
    EXPECT_EQ(table.rows[0][1], "Talks, \"final\" round");
    EXPECT_EQ(table.rows[1][1], "two\nlines");
    EXPECT_EQ(table.column("description"), 1U);
    EXPECT_FALSE(table.find_column("goldstein").has_value());
}

TEST(ParseCsv, AcceptsCrLfLineEndsAndSkipsBlankLines) {
    const auto table = parse_csv("a,b\r\n1,2\r\n\r\n3,\r\n", "x.csv");
    ASSERT_EQ(table.rows.size(), 2U);
    EXPECT_EQ(table.rows[1], (std::vector<std::string>{"3", ""}));
}

TEST(ParseCsv, MalformedTextIsAnErrorThatNamesTheFileAndLine) {
    const auto message = [](std::string_view text) {
        try {
            parse_csv(text, "runs.csv");
        } catch (const CsvError& error) {
            return std::string(error.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message("a,b\n1,2\n3\n"), "runs.csv:3: 1 fields, the header has 2");
    EXPECT_EQ(message("a,b\n1,\"open\n"), "runs.csv:2: unterminated quoted field");
    EXPECT_EQ(message(""), "runs.csv: empty file (a header row was expected)");
    const auto table = parse_csv("a\n1\n", "runs.csv");
    EXPECT_THROW(static_cast<void>(table.column("b")), CsvError);
}

TEST(ParseCsvNumber, ReadsFiniteNumbersAndEmptyFieldsAndRejectsTheRest) {
    const auto table = parse_csv("time\n1\n", "t.csv");
    EXPECT_EQ(parse_csv_number("41.3", table, "time"), 41.3);
    EXPECT_EQ(parse_csv_number("", table, "time"), std::nullopt);
    EXPECT_THROW(static_cast<void>(parse_csv_number("4x", table, "time")), CsvError);
    EXPECT_THROW(static_cast<void>(parse_csv_number("inf", table, "time")), CsvError);
}

TEST(CsvReader, ReadsRecordByRecordWithOffsetsLinesAndRawBytes) {
    std::istringstream in("a,b\n\"x, y\",\"two\nlines\"\n3,\n");
    brink::io::CsvReader reader(in);
    brink::io::CsvRecord record;
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.fields, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(record.raw, "a,b");
    EXPECT_EQ(record.offset, 0U);
    EXPECT_EQ(record.end, 4U);
    EXPECT_EQ(record.line, 1);
    EXPECT_TRUE(record.complete);
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.fields, (std::vector<std::string>{"x, y", "two\nlines"}));
    EXPECT_EQ(record.raw, "\"x, y\",\"two\nlines\"");
    EXPECT_EQ(record.offset, 4U);
    EXPECT_EQ(record.line, 2);
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.fields, (std::vector<std::string>{"3", ""}));
    EXPECT_EQ(record.line, 4);
    EXPECT_FALSE(reader.next(record));
}

TEST(CsvReader, ReturnsATornLastRecordAsIncomplete) {
    std::istringstream torn("a,b\n1,2\n3,\"par");
    brink::io::CsvReader reader(torn);
    brink::io::CsvRecord record;
    ASSERT_TRUE(reader.next(record));
    ASSERT_TRUE(reader.next(record));
    EXPECT_TRUE(record.complete);
    ASSERT_TRUE(reader.next(record));
    EXPECT_FALSE(record.complete);
    EXPECT_TRUE(record.open_quote);
    EXPECT_EQ(record.fields, (std::vector<std::string>{"3", "par"}));
    EXPECT_FALSE(reader.next(record));

    std::istringstream unterminated("a,b\n1,2");
    brink::io::CsvReader second(unterminated);
    ASSERT_TRUE(second.next(record));
    ASSERT_TRUE(second.next(record));
    EXPECT_FALSE(record.complete);
    EXPECT_FALSE(record.open_quote);
}

TEST(CsvReader, StartsAtAGivenOffsetAndAcceptsCrlf) {
    std::istringstream in("7,x\r\n8,y\r\n");
    brink::io::CsvReader reader(in, 100);
    brink::io::CsvRecord record;
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.fields, (std::vector<std::string>{"7", "x"}));
    EXPECT_EQ(record.raw, "7,x");
    EXPECT_EQ(record.offset, 100U);
    EXPECT_EQ(record.end, 105U);
    ASSERT_TRUE(reader.next(record));
    EXPECT_EQ(record.offset, 105U);
    EXPECT_FALSE(reader.next(record));
}
