// Tests of include/brink/io/run_writer.hpp against docs/outputs.md, on a small hand-built RunResult.
#include "brink/io/atomic_file.hpp"
#include "brink/io/run_writer.hpp"
#include "brink_test_support.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>

namespace fs = std::filesystem;
using brink::model::EventType;
using brink::model::Metric;

namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

brink::ScenarioSpec two_actor_spec() {
    brink::ScenarioSpec spec;
    spec.metadata.name = "Two actors";
    spec.metadata.start_date = "2022-01-22";
    spec.metadata.horizon = 30.0;
    spec.source_path = "tests/two.yaml";
    spec.issues.push_back({"nato", "NATO enlargement", "", "open door", "no enlargement", 0.0, ""});
    brink::ActorSpec russia;
    russia.id = "russia";
    russia.name = "Russia";
    brink::ActorSpec ukraine;
    ukraine.id = "ukraine";
    ukraine.name = "Ukraine";
    spec.actors = {russia, ukraine};
    spec.ladder.rungs = {{"normal", "Normal relations", 0.0, "01"},
                         {"threats", "Threats", 1.0, "13"},
                         {"war", "War", 2.0, "19"}};
    brink::DemandSpec demand;
    demand.id = "russia_nato";
    demand.challenger = "russia";
    demand.targets = {"ukraine"};
    demand.issue = "nato";
    demand.value = 1.0;
    demand.threat = "war";
    spec.demands = {demand};
    return spec;
}

brink::model::EventRecord event(double time, std::uint64_t seq, EventType type, int source, int target,
                                int issue, double value, const char* cameo, double goldstein,
                                const char* description, bool key) {
    brink::model::EventRecord record;
    record.time = time;
    record.seq = seq;
    record.type = type;
    record.source = source;
    record.target = target;
    record.issue = issue;
    record.value = value;
    record.cameo = cameo;
    record.goldstein = goldstein;
    record.description = description;
    record.key = key;
    return record;
}

brink::model::RunResult two_actor_result() {
    brink::model::RunResult result;
    result.scenario = "Two actors";
    result.seed = 7;
    result.actor_ids = {"russia", "ukraine"};
    result.actor_names = {"Russia", "Ukraine"};
    result.issue_ids = {"nato"};
    result.rung_names = {"Normal relations", "Threats", "War"};
    result.outcome.kind = brink::model::OutcomeKind::War;
    result.outcome.time = 12.25;
    result.outcome.initiator = "russia";
    result.outcome.target = "ukraine";
    result.outcome.description = "Russia attacks Ukraine";
    result.outcome.violence = 4;
    result.outcome.war.start = 12.25;
    result.outcome.war.how = brink::model::WarEnd::Ongoing;
    result.outcome.war.battles = 3;
    result.outcome.war.initiator_side = {0};
    result.outcome.war.target_side = {1};
    result.outcome.actor_outcomes = {{"ukraine", brink::model::ActorOutcome::Stalemate},
                                     {"russia", brink::model::ActorOutcome::Stalemate}};
    brink::model::BdmPairRecord pair;
    pair.time = 7.0;
    pair.issue = 0;
    pair.round = 1;
    pair.actor = 1;
    pair.other = 0;
    pair.position = 0.0;
    pair.other_position = 1.0;
    pair.median = 1.0;
    pair.mean = 0.75;
    pair.votes = 0.5;
    pair.probability = 0.25;
    pair.expected_utility = -0.125;
    pair.perceived_utility = 0.5;
    pair.outcome = brink::model::BdmPairOutcome::Capitulation;
    pair.new_position = 1.0;
    pair.moved_to = 0.5;
    result.bdm_rounds = {pair};
    // Deliberately out of the documented order: the writer sorts.
    result.trajectory = {
        {1.0, 1, Metric::Rung, -1, 0.0},      {0.0, 1, Metric::Rung, -1, 0.0},
        {0.0, 0, Metric::Position, 0, 1.0},   {0.0, 0, Metric::Rung, -1, 0.0},
        {0.0, 0, Metric::Pressure, -1, 0.25}, {1.0, 0, Metric::ExpectedSupport, -1, k_nan},
    };
    result.events = {
        event(-3.5, 0, EventType::Statement, 0, 1, 0, 0.9, "036", 4.0, "Lavrov says \"no\", in Geneva", true),
        event(2.75, 1, EventType::Meeting, 1, 0, -1, 0.3, "040", 1.0, "Talks", false),
        event(12.25, 2, EventType::War, 0, 1, -1, 0.0, "190", -10.0, "Russia attacks Ukraine", true),
    };
    result.dyads = {{2, 1, 0, 1.0, 1}, {-4, 0, 1, 4.0, 1}, {12, 0, 1, -10.0, 1}};
    result.final_positions = Eigen::MatrixXd(2, 1);
    result.final_positions << 1.0, k_nan;
    result.affinity_start = Eigen::MatrixXd(2, 2);
    result.affinity_start << 1.0, -0.5, -0.5, 1.0;
    result.affinity_end = Eigen::MatrixXd(2, 2);
    result.affinity_end << 1.0, -0.75, k_nan, 1.0;
    result.peak_rung = 2;
    result.peak_rung_actor = 0;
    result.peak_rung_time = 12.25;
    result.event_counts = {{"meeting", 1}, {"statement", 1}, {"war", 1}};
    result.engine_events = 42;
    return result;
}

