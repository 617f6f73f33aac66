// Tests of include/brink/io/calendar.hpp: dates as day numbers and back.
#include "brink/io/calendar.hpp"

#include <gtest/gtest.h>

#include <string>

namespace brink::io {
namespace {

TEST(Calendar, CountsDaysFromTheUnixEpoch) {
    EXPECT_EQ(date_to_days("1970-01-01"), 0);
    EXPECT_EQ(date_to_days("1970-01-02"), 1);
    EXPECT_EQ(date_to_days("1969-12-31"), -1);
    EXPECT_EQ(date_to_days("2000-03-01").value() - date_to_days("2000-02-28").value(), 2);  // 2000 is leap
    EXPECT_EQ(date_to_days("1900-03-01").value() - date_to_days("1900-02-28").value(), 1);  // 1900 is not
    EXPECT_EQ(date_to_days("2022-01-26").value() - date_to_days("2022-01-22").value(), 4);
}

TEST(Calendar, AcceptsLeapDaysOnlyInLeapYears) {
    EXPECT_TRUE(date_to_days("2024-02-29").has_value());
    EXPECT_TRUE(date_to_days("2000-02-29").has_value());
    EXPECT_FALSE(date_to_days("2023-02-29").has_value());
    EXPECT_FALSE(date_to_days("1900-02-29").has_value());
}

TEST(Calendar, RejectsMalformedAndImpossibleDates) {
    for (const char* bad : {"2022-02-30", "2022-13-01", "2022-00-10", "2022-04-31", "2022-1-22", "22-01-2022",
                            "2022/01/22", "", "2022-01-22T00", "abcd-ef-gh", "2022-01-00"}) {
        EXPECT_FALSE(date_to_days(bad).has_value()) << bad;
    }
}

TEST(Calendar, RoundTripsEveryDayOfFourCenturies) {
    const long first = date_to_days("1800-01-01").value();
    for (long day = first; day < first + 146097; ++day) {
        const std::string text = days_to_date(day);
        ASSERT_EQ(date_to_days(text), day) << text;
    }
    EXPECT_EQ(days_to_date(date_to_days("1914-07-23").value()), "1914-07-23");
}

}  // namespace
}  // namespace brink::io
