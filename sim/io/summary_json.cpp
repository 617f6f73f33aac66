// summary.json of one run (docs/outputs.md). ordered_json keeps the documented key order, so the file
// reads top-down like the doc and diffs between runs stay small.
#include "brink/io/summary_json.hpp"
#include "brink/io/not_reached.hpp"
#include "brink/io/run_writer.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstddef>

namespace brink::io {
namespace {

using Json = OrderedJson;

Json id_or_null(const std::vector<std::string>& ids, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= ids.size()) {
        return nullptr;
    }
    return ids[static_cast<std::size_t>(index)];
}

Json matrix_rows(const Eigen::MatrixXd& matrix) {
    Json rows = Json::array();
    for (Eigen::Index row = 0; row < matrix.rows(); ++row) {
        Json values = Json::array();
        for (Eigen::Index column = 0; column < matrix.cols(); ++column) {
            values.push_back(json_number(matrix(row, column)));
        }
        rows.push_back(std::move(values));
    }
    return rows;
}

std::string rung_name(const ScenarioSpec& spec, const model::RunResult& result, int index) {
    if (index < 0) {
        return {};
    }
    const auto position = static_cast<std::size_t>(index);
    if (position < result.rung_names.size()) {
        return result.rung_names[position];
    }
    if (position < spec.ladder.rungs.size()) {
        return spec.ladder.rungs[position].name;
    }
    return {};
}

Json outcome_json(const ScenarioSpec& spec, const model::RunResult& result) {
    const model::Outcome& outcome = result.outcome;
    Json json;
    json["kind"] = model::to_string(outcome.kind);
    json["time"] = json_number(outcome.time);
    json["date"] = json_string_or_null(date_at(spec, outcome.time));
    json["initiator"] = json_string_or_null(outcome.initiator);
    json["target"] = json_string_or_null(outcome.target);
    json["description"] = outcome.description;
    json["violence"] = outcome.violence;
    // docs/model.md §12.2: the war as it was fought (null when there was none).
    const model::WarRecord& war = outcome.war;
    if (std::isnan(war.start)) {
        json["war"] = nullptr;
    } else {
        Json fought;
        fought["start"] = json_number(war.start);
        fought["start_date"] = json_string_or_null(date_at(spec, war.start));
        fought["end"] = json_number(war.end);
        fought["end_date"] =
            json_string_or_null(std::isnan(war.end) ? std::string() : date_at(spec, war.end));
        fought["how"] = model::to_string(war.how);
        fought["battles"] = war.battles;
        fought["settlement"] = json_number(war.settlement);
        Json sides = Json::array();
        for (const std::vector<int>* side : {&war.initiator_side, &war.target_side}) {
            Json members = Json::array();
            for (const int actor : *side) {
                members.push_back(id_or_null(result.actor_ids, actor));
            }
            sides.push_back(std::move(members));
        }
        fought["initiator_side"] = std::move(sides[0]);
        fought["target_side"] = std::move(sides[1]);
        json["war"] = std::move(fought);
    }
    // ICB's outcome for each principal actor, in the scenario's actor order.
    Json actors = Json::object();
    for (const std::string& id : result.actor_ids) {
        const auto found = outcome.actor_outcomes.find(id);
        if (found != outcome.actor_outcomes.end()) {
            actors[id] = model::to_string(found->second);
        }
    }
    json["actor_outcomes"] = std::move(actors);
    return json;
}

Json final_positions_json(const model::RunResult& result) {
    Json json = Json::object();
    const Eigen::MatrixXd& positions = result.final_positions;
    for (std::size_t actor = 0; actor < result.actor_ids.size(); ++actor) {
        Json by_issue = Json::object();
        const auto row = static_cast<Eigen::Index>(actor);
        for (std::size_t issue = 0; issue < result.issue_ids.size(); ++issue) {
            const auto column = static_cast<Eigen::Index>(issue);
            // NaN marks "holds no position": the issue is left out rather than written as null.
            if (row < positions.rows() && column < positions.cols() &&
                std::isfinite(positions(row, column))) {
                by_issue[result.issue_ids[issue]] = positions(row, column);
            }
        }
        json[result.actor_ids[actor]] = std::move(by_issue);
    }
    return json;
}

}  // namespace

std::string summary_json(const ScenarioSpec& spec, const model::RunResult& result,
                         const std::string& command_line) {
    Json json;
    json["brink_version"] = BRINK_VERSION;
    json["command"] = command_line;
    json["scenario"] = scenario_summary(spec, spec.source_path);
    json["seed"] = result.seed;
    json["outcome"] = outcome_json(spec, result);
    json["peak_rung"] = {{"index", result.peak_rung},
                         {"name", rung_name(spec, result, result.peak_rung)},
                         {"actor", id_or_null(result.actor_ids, result.peak_rung_actor)},
                         {"time", json_number(result.peak_rung_time)}};
    json["final_positions"] = final_positions_json(result);
    Json counts = Json::object();
    for (const auto& [type, count] : result.event_counts) {
        counts[type] = count;
    }
    json["event_counts"] = std::move(counts);
    set_scenario_tables(json, spec, DemandFields::WithTerms);
    json["affinity"] = {{"actors", result.actor_ids},
                        {"start", matrix_rows(result.affinity_start)},
                        {"end", matrix_rows(result.affinity_end)}};
    Json key_events = Json::array();
    for (const model::EventRecord& event : result.events) {
        if (event.key) {
            key_events.push_back({{"time", json_number(event.time)},
                                  {"date", json_string_or_null(date_at(spec, event.time))},
                                  {"type", model::to_string(event.type)},
                                  {"source", id_or_null(result.actor_ids, event.source)},
                                  {"target", id_or_null(result.actor_ids, event.target)},
                                  {"description", event.description}});
        }
    }
    json["key_events"] = std::move(key_events);
    Json missed = Json::array();
    for (const NotReached& item : not_reached(spec, result)) {
        missed.push_back({{"id", item.id},
                          {"day", json_number(item.day)},
                          {"date", json_string_or_null(date_at(spec, item.day))},
                          {"type", item.type},
                          {"source", item.source},
                          {"description", item.description}});
    }
    json["not_reached"] = std::move(missed);
    json["engine_events"] = result.engine_events;
    return json_text(json);
}

}  // namespace brink::io
