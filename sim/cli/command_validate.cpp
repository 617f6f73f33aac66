// `brink validate FILE...`: every diagnostic of every file on stderr, "FILE: ok" on stdout for good ones.
// A sweep file is recognised by its top-level keys and checked as `brink sweep` would; "-" reads a scenario
// from standard input.
#include "cli.hpp"

#include "brink/io/diagnostics.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/io/yaml_reader.hpp"
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
    "  my_generator | brink validate -                          a scenario on standard input\n";

// A sweep file names a base scenario and the parameters it varies, and no actors (docs/sweeps.md).
bool looks_like_sweep_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const io::YamlInput input = io::parse_yaml(text.str(), io::Documents::First);
    if (input.error || !input.root.IsMap()) {
        return false;
    }
    try {
        return input.root["scenario"] && input.root["parameters"] && !input.root["actors"];
    } catch (const std::exception&) {
        return false;
    }
}

// Prints the diagnostics; true when the file is good.
bool report(const std::string& file, const std::vector<io::Diagnostic>& diagnostics, bool ok,
            const char* what) {
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
        } else if (looks_like_sweep_file(file)) {
            const sweep::SweepLoadResult loaded = sweep::load_sweep_file(file);
            all_ok =
                report(file, loaded.diagnostics, loaded.ok(), " (a sweep file, with its scenario)") && all_ok;
        } else {
            const io::LoadResult loaded = io::load_scenario_file(file);
            all_ok = report(file, loaded.diagnostics, loaded.ok(), "") && all_ok;
        }
    }
    return all_ok ? ExitCode::Ok : ExitCode::BadInput;
}

}  // namespace brink::cli
