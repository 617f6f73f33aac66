// The observed outcomes of the case library (include/brink/score/observed.hpp).
#include "brink/score/observed.hpp"

#include "brink/io/csv.hpp"
#include "brink/io/numbers.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace brink::score {
namespace fs = std::filesystem;
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

struct Columns {
    std::size_t name, crisis_name, war, max_violence, days_to_violence, days_to_termination, actor_id,
        outcome;
};

std::size_t require_column(const io::CsvTable& table, const char* name) {
    const auto column = table.find_column(name);
    if (!column) {
        throw ScoreInputError(table.path + ": no column '" + name + "'");
    }
    return *column;
}

std::string where(const io::CsvTable& table, std::size_t row, const std::string& column) {
    // Row numbers as a reader counts lines: the header is line 1.
    return table.path + ":" + std::to_string(row + 2) + ": column '" + column + "'";
}

int whole_number(const io::CsvTable& table, std::size_t row, std::size_t column, int low, int high) {
    const std::string& text = table.rows[row][column];
    const auto value = io::parse_number(text);
    if (!value || *value != std::floor(*value) || *value < low || *value > high) {
        throw ScoreInputError(where(table, row, table.header[column]) + ": expected a whole number from " +
                              std::to_string(low) + " to " + std::to_string(high) + ", got '" + text + "'");
    }
    return static_cast<int>(*value);
}

double optional_days(const io::CsvTable& table, std::size_t row, std::size_t column) {
    const std::string& text = table.rows[row][column];
    if (text.empty()) {
        return k_nan;
    }
    const auto value = io::parse_number(text);
    if (!value || *value < 0.0) {
        throw ScoreInputError(where(table, row, table.header[column]) +
                              ": expected a number of days >= 0 or nothing, got '" + text + "'");
    }
    return *value;
}

bool same_number(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

}  // namespace

std::map<std::string, ObservedCase> parse_observed(const std::string& text, const std::string& path) {
    io::CsvTable table;
    try {
        table = io::parse_csv(text, path);
    } catch (const io::CsvError& error) {
        throw ScoreInputError(error.what());
    }
    const Columns columns{require_column(table, "case"),
                          require_column(table, "crisis_name"),
                          require_column(table, "war"),
                          require_column(table, "max_violence"),
                          require_column(table, "days_to_violence"),
                          require_column(table, "days_to_termination"),
                          require_column(table, "actor_id"),
                          require_column(table, "outcome")};
    std::map<std::string, ObservedCase> cases;
    for (std::size_t row = 0; row < table.rows.size(); ++row) {
        const auto& fields = table.rows[row];
        ObservedCase observed;
        observed.name = fields[columns.name];
        if (observed.name.empty()) {
            throw ScoreInputError(where(table, row, "case") + ": empty case name");
        }
        observed.crisis_name = fields[columns.crisis_name];
        observed.war = whole_number(table, row, columns.war, 0, 1);
        observed.max_violence = whole_number(table, row, columns.max_violence, 1, 4);
        observed.days_to_violence = optional_days(table, row, columns.days_to_violence);
        observed.days_to_termination = optional_days(table, row, columns.days_to_termination);
        const ObservedActor actor{fields[columns.actor_id], fields[columns.outcome]};
        auto [found, inserted] = cases.try_emplace(observed.name, observed);
        ObservedCase& known = found->second;
        if (!inserted && (known.war != observed.war || known.max_violence != observed.max_violence ||
                          !same_number(known.days_to_violence, observed.days_to_violence) ||
                          !same_number(known.days_to_termination, observed.days_to_termination))) {
            throw ScoreInputError(where(table, row, "case") + ": the rows of case '" + observed.name +
                                  "' disagree on war, max_violence or the days");
        }
        if (!actor.id.empty()) {
            known.actors.push_back(actor);
        }
    }
    return cases;
}

std::map<std::string, ObservedCase> read_observed(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw ScoreInputError(path + ": cannot read the observed outcomes");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_observed(text.str(), path);
}

std::string case_name(const std::string& case_path) {
    return fs::path(case_path).stem().string();
}

std::string default_observed_path(const std::string& case_path) {
    const fs::path dir = fs::path(case_path).parent_path();
    for (const fs::path& candidate : {dir / "observed.csv", dir / "cases" / "observed.csv"}) {
        std::error_code error;
        if (fs::is_regular_file(candidate, error)) {
            return candidate.string();
        }
    }
    return {};
}

}  // namespace brink::score
