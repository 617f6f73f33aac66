// `--set path=value`: one value of a spec, addressed by a dotted path, set from text with the loader's
// strictness. The path grammar (which part names a section, a record's id, a pair of actors) is written here;
// the keys a record offers, their types and ranges come from the schema table (schema.hpp). An override is
// applied to a copy and kept only if the whole spec still validates, so that an accepted override can never
// leave an invalid spec behind (cross-field rules: deadline after made, ...).
#include "brink/io/overrides.hpp"

#include "brink/io/calendar.hpp"
#include "brink/io/numbers.hpp"
#include "brink/io/validation.hpp"

#include "schema.hpp"

#include <algorithm>

namespace brink::io {

namespace {

using detail::Range;
using schema::FieldDef;
using schema::Kind;
using schema::RecordType;

std::string in_quotes(std::string_view text) {
    return "'" + std::string(text) + "'";
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) {
        out += (out.empty() ? "" : ", ") + word;
    }
    return out;
}

std::vector<std::string> split_on(std::string_view path, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find(separator, start);
        parts.emplace_back(
            path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) {
            return parts;
        }
        start = dot + 1;
    }
}

// What a path resolves to: a field of a record and every member it sets (a pair's affinity may be stored
// in two directed entries), with the range a number must be in.
struct Target {
    const FieldDef* field = nullptr;
    std::vector<void*> members;
    Range range;
};

struct Resolution {
    std::optional<Target> target;
    std::string error;
};

Resolution fail(std::string message) {
    return {std::nullopt, std::move(message)};
}

Resolution unknown(const std::string& word, std::string_view path, const std::vector<std::string>& candidates,
                   const char* what = "key") {
    std::string message = "unknown " + std::string(what) + " " + in_quotes(word) + " in " + in_quotes(path);
    const std::string suggestion = closest_match(word, candidates);
    if (!suggestion.empty()) {
        message += "; did you mean " + in_quotes(suggestion) + "?";
    } else if (!candidates.empty() && candidates.size() <= 20) {
        message += "; expected one of: " + join(candidates);
    }
    return fail(message);
}

Resolution not_scalar(std::string_view path, const std::string& next) {
    return fail(in_quotes(path) + " is not a scalar; expected " + in_quotes(std::string(path) + "." + next));
}

// A field of a record that --set may name.
Resolution field_of(const ScenarioSpec& spec, const RecordType& type, void* record, const std::string& key,
                    std::string_view path) {
    const std::vector<std::string> keys = schema::settable_keys(type);
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        return unknown(key, path, keys);
    }
    const FieldDef* field = type.find(key);
    Target target{field, {field->in(record)}, field->range};
    if (field->bound != nullptr) {
        target.range = field->bound(spec, record).value_or(field->range);
    }
    return {target, {}};
}

// The rest of a path inside a record with fixed keys (a section such as model; nested sections too).
Resolution in_struct(const ScenarioSpec& spec, const RecordType& type, void* record,
                     const std::vector<std::string>& parts, std::size_t index, std::string_view path,
                     const std::string& hint) {
    if (index >= parts.size()) {
        return not_scalar(path, hint);
    }
    const FieldDef* field = type.find(parts[index]);
    if (field != nullptr && field->kind == Kind::Struct) {
        return in_struct(spec, *field->record, field->in(record), parts, index + 1, path, "<field>");
    }
    if (index + 1 != parts.size()) {
        return unknown(parts[index + 1], path, {});
    }
    return field_of(spec, type, record, parts[index], path);
}

template <typename Item>
Item* find_by_id(std::vector<Item>& items, const std::string& id) {
    const auto found =
        std::find_if(items.begin(), items.end(), [&](const Item& item) { return item.id == id; });
    return found == items.end() ? nullptr : &*found;
}

template <typename Item>
std::vector<std::string> ids_of(const std::vector<Item>& items) {
    std::vector<std::string> ids;
    for (const auto& item : items) {
        ids.push_back(item.id);
    }
    return ids;
}

