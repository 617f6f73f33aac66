// Tests of include/brink/io/summary_json.hpp: the scenario's part of every summary.json, and JSON text.
#include "brink/io/summary_json.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace brink::io {
namespace {

ScenarioSpec small_spec() {
    ScenarioSpec spec;
    spec.metadata.name = "Small";
    spec.metadata.start_date = "2022-01-22";
    spec.metadata.horizon = 30.0;
    spec.actors = {ActorSpec{}, ActorSpec{}};
    spec.actors[0].id = "red";
    spec.actors[0].name = "Red";
    spec.actors[1].id = "blue";
    spec.actors[1].name = "Blue";
    spec.actors[1].kind = ActorKind::Alliance;
    spec.issues = {IssueSpec{}};
    spec.issues[0].id = "border";
    spec.issues[0].name = "Border";
    spec.issues[0].low = "0";
    spec.issues[0].high = "1";
    spec.ladder = default_ladder();
    DemandSpec demand;
    demand.id = "red_border";
    demand.challenger = "red";
    demand.targets = {"blue"};
    demand.issue = "border";
    demand.value = 1.0;
    demand.threat = "war";
    spec.demands = {demand};
    return spec;
}

TEST(ScenarioSummary, GivesNamePathStartDateAndHorizon) {
    const OrderedJson json = scenario_summary(small_spec(), "scenarios/small.yaml");
    EXPECT_EQ(json.dump(), R"({"name":"Small","path":"scenarios/small.yaml","start_date":"2022-01-22",)"
                           R"("horizon_days":30.0})");
}

TEST(ScenarioSummary, WritesNullForAMissingStartDate) {
    ScenarioSpec spec = small_spec();
    spec.metadata.start_date.clear();
    EXPECT_TRUE(scenario_summary(spec, "").at("start_date").is_null());
}

TEST(SetScenarioTables, WritesActorsIssuesLadderAndDemandsInThatOrder) {
    OrderedJson json;
    json["first"] = 1;
    set_scenario_tables(json, small_spec(), DemandFields::WithTerms);
    std::vector<std::string> keys;
    for (const auto& item : json.items()) {
        keys.push_back(item.key());
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"first", "actors", "issues", "ladder", "demands"}));
    EXPECT_EQ(json["actors"][1].dump(), R"({"id":"blue","name":"Blue","kind":"alliance"})");
    EXPECT_EQ(json["issues"][0].dump(), R"({"id":"border","name":"Border","low":"0","high":"1"})");
    EXPECT_EQ(json["ladder"][9].dump(), R"({"index":9,"id":"war","name":"War","threshold":9.0})");
    EXPECT_EQ(json["demands"][0].dump(),
              R"({"id":"red_border","challenger":"red","targets":["blue"],"issue":"border","value":1.0,)"
              R"("deadline":null,"threat":"war"})");
}

TEST(SetScenarioTables, GivesAnEnsembleTheBasicDemandFields) {
    OrderedJson json;
    set_scenario_tables(json, small_spec(), DemandFields::Basic);
    EXPECT_EQ(json["demands"][0].dump(),
              R"({"id":"red_border","challenger":"red","targets":["blue"],"issue":"border","value":1.0})");
}

TEST(JsonText, IndentsByTwoEndsWithALineFeedAndReplacesInvalidUtf8) {
    OrderedJson json;
    json["name"] = "bad \xff name";
    json["value"] = json_number(std::numeric_limits<double>::quiet_NaN());
    json["text"] = json_string_or_null("");
    EXPECT_EQ(json_text(json),
              "{\n  \"name\": \"bad \xef\xbf\xbd name\",\n  \"value\": null,\n  \"text\": null\n}\n");
}

}  // namespace
}  // namespace brink::io
