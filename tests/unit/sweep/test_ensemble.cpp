// Tests of run_ensemble (include/brink/sweep/ensemble.hpp) with a fake trajectory model.
#include "brink/engine/rng.hpp"
#include "brink/io/calendar.hpp"
#include "brink/sweep/ensemble.hpp"
#include "brink_test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

namespace brink::sweep {
namespace {
namespace fs = std::filesystem;

using brink::test_support::read_file;

ScenarioSpec short_scenario() {
    ScenarioSpec spec = brink::test_support::bundled_scenario();
    spec.metadata.horizon = 4.0;
    return spec;
}

constexpr int k_runs = 256;

// Replication r (recovered from the seed) has actor 0 at rung r % 3 and position (r + 0.5) / 256 on issue 0
// every day, so the quantiles across replications are known exactly. Run 13 fails.
model::RunResult fake_trajectory(const ScenarioSpec& spec, std::uint64_t seed, std::uint64_t base) {
    std::uint64_t run = 0;
    while (engine::derive_seed(base, run) != seed) {
        ++run;
    }
    if (run == 13) {
        throw std::runtime_error("fake failure");
    }
    model::RunResult result;
    for (const auto& actor : spec.actors) {
        result.actor_ids.push_back(actor.id);
    }
    for (const auto& issue : spec.issues) {
        result.issue_ids.push_back(issue.id);
    }
    result.outcome.kind = run % 4 == 0 ? model::OutcomeKind::War : model::OutcomeKind::Standoff;
    result.outcome.time = run % 4 == 0 ? 2.5 : spec.metadata.horizon;
    result.outcome.initiator = run % 4 == 0 ? "russia" : "";
    result.outcome.target = run % 4 != 0 ? "" : (run % 12 == 0 ? "usa" : "ukraine");
    result.peak_rung = static_cast<int>(run % 3);
    result.final_positions = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(spec.actors.size()),
                                                       static_cast<Eigen::Index>(spec.issues.size()), 0.25);
    for (int day = 0; day <= static_cast<int>(spec.metadata.horizon); ++day) {
        result.trajectory.push_back(
            {static_cast<double>(day), 0, model::Metric::Rung, -1, static_cast<double>(run % 3)});
        result.trajectory.push_back({static_cast<double>(day), 0, model::Metric::Position, 0,
                                     (static_cast<double>(run) + 0.5) / k_runs});
    }
    return result;
}

class Ensemble : public ::testing::Test {
  protected:
    void SetUp() override {
        m_scratch.emplace("brink_ensemble_test");
        m_root = m_scratch->path();
    }
    EnsembleOptions options(const std::string& name, int threads) const {
        EnsembleOptions options;
        options.threads = threads;
        options.out_dir = (m_root / name).string();
        options.run = [](const ScenarioSpec& spec, std::uint64_t seed) {
            return fake_trajectory(spec, seed, 7);
        };
        return options;
    }
    std::optional<brink::test_support::TempDir> m_scratch;
    fs::path m_root;
};

TEST_F(Ensemble, OutputsAreByteIdenticalForOneAndTwoThreads) {
    const ScenarioSpec spec = short_scenario();
    const EnsembleResult one = run_ensemble(spec, 7, k_runs, options("t1", 1));
    run_ensemble(spec, 7, k_runs, options("t2", 2));
    EXPECT_TRUE(one.complete);
    for (const char* file : {"runs.csv", "quantiles.csv", "bands.csv", "summary.json"}) {
        EXPECT_EQ(read_file(m_root / "t1" / file), read_file(m_root / "t2" / file)) << file;
    }
}

TEST_F(Ensemble, CountsOutcomesAndKeepsAFailedRunAsARow) {
    const ScenarioSpec spec = short_scenario();
    const EnsembleResult result = run_ensemble(spec, 7, k_runs, options("out", 2));
    EXPECT_EQ(result.runs, k_runs);
    EXPECT_EQ(result.failed, 1);
    EXPECT_EQ(result.outcomes.at("war"), 64);  // runs 0, 4, ..., 252 (13 is not among them)
    EXPECT_DOUBLE_EQ(result.p_war, 64.0 / 255.0);
    EXPECT_DOUBLE_EQ(result.median_time_to_war, 2.5);
    const std::string runs = read_file(m_root / "out" / "runs.csv");
    EXPECT_EQ(runs.rfind("run,seed,outcome,time,date,initiator,target,peak_rung,violence,war_start,war_end,"
                         "war_how,position:russia:",
                         0),
              0U);
    // Every row, the failed one too, has the header's columns (the fake has no war record: violence 1).
    std::istringstream lines(runs);
    std::string line;
    std::getline(lines, line);
    const auto columns = std::count(line.begin(), line.end(), ',');
    EXPECT_NE(line.find(",outcome:russia,"), std::string::npos);
    while (std::getline(lines, line)) {
        EXPECT_EQ(std::count(line.begin(), line.end(), ','), columns) << line;
    }
    EXPECT_NE(runs.find("\n13," + std::to_string(engine::derive_seed(7, 13)) + ",,,,,,,"), std::string::npos);
    EXPECT_NE(runs.find(",fake failure\n"), std::string::npos);
    EXPECT_NE(runs.find("\n0," + std::to_string(engine::derive_seed(7, 0)) +
                        ",war,2.5,2022-01-24,russia,usa,0,1,,,,0.25"),
              std::string::npos);
    // Wars by pair, most frequent first: of the 64 war runs (multiples of 4), the 22 multiples of 12 are
    // against the United States, the other 42 against Ukraine.
    const std::vector<WarCount> wars = wars_by_count(result);
    ASSERT_EQ(wars.size(), 2U);
    EXPECT_EQ(wars[0].target, "ukraine");
    EXPECT_EQ(wars[0].runs, 42);
    EXPECT_EQ(wars[1].target, "usa");
    EXPECT_EQ(wars[1].runs, 22);
    EXPECT_EQ(wars[1].initiator, "russia");
    const std::string summary = read_file(m_root / "out" / "summary.json");
    EXPECT_NE(summary.find(R"("wars": [
    {
      "initiator": "russia",
      "target": "ukraine",
      "runs": 42
    },)"),
              std::string::npos)
        << summary;
}

TEST_F(Ensemble, HandsOverEachRowsValuesInRunOrderOnAnyThreadCount) {
    const ScenarioSpec spec = short_scenario();
    for (const int threads : {1, 2}) {
        std::vector<RunRow> rows;
        EnsembleOptions with_rows = options("rows" + std::to_string(threads), threads);
        with_rows.on_row = [&rows](const RunRow& row) { rows.push_back(row); };
        run_ensemble(spec, 7, k_runs, with_rows);
        ASSERT_EQ(rows.size(), static_cast<std::size_t>(k_runs));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            EXPECT_EQ(rows[r].run, r);
            EXPECT_EQ(rows[r].seed, engine::derive_seed(7, r));
        }
        // The values the file's row 0 holds: war on day 2.5 (2022-01-24), russia against usa, positions 0.25.
        const RunRow& war = rows[0];
        ASSERT_TRUE(war.outcome.has_value());
        EXPECT_EQ(*war.outcome, model::OutcomeKind::War);
        EXPECT_DOUBLE_EQ(war.time, 2.5);
        ASSERT_TRUE(war.day.has_value());
        EXPECT_EQ(io::days_to_date(*war.day), "2022-01-24");
        EXPECT_EQ(war.initiator, "russia");
        EXPECT_EQ(war.target, "usa");
        EXPECT_EQ(war.violence, 1);
        EXPECT_FALSE(war.war_how.has_value());  // the fake records no war
        EXPECT_EQ(war.positions.size(), runs_position_columns(spec).size());
        EXPECT_DOUBLE_EQ(war.positions.at(0), 0.25);
        EXPECT_EQ(war.actor_outcomes.size(), spec.actors.size());
        EXPECT_EQ(rows[1].peak_rung, 1);
        // The failed run: no outcome, its message, nothing else.
        EXPECT_FALSE(rows[13].outcome.has_value());
        EXPECT_EQ(rows[13].error, "fake failure");
        EXPECT_TRUE(rows[13].positions.empty());
        EXPECT_TRUE(rows[1].error.empty());
    }
    // The column names are the file's header.
    const std::vector<std::string> columns = runs_columns(spec);
    std::string header;
    for (const std::string& column : columns) {
        header += (header.empty() ? "" : ",") + column;
    }
    EXPECT_EQ(read_file(m_root / "rows1" / "runs.csv").substr(0, header.size() + 1), header + "\n");
    EXPECT_EQ(columns.size(), 12 + runs_position_columns(spec).size() + spec.actors.size() + 1);
}

