// `--set path=value`: one scalar of a spec, addressed by a dotted path, set from text with the loader's
// strictness. An override is applied to a copy and kept only if the whole spec still validates, so that an
// accepted override can never leave an invalid spec behind (cross-field rules: deadline after made, ...).
#include "brink/io/scenario_loader.hpp"

#include "spec_rules.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <type_traits>
#include <variant>

namespace brink::io {

namespace {

using detail::Range;

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

std::vector<std::string> split(std::string_view path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = path.find('.', start);
        parts.emplace_back(
            path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) {
            return parts;
        }
        start = dot + 1;
    }
}

// What a path resolves to: a number with its range, a string with an optional check, an unsigned, a bool,
// or an actor kind.
struct NumberField {
    std::vector<double*> targets;  ///< Usually one; a pair's affinity may be stored in two directed entries.
    Range range;
};
struct TextField {
    std::string* target;
    std::function<std::optional<std::string>(const std::string&)> check;  ///< error text, or nullopt
};
struct SeedField {
    std::uint64_t* target;
};
struct BoolField {
    bool* target;
};
struct KindField {
    ActorKind* target;
};
using Field = std::variant<NumberField, TextField, SeedField, BoolField, KindField>;

struct Resolution {
    std::optional<Field> field;
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

Resolution number(double& target, const Range& range) {
    return {Field{NumberField{{&target}, range}}, {}};
}
Resolution text(std::string& target) {
    return {Field{TextField{&target, {}}}, {}};
}

template <typename Item, typename GetId>
Item* find_by_id(std::vector<Item>& items, const std::string& id, GetId get_id) {
    for (auto& item : items) {
        if (get_id(item) == id) {
            return &item;
        }
    }
    return nullptr;
}

template <typename Item, typename GetId>
std::vector<std::string> ids_of(const std::vector<Item>& items, GetId get_id) {
    std::vector<std::string> ids;
    for (const auto& item : items) {
        ids.push_back(get_id(item));
    }
    return ids;
}

bool actor_exists(const ScenarioSpec& spec, const std::string& id) {
    for (const auto& actor : spec.actors) {
        if (actor.id == id) {
            return true;
        }
    }
    return false;
}

Resolution resolve(ScenarioSpec& spec, std::string_view path) {
    const std::vector<std::string> parts = split(path);
    const std::string& section = parts[0];
    const std::size_t depth = parts.size();
    static const std::vector<std::string> k_sections{"metadata", "actors", "issues", "relations",
                                                     "demands",  "ladder", "model",  "output"};
    const auto actor_id = [](const ActorSpec& a) -> const std::string& { return a.id; };
    const auto issue_id = [](const IssueSpec& i) -> const std::string& { return i.id; };

    if (section == "metadata") {
        static const std::vector<std::string> keys{"name", "description", "start_date", "horizon", "seed"};
        if (depth != 2) {
            return depth < 2 ? not_scalar(path, "<field>") : unknown(parts[2], path, {});
        }
        auto& metadata = spec.metadata;
        const std::string& key = parts[1];
        if (key == "name")
            return text(metadata.name);
        if (key == "description")
            return text(metadata.description);
        if (key == "horizon")
            return number(metadata.horizon, detail::k_horizon_range);
        if (key == "seed")
            return {Field{SeedField{&metadata.seed}}, {}};
        if (key == "start_date") {
            return {Field{TextField{&metadata.start_date,
                                    [](const std::string& value) -> std::optional<std::string> {
                                        if (value.empty() || date_to_days(value)) {
                                            return std::nullopt;
                                        }
                                        return std::string("a date YYYY-MM-DD (a day that exists)");
                                    }}},
                    {}};
        }
        return unknown(key, path, keys);
    }
    if (section == "actors") {
        static const std::vector<std::string> keys{
            "name",     "kind",          "capability",  "capability_unit", "capability_source",
            "resolve",  "risk_attitude", "cost_of_war", "decision_rate",   "initial_rung",
            "positions"};
        if (depth < 3) {
            return not_scalar(path, depth < 2 ? "<actor>.<field>" : "<field>");
        }
        ActorSpec* actor = find_by_id(spec.actors, parts[1], actor_id);
        if (actor == nullptr) {
            return unknown(parts[1], path, ids_of(spec.actors, actor_id), "actor");
        }
        const std::string& key = parts[2];
        if (key == "positions") {
            static const std::vector<std::string> position_keys{"position", "salience"};
            if (depth != 5) {
                return depth < 5 ? not_scalar(path, depth == 3 ? "<issue>.position" : "position")
                                 : unknown(parts[5], path, {});
            }
            if (find_by_id(spec.issues, parts[3], issue_id) == nullptr) {
                return unknown(parts[3], path, ids_of(spec.issues, issue_id), "issue");
            }
            if (parts[4] != "position" && parts[4] != "salience") {
                return unknown(parts[4], path, position_keys);
            }
            auto position = std::find_if(actor->positions.begin(), actor->positions.end(),
                                         [&](const PositionSpec& p) { return p.issue == parts[3]; });
            if (position == actor->positions.end()) {
                // Setting a stance the actor did not have gives it one (the other number at its default).
                actor->positions.push_back(PositionSpec{parts[3], 0.5, 0.5});
                position = actor->positions.end() - 1;
            }
            return number(parts[4] == "position" ? position->position : position->salience,
                          detail::k_unit_range);
        }
        if (depth != 3) {
            return unknown(parts[3], path, {});
        }
        if (key == "name")
            return text(actor->name);
        if (key == "kind")
            return {Field{KindField{&actor->kind}}, {}};
        if (key == "capability")
            return number(actor->capability, detail::k_capability_range);
        if (key == "capability_unit")
            return text(actor->capability_unit);
        if (key == "capability_source")
            return text(actor->capability_source);
        if (key == "resolve")
            return number(actor->resolve, detail::k_unit_range);
        if (key == "risk_attitude")
            return number(actor->risk_attitude, detail::k_signed_unit_range);
        if (key == "cost_of_war")
            return number(actor->cost_of_war, detail::k_cost_of_war_range);
        if (key == "decision_rate")
            return number(actor->decision_rate, detail::k_decision_rate_range);
        if (key == "initial_rung") {
            const double top =
                spec.ladder.rungs.empty() ? 0.0 : static_cast<double>(spec.ladder.rungs.size() - 1);
            return number(actor->initial_rung, Range{0.0, top});
        }
        return unknown(key, path, keys);
    }
    if (section == "issues") {
        static const std::vector<std::string> keys{"name", "description", "low", "high", "status_quo"};
        if (depth != 3) {
            return depth < 3 ? not_scalar(path, depth < 2 ? "<issue>.status_quo" : "status_quo")
                             : unknown(parts[3], path, {});
        }
        IssueSpec* issue = find_by_id(spec.issues, parts[1], issue_id);
        if (issue == nullptr) {
            return unknown(parts[1], path, ids_of(spec.issues, issue_id), "issue");
        }
        const std::string& key = parts[2];
        if (key == "name")
            return text(issue->name);
        if (key == "description")
            return text(issue->description);
        if (key == "low")
            return text(issue->low);
        if (key == "high")
            return text(issue->high);
        if (key == "status_quo")
            return number(issue->status_quo, detail::k_unit_range);
        return unknown(key, path, keys);
    }
    if (section == "relations") {
        if (depth >= 2 && parts[1] == "commitments") {
            if (depth != 4) {
                return depth < 4 ? not_scalar(path, "<defender>.<protege>") : unknown(parts[4], path, {});
            }
            for (std::size_t k = 2; k < 4; ++k) {
                if (!actor_exists(spec, parts[k])) {
                    return unknown(parts[k], path, ids_of(spec.actors, actor_id), "actor");
                }
            }
            auto& commitments = spec.relations.commitments;
            auto it = std::find_if(commitments.begin(), commitments.end(), [&](const CommitmentSpec& c) {
                return c.defender == parts[2] && c.protege == parts[3];
            });
            if (it == commitments.end()) {
                commitments.push_back(CommitmentSpec{parts[2], parts[3], 0.5});
                it = commitments.end() - 1;
            }
            return number(it->firmness, detail::k_unit_range);
        }
        if (depth >= 2 && parts[1] == "alliances") {
            static const std::vector<std::string> keys{"affinity", "commitment"};
            if (depth != 4) {
                return depth < 4 ? not_scalar(path, "<alliance>.affinity") : unknown(parts[4], path, {});
            }
            const auto alliance_id = [](const AllianceSpec& a) -> const std::string& { return a.id; };
            AllianceSpec* alliance = find_by_id(spec.relations.alliances, parts[2], alliance_id);
            if (alliance == nullptr) {
                return unknown(parts[2], path, ids_of(spec.relations.alliances, alliance_id), "alliance");
            }
            if (parts[3] == "affinity")
                return number(alliance->affinity, detail::k_signed_unit_range);
            if (parts[3] == "commitment")
                return number(alliance->commitment, detail::k_unit_range);
            return unknown(parts[3], path, keys);
        }
        if (depth != 3) {
            return depth < 3 ? not_scalar(path, depth < 2 ? "<actor>.<actor>" : "<actor>")
                             : unknown(parts[3], path, {});
        }
        for (std::size_t k = 1; k < 3; ++k) {
            if (!actor_exists(spec, parts[k])) {
                std::vector<std::string> candidates = ids_of(spec.actors, actor_id);
                if (k == 1) {
                    candidates.insert(candidates.end(), {"alliances", "commitments"});
                }
                return unknown(parts[k], path, candidates, "actor");
            }
        }
        if (parts[1] == parts[2]) {
            return fail(in_quotes(path) + ": an affinity needs two different actors");
        }
        // The pair's affinity, both ways: every entry joining the two actors is set.
        std::vector<double*> all;
        for (auto& affinity : spec.relations.affinities) {
            if ((affinity.a == parts[1] && affinity.b == parts[2]) ||
                (affinity.a == parts[2] && affinity.b == parts[1])) {
                all.push_back(&affinity.value);
            }
        }
        if (all.empty()) {
            spec.relations.affinities.push_back(AffinitySpec{parts[1], parts[2], 0.0, false});
            all.push_back(&spec.relations.affinities.back().value);
        }
        return {Field{NumberField{all, detail::k_signed_unit_range}}, {}};
    }
    if (section == "demands") {
        static const std::vector<std::string> keys{"value", "deadline", "made"};
        if (depth != 3) {
            return depth < 3 ? not_scalar(path, depth < 2 ? "<demand>.value" : "value")
                             : unknown(parts[3], path, {});
        }
        const auto demand_id = [](const DemandSpec& d) -> const std::string& { return d.id; };
        DemandSpec* demand = find_by_id(spec.demands, parts[1], demand_id);
        if (demand == nullptr) {
            return unknown(parts[1], path, ids_of(spec.demands, demand_id), "demand");
        }
        const Range days{detail::k_earliest_day, spec.metadata.horizon};
        if (parts[2] == "value")
            return number(demand->value, detail::k_unit_range);
        if (parts[2] == "deadline")
            return number(demand->deadline, Range{demand->made, spec.metadata.horizon, true, false});
        if (parts[2] == "made")
            return number(demand->made, days);
        return unknown(parts[2], path, keys);
    }
    if (section == "ladder") {
        static const std::vector<std::string> keys{"threshold"};
        if (depth != 3) {
            return depth < 3 ? not_scalar(path, depth < 2 ? "<rung>.threshold" : "threshold")
                             : unknown(parts[3], path, {});
        }
        const auto rung_id = [](const RungSpec& r) -> const std::string& { return r.id; };
        RungSpec* rung = find_by_id(spec.ladder.rungs, parts[1], rung_id);
        if (rung == nullptr) {
            return unknown(parts[1], path, ids_of(spec.ladder.rungs, rung_id), "rung");
        }
        if (parts[2] == "threshold")
            return number(rung->threshold, detail::k_threshold_range);
        return unknown(parts[2], path, keys);
    }
    if (section == "model") {
        static const std::vector<std::string> keys{
            "rationality",      "reaction",     "restraint",      "grievance",      "affinity_step",
            "discount_per_day", "bdm_interval", "talks_duration", "war_rung_index", "decisions_enabled"};
        if (depth != 2) {
            return depth < 2 ? not_scalar(path, "<parameter>") : unknown(parts[2], path, {});
        }
        auto& model = spec.model;
        const std::string& key = parts[1];
        if (key == "rationality")
            return number(model.rationality, detail::k_rationality_range);
        if (key == "reaction")
            return number(model.reaction, detail::k_rate_range);
        if (key == "restraint")
            return number(model.restraint, detail::k_rate_range);
        if (key == "grievance")
            return number(model.grievance, detail::k_rate_range);
        if (key == "affinity_step")
            return number(model.affinity_step, detail::k_unit_range);
        if (key == "discount_per_day")
            return number(model.discount_per_day, detail::k_discount_range);
        if (key == "bdm_interval")
            return number(model.bdm_interval, detail::k_bdm_interval_range);
        if (key == "talks_duration")
            return number(model.talks_duration, detail::k_talks_duration_range);
        if (key == "war_rung_index") {
            const double top =
                spec.ladder.rungs.empty() ? 1.0 : static_cast<double>(spec.ladder.rungs.size() - 1);
            return number(model.war_rung_index, Range{1.0, top, false, false, true});
        }
        if (key == "decisions_enabled")
            return {Field{BoolField{&model.decisions_enabled}}, {}};
        return unknown(key, path, keys);
    }
    if (section == "output") {
        static const std::vector<std::string> keys{"sample_interval", "event_samples"};
        if (depth != 2) {
            return depth < 2 ? not_scalar(path, "sample_interval") : unknown(parts[2], path, {});
        }
        if (parts[1] == "sample_interval")
            return number(spec.output.sample_interval, detail::k_sample_interval_range);
        if (parts[1] == "event_samples")
            return {Field{BoolField{&spec.output.event_samples}}, {}};
        return unknown(parts[1], path, keys);
    }
    return unknown(section, path, k_sections);
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
    if (!resolution.field) {
        return problem(resolution.error);
    }
    const std::string text(value);
    const std::string name = in_quotes(path);
    std::string error;
    std::visit(
        [&](const auto& field) {
            using T = std::decay_t<decltype(field)>;
            if constexpr (std::is_same_v<T, NumberField>) {
                const auto number = detail::parse_scenario_number(text);
                if (!number || !detail::in_range(*number, field.range)) {
                    error = name + " expects " + detail::describe(field.range) + "; got " + in_quotes(text);
                    return;
                }
                for (double* target : field.targets) {
                    *target = *number;
                }
            } else if constexpr (std::is_same_v<T, TextField>) {
                if (field.check) {
                    if (const auto expected = field.check(text)) {
                        error = name + " expects " + *expected + "; got " + in_quotes(text);
                        return;
                    }
                }
                *field.target = text;
            } else if constexpr (std::is_same_v<T, SeedField>) {
                const auto seed = parse_unsigned(text);
                if (!seed) {
                    error = name + " expects a whole number in [0, 2^64-1]; got " + in_quotes(text);
                    return;
                }
                *field.target = *seed;
            } else if constexpr (std::is_same_v<T, BoolField>) {
                const auto flag = detail::parse_bool(text);
                if (!flag) {
                    error = name + " expects true or false; got " + in_quotes(text);
                    return;
                }
                *field.target = *flag;
            } else if constexpr (std::is_same_v<T, KindField>) {
                const auto kind = actor_kind_from_string(text);
                if (!kind) {
                    error = name + " expects state, alliance or organisation; got " + in_quotes(text);
                    return;
                }
                *field.target = *kind;
            }
        },
        *resolution.field);
    if (!error.empty()) {
        return problem(error);
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