using brink::test_support::read_file;

class TempDir : public brink::test_support::TempDir {
  public:
    TempDir() : brink::test_support::TempDir("brink_writer") {}
};

bool has_temporary(const fs::path& dir) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (entry.path().filename().string().find(".tmp-") != std::string::npos) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST(DateAt, CountsWholeDaysFromTheStartDateFlooringNegativeTimes) {
    const brink::ScenarioSpec spec = two_actor_spec();
    EXPECT_EQ(brink::io::date_at(spec, 0.0), "2022-01-22");
    EXPECT_EQ(brink::io::date_at(spec, 0.99), "2022-01-22");
    EXPECT_EQ(brink::io::date_at(spec, 10.0), "2022-02-01");
    EXPECT_EQ(brink::io::date_at(spec, -0.5), "2022-01-21");
    EXPECT_EQ(brink::io::date_at(spec, 38.0), "2022-03-01");
    EXPECT_EQ(brink::io::date_at(spec, k_nan), "");
}

TEST(DateAt, IsEmptyWithoutAStartDate) {
    brink::ScenarioSpec spec = two_actor_spec();
    spec.metadata.start_date.clear();
    EXPECT_EQ(brink::io::date_at(spec, 3.0), "");
}

TEST(TrajectoryCsv, SortsByTimeActorAndMetricAndLeavesNanEmpty) {
    EXPECT_EQ(brink::io::trajectory_csv(two_actor_spec(), two_actor_result()),
              "time,date,actor,metric,value\n"
              "0,2022-01-22,russia,rung,0\n"
              "0,2022-01-22,russia,pressure,0.25\n"
              "0,2022-01-22,russia,position:nato,1\n"
              "0,2022-01-22,ukraine,rung,0\n"
              "1,2022-01-23,russia,expected_support,\n"
              "1,2022-01-23,ukraine,rung,0\n");
}

TEST(EventsCsv, WritesTheLogWithQuotedDescriptionsAndCameoCodesAsText) {
    EXPECT_EQ(
        brink::io::events_csv(two_actor_spec(), two_actor_result()),
        "time,date,seq,type,source,target,issue,value,cameo,goldstein,key,description\n"
        "-3.5,2022-01-18,0,statement,russia,ukraine,nato,0.9,036,4,1,\"Lavrov says \"\"no\"\", in Geneva\"\n"
        "2.75,2022-01-24,1,meeting,ukraine,russia,,,040,1,0,Talks\n"
        "12.25,2022-02-03,2,war,russia,ukraine,,,190,-10,1,Russia attacks Ukraine\n");
}

TEST(EventsCsv, LeavesDatesEmptyWithoutAStartDate) {
    brink::ScenarioSpec spec = two_actor_spec();
    spec.metadata.start_date.clear();
    brink::model::RunResult result = two_actor_result();
    result.events.resize(1);
    EXPECT_EQ(brink::io::events_csv(spec, result),
              "time,date,seq,type,source,target,issue,value,cameo,goldstein,key,description\n"
              "-3.5,,0,statement,russia,ukraine,nato,0.9,036,4,1,\"Lavrov says \"\"no\"\", in Geneva\"\n");
}

TEST(DyadsCsv, SortsByDaySourceAndTarget) {
    EXPECT_EQ(brink::io::dyads_csv(two_actor_spec(), two_actor_result()),
              "day,date,source,target,goldstein_sum,events\n"
              "-4,2022-01-18,russia,ukraine,4,1\n"
              "2,2022-01-24,ukraine,russia,1,1\n"
              "12,2022-02-03,russia,ukraine,-10,1\n");
}

