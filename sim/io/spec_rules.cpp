// The rules of a valid ScenarioSpec (ranges, references, uniqueness) and validate_spec.
#include "spec_rules.hpp"
#include "schema.hpp"

#include "brink/io/calendar.hpp"
#include "brink/io/validation.hpp"

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <map>
#include <set>
#include <utility>

namespace brink::io {
namespace detail {

bool in_range(double value, const Range& range) {
    if (!std::isfinite(value)) {
        return false;
    }
    if (range.integer && std::floor(value) != value) {
        return false;
    }
    const bool above_low = range.low_open ? value > range.low : value >= range.low;
    const bool below_high = range.high_open ? value < range.high : value <= range.high;
    return above_low && below_high;
}

std::string describe(const Range& range) {
    std::string text = range.integer ? "a whole number in " : "a number in ";
    text += range.low_open ? '(' : '[';
    text += number_text(range.low) + ", " + number_text(range.high);
    text += range.high_open ? ')' : ']';
    return text;
}

std::optional<bool> parse_bool(std::string_view text) {
    if (text == "true" || text == "True" || text == "TRUE") {
        return true;
    }
    if (text == "false" || text == "False" || text == "FALSE") {
        return false;
    }
    return std::nullopt;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() < 'a' || id.front() > 'z') {
        return false;
    }
    for (const char c : id) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return false;
        }
    }
    return true;
}

