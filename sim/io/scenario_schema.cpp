// The schema table (sim/io/schema.hpp): every key of a scenario file, declared once. Defaults come from the
// spec structs' initialisers (include/brink/scenario.hpp); units and ranges are stated here and generated
// into scenarios/schema.json and docs/scenario-format.md.
#include "schema.hpp"

#include "brink/io/calendar.hpp"

#include <algorithm>
#include <cmath>

namespace brink::io::schema {
namespace {

using namespace detail;

// ---- Type-erased access to members, checked at compile time ----

template <typename T>
struct MemberOf;
template <typename C, typename M>
struct MemberOf<M C::*> {
    using Record = C;
    using Value = M;
};

template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};

template <typename V>
constexpr ValueType value_type() {
    if constexpr (std::is_same_v<V, double>) {
        return ValueType::Double;
    } else if constexpr (std::is_same_v<V, std::string>) {
        return ValueType::String;
    } else if constexpr (std::is_same_v<V, bool>) {
        return ValueType::Bool;
    } else if constexpr (std::is_same_v<V, std::uint64_t>) {
        return ValueType::Unsigned;
    } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
        return ValueType::Strings;
    } else if constexpr (std::is_same_v<V, ActorKind>) {
        return ValueType::Kind;
    } else if constexpr (std::is_same_v<V, ScriptedEventType>) {
        return ValueType::EventType;
    } else if constexpr (IsVector<V>::value) {
        return ValueType::Vector;
    } else {
        return ValueType::Struct;
    }
}

template <auto Member>
void* address_of(void* record) {
    using Traits = MemberOf<decltype(Member)>;
    return &(static_cast<typename Traits::Record*>(record)->*Member);
}

template <auto Member>
constexpr Access member() {
    return {&address_of<Member>, value_type<typename MemberOf<decltype(Member)>::Value>()};
}

template <typename Item>
constexpr Items items() {
    return {[](const void* vector) { return static_cast<const std::vector<Item>*>(vector)->size(); },
            [](void* vector, std::size_t index) -> void* {
                return &(*static_cast<std::vector<Item>*>(vector))[index];
            },
            [](void* vector) -> void* { return &static_cast<std::vector<Item>*>(vector)->emplace_back(); }};
}

template <typename Record>
const void* defaults_of() {
    static const Record record{};
    return &record;
}

template <auto Member>
std::string* id_of(void* record) {
    return static_cast<std::string*>(address_of<Member>(record));
}

template <typename Enum>
constexpr ChoiceDef choice_of(int count, const char* (*name)(int), std::string_view expected,
                              std::string_view noun) {
    return {count,
            name,
            [](const void* member) { return static_cast<int>(*static_cast<const Enum*>(member)); },
            [](void* member, int value) { *static_cast<Enum*>(member) = static_cast<Enum>(value); },
            expected,
            noun};
}

// The member's C++ type fits its kind (a table mistake is a compile error, not a cast gone wrong).
constexpr bool fits(const FieldDef& field) {
    switch (field.kind) {
        case Kind::Number:
        case Kind::Day:
            return field.access.type == ValueType::Double;
        case Kind::Seed:
            return field.access.type == ValueType::Unsigned;
        case Kind::Flag:
            return field.access.type == ValueType::Bool;
        case Kind::Text:
        case Kind::Date:
        case Kind::Cameo:
        case Kind::Id:
        case Kind::Ref:
            return field.access.type == ValueType::String &&
                   (field.kind != Kind::Ref || field.target != Target::None);
        case Kind::TextList:
        case Kind::RefList:
            return field.access.type == ValueType::Strings &&
                   (field.kind != Kind::RefList || field.target != Target::None);
        case Kind::Choice:
            return (field.access.type == ValueType::Kind || field.access.type == ValueType::EventType) &&
                   field.choice != nullptr;
        case Kind::Struct:
            return field.access.type == ValueType::Struct && field.record != nullptr;
        case Kind::Map:
        case Kind::List:
            return field.access.type == ValueType::Vector && field.record != nullptr &&
                   field.items.append != nullptr;
    }
    return false;
}

template <std::size_t N>
constexpr bool all_fit(const FieldDef (&fields)[N]) {
    return std::all_of(std::begin(fields), std::end(fields),
                       [](const FieldDef& field) { return fits(field); });
}

// ---- Choices ----

