// Aggregation of a finished sweep's runs.csv into points.csv and sobol.csv (docs/outputs.md), streaming:
// rows are ordered by run id and a point's replications are contiguous, so memory holds one point's
// replications plus one value per point and metric for Sobol designs.
#include "brink/sweep/statistics.hpp"

#include "csv_text.hpp"
#include "sweep_internal.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace brink::sweep::detail {
namespace fs = std::filesystem;
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

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

}  // namespace

void aggregate_directory(const std::string& dir, nlohmann::ordered_json json, SweepResult& result,
                         ChartOutput charts) {
    const fs::path runs_path = fs::path(dir) / "runs.csv";
    std::ifstream in(runs_path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + runs_path.string());
    }
    std::vector<std::string> paths;
    for (const auto& parameter : json["parameters"]) {
        paths.push_back(parameter["path"].get<std::string>());
    }
    std::vector<SweepMetric> metrics;
    for (const auto& name : json["metrics"]) {
        metrics.push_back(sweep_metric_from_string(name.get<std::string>()).value_or(SweepMetric::PWar));
    }
    const bool sobol = json["design"].get<std::string>() == to_string(DesignKind::Sobol);
    const std::size_t k = paths.size();
    const std::uint64_t points = json["points"].get<std::uint64_t>();

    std::string points_text = "point";
    for (const auto& path : paths) {
        points_text += ',' + quote_field(path);
    }
    points_text += ",n,p_war,p_war_lo,p_war_hi,p_settlement,median_time_to_war,mean_peak_rung,failed\n";
    std::vector<std::vector<double>> per_point(sobol ? metrics.size() : 0,
                                               std::vector<double>(points, k_nan));
    std::uint64_t failed_total = 0;
    PointEstimates estimates{std::vector<double>(points, k_nan), std::vector<double>(points, k_nan),
                             std::vector<double>(points, k_nan)};
    std::vector<SobolRow> sobol_rows;

    auto flush = [&](const PointTally& tally) {
        const Interval p_war = wilson_interval(tally.wars, tally.n);
        std::string row = format_integer(tally.point);
        for (const auto& value : tally.values) {
            row += ',' + value;
        }
        row += ',' + format_integer(tally.n);
        if (tally.n > 0) {
            row += ',' + io::format_number(p_war.estimate) + ',' + io::format_number(p_war.lo) + ',' +
                   io::format_number(p_war.hi) + ',' +
                   io::format_number(metric_value(tally, SweepMetric::PSettlement)) + ',' +
                   io::format_number(median(tally.war_times)) + ',' +
                   io::format_number(metric_value(tally, SweepMetric::MeanPeakRung));
        } else {
            row += ",,,,,,";
        }
        row += ',' + format_integer(tally.failed) + '\n';
        points_text += row;
        failed_total += tally.failed;
        if (tally.point < points && tally.n > 0) {
            estimates.p_war[tally.point] = p_war.estimate;
            estimates.lo[tally.point] = p_war.lo;
            estimates.hi[tally.point] = p_war.hi;
        }
        for (std::size_t m = 0; m < per_point.size(); ++m) {
            if (tally.point < points) {
                per_point[m][tally.point] = metric_value(tally, metrics[m]);
            }
        }
    };

    std::string line;
    std::getline(in, line);  // header
    std::optional<PointTally> tally;
    std::uint64_t rows = 0;
    while (std::getline(in, line)) {
        const std::vector<std::string> fields = split_record(line);
        if (fields.size() != k + 10) {
            throw std::runtime_error(runs_path.string() + ": row " + std::to_string(rows + 1) + " has " +
                                     std::to_string(fields.size()) + " fields, expected " +
                                     std::to_string(k + 10));
        }
        ++rows;
        const std::uint64_t point = std::stoull(fields[1]);
        if (!tally || tally->point != point) {
            if (tally) {
                flush(*tally);
            }
            tally.emplace();
            tally->point = point;
            for (std::size_t j = 0; j < k; ++j) {
                tally->values.push_back(quote_field(fields[4 + j]));
            }
        }
        const std::string& outcome = fields[4 + k];
        if (!fields[9 + k].empty() || outcome.empty()) {
            ++tally->failed;
            continue;
        }
        ++tally->n;
        if (outcome == "war") {
            ++tally->wars;
            if (const auto time = io::parse_number(fields[5 + k])) {
                tally->war_times.push_back(*time);
            }
        } else if (outcome == "settlement") {
            ++tally->settlements;
        }
        tally->peak_sum += io::parse_number(fields[8 + k]).value_or(0.0);
    }
    if (tally) {
        flush(*tally);
    }
    io::write_file_atomically(fs::path(dir) / "points.csv", points_text);
    result.written.push_back((fs::path(dir) / "points.csv").string());
    result.failed = failed_total;

    if (sobol && k > 0) {
        const std::size_t block = k + 2;
        const std::size_t n = points / block;
        std::string sobol_text = "metric,parameter,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\n";
        const auto bootstrap = json["bootstrap"].get<int>();
        const auto seed = json["design_seed"].get<std::uint64_t>();
        for (std::size_t m = 0; m < metrics.size(); ++m) {
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
            if (y_a.empty()) {
                for (const auto& path : paths) {
                    sobol_text += std::string(to_string(metrics[m])) + ',' + quote_field(path) + ",,,,,,\n";
                }
                continue;
            }
            const auto indices = sobol_indices(y_a, y_b, y_ab, bootstrap, seed);
            for (std::size_t i = 0; i < k; ++i) {
                sobol_rows.push_back({to_string(metrics[m]), paths[i], indices[i].first_order.estimate,
                                      indices[i].first_order.lo, indices[i].first_order.hi,
                                      indices[i].total.estimate, indices[i].total.lo, indices[i].total.hi});
                sobol_text += std::string(to_string(metrics[m])) + ',' + quote_field(paths[i]) + ',' +
                              io::format_number(indices[i].first_order.estimate) + ',' +
                              io::format_number(indices[i].first_order.lo) + ',' +
                              io::format_number(indices[i].first_order.hi) + ',' +
                              io::format_number(indices[i].total.estimate) + ',' +
                              io::format_number(indices[i].total.lo) + ',' +
                              io::format_number(indices[i].total.hi) + '\n';
            }
        }
        io::write_file_atomically(fs::path(dir) / "sobol.csv", sobol_text);
        result.written.push_back((fs::path(dir) / "sobol.csv").string());
    }
    json["runs_failed"] = failed_total;
    io::write_file_atomically(fs::path(dir) / "sweep.json", json.dump(2) + "\n");
    result.written.push_back((fs::path(dir) / "sweep.json").string());
    result.aggregated = true;
    draw_sweep_charts(dir, json, estimates, sobol_rows, charts, result);
}

}  // namespace brink::sweep::detail