bool is_valid_cameo(std::string_view code) {
    if (code.size() < 2 || code.size() > 4) {
        return false;
    }
    for (const char c : code) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

const std::vector<std::string>& metric_names() {
    static const std::vector<std::string> names{"rung", "pressure", "position", "expected_support",
                                                "p_prevail"};
    return names;
}

namespace {

std::string in_quotes(const std::string& text) {
    return "'" + text + "'";
}

// Ids that references may name: a list (in file order, for suggestions) and a set (for lookups).
struct Known {
    std::vector<std::string> list;
    std::set<std::string> set;
    void add(const std::string& id) {
        list.push_back(id);
        set.insert(id);
    }
};

// Collects diagnostics for one spec, each placed at its path's location when a Locator knows it.
class Checker {
  public:
    Checker(const ScenarioSpec& spec, const std::string& file_name, const Locator* locator)
        : m_spec(spec), m_file(file_name), m_locator(locator) {
        for (const auto& actor : spec.actors) {
            m_actor_ids.add(actor.id);
        }
        for (const auto& issue : spec.issues) {
            m_issue_ids.add(issue.id);
        }
        for (const auto& rung : spec.ladder.rungs) {
            m_rung_ids.add(rung.id);
        }
        for (const auto& demand : spec.demands) {
            m_demand_ids.add(demand.id);
        }
        for (const auto& name : metric_names()) {
            m_metric_names.add(name);
        }
        for (const auto& actor : spec.actors) {
            auto& issues = m_positions[actor.id];
            for (const auto& position : actor.positions) {
                issues.insert(position.issue);
            }
        }
    }

    std::vector<std::string> paths;

    std::vector<Diagnostic> run() {
        check_metadata();
        check_issues();
        check_ladder();
        check_actors();
        check_relations();
        check_demands();
        check_events();
        check_model();
        check_output();
        return std::move(m_diagnostics);
    }

  private:
    void error(const std::string& path, const std::string& message) {
        Location where;
        if (m_locator != nullptr) {
            where = m_locator->find(path);
        }
        m_diagnostics.push_back({m_file, where.line, where.column, message});
        paths.push_back(path);
    }

    void number(const std::string& path, double value, const Range& range) {
        if (!in_range(value, range)) {
            error(path, path + ": expected " + describe(range) + ", got " + number_text(value));
        }
    }

    void id(const std::string& path, const std::string& value, const char* what) {
        if (!is_valid_id(value)) {
            error(path, path + ": invalid " + std::string(what) + " id " + in_quotes(value) +
                            "; expected [a-z][a-z0-9_]*, at most 64 characters");
        }
    }

    // A keyed record's id: well formed, and once in its section.
    void unique_id(const std::string& path, const std::string& value, const std::string& section,
                   const char* what, std::set<std::string>& seen) {
        id(path, value, what);
        if (!seen.insert(value).second) {
            error(path, section + ": duplicate " + std::string(what) + " id " + in_quotes(value));
        }
    }

    void at_most(const std::string& path, std::size_t count, std::size_t limit, const char* what) {
        if (count > limit) {
            error(path, path + ": too many " + std::string(what) + " (" + std::to_string(count) +
                            "); at most " + std::to_string(limit));
        }
    }

    // A reference to an actor, issue, rung or demand: must name one that exists.
    void reference(const std::string& path, const std::string& value, const char* what, const Known& known) {
        // With no actors (or issues, rungs) at all, that one error says it: no cascade of undefined names.
        if (known.set.count(value) != 0 || (known.list.empty() && &known != &m_demand_ids)) {
            return;
        }
        std::string message = path + ": undefined " + std::string(what) + " " + in_quotes(value);
        const std::string suggestion = closest_match(value, known.list);
        if (!suggestion.empty()) {
            message += "; did you mean " + in_quotes(suggestion) + "?";
        }
        error(path, message);
    }

    // Fields naming actors, each checked when given (an empty one is reported as missing where required).
    void actors_named(const std::string& path,
                      std::initializer_list<std::pair<const char*, const std::string*>> fields) {
        for (const auto& [key, value] : fields) {
            if (!value->empty()) {
                reference(path + "." + key, *value, "actor", m_actor_ids);
            }
        }
    }

    void required_text(const std::string& path, const std::string& key, const std::string& value) {
        if (value.empty()) {
            error(path + "." + key, path + ": missing required key " + in_quotes(key));
        }
    }

    void cameo(const std::string& path, const std::string& code) {
        if (!is_valid_cameo(code)) {
            error(path,
                  path + ": expected a CAMEO code of 2 to 4 digits (e.g. '154'), got " + in_quotes(code));
        }
    }

    void date(const std::string& path, const std::string& text) {
        if (!date_to_days(text)) {
            error(path, path + ": expected a date YYYY-MM-DD (a day that exists), got " + in_quotes(text));
        }
    }

    // The per-field checks of the schema table, pass by pass so that each record keeps the order of its
    // problems: required text, then ranges (fixed or depending on other fields), then formats. Each pass
    // goes into a nested section (a field of kind Struct, such as model.<group>) after the fields before it.
    void required(const std::string& path, const schema::RecordType& type, const void* record) {
        for (const schema::FieldDef& field : type.fields) {
            if (field.kind == schema::Kind::Struct) {
                required(path + "." + std::string(field.key), *field.record, field.in(record));
            } else if (field.need == schema::Need::NonEmpty) {
                required_text(path, std::string(field.key), schema::value_of<std::string>(field, record));
            }
        }
    }

    void ranges(const std::string& path, const schema::RecordType& type, const void* record) {
        for (const schema::FieldDef& field : type.fields) {
            if (field.kind == schema::Kind::Struct) {
                ranges(path + "." + std::string(field.key), *field.record, field.in(record));
                continue;
            }
            if ((field.kind != schema::Kind::Number && field.kind != schema::Kind::Day) ||
                field.check == schema::Check::Rule || schema::is_unset(field, record)) {
                continue;
            }
            std::optional<Range> range = field.range;
            if (field.bound != nullptr) {
                range = field.bound(m_spec, record);
            }
            if (range) {
                number(path + "." + std::string(field.key), schema::value_of<double>(field, record), *range);
            }
        }
    }

    void formats(const std::string& path, const schema::RecordType& type, const void* record) {
        for (const schema::FieldDef& field : type.fields) {
            if (field.kind == schema::Kind::Struct) {
                formats(path + "." + std::string(field.key), *field.record, field.in(record));
                continue;
            }
            if (field.check == schema::Check::Rule || schema::is_unset(field, record)) {
                continue;
            }
            const std::string field_path = path + "." + std::string(field.key);
            if (field.kind == schema::Kind::Date) {
                date(field_path, schema::value_of<std::string>(field, record));
            } else if (field.kind == schema::Kind::Cameo) {
                cameo(field_path, schema::value_of<std::string>(field, record));
            }
        }
    }

    double horizon() const {
        return in_range(m_spec.metadata.horizon, k_horizon_range) ? m_spec.metadata.horizon : 36500.0;
    }

    void day(const std::string& path, double value) {
        if (!std::isfinite(value)) {
            error(path, path + ": expected a finite day number");
        } else if (value > horizon()) {
            error(path, path + ": day " + number_text(value) + " is after the horizon (" +
                            number_text(horizon()) + " days)");
        } else if (value < k_earliest_day) {
            error(path, path + ": day " + number_text(value) + " is more than ten years before the start (" +
                            number_text(k_earliest_day) + ")");
        }
    }

    void check_metadata() {
        const auto& metadata = m_spec.metadata;
        required("metadata", schema::metadata_type(), &metadata);
        ranges("metadata", schema::metadata_type(), &metadata);
        formats("metadata", schema::metadata_type(), &metadata);
    }

    void check_issues() {
        if (m_spec.issues.empty()) {
            error("issues", "issues: expected at least one issue");
        }
        at_most("issues", m_spec.issues.size(), k_max_issues, "issues");
        std::set<std::string> seen;
        for (const auto& issue : m_spec.issues) {
            const std::string path = "issues." + issue.id;
            unique_id(path, issue.id, "issues", "issue", seen);
            ranges(path, schema::issue_type(), &issue);
            if (!issue.held_by.empty()) {
                reference(path + ".held_by", issue.held_by, "actor", m_actor_ids);
                if (m_actor_ids.set.count(issue.held_by) != 0 && !holds_position(issue.held_by, issue.id)) {
                    error(path + ".held_by",
                          path + ".held_by: " + in_quotes(issue.held_by) + " holds no position on issue " +
                              in_quotes(issue.id) +
                              "; a holder weighs what it holds against its position: add actors." +
                              issue.held_by + ".positions." + issue.id);
                }
            }
        }
    }

    void check_ladder() {
        const auto& rungs = m_spec.ladder.rungs;
        if (rungs.size() < 3) {
            error("ladder.rungs",
                  "ladder.rungs: expected at least 3 rungs, got " + std::to_string(rungs.size()));
        }
        at_most("ladder.rungs", rungs.size(), k_max_rungs, "rungs");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < rungs.size(); ++i) {
            const std::string path = "ladder.rungs[" + std::to_string(i) + "]";
            id(path + ".id", rungs[i].id, "rung");
            if (!seen.insert(rungs[i].id).second) {
                error(path + ".id", path + ".id: duplicate rung id " + in_quotes(rungs[i].id));
            }
            ranges(path, schema::rung_type(), &rungs[i]);
            if (i > 0 && in_range(rungs[i].threshold, k_threshold_range) &&
                !(rungs[i].threshold > rungs[i - 1].threshold)) {
                error(path + ".threshold", path + ".threshold: thresholds must increase along the ladder; " +
                                               number_text(rungs[i].threshold) + " is not above " +
                                               number_text(rungs[i - 1].threshold));
            }
            formats(path, schema::rung_type(), &rungs[i]);
        }
    }

    void check_actors() {
        if (m_spec.actors.size() < 2) {
            error("actors",
                  "actors: expected at least two actors, got " + std::to_string(m_spec.actors.size()));
        }
        at_most("actors", m_spec.actors.size(), k_max_actors, "actors");
        std::set<std::string> seen;
        for (const auto& actor : m_spec.actors) {
            const std::string path = "actors." + actor.id;
            unique_id(path, actor.id, "actors", "actor", seen);
            ranges(path, schema::actor_type(), &actor);
            for (std::size_t r = 0; r < actor.representatives.size(); ++r) {
                const std::string rep = path + ".representatives[" + std::to_string(r) + "]";
                required(rep, schema::person_type(), &actor.representatives[r]);
            }
            std::set<std::string> positions_seen;
            for (const auto& position : actor.positions) {
                const std::string position_path = path + ".positions." + position.issue;
                reference(position_path, position.issue, "issue", m_issue_ids);
                if (!positions_seen.insert(position.issue).second) {
                    error(position_path,
                          position_path + ": duplicate position on issue " + in_quotes(position.issue));
                }
                ranges(position_path, schema::position_type(), &position);
            }
        }
    }

    void check_relations() {
        check_alliances();
        check_affinities();
        check_commitments();
        check_beliefs();
    }

    void check_alliances() {
        const auto& relations = m_spec.relations;
        std::set<std::string> alliance_ids;
        for (const auto& alliance : relations.alliances) {
            const std::string path = "relations.alliances." + alliance.id;
            unique_id(path, alliance.id, "relations.alliances", "alliance", alliance_ids);
            if (alliance.members.size() < 2) {
                error(path + ".members", path + ".members: expected at least two members, got " +
                                             std::to_string(alliance.members.size()));
            }
            std::set<std::string> members;
            for (std::size_t m = 0; m < alliance.members.size(); ++m) {
                const std::string member_path = path + ".members[" + std::to_string(m) + "]";
                reference(member_path, alliance.members[m], "actor", m_actor_ids);
                if (!members.insert(alliance.members[m]).second) {
                    error(member_path,
                          member_path + ": " + in_quotes(alliance.members[m]) + " is listed twice");
                }
            }
            ranges(path, schema::alliance_type(), &alliance);
        }
    }

    void check_affinities() {
        const auto& relations = m_spec.relations;
        std::map<std::pair<std::string, std::string>, std::size_t> pairs;
        for (std::size_t i = 0; i < relations.affinities.size(); ++i) {
            const auto& affinity = relations.affinities[i];
            const std::string path = "relations.affinities[" + std::to_string(i) + "]";
            required(path, schema::affinity_type(), &affinity);
            actors_named(path, {{"a", &affinity.a}, {"b", &affinity.b}});
            if (!affinity.a.empty() && affinity.a == affinity.b) {
                error(path + ".b", path + ": an affinity needs two different actors, got " +
                                       in_quotes(affinity.a) + " twice");
            }
            ranges(path, schema::affinity_type(), &affinity);
            // Undirected pairs are stored in sorted order; a directed pair is its own key (a's view of b).
            auto key = std::make_pair(affinity.a, affinity.b + (affinity.directed ? ">" : ""));
            if (!affinity.directed && key.second < key.first) {
                key = std::make_pair(affinity.b, affinity.a);
            }
            const auto [it, inserted] = pairs.emplace(key, i);
            if (!inserted) {
                error(path, path + ": duplicate affinity between " + in_quotes(affinity.a) + " and " +
                                in_quotes(affinity.b) + " (first in relations.affinities[" +
                                std::to_string(it->second) + "])");
            }
        }
    }

    void check_commitments() {
        const auto& relations = m_spec.relations;
        std::map<std::pair<std::string, std::string>, std::size_t> commitments;
        for (std::size_t i = 0; i < relations.commitments.size(); ++i) {
            const auto& commitment = relations.commitments[i];
            const std::string path = "relations.commitments[" + std::to_string(i) + "]";
            required(path, schema::commitment_type(), &commitment);
            actors_named(path, {{"defender", &commitment.defender}, {"protege", &commitment.protege}});
            if (!commitment.defender.empty() && commitment.defender == commitment.protege) {
                error(path + ".protege", path + ": an actor cannot commit to defend itself");
            }
            ranges(path, schema::commitment_type(), &commitment);
            std::set<std::string> issues;
            for (std::size_t k = 0; k < commitment.issues.size(); ++k) {
                const std::string issue_path = path + ".issues[" + std::to_string(k) + "]";
                reference(issue_path, commitment.issues[k], "issue", m_issue_ids);
                if (!issues.insert(commitment.issues[k]).second) {
                    error(issue_path,
                          issue_path + ": " + in_quotes(commitment.issues[k]) + " is listed twice");
                }
            }
            const auto [it, inserted] =
                commitments.emplace(std::make_pair(commitment.defender, commitment.protege), i);
            if (!inserted) {
                error(path, path + ": duplicate commitment of " + in_quotes(commitment.defender) + " to " +
                                in_quotes(commitment.protege) + " (first in relations.commitments[" +
                                std::to_string(it->second) + "])");
            }
        }
    }

    void check_beliefs() {
        std::map<std::pair<std::string, std::string>, std::size_t> pairs;
        for (std::size_t i = 0; i < m_spec.relations.beliefs.size(); ++i) {
            const auto& belief = m_spec.relations.beliefs[i];
            const std::string path = "relations.beliefs[" + std::to_string(i) + "]";
            required(path, schema::belief_type(), &belief);
            actors_named(path, {{"observer", &belief.observer}, {"about", &belief.about}});
            if (!belief.observer.empty() && belief.observer == belief.about) {
                error(path + ".about", path + ": a belief is about another actor, got " +
                                           in_quotes(belief.observer) + " twice");
            }
            ranges(path, schema::belief_type(), &belief);
            const auto [it, inserted] = pairs.emplace(std::make_pair(belief.observer, belief.about), i);
            if (!inserted) {
                error(path, path + ": duplicate belief of " + in_quotes(belief.observer) + " about " +
                                in_quotes(belief.about) + " (first in relations.beliefs[" +
                                std::to_string(it->second) + "])");
            }
        }
    }

    bool holds_position(const std::string& actor_id, const std::string& issue_id) const {
        const auto it = m_positions.find(actor_id);
        // An undefined actor is reported as such, not as holding no position.
        return it == m_positions.end() || it->second.count(issue_id) != 0;
    }

    void check_demands() {
        std::set<std::string> seen;
        for (const auto& demand : m_spec.demands) {
            const std::string path = "demands." + demand.id;
            unique_id(path, demand.id, "demands", "demand", seen);
            required(path, schema::demand_type(), &demand);
            if (!demand.challenger.empty()) {
                reference(path + ".challenger", demand.challenger, "actor", m_actor_ids);
            }
            const bool issue_known = m_issue_ids.set.count(demand.issue) != 0;
            if (!demand.issue.empty()) {
                reference(path + ".issue", demand.issue, "issue", m_issue_ids);
            }
            if (demand.targets.empty()) {
                error(path + ".targets", path + ": expected at least one target in 'targets'");
            }
            std::set<std::string> targets;
            for (std::size_t t = 0; t < demand.targets.size(); ++t) {
                const std::string target_path = path + ".targets[" + std::to_string(t) + "]";
                const std::string& target = demand.targets[t];
                reference(target_path, target, "actor", m_actor_ids);
                if (target == demand.challenger) {
                    error(target_path, target_path + ": the challenger cannot be its own target");
                }
                if (!targets.insert(target).second) {
                    error(target_path, target_path + ": " + in_quotes(target) + " is listed twice");
                }
                if (issue_known && !holds_position(target, demand.issue)) {
                    error(target_path, target_path + ": target " + in_quotes(target) +
                                           " holds no position on issue " + in_quotes(demand.issue) +
                                           "; add actors." + target + ".positions." + demand.issue);
                }
            }
            ranges(path, schema::demand_type(), &demand);
            day(path + ".made", demand.made);
            if (!std::isnan(demand.deadline)) {
                if (!std::isfinite(demand.deadline) || demand.deadline <= demand.made ||
                    demand.deadline > horizon()) {
                    error(path + ".deadline", path + ".deadline: expected a day in (made, horizon] = (" +
                                                  number_text(demand.made) + ", " + number_text(horizon()) +
                                                  "], got " + number_text(demand.deadline));
                }
            }
            if (!demand.threat.empty()) {
                reference(path + ".threat", demand.threat, "rung", m_rung_ids);
            }
            if (!demand.war_target.empty()) {
                reference(path + ".war_target", demand.war_target, "actor", m_actor_ids);
                if (demand.war_target == demand.challenger) {
                    error(path + ".war_target", path + ".war_target: the challenger cannot fight itself");
                }
            }
        }
    }

    void check_events() {
        at_most("events", m_spec.events.size(), k_max_events, "events");
        const auto start = date_to_days(m_spec.metadata.start_date);
        // A malformed start date is reported once, not again at every dated event.
        const bool start_malformed = !m_spec.metadata.start_date.empty() && !start;
        for (std::size_t i = 0; i < m_spec.events.size(); ++i) {
            const auto& event = m_spec.events[i];
            const std::string path = "events[" + std::to_string(i) + "]";
            day(path + ".day", event.day);
            if (!event.date.empty()) {
                const auto days = date_to_days(event.date);
                if (!days) {
                    date(path + ".date", event.date);
                } else if (!start) {
                    if (!start_malformed) {
                        error(path + ".date", path + ".date: a calendar date needs metadata.start_date");
                    }
                } else if (static_cast<double>(*days - *start) != event.day) {
                    error(path + ".date", path + ": date " + event.date + " is day " +
                                              std::to_string(*days - *start) + ", not day " +
                                              number_text(event.day));
                }
            }
            required(path, schema::event_type(), &event);
            if (!event.source.empty()) {
                reference(path + ".source", event.source, "actor", m_actor_ids);
            }
            for (std::size_t t = 0; t < event.targets.size(); ++t) {
                const std::string target_path = path + ".targets[" + std::to_string(t) + "]";
                reference(target_path, event.targets[t], "actor", m_actor_ids);
                if (event.targets[t] == event.source) {
                    error(target_path, target_path + ": an event's source cannot be its own target");
                }
            }
            const ScriptedEventType type = event.type;
            const bool needs_target =
                type == ScriptedEventType::Meeting || type == ScriptedEventType::Support ||
                type == ScriptedEventType::Threat || type == ScriptedEventType::Sanction;
            if (needs_target && event.targets.empty()) {
                error(path,
                      path + ": a " + std::string(to_string(type)) + " event needs at least one target");
            }
            if (!event.issue.empty()) {
                reference(path + ".issue", event.issue, "issue", m_issue_ids);
            }
            ranges(path, schema::event_type(), &event);
            if (type == ScriptedEventType::Concession && (event.issue.empty() || std::isnan(event.value))) {
                error(path, path + ": a concession event needs 'issue' and 'value'");
            }
            if ((type == ScriptedEventType::Demand || type == ScriptedEventType::Reject) &&
                event.demand.empty()) {
                error(path,
                      path + ": a " + std::string(to_string(type)) + " event needs 'demand' (a demand id)");
            }
            if (!event.demand.empty()) {
                reference(path + ".demand", event.demand, "demand", m_demand_ids);
            }
            formats(path, schema::event_type(), &event);
        }
    }

    void check_model() {
        ranges("model", schema::model_type(), &m_spec.model);
        const BeliefParams& types = m_spec.model.beliefs;
        if (in_range(types.resolute, k_unit_range) && in_range(types.irresolute, k_unit_range) &&
            !(types.resolute > types.irresolute)) {
            error("model.beliefs.resolute",
                  "model.beliefs.resolute: the resolute type's resolve must be above "
                  "the irresolute type's (" +
                      number_text(types.irresolute) + "), got " + number_text(types.resolute));
        }
    }

    void check_output() {
        ranges("output", schema::output_type(), &m_spec.output);
        std::set<std::string> seen;
        for (std::size_t i = 0; i < m_spec.output.metrics.size(); ++i) {
            const std::string path = "output.metrics[" + std::to_string(i) + "]";
            reference(path, m_spec.output.metrics[i], "metric", m_metric_names);
            if (!seen.insert(m_spec.output.metrics[i]).second) {
                error(path, path + ": metric " + in_quotes(m_spec.output.metrics[i]) + " is listed twice");
            }
        }
    }

    const ScenarioSpec& m_spec;
    const std::string& m_file;
    const Locator* m_locator;
    Known m_actor_ids;
    Known m_issue_ids;
    Known m_rung_ids;
    Known m_demand_ids;
    Known m_metric_names;
    std::map<std::string, std::set<std::string>> m_positions;
    std::vector<Diagnostic> m_diagnostics;
};

}  // namespace

std::vector<Diagnostic> validate_spec_at(const ScenarioSpec& spec, const std::string& file_name,
                                         const Locator* locator, std::vector<std::string>* paths) {
    Checker checker(spec, file_name, locator);
    auto diagnostics = checker.run();
    if (paths != nullptr) {
        *paths = std::move(checker.paths);
    }
    return diagnostics;
}

}  // namespace detail

std::vector<Diagnostic> validate_spec(const ScenarioSpec& spec, const std::string& file_name) {
    return detail::validate_spec_at(spec, file_name, nullptr);
}

}  // namespace brink::io
