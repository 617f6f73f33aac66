// Scenario files (YAML) -> ScenarioSpec. Reading checks shapes and types (unknown keys, duplicate keys,
// wrong types) and records where every value was found; validate_spec_at then checks ranges and references
// and places each problem at the recorded position. Nothing here throws to the caller: every problem, however
// malformed the input, becomes a diagnostic (a fuzzer drives load_scenario_string).
#include "brink/io/scenario_loader.hpp"

#include "spec_rules.hpp"

#include "brink/io/yaml_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

namespace brink::io {

namespace {

const std::vector<std::string> k_top_keys{"metadata", "issues", "actors", "relations", "demands",
                                          "ladder",   "events", "model",  "output"};
const std::vector<std::string> k_metadata_keys{"name",    "description", "start_date",
                                               "horizon", "seed",        "sources"};
const std::vector<std::string> k_issue_keys{"name", "description", "low", "high", "status_quo"};
const std::vector<std::string> k_actor_keys{
    "name",          "kind",        "capability",    "capability_unit", "capability_source", "resolve",
    "risk_attitude", "cost_of_war", "decision_rate", "initial_rung",    "representatives",   "positions"};
const std::vector<std::string> k_person_keys{"name", "role"};
const std::vector<std::string> k_position_keys{"position", "salience"};
const std::vector<std::string> k_relations_keys{"alliances", "affinities", "commitments"};
const std::vector<std::string> k_alliance_keys{"name", "members", "affinity", "commitment"};
const std::vector<std::string> k_affinity_keys{"a", "b", "value", "directed"};
const std::vector<std::string> k_commitment_keys{"defender", "protege", "firmness"};
const std::vector<std::string> k_demand_keys{"challenger", "targets",  "issue", "value",
                                             "made",       "deadline", "threat"};
const std::vector<std::string> k_ladder_keys{"rungs"};
const std::vector<std::string> k_rung_keys{"id", "name", "threshold", "cameo"};
const std::vector<std::string> k_event_keys{
    "day",    "date",  "type",        "source",         "targets",        "issue",     "value",
    "demand", "cameo", "description", "affinity_delta", "pressure_delta", "source_ref"};
const std::vector<std::string> k_model_keys{
    "rationality",      "reaction",     "restraint",      "grievance",      "affinity_step",
    "discount_per_day", "bdm_interval", "talks_duration", "war_rung_index", "decisions_enabled"};
const std::vector<std::string> k_output_keys{"sample_interval", "event_samples", "metrics"};

std::string in_quotes(const std::string& text) {
    return "'" + text + "'";
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) {
        out += (out.empty() ? "" : ", ") + word;
    }
    return out;
}

std::vector<std::string> names_of_event_types() {
    std::vector<std::string> names;
    for (int t = 0; t <= static_cast<int>(ScriptedEventType::Concession); ++t) {
        names.emplace_back(to_string(static_cast<ScriptedEventType>(t)));
    }
    return names;
}

class PathLocator final : public detail::Locator {
  public:
    std::map<std::string, Location> locations;

    Location find(const std::string& path) const override {
        std::string key = path;
        while (true) {
            const auto it = locations.find(key);
            if (it != locations.end()) {
                return it->second;
            }
            if (key.empty()) {
                return {};
            }
            const auto cut = key.find_last_of(".[");
            key = cut == std::string::npos ? std::string() : key.substr(0, cut);
        }
    }
};

// One key/value pair of a mapping, with where each was found.
struct Entry {
    std::string key;
    YAML::Node value;
    Location key_at;
    Location value_at;  ///< The value's position, or the key's when the value is empty.
};

class Reader {
  public:
    explicit Reader(const std::string& file_name) : m_file(file_name) {}

    ScenarioSpec spec;
    std::vector<Diagnostic> diagnostics;
    PathLocator locator;
    bool fatal = false;             ///< A size guard tripped: semantic validation would only add noise.
    std::set<std::string> errored;  ///< Paths already reported (semantic checks stay quiet there).
    std::vector<std::string> missing_sections;  ///< Required top-level keys that are absent.

