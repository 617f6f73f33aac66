// Aggregation of a finished sweep's runs.csv into points.csv and sobol.csv (docs/outputs.md), streaming:
// rows are ordered by run id and a point's replications are contiguous, so memory holds one point's
// replications plus one value per point and metric for Sobol designs.
#include "brink/io/csv.hpp"
#include "brink/io/summary_json.hpp"
#include "brink/sweep/statistics.hpp"

#include "sweep_internal.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>

namespace brink::sweep::detail {
namespace fs = std::filesystem;
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// runs.csv columns around the parameters: run,point,replication,seed,<k values>,outcome,time,initiator,
// target,peak_rung,error.
constexpr std::size_t k_fixed_columns = 10;
constexpr std::size_t k_point_column = 1;
constexpr std::size_t k_first_value_column = 4;

struct PointTally {
    std::uint64_t point = 0;
    std::vector<std::string> values;  // parameter values as written in runs.csv
    std::uint64_t n = 0;              // successful runs
    std::uint64_t wars = 0;
    std::uint64_t settlements = 0;
    std::uint64_t failed = 0;
    double peak_sum = 0.0;
    std::vector<double> war_times;
};

double metric_value(const PointTally& tally, SweepMetric metric) {
    if (tally.n == 0) {
        return k_nan;
    }
    const auto n = static_cast<double>(tally.n);
    switch (metric) {
        case SweepMetric::PWar:
            return static_cast<double>(tally.wars) / n;
        case SweepMetric::PSettlement:
            return static_cast<double>(tally.settlements) / n;
        case SweepMetric::MeanPeakRung:
            return tally.peak_sum / n;
        case SweepMetric::MeanTimeToWar: {
            if (tally.war_times.empty()) {
                return k_nan;
            }
            double sum = 0.0;
            for (double t : tally.war_times) {
                sum += t;
            }
            return sum / static_cast<double>(tally.war_times.size());
        }
    }
    return k_nan;
}

// What aggregation needs of sweep.json.
struct SweepFacts {
    std::vector<std::string> paths;
    std::vector<SweepMetric> metrics;
    bool sobol = false;
    std::uint64_t points = 0;

    explicit SweepFacts(const nlohmann::ordered_json& json) {
        for (const auto& parameter : json["parameters"]) {
            paths.push_back(parameter["path"].get<std::string>());
        }
        for (const auto& name : json["metrics"]) {
            metrics.push_back(sweep_metric_from_string(name.get<std::string>()).value_or(SweepMetric::PWar));
        }
        sobol = json["design"].get<std::string>() == to_string(DesignKind::Sobol);
        points = json["points"].get<std::uint64_t>();
    }
};

// Adds one runs.csv row to its point's tally.
void count_run(const std::vector<std::string>& fields, std::size_t k, PointTally& tally) {
    const std::string& outcome = fields[k_first_value_column + k];
    if (!fields[k_first_value_column + k + 5].empty() || outcome.empty()) {
        ++tally.failed;
        return;
    }
    ++tally.n;
    if (outcome == "war") {
        ++tally.wars;
        if (const auto time = io::parse_number(fields[k_first_value_column + k + 1])) {
            tally.war_times.push_back(*time);
        }
    } else if (outcome == "settlement") {
        ++tally.settlements;
    }
    tally.peak_sum += io::parse_number(fields[k_first_value_column + k + 4]).value_or(0.0);
}

// Streams runs.csv and hands each point's tally, in file order, to `on_point`.
void tally_points(const fs::path& runs_path, std::size_t k,
                  const std::function<void(const PointTally&)>& on_point) {
    std::ifstream in(runs_path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + runs_path.string());
    }
    io::CsvReader reader(in);
    io::CsvRecord record;
    reader.next(record);  // the header
    std::optional<PointTally> tally;
    std::uint64_t rows = 0;
    while (reader.next(record)) {
        const std::vector<std::string>& fields = record.fields;
        if (fields.size() != k + k_fixed_columns) {
            throw std::runtime_error(runs_path.string() + ": row " + std::to_string(rows + 1) + " has " +
                                     std::to_string(fields.size()) + " fields, expected " +
                                     std::to_string(k + k_fixed_columns));
        }
        ++rows;
        const std::uint64_t point = std::stoull(fields[k_point_column]);
        if (!tally || tally->point != point) {
            if (tally) {
                on_point(*tally);
            }
            tally.emplace();
            tally->point = point;
            tally->values.assign(fields.begin() + k_first_value_column,
                                 fields.begin() + static_cast<std::ptrdiff_t>(k_first_value_column + k));
        }
        count_run(fields, k, *tally);
    }
    if (tally) {
        on_point(*tally);
    }
}

