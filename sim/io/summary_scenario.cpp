// The scenario's part of summary.json (include/brink/io/summary_json.hpp): one writer for a run's and an
// ensemble's summary, so that they cannot drift apart (they once did: an empty start date was null in one
// and "" in the other, and only one survived invalid UTF-8).
#include "brink/io/summary_json.hpp"

#include <cmath>
#include <cstddef>

namespace brink::io {

OrderedJson json_number(double value) {
    return std::isfinite(value) ? OrderedJson(value) : OrderedJson(nullptr);
}

OrderedJson json_string_or_null(const std::string& text) {
    return text.empty() ? OrderedJson(nullptr) : OrderedJson(text);
}

OrderedJson scenario_summary(const ScenarioSpec& spec, const std::string& path) {
    return {{"name", spec.metadata.name},
            {"path", path},
            {"start_date", json_string_or_null(spec.metadata.start_date)},
            {"horizon_days", json_number(spec.metadata.horizon)}};
}

void set_scenario_tables(OrderedJson& json, const ScenarioSpec& spec, DemandFields demand_fields) {
    OrderedJson actors = OrderedJson::array();
    for (const ActorSpec& actor : spec.actors) {
        actors.push_back({{"id", actor.id}, {"name", actor.name}, {"kind", to_string(actor.kind)}});
    }
    json["actors"] = std::move(actors);

    OrderedJson issues = OrderedJson::array();
    for (const IssueSpec& issue : spec.issues) {
        issues.push_back({{"id", issue.id}, {"name", issue.name}, {"low", issue.low}, {"high", issue.high}});
    }
    json["issues"] = std::move(issues);

    OrderedJson ladder = OrderedJson::array();
    for (std::size_t index = 0; index < spec.ladder.rungs.size(); ++index) {
        const RungSpec& rung = spec.ladder.rungs[index];
        ladder.push_back({{"index", index},
                          {"id", rung.id},
                          {"name", rung.name},
                          {"threshold", json_number(rung.threshold)}});
    }
    json["ladder"] = std::move(ladder);

    OrderedJson demands = OrderedJson::array();
    for (const DemandSpec& demand : spec.demands) {
        OrderedJson entry = {{"id", demand.id},
                             {"challenger", demand.challenger},
                             {"targets", demand.targets},
                             {"issue", demand.issue},
                             {"value", json_number(demand.value)}};
        if (demand_fields == DemandFields::WithTerms) {
            entry["deadline"] = json_number(demand.deadline);
            entry["threat"] = json_string_or_null(demand.threat);
        }
        demands.push_back(std::move(entry));
    }
    json["demands"] = std::move(demands);
}

std::string json_text(const OrderedJson& json) {
    return json.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

}  // namespace brink::io
