// The files of `brink calibrate`: calibration.csv rows, best.yaml, cv.csv, summary.json and the
// cross-validated forecasts' score files (include/brink/score/calibration.hpp; docs/outputs.md).
#include "brink/io/atomic_file.hpp"
#include "brink/io/csv.hpp"
#include "brink/io/numbers.hpp"
#include "brink/io/summary_json.hpp"
#include "brink/score/calibration.hpp"

#include <filesystem>
#include <limits>

namespace brink::score {
namespace {
namespace fs = std::filesystem;

std::vector<std::size_t> every_case(const PointResult& point) {
    std::vector<std::size_t> cases(point.log.size());
    for (std::size_t c = 0; c < cases.size(); ++c) {
        cases[c] = c;
    }
    return cases;
}

io::OrderedJson values_json(const CalibrationSpec& spec, const std::vector<double>& values) {
    io::OrderedJson json = io::OrderedJson::object();
    for (std::size_t j = 0; j < values.size() && j < spec.parameters.size(); ++j) {
        json[spec.parameters[j].path] = io::json_number(values[j]);
    }
    return json;
}

io::OrderedJson forecaster_json(const Interval& brier, const Interval& log) {
    return {{"brier", interval_json(brier)}, {"log", interval_json(log)}};
}

io::OrderedJson provenance_json(const CalibrationSpec& spec, const CalibrationResult& result) {
    io::OrderedJson json;
    json["kind"] = "calibration";
    json["brink_version"] = BRINK_VERSION;
    json["file"] = spec.source_path;
    json["cases"] = result.cross_validated.observed.size();
    int wars = 0;
    for (const ObservedCase& observed : result.cross_validated.observed) {
        wars += observed.war;
    }
    json["observed_wars"] = wars;
    json["runs_per_case"] = spec.runs;
    json["seed"] = spec.seed;
    json["common_random_numbers"] = true;
    json["design"] = {{"method", spec.design == CalibrationDesign::Sobol ? "sobol" : "lhs"},
                      {"points", spec.points},
                      {"seed", spec.design_seed}};
    json["k_folds"] = spec.folds;
    if (spec.refine.evaluations > 0) {
        json["refine"] = {{"method", spec.refine.method == RefineMethod::Bobyqa ? "bobyqa" : "neldermead"},
                          {"evaluations", spec.refine.evaluations},
                          {"step", io::json_number(spec.refine.step)}};
    }
    json["timing_weight"] = io::json_number(spec.timing_weight);
    json["bootstrap"] = {{"resamples", spec.bootstrap}, {"seed", spec.seed}, {"level", 0.95}};
    io::OrderedJson parameters = io::OrderedJson::array();
    for (const CalibrationParameter& parameter : spec.parameters) {
        parameters.push_back({{"path", parameter.path},
                              {"low", io::json_number(parameter.low)},
                              {"high", io::json_number(parameter.high)}});
    }
    json["parameters"] = parameters;
    return json;
}

}  // namespace

std::string calibration_csv_header(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed) {
    io::CsvWriter csv;
    csv.field("point");
    for (const CalibrationParameter& parameter : spec.parameters) {
        csv.field(parameter.path);
    }
    csv.field("objective").field("log").field("brier").field("timing");
    for (const ObservedCase& o : observed) {
        csv.field("p_war:" + o.name).field("log:" + o.name).field("timing:" + o.name);
    }
    csv.end_row();
    return csv.take();
}

std::string calibration_csv_row(const CalibrationSpec& spec, const PointResult& point) {
    io::CsvWriter csv;
    csv.field(static_cast<std::uint64_t>(point.index));
    for (double value : point.values) {
        csv.field(value);
    }
    const std::vector<std::size_t> cases = every_case(point);
    csv.field(objective(point, cases, spec.timing_weight));
    csv.field(mean_of_finite(point.log))
        .field(mean_of_finite(point.brier))
        .field(mean_of_finite(point.timing));
    for (std::size_t c = 0; c < point.log.size(); ++c) {
        csv.field(point.p_war[c]).field(point.log[c]).field(point.timing[c]);
    }
    csv.end_row();
    return csv.take();
}

std::vector<PointResult> read_calibration_rows(const CalibrationSpec& spec,
                                               const std::vector<ObservedCase>& observed,
                                               std::string_view text, const std::string& path) {
    const std::string header = calibration_csv_header(spec, observed);
    if (text.substr(0, header.size()) != header) {
        throw ScoreInputError(
            path + ": its header is not this calibration's (a different file, cases or parameters)");
    }
    // Complete rows only: a row cut by a kill has no line feed.
    io::CsvTable table;
    try {
        table = io::parse_csv(text.substr(0, text.rfind('\n') + 1), path);
    } catch (const io::CsvError& error) {
        throw ScoreInputError(error.what());
    }
    const sweep::Design design = calibration_design(spec);
    const std::size_t k = spec.parameters.size();
    std::vector<PointResult> points;
    for (const std::vector<std::string>& row : table.rows) {
        const auto point_number = io::parse_unsigned(row[0]);
        const std::size_t p = point_number ? static_cast<std::size_t>(*point_number) : design.size();
        if (p >= design.size() || (!points.empty() && p <= points.back().index)) {
            throw ScoreInputError(path + ": row " + std::to_string(points.size() + 1) + ": '" + row[0] +
                                  "' is not a next point of this design");
        }
        PointResult point;
        point.index = p;
        for (std::size_t j = 0; j < k; ++j) {
            if (row[1 + j] != io::format_number(design.at(p, j))) {
                throw ScoreInputError(path + ": point " + std::to_string(p) +
                                      " has other values than the design's");
            }
            point.values.push_back(design.at(p, j));
        }
        const double nan = std::numeric_limits<double>::quiet_NaN();
        for (std::size_t c = 0; c < observed.size(); ++c) {
            const std::size_t column = 1 + k + 4 + 3 * c;
            const auto number = [&](std::size_t offset) {
                try {
                    return io::parse_csv_number(row[column + offset], table, table.header[column + offset])
                        .value_or(nan);
                } catch (const io::CsvError& error) {
                    throw ScoreInputError(error.what());
                }
            };
            point.p_war.push_back(number(0));
            point.log.push_back(number(1));
            point.timing.push_back(number(2));
            point.brier.push_back(brier_score(point.p_war.back(), observed[c].war));
        }
        points.push_back(std::move(point));
    }
    return points;
}

// "point 12 of 256" or "point 12 of 256, refined (evaluation 31)".
std::string chosen_text(const CalibrationResult& result) {
    std::string text = "point " + std::to_string(result.points.at(result.best).index) + " of " +
                       std::to_string(result.points.size());
    if (!result.refinements.empty() && result.refinements.front().improved) {
        text += ", refined (evaluation " + std::to_string(result.refinements.front().best) + ")";
    }
    return text;
}

std::string best_yaml(const CalibrationSpec& spec, const CalibrationResult& result) {
    const PointResult& best = chosen_point(result);
    std::string text =
        "# brink calibrate " + spec.source_path + ": " + chosen_text(result) + ", objective " +
        io::format_number(objective(best, every_case(best), spec.timing_weight)) +
        " (mean over every case).\n# A parameter file: brink run --params, brink score --params.\n";
    for (const std::string& assignment : point_assignments(spec, best.values)) {
        const std::size_t equals = assignment.find('=');
        text += assignment.substr(0, equals) + ": " + assignment.substr(equals + 1) + "\n";
    }
    return text;
}

std::string cv_csv(const CalibrationSpec& spec, const CalibrationResult& result) {
    io::CsvWriter csv;
    csv.field("fold").field("point");
    for (const CalibrationParameter& parameter : spec.parameters) {
        csv.field(parameter.path);
    }
    csv.field("train_objective")
        .field("case")
        .field("observed_war")
        .field("p_war")
        .field("brier")
        .field("log");
    csv.field("fold_brier").field("fold_log").end_row();
    for (const FoldResult& fold : result.folds) {
        const PointResult& point = fold_point(result, fold);
        for (std::size_t c : fold.held_out) {
            csv.field(fold.fold).field(static_cast<std::uint64_t>(fold.point));
            for (double value : point.values) {
                csv.field(value);
            }
            csv.field(fold.train_objective).field(result.cross_validated.observed[c].name);
            csv.field(result.cross_validated.observed[c].war).field(point.p_war[c]);
            csv.field(point.brier[c]).field(point.log[c]).field(fold.held_out_brier).field(fold.held_out_log);
            csv.end_row();
        }
    }
    return csv.take();
}

std::string calibration_summary_json(const CalibrationSpec& spec, const CalibrationResult& result) {
    io::OrderedJson json = provenance_json(spec, result);
    const PointResult& best = chosen_point(result);
    const ScoreReport& cv = result.cross_validated;
    json["best"] = {{"point", result.points.at(result.best).index},
                    {"refined", !result.refinements.empty() && result.refinements.front().improved},
                    {"values", values_json(spec, best.values)},
                    {"objective", io::json_number(objective(best, every_case(best), spec.timing_weight))},
                    {"in_sample_brier", io::json_number(mean_of_finite(best.brier))},
                    {"in_sample_log", io::json_number(mean_of_finite(best.log))}};
    io::OrderedJson scores;
    scores["cross_validated"] = forecaster_json(cv.model.brier, cv.model.log);
    scores["defaults"] =
        forecaster_json(result.defaults_report.model.brier, result.defaults_report.model.log);
    scores["defaults"]["objective"] =
        io::json_number(objective(result.defaults, every_case(result.defaults), spec.timing_weight));
    scores["base_rate"] = forecaster_json(cv.base_rate.brier, cv.base_rate.log);
    scores["base_rate"]["p_war"] = io::json_number(cv.base_rate_p_war);
    scores["base_rate_held_out"] =
        forecaster_json(result.cv_base_rate_brier_score, result.cv_base_rate_log_score);
    json["scores"] = scores;
    json["differences"] = {{"brier_cv_minus_base_rate", interval_json(cv.brier_vs_base_rate)},
                           {"log_cv_minus_base_rate", interval_json(cv.log_vs_base_rate)},
                           {"brier_cv_minus_base_rate_held_out", interval_json(result.brier_vs_cv_base_rate)},
                           {"log_cv_minus_base_rate_held_out", interval_json(result.log_vs_cv_base_rate)},
                           {"brier_cv_minus_defaults", interval_json(result.brier_vs_defaults)},
                           {"log_cv_minus_defaults", interval_json(result.log_vs_defaults)}};
    io::OrderedJson folds = io::OrderedJson::array();
    for (const FoldResult& fold : result.folds) {
        io::OrderedJson entry;
        entry["fold"] = fold.fold;
        entry["point"] = result.points.at(fold.point).index;
        entry["refined"] = &fold_point(result, fold) != &result.points.at(fold.point);
        entry["values"] = values_json(spec, fold_point(result, fold).values);
        entry["train_objective"] = io::json_number(fold.train_objective);
        entry["cases"] = fold.held_out.size();
        entry["held_out_brier"] = io::json_number(fold.held_out_brier);
        entry["held_out_log"] = io::json_number(fold.held_out_log);
        folds.push_back(entry);
    }
    json["folds"] = folds;
    io::OrderedJson refinements = io::OrderedJson::array();
    for (const Refinement& refinement : result.refinements) {
        refinements.push_back(
            {{"fold", refinement.fold < 0 ? io::OrderedJson() : io::OrderedJson(refinement.fold)},
             {"start_point", refinement.start_point},
             {"start_objective", io::json_number(refinement.start_objective)},
             {"evaluations", refinement.evaluations.size()},
             {"best_evaluation", refinement.best},
             {"best_objective", io::json_number(refinement.objectives[refinement.best])},
             {"improved", refinement.improved},
             {"stop", refinement.stop}});
    }
    json["refinements"] = refinements;
    return io::json_text(json);
}

std::string refinement_csv(const CalibrationSpec& spec, const CalibrationResult& result) {
    io::CsvWriter csv;
    csv.field("fold").field("evaluation");
    for (const CalibrationParameter& parameter : spec.parameters) {
        csv.field(parameter.path);
    }
    csv.field("objective").field("log").field("brier").field("timing").end_row();
    for (const Refinement& refinement : result.refinements) {
        for (std::size_t e = 0; e < refinement.evaluations.size(); ++e) {
            const PointResult& point = refinement.evaluations[e];
            if (refinement.fold < 0) {
                csv.field("all");
            } else {
                csv.field(refinement.fold);
            }
            csv.field(static_cast<std::uint64_t>(e));
            for (double value : point.values) {
                csv.field(value);
            }
            csv.field(refinement.objectives[e]);
            csv.field(mean_of_finite(point.log)).field(mean_of_finite(point.brier));
            csv.field(mean_of_finite(point.timing)).end_row();
        }
    }
    return csv.take();
}

std::vector<std::string> write_calibration_files(const std::string& out_dir, const CalibrationSpec& spec,
                                                 const CalibrationResult& result) {
    io::ensure_directory(out_dir);
    io::remove_stale_temporaries(out_dir, {"best.yaml", "cv.csv", "summary.json", "refinement.csv"});
    std::vector<std::pair<std::string, std::string>> files = {
        {"best.yaml", best_yaml(spec, result)},
        {"cv.csv", cv_csv(spec, result)},
        {"summary.json", calibration_summary_json(spec, result)}};
    if (!result.refinements.empty()) {
        files.emplace_back("refinement.csv", refinement_csv(spec, result));
    }
    std::vector<std::string> written = io::write_files_atomically(out_dir, files);
    // The cross-validated forecasts as `brink score` files, so that its charts can be drawn from them.
    ScoreOptions options;
    options.runs = spec.runs;
    options.bootstrap.resamples = spec.bootstrap;
    options.bootstrap.seed = spec.seed;
    const ScoreProvenance provenance{spec.seed, spec.runs, {"cross-validated: see ../cv.csv"}};
    const std::vector<std::string> cv_files =
        write_score_files((fs::path(out_dir) / "cv").string(), result.cross_validated, options, provenance);
    written.insert(written.end(), cv_files.begin(), cv_files.end());
    return written;
}

}  // namespace brink::score