// actors.<id>.<key> and actors.<id>.positions.<issue>.<key>
Resolution actor_path(ScenarioSpec& spec, const std::vector<std::string>& parts, std::string_view path) {
    const std::size_t depth = parts.size();
    if (depth < 3) {
        return not_scalar(path, depth < 2 ? "<actor>.<field>" : "<field>");
    }
    ActorSpec* actor = find_by_id(spec.actors, parts[1]);
    if (actor == nullptr) {
        return unknown(parts[1], path, ids_of(spec.actors), "actor");
    }
    if (parts[2] != "positions") {
        return depth != 3 ? unknown(parts[3], path, {})
                          : field_of(spec, schema::actor_type(), actor, parts[2], path);
    }
    if (depth != 5) {
        return depth < 5 ? not_scalar(path, depth == 3 ? "<issue>.position" : "position")
                         : unknown(parts[5], path, {});
    }
    if (find_by_id(spec.issues, parts[3]) == nullptr) {
        return unknown(parts[3], path, ids_of(spec.issues), "issue");
    }
    auto position = std::find_if(actor->positions.begin(), actor->positions.end(),
                                 [&](const PositionSpec& p) { return p.issue == parts[3]; });
    if (position == actor->positions.end()) {
        // Setting a stance the actor did not have gives it one (the other number at its default).
        PositionSpec created;
        created.issue = parts[3];
        actor->positions.push_back(created);
        position = actor->positions.end() - 1;
    }
    return field_of(spec, schema::position_type(), &*position, parts[4], path);
}

// A record of a vector addressed by its id: <section>.<id>.<key> (issues, demands, ladder rungs); `key_hint`
// is the key a path that stops short is told about.
template <typename Item>
Resolution by_id(ScenarioSpec& spec, std::vector<Item>& items, const RecordType& type,
                 const std::vector<std::string>& parts, std::string_view path, const char* what,
                 const std::string& key_hint) {
    const std::size_t depth = parts.size();
    if (depth != 3) {
        return depth < 3 ? not_scalar(path, depth < 2 ? "<" + std::string(what) + ">." + key_hint : key_hint)
                         : unknown(parts[3], path, {});
    }
    Item* item = find_by_id(items, parts[1]);
    if (item == nullptr) {
        return unknown(parts[1], path, ids_of(items), what);
    }
    return field_of(spec, type, item, parts[2], path);
}

// relations.commitments.<defender>.<protege>: the firmness (created if absent).
Resolution commitment_path(ScenarioSpec& spec, const std::vector<std::string>& parts, std::string_view path) {
    const std::size_t depth = parts.size();
    if (depth != 4) {
        return depth < 4 ? not_scalar(path, "<defender>.<protege>") : unknown(parts[4], path, {});
    }
    for (std::size_t k = 2; k < 4; ++k) {
        if (find_by_id(spec.actors, parts[k]) == nullptr) {
            return unknown(parts[k], path, ids_of(spec.actors), "actor");
        }
    }
    auto& commitments = spec.relations.commitments;
    auto it = std::find_if(commitments.begin(), commitments.end(), [&](const CommitmentSpec& c) {
        return c.defender == parts[2] && c.protege == parts[3];
    });
    if (it == commitments.end()) {
        CommitmentSpec created;
        created.defender = parts[2];
        created.protege = parts[3];
        commitments.push_back(created);
        it = commitments.end() - 1;
    }
    return field_of(spec, schema::commitment_type(), &*it, "firmness", path);
}

// relations.<a>.<b>: the pair's affinity, both ways: every entry joining the two actors is set (one is
// created if there is none).
Resolution pair_path(ScenarioSpec& spec, const std::vector<std::string>& parts, std::string_view path) {
    const std::size_t depth = parts.size();
    if (depth != 3) {
        return depth < 3 ? not_scalar(path, depth < 2 ? "<actor>.<actor>" : "<actor>")
                         : unknown(parts[3], path, {});
    }
    for (std::size_t k = 1; k < 3; ++k) {
        if (find_by_id(spec.actors, parts[k]) == nullptr) {
            std::vector<std::string> candidates = ids_of(spec.actors);
            if (k == 1) {
                candidates.insert(candidates.end(), {"alliances", "commitments"});
            }
            return unknown(parts[k], path, candidates, "actor");
        }
    }
    if (parts[1] == parts[2]) {
        return fail(in_quotes(path) + ": an affinity needs two different actors");
    }
    auto& affinities = spec.relations.affinities;
    if (std::none_of(affinities.begin(), affinities.end(), [&](const AffinitySpec& affinity) {
            return (affinity.a == parts[1] && affinity.b == parts[2]) ||
                   (affinity.a == parts[2] && affinity.b == parts[1]);
        })) {
        AffinitySpec created;
        created.a = parts[1];
        created.b = parts[2];
        affinities.push_back(created);
    }
    Resolution resolution = field_of(spec, schema::affinity_type(), &affinities.front(), "value", path);
    resolution.target->members.clear();
    for (auto& affinity : affinities) {
        if ((affinity.a == parts[1] && affinity.b == parts[2]) ||
            (affinity.a == parts[2] && affinity.b == parts[1])) {
            resolution.target->members.push_back(resolution.target->field->in(&affinity));
        }
    }
    return resolution;
}

