// The schema table (sim/io/schema.hpp): every key of a scenario file, declared once. Defaults come from the
// spec structs' initialisers (include/brink/scenario.hpp); units and ranges are stated here and generated
// into scenarios/schema.json and docs/scenario-format.md.
#include "schema.hpp"
#include "schema_fields.hpp"

#include "brink/io/calendar.hpp"

#include <algorithm>
#include <cmath>

namespace brink::io::schema {
namespace {

using namespace detail;
using namespace build;

// ---- Choices ----

constexpr ChoiceDef k_actor_kinds = choice_of<ActorKind>(
    3, [](int value) { return to_string(static_cast<ActorKind>(value)); }, "state, alliance or organisation",
    "");
constexpr ChoiceDef k_regimes = choice_of<Regime>(
    3, [](int value) { return to_string(static_cast<Regime>(value)); }, "democracy, mixed or autocracy",
    "regime");
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
    text<&PersonSpec::name>("name", "full name, e.g. `Antony Blinken`").required(Need::NonEmpty),
    text<&PersonSpec::role>("role", "office, e.g. `Secretary of State`"),
};
constexpr RecordType k_person{.name = "representative",
                              .fields = k_person_fields,
                              .defaults = &defaults_of<PersonSpec>,
                              .shorthand = "name",
                              .layout = Layout::Flow,
                              .doc =
                                  "A person who speaks or acts for the actor, so that events read as they "
                                  "happened; a plain string is the name alone."};

constexpr FieldDef k_position_fields[] = {
    number<&PositionSpec::position>("position", k_unit_range, "preferred value on the issue's axis"),
    number<&PositionSpec::salience>("salience", k_unit_range, "how much the issue matters to the actor"),
};
constexpr RecordType k_position{.name = "position",
                                .fields = k_position_fields,
                                .defaults = &defaults_of<PositionSpec>,
                                .id = &id_of<&PositionSpec::issue>,
                                .key_name = "issue",
                                .layout = Layout::Flow,
                                .doc = "The actor's stance on one issue (each issue at most once)."};

constexpr FieldDef k_actor_fields[] = {
    text<&ActorSpec::name>("name", "display name").filled_with_id(),
    choice<&ActorSpec::kind>("kind", k_actor_kinds, "what it is"),
    number<&ActorSpec::capability>("capability", k_capability_range,
                                   "absolute capability in `capability_unit`, normalised inside the model"),
    text<&ActorSpec::capability_unit>("capability_unit",
                                      "e.g. `USD bn military spending 2021`, `CINC 1913 (approximate)`"),
    text<&ActorSpec::capability_source>("capability_source", "citation for the figure"),
    number<&ActorSpec::resolve>("resolve", k_unit_range, "willingness to bear costs for its aims"),
    number<&ActorSpec::risk_attitude>("risk_attitude", k_signed_unit_range,
                                      "BDM risk attitude: -1 averse, 0 neutral, 1 acceptant"),
    number<&ActorSpec::cost_of_war>("cost_of_war", k_cost_of_war_range,
                                    "cost of war as a share of the issue space's value"),
    number<&ActorSpec::decision_rate>("decision_rate", k_decision_rate_range,
                                      "mean decisions per day (Poisson)"),
    number<&ActorSpec::initial_rung>("initial_rung", Range{0.0, 99.0},
                                     "escalation pressure at day 0, rung units")
        .bounded_by(&top_rung_range, "[0, rungs-1]"),
    choice<&ActorSpec::regime>("regime", k_regimes,
                               "how its government answers to a domestic audience (audience costs, §11.3)"),
    number<&ActorSpec::reputation>("reputation", Range{0.01, 0.99},
                                   "probability the others give at day 0 that it is of the resolute type "
                                   "(§11.2)")
        .unset_when(Unset::WhenNan)
        .default_is("from `model.beliefs.ignorance` and its resolve (§11.2)"),
    number<&ActorSpec::readiness>("readiness", k_unit_range, "military readiness at day 0 (§11.4)")
        .unset_when(Unset::WhenNan)
        .default_is("`model.readiness.peacetime`"),
    number<&ActorSpec::readiness_rate>("readiness_rate", Range{0.0, 1e6, true, false},
                                       "rate at which its readiness approaches its target, per day (§11.4)")
        .unset_when(Unset::WhenNan)
        .default_is("`model.readiness.build_rate`"),
    number<&ActorSpec::readiness_cost>("readiness_cost", k_unit_range,
                                       "cost per day of readiness above peacetime, issue-value units (§11.4)")
        .unset_when(Unset::WhenNan)
        .default_is("`model.readiness.daily_cost`"),
    number<&ActorSpec::power_trend>("power_trend", Range{-0.9, 10.0},
                                    "expected relative change of its capability over `model.power_horizon` "
                                    "days (§11.5)"),
    number<&ActorSpec::theatre_share>("theatre_share", Range{0.0, 1.0, true, false},
                                      "share of its capability it commits to the theatre as a third party "
                                      "(§11.1)")
        .unset_when(Unset::WhenNan)
        .default_is("`model.theatre_share`"),
    nested<&ActorSpec::representatives>("representatives", Kind::List, k_person, "people who act for it"),
    nested<&ActorSpec::positions>("positions", Kind::Map, k_position, "stances on issues, keyed by issue id"),
};
constexpr RecordType k_actor{.name = "actor",
                             .fields = k_actor_fields,
                             .defaults = &defaults_of<ActorSpec>,
                             .id = &id_of<&ActorSpec::id>,
                             .doc = "One actor of the crisis: a state, an alliance or an organisation."};

constexpr FieldDef k_metadata_fields[] = {
    text<&MetadataSpec::name>("name", "display name").required(Need::NonEmpty),
    text<&MetadataSpec::description>("description", "free text"),
    text<&MetadataSpec::start_date>("start_date", "calendar date of day 0; needed when events give a `date`",
                                    Kind::Date)
        .unset_when(Unset::WhenEmpty)
        .default_is("none (outputs show day numbers)"),
    number<&MetadataSpec::horizon>("horizon", k_horizon_range, "days simulated"),
    seed<&MetadataSpec::seed>("seed", "used when `--seed` is not given"),
    list<&MetadataSpec::sources>("sources", Target::None, "citations"),
};
constexpr RecordType k_metadata{.name = "metadata",
                                .fields = k_metadata_fields,
                                .defaults = &defaults_of<MetadataSpec>,
                                .doc = "Name, dates, horizon and sources."};

constexpr FieldDef k_issue_fields[] = {
    text<&IssueSpec::name>("name", "display name").filled_with_id(),
    text<&IssueSpec::description>("description", "free text"),
    text<&IssueSpec::low>("low", "meaning of 0 on the axis"),
    text<&IssueSpec::high>("high", "meaning of 1 on the axis"),
    number<&IssueSpec::status_quo>("status_quo", k_unit_range, "current state of the world"),
    reference<&IssueSpec::held_by>(
        "held_by", Target::Actor,
        "actor that holds the contested good (territory it occupies): `status_quo` "
        "is what it holds (§12.6)")
        .unset_when(Unset::WhenEmpty)
        .default_is("none"),
};
constexpr RecordType k_issue{.name = "issue",
                             .fields = k_issue_fields,
                             .defaults = &defaults_of<IssueSpec>,
                             .id = &id_of<&IssueSpec::id>,
                             .doc = "One dimension of the crisis, from 0 to 1, with named ends."};

constexpr FieldDef k_alliance_fields[] = {
    text<&AllianceSpec::name>("name", "display name").filled_with_id(),
    list<&AllianceSpec::members>("members", Target::Actor, "at least two, each once").required(Need::Rule),
    number<&AllianceSpec::affinity>("affinity", k_signed_unit_range,
                                    "affinity set between every pair of members"),
    number<&AllianceSpec::commitment>("commitment", k_unit_range,
                                      "mutual defence firmness between members (0: none)"),
};
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
    reference<&AffinitySpec::a>("a", Target::Actor, "one actor").required(Need::NonEmpty),
    reference<&AffinitySpec::b>("b", Target::Actor, "another actor").required(Need::NonEmpty),
    number<&AffinitySpec::value>("value", k_signed_unit_range, "-1 hostile, 0 neutral, 1 allied").required(),
    flag<&AffinitySpec::directed>("directed", "only a's view of b when true"),
};
constexpr RecordType k_affinity{.name = "affinity",
                                .fields = k_affinity_fields,
                                .defaults = &defaults_of<AffinitySpec>,
                                .layout = Layout::Flow,
                                .doc =
                                    "An explicit affinity between two actors, overriding alliance defaults "
                                    "(each unordered pair at most once; a `directed` entry is a's view of b "
                                    "only and is its own pair)."};