constexpr ChoiceDef k_actor_kinds = choice_of<ActorKind>(
    3, [](int value) { return to_string(static_cast<ActorKind>(value)); }, "state, alliance or organisation",
    "");
constexpr ChoiceDef k_event_types = choice_of<ScriptedEventType>(
    static_cast<int>(ScriptedEventType::Concession) + 1,
    [](int value) { return to_string(static_cast<ScriptedEventType>(value)); }, "an event type",
    "event type");

// ---- Ranges that depend on other fields (the rules check them against the spec; --set uses them) ----

std::optional<Range> top_rung_range(const ScenarioSpec& spec, const void*) {
    return Range{0.0, spec.ladder.rungs.empty() ? 0.0 : static_cast<double>(spec.ladder.rungs.size() - 1)};
}

std::optional<Range> war_rung_range(const ScenarioSpec& spec, const void*) {
    if (spec.ladder.rungs.size() < 2) {
        return std::nullopt;
    }
    return Range{1.0, static_cast<double>(spec.ladder.rungs.size() - 1), false, false, true};
}

std::optional<Range> day_before_horizon(const ScenarioSpec& spec, const void*) {
    return Range{k_earliest_day, spec.metadata.horizon};
}

std::optional<Range> deadline_range(const ScenarioSpec& spec, const void* record) {
    return Range{static_cast<const DemandSpec*>(record)->made, spec.metadata.horizon, true, false};
}

// An event's date is written back only while it still names the event's day (an override may have moved
// the start date).
bool date_names_the_day(const ScenarioSpec& spec, const void* record) {
    const auto& event = *static_cast<const ScriptedEventSpec*>(record);
    const auto start = date_to_days(spec.metadata.start_date);
    const auto days = date_to_days(event.date);
    return !event.date.empty() && days && start && static_cast<double>(*days - *start) == event.day;
}

// A date stands for the day: day = date - metadata.start_date when the day is not given.
void day_from_date(const ScenarioSpec& spec, void* record, const std::set<std::string>& given) {
    auto& event = *static_cast<ScriptedEventSpec*>(record);
    const auto start = date_to_days(spec.metadata.start_date);
    if (given.count("day") == 0 && !event.date.empty() && start) {
        if (const auto days = date_to_days(event.date)) {
            event.day = static_cast<double>(*days - *start);
        }
    }
}

constexpr Range k_day_range{k_earliest_day, 36500.0};

// ---- The records ----

constexpr FieldDef k_person_fields[] = {
    {.key = "name",
     .kind = Kind::Text,
     .access = member<&PersonSpec::name>(),
     .doc = "full name, e.g. `Antony Blinken`",
     .need = Need::NonEmpty},
    {.key = "role",
     .kind = Kind::Text,
     .access = member<&PersonSpec::role>(),
     .doc = "office, e.g. `Secretary of State`"},
};
static_assert(all_fit(k_person_fields));
constexpr RecordType k_person{.name = "representative",
                              .fields = k_person_fields,
                              .defaults = &defaults_of<PersonSpec>,
                              .shorthand = "name",
                              .layout = Layout::Flow,
                              .doc =
                                  "A person who speaks or acts for the actor, so that events read as they "
                                  "happened; a plain string is the name alone."};

constexpr FieldDef k_position_fields[] = {
    {.key = "position",
     .kind = Kind::Number,
     .access = member<&PositionSpec::position>(),
     .doc = "preferred value on the issue's axis",
     .range = k_unit_range},
    {.key = "salience",
     .kind = Kind::Number,
     .access = member<&PositionSpec::salience>(),
     .doc = "how much the issue matters to the actor",
     .range = k_unit_range},
};
static_assert(all_fit(k_position_fields));
constexpr RecordType k_position{.name = "position",
                                .fields = k_position_fields,
                                .defaults = &defaults_of<PositionSpec>,
                                .id = &id_of<&PositionSpec::issue>,
                                .key_name = "issue",
                                .layout = Layout::Flow,
                                .doc = "The actor's stance on one issue (each issue at most once)."};