Resolution relations_path(ScenarioSpec& spec, const std::vector<std::string>& parts, std::string_view path) {
    const std::size_t depth = parts.size();
    if (depth >= 2 && parts[1] == "commitments") {
        return commitment_path(spec, parts, path);
    }
    if (depth >= 2 && parts[1] == "alliances") {
        if (depth != 4) {
            return depth < 4 ? not_scalar(path, "<alliance>.affinity") : unknown(parts[4], path, {});
        }
        AllianceSpec* alliance = find_by_id(spec.relations.alliances, parts[2]);
        if (alliance == nullptr) {
            return unknown(parts[2], path, ids_of(spec.relations.alliances), "alliance");
        }
        return field_of(spec, schema::alliance_type(), alliance, parts[3], path);
    }
    return pair_path(spec, parts, path);
}

// events.<index>.<key>: a scripted event by its place in the list (events have no ids).
Resolution event_path(ScenarioSpec& spec, const std::vector<std::string>& parts, std::string_view path) {
    const std::size_t depth = parts.size();
    if (depth != 3) {
        return depth < 3 ? not_scalar(path, depth < 2 ? "<index>.day" : "day") : unknown(parts[3], path, {});
    }
    const std::optional<std::uint64_t> index = parse_unsigned(parts[1]);
    if (!index || *index >= spec.events.size()) {
        return fail("no event " + in_quotes(parts[1]) + " in " + in_quotes(path) + "; the scenario has " +
                    std::to_string(spec.events.size()) + " events" +
                    (spec.events.empty() ? "" : ", indexed 0 to " + std::to_string(spec.events.size() - 1)));
    }
    return field_of(spec, schema::event_type(), &spec.events[*index], parts[2], path);
}

Resolution resolve(ScenarioSpec& spec, std::string_view path) {
    const std::vector<std::string> parts = split_on(path, '.');
    const std::string& section = parts[0];
    if (section == "metadata") {
        return in_struct(spec, schema::metadata_type(), &spec.metadata, parts, 1, path, "<field>");
    }
    if (section == "actors") {
        return actor_path(spec, parts, path);
    }
    if (section == "issues") {
        return by_id(spec, spec.issues, schema::issue_type(), parts, path, "issue", "status_quo");
    }
    if (section == "relations") {
        return relations_path(spec, parts, path);
    }
    if (section == "demands") {
        return by_id(spec, spec.demands, schema::demand_type(), parts, path, "demand", "value");
    }
    if (section == "ladder") {
        return by_id(spec, spec.ladder.rungs, schema::rung_type(), parts, path, "rung", "threshold");
    }
    if (section == "events") {
        return event_path(spec, parts, path);
    }
    if (section == "model") {
        return in_struct(spec, schema::model_type(), &spec.model, parts, 1, path, "<parameter>");
    }
    if (section == "output") {
        return in_struct(spec, schema::output_type(), &spec.output, parts, 1, path, "sample_interval");
    }
    static const std::vector<std::string> k_sections{"metadata", "actors", "issues", "relations", "demands",
                                                     "ladder",   "events", "model",  "output"};
    return unknown(section, path, k_sections);
}

// The items of a list written "a,b" or "[a, b]" (spaces around items ignored; "" and "[]": none).
std::vector<std::string> list_items(std::string_view text) {
    const auto trim = [](std::string_view item) {
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        while (!item.empty() && item.back() == ' ') {
            item.remove_suffix(1);
        }
        return item;
    };
    text = trim(text);
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
        text = trim(text.substr(1, text.size() - 2));
    }
    std::vector<std::string> items;
    if (text.empty()) {
        return items;
    }
    for (const std::string& item : split_on(text, ',')) {
        items.emplace_back(trim(item));
    }
    return items;
}