TEST_F(Ensemble, QuantilesMatchTheExactQuantilesOfTheReplications) {
    const ScenarioSpec spec = short_scenario();
    run_ensemble(spec, 7, k_runs, options("out", 2));
    const std::string quantiles = read_file(m_root / "out" / "quantiles.csv");
    EXPECT_EQ(quantiles.rfind("day,date,actor,metric,q10,q50,q90\n", 0), 0U);
    // Rungs r % 3 over the 255 successful runs: 85 of each of 0, 1, 2 -> inverse-ECDF quantiles 0, 1, 2.
    EXPECT_NE(quantiles.find("\n2,2022-01-24,russia,rung,0,1,2\n"), std::string::npos)
        << quantiles.substr(0, 400);
    // Positions (r + 0.5)/256 fill one 1/256 bin each: the interpolated quantiles are within a bin of the
    // exact ones (q50 of 255 values is 128/256 = 0.5 up to one bin width).
    const std::size_t at = quantiles.find("\n2,2022-01-24,russia,position:");
    ASSERT_NE(at, std::string::npos);
    std::istringstream row(quantiles.substr(at + 1, quantiles.find('\n', at + 1) - at - 1));
    std::string field;
    std::vector<std::string> fields;
    while (std::getline(row, field, ',')) {
        fields.push_back(field);
    }
    ASSERT_EQ(fields.size(), 7U);
    EXPECT_NEAR(std::stod(fields[4]), 0.1, 1.0 / 256);
    EXPECT_NEAR(std::stod(fields[5]), 0.5, 1.0 / 256);
    EXPECT_NEAR(std::stod(fields[6]), 0.9, 1.0 / 256);
}

