// brink calibrate: fitting the model's global parameters to the case library (docs/validation.md,
// "Calibration"; docs/cli.md; docs/outputs.md). A design (Sobol or Latin hypercube) of points in the box of
// the parameters' ranges; at each point every case is forecast with common random numbers (the same run
// seeds at every point, those of `brink score --seed S`) and scored by the rules of `brink score`
// (score_cases); the best point minimises the objective, mean log score + timing_weight × mean timing error.
// k-fold cross-validation (folds stratified by observed war, seeded) chooses a point without each fold and
// scores the fold there. The forecasting of a batch of points is a function (PointForecaster), so that the
// selection logic can be tested without running the model. Writes files; draws nothing; no command line.
#pragma once

#include "brink/io/diagnostics.hpp"
#include "brink/score/observed.hpp"
#include "brink/score/score.hpp"
#include "brink/sweep/design.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace brink::score {

/// How the points of a calibration are chosen.
enum class CalibrationDesign {
    Sobol,           ///< "sobol": the first `points` points of a k-dimensional Sobol sequence, origin skipped
    LatinHypercube,  ///< "lhs": a Latin hypercube of `points` points (sweep::latin_hypercube_design)
};

/// The derivative-free local method that refines the best design points (NLopt).
enum class RefineMethod {
    NelderMead,  ///< "neldermead": NLopt LN_NELDERMEAD (Nelder & Mead 1965), robust to a stepped objective
    Bobyqa,      ///< "bobyqa": NLopt LN_BOBYQA (Powell 2009), quadratic models within bounds
};

/// Local refinement of the best design point (and of each fold's), on the common-random-number objective.
struct RefineSpec {
    RefineMethod method = RefineMethod::NelderMead;  ///< Default neldermead.
    int evaluations = 0;  ///< Objective evaluations per refinement; 0: no refinement. Range [0, 10000].
    double step = 0.1;    ///< Initial step, a fraction of each parameter's range. Range (0, 1]. Default 0.1.
};

/// One fitted parameter: a `--set` path under `model.` and its uniform range.
struct CalibrationParameter {
    std::string path;    ///< e.g. "model.rationality". Required; starts with "model.".
    double low = 0.0;    ///< Lower end of the range, the parameter's unit. Required, finite.
    double high = 0.0;   ///< Upper end, >= low. Required, finite.
    io::Location where;  ///< Where the file gives it (for diagnostics about its values).
};

/// A calibration file, read and checked (docs/cli.md, "brink calibrate").
struct CalibrationSpec {
    std::string source_path;                       ///< The calibration file.
    std::vector<std::string> case_files;           ///< Case files, globs expanded (sorted), relative to cwd.
    std::string observed_path;                     ///< `observed:`; empty: the default beside each case.
    std::vector<CalibrationParameter> parameters;  ///< 1 to 16 parameters, in file order.
    double timing_weight =
        0.0;  ///< Weight of the mean timing error in the objective. Range [0, 1e3]. Default 0.
    CalibrationDesign design = CalibrationDesign::Sobol;  ///< Default sobol.
    int points = 0;                                       ///< Design points. Range [1, 1e6]. Required.
    std::uint64_t design_seed = 1;  ///< Seed of the LHS design (Sobol is deterministic). Default 1.
    int runs = 100;                 ///< Replications per case per point. Range [1, 1e6]. Default 100.
    int folds = 5;                  ///< k of k-fold cross-validation. Range [2, cases]. Default 5.
    std::uint64_t seed = 1;         ///< Base seed of every case's runs at every point, and of the folds and
                                    ///< bootstraps. Default 1.
    int bootstrap = 2000;  ///< Bootstrap resamples of summary.json's intervals. Range [0, 1e5]. Default 2000.
    RefineSpec refine;     ///< `refine:`; default none.
};

/// A calibration file's spec, or its problems.
struct CalibrationLoadResult {
    std::optional<CalibrationSpec> spec;      ///< Set when there were no diagnostics.
    std::vector<io::Diagnostic> diagnostics;  ///< file:line:column problems, with suggestions for keys.
    /// True when the file was read without problems.
    bool ok() const { return spec.has_value() && diagnostics.empty(); }
};

/// Reads a calibration file (guarded YAML, io/yaml_reader.hpp). Case paths and globs are relative to the
/// file's directory; a glob that matches nothing is an error. Never throws on bad input.
CalibrationLoadResult load_calibration_file(const std::string& path);
/// Same from text; `file_name` names it in diagnostics and anchors relative case paths.
CalibrationLoadResult parse_calibration_string(std::string_view text, const std::string& file_name);

/// The design's points in the box of the parameters' ranges (row-major, as sweep designs).
sweep::Design calibration_design(const CalibrationSpec& spec);

/// "path=value" overrides of one point (values written by io::format_number, shortest round trip).
std::vector<std::string> point_assignments(const CalibrationSpec& spec, const std::vector<double>& values);

