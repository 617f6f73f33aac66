// Observed weekly dyad series and their comparison with a case's runs (include/brink/score/dyad_series.hpp).
#include "brink/score/dyad_series.hpp"

#include "brink/io/calendar.hpp"
#include "brink/io/csv.hpp"
#include "brink/io/numbers.hpp"
#include "brink/score/observed.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace brink::score {
namespace fs = std::filesystem;
namespace {

int sign_of(double value) {
    return value > 0.0 ? 1 : (value < 0.0 ? -1 : 0);
}

int actor_index(const ScenarioSpec& spec, const std::string& id) {
    for (std::size_t i = 0; i < spec.actors.size(); ++i) {
        if (spec.actors[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

}  // namespace

std::map<std::string, ObservedDyadSeries> parse_dyad_series(const std::string& text,
                                                            const std::string& path) {
    io::CsvTable table;
    try {
        table = io::parse_csv(text, path);
    } catch (const io::CsvError& error) {
        throw ScoreInputError(error.what());
    }
    std::size_t columns[5] = {};
    const char* names[5] = {"case", "a", "b", "week_start", "goldstein"};
    for (int c = 0; c < 5; ++c) {
        const auto column = table.find_column(names[c]);
        if (!column) {
            throw ScoreInputError(path + ": no column '" + names[c] +
                                  "' (expected case,a,b,week_start,goldstein)");
        }
        columns[c] = *column;
    }
    std::map<std::string, ObservedDyadSeries> series;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const std::string where = path + ":" + std::to_string(r + 2) + ": ";
        const std::string& name = row[columns[0]];
        const std::string& a = row[columns[1]];
        const std::string& b = row[columns[2]];
        if (name.empty() || a.empty() || b.empty() || a == b) {
            throw ScoreInputError(where + "expected a case and two different actor ids");
        }
        const auto start = io::date_to_days(row[columns[3]]);
        if (!start) {
            throw ScoreInputError(where + "column 'week_start': expected a date YYYY-MM-DD, got '" +
                                  row[columns[3]] + "'");
        }
        const auto goldstein = io::parse_number(row[columns[4]]);
        if (!goldstein || !std::isfinite(*goldstein)) {
            throw ScoreInputError(where + "column 'goldstein': expected a number, got '" + row[columns[4]] +
                                  "'");
        }
        ObservedDyadSeries& entry = series[name];
        if (entry.a.empty()) {
            entry.a = a;
            entry.b = b;
        } else if (!((entry.a == a && entry.b == b) || (entry.a == b && entry.b == a))) {
            throw ScoreInputError(where + "case '" + name + "' already has the dyad " + entry.a + "–" +
                                  entry.b + " (one dyad per case)");
        }
        for (const ObservedWeek& week : entry.weeks) {
            if (week.week_start == *start) {
                throw ScoreInputError(where + "the week of " + row[columns[3]] + " is given twice for '" +
                                      name + "'");
            }
        }
        entry.weeks.push_back({*start, *goldstein});
    }
    for (auto& [name, entry] : series) {
        std::sort(entry.weeks.begin(), entry.weeks.end(),
                  [](const ObservedWeek& x, const ObservedWeek& y) { return x.week_start < y.week_start; });
    }
    return series;
}

std::map<std::string, ObservedDyadSeries> read_dyad_series(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw ScoreInputError(path + ": cannot read the observed dyad series");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_dyad_series(text.str(), path);
}

std::string default_dyad_series_path(const std::string& observed_path) {
    if (observed_path.empty()) {
        return {};
    }
    const fs::path candidate = fs::path(observed_path).parent_path() / "observed_dyads.csv";
    std::error_code error;
    return fs::is_regular_file(candidate, error) ? candidate.string() : std::string();
}

std::string check_dyad_series(const ScenarioSpec& spec, const ObservedDyadSeries& series) {
    for (const std::string& id : {series.a, series.b}) {
        if (actor_index(spec, id) < 0) {
            return "the observed dyad series names '" + id + "', which is not an actor of the scenario";
        }
    }
    if (!io::date_to_days(spec.metadata.start_date)) {
        return "the observed dyad series needs the scenario's start_date (to place its weeks)";
    }
    return {};
}

double sign_agreement(const std::vector<double>& predicted, const std::vector<double>& observed) {
    const std::size_t n = std::min(predicted.size(), observed.size());
    if (n == 0) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    std::size_t agree = 0;
    for (std::size_t i = 0; i < n; ++i) {
        agree += sign_of(predicted[i]) == sign_of(observed[i]) ? 1U : 0U;
    }
    return static_cast<double>(agree) / static_cast<double>(n);
}

double pearson_correlation(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t n = std::min(x.size(), y.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (n < 3) {
        return nan;
    }
    double mean_x = 0.0;
    double mean_y = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        mean_x += x[i];
        mean_y += y[i];
    }
    mean_x /= static_cast<double>(n);
    mean_y /= static_cast<double>(n);
    double sxy = 0.0;
    double sxx = 0.0;
    double syy = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        sxy += (x[i] - mean_x) * (y[i] - mean_y);
        sxx += (x[i] - mean_x) * (x[i] - mean_x);
        syy += (y[i] - mean_y) * (y[i] - mean_y);
    }
    return sxx > 0.0 && syy > 0.0 ? sxy / std::sqrt(sxx * syy) : nan;
}

DyadFit dyad_fit(const ScenarioSpec& spec, const std::vector<sweep::ReplicationOutcome>& runs,
                 const ObservedDyadSeries& series) {
    DyadFit fit;
    fit.a = series.a;
    fit.b = series.b;
    const int a = actor_index(spec, series.a);
    const int b = actor_index(spec, series.b);
    const auto start = io::date_to_days(spec.metadata.start_date);
    if (a < 0 || b < 0 || !start) {
        return fit;
    }
    std::vector<long> offsets;
    std::vector<double> observed;
    for (const ObservedWeek& week : series.weeks) {
        const long offset = week.week_start - *start;
        if (offset >= 0 && static_cast<double>(offset) < spec.metadata.horizon) {
            offsets.push_back(offset);
            observed.push_back(week.goldstein);
        }
    }
    std::vector<double> simulated(offsets.size(), 0.0);
    double affinity = 0.0;
    int counted = 0;
    for (const sweep::ReplicationOutcome& run : runs) {
        if (!run.error.empty()) {
            continue;
        }
        ++counted;
        if (run.affinity_start.rows() > std::max(a, b)) {
            affinity += run.affinity_start(a, b);
        }
        for (const model::DyadDay& day : run.dyads) {
            if (!((day.source == a && day.target == b) || (day.source == b && day.target == a))) {
                continue;
            }
            for (std::size_t w = 0; w < offsets.size(); ++w) {
                if (day.day >= offsets[w] && day.day < offsets[w] + 7) {
                    simulated[w] += day.goldstein_sum;
                }
            }
        }
    }
    if (counted == 0) {
        return fit;
    }
    for (double& value : simulated) {
        value /= counted;
    }
    fit.weeks = static_cast<int>(offsets.size());
    fit.starting_affinity = affinity / counted;
    if (fit.weeks > 0) {
        fit.sign_agreement = sign_agreement(simulated, observed);
        fit.correlation = pearson_correlation(simulated, observed);
        fit.baseline_sign_agreement =
            sign_agreement(std::vector<double>(observed.size(), fit.starting_affinity), observed);
    }
    return fit;
}

}  // namespace brink::score