TEST(SummaryJson, HoldsTheDocumentedFieldsInTheDocumentedOrder) {
    const std::string text =
        brink::io::summary_json(two_actor_spec(), two_actor_result(), "brink run --seed 7");
    const auto json = nlohmann::ordered_json::parse(text);
    std::vector<std::string> keys;
    for (const auto& item : json.items()) {
        keys.push_back(item.key());
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"brink_version", "command", "scenario", "seed", "outcome",
                                              "peak_rung", "final_positions", "event_counts", "actors",
                                              "issues", "ladder", "demands", "affinity", "key_events",
                                              "not_reached", "engine_events"}));
    EXPECT_EQ(json["brink_version"], BRINK_VERSION);
    EXPECT_EQ(json["command"], "brink run --seed 7");
    EXPECT_EQ(json["scenario"]["name"], "Two actors");
    EXPECT_EQ(json["scenario"]["path"], "tests/two.yaml");
    EXPECT_EQ(json["scenario"]["start_date"], "2022-01-22");
    EXPECT_EQ(json["scenario"]["horizon_days"], 30.0);
    EXPECT_EQ(json["seed"], 7);
    EXPECT_EQ(json["outcome"]["kind"], "war");
    EXPECT_EQ(json["outcome"]["time"], 12.25);
    EXPECT_EQ(json["outcome"]["date"], "2022-02-03");
    EXPECT_EQ(json["outcome"]["initiator"], "russia");
    EXPECT_EQ(json["outcome"]["target"], "ukraine");
    EXPECT_EQ(json["peak_rung"], nlohmann::ordered_json::parse(
                                     R"({"index": 2, "name": "War", "actor": "russia", "time": 12.25})"));
    EXPECT_EQ(json["final_positions"],
              nlohmann::ordered_json::parse(R"({"russia": {"nato": 1.0}, "ukraine": {}})"));
    EXPECT_EQ(json["event_counts"]["war"], 1);
    EXPECT_EQ(json["actors"][1],
              nlohmann::ordered_json::parse(R"({"id": "ukraine", "name": "Ukraine", "kind": "state"})"));
    EXPECT_EQ(json["issues"][0]["low"], "open door");
    EXPECT_EQ(json["ladder"][2]["id"], "war");
    EXPECT_EQ(json["demands"][0]["targets"], nlohmann::ordered_json::parse(R"(["ukraine"])"));
    EXPECT_TRUE(json["demands"][0]["deadline"].is_null());
    EXPECT_EQ(json["affinity"]["start"][0][1], -0.5);
    EXPECT_TRUE(json["affinity"]["end"][1][0].is_null());
    ASSERT_EQ(json["key_events"].size(), 2U);
    EXPECT_EQ(json["key_events"][0]["date"], "2022-01-18");
    EXPECT_EQ(json["key_events"][1]["type"], "war");
    EXPECT_EQ(json["engine_events"], 42);
}

TEST(SummaryJson, HoldsTheWarAndEachPrincipalsOutcome) {
    const auto json = nlohmann::ordered_json::parse(
        brink::io::summary_json(two_actor_spec(), two_actor_result(), "brink run --seed 7"));
    EXPECT_EQ(json["outcome"]["violence"], 4);
    EXPECT_EQ(json["outcome"]["war"], nlohmann::ordered_json::parse(R"({"start": 12.25,
        "start_date": "2022-02-03", "end": null, "end_date": null, "how": "ongoing", "battles": 3,
        "settlement": null, "initiator_side": ["russia"], "target_side": ["ukraine"]})"));
    // In the scenario's actor order, not the map's.
    EXPECT_EQ(json["outcome"]["actor_outcomes"].dump(), R"({"russia":"stalemate","ukraine":"stalemate"})");
}

TEST(BdmRoundsCsv, WritesEveryOrderedPairWithIdsAndAnEmptyOfferForNowhere) {
    EXPECT_EQ(
        brink::io::bdm_rounds_csv(two_actor_spec(), two_actor_result()),
        "time,date,issue,round,actor,other,position,other_position,median,mean,spread,votes,probability,"
        "expected_utility,perceived_utility,risk,outcome,offer,new_position,moved_to\n"
        "7,2022-01-29,nato,1,ukraine,russia,0,1,1,0.75,1,0.5,0.25,-0.125,0.5,1,capitulation,,1,0.5\n");
}