/// Forecasts every case at each of a batch of points: result[p][c] is case c at points[p]. An empty value
/// vector means the model's defaults (no override). Must give the same forecasts for the same point.
using PointForecaster =
    std::function<std::vector<std::vector<CaseForecast>>(const std::vector<std::vector<double>>& points)>;

/// One evaluated point: its values and the per-case scores of score_cases.
struct PointResult {
    std::size_t index = 0;                          ///< Point number in the design.
    std::vector<double> values;                     ///< Parameter values (empty: the defaults).
    std::vector<CaseForecast> forecasts;            ///< Per case.
    std::vector<double> p_war, brier, log, timing;  ///< Per case (timing NaN where undefined).
};

/// Scores a point's forecasts (score_cases, no bootstrap).
PointResult score_point(std::size_t index, std::vector<double> values, std::vector<CaseForecast> forecasts,
                        const std::vector<ObservedCase>& observed, int runs);

/// The objective over some cases: mean log score + timing_weight × mean of the finite timing errors (the
/// timing term is left out when timing_weight is 0 or no case has one). Lower is better.
double objective(const PointResult& point, const std::vector<std::size_t>& cases, double timing_weight);

/// Stratified, seeded fold assignment: the cases of each outcome (0 first, then 1) are shuffled (Fisher–Yates
/// on engine::RngStream(seed, "folds")) and dealt to folds in turn, continuing across the strata, so every
/// fold's size and number of wars differ by at most one from the others'. Returns each case's fold in
/// [0, folds). Throws std::invalid_argument when folds < 2 or folds > cases.
std::vector<int> assign_folds(const std::vector<int>& outcomes, int folds, std::uint64_t seed);

/// One fold of the cross-validation.
struct FoldResult {
    int fold = 0;
    std::size_t point = 0;              ///< Index (into the points) of the point chosen without this fold.
    double train_objective = 0.0;       ///< Its objective on the other folds' cases.
    std::vector<std::size_t> held_out;  ///< The fold's cases.
    double held_out_brier = 0.0;        ///< Mean Brier score of the fold's cases at the chosen point.
    double held_out_log = 0.0;          ///< Mean log score of the same.
};

/// For each fold, the point with the least objective on the other folds' cases (ties: the lower index),
/// and the fold's scores there. Throws std::invalid_argument on no points.
std::vector<FoldResult> cross_validate(const std::vector<PointResult>& points,
                                       const std::vector<int>& fold_of_case, int folds, double timing_weight);

/// The index of the point with the least objective over every case (ties: the lower index).
std::size_t best_point(const std::vector<PointResult>& points, double timing_weight);

/// One local refinement: NLopt's method started at a design point, minimising the objective over some cases
/// in the unit box of the parameters' ranges. Every evaluation is forecast with the same seeds (common random
/// numbers), so the objective is a deterministic function of the parameters.
struct Refinement {
    int fold = -1;                         ///< The fold left out; -1: none (every case).
    std::size_t start_point = 0;           ///< The design point it started from.
    double start_objective = 0.0;          ///< Its objective on the refinement's cases.
    std::vector<PointResult> evaluations;  ///< Every point evaluated, in order (index: evaluation number).
    std::vector<double> objectives;        ///< The objective of each evaluation on the refinement's cases.
    std::size_t best = 0;                  ///< The evaluation with the least objective (ties: the first).
    bool improved = false;                 ///< Whether that is less than start_objective.
    std::string stop;                      ///< Why NLopt stopped ("xtol reached", "maxeval reached", ...).
};

/// Refines `start` over `cases` (spec.refine; evaluations > 0): NLopt's method in unit coordinates
/// u = (value − low) / (high − low) ∈ [0, 1]^k, initial step spec.refine.step, at most
/// spec.refine.evaluations evaluations, stopping when the step falls below 1e-4 of every range. A point
/// already evaluated (the start included) is not forecast again. Exceptions of the forecaster propagate.
Refinement refine_point(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed,
                        const PointForecaster& forecaster, const PointResult& start,
                        const std::vector<std::size_t>& cases, int fold);

/// What the calibration found.
struct CalibrationResult {
    std::vector<PointResult> points;  ///< Every design point, in order.
    PointResult defaults;             ///< The model's defaults, forecast with the same seeds.
    std::size_t best = 0;             ///< Index of the best point over every case.
    std::vector<int> fold_of_case;    ///< Each case's fold.
    std::vector<FoldResult> folds;
    ScoreReport cross_validated;  ///< Each case forecast at the point chosen without its fold, scored.
    ScoreReport defaults_report;  ///< The defaults, scored (as `brink score` at the same seed).
    std::vector<double> cv_base_rate_brier,
        cv_base_rate_log;  ///< Held-out base rate: training share of wars.
    Interval cv_base_rate_brier_score, cv_base_rate_log_score;  ///< Their means with bootstrap intervals.
    Interval brier_vs_defaults, log_vs_defaults;  ///< Mean per-case difference cross-validated − defaults.
    Interval brier_vs_cv_base_rate, log_vs_cv_base_rate;  ///< Same against the held-out base rate.
    /// With refinement: first the refinement of the best point over every case, then one per fold (of the
    /// fold's chosen point, over the other folds' cases). Empty without.
    std::vector<Refinement> refinements;
};