    void read_root(const YAML::Node& root) {
        const Location root_at = location_of(root.Mark());
        locator.locations[""] = root_at.line > 0 ? root_at : Location{1, 1};
        const auto entries = mapping(root, "", locator.locations[""], &k_top_keys);
        std::map<std::string, Entry> sections;
        for (const auto& entry : entries) {
            sections.emplace(entry.key, entry);
        }
        for (const char* required : {"metadata", "issues", "actors"}) {
            if (!fatal && sections.count(required) == 0) {
                missing_sections.emplace_back(required);
                error(locator.locations[""],
                      "missing required key " + in_quotes(required) + " at the top level");
            }
        }
        // Metadata first: event dates need the start date, whatever the order in the file.
        bool ladder_given = false;
        for (const auto& key : k_top_keys) {
            const auto it = sections.find(key);
            if (it == sections.end() || fatal) {
                continue;
            }
            const Entry& entry = it->second;
            locator.locations[key] = entry.key_at;
            if (key == "metadata") {
                read_metadata(entry);
            } else if (key == "issues") {
                read_issues(entry);
            } else if (key == "actors") {
                read_actors(entry);
            } else if (key == "relations") {
                read_relations(entry);
            } else if (key == "demands") {
                read_demands(entry);
            } else if (key == "ladder") {
                ladder_given = true;
                read_ladder(entry);
            } else if (key == "events") {
                read_events(entry);
            } else if (key == "model") {
                read_model(entry);
            } else if (key == "output") {
                read_output(entry);
            }
        }
        if (!ladder_given) {
            spec.ladder = default_ladder();
        }
    }

    void error(Location where, std::string message) {
        diagnostics.push_back({m_file, where.line, where.column, std::move(message)});
    }

  private:
    // Counts visited nodes; false (once reported) when the input is absurdly large.
    bool visit() {
        if (fatal) {
            return false;
        }
        if (!m_budget.take()) {
            fatal = true;
            error({}, m_budget.message());
            return false;
        }
        return true;
    }

    bool too_many(const Entry& entry, const std::string& path, std::size_t count, std::size_t limit,
                  const char* what) {
        if (count <= limit) {
            return false;
        }
        fatal = true;
        error(entry.value_at, path + ": too many " + std::string(what) + " (" + std::to_string(count) +
                                  "); at most " + std::to_string(limit));
        return true;
    }