constexpr FieldDef k_commitment_fields[] = {
    reference<&CommitmentSpec::defender>("defender", Target::Actor, "bound to come to the protégé's aid")
        .required(Need::NonEmpty),
    reference<&CommitmentSpec::protege>("protege", Target::Actor, "different from the defender")
        .required(Need::NonEmpty),
    number<&CommitmentSpec::firmness>("firmness", k_unit_range, "probability-like strength"),
    list<&CommitmentSpec::issues>("issues", Target::Issue,
                                  "the issues it covers (a homeland, not a disputed region; §12.4)")
        .default_is("every issue"),
};
constexpr RecordType k_commitment{.name = "commitment",
                                  .fields = k_commitment_fields,
                                  .defaults = &defaults_of<CommitmentSpec>,
                                  .layout = Layout::Flow,
                                  .doc = "A defence commitment (each defender/protégé pair at most once)."};

constexpr FieldDef k_belief_fields[] = {
    reference<&BeliefSpec::observer>("observer", Target::Actor, "who holds the belief")
        .required(Need::NonEmpty),
    reference<&BeliefSpec::about>("about", Target::Actor, "whose resolve, different from the observer")
        .required(Need::NonEmpty),
    number<&BeliefSpec::resolute>("resolute", Range{0.01, 0.99},
                                  "probability that `about` is of the resolute type")
        .required(),
};
constexpr RecordType k_belief{.name = "belief",
                              .fields = k_belief_fields,
                              .defaults = &defaults_of<BeliefSpec>,
                              .layout = Layout::Flow,
                              .doc =
                                  "What one actor believes at day 0 about another's resolve, in place of its "
                                  "public reputation (§11.2; each observer/about pair at most once)."};

