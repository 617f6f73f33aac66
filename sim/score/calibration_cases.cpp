// The cases of a calibration: loaded once, with their observed rows, and every parameter tried at both ends
// of its range on every case before anything runs (include/brink/score/calibration.hpp).
#include "brink/io/numbers.hpp"
#include "brink/io/overrides.hpp"
#include "brink/io/validation.hpp"
#include "brink/score/calibration.hpp"
#include "brink/score/score_cases.hpp"

namespace brink::score {
namespace {

// Tries every parameter at both ends of its range on one case; diagnostics point at the parameter.
void try_ranges(const CalibrationSpec& spec, const CalibrationCase& loaded,
                std::vector<io::Diagnostic>& diagnostics) {
    for (const CalibrationParameter& parameter : spec.parameters) {
        for (const double end : {parameter.low, parameter.high}) {
            ScenarioSpec copy = loaded.spec;
            const std::string assignment = parameter.path + "=" + io::format_number(end);
            std::vector<io::Diagnostic> problems = io::apply_override_assignment(copy, assignment);
            if (problems.empty()) {
                problems = io::validate_spec(copy, loaded.path);
            }
            if (!problems.empty()) {
                diagnostics.push_back(
                    {spec.source_path, parameter.where.line, parameter.where.column,
                     "'" + assignment + "' on " + loaded.path + ": " + problems.front().message});
                return;  // one message per parameter and case
            }
        }
    }
}

}  // namespace

CalibrationCases load_calibration_cases(const CalibrationSpec& spec) {
    // The cases as `brink score` loads them (score_cases.hpp), without overrides.
    ScoreCases loaded =
        load_score_cases(spec.case_files, {}, spec.observed_path, "'observed:' in " + spec.source_path);
    CalibrationCases result;
    result.diagnostics = std::move(loaded.diagnostics);
    for (ScoreCase& item : loaded.cases) {
        result.cases.push_back({item.path, std::move(item.spec), std::move(item.observed)});
        try_ranges(spec, result.cases.back(), result.diagnostics);
    }
    return result;
}

}  // namespace brink::score