    // The entries of a mapping, each key once. `allowed` lists the field names (null: keys are ids).
    // Reports a value that is not a mapping, non-scalar keys, duplicate keys and unknown keys.
    std::vector<Entry> mapping(const YAML::Node& node, const std::string& path, Location where,
                               const std::vector<std::string>* allowed) {
        std::vector<Entry> entries;
        if (!visit()) {
            return entries;
        }
        const std::string name = path.empty() ? "the top level" : in_quotes(path);
        if (!node.IsMap()) {
            if (node.IsNull() && !path.empty()) {
                return entries;  // `key:` with nothing: an empty section
            }
            errored.insert(path);
            error(where, (path.empty() ? std::string("the top level") : path) + ": expected a mapping, got " +
                             describe_node(node));
            return entries;
        }
        std::map<std::string, Location> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!visit()) {
                return entries;
            }
            const YAML::Node key_node = it->first;
            const Location key_at = location_of(key_node.Mark());
            if (!key_node.IsScalar() && !key_node.IsNull()) {
                error(key_at, "expected a plain key in " + name + ", got " + describe_node(key_node));
                continue;
            }
            const std::string key = key_node.IsNull() ? std::string() : key_node.Scalar();
            const auto [previous, inserted] = seen.emplace(key, key_at);
            if (!inserted) {
                error(key_at, "duplicate key " + in_quotes(key) + " in " + name + " (first defined at line " +
                                  std::to_string(previous->second.line) + ")");
                continue;
            }
            if (allowed != nullptr && std::find(allowed->begin(), allowed->end(), key) == allowed->end()) {
                std::string message = "unknown key " + in_quotes(key) + " in " + name;
                if (path.empty()) {
                    message = "unknown key " + in_quotes(key) + " at the top level";
                }
                const std::string suggestion = closest_match(key, *allowed);
                if (!suggestion.empty()) {
                    message += "; did you mean " + in_quotes(suggestion) + "?";
                } else {
                    message += "; expected one of: " + join(*allowed);
                }
                error(key_at, message);
                continue;
            }
            Entry entry{key, it->second, key_at, key_at};
            if (!it->second.IsNull()) {
                const Location value_at = location_of(it->second.Mark());
                if (value_at.line > 0) {
                    entry.value_at = value_at;
                }
            }
            entries.push_back(std::move(entry));
        }
        return entries;
    }

    // The items of a sequence with their positions; an empty value is an empty sequence.
    std::vector<std::pair<YAML::Node, Location>> sequence(const Entry& entry, const std::string& path) {
        std::vector<std::pair<YAML::Node, Location>> items;
        if (!visit() || entry.value.IsNull()) {
            return items;
        }
        if (!entry.value.IsSequence()) {
            errored.insert(path);
            error(entry.value_at, path + ": expected a sequence, got " + describe_node(entry.value));
            return items;
        }
        for (auto it = entry.value.begin(); it != entry.value.end(); ++it) {
            if (!visit()) {
                return items;
            }
            const Location at = location_of(it->Mark());
            items.emplace_back(*it, at.line > 0 ? at : entry.value_at);
        }
        return items;
    }

    // A scalar's text, or nullopt (reported) when the value is not a scalar.
    std::optional<std::string> scalar(const YAML::Node& value, Location at, const std::string& path,
                                      const std::string& expected) {
        if (!visit()) {
            return std::nullopt;
        }
        locator.locations[path] = at;
        if (!value.IsScalar()) {
            errored.insert(path);
            error(at, path + ": expected " + expected + ", got " + describe_node(value));
            return std::nullopt;
        }
        return value.Scalar();
    }

    void text(const Entry& entry, const std::string& path, std::string& out) {
        if (entry.value.IsNull()) {
            locator.locations[path] = entry.value_at;
            out.clear();
            return;
        }
        if (auto value = scalar(entry.value, entry.value_at, path, "a string")) {
            out = std::move(*value);
        }
    }

    void number(const Entry& entry, const std::string& path, double& out, const detail::Range& range) {
        if (auto value = scalar(entry.value, entry.value_at, path, detail::describe(range))) {
            if (const auto parsed = detail::parse_scenario_number(*value)) {
                out = *parsed;
            } else {
                error(entry.value_at,
                      path + ": expected " + detail::describe(range) + ", got " + in_quotes(*value));
            }
        }
    }

    void boolean(const Entry& entry, const std::string& path, bool& out) {
        if (auto value = scalar(entry.value, entry.value_at, path, "true or false")) {
            if (const auto parsed = detail::parse_bool(*value)) {
                out = *parsed;
            } else {
                error(entry.value_at, path + ": expected true or false, got " + in_quotes(*value));
            }
        }
    }

    void text_list(const Entry& entry, const std::string& path, std::vector<std::string>& out) {
        locator.locations[path] = entry.value_at;
        out.clear();
        const auto items = sequence(entry, path);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string item_path = path + "[" + std::to_string(i) + "]";
            if (auto value = scalar(items[i].first, items[i].second, item_path, "a string")) {
                out.push_back(std::move(*value));
            }
        }
    }

    void missing(const std::set<std::string>& given, const std::vector<std::string>& required,
                 const std::string& path, Location where) {
        for (const auto& key : required) {
            if (given.count(key) == 0) {
                errored.insert(path + "." + key);
                error(where, path + ": missing required key " + in_quotes(key));
            }
        }
    }

    void read_metadata(const Entry& section) {
        auto& metadata = spec.metadata;
        for (const auto& entry : mapping(section.value, "metadata", section.value_at, &k_metadata_keys)) {
            const std::string path = "metadata." + entry.key;
            if (entry.key == "name") {
                text(entry, path, metadata.name);
            } else if (entry.key == "description") {
                text(entry, path, metadata.description);
            } else if (entry.key == "start_date") {
                text(entry, path, metadata.start_date);
            } else if (entry.key == "horizon") {
                number(entry, path, metadata.horizon, detail::k_horizon_range);
            } else if (entry.key == "seed") {
                if (auto value = scalar(entry.value, entry.value_at, path, "a whole number >= 0")) {
                    if (const auto seed = parse_unsigned(*value)) {
                        metadata.seed = *seed;
                    } else {
                        error(entry.value_at,
                              path + ": expected a whole number in [0, 2^64-1], got " + in_quotes(*value));
                    }
                }
            } else if (entry.key == "sources") {
                text_list(entry, path, metadata.sources);
            }
        }
    }

    void read_issues(const Entry& section) {
        const auto entries = mapping(section.value, "issues", section.value_at, nullptr);
        if (too_many(section, "issues", entries.size(), detail::k_max_issues, "issues")) {
            return;
        }
        for (const auto& issue_entry : entries) {
            IssueSpec issue;
            issue.id = issue_entry.key;
            issue.name = issue.id;
            issue.low = "0";
            issue.high = "1";
            const std::string path = "issues." + issue.id;
            locator.locations[path] = issue_entry.key_at;
            for (const auto& entry : mapping(issue_entry.value, path, issue_entry.value_at, &k_issue_keys)) {
                const std::string field = path + "." + entry.key;
                if (entry.key == "name") {
                    text(entry, field, issue.name);
                } else if (entry.key == "description") {
                    text(entry, field, issue.description);
                } else if (entry.key == "low") {
                    text(entry, field, issue.low);
                } else if (entry.key == "high") {
                    text(entry, field, issue.high);
                } else if (entry.key == "status_quo") {
                    number(entry, field, issue.status_quo, detail::k_unit_range);
                }
            }
            spec.issues.push_back(std::move(issue));
        }
    }

    void read_actors(const Entry& section) {
        const auto entries = mapping(section.value, "actors", section.value_at, nullptr);
        if (too_many(section, "actors", entries.size(), detail::k_max_actors, "actors")) {
            return;
        }
        for (const auto& actor_entry : entries) {
            ActorSpec actor;
            actor.id = actor_entry.key;
            actor.name = actor.id;
            const std::string path = "actors." + actor.id;
            locator.locations[path] = actor_entry.key_at;
            for (const auto& entry : mapping(actor_entry.value, path, actor_entry.value_at, &k_actor_keys)) {
                const std::string field = path + "." + entry.key;
                if (entry.key == "name") {
                    text(entry, field, actor.name);
                } else if (entry.key == "kind") {
                    if (auto value =
                            scalar(entry.value, entry.value_at, field, "state, alliance or organisation")) {
                        if (const auto kind = actor_kind_from_string(*value)) {
                            actor.kind = *kind;
                        } else {
                            const std::vector<std::string> kinds{"state", "alliance", "organisation"};
                            std::string message = field + ": expected state, alliance or organisation, got " +
                                                  in_quotes(*value);
                            const std::string suggestion = closest_match(*value, kinds);
                            if (!suggestion.empty()) {
                                message += "; did you mean " + in_quotes(suggestion) + "?";
                            }
                            error(entry.value_at, message);
                        }
                    }
                } else if (entry.key == "capability") {
                    number(entry, field, actor.capability, detail::k_capability_range);
                } else if (entry.key == "capability_unit") {
                    text(entry, field, actor.capability_unit);
                } else if (entry.key == "capability_source") {
                    text(entry, field, actor.capability_source);
                } else if (entry.key == "resolve") {
                    number(entry, field, actor.resolve, detail::k_unit_range);
                } else if (entry.key == "risk_attitude") {
                    number(entry, field, actor.risk_attitude, detail::k_signed_unit_range);
                } else if (entry.key == "cost_of_war") {
                    number(entry, field, actor.cost_of_war, detail::k_cost_of_war_range);
                } else if (entry.key == "decision_rate") {
                    number(entry, field, actor.decision_rate, detail::k_decision_rate_range);
                } else if (entry.key == "initial_rung") {
                    number(entry, field, actor.initial_rung, detail::Range{0.0, 99.0});
                } else if (entry.key == "representatives") {
                    read_representatives(entry, field, actor.representatives);
                } else if (entry.key == "positions") {
                    read_positions(entry, field, actor.positions);
                }
            }
            spec.actors.push_back(std::move(actor));
        }
    }

    void read_representatives(const Entry& section, const std::string& path, std::vector<PersonSpec>& out) {
        locator.locations[path] = section.value_at;
        const auto items = sequence(section, path);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string item_path = path + "[" + std::to_string(i) + "]";
            locator.locations[item_path] = items[i].second;
            PersonSpec person;
            if (items[i].first.IsScalar()) {
                person.name = items[i].first.Scalar();  // shorthand: just the name
            } else {
                for (const auto& entry :
                     mapping(items[i].first, item_path, items[i].second, &k_person_keys)) {
                    if (entry.key == "name") {
                        text(entry, item_path + ".name", person.name);
                    } else if (entry.key == "role") {
                        text(entry, item_path + ".role", person.role);
                    }
                }
            }
            out.push_back(std::move(person));
        }
    }

    void read_positions(const Entry& section, const std::string& path, std::vector<PositionSpec>& out) {
        locator.locations[path] = section.value_at;
        for (const auto& issue_entry : mapping(section.value, path, section.value_at, nullptr)) {
            PositionSpec position;
            position.issue = issue_entry.key;
            const std::string item_path = path + "." + position.issue;
            locator.locations[item_path] = issue_entry.key_at;
            for (const auto& entry :
                 mapping(issue_entry.value, item_path, issue_entry.value_at, &k_position_keys)) {
                if (entry.key == "position") {
                    number(entry, item_path + ".position", position.position, detail::k_unit_range);
                } else if (entry.key == "salience") {
                    number(entry, item_path + ".salience", position.salience, detail::k_unit_range);
                }
            }
            out.push_back(std::move(position));
        }
    }

    void read_relations(const Entry& section) {
        auto& relations = spec.relations;
        for (const auto& group : mapping(section.value, "relations", section.value_at, &k_relations_keys)) {
            const std::string path = "relations." + group.key;
            locator.locations[path] = group.value_at;
            if (group.key == "alliances") {
                for (const auto& alliance_entry : mapping(group.value, path, group.value_at, nullptr)) {
                    AllianceSpec alliance;
                    alliance.id = alliance_entry.key;
                    alliance.name = alliance.id;
                    const std::string item_path = path + "." + alliance.id;
                    locator.locations[item_path] = alliance_entry.key_at;
                    for (const auto& entry : mapping(alliance_entry.value, item_path, alliance_entry.value_at,
                                                     &k_alliance_keys)) {
                        const std::string field = item_path + "." + entry.key;
                        if (entry.key == "name") {
                            text(entry, field, alliance.name);
                        } else if (entry.key == "members") {
                            text_list(entry, field, alliance.members);
                        } else if (entry.key == "affinity") {
                            number(entry, field, alliance.affinity, detail::k_signed_unit_range);
                        } else if (entry.key == "commitment") {
                            number(entry, field, alliance.commitment, detail::k_unit_range);
                        }
                    }
                    relations.alliances.push_back(std::move(alliance));
                }
            } else if (group.key == "affinities") {
                const auto items = sequence(group, path);
                for (std::size_t i = 0; i < items.size(); ++i) {
                    const std::string item_path = path + "[" + std::to_string(i) + "]";
                    locator.locations[item_path] = items[i].second;
                    AffinitySpec affinity;
                    std::set<std::string> given;
                    for (const auto& entry :
                         mapping(items[i].first, item_path, items[i].second, &k_affinity_keys)) {
                        given.insert(entry.key);
                        const std::string field = item_path + "." + entry.key;
                        if (entry.key == "a") {
                            text(entry, field, affinity.a);
                        } else if (entry.key == "b") {
                            text(entry, field, affinity.b);
                        } else if (entry.key == "value") {
                            number(entry, field, affinity.value, detail::k_signed_unit_range);
                        } else if (entry.key == "directed") {
                            boolean(entry, field, affinity.directed);
                        }
                    }
                    if (items[i].first.IsMap()) {
                        missing(given, {"value"}, item_path, items[i].second);
                    }
                    relations.affinities.push_back(std::move(affinity));
                }
            } else if (group.key == "commitments") {
                const auto items = sequence(group, path);
                for (std::size_t i = 0; i < items.size(); ++i) {
                    const std::string item_path = path + "[" + std::to_string(i) + "]";
                    locator.locations[item_path] = items[i].second;
                    CommitmentSpec commitment;
                    for (const auto& entry :
                         mapping(items[i].first, item_path, items[i].second, &k_commitment_keys)) {
                        const std::string field = item_path + "." + entry.key;
                        if (entry.key == "defender") {
                            text(entry, field, commitment.defender);
                        } else if (entry.key == "protege") {
                            text(entry, field, commitment.protege);
                        } else if (entry.key == "firmness") {
                            number(entry, field, commitment.firmness, detail::k_unit_range);
                        }
                    }
                    relations.commitments.push_back(std::move(commitment));
                }
            }
        }
    }

    void read_demands(const Entry& section) {
        for (const auto& demand_entry : mapping(section.value, "demands", section.value_at, nullptr)) {
            DemandSpec demand;
            demand.id = demand_entry.key;
            const std::string path = "demands." + demand.id;
            locator.locations[path] = demand_entry.key_at;
            std::set<std::string> given;
            for (const auto& entry :
                 mapping(demand_entry.value, path, demand_entry.value_at, &k_demand_keys)) {
                given.insert(entry.key);
                const std::string field = path + "." + entry.key;
                if (entry.key == "challenger") {
                    text(entry, field, demand.challenger);
                } else if (entry.key == "targets") {
                    text_list(entry, field, demand.targets);
                } else if (entry.key == "issue") {
                    text(entry, field, demand.issue);
                } else if (entry.key == "value") {
                    number(entry, field, demand.value, detail::k_unit_range);
                } else if (entry.key == "made") {
                    number(entry, field, demand.made, detail::Range{detail::k_earliest_day, 36500.0});
                } else if (entry.key == "deadline") {
                    number(entry, field, demand.deadline, detail::Range{detail::k_earliest_day, 36500.0});
                } else if (entry.key == "threat") {
                    text(entry, field, demand.threat);
                }
            }
            if (demand_entry.value.IsMap()) {
                missing(given, {"value"}, path, demand_entry.key_at);
            }
            spec.demands.push_back(std::move(demand));
        }
    }

    void read_ladder(const Entry& section) {
        for (const auto& group : mapping(section.value, "ladder", section.value_at, &k_ladder_keys)) {
            const std::string path = "ladder.rungs";
            locator.locations[path] = group.value_at;
            const auto items = sequence(group, path);
            if (too_many(group, path, items.size(), detail::k_max_rungs, "rungs")) {
                return;
            }
            for (std::size_t i = 0; i < items.size(); ++i) {
                const std::string item_path = path + "[" + std::to_string(i) + "]";
                locator.locations[item_path] = items[i].second;
                RungSpec rung;
                std::set<std::string> given;
                for (const auto& entry : mapping(items[i].first, item_path, items[i].second, &k_rung_keys)) {
                    given.insert(entry.key);
                    const std::string field = item_path + "." + entry.key;
                    if (entry.key == "id") {
                        text(entry, field, rung.id);
                    } else if (entry.key == "name") {
                        text(entry, field, rung.name);
                    } else if (entry.key == "threshold") {
                        number(entry, field, rung.threshold, detail::k_threshold_range);
                    } else if (entry.key == "cameo") {
                        text(entry, field, rung.cameo);
                    }
                }
                if (items[i].first.IsMap()) {
                    missing(given, {"id", "threshold", "cameo"}, item_path, items[i].second);
                }
                if (given.count("name") == 0) {
                    rung.name = rung.id;
                }
                spec.ladder.rungs.push_back(std::move(rung));
            }
        }
    }

    void read_events(const Entry& section) {
        const auto items = sequence(section, "events");
        if (too_many(section, "events", items.size(), detail::k_max_events, "events")) {
            return;
        }
        const auto start = date_to_days(spec.metadata.start_date);
        static const std::vector<std::string> type_names = names_of_event_types();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string path = "events[" + std::to_string(i) + "]";
            locator.locations[path] = items[i].second;
            ScriptedEventSpec event;
            std::set<std::string> given;
            for (const auto& entry : mapping(items[i].first, path, items[i].second, &k_event_keys)) {
                given.insert(entry.key);
                const std::string field = path + "." + entry.key;
                if (entry.key == "day") {
                    number(entry, field, event.day, detail::Range{detail::k_earliest_day, 36500.0});
                } else if (entry.key == "date") {
                    text(entry, field, event.date);
                    // A date stands for the day too: problems with the day are shown at the date.
                    if (given.count("day") == 0) {
                        locator.locations[path + ".day"] = entry.value_at;
                    }
                } else if (entry.key == "type") {
                    if (auto value = scalar(entry.value, entry.value_at, field, "an event type")) {
                        if (const auto type = scripted_event_type_from_string(*value)) {
                            event.type = *type;
                        } else {
                            std::string message = field + ": unknown event type " + in_quotes(*value);
                            const std::string suggestion = closest_match(*value, type_names);
                            message += suggestion.empty() ? "; expected one of: " + join(type_names)
                                                          : "; did you mean " + in_quotes(suggestion) + "?";
                            error(entry.value_at, message);
                        }
                    }
                } else if (entry.key == "source") {
                    text(entry, field, event.source);
                } else if (entry.key == "targets") {
                    text_list(entry, field, event.targets);
                } else if (entry.key == "issue") {
                    text(entry, field, event.issue);
                } else if (entry.key == "value") {
                    number(entry, field, event.value, detail::k_unit_range);
                } else if (entry.key == "demand") {
                    text(entry, field, event.demand);
                } else if (entry.key == "cameo") {
                    text(entry, field, event.cameo);
                } else if (entry.key == "description") {
                    text(entry, field, event.description);
                } else if (entry.key == "affinity_delta") {
                    number(entry, field, event.affinity_delta, detail::k_affinity_delta_range);
                } else if (entry.key == "pressure_delta") {
                    number(entry, field, event.pressure_delta, detail::k_pressure_delta_range);
                } else if (entry.key == "source_ref") {
                    text(entry, field, event.source_ref);
                }
            }
            if (items[i].first.IsMap()) {
                if (given.count("day") == 0 && given.count("date") == 0) {
                    error(items[i].second, path + ": missing required key 'day' or 'date'");
                }
                if (given.count("type") == 0) {
                    error(items[i].second, path + ": missing required key 'type'");
                }
            }
            if (given.count("day") == 0 && !event.date.empty() && start) {
                if (const auto days = date_to_days(event.date)) {
                    event.day = static_cast<double>(*days - *start);
                }
            }
            spec.events.push_back(std::move(event));
        }
    }

    void read_model(const Entry& section) {
        auto& model = spec.model;
        for (const auto& entry : mapping(section.value, "model", section.value_at, &k_model_keys)) {
            const std::string path = "model." + entry.key;
            if (entry.key == "rationality") {
                number(entry, path, model.rationality, detail::k_rationality_range);
            } else if (entry.key == "reaction") {
                number(entry, path, model.reaction, detail::k_rate_range);
            } else if (entry.key == "restraint") {
                number(entry, path, model.restraint, detail::k_rate_range);
            } else if (entry.key == "grievance") {
                number(entry, path, model.grievance, detail::k_rate_range);
            } else if (entry.key == "affinity_step") {
                number(entry, path, model.affinity_step, detail::k_unit_range);
            } else if (entry.key == "discount_per_day") {
                number(entry, path, model.discount_per_day, detail::k_discount_range);
            } else if (entry.key == "bdm_interval") {
                number(entry, path, model.bdm_interval, detail::k_bdm_interval_range);
            } else if (entry.key == "talks_duration") {
                number(entry, path, model.talks_duration, detail::k_talks_duration_range);
            } else if (entry.key == "war_rung_index") {
                number(entry, path, model.war_rung_index, detail::Range{1.0, 99.0, false, false, true});
            } else if (entry.key == "decisions_enabled") {
                boolean(entry, path, model.decisions_enabled);
            }
        }
    }

    void read_output(const Entry& section) {
        for (const auto& entry : mapping(section.value, "output", section.value_at, &k_output_keys)) {
            const std::string path = "output." + entry.key;
            if (entry.key == "sample_interval") {
                number(entry, path, spec.output.sample_interval, detail::k_sample_interval_range);
            } else if (entry.key == "event_samples") {
                boolean(entry, path, spec.output.event_samples);
            } else if (entry.key == "metrics") {
                text_list(entry, path, spec.output.metrics);
            }
        }
    }

    const std::string& m_file;
    NodeBudget m_budget;
};

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const int line_a = a.line > 0 ? a.line : INT_MAX;
        const int line_b = b.line > 0 ? b.line : INT_MAX;
        return line_a != line_b ? line_a < line_b : a.column < b.column;
    });
}