constexpr FieldDef k_relations_fields[] = {
    nested<&RelationsSpec::alliances>("alliances", Kind::Map, k_alliance, "blocs keyed by id"),
    nested<&RelationsSpec::affinities>("affinities", Kind::List, k_affinity, "explicit pairs"),
    nested<&RelationsSpec::commitments>("commitments", Kind::List, k_commitment, "defence commitments"),
    nested<&RelationsSpec::beliefs>("beliefs", Kind::List, k_belief, "misperceptions at day 0"),
};
constexpr RecordType k_relations{
    .name = "relations",
    .fields = k_relations_fields,
    .defaults = &defaults_of<RelationsSpec>,
    .doc =
        "Relations among actors. Pairs not set are neutral (affinity 0); explicit "
        "affinities override alliance defaults."};

constexpr FieldDef k_demand_fields[] = {
    reference<&DemandSpec::challenger>("challenger", Target::Actor, "who demands").required(Need::NonEmpty),
    list<&DemandSpec::targets>("targets", Target::Actor,
                               "at least one, not the challenger; each must hold a position on `issue`")
        .required(Need::Rule),
    reference<&DemandSpec::issue>("issue", Target::Issue, "the issue").required(Need::NonEmpty),
    number<&DemandSpec::value>("value", k_unit_range, "demanded value on the issue").required(),
    number<&DemandSpec::made>("made", k_day_range,
                              "when the demand was put on the table (negative: before the start)", Kind::Day)
        .checked_by_rule()
        .bounded_by(&day_before_horizon, "[-3650, horizon]"),
    number<&DemandSpec::deadline>("deadline", k_day_range, "by when it must be met", Kind::Day)
        .unset_when(Unset::WhenNan)
        .checked_by_rule()
        .bounded_by(&deadline_range, "(made, horizon]"),
    reference<&DemandSpec::threat>("threat", Target::Rung, "the ladder rung backing the demand")
        .unset_when(Unset::WhenEmpty),
    reference<&DemandSpec::war_target>("war_target", Target::Actor,
                                       "the actor the challenger would fight to enforce it (§12.5)")
        .unset_when(Unset::WhenEmpty)
        .default_is("the issue's holder if not the challenger, else the main opponent (§4.3)"),
};
constexpr std::string_view k_demand_set_keys[] = {"value", "deadline", "made", "targets"};
constexpr RecordType k_demand{.name = "demand",
                              .fields = k_demand_fields,
                              .defaults = &defaults_of<DemandSpec>,
                              .id = &id_of<&DemandSpec::id>,
                              .set_keys = k_demand_set_keys,
                              .doc =
                                  "A challenger asks targets to move an issue to a value, by a deadline, "
                                  "backed by a threat."};

