// Parameter files: YAML mappings of model parameters read into `--set` assignments
// (include/brink/io/parameter_file.hpp).
#include "brink/io/parameter_file.hpp"

#include "brink/io/yaml_reader.hpp"

#include <fstream>
#include <sstream>
#include <utility>

namespace brink::io {
namespace {

// Walks the mapping with an explicit stack (never recursing on the input's depth, as the other readers).
void collect(const YAML::Node& root, const std::string& file_name, ParameterFile& result) {
    NodeBudget budget;
    std::vector<std::pair<std::string, YAML::Node>> pending = {{"", root}};
    // Keep file order: children are pushed in reverse so that the first key is taken first.
    while (!pending.empty()) {
        auto [prefix, node] = std::move(pending.back());
        pending.pop_back();
        if (!budget.take()) {
            result.diagnostics.push_back({file_name, 0, 0, budget.message()});
            return;
        }
        const Location where = location_of(node.Mark());
        if (node.IsMap()) {
            std::vector<std::pair<std::string, YAML::Node>> children;
            for (const auto& entry : node) {
                const std::string key = entry.first.Scalar();
                children.emplace_back(prefix.empty() ? key : prefix + "." + key, entry.second);
            }
            pending.insert(pending.end(), children.rbegin(), children.rend());
            continue;
        }
        if (!node.IsScalar() || node.Scalar().empty()) {
            result.diagnostics.push_back({file_name, where.line, where.column,
                                          "'" + prefix + "': expected a value, got " + describe_node(node)});
            continue;
        }
        if (!prefix.starts_with("model.")) {
            result.diagnostics.push_back(
                {file_name, where.line, where.column,
                 "'" + prefix + "': a parameter file sets model parameters only (model.<key>)"});
            continue;
        }
        result.assignments.push_back(prefix + "=" + node.Scalar());
    }
}

}  // namespace

ParameterFile parse_parameter_file(std::string_view text, const std::string& file_name) {
    ParameterFile result;
    const YamlInput input = parse_yaml(text, Documents::ExactlyOne);
    if (input.error) {
        result.diagnostics.push_back(
            {file_name, input.error->where.line, input.error->where.column, input.error->message()});
        return result;
    }
    if (!input.root || input.root.IsNull()) {
        return result;
    }
    if (!input.root.IsMap()) {
        const Location where = location_of(input.root.Mark());
        result.diagnostics.push_back(
            {file_name, where.line, where.column,
             "expected a mapping of model parameters, got " + describe_node(input.root)});
        return result;
    }
    collect(input.root, file_name, result);
    return result;
}

ParameterFile load_parameter_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ParameterFile result;
        result.diagnostics.push_back({path, 0, 0, "cannot read the parameter file"});
        return result;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_parameter_file(text.str(), path);
}

}  // namespace brink::io
