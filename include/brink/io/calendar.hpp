// brink io: calendar dates, proleptic Gregorian, as day numbers (days since 1970-01-01) and back.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace brink::io {

/// "YYYY-MM-DD" (a day that exists) as days since 1970-01-01; nullopt when malformed.
std::optional<long> date_to_days(std::string_view date);

/// Days since 1970-01-01 as "YYYY-MM-DD" (a year before 1 or after 9999 keeps its sign and digits).
std::string days_to_date(long days);

}  // namespace brink::io
