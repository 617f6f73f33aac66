// Scripted events and demands a run ended before (not_reached.hpp).
#include "brink/io/not_reached.hpp"

#include "brink/io/numbers.hpp"
#include "brink/io/run_writer.hpp"
#include "brink/model/demands.hpp"

#include <algorithm>
#include <cmath>

namespace brink::io {
namespace {

// An actor's display name (the id when the scenario has none).
std::string actor_name(const ScenarioSpec& spec, const std::string& id) {
    for (const ActorSpec& actor : spec.actors) {
        if (actor.id == id) {
            return actor.name.empty() ? id : actor.name;
        }
    }
    return id;
}

// "United States and NATO": names, for people.
std::string joined_names(const ScenarioSpec& spec, const std::vector<std::string>& ids) {
    std::string text;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        text += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + actor_name(spec, ids[i]);
    }
    return text;
}

// Days in messages: one decimal at most.
std::string day_text(double day) {
    return format_number(std::round(day * 10.0) / 10.0);
}

std::string plural(std::size_t count, const std::string& noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace

double run_end_day(const ScenarioSpec& spec, const model::RunResult& result) {
    const model::Outcome& outcome = result.outcome;
    if (outcome.kind == model::OutcomeKind::War && outcome.war.how != model::WarEnd::FirstShot) {
        return std::isfinite(outcome.war.end) ? outcome.war.end : spec.metadata.horizon;
    }
    return outcome.time;
}

std::vector<NotReached> not_reached(const ScenarioSpec& spec, const model::RunResult& result) {
    const double end = run_end_day(spec, result);
    std::vector<NotReached> missed;
    if (!std::isfinite(end)) {
        return missed;
    }
    for (std::size_t e = 0; e < spec.events.size(); ++e) {
        const ScriptedEventSpec& event = spec.events[e];
        if (!(event.day > end)) {
            continue;
        }
        NotReached item;
        item.id = "events[" + std::to_string(e) + "]";
        item.day = event.day;
        item.type = to_string(event.type);
        item.source = event.source;
        item.description = event.description;
        if (item.description.empty()) {
            item.description = actor_name(spec, event.source) + " (" + item.type + ")";
            if (!event.targets.empty()) {
                item.description += " to " + joined_names(spec, event.targets);
            }
        }
        missed.push_back(std::move(item));
    }
    for (const DemandSpec& demand : spec.demands) {
        if (!(demand.made > end)) {
            continue;
        }
        bool scripted_before_end = false;  // a scripted demand event puts it on the table on its own day
        for (const ScriptedEventSpec& event : spec.events) {
            scripted_before_end = scripted_before_end || (event.type == ScriptedEventType::Demand &&
                                                          event.demand == demand.id && !(event.day > end));
        }
        if (scripted_before_end) {
            continue;
        }
        NotReached item;
        item.id = demand.id;
        item.day = demand.made;
        item.type = "demand";
        item.source = demand.challenger;
        const auto issue =
            std::find_if(spec.issues.begin(), spec.issues.end(),
                         [&demand](const IssueSpec& spec_issue) { return spec_issue.id == demand.issue; });
        item.description =
            actor_name(spec, demand.challenger) + " demands that " + joined_names(spec, demand.targets) +
            " " +
            (issue == spec.issues.end() ? "move " + demand.issue + " to " + format_number(demand.value)
                                        : model::demanded_text(*issue, demand.value));
        missed.push_back(std::move(item));
    }
    return missed;
}

std::string not_reached_warning(const ScenarioSpec& spec, const model::RunResult& result,
                                const std::vector<NotReached>& missed) {
    if (missed.empty()) {
        return {};
    }
    const double end = run_end_day(spec, result);
    std::size_t demands = 0;
    for (const NotReached& item : missed) {
        demands += item.type == "demand" && item.id.rfind("events[", 0) != 0 ? 1U : 0U;
    }
    const std::size_t events = missed.size() - demands;
    std::string text = "the run ended on day " + day_text(end);
    const std::string date = date_at(spec, end);
    if (!date.empty()) {
        text += " (" + date + ")";
    }
    text += "; ";
    if (events > 0) {
        text += plural(events, "scripted event");
    }
    if (demands > 0) {
        text += std::string(events > 0 ? " and " : "") + plural(demands, "demand");
    }
    text += " dated after it never happened: ";
    constexpr std::size_t k_listed = 3;
    for (std::size_t i = 0; i < missed.size() && i < k_listed; ++i) {
        text += (i == 0 ? "" : "; ") + missed[i].description + " (day " + day_text(missed[i].day) + ")";
    }
    if (missed.size() > k_listed) {
        text += "; and " + std::to_string(missed.size() - k_listed) + " more";
    }
    return text + ". summary.json lists them under not_reached";
}

}  // namespace brink::io