constexpr FieldDef k_rung_fields[] = {
    text<&RungSpec::id>("id", "unique among rungs", Kind::Id).required(),
    text<&RungSpec::name>("name", "display name").filled_with_id(),
    number<&RungSpec::threshold>(
        "threshold", k_threshold_range,
        "escalation pressure at which an actor reaches the rung, rung units, strictly "
        "increasing along the ladder")
        .required(),
    text<&RungSpec::cameo>("cameo", "code (family root or specific) of events at this rung", Kind::Cameo)
        .required(),
};
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
    nested<&LadderSpec::rungs>("rungs", Kind::List, k_rung, "at least 3; index 0 is normal relations")
        .default_is("the default ladder")
        .at_most(k_max_rungs),
};
constexpr RecordType k_ladder{.name = "ladder",
                              .fields = k_ladder_fields,
                              .defaults = &defaults_of<LadderSpec>,
                              .doc =
                                  "The escalation ladder; when `ladder` is omitted, the default ladder below "
                                  "applies."};

constexpr FieldDef k_event_fields[] = {
    number<&ScriptedEventSpec::day>("day", k_day_range, "when it happens", Kind::Day)
        .checked_by_rule()
        .range_is("[-3650, horizon]")
        .default_is("from `date`"),
    text<&ScriptedEventSpec::date>(
        "date", "converted to `day` = date − `metadata.start_date` (which must be given)", Kind::Date)
        .unset_when(Unset::WhenEmpty)
        .checked_by_rule()
        .default_is("empty")
        .dumped_if(&date_names_the_day),
    choice<&ScriptedEventSpec::type>("type", k_event_types, "the kind of event").required(),
    reference<&ScriptedEventSpec::source>("source", Target::Actor, "who acts").required(Need::NonEmpty),
    list<&ScriptedEventSpec::targets>(
        "targets", Target::Actor,
        "not the source; at least one for `meeting`, `support`, `threat`, `sanction`"),
    reference<&ScriptedEventSpec::issue>("issue", Target::Issue, "where relevant; required for `concession`")
        .unset_when(Unset::WhenEmpty)
        .default_is("empty"),
    number<&ScriptedEventSpec::value>("value", k_unit_range, "value on the issue; required for `concession`")
        .unset_when(Unset::WhenNan),
    reference<&ScriptedEventSpec::demand>("demand", Target::Demand, "required for `demand` and `reject`")
        .unset_when(Unset::WhenEmpty)
        .default_is("empty"),
    text<&ScriptedEventSpec::cameo>("cameo", "the event's code", Kind::Cameo)
        .unset_when(Unset::WhenEmpty)
        .default_is("the type's default code (model)"),
    text<&ScriptedEventSpec::description>("description", "one line, naming people where known")
        .default_is("generated by the model"),
    number<&ScriptedEventSpec::affinity_delta>("affinity_delta", k_affinity_delta_range,
                                               "change of affinity source↔targets"),
    number<&ScriptedEventSpec::pressure_delta>("pressure_delta", k_pressure_delta_range,
                                               "jump of the source's escalation pressure, rung units"),
    text<&ScriptedEventSpec::source_ref>("source_ref", "citation (URL or reference)"),
    flag<&ScriptedEventSpec::in_public>(
        "in_public",
        "a threat made in public commits its author (§11.3); false: through a "
        "private channel (read for threats only)"),
};
constexpr std::string_view k_day_or_date[] = {"day", "date"};
constexpr std::string_view k_event_set_keys[] = {
    "day",    "date",  "type",        "source",         "targets",        "issue",    "value",
    "demand", "cameo", "description", "affinity_delta", "pressure_delta", "in_public"};
