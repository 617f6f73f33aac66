// Calibration files (YAML, docs/cli.md "brink calibrate") -> CalibrationSpec, with file:line:column
// diagnostics. The text goes through io's guarded YAML base, as scenario and sweep files do.
#include "brink/io/numbers.hpp"
#include "brink/io/yaml_reader.hpp"
#include "brink/score/calibration.hpp"
#include "brink/sweep/design.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace brink::score {
namespace {
namespace fs = std::filesystem;

const std::vector<std::string> k_top_keys{"cases", "observed", "parameters", "objective", "design",
                                          "runs",  "folds",    "seed",       "bootstrap", "refine"};
const std::vector<std::string> k_refine_keys{"method", "evaluations", "step"};
const std::vector<std::string> k_objective_keys{"timing_weight"};
const std::vector<std::string> k_design_keys{"method", "points", "seed"};

// Collects diagnostics at yaml-cpp positions and counts the nodes read.
class Reader {
  public:
    explicit Reader(std::string file) : m_file(std::move(file)) {}

    void error(const YAML::Node& node, const std::string& message) {
        const io::Location where = io::location_of(node.Mark());
        m_diagnostics.push_back({m_file, where.line, where.column, message});
    }
    void error_at(io::Location where, const std::string& message) {
        m_diagnostics.push_back({m_file, where.line, where.column, message});
    }
    void unknown_key(const YAML::Node& key_node, const std::vector<std::string>& known) {
        const std::string key = key_node.Scalar();
        const std::string close = io::closest_match(key, known);
        error(key_node,
              "unknown key '" + key + "'" + (close.empty() ? "" : " (did you mean '" + close + "'?)"));
    }
    // The entries of a mapping (each counted against the node budget).
    std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node& map) {
        std::vector<std::pair<YAML::Node, YAML::Node>> result;
        for (auto it = map.begin(); it != map.end() && visit(); ++it) {
            result.emplace_back(it->first, it->second);
        }
        return result;
    }
    std::vector<YAML::Node> items(const YAML::Node& sequence) {
        std::vector<YAML::Node> result;
        for (auto it = sequence.begin(); it != sequence.end() && visit(); ++it) {
            result.push_back(*it);
        }
        return result;
    }
    std::optional<std::string> text(const YAML::Node& node, const std::string& key) {
        if (!node.IsScalar() || node.Scalar().empty()) {
            error(node, "'" + key + "' must be a value, got " + io::describe_node(node));
            return std::nullopt;
        }
        return node.Scalar();
    }
    std::optional<double> number(const YAML::Node& node, const std::string& key) {
        const auto scalar = text(node, key);
        const auto parsed = scalar ? io::parse_number(*scalar) : std::nullopt;
        if (scalar && (!parsed || !std::isfinite(*parsed))) {
            error(node, "'" + key + "' must be a finite number, got " + io::describe_node(node));
            return std::nullopt;
        }
        return parsed;
    }
    std::optional<long long> integer(const YAML::Node& node, const std::string& key, long long lo,
                                     long long hi) {
        const auto value = number(node, key);
        if (value && (std::floor(*value) != *value || *value < static_cast<double>(lo) ||
                      *value > static_cast<double>(hi))) {
            error(node, "'" + key + "' must be an integer in [" + std::to_string(lo) + ", " +
                            std::to_string(hi) + "], got " + io::describe_node(node));
            return std::nullopt;
        }
        return value ? std::optional<long long>(static_cast<long long>(*value)) : std::nullopt;
    }
    std::optional<std::uint64_t> seed(const YAML::Node& node, const std::string& key) {
        const auto scalar = text(node, key);
        const auto parsed = scalar ? io::parse_unsigned(*scalar) : std::nullopt;
        if (scalar && !parsed) {
            error(node, "'" + key + "' must be an unsigned 64-bit integer");
        }
        return parsed;
    }
    bool visit() {
        if (m_budget.take()) {
            return true;
        }
        if (!m_budget_reported) {
            m_budget_reported = true;
            m_diagnostics.push_back({m_file, 0, 0, m_budget.message()});
        }
        return false;
    }
    const std::string& file() const { return m_file; }
    std::vector<io::Diagnostic>& diagnostics() { return m_diagnostics; }

  private:
    std::string m_file;
    std::vector<io::Diagnostic> m_diagnostics;
    io::NodeBudget m_budget;
    bool m_budget_reported = false;
};