/// The point a calibration adopts: the refined best point when refinement improved it, else the best design
/// point. best.yaml holds its values.
const PointResult& chosen_point(const CalibrationResult& result);
/// The point a fold adopts: its refinement's best when that improved on the fold's design point, else the
/// design point.
const PointResult& fold_point(const CalibrationResult& result, const FoldResult& fold);

/// How the points of a calibration are run and reported.
struct CalibrationOptions {
    std::function<void(const PointResult&)> point_done;  ///< After each new point, in run order. Optional.
    std::size_t batch = 4;  ///< Points forecast per call of the forecaster. Default 4.
    /// Points done by an earlier session or other shards (read_calibration_rows; no forecasts), in point
    /// order: not run again. A point chosen by a fold is forecast again for the cross-validated score files
    /// (common random numbers make that forecast the one the earlier session had). Default none.
    std::vector<PointResult> resumed;
    sweep::Shard shard;  ///< Run only the points ≡ shard.index (mod shard.count). Default 0/1: every point.
};

/// Runs the design points of the shard that are not resumed (in batches of options.batch, in point order) and
/// returns them with the resumed points, sorted by point. Throws std::invalid_argument on a resumed point
/// outside the design or given twice.
std::vector<PointResult> run_points(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed,
                                    const PointForecaster& forecaster, CalibrationOptions options);

/// Everything after the points: the defaults (forecast with the same seeds), the best point, the folds and
/// the cross-validation, the chosen points forecast again where they have no forecasts. `points` are every
/// design point once, in order (else std::invalid_argument).
CalibrationResult finish_calibration(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed,
                                     const PointForecaster& forecaster, std::vector<PointResult> points);

/// run_points then finish_calibration, on one process (options.shard must be 0/1).
CalibrationResult run_calibration(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed,
                                  const PointForecaster& forecaster, CalibrationOptions options = {});

/// A case of a calibration, loaded and checked.
struct CalibrationCase {
    std::string path;
    ScenarioSpec spec;
    ObservedCase observed;
};

/// Loads every case of the spec with its observed row and tries every parameter at both ends of its range
/// on every case (so that a bad path or range is an input error before anything runs). Diagnostics name the
/// case file or the calibration file's parameter; the cases are usable only when there are none.
struct CalibrationCases {
    std::vector<CalibrationCase> cases;
    std::vector<io::Diagnostic> diagnostics;
};
/// Loads the cases of `spec` (see CalibrationCases).
CalibrationCases load_calibration_cases(const CalibrationSpec& spec);

/// The model as a PointForecaster: for a batch of points, the cases with the point's overrides applied, run
/// through sweep::run_replications (one pool for the whole batch) with base seed spec.seed for every case
/// and point: common random numbers. `progress` sees runs done within the batch.
PointForecaster model_forecaster(const std::vector<CalibrationCase>& cases, const CalibrationSpec& spec,
                                 const sweep::ReplicationOptions& options);

/// calibration.csv's header, and one point's row (docs/outputs.md).
std::string calibration_csv_header(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed);
/// One row of calibration.csv.
std::string calibration_csv_row(const CalibrationSpec& spec, const PointResult& point);
/// The points of calibration.csv text (a shard's file, or a .partial file of an interrupted run): its
/// complete rows (a torn last line, without its line feed, is dropped); the header must be this
/// calibration's, the point numbers increasing and each row's values the design's at its point. The rows'
/// per-case P(war), log and timing scores are read back (Brier from P(war)); forecasts are left empty. Throws
/// ScoreInputError naming `path` on a mismatch.
std::vector<PointResult> read_calibration_rows(const CalibrationSpec& spec,
                                               const std::vector<ObservedCase>& observed,
                                               std::string_view text, const std::string& path);
/// best.yaml: a parameter file (io/parameter_file.hpp) of the best point's values.
std::string best_yaml(const CalibrationSpec& spec, const CalibrationResult& result);
/// cv.csv: one row per held-out case.
std::string cv_csv(const CalibrationSpec& spec, const CalibrationResult& result);
/// refinement.csv: every evaluation of every refinement (fold "all", then each fold), in order.
std::string refinement_csv(const CalibrationSpec& spec, const CalibrationResult& result);
/// summary.json.
std::string calibration_summary_json(const CalibrationSpec& spec, const CalibrationResult& result);

/// Writes best.yaml, cv.csv, summary.json, refinement.csv (with refinement) and the cross-validated
/// forecasts' score files (cv/score.csv, cv/score_actors.csv, cv/score.json) into `out_dir`, each atomically;
/// returns their paths. Throws io::IoError.
std::vector<std::string> write_calibration_files(const std::string& out_dir, const CalibrationSpec& spec,
                                                 const CalibrationResult& result);

}  // namespace brink::score