LoadResult load_text(const std::string& text, const std::string& file_name) {
    LoadResult result;
    auto fail = [&](Location at, std::string message) {
        result.diagnostics.push_back({file_name, at.line, at.column, std::move(message)});
        return result;
    };
    const YamlInput input = parse_yaml(text, Documents::ExactlyOne);
    if (input.error) {
        return fail(input.error->where, input.error->message());
    }
    const YAML::Node& root = input.root;
    if (root.IsNull()) {
        return fail({}, "the file is empty; expected a mapping with the keys " + join(k_top_keys));
    }
    if (!root.IsMap()) {
        const Location at = location_of(root.Mark());
        return fail(at.line > 0 ? at : Location{1, 1}, "expected a mapping at the top level (with the keys " +
                                                           join(k_top_keys) + "), got " +
                                                           describe_node(root));
    }
    Reader reader(file_name);
    reader.read_root(root);
    if (!reader.fatal) {
        std::vector<std::string> paths;
        auto semantic = detail::validate_spec_at(reader.spec, file_name, &reader.locator, &paths);
        for (std::size_t i = 0; i < semantic.size(); ++i) {
            // Stay quiet where reading already reported the value, and under absent sections.
            bool quiet = reader.errored.count(paths[i]) != 0;
            for (const auto& section : reader.missing_sections) {
                quiet = quiet || paths[i] == section || paths[i].rfind(section + ".", 0) == 0 ||
                        paths[i].rfind(section + "[", 0) == 0;
            }
            if (!quiet) {
                reader.diagnostics.push_back(std::move(semantic[i]));
            }
        }
    }
    sort_by_position(reader.diagnostics);
    result.diagnostics = std::move(reader.diagnostics);
    if (result.diagnostics.empty()) {
        reader.spec.source_path = file_name;
        result.spec = std::move(reader.spec);
    }
    return result;
}

}  // namespace