constexpr FieldDef k_actor_fields[] = {
    {.key = "name",
     .kind = Kind::Text,
     .access = member<&ActorSpec::name>(),
     .doc = "display name",
     .fill = Fill::RecordId,
     .default_doc = "the id"},
    {.key = "kind",
     .kind = Kind::Choice,
     .access = member<&ActorSpec::kind>(),
     .doc = "what it is",
     .choice = &k_actor_kinds},
    {.key = "capability",
     .kind = Kind::Number,
     .access = member<&ActorSpec::capability>(),
     .doc = "absolute capability in `capability_unit`, normalised inside the model",
     .range = k_capability_range},
    {.key = "capability_unit",
     .kind = Kind::Text,
     .access = member<&ActorSpec::capability_unit>(),
     .doc = "e.g. `USD bn military spending 2021`, `CINC 1913 (approximate)`"},
    {.key = "capability_source",
     .kind = Kind::Text,
     .access = member<&ActorSpec::capability_source>(),
     .doc = "citation for the figure"},
    {.key = "resolve",
     .kind = Kind::Number,
     .access = member<&ActorSpec::resolve>(),
     .doc = "willingness to bear costs for its aims",
     .range = k_unit_range},
    {.key = "risk_attitude",
     .kind = Kind::Number,
     .access = member<&ActorSpec::risk_attitude>(),
     .doc = "BDM risk attitude: -1 averse, 0 neutral, 1 acceptant",
     .range = k_signed_unit_range},
    {.key = "cost_of_war",
     .kind = Kind::Number,
     .access = member<&ActorSpec::cost_of_war>(),
     .doc = "cost of war as a share of the issue space's value",
     .range = k_cost_of_war_range},
    {.key = "decision_rate",
     .kind = Kind::Number,
     .access = member<&ActorSpec::decision_rate>(),
     .doc = "mean decisions per day (Poisson)",
     .range = k_decision_rate_range},
    {.key = "initial_rung",
     .kind = Kind::Number,
     .access = member<&ActorSpec::initial_rung>(),
     .doc = "escalation pressure at day 0, rung units",
     .range = Range{0.0, 99.0},
     .range_doc = "[0, rungs-1]",
     .bound = &top_rung_range},
    {.key = "representatives",
     .kind = Kind::List,
     .access = member<&ActorSpec::representatives>(),
     .doc = "people who act for it",
     .record = &k_person,
     .items = items<PersonSpec>()},
    {.key = "positions",
     .kind = Kind::Map,
     .access = member<&ActorSpec::positions>(),
     .doc = "stances on issues, keyed by issue id",
     .record = &k_position,
     .items = items<PositionSpec>()},
};
static_assert(all_fit(k_actor_fields));
constexpr RecordType k_actor{.name = "actor",
                             .fields = k_actor_fields,
                             .defaults = &defaults_of<ActorSpec>,
                             .id = &id_of<&ActorSpec::id>,
                             .doc = "One actor of the crisis: a state, an alliance or an organisation."};

constexpr FieldDef k_metadata_fields[] = {
    {.key = "name",
     .kind = Kind::Text,
     .access = member<&MetadataSpec::name>(),
     .doc = "display name",
     .need = Need::NonEmpty},
    {.key = "description",
     .kind = Kind::Text,
     .access = member<&MetadataSpec::description>(),
     .doc = "free text"},
    {.key = "start_date",
     .kind = Kind::Date,
     .access = member<&MetadataSpec::start_date>(),
     .doc = "calendar date of day 0; needed when events give a `date`",
     .unset = Unset::WhenEmpty,
     .default_doc = "none (outputs show day numbers)"},
    {.key = "horizon",
     .kind = Kind::Number,
     .access = member<&MetadataSpec::horizon>(),
     .doc = "days simulated",
     .range = k_horizon_range},
    {.key = "seed",
     .kind = Kind::Seed,
     .access = member<&MetadataSpec::seed>(),
     .doc = "used when `--seed` is not given"},
    {.key = "sources",
     .kind = Kind::TextList,
     .access = member<&MetadataSpec::sources>(),
     .doc = "citations"},
};
static_assert(all_fit(k_metadata_fields));
constexpr RecordType k_metadata{.name = "metadata",
                                .fields = k_metadata_fields,
                                .defaults = &defaults_of<MetadataSpec>,
                                .doc = "Name, dates, horizon and sources."};

