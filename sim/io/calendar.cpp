// Proleptic Gregorian calendar <-> day numbers (days since 1970-01-01), after H. Hinnant's
// "chrono-compatible low-level date algorithms" (days_from_civil / civil_from_days).
#include "brink/io/calendar.hpp"

#include <string>

namespace brink::io {

namespace {

bool is_leap(long year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(long year, int month) {
    constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : k_days[month - 1];
}

long days_from_civil(long year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const long era = (year >= 0 ? year : year - 399) / 400;
    const long year_of_era = year - era * 400;
    const long day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

}  // namespace

std::optional<long> date_to_days(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
        return std::nullopt;
    }
    long fields[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f) {
        for (std::size_t k = 0; k < lengths[f]; ++k) {
            const char c = date[starts[f] + k];
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            fields[f] = fields[f] * 10 + (c - '0');
        }
    }
    const long year = fields[0];
    const int month = static_cast<int>(fields[1]);
    const int day = static_cast<int>(fields[2]);
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
        return std::nullopt;
    }
    return days_from_civil(year, month, day);
}

std::string days_to_date(long days) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long day_of_era = days - era * 146097;
    const long year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const long mp = (5 * day_of_year + 2) / 153;
    const long day = day_of_year - (153 * mp + 2) / 5 + 1;
    const long month = mp < 10 ? mp + 3 : mp - 9;
    const long year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    const auto padded = [](long number, std::size_t width) {
        std::string digits = std::to_string(number < 0 ? -number : number);
        if (digits.size() < width) {
            digits.insert(0, width - digits.size(), '0');
        }
        return (number < 0 ? "-" : "") + digits;
    };
    return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2);
}

}  // namespace brink::io
