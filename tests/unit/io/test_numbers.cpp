// Tests of include/brink/io/numbers.hpp: one way to write and read numbers for every ring.
#include "brink/io/numbers.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <limits>
#include <string>

using brink::io::format_number;
using brink::io::LeadingPlus;
using brink::io::NonFinite;
using brink::io::parse_number;
using brink::io::parse_unsigned;

namespace {
constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double k_inf = std::numeric_limits<double>::infinity();
}  // namespace

TEST(FormatNumber, WritesTheShortestTextThatReadsBackExactly) {
    EXPECT_EQ(format_number(0.1), "0.1");
    EXPECT_EQ(format_number(41.3), "41.3");
    EXPECT_EQ(format_number(3.0), "3");
    EXPECT_EQ(format_number(-7.25), "-7.25");
    EXPECT_EQ(format_number(1.0 / 3.0), "0.3333333333333333");
    EXPECT_EQ(format_number(1e20), "1e+20");
}

TEST(FormatNumber, RoundTripsAwkwardValues) {
    for (const double value : {0.1 + 0.2, 1e-300, 123456789.123456789, std::numeric_limits<double>::max(),
                               std::numeric_limits<double>::denorm_min(), -2.2250738585072014e-308}) {
        const std::string text = format_number(value);
        EXPECT_EQ(std::strtod(text.c_str(), nullptr), value) << text;
    }
}

TEST(FormatNumber, WritesNegativeZeroAsZero) {
    EXPECT_EQ(format_number(-0.0), "0");
}

TEST(FormatNumber, NeverWritesNanOrInfinity) {
    EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "");
    EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "");
    EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "");
}

TEST(FormatNumber, SpellsOutNanAndInfinityWhenAskedForText) {
    EXPECT_EQ(format_number(k_nan, NonFinite::Text), "nan");
    EXPECT_EQ(format_number(k_inf, NonFinite::Text), "inf");
    EXPECT_EQ(format_number(-k_inf, NonFinite::Text), "-inf");
    EXPECT_EQ(format_number(-0.0, NonFinite::Text), "0");  // negative zero is "0" whatever the policy
    EXPECT_EQ(format_number(0.25, NonFinite::Text), "0.25");
}

TEST(AppendNumber, AppendsWhatFormatNumberWrites) {
    std::string text = "x=";
    brink::io::append_number(text, 1.5);
    brink::io::append_number(text, k_nan);
    brink::io::append_number(text, -0.0);
    EXPECT_EQ(text, "x=1.50");
}

TEST(ParseNumber, ReadsWholeFiniteDecimalNumbers) {
    EXPECT_EQ(parse_number("0.8"), 0.8);
    EXPECT_EQ(parse_number("-38"), -38.0);
    EXPECT_EQ(parse_number("1e3"), 1000.0);
    EXPECT_EQ(parse_number(format_number(0.1 + 0.2)), 0.1 + 0.2);
}

TEST(ParseNumber, RefusesPartialTextSpacesAndNonFiniteValues) {
    for (const char* text : {"", "0.8x", " 1", "1 ", "nan", "inf", "-inf", "1e999", "0x10", "."}) {
        EXPECT_FALSE(parse_number(text)) << text;
    }
}

TEST(ParseNumber, TakesALeadingPlusOnlyWhenAccepted) {
    EXPECT_FALSE(parse_number("+0.5"));
    EXPECT_EQ(parse_number("+0.5", LeadingPlus::Accepted), 0.5);
    EXPECT_EQ(parse_number("+.5", LeadingPlus::Accepted), 0.5);
    EXPECT_FALSE(parse_number("+", LeadingPlus::Accepted));
    EXPECT_FALSE(parse_number("+-1", LeadingPlus::Accepted));
}

TEST(ParseUnsigned, ReadsDecimalDigitsUpToTwoToTheSixtyFourMinusOne) {
    EXPECT_EQ(parse_unsigned("0"), 0U);
    EXPECT_EQ(parse_unsigned("18446744073709551615"), 18446744073709551615ULL);
    for (const char* text : {"", "-1", "+1", "18446744073709551616", "1.0", "1e3", " 7"}) {
        EXPECT_FALSE(parse_unsigned(text)) << text;
    }
}
