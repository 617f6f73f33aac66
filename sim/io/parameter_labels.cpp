// Override paths as labels (include/brink/io/parameter_labels.hpp). The path grammar is that of
// overrides.cpp; only the names differ.
#include "brink/io/parameter_labels.hpp"

#include <algorithm>
#include <vector>

namespace brink::io {

namespace {

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> parts;
    std::size_t begin = 0;
    while (begin <= path.size()) {
        const std::size_t dot = path.find('.', begin);
        const std::size_t end = dot == std::string_view::npos ? path.size() : dot;
        parts.emplace_back(path.substr(begin, end - begin));
        begin = end + 1;
    }
    return parts;
}

// "cost_of_war" -> "cost of war".
std::string words(std::string key) {
    std::replace(key.begin(), key.end(), '_', ' ');
    return key;
}

template <typename Spec>
std::string name_of(const std::vector<Spec>& specs, const std::string& id) {
    const auto found =
        std::find_if(specs.begin(), specs.end(), [&](const Spec& spec) { return spec.id == id; });
    return found == specs.end() || found->name.empty() ? id : found->name;
}

constexpr const char* k_separator = " · ";

std::string actor_label(const ScenarioSpec& spec, const std::vector<std::string>& parts) {
    const std::string actor = name_of(spec.actors, parts[1]);
    if (parts.size() == 5 && parts[2] == "positions") {
        // actors.<id>.positions.<issue>.{position,salience}
        return actor + k_separator + words(parts[4]) + " on " + name_of(spec.issues, parts[3]);
    }
    if (parts.size() == 3) {
        return actor + k_separator + words(parts[2]);
    }
    return "";
}

std::string relations_label(const ScenarioSpec& spec, const std::vector<std::string>& parts) {
    if (parts.size() == 4 && parts[1] == "commitments") {
        return "commitment " + name_of(spec.actors, parts[2]) + " → " + name_of(spec.actors, parts[3]);
    }
    if (parts.size() == 4 && parts[1] == "alliances") {
        return name_of(spec.relations.alliances, parts[2]) + k_separator + words(parts[3]);
    }
    if (parts.size() == 3) {
        return "affinity " + name_of(spec.actors, parts[1]) + " ↔ " + name_of(spec.actors, parts[2]);
    }
    return "";
}

std::string model_label(const std::vector<std::string>& parts) {
    if (parts.size() == 2) {
        return "model" + std::string(k_separator) + words(parts[1]);
    }
    if (parts.size() == 3) {
        const std::string group = parts[1] == "mechanisms" ? "mechanism" : words(parts[1]);
        return group + k_separator + words(parts[2]);
    }
    return "";
}

}  // namespace

std::string parameter_label(const ScenarioSpec& spec, std::string_view path) {
    const std::vector<std::string> parts = split_path(path);
    std::string label;
    if (parts.size() >= 3 && parts[0] == "actors") {
        label = actor_label(spec, parts);
    } else if (parts.size() >= 3 && parts[0] == "relations") {
        label = relations_label(spec, parts);
    } else if (parts.size() == 3 && parts[0] == "issues") {
        label = name_of(spec.issues, parts[1]) + k_separator + words(parts[2]);
    } else if (parts.size() == 3 && parts[0] == "demands") {
        label = "demand " + parts[1] + k_separator + words(parts[2]);
    } else if (parts.size() == 3 && parts[0] == "ladder") {
        label = name_of(spec.ladder.rungs, parts[1]) + k_separator + words(parts[2]);
    } else if (parts.size() >= 2 && parts[0] == "model") {
        label = model_label(parts);
    } else if (parts.size() == 2 && (parts[0] == "metadata" || parts[0] == "output")) {
        label = words(parts[1]);
    }
    return label.empty() ? std::string(path) : label;
}

}  // namespace brink::io
