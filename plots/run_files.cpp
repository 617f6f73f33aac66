// Reading run directories: brink_io's CSV reader and calendar (the files are brink_io's), so that plots
// depend on the documented files (docs/outputs.md) and nothing else.
#include "run_files.hpp"

#include "brink/io/calendar.hpp"
#include "brink/plots/render.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace brink::plots::detail {

CsvTable read_csv(const std::string& path) {
    try {
        return io::read_csv_file(path);
    } catch (const io::CsvError& error) {
        throw PlotError(error.what());
    }
}

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw PlotError(path + ": cannot read file");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

nlohmann::json read_json(const std::string& path) {
    std::string text = read_text_file(path);
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& error) {
        throw PlotError(path + ": not valid JSON: " + error.what());
    }
}

std::optional<double> parse_number(std::string_view field, const CsvTable& table, std::string_view column) {
    try {
        return io::parse_csv_number(field, table, column);
    } catch (const io::CsvError& error) {
        throw PlotError(error.what());
    }
}

std::string short_date(long days) {
    static constexpr const char* k_month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string date = io::days_to_date(days);  // YYYY-MM-DD (a year before 1 has a sign)
    const std::size_t month_at = date.size() - 5;
    const int month = std::stoi(date.substr(month_at, 2));
    const int day = std::stoi(date.substr(month_at + 3, 2));
    return std::to_string(day) + " " + k_month_names[month - 1] + " " +
           std::to_string(std::stol(date.substr(0, month_at - 1)));
}

std::string script_number(double value) {
    std::string text = io::format_number(value);
    return text.empty() ? "0" : text;  // a script needs a number; callers write NaN themselves
}

std::string format_fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find_first_not_of("-0.") == std::string::npos && text.front() == '-') {
        text.erase(0, 1);  // "-0.00" reads as a sign that is not there
    }
    return text;
}

bool file_exists(const std::string& path) {
    std::error_code error;
    return std::filesystem::is_regular_file(path, error);
}

std::string join_path(const std::string& dir, const std::string& name) {
    return (std::filesystem::path(dir) / name).string();
}

}  // namespace brink::plots::detail