constexpr FieldDef k_issue_fields[] = {
    {.key = "name",
     .kind = Kind::Text,
     .access = member<&IssueSpec::name>(),
     .doc = "display name",
     .fill = Fill::RecordId,
     .default_doc = "the id"},
    {.key = "description",
     .kind = Kind::Text,
     .access = member<&IssueSpec::description>(),
     .doc = "free text"},
    {.key = "low",
     .kind = Kind::Text,
     .access = member<&IssueSpec::low>(),
     .doc = "meaning of 0 on the axis"},
    {.key = "high",
     .kind = Kind::Text,
     .access = member<&IssueSpec::high>(),
     .doc = "meaning of 1 on the axis"},
    {.key = "status_quo",
     .kind = Kind::Number,
     .access = member<&IssueSpec::status_quo>(),
     .doc = "current state of the world",
     .range = k_unit_range},
};
static_assert(all_fit(k_issue_fields));
constexpr RecordType k_issue{.name = "issue",
                             .fields = k_issue_fields,
                             .defaults = &defaults_of<IssueSpec>,
                             .id = &id_of<&IssueSpec::id>,
                             .doc = "One dimension of the crisis, from 0 to 1, with named ends."};

constexpr FieldDef k_alliance_fields[] = {
    {.key = "name",
     .kind = Kind::Text,
     .access = member<&AllianceSpec::name>(),
     .doc = "display name",
     .fill = Fill::RecordId,
     .default_doc = "the id"},
    {.key = "members",
     .kind = Kind::RefList,
     .access = member<&AllianceSpec::members>(),
     .doc = "at least two, each once",
     .need = Need::Rule,
     .target = Target::Actor},
    {.key = "affinity",
     .kind = Kind::Number,
     .access = member<&AllianceSpec::affinity>(),
     .doc = "affinity set between every pair of members",
     .range = k_signed_unit_range},
    {.key = "commitment",
     .kind = Kind::Number,
     .access = member<&AllianceSpec::commitment>(),
     .doc = "mutual defence firmness between members (0: none)",
     .range = k_unit_range},
};
static_assert(all_fit(k_alliance_fields));
constexpr std::string_view k_alliance_set_keys[] = {"affinity", "commitment"};
constexpr RecordType k_alliance{.name = "alliance",
                                .fields = k_alliance_fields,
                                .defaults = &defaults_of<AllianceSpec>,
                                .id = &id_of<&AllianceSpec::id>,
                                .set_keys = k_alliance_set_keys,
                                .doc =
                                    "A bloc whose members like each other and may be bound to defend each "
                                    "other."};

constexpr FieldDef k_affinity_fields[] = {
    {.key = "a",
     .kind = Kind::Ref,
     .access = member<&AffinitySpec::a>(),
     .doc = "one actor",
     .need = Need::NonEmpty,
     .target = Target::Actor},
    {.key = "b",
     .kind = Kind::Ref,
     .access = member<&AffinitySpec::b>(),
     .doc = "another actor",
     .need = Need::NonEmpty,
     .target = Target::Actor},
    {.key = "value",
     .kind = Kind::Number,
     .access = member<&AffinitySpec::value>(),
     .doc = "-1 hostile, 0 neutral, 1 allied",
     .range = k_signed_unit_range,
     .need = Need::Key},
    {.key = "directed",
     .kind = Kind::Flag,
     .access = member<&AffinitySpec::directed>(),
     .doc = "only a's view of b when true"},
};
static_assert(all_fit(k_affinity_fields));
constexpr RecordType k_affinity{.name = "affinity",
                                .fields = k_affinity_fields,
                                .defaults = &defaults_of<AffinitySpec>,
                                .layout = Layout::Flow,
                                .doc =
                                    "An explicit affinity between two actors, overriding alliance defaults "
                                    "(each unordered pair at most once; a `directed` entry is a's view of b "
                                    "only and is its own pair)."};

constexpr FieldDef k_commitment_fields[] = {
    {.key = "defender",
     .kind = Kind::Ref,
     .access = member<&CommitmentSpec::defender>(),
     .doc = "bound to come to the protégé's aid",
     .need = Need::NonEmpty,
     .target = Target::Actor},
    {.key = "protege",
     .kind = Kind::Ref,
     .access = member<&CommitmentSpec::protege>(),
     .doc = "different from the defender",
     .need = Need::NonEmpty,
     .target = Target::Actor},
    {.key = "firmness",
     .kind = Kind::Number,
     .access = member<&CommitmentSpec::firmness>(),
     .doc = "probability-like strength",
     .range = k_unit_range},
};
static_assert(all_fit(k_commitment_fields));
constexpr RecordType k_commitment{.name = "commitment",
                                  .fields = k_commitment_fields,
                                  .defaults = &defaults_of<CommitmentSpec>,
                                  .layout = Layout::Flow,
                                  .doc = "A defence commitment (each defender/protégé pair at most once)."};