// One entry of `cases:`: a path, or a glob in its last component, relative to the file's directory.
void read_case_entry(const YAML::Node& node, Reader& reader, CalibrationSpec& spec) {
    const auto entry = reader.text(node, "cases");
    if (!entry) {
        return;
    }
    fs::path path(*entry);
    if (path.is_relative()) {
        path = fs::path(reader.file()).parent_path() / path;
    }
    path = path.lexically_normal();
    const std::string pattern = path.filename().string();
    if (pattern.find_first_of("*?[") == std::string::npos) {
        spec.case_files.push_back(path.string());
        return;
    }
    std::vector<std::string> matches;
    std::error_code error;
    const fs::path directory = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    for (const auto& file : fs::directory_iterator(directory, error)) {
        const std::string name = file.path().filename().string();
        if (file.is_regular_file(error) && fnmatch(pattern.c_str(), name.c_str(), FNM_PERIOD) == 0) {
            matches.push_back((path.parent_path() / name).string());
        }
    }
    if (matches.empty()) {
        reader.error(node, "'" + *entry + "' matches no file");
        return;
    }
    std::sort(matches.begin(), matches.end());
    spec.case_files.insert(spec.case_files.end(), matches.begin(), matches.end());
}

void read_cases(const YAML::Node& value, Reader& reader, CalibrationSpec& spec) {
    if (value.IsScalar()) {
        read_case_entry(value, reader, spec);
        return;
    }
    if (!value.IsSequence() || value.size() == 0) {
        reader.error(value, "'cases' must be a non-empty list of case files or globs");
        return;
    }
    for (const YAML::Node& item : reader.items(value)) {
        read_case_entry(item, reader, spec);
    }
}

void read_parameters(const YAML::Node& value, Reader& reader, CalibrationSpec& spec) {
    if (!value.IsMap() || value.size() == 0) {
        reader.error(value, "'parameters' must be a map of model.<path>: [low, high]");
        return;
    }
    for (const auto& [key_node, range] : reader.entries(value)) {
        const std::string path = key_node.Scalar();
        if (!path.starts_with("model.")) {
            reader.error(key_node, "'" + path + "': a calibration fits model parameters only (model.<key>)");
            continue;
        }
        if (!range.IsSequence() || range.size() != 2) {
            reader.error(range, "'" + path + "' must be [low, high]");
            continue;
        }
        const auto low = reader.number(range[0], path);
        const auto high = reader.number(range[1], path);
        if (low && high && *low > *high) {
            reader.error(range, "'" + path + "': low > high");
        } else if (low && high) {
            spec.parameters.push_back({path, *low, *high, io::location_of(key_node.Mark())});
        }
    }
    if (static_cast<int>(spec.parameters.size()) > sweep::max_sobol_parameters()) {
        reader.error(value, "at most " + std::to_string(sweep::max_sobol_parameters()) + " parameters");
    }
}

void read_objective(const YAML::Node& value, Reader& reader, CalibrationSpec& spec) {
    if (!value.IsMap()) {
        reader.error(value, "'objective' must be a map, e.g. {timing_weight: 0.5}");
        return;
    }
    for (const auto& [key_node, item] : reader.entries(value)) {
        if (key_node.Scalar() != "timing_weight") {
            reader.unknown_key(key_node, k_objective_keys);
            continue;
        }
        const auto weight = reader.number(item, "timing_weight");
        if (weight && (*weight < 0.0 || *weight > 1e3)) {
            reader.error(item, "'timing_weight' must be in [0, 1000]");
        } else if (weight) {
            spec.timing_weight = *weight;
        }
    }
}

void read_design(const YAML::Node& value, Reader& reader, CalibrationSpec& spec) {
    if (!value.IsMap()) {
        reader.error(value, "'design' must be a map, e.g. {method: sobol, points: 64}");
        return;
    }
    for (const auto& [key_node, item] : reader.entries(value)) {
        const std::string key = key_node.Scalar();
        if (key == "method") {
            const auto method = reader.text(item, key);
            if (method == "sobol") {
                spec.design = CalibrationDesign::Sobol;
            } else if (method == "lhs") {
                spec.design = CalibrationDesign::LatinHypercube;
            } else if (method) {
                reader.error(item, "unknown design method '" + *method + "' (sobol, lhs)");
            }
        } else if (key == "points") {
            spec.points = static_cast<int>(reader.integer(item, key, 1, 1'000'000).value_or(0));
        } else if (key == "seed") {
            spec.design_seed = reader.seed(item, "design.seed").value_or(spec.design_seed);
        } else {
            reader.unknown_key(key_node, k_design_keys);
        }
    }
    if (spec.points == 0) {
        reader.error(value, "'design' needs 'points' (the number of design points)");
    }
}