constexpr RecordType k_event{.name = "event",
                             .fields = k_event_fields,
                             .defaults = &defaults_of<ScriptedEventSpec>,
                             .one_of = k_day_or_date,
                             .set_keys = k_event_set_keys,
                             .after_read = &day_from_date,
                             .doc =
                                 "A scripted event: history (negative days) or what is already scheduled at "
                                 "the start. Give `day` or `date` (or both, if they agree)."};

constexpr FieldDef k_mechanism_fields[] = {
    flag<&MechanismSwitches::extended_deterrence>("extended_deterrence",
                                                  "§11.1: war valued against the war target's coalition"),
    flag<&MechanismSwitches::beliefs>("beliefs", "§11.2: uncertain resolve, updated by costly signals"),
    flag<&MechanismSwitches::audience_costs>("audience_costs",
                                             "§11.3: backing down after public commitments"),
    flag<&MechanismSwitches::readiness>("readiness", "§11.4: readiness builds while mobilised and costs"),
    flag<&MechanismSwitches::commitment_problem>("commitment_problem",
                                                 "§11.5: war weighed against the offer on the table"),
    flag<&MechanismSwitches::fait_accompli>("fait_accompli", "§11.6: seizing the good by limited force"),
    flag<&MechanismSwitches::sanction_threats>("sanction_threats", "§11.7: sanctions coerce while held back"),
    flag<&MechanismSwitches::timing>("timing", "§11.8: war now weighed against waiting"),
    flag<&MechanismSwitches::clashes>("clashes", "§12.1: limited uses of force short of war"),
    flag<&MechanismSwitches::war_process>("war_process",
                                          "§12.2: war fought battle by battle (off: the run stops at the "
                                          "first shot)"),
};
constexpr RecordType k_mechanisms{.name = "mechanisms",
                                  .fields = k_mechanism_fields,
                                  .defaults = &defaults_of<MechanismSwitches>,
                                  .doc =
                                      "Which mechanisms of docs/model.md run (all by default; switch one off "
                                      "to measure what it contributes, §10)."};

constexpr FieldDef k_belief_param_fields[] = {
    number<&BeliefParams::resolute>("resolute", k_unit_range,
                                    "resolve of the resolute type (above `irresolute`)"),
    number<&BeliefParams::irresolute>("irresolute", k_unit_range, "resolve of the irresolute type"),
    number<&BeliefParams::ignorance>("ignorance", k_unit_range,
                                     "how little the others know of an actor's type at day 0"),
};
constexpr RecordType k_belief_params{.name = "beliefs",
                                     .fields = k_belief_param_fields,
                                     .defaults = &defaults_of<BeliefParams>,
                                     .doc = "Beliefs about resolve (docs/model.md §11.2)."};