constexpr FieldDef k_relations_fields[] = {
    {.key = "alliances",
     .kind = Kind::Map,
     .access = member<&RelationsSpec::alliances>(),
     .doc = "blocs keyed by id",
     .record = &k_alliance,
     .items = items<AllianceSpec>()},
    {.key = "affinities",
     .kind = Kind::List,
     .access = member<&RelationsSpec::affinities>(),
     .doc = "explicit pairs",
     .record = &k_affinity,
     .items = items<AffinitySpec>()},
    {.key = "commitments",
     .kind = Kind::List,
     .access = member<&RelationsSpec::commitments>(),
     .doc = "defence commitments",
     .record = &k_commitment,
     .items = items<CommitmentSpec>()},
};
static_assert(all_fit(k_relations_fields));
constexpr RecordType k_relations{
    .name = "relations",
    .fields = k_relations_fields,
    .defaults = &defaults_of<RelationsSpec>,
    .doc =
        "Relations among actors. Pairs not set are neutral (affinity 0); explicit "
        "affinities override alliance defaults."};

constexpr FieldDef k_demand_fields[] = {
    {.key = "challenger",
     .kind = Kind::Ref,
     .access = member<&DemandSpec::challenger>(),
     .doc = "who demands",
     .need = Need::NonEmpty,
     .target = Target::Actor},
    {.key = "targets",
     .kind = Kind::RefList,
     .access = member<&DemandSpec::targets>(),
     .doc = "at least one, not the challenger; each must hold a position on `issue`",
     .need = Need::Rule,
     .target = Target::Actor},
    {.key = "issue",
     .kind = Kind::Ref,
     .access = member<&DemandSpec::issue>(),
     .doc = "the issue",
     .need = Need::NonEmpty,
     .target = Target::Issue},
    {.key = "value",
     .kind = Kind::Number,
     .access = member<&DemandSpec::value>(),
     .doc = "demanded value on the issue",
     .range = k_unit_range,
     .need = Need::Key},
    {.key = "made",
     .kind = Kind::Day,
     .access = member<&DemandSpec::made>(),
     .doc = "when the demand was put on the table (negative: before the start)",
     .range = k_day_range,
     .range_doc = "[-3650, horizon]",
     .check = Check::Rule,
     .bound = &day_before_horizon},
    {.key = "deadline",
     .kind = Kind::Day,
     .access = member<&DemandSpec::deadline>(),
     .doc = "by when it must be met",
     .range = k_day_range,
     .range_doc = "(made, horizon]",
     .unset = Unset::WhenNan,
     .check = Check::Rule,
     .bound = &deadline_range},
    {.key = "threat",
     .kind = Kind::Ref,
     .access = member<&DemandSpec::threat>(),
     .doc = "the ladder rung backing the demand",
     .unset = Unset::WhenEmpty,
     .target = Target::Rung},
};
static_assert(all_fit(k_demand_fields));
constexpr std::string_view k_demand_set_keys[] = {"value", "deadline", "made"};
constexpr RecordType k_demand{.name = "demand",
                              .fields = k_demand_fields,
                              .defaults = &defaults_of<DemandSpec>,
                              .id = &id_of<&DemandSpec::id>,
                              .set_keys = k_demand_set_keys,
                              .doc =
                                  "A challenger asks targets to move an issue to a value, by a deadline, "
                                  "backed by a threat."};

constexpr FieldDef k_rung_fields[] = {
    {.key = "id",
     .kind = Kind::Id,
     .access = member<&RungSpec::id>(),
     .doc = "unique among rungs",
     .need = Need::Key},
    {.key = "name",
     .kind = Kind::Text,
     .access = member<&RungSpec::name>(),
     .doc = "display name",
     .fill = Fill::RecordId,
     .default_doc = "the id"},
    {.key = "threshold",
     .kind = Kind::Number,
     .access = member<&RungSpec::threshold>(),
     .doc =
         "escalation pressure at which an actor reaches the rung, rung units, strictly increasing along the "
         "ladder",
     .range = k_threshold_range,
     .need = Need::Key},
    {.key = "cameo",
     .kind = Kind::Cameo,
     .access = member<&RungSpec::cameo>(),
     .doc = "code (family root or specific) of events at this rung",
     .need = Need::Key},
};
static_assert(all_fit(k_rung_fields));
constexpr std::string_view k_rung_set_keys[] = {"threshold"};
constexpr RecordType k_rung{.name = "rung",
                            .fields = k_rung_fields,
                            .defaults = &defaults_of<RungSpec>,
                            .id = &id_of<&RungSpec::id>,
                            .set_keys = k_rung_set_keys,
                            .layout = Layout::Flow,
                            .doc =
                                "One rung of the escalation ladder: index 0 is normal relations; the last "
                                "rung is war (unless `model.war_rung_index` says otherwise)."};