void read_refine(const YAML::Node& value, Reader& reader, CalibrationSpec& spec) {
    if (!value.IsMap()) {
        reader.error(value, "'refine' must be a map, e.g. {method: neldermead, evaluations: 40}");
        return;
    }
    for (const auto& [key_node, item] : reader.entries(value)) {
        const std::string key = key_node.Scalar();
        if (key == "method") {
            const auto method = reader.text(item, key);
            if (method == "neldermead") {
                spec.refine.method = RefineMethod::NelderMead;
            } else if (method == "bobyqa") {
                spec.refine.method = RefineMethod::Bobyqa;
            } else if (method) {
                reader.error(item, "unknown refinement method '" + *method + "' (neldermead, bobyqa)");
            }
        } else if (key == "evaluations") {
            spec.refine.evaluations =
                static_cast<int>(reader.integer(item, "refine.evaluations", 0, 10'000).value_or(0));
        } else if (key == "step") {
            const auto step = reader.number(item, "refine.step");
            if (step && (*step <= 0.0 || *step > 1.0)) {
                reader.error(item, "'refine.step' must be in (0, 1] (a fraction of each parameter's range)");
            } else if (step) {
                spec.refine.step = *step;
            }
        } else {
            reader.unknown_key(key_node, k_refine_keys);
        }
    }
}

void read_top_key(const YAML::Node& key_node, const YAML::Node& value, Reader& reader,
                  CalibrationSpec& spec) {
    const std::string key = key_node.Scalar();
    if (key == "cases") {
        read_cases(value, reader, spec);
    } else if (key == "observed") {
        if (const auto path = reader.text(value, key)) {
            const fs::path observed(*path);
            spec.observed_path =
                observed.is_relative()
                    ? (fs::path(reader.file()).parent_path() / observed).lexically_normal().string()
                    : *path;
        }
    } else if (key == "parameters") {
        read_parameters(value, reader, spec);
    } else if (key == "objective") {
        read_objective(value, reader, spec);
    } else if (key == "design") {
        read_design(value, reader, spec);
    } else if (key == "runs") {
        spec.runs = static_cast<int>(reader.integer(value, key, 1, 1'000'000).value_or(spec.runs));
    } else if (key == "folds") {
        spec.folds = static_cast<int>(reader.integer(value, key, 2, 1'000'000).value_or(spec.folds));
    } else if (key == "seed") {
        spec.seed = reader.seed(value, key).value_or(spec.seed);
    } else if (key == "refine") {
        read_refine(value, reader, spec);
    } else if (key == "bootstrap") {
        spec.bootstrap = static_cast<int>(reader.integer(value, key, 0, 100'000).value_or(spec.bootstrap));
    } else {
        reader.unknown_key(key_node, k_top_keys);
    }
}

CalibrationLoadResult read_root(const YAML::Node& root, Reader& reader) {
    CalibrationLoadResult result;
    if (!root || !root.IsMap()) {
        reader.error_at({1, 1}, "a calibration file is a map with 'cases', 'parameters' and 'design'");
        result.diagnostics = std::move(reader.diagnostics());
        return result;
    }
    CalibrationSpec spec;
    spec.source_path = reader.file();
    bool has_cases = false;
    bool has_parameters = false;
    bool has_design = false;
    for (const auto& [key_node, value] : reader.entries(root)) {
        has_cases = has_cases || key_node.Scalar() == "cases";
        has_parameters = has_parameters || key_node.Scalar() == "parameters";
        has_design = has_design || key_node.Scalar() == "design";
        read_top_key(key_node, value, reader, spec);
    }
    for (const auto& [present, key] : {std::pair{has_cases, "cases"}, std::pair{has_parameters, "parameters"},
                                       std::pair{has_design, "design"}}) {
        if (!present) {
            reader.error(root, std::string("missing '") + key + "'");
        }
    }
    if (reader.diagnostics().empty() && static_cast<std::size_t>(spec.folds) > spec.case_files.size()) {
        reader.error(root, "'folds' (" + std::to_string(spec.folds) + ") is more than the cases (" +
                               std::to_string(spec.case_files.size()) + ")");
    }
    result.diagnostics = std::move(reader.diagnostics());
    if (result.diagnostics.empty()) {
        result.spec = std::move(spec);
    }
    return result;
}

}  // namespace

CalibrationLoadResult parse_calibration_string(std::string_view text, const std::string& file_name) {
    Reader reader(file_name);
    try {
        const io::YamlInput input = io::parse_yaml(text, io::Documents::ExactlyOne);
        if (input.error) {
            reader.error_at(input.error->where, input.error->message());
            CalibrationLoadResult result;
            result.diagnostics = std::move(reader.diagnostics());
            return result;
        }
        return read_root(input.root, reader);
    } catch (const std::exception& e) {
        // yaml-cpp may throw from node access on inputs its parser accepted; never let it escape.
        CalibrationLoadResult result;
        result.diagnostics.push_back(
            {file_name, 0, 0, std::string("cannot read the calibration file: ") + e.what()});
        return result;
    }
}

CalibrationLoadResult load_calibration_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        CalibrationLoadResult result;
        result.diagnostics.push_back({path, 0, 0, "cannot open the calibration file"});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_calibration_string(text.str(), path);
}

}  // namespace brink::score
