// summary.json is read defensively: a chart needs names and the calendar, and a missing optional field
// must not stop the other charts from being drawn.
#include "run_data.hpp"

#include "brink/io/calendar.hpp"
#include "brink/plots/render.hpp"

namespace brink::plots::detail {

std::string json_string(const nlohmann::json& object, const char* key, const std::string& fallback) {
    if (object.is_object()) {
        auto found = object.find(key);
        if (found != object.end() && found->is_string()) {
            return found->get<std::string>();
        }
    }
    return fallback;
}

std::string json_text(const nlohmann::json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_number_unsigned()) {
        return std::to_string(value.get<std::uint64_t>());
    }
    if (value.is_number_integer()) {
        return std::to_string(value.get<std::int64_t>());
    }
    if (value.is_number_float()) {
        return script_number(value.get<double>());
    }
    if (value.is_boolean()) {
        return value.get<bool>() ? "true" : "false";
    }
    if (value.is_null()) {
        return "";
    }
    return value.dump();
}

std::size_t SummaryInfo::actor_index(const std::string& id) {
    for (std::size_t i = 0; i < actors.size(); ++i) {
        if (actors[i].id == id) {
            return i;
        }
    }
    actors.push_back({id, id, ""});
    return actors.size() - 1;
}

std::string SummaryInfo::actor_name(const std::string& id) const {
    for (const auto& actor : actors) {
        if (actor.id == id) {
            return actor.name;
        }
    }
    return id;
}

SummaryInfo load_summary(const std::string& dir) {
    std::string path = join_path(dir, "summary.json");
    SummaryInfo summary;
    summary.raw = read_json(path);
    const auto& raw = summary.raw;
    if (!raw.is_object()) {
        throw PlotError(path + ": expected a JSON object");
    }
    const auto scenario = raw.value("scenario", nlohmann::json::object());
    summary.scenario_name = json_string(scenario, "name", "scenario");
    std::string start_date = json_string(scenario, "start_date");
    if (!start_date.empty()) {
        summary.start_day = io::date_to_days(start_date);
        if (!summary.start_day) {
            throw PlotError(path + ": scenario.start_date is not a date YYYY-MM-DD: '" + start_date + "'");
        }
    }
    if (scenario.is_object() && scenario.contains("horizon_days") && scenario["horizon_days"].is_number()) {
        summary.horizon_days = scenario["horizon_days"].get<double>();
    }
    summary.seed = raw.contains("seed") ? json_text(raw["seed"]) : "";
    for (const auto& actor : raw.value("actors", nlohmann::json::array())) {
        std::string id = json_string(actor, "id");
        if (!id.empty()) {
            summary.actors.push_back({id, json_string(actor, "name", id), json_string(actor, "kind")});
        }
    }
    for (const auto& issue : raw.value("issues", nlohmann::json::array())) {
        std::string id = json_string(issue, "id");
        if (!id.empty()) {
            summary.issues.push_back({id, json_string(issue, "name", id), json_string(issue, "low", "0"),
                                      json_string(issue, "high", "1")});
        }
    }
    for (const auto& rung : raw.value("ladder", nlohmann::json::array())) {
        std::size_t index = summary.ladder.size();
        if (rung.is_object() && rung.contains("index") && rung["index"].is_number_unsigned()) {
            index = rung["index"].get<std::size_t>();
        }
        if (index > 1000) {
            throw PlotError(path + ": ladder index out of range");
        }
        if (summary.ladder.size() <= index) {
            summary.ladder.resize(index + 1);
        }
        summary.ladder[index] = json_string(rung, "name", "rung " + std::to_string(index));
    }
    return summary;
}

}  // namespace brink::plots::detail