constexpr FieldDef k_readiness_fields[] = {
    number<&ReadinessParams::peacetime>("peacetime", Range{0.0, 1.0, true, false},
                                        "readiness of an actor not mobilised"),
    number<&ReadinessParams::build_rate>("build_rate", Range{0.0, 1e6, true, false},
                                         "rate at which readiness approaches its target, per day"),
    number<&ReadinessParams::daily_cost>("daily_cost", k_unit_range,
                                         "cost per day of readiness above peacetime, issue-value units"),
    number<&ReadinessParams::planning_days>("planning_days", Range{0.0, 365.0},
                                            "days of holding costs weighed when judging the standoff"),
};
constexpr RecordType k_readiness{.name = "readiness",
                                 .fields = k_readiness_fields,
                                 .defaults = &defaults_of<ReadinessParams>,
                                 .doc = "Military readiness (docs/model.md §11.4)."};

constexpr FieldDef k_war_fields[] = {
    number<&WarParams::battle_rate>("battle_rate", Range{0.0, 10.0, true, false},
                                    "battles per day at the start of a war"),
    number<&WarParams::units>("units", Range{2.0, 1000.0}, "combat units of the stronger side at the start"),
    number<&WarParams::collapse>("collapse", Range{0.0, 1.0, true, true},
                                 "share of its starting units at which a side collapses"),
    number<&WarParams::mediation>(
        "mediation", k_unit_range,
        "what a mediator's leverage adds to a ceasefire's value, issue-value units"),
    number<&WarParams::fog>("fog", Range{0.0, 3.0},
                            "spread of the war's true effectiveness ratio: log2 e ~ N(0, fog^2)"),
};
constexpr RecordType k_war{.name = "war",
                           .fields = k_war_fields,
                           .defaults = &defaults_of<WarParams>,
                           .doc = "War as a process (docs/model.md §12.2)."};

constexpr FieldDef k_model_fields[] = {
    number<&ModelParams::rationality>("rationality", k_rationality_range,
                                      "logit (quantal response) precision λ"),
    number<&ModelParams::reaction>("reaction", k_rate_range, "Richardson reaction scale k, per day"),
    number<&ModelParams::restraint>("restraint", k_rate_range, "Richardson restraint a, per day"),
    number<&ModelParams::grievance>("grievance", k_rate_range, "grievance scale, rungs per day"),
    number<&ModelParams::affinity_step>("affinity_step", k_unit_range,
                                        "affinity change per event, scaled by |Goldstein|/10"),
    number<&ModelParams::discount_per_day>("discount_per_day", k_discount_range,
                                           "Rubinstein per-day discount factor δ"),
    number<&ModelParams::bdm_interval>("bdm_interval", k_bdm_interval_range, "days between BDM rounds"),
    number<&ModelParams::talks_duration>("talks_duration", k_talks_duration_range, "days a meeting lasts"),
    number<&ModelParams::war_rung_index>("war_rung_index", Range{1.0, 99.0, false, false, true},
                                         "index of the war rung")
        .unset_when(Unset::WhenNan)
        .default_is("the last rung")
        .bounded_by(&war_rung_range, "[1, rungs-1]"),
    flag<&ModelParams::decisions_enabled>("decisions_enabled",
                                          "switch off to watch the pure Richardson dynamics"),
    number<&ModelParams::choice_persistence>("choice_persistence", Range{0.0, 1e6},
                                             "mean life of an actor's taste shocks, days (0: fresh at every "
                                             "decision; §7.1)"),
    number<&ModelParams::audience_cost>("audience_cost", Range{0.0, 10.0},
                                        "cost of backing down from a full public commitment for a democracy, "
                                        "issue-value units (§11.3)"),
    number<&ModelParams::reputation_cost>(
        "reputation_cost", Range{0.0, 10.0},
        "cost of conceding under coercion per unit of salience and nearness "
        "to war (§11.3)"),
    number<&ModelParams::theatre_share>("theatre_share", Range{0.0, 1.0, true, false},
                                        "default share of its capability a third party commits (§11.1)"),
    number<&ModelParams::bystander_propensity>("bystander_propensity", k_unit_range,
                                               "how readily an uncommitted third party joins a war (§11.1)"),
    number<&ModelParams::power_horizon>("power_horizon", Range{1.0, 36500.0},
                                        "days over which the actors' power trends run (§11.5)"),
    number<&ModelParams::power_discount>("power_discount", k_discount_range,
                                         "discount factor per year on a future shift of power (§11.5)"),
    nested<&ModelParams::mechanisms>("mechanisms", Kind::Struct, k_mechanisms, "mechanism switches"),
    nested<&ModelParams::beliefs>("beliefs", Kind::Struct, k_belief_params, "beliefs about resolve"),
    nested<&ModelParams::readiness>("readiness", Kind::Struct, k_readiness, "military readiness"),
    nested<&ModelParams::war>("war", Kind::Struct, k_war, "war as a process"),
};
constexpr RecordType k_model{.name = "model",
                             .fields = k_model_fields,
                             .defaults = &defaults_of<ModelParams>,
                             .doc =
                                 "Model parameters; their roles in the equations are in docs/model.md. The "
                                 "bundled scenarios do not set them: the same defaults apply to every "
                                 "scenario."};