// Sets the target from text, with the loader's strictness; the error, or empty.
std::string set_from_text(const Target& target, const std::string& text, const std::string& name) {
    const FieldDef& field = *target.field;
    const auto expects = [&](const std::string& what) {
        return name + " expects " + what + "; got " + in_quotes(text);
    };
    switch (field.kind) {
        case Kind::Number:
        case Kind::Day: {
            const auto number = detail::parse_scenario_number(text);
            if (!number || !detail::in_range(*number, target.range)) {
                return expects(detail::describe(target.range));
            }
            for (void* member : target.members) {
                *static_cast<double*>(member) = *number;
            }
            return {};
        }
        case Kind::Seed: {
            const auto seed = parse_unsigned(text);
            if (!seed) {
                return expects("a whole number in [0, 2^64-1]");
            }
            *static_cast<std::uint64_t*>(target.members.front()) = *seed;
            return {};
        }
        case Kind::Flag: {
            const auto flag = detail::parse_bool(text);
            if (!flag) {
                return expects("true or false");
            }
            *static_cast<bool*>(target.members.front()) = *flag;
            return {};
        }
        case Kind::Choice:
            for (int index = 0; index < field.choice->count; ++index) {
                if (text == field.choice->name(index)) {
                    field.choice->set(target.members.front(), index);
                    return {};
                }
            }
            return expects(std::string(field.choice->expected));
        case Kind::TextList:
        case Kind::RefList: {
            // Each id is checked by the rules (validate_spec) after the override, as in a file.
            std::vector<std::string> items = list_items(text);
            if (std::any_of(items.begin(), items.end(),
                            [](const std::string& item) { return item.empty(); })) {
                return expects("a list of ids 'a,b' or '[a, b]'");
            }
            *static_cast<std::vector<std::string>*>(target.members.front()) = std::move(items);
            return {};
        }
        case Kind::Date:
            if (!text.empty() && !date_to_days(text)) {
                return expects("a date YYYY-MM-DD (a day that exists)");
            }
            [[fallthrough]];
        default:
            *static_cast<std::string*>(target.members.front()) = text;
            return {};
    }
}

}  // namespace

std::vector<Diagnostic> apply_override(ScenarioSpec& spec, std::string_view path, std::string_view value) {
    const auto problem = [](std::string message) {
        return std::vector<Diagnostic>{Diagnostic{"--set", 0, 0, std::move(message)}};
    };
    if (path.empty()) {
        return problem("empty path; expected a path such as 'actors.russia.resolve'");
    }
    if (path.size() > 1024 || value.size() > 65536) {
        return problem("the override is too long");
    }
    ScenarioSpec trial = spec;
    const Resolution resolution = resolve(trial, path);
    if (!resolution.target) {
        return problem(resolution.error);
    }
    const std::string text(value);
    const std::string error = set_from_text(*resolution.target, text, in_quotes(path));
    if (!error.empty()) {
        return problem(error);
    }
    const std::vector<std::string> parts = split_on(path, '.');
    if (parts.size() == 3 && parts[0] == "events") {
        // Moving an event: a new day drops the date (which named the old day); a new date moves the day.
        ScriptedEventSpec& event = trial.events[*parse_unsigned(parts[1])];
        const auto start = date_to_days(trial.metadata.start_date);
        if (parts[2] == "day") {
            event.date.clear();
        } else if (parts[2] == "date" && !event.date.empty()) {
            if (!start) {
                return problem(in_quotes(path) + ": a date needs metadata.start_date");
            }
            event.day = static_cast<double>(*date_to_days(event.date) - *start);
        }
    }
    if (path == "metadata.start_date") {
        // Dated events keep their calendar dates: their day numbers move with the start.
        if (const auto start = date_to_days(trial.metadata.start_date)) {
            for (auto& event : trial.events) {
                if (const auto days = date_to_days(event.date)) {
                    event.day = static_cast<double>(*days - *start);
                }
            }
        }
    }
    std::vector<Diagnostic> problems = validate_spec(trial, "--set");
    if (!problems.empty()) {
        for (auto& diagnostic : problems) {
            diagnostic.message = "after " + std::string(path) + "=" + text + ": " + diagnostic.message;
        }
        return problems;
    }
    spec = std::move(trial);
    return {};
}

std::vector<Diagnostic> apply_override_assignment(ScenarioSpec& spec, std::string_view assignment) {
    const std::size_t equals = assignment.find('=');
    if (equals == std::string_view::npos) {
        std::string shown(assignment.substr(0, 200));
        return {Diagnostic{"--set", 0, 0,
                           "expected path=value (e.g. actors.russia.resolve=0.8), got " + in_quotes(shown)}};
    }
    return apply_override(spec, assignment.substr(0, equals), assignment.substr(equals + 1));
}

}  // namespace brink::io
