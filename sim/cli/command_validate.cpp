// `brink validate FILE...`: every diagnostic of every file on stderr, "FILE: ok" on stdout for good ones.
// Sweep files, calibration files and parameter files are recognised by their top-level keys and checked as
// `brink sweep`, `brink calibrate` and `brink run --params` would; "-" reads a scenario from standard input.
#include "cli.hpp"

#include "brink/io/diagnostics.hpp"
#include "brink/io/overrides.hpp"
#include "brink/io/parameter_file.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/io/yaml_reader.hpp"
#include "brink/score/calibration.hpp"
#include "brink/sweep/sweep.hpp"

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace po = boost::program_options;

namespace brink::cli {
namespace {

constexpr const char* k_examples =
    "  brink validate scenarios/*.yaml\n"
    "  brink validate scenarios/sweeps/resolve_commitment.yaml   a sweep file, and its scenario\n"
    "  brink validate scenarios/calibration/library.yaml       a calibration file, and its cases\n"
    "  brink validate out/calibration/best.yaml                a parameter file (brink run --params)\n"
    "  my_generator | brink validate -                          a scenario on standard input\n";

// What a YAML file holds, from its top-level keys (docs/cli.md, "brink validate").
enum class FileKind {
    Scenario,     // anything else: the scenario loader says what is wrong with it
    Sweep,        // a base scenario and the parameters it varies, and no actors (docs/sweeps.md)
    Calibration,  // cases and the parameters to fit, and no actors (docs/validation.md, "Calibration")
    Parameters,   // only model parameters: `model:` or `model.<path>:` keys (brink run --params)
};

FileKind kind_of_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return FileKind::Scenario;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const io::YamlInput input = io::parse_yaml(text.str(), io::Documents::First);
    if (input.error || !input.root.IsMap() || input.root.size() == 0) {
        return FileKind::Scenario;
    }
    try {
        if (input.root["actors"]) {
            return FileKind::Scenario;
        }
        if (input.root["scenario"] && input.root["parameters"]) {
            return FileKind::Sweep;
        }
        if (input.root["cases"] && input.root["parameters"]) {
            return FileKind::Calibration;
        }
        // A scenario has metadata and issues; a parameter file has model keys and, at most by mistake,
        // other `--set` paths (which its own check then names at their line).
        if (input.root["metadata"] || input.root["issues"]) {
            return FileKind::Scenario;
        }
        bool any_model = false;
        for (const auto& entry : input.root) {
            const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
            any_model = any_model || key == "model" || key.rfind("model.", 0) == 0;
        }
        return any_model ? FileKind::Parameters : FileKind::Scenario;
    } catch (const std::exception&) {
        return FileKind::Scenario;
    }
}

// A parameter file as `brink run --params` reads it: its keys, then its values applied to the default
// scenario (the values are checked only there; a problem names the file and the key path).
std::vector<io::Diagnostic> check_parameter_file(const std::string& file, bool& ok) {
    const io::ParameterFile params = io::load_parameter_file(file);
    std::vector<io::Diagnostic> diagnostics = params.diagnostics;
    ok = params.ok();
    if (!ok) {
        return diagnostics;
    }
    const io::LoadResult base = io::load_scenario_file(io::default_scenario_path());
    if (!base.ok()) {
        return diagnostics;  // the keys are checked; without the default scenario the values cannot be
    }
    ScenarioSpec spec = *base.spec;
    for (const std::string& assignment : params.assignments) {
        for (io::Diagnostic problem : io::apply_override_assignment(spec, assignment)) {
            const std::string key = assignment.substr(0, assignment.find('='));
            problem.file = file;
            if (problem.message.find(key) == std::string::npos) {
                problem.message = "key '" + key + "': " + problem.message;
            }
            diagnostics.push_back(std::move(problem));
            ok = false;
        }
    }
    return diagnostics;
}

// Prints the diagnostics; true when the file is good.
bool report(const std::string& file, const std::vector<io::Diagnostic>& diagnostics, bool ok,
            const std::string& what) {
    for (const io::Diagnostic& diagnostic : diagnostics) {
        std::cerr << io::format_diagnostic(diagnostic) << "\n";
    }
    if (ok) {
        std::cout << file << ": ok" << what << "\n";
    } else if (diagnostics.empty()) {
        std::cerr << file << ": error: the file could not be loaded\n";
    }
    return ok;
}

}  // namespace

ExitCode command_validate(const CommandArgs& args) {
    po::options_description options("options", 100);
    po::options_description positionals;
    positionals.add_options()("file", po::value<std::vector<std::string>>());
    po::positional_options_description positional;
    positional.add("file", -1);
    po::variables_map values;
    if (!parse_options(args, options, positionals, positional, values, "brink validate FILE...",
                       k_examples)) {
        return ExitCode::Ok;
    }
    if (!values.count("file")) {
        throw UsageError("no scenario file given; usage: brink validate FILE...");
    }

    bool all_ok = true;
    for (const std::string& file : values["file"].as<std::vector<std::string>>()) {
        if (file == k_standard_input) {
            const io::LoadResult loaded =
                io::load_scenario_string(read_standard_input(), k_standard_input_name);
            all_ok = report(k_standard_input_name, loaded.diagnostics, loaded.ok(), "") && all_ok;
            continue;
        }
        switch (kind_of_file(file)) {
            case FileKind::Sweep: {
                const sweep::SweepLoadResult loaded = sweep::load_sweep_file(file);
                all_ok =
                    report(file, loaded.diagnostics, loaded.ok(), " (a sweep file, with its scenario)") &&
                    all_ok;
                break;
            }
            case FileKind::Calibration: {
                const score::CalibrationLoadResult loaded = score::load_calibration_file(file);
                std::vector<io::Diagnostic> diagnostics = loaded.diagnostics;
                bool ok = loaded.ok();
                std::size_t cases = 0;
                if (ok) {
                    const score::CalibrationCases loaded_cases = score::load_calibration_cases(*loaded.spec);
                    diagnostics = loaded_cases.diagnostics;
                    ok = diagnostics.empty();
                    cases = loaded_cases.cases.size();
                }
                all_ok = report(file, diagnostics, ok,
                                " (a calibration file, with its " + std::to_string(cases) + " cases)") &&
                         all_ok;
                break;
            }
            case FileKind::Parameters: {
                bool ok = false;
                const std::vector<io::Diagnostic> diagnostics = check_parameter_file(file, ok);
                all_ok = report(file, diagnostics, ok, " (a parameter file)") && all_ok;
                break;
            }
            case FileKind::Scenario: {
                const io::LoadResult loaded = io::load_scenario_file(file);
                all_ok = report(file, loaded.diagnostics, loaded.ok(), "") && all_ok;
                break;
            }
        }
    }
    return all_ok ? ExitCode::Ok : ExitCode::BadInput;
}

}  // namespace brink::cli
