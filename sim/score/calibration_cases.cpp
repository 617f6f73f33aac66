// The cases of a calibration: loaded once, with their observed rows, and every parameter tried at both ends
// of its range on every case before anything runs (include/brink/score/calibration.hpp).
#include "brink/io/numbers.hpp"
#include "brink/io/overrides.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/io/validation.hpp"
#include "brink/score/calibration.hpp"

#include <map>
#include <set>

namespace brink::score {
namespace {

// The observed table at `path`, read once; a malformed table is one diagnostic.
const std::map<std::string, ObservedCase>* observed_table(
    const std::string& path, std::map<std::string, std::map<std::string, ObservedCase>>& tables,
    std::vector<io::Diagnostic>& diagnostics) {
    auto found = tables.find(path);
    if (found == tables.end()) {
        try {
            found = tables.emplace(path, read_observed(path)).first;
        } catch (const ScoreInputError& error) {
            diagnostics.push_back({path, 0, 0, error.what()});
            tables.emplace(path, std::map<std::string, ObservedCase>{});
            return nullptr;
        }
    }
    return &found->second;
}

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
    CalibrationCases result;
    std::map<std::string, std::map<std::string, ObservedCase>> tables;
    std::set<std::string> names;
    for (const std::string& path : spec.case_files) {
        const std::string name = case_name(path);
        if (!names.insert(name).second) {
            result.diagnostics.push_back(
                {spec.source_path, 0, 0, "case '" + name + "' is given twice (" + path + ")"});
            continue;
        }
        io::LoadResult loaded = io::load_scenario_file(path);
        if (!loaded.ok()) {
            result.diagnostics.insert(result.diagnostics.end(), loaded.diagnostics.begin(),
                                      loaded.diagnostics.end());
            if (loaded.diagnostics.empty()) {
                result.diagnostics.push_back({path, 0, 0, "the case could not be loaded"});
            }
            continue;
        }
        ScenarioSpec scenario = std::move(*loaded.spec);
        if (scenario.source_path.empty()) {
            scenario.source_path = path;
        }
        const std::string observed_path =
            spec.observed_path.empty() ? default_observed_path(path) : spec.observed_path;
        if (observed_path.empty()) {
            result.diagnostics.push_back(
                {path, 0, 0,
                 "no observed outcomes found (no observed.csv beside it or in its cases/ folder)"});
            continue;
        }
        const auto* table = observed_table(observed_path, tables, result.diagnostics);
        if (table == nullptr) {
            continue;
        }
        const auto observed = table->find(name);
        if (observed == table->end()) {
            result.diagnostics.push_back(
                {path, 0, 0, "case '" + name + "' has no observed row in " + observed_path});
            continue;
        }
        result.cases.push_back({path, std::move(scenario), observed->second});
        try_ranges(spec, result.cases.back(), result.diagnostics);
    }
    return result;
}

}  // namespace brink::score