constexpr FieldDef k_ladder_fields[] = {
    {.key = "rungs",
     .kind = Kind::List,
     .access = member<&LadderSpec::rungs>(),
     .doc = "at least 3; index 0 is normal relations",
     .default_doc = "the default ladder",
     .record = &k_rung,
     .items = items<RungSpec>(),
     .max_items = k_max_rungs},
};
static_assert(all_fit(k_ladder_fields));
constexpr RecordType k_ladder{.name = "ladder",
                              .fields = k_ladder_fields,
                              .defaults = &defaults_of<LadderSpec>,
                              .doc =
                                  "The escalation ladder; when `ladder` is omitted, the default ladder below "
                                  "applies."};

constexpr FieldDef k_event_fields[] = {
    {.key = "day",
     .kind = Kind::Day,
     .access = member<&ScriptedEventSpec::day>(),
     .doc = "when it happens",
     .range = k_day_range,
     .range_doc = "[-3650, horizon]",
     .check = Check::Rule,
     .default_doc = "from `date`"},
    {.key = "date",
     .kind = Kind::Date,
     .access = member<&ScriptedEventSpec::date>(),
     .doc = "converted to `day` = date − `metadata.start_date` (which must be given)",
     .unset = Unset::WhenEmpty,
     .check = Check::Rule,
     .default_doc = "empty",
     .dump_if = &date_names_the_day},
    {.key = "type",
     .kind = Kind::Choice,
     .access = member<&ScriptedEventSpec::type>(),
     .doc = "the kind of event",
     .need = Need::Key,
     .choice = &k_event_types},
    {.key = "source",
     .kind = Kind::Ref,
     .access = member<&ScriptedEventSpec::source>(),
     .doc = "who acts",
     .need = Need::NonEmpty,
     .target = Target::Actor},
    {.key = "targets",
     .kind = Kind::RefList,
     .access = member<&ScriptedEventSpec::targets>(),
     .doc = "not the source; at least one for `meeting`, `support`, `threat`, `sanction`",
     .target = Target::Actor},
    {.key = "issue",
     .kind = Kind::Ref,
     .access = member<&ScriptedEventSpec::issue>(),
     .doc = "where relevant; required for `concession`",
     .unset = Unset::WhenEmpty,
     .default_doc = "empty",
     .target = Target::Issue},
    {.key = "value",
     .kind = Kind::Number,
     .access = member<&ScriptedEventSpec::value>(),
     .doc = "value on the issue; required for `concession`",
     .range = k_unit_range,
     .unset = Unset::WhenNan},
    {.key = "demand",
     .kind = Kind::Ref,
     .access = member<&ScriptedEventSpec::demand>(),
     .doc = "required for `demand` and `reject`",
     .unset = Unset::WhenEmpty,
     .default_doc = "empty",
     .target = Target::Demand},
    {.key = "cameo",
     .kind = Kind::Cameo,
     .access = member<&ScriptedEventSpec::cameo>(),
     .doc = "the event's code",
     .unset = Unset::WhenEmpty,
     .default_doc = "the type's default code (model)"},
    {.key = "description",
     .kind = Kind::Text,
     .access = member<&ScriptedEventSpec::description>(),
     .doc = "one line, naming people where known",
     .default_doc = "generated by the model"},
    {.key = "affinity_delta",
     .kind = Kind::Number,
     .access = member<&ScriptedEventSpec::affinity_delta>(),
     .doc = "change of affinity source↔targets",
     .range = k_affinity_delta_range},
    {.key = "pressure_delta",
     .kind = Kind::Number,
     .access = member<&ScriptedEventSpec::pressure_delta>(),
     .doc = "jump of the source's escalation pressure, rung units",
     .range = k_pressure_delta_range},
    {.key = "source_ref",
     .kind = Kind::Text,
     .access = member<&ScriptedEventSpec::source_ref>(),
     .doc = "citation (URL or reference)"},
};
static_assert(all_fit(k_event_fields));
constexpr std::string_view k_day_or_date[] = {"day", "date"};
constexpr RecordType k_event{.name = "event",
                             .fields = k_event_fields,
                             .defaults = &defaults_of<ScriptedEventSpec>,
                             .one_of = k_day_or_date,
                             .after_read = &day_from_date,
                             .doc =
                                 "A scripted event: history (negative days) or what is already scheduled at "
                                 "the start. Give `day` or `date` (or both, if they agree)."};