// points.csv, row by row.
class PointsTable {
  public:
    explicit PointsTable(const std::vector<std::string>& paths) {
        m_csv.field("point");
        for (const auto& path : paths) {
            m_csv.field(path);
        }
        m_csv.row({"n", "p_war", "p_war_lo", "p_war_hi", "p_settlement", "median_time_to_war",
                   "mean_peak_rung", "failed"});
    }

    void add(const PointTally& tally, const Interval& p_war) {
        m_csv.field(tally.point);
        for (const auto& value : tally.values) {
            m_csv.field(value);
        }
        m_csv.field(tally.n);
        if (tally.n > 0) {
            m_csv.field(p_war.estimate).field(p_war.lo).field(p_war.hi);
            m_csv.field(metric_value(tally, SweepMetric::PSettlement)).field(median(tally.war_times));
            m_csv.field(metric_value(tally, SweepMetric::MeanPeakRung));
        } else {
            for (int column = 0; column < 6; ++column) {
                m_csv.empty_field();
            }
        }
        m_csv.field(tally.failed);
        m_csv.end_row();
    }

    std::string take() { return m_csv.take(); }

  private:
    io::CsvWriter m_csv;
};

// sobol.csv from the per-point metric values (NaN where a point's metric is undefined).
std::string sobol_csv(const SweepFacts& facts, const std::vector<std::vector<double>>& per_point,
                      int bootstrap, std::uint64_t seed) {
    const std::size_t k = facts.paths.size();
    const std::size_t block = k + 2;
    const std::size_t n = facts.points / block;
    io::CsvWriter csv;
    csv.row({"metric", "parameter", "S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"});
    for (std::size_t m = 0; m < facts.metrics.size(); ++m) {
        const char* metric = to_string(facts.metrics[m]);
        std::vector<double> y_a;
        std::vector<double> y_b;
        std::vector<std::vector<double>> y_ab(k);
        for (std::size_t j = 0; j < n; ++j) {
            // A block with an undefined output (e.g. no war at a point for mean_time_to_war) is left out.
            bool defined = true;
            for (std::size_t c = 0; c < block; ++c) {
                defined = defined && std::isfinite(per_point[m][j * block + c]);
            }
            if (!defined) {
                continue;
            }
            y_a.push_back(per_point[m][j * block]);
            y_b.push_back(per_point[m][j * block + 1]);
            for (std::size_t i = 0; i < k; ++i) {
                y_ab[i].push_back(per_point[m][j * block + 2 + i]);
            }
        }
        const auto indices =
            y_a.empty() ? std::vector<SobolIndices>(k) : sobol_indices(y_a, y_b, y_ab, bootstrap, seed);
        for (std::size_t i = 0; i < k; ++i) {
            csv.field(metric).field(facts.paths[i]);
            if (y_a.empty()) {
                csv.empty_field().empty_field().empty_field().empty_field().empty_field().empty_field();
                csv.end_row();
                continue;
            }
            const SobolIndices& index = indices[i];
            csv.field(index.first_order.estimate).field(index.first_order.lo).field(index.first_order.hi);
            csv.field(index.total.estimate).field(index.total.lo).field(index.total.hi);
            csv.end_row();
        }
    }
    return csv.take();
}

void write_output(const fs::path& path, const std::string& text, SweepResult& result) {
    io::write_file_atomically(path, text);
    result.written.push_back(path.string());
}

}  // namespace

void aggregate_directory(const std::string& dir, nlohmann::ordered_json json, SweepResult& result) {
    const SweepFacts facts(json);
    const std::size_t k = facts.paths.size();
    std::vector<std::vector<double>> per_point(facts.sobol ? facts.metrics.size() : 0,
                                               std::vector<double>(facts.points, k_nan));
    std::uint64_t failed_total = 0;
    PointsTable points(facts.paths);
    tally_points(fs::path(dir) / "runs.csv", k, [&](const PointTally& tally) {
        const Interval p_war = wilson_interval(tally.wars, tally.n);
        points.add(tally, p_war);
        failed_total += tally.failed;
        for (std::size_t m = 0; m < per_point.size(); ++m) {
            if (tally.point < facts.points) {
                per_point[m][tally.point] = metric_value(tally, facts.metrics[m]);
            }
        }
    });
    write_output(fs::path(dir) / "points.csv", points.take(), result);
    result.failed = failed_total;

    if (facts.sobol && k > 0) {
        const std::string text = sobol_csv(facts, per_point, json["bootstrap"].get<int>(),
                                           json["design_seed"].get<std::uint64_t>());
        write_output(fs::path(dir) / "sobol.csv", text, result);
    }
    json["runs_failed"] = failed_total;
    write_output(fs::path(dir) / "sweep.json", io::json_text(json), result);
    result.aggregated = true;
}

}  // namespace brink::sweep::detail