LoadResult load_scenario_string(std::string_view yaml_text, const std::string& file_name) {
    try {
        return load_text(std::string(yaml_text), file_name);
    } catch (const std::exception& e) {
        // yaml-cpp may throw from node access on inputs its parser accepted; never let it escape.
        LoadResult result;
        result.diagnostics.push_back({file_name, 0, 0, std::string("cannot read the scenario: ") + e.what()});
        return result;
    } catch (...) {
        LoadResult result;
        result.diagnostics.push_back({file_name, 0, 0, "cannot read the scenario: unknown error"});
        return result;
    }
}

LoadResult load_scenario_file(const std::string& path) {
    std::error_code status;
    if (std::filesystem::is_directory(path, status)) {
        LoadResult result;
        result.diagnostics.push_back({path, 0, 0, "cannot open the scenario file: it is a directory"});
        return result;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult result;
        const int code = errno;
        result.diagnostics.push_back(
            {path, 0, 0,
             "cannot open the scenario file: " +
                 (code != 0 ? std::generic_category().message(code) : "unknown error")});
        return result;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        LoadResult result;
        result.diagnostics.push_back({path, 0, 0, "cannot read the scenario file"});
        return result;
    }
    return load_scenario_string(buffer.str(), path);
}

}  // namespace brink::io