constexpr FieldDef k_model_fields[] = {
    {.key = "rationality",
     .kind = Kind::Number,
     .access = member<&ModelParams::rationality>(),
     .doc = "logit (quantal response) precision λ",
     .range = k_rationality_range},
    {.key = "reaction",
     .kind = Kind::Number,
     .access = member<&ModelParams::reaction>(),
     .doc = "Richardson reaction scale k, per day",
     .range = k_rate_range},
    {.key = "restraint",
     .kind = Kind::Number,
     .access = member<&ModelParams::restraint>(),
     .doc = "Richardson restraint a, per day",
     .range = k_rate_range},
    {.key = "grievance",
     .kind = Kind::Number,
     .access = member<&ModelParams::grievance>(),
     .doc = "grievance scale, rungs per day",
     .range = k_rate_range},
    {.key = "affinity_step",
     .kind = Kind::Number,
     .access = member<&ModelParams::affinity_step>(),
     .doc = "affinity change per event, scaled by |Goldstein|/10",
     .range = k_unit_range},
    {.key = "discount_per_day",
     .kind = Kind::Number,
     .access = member<&ModelParams::discount_per_day>(),
     .doc = "Rubinstein per-day discount factor δ",
     .range = k_discount_range},
    {.key = "bdm_interval",
     .kind = Kind::Number,
     .access = member<&ModelParams::bdm_interval>(),
     .doc = "days between BDM rounds",
     .range = k_bdm_interval_range},
    {.key = "talks_duration",
     .kind = Kind::Number,
     .access = member<&ModelParams::talks_duration>(),
     .doc = "days a meeting lasts",
     .range = k_talks_duration_range},
    {.key = "war_rung_index",
     .kind = Kind::Number,
     .access = member<&ModelParams::war_rung_index>(),
     .doc = "index of the war rung",
     .range = Range{1.0, 99.0, false, false, true},
     .range_doc = "[1, rungs-1]",
     .unset = Unset::WhenNan,
     .default_doc = "the last rung",
     .bound = &war_rung_range},
    {.key = "decisions_enabled",
     .kind = Kind::Flag,
     .access = member<&ModelParams::decisions_enabled>(),
     .doc = "switch off to watch the pure Richardson dynamics"},
};
static_assert(all_fit(k_model_fields));
constexpr RecordType k_model{.name = "model",
                             .fields = k_model_fields,
                             .defaults = &defaults_of<ModelParams>,
                             .doc =
                                 "Model parameters; their roles in the equations are in docs/model.md. The "
                                 "bundled scenarios do not set them: the same defaults apply to every "
                                 "scenario."};

constexpr FieldDef k_output_fields[] = {
    {.key = "sample_interval",
     .kind = Kind::Number,
     .access = member<&OutputSpec::sample_interval>(),
     .doc = "days between trajectory samples (plus one at every event)",
     .range = k_sample_interval_range},
    {.key = "event_samples",
     .kind = Kind::Flag,
     .access = member<&OutputSpec::event_samples>(),
     .doc = "also sample every actor after each event (the state after the instant's last event); `false` "
            "keeps the interval samples only, which a scenario with hundreds of actors needs: 200 actors and "
            "~30,000 events make ~50 million rows with event samples"},
    {.key = "metrics",
     .kind = Kind::RefList,
     .access = member<&OutputSpec::metrics>(),
     .doc = "the metrics of trajectory.csv, each once",
     .default_doc = "all",
     .target = Target::Metric},
};
static_assert(all_fit(k_output_fields));
constexpr RecordType k_output{.name = "output",
                              .fields = k_output_fields,
                              .defaults = &defaults_of<OutputSpec>,
                              .doc = "Sampling interval and metrics."};