TEST(SummaryJson, NeverContainsNanOrInfinity) {
    brink::model::RunResult result = two_actor_result();
    result.outcome.time = std::numeric_limits<double>::infinity();
    result.peak_rung_time = k_nan;
    const std::string text = brink::io::summary_json(two_actor_spec(), result, "brink run");
    EXPECT_EQ(text.find("NaN"), std::string::npos);
    EXPECT_EQ(text.find("nan"), std::string::npos);
    EXPECT_EQ(text.find("inf"), std::string::npos);
    const auto json = nlohmann::json::parse(text);
    EXPECT_TRUE(json["outcome"]["time"].is_null());
    EXPECT_TRUE(json["outcome"]["date"].is_null());
}

TEST(SummaryJson, UsesNullForAStandoffWithoutInitiator) {
    brink::model::RunResult result = two_actor_result();
    result.outcome = brink::model::Outcome{};
    result.outcome.kind = brink::model::OutcomeKind::Standoff;
    result.outcome.time = 30.0;
    result.outcome.description = "Demands unresolved at the horizon";
    const auto json = nlohmann::json::parse(brink::io::summary_json(two_actor_spec(), result, "brink run"));
    EXPECT_EQ(json["outcome"]["kind"], "standoff");
    EXPECT_TRUE(json["outcome"]["initiator"].is_null());
    EXPECT_TRUE(json["outcome"]["target"].is_null());
}

TEST(WriteRun, WritesTheFiveFilesAndNoTemporaries) {
    TempDir dir;
    const fs::path out = dir.path() / "out" / "two";
    const brink::ScenarioSpec spec = two_actor_spec();
    const brink::model::RunResult result = two_actor_result();
    brink::io::write_run(out, spec, result, "brink run");
    EXPECT_EQ(read_file(out / "trajectory.csv"), brink::io::trajectory_csv(spec, result));
    EXPECT_EQ(read_file(out / "events.csv"), brink::io::events_csv(spec, result));
    EXPECT_EQ(read_file(out / "dyads.csv"), brink::io::dyads_csv(spec, result));
    EXPECT_EQ(read_file(out / "bdm_rounds.csv"), brink::io::bdm_rounds_csv(spec, result));
    EXPECT_EQ(read_file(out / "summary.json"), brink::io::summary_json(spec, result, "brink run"));
    EXPECT_FALSE(has_temporary(out));
}

TEST(WriteRun, WritesNothingWhenOneFileCannotBeWritten) {
    TempDir dir;
    const fs::path out = dir.path() / "run";
    fs::create_directories(out);
    brink::io::write_file_atomically(out / "trajectory.csv", "previous run\n");
    fs::create_directory(out / "dyads.csv");  // the third file cannot be created
    try {
        brink::io::write_run(out, two_actor_spec(), two_actor_result(), "brink run");
        FAIL() << "write_run did not throw";
    } catch (const brink::io::IoError& error) {
        EXPECT_NE(std::string(error.what()).find((out / "dyads.csv").string()), std::string::npos)
            << error.what();
    }
    EXPECT_EQ(read_file(out / "trajectory.csv"), "previous run\n");
    EXPECT_FALSE(fs::exists(out / "events.csv"));
    EXPECT_FALSE(fs::exists(out / "summary.json"));
    EXPECT_FALSE(has_temporary(out));
}

TEST(WriteRun, OutputPathThatIsAFileIsAnErrorNamingIt) {
    TempDir dir;
    const fs::path out = dir.path() / "taken";
    brink::io::write_file_atomically(out, "a file\n");
    try {
        brink::io::write_run(out, two_actor_spec(), two_actor_result(), "brink run");
        FAIL() << "write_run did not throw";
    } catch (const brink::io::IoError& error) {
        EXPECT_NE(std::string(error.what()).find("'" + out.string() + "'"), std::string::npos)
            << error.what();
    }
    EXPECT_EQ(read_file(out), "a file\n");
}

TEST(CommandLineText, QuotesOnlyArgumentsThatNeedIt) {
    EXPECT_EQ(
        brink::io::command_line_text({"brink", "run", "--set", "actors.russia.resolve=0.8", "--seed", "3"}),
        "brink run --set actors.russia.resolve=0.8 --seed 3");
    EXPECT_EQ(brink::io::command_line_text({"brink", "run", "my scenario.yaml", "it's", ""}),
              "brink run 'my scenario.yaml' 'it'\\''s' ''");
}