TEST_F(Ensemble, BandsSeparateWarFromTheOtherRunsAndEndEachRunWithItsCrisis) {
    const ScenarioSpec spec = short_scenario();  // horizon 4: days 0..4
    EnsembleOptions settings = options("out", 2);
    // Even runs: war (first shot on day 2.5) with Russia at rung 3; odd runs: a settlement on day 1.2 at
    // rung 1.
    settings.run = [](const ScenarioSpec& scenario, std::uint64_t seed) {
        std::uint64_t run = 0;
        while (engine::derive_seed(7, run) != seed) {
            ++run;
        }
        model::RunResult result;
        for (const auto& actor : scenario.actors) {
            result.actor_ids.push_back(actor.id);
        }
        for (const auto& issue : scenario.issues) {
            result.issue_ids.push_back(issue.id);
        }
        const bool war = run % 2 == 0;
        result.outcome.kind = war ? model::OutcomeKind::War : model::OutcomeKind::Settlement;
        result.outcome.time = war ? 2.5 : 1.2;
        if (war) {
            result.outcome.war.start = 2.5;
            result.outcome.war.how = model::WarEnd::FirstShot;
        }
        result.final_positions =
            Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(scenario.actors.size()),
                                      static_cast<Eigen::Index>(scenario.issues.size()), 0.5);
        for (int day = 0; day <= 4; ++day) {
            result.trajectory.push_back(
                {static_cast<double>(day), 0, model::Metric::Rung, -1, war ? 3.0 : 1.0});
        }
        return result;
    };
    const EnsembleResult result = run_ensemble(spec, 7, 10, settings);
    EXPECT_EQ(result.written.size(), 4U);
    const std::string bands = read_file(m_root / "out" / "bands.csv");
    // Wars count through day 3 (the first shot on day 2.5, shown on day 3), settlements through day 2; each
    // group's quantiles are its own (3 for the wars, 1 for the settlements), never a mixture.
    EXPECT_EQ(bands,
              "day,date,outcome,actor,runs,q10,q50,q90\n"
              "0,2022-01-22,war,russia,5,3,3,3\n"
              "0,2022-01-22,no_war,russia,5,1,1,1\n"
              "1,2022-01-23,war,russia,5,3,3,3\n"
              "1,2022-01-23,no_war,russia,5,1,1,1\n"
              "2,2022-01-24,war,russia,5,3,3,3\n"
              "2,2022-01-24,no_war,russia,5,1,1,1\n"
              "3,2022-01-25,war,russia,5,3,3,3\n");
    // quantiles.csv keeps its documented meaning: every run, held at its final state to the horizon.
    EXPECT_NE(read_file(m_root / "out" / "quantiles.csv").find("\n4,2022-01-26,russia,rung,1,1,3\n"),
              std::string::npos);
}

TEST_F(Ensemble, SummaryWritesNullForNoStartDateAndSurvivesInvalidUtf8) {
    ScenarioSpec spec = short_scenario();
    spec.metadata.start_date.clear();
    spec.metadata.name = "bad \xff name";
    const EnsembleResult result = run_ensemble(spec, 7, 8, options("out", 1));
    EXPECT_TRUE(result.complete);
    const std::string summary = read_file(m_root / "out" / "summary.json");
    EXPECT_NE(summary.find("\"start_date\": null,"), std::string::npos) << summary.substr(0, 300);
    EXPECT_NE(summary.find("\"name\": \"bad \xef\xbf\xbd name\""), std::string::npos)
        << summary.substr(0, 300);
}

TEST_F(Ensemble, RejectsZeroRuns) {
    EXPECT_THROW(run_ensemble(short_scenario(), 1, 0, options("zero", 1)), std::invalid_argument);
}

}  // namespace
}  // namespace brink::sweep
