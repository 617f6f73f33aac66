// Scenario specs built in C++ for the model's tests and benchmarks (the model ring does not read YAML).
#pragma once

#include "brink/scenario.hpp"

#include <string>
#include <utility>
#include <vector>

namespace brink::model::fixtures {

/// An actor with the given id, capability, resolve and cost of war; decisions at `rate` per day.
/// The model parameters the unit tests were written against: the defaults before the calibration of
/// 4 December 2026 (docs/validation.md, "Calibration"). The constructed cases of the mechanism tests pin
/// them, so that a recalibration of the defaults does not move them; the golden runs and backtests use the
/// defaults.
inline ModelParams reference_params() {
    ModelParams params;
    params.rationality = 10.0;
    params.choice_persistence = 7.0;
    params.reaction = 0.04;
    params.restraint = 0.08;
    params.grievance = 0.05;
    params.audience_cost = 0.3;
    params.bystander_propensity = 0.5;
    params.war.fog = 0.5;
    return params;
}

inline ActorSpec make_actor(const std::string& id, double capability, double resolve = 0.5, double cost = 0.2,
                            double rate = 0.5) {
    ActorSpec a;
    a.id = id;
    a.name = id;
    a.capability = capability;
    a.resolve = resolve;
    a.cost_of_war = cost;
    a.decision_rate = rate;
    return a;
}

/// A position on an issue.
inline PositionSpec make_position(const std::string& issue, double position, double salience) {
    PositionSpec p;
    p.issue = issue;
    p.position = position;
    p.salience = salience;
    return p;
}

/// Two actors, one issue ("claim", status quo 0); `challenger` demands 1 of `target` (no deadline).
inline ScenarioSpec two_actor_dispute(double challenger_capability = 1.0, double target_capability = 1.0) {
    ScenarioSpec spec;
    spec.model = reference_params();
    spec.metadata.name = "two-actor dispute";
    spec.metadata.horizon = 120.0;
    spec.ladder = default_ladder();
    IssueSpec issue;
    issue.id = "claim";
    issue.name = "Claim";
    issue.status_quo = 0.0;
    spec.issues.push_back(issue);
    ActorSpec c = make_actor("challenger", challenger_capability, 0.6, 0.2);
    c.positions.push_back(make_position("claim", 1.0, 0.8));
    ActorSpec t = make_actor("target", target_capability, 0.6, 0.2);
    t.positions.push_back(make_position("claim", 0.0, 0.8));
    spec.actors = {c, t};
    DemandSpec d;
    d.id = "claim_demand";
    d.challenger = "challenger";
    d.targets = {"target"};
    d.issue = "claim";
    d.value = 1.0;
    spec.demands.push_back(d);
    return spec;
}

/// A scripted event of `type` by `source` toward `targets` on `day` (CAMEO and description optional).
inline ScriptedEventSpec scripted_event(double day, ScriptedEventType type, std::string source,
                                        std::vector<std::string> targets, std::string cameo = "",
                                        std::string description = "") {
    ScriptedEventSpec e;
    e.day = day;
    e.type = type;
    e.source = std::move(source);
    e.targets = std::move(targets);
    e.cameo = std::move(cameo);
    e.description = std::move(description);
    return e;
}

/// A scenario resembling the default one (Russia-Ukraine, 22 January 2022; docs/sources/): seven actors,
/// two issues, Russia's demands on NATO enlargement and force posture, the history since October 2021.
/// Capabilities are 2021 military spending in USD bn (data/capabilities_2021.csv).
inline ScenarioSpec ukraine_like() {
    ScenarioSpec spec;
    spec.model = reference_params();
    spec.metadata.name = "Russia-Ukraine crisis (test fixture)";
    spec.metadata.start_date = "2022-01-22";
    spec.metadata.horizon = 365.0;
    spec.ladder = default_ladder();
    IssueSpec enlargement;
    enlargement.id = "nato_enlargement";
    enlargement.name = "NATO enlargement";
    enlargement.low = "open door";
    enlargement.high = "no enlargement, ever";
    enlargement.status_quo = 0.0;
    IssueSpec posture;
    posture.id = "eastern_posture";
    posture.name = "NATO posture in the east";
    posture.low = "current posture";
    posture.high = "forces back to 1997 lines";
    posture.status_quo = 0.0;
    spec.issues = {enlargement, posture};

    auto person = [](std::string name, std::string role) {
        return PersonSpec{std::move(name), std::move(role)};
    };
    ActorSpec russia = make_actor("russia", 65.9, 0.85, 0.3, 0.5);
    russia.name = "Russia";
    russia.risk_attitude = 0.3;
    russia.initial_rung = 6.5;
    russia.representatives = {person("Vladimir Putin", "President"),
                              person("Sergei Lavrov", "Foreign Minister")};
    russia.positions = {make_position("nato_enlargement", 1.0, 1.0),
                        make_position("eastern_posture", 1.0, 0.8)};
    ActorSpec ukraine = make_actor("ukraine", 5.94, 0.9, 0.5, 0.3);
    ukraine.name = "Ukraine";
    ukraine.initial_rung = 4.0;
    ukraine.representatives = {person("Volodymyr Zelensky", "President"),
                               person("Dmytro Kuleba", "Foreign Minister")};
    ukraine.positions = {make_position("nato_enlargement", 0.0, 1.0)};
    ActorSpec usa = make_actor("usa", 800.7, 0.5, 0.6, 0.5);
    usa.name = "United States";
    usa.initial_rung = 4.0;
    usa.representatives = {person("Joe Biden", "President"), person("Antony Blinken", "Secretary of State")};
    usa.positions = {make_position("nato_enlargement", 0.0, 0.6), make_position("eastern_posture", 0.1, 0.6)};
    ActorSpec nato = make_actor("nato", 356.7, 0.5, 0.6, 0.3);
    nato.name = "NATO";
    nato.kind = ActorKind::Alliance;
    nato.initial_rung = 3.0;
    nato.representatives = {person("Jens Stoltenberg", "Secretary General"),
                            person("Oana Lungescu", "Spokesperson")};
    nato.positions = {make_position("nato_enlargement", 0.0, 0.8),
                      make_position("eastern_posture", 0.0, 0.9)};
    ActorSpec japan = make_actor("japan", 54.1, 0.4, 0.4, 0.2);
    japan.name = "Japan";
    japan.representatives = {person("Fumio Kishida", "Prime Minister"),
                             person("Yoshimasa Hayashi", "Foreign Minister")};
    japan.positions = {make_position("nato_enlargement", 0.1, 0.2)};
    ActorSpec china = make_actor("china", 293.4, 0.5, 0.5, 0.2);
    china.name = "China";
    china.representatives = {person("Xi Jinping", "President"), person("Wang Yi", "Foreign Minister")};
    china.positions = {make_position("nato_enlargement", 0.7, 0.3)};
    ActorSpec belarus = make_actor("belarus", 0.76, 0.5, 0.3, 0.1);
    belarus.name = "Belarus";
    belarus.representatives = {person("Alexander Lukashenko", "President")};
    belarus.positions = {make_position("nato_enlargement", 1.0, 0.5)};
    spec.actors = {russia, ukraine, usa, nato, japan, china, belarus};

    AllianceSpec alliance;
    alliance.id = "nato_bloc";
    alliance.members = {"usa", "nato"};
    alliance.affinity = 0.9;
    alliance.commitment = 0.9;
    spec.relations.alliances.push_back(alliance);
    auto pair = [](std::string a, std::string b, double v) {
        return AffinitySpec{std::move(a), std::move(b), v, false};
    };
    spec.relations.affinities = {
        pair("russia", "usa", -0.5),  pair("russia", "nato", -0.5),   pair("russia", "ukraine", -0.7),
        pair("russia", "china", 0.5), pair("russia", "belarus", 0.8), pair("usa", "japan", 0.8),
        pair("usa", "ukraine", 0.5),  pair("nato", "ukraine", 0.4),   pair("japan", "russia", -0.2),
        pair("china", "usa", -0.3),   pair("japan", "china", -0.2),   pair("belarus", "ukraine", -0.3)};
    spec.relations.commitments = {{"usa", "japan", 0.8, {}}, {"russia", "belarus", 0.8, {}}};

    DemandSpec no_enlargement;
    no_enlargement.id = "no_enlargement";
    no_enlargement.challenger = "russia";
    no_enlargement.targets = {"usa", "nato"};
    no_enlargement.issue = "nato_enlargement";
    no_enlargement.value = 1.0;
    no_enlargement.made = -36.0;
    no_enlargement.threat = "limited_military_action";
    DemandSpec pullback;
    pullback.id = "pullback";
    pullback.challenger = "russia";
    pullback.targets = {"nato"};
    pullback.issue = "eastern_posture";
    pullback.value = 1.0;
    pullback.made = -1.0;
    spec.demands = {no_enlargement, pullback};

    const auto event = scripted_event;
    spec.events = {
        event(-84, ScriptedEventType::Mobilisation, "russia", {"ukraine"}, "154",
              "Russian troops mass near Ukraine"),
        event(-46, ScriptedEventType::Threat, "usa", {"russia"}, "1312",
              "Biden warns Putin of strong economic measures"),
        event(-38, ScriptedEventType::Support, "china", {"russia"}, "053",
              "Xi backs Putin's push for guarantees"),
        event(-23, ScriptedEventType::Threat, "russia", {"usa"}, "1313",
              "Putin: sanctions would mean a complete rupture"),
        event(-12, ScriptedEventType::Meeting, "usa", {"russia"}, "046",
              "Sherman and Ryabkov talk in Geneva"),
        event(-10, ScriptedEventType::Meeting, "nato", {"russia"}, "046", "NATO-Russia Council meets"),
        event(-1, ScriptedEventType::Meeting, "usa", {"russia"}, "044", "Blinken meets Lavrov in Geneva"),
        event(-1, ScriptedEventType::Support, "japan", {"usa"}, "036",
              "Kishida: Japan stands with the United States"),
        event(-1, ScriptedEventType::Reject, "nato", {"russia"}, "12",
              "Lungescu rejects Russia's demand on the east"),
        event(0, ScriptedEventType::Threat, "russia", {"japan"}, "111", "Lavrov warns Japan to stay out"),
        event(7, ScriptedEventType::Meeting, "usa", {"russia"}, "", "Blinken and Lavrov meet again"),
    };
    spec.events[4].issue = "nato_enlargement";
    spec.events[10].issue = "nato_enlargement";
    return spec;
}

}  // namespace brink::model::fixtures