constexpr FieldDef k_output_fields[] = {
    number<&OutputSpec::sample_interval>("sample_interval", k_sample_interval_range,
                                         "days between trajectory samples (plus one at every event)"),
    flag<&OutputSpec::event_samples>("event_samples",
                                     "also sample every actor after each event (the state after the "
                                     "instant's last event); `false` keeps the "
                                     "interval samples only, which a scenario with hundreds of actors needs: "
                                     "200 actors and ~30,000 events "
                                     "make ~50 million rows with event samples"),
    flag<&OutputSpec::bdm_rounds>("bdm_rounds",
                                  "write bdm_rounds.csv, every BDM round's ordered pairs (n(n-1) rows per "
                                  "issue and round; `false` for scenarios with hundreds of actors)"),
    list<&OutputSpec::metrics>("metrics", Target::Metric, "the metrics of trajectory.csv, each once")
        .default_is("all"),
};
constexpr RecordType k_output{.name = "output",
                              .fields = k_output_fields,
                              .defaults = &defaults_of<OutputSpec>,
                              .doc = "Sampling interval and metrics."};

constexpr FieldDef k_scenario_fields[] = {
    nested<&ScenarioSpec::metadata>("metadata", Kind::Struct, k_metadata, "name, dates, horizon, sources")
        .required(),
    nested<&ScenarioSpec::issues>("issues", Kind::Map, k_issue,
                                  "the dimensions the crisis is about; at least 1")
        .required()
        .at_most(k_max_issues),
    nested<&ScenarioSpec::actors>("actors", Kind::Map, k_actor,
                                  "states, alliances, organisations; at least 2")
        .required()
        .at_most(k_max_actors),
    nested<&ScenarioSpec::relations>("relations", Kind::Struct, k_relations,
                                     "alliances, affinities, commitments"),
    nested<&ScenarioSpec::demands>("demands", Kind::Map, k_demand, "what challengers ask of targets"),
    nested<&ScenarioSpec::ladder>("ladder", Kind::Struct, k_ladder,
                                  "escalation ladder; default: the ten-rung ladder below"),
    nested<&ScenarioSpec::events>("events", Kind::List, k_event,
                                  "scripted history and already-scheduled events")
        .at_most(k_max_events),
    nested<&ScenarioSpec::model>("model", Kind::Struct, k_model,
                                 "model parameters (defaults apply; bundled scenarios leave this out)"),
    nested<&ScenarioSpec::output>("output", Kind::Struct, k_output, "sampling interval and metrics"),
};
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
const RecordType& belief_type() {
    return k_belief;
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