constexpr FieldDef k_scenario_fields[] = {
    {.key = "metadata",
     .kind = Kind::Struct,
     .access = member<&ScenarioSpec::metadata>(),
     .doc = "name, dates, horizon, sources",
     .need = Need::Key,
     .record = &k_metadata},
    {.key = "issues",
     .kind = Kind::Map,
     .access = member<&ScenarioSpec::issues>(),
     .doc = "the dimensions the crisis is about; at least 1",
     .need = Need::Key,
     .record = &k_issue,
     .items = items<IssueSpec>(),
     .max_items = k_max_issues},
    {.key = "actors",
     .kind = Kind::Map,
     .access = member<&ScenarioSpec::actors>(),
     .doc = "states, alliances, organisations; at least 2",
     .need = Need::Key,
     .record = &k_actor,
     .items = items<ActorSpec>(),
     .max_items = k_max_actors},
    {.key = "relations",
     .kind = Kind::Struct,
     .access = member<&ScenarioSpec::relations>(),
     .doc = "alliances, affinities, commitments",
     .record = &k_relations},
    {.key = "demands",
     .kind = Kind::Map,
     .access = member<&ScenarioSpec::demands>(),
     .doc = "what challengers ask of targets",
     .record = &k_demand,
     .items = items<DemandSpec>()},
    {.key = "ladder",
     .kind = Kind::Struct,
     .access = member<&ScenarioSpec::ladder>(),
     .doc = "escalation ladder; default: the ten-rung ladder below",
     .record = &k_ladder},
    {.key = "events",
     .kind = Kind::List,
     .access = member<&ScenarioSpec::events>(),
     .doc = "scripted history and already-scheduled events",
     .record = &k_event,
     .items = items<ScriptedEventSpec>(),
     .max_items = k_max_events},
    {.key = "model",
     .kind = Kind::Struct,
     .access = member<&ScenarioSpec::model>(),
     .doc = "model parameters (defaults apply; bundled scenarios leave this out)",
     .record = &k_model},
    {.key = "output",
     .kind = Kind::Struct,
     .access = member<&ScenarioSpec::output>(),
     .doc = "sampling interval and metrics",
     .record = &k_output},
};
static_assert(all_fit(k_scenario_fields));
constexpr RecordType k_scenario{.name = "scenario",
                                .fields = k_scenario_fields,
                                .defaults = &defaults_of<ScenarioSpec>,
                                .doc = "A scenario file: one YAML document with a mapping at the top."};

}  // namespace

const FieldDef* RecordType::find(std::string_view key) const {
    for (const FieldDef& field : fields) {
        if (field.key == key) {
            return &field;
        }
    }
    return nullptr;
}

std::vector<std::string> RecordType::keys() const {
    std::vector<std::string> names;
    for (const FieldDef& field : fields) {
        names.emplace_back(field.key);
    }
    return names;
}

std::vector<std::string> settable_keys(const RecordType& type) {
    std::vector<std::string> keys;
    if (!type.set_keys.empty()) {
        keys.assign(type.set_keys.begin(), type.set_keys.end());
        return keys;
    }
    for (const FieldDef& field : type.fields) {
        if (field.kind != Kind::TextList && field.kind != Kind::RefList && field.kind != Kind::List) {
            keys.emplace_back(field.key);
        }
    }
    return keys;
}

bool is_unset(const FieldDef& field, const void* record) {
    switch (field.unset) {
        case Unset::Never:
            return false;
        case Unset::WhenEmpty:
            return value_of<std::string>(field, record).empty();
        case Unset::WhenNan:
            return std::isnan(value_of<double>(field, record));
    }
    return false;
}

const RecordType& scenario_type() {
    return k_scenario;
}
const RecordType& metadata_type() {
    return k_metadata;
}
const RecordType& issue_type() {
    return k_issue;
}
const RecordType& actor_type() {
    return k_actor;
}
const RecordType& person_type() {
    return k_person;
}
const RecordType& position_type() {
    return k_position;
}
const RecordType& alliance_type() {
    return k_alliance;
}
const RecordType& affinity_type() {
    return k_affinity;
}
const RecordType& commitment_type() {
    return k_commitment;
}
const RecordType& demand_type() {
    return k_demand;
}
const RecordType& rung_type() {
    return k_rung;
}
const RecordType& event_type() {
    return k_event;
}
const RecordType& model_type() {
    return k_model;
}
const RecordType& output_type() {
    return k_output;
}

}  // namespace brink::io::schema
