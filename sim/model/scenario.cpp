// Spec helpers that belong with the spec structs: the default ladder and the enum names.
#include "brink/scenario.hpp"

#include <array>
#include <utility>

namespace brink {

LadderSpec default_ladder() {
    // Ten rungs adapted from Kahn (1965), On Escalation: Metaphors and Scenarios, compressed to the
    // sub-crisis and traditional-crisis rungs a modern coercive crisis passes through. Thresholds are in
    // rung units (pressure 3.0 = "Demands and ultimata"); each rung carries the CAMEO family of its events.
    // docs/model.md §2 documents the table.
    LadderSpec ladder;
    ladder.rungs = {
        {"normal_relations", "Normal relations", 0.0, "04"},
        {"disapproval", "Disapproval", 1.0, "11"},
        {"rejection", "Rejection", 2.0, "12"},
        {"demands", "Demands and ultimata", 3.0, "10"},
        {"threats", "Threats", 4.0, "13"},
        {"sanctions", "Sanctions", 5.0, "163"},
        {"show_of_force", "Show of force", 6.0, "15"},
        {"mobilisation", "Mobilisation", 7.0, "154"},
        {"limited_military_action", "Limited military action", 8.0, "191"},
        {"war", "War", 9.0, "19"},
    };
    return ladder;
}

namespace {
constexpr std::array<std::pair<ActorKind, const char*>, 3> k_actor_kinds{{
    {ActorKind::State, "state"},
    {ActorKind::Alliance, "alliance"},
    {ActorKind::Organisation, "organisation"},
}};
constexpr std::array<std::pair<Regime, const char*>, 3> k_regimes{{
    {Regime::Democracy, "democracy"},
    {Regime::Mixed, "mixed"},
    {Regime::Autocracy, "autocracy"},
}};
constexpr std::array<std::pair<ScriptedEventType, const char*>, 9> k_event_types{{
    {ScriptedEventType::Statement, "statement"},
    {ScriptedEventType::Meeting, "meeting"},
    {ScriptedEventType::Demand, "demand"},
    {ScriptedEventType::Reject, "reject"},
    {ScriptedEventType::Support, "support"},
    {ScriptedEventType::Threat, "threat"},
    {ScriptedEventType::Sanction, "sanction"},
    {ScriptedEventType::Mobilisation, "mobilisation"},
    {ScriptedEventType::Concession, "concession"},
}};

template <typename Enum, std::size_t N>
const char* name_of(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
    for (const auto& [e, name] : table) {
        if (e == value) {
            return name;
        }
    }
    return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, const char*>, N>& table,
                             const std::string& text) {
    for (const auto& [e, name] : table) {
        if (text == name) {
            return e;
        }
    }
    return std::nullopt;
}
}  // namespace

const char* to_string(ActorKind kind) {
    return name_of(k_actor_kinds, kind);
}
const char* to_string(Regime regime) {
    return name_of(k_regimes, regime);
}
std::optional<Regime> regime_from_string(const std::string& text) {
    return value_of(k_regimes, text);
}
const char* to_string(ScriptedEventType type) {
    return name_of(k_event_types, type);
}
std::optional<ActorKind> actor_kind_from_string(const std::string& text) {
    return value_of(k_actor_kinds, text);
}
std::optional<ScriptedEventType> scripted_event_type_from_string(const std::string& text) {
    return value_of(k_event_types, text);
}

}  // namespace brink
