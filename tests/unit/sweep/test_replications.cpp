// Tests of include/brink/sweep/replications.hpp: run order, seeds, and the same outcomes on any thread count.
#include "brink/sweep/replications.hpp"

#include "brink/engine/rng.hpp"
#include "brink/model/crisis.hpp"

#include "brink_test_support.hpp"

#include <gtest/gtest.h>

namespace brink::sweep {
namespace {

TEST(RunReplications, GivesEachJobItsRunsInOrderWithEnsembleSeeds) {
    const ScenarioSpec& spec = test_support::bundled_scenario();
    const ScenarioSpec& cuba = test_support::bundled_scenario("cuba_1962.yaml");
    const std::vector<ReplicationJob> jobs = {{&spec, 5, 6}, {&cuba, 9, 4}};
    const auto one = run_replications(jobs, {1, {}, nullptr});
    const auto three = run_replications(jobs, {3, {}, nullptr});
    ASSERT_EQ(one.size(), 2U);
    ASSERT_EQ(one[0].size(), 6U);
    ASSERT_EQ(one[1].size(), 4U);
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        for (std::size_t r = 0; r < one[j].size(); ++r) {
            EXPECT_EQ(one[j][r].seed, engine::derive_seed(jobs[j].base_seed, r));
            EXPECT_EQ(one[j][r].seed, three[j][r].seed);
            EXPECT_EQ(one[j][r].outcome.kind, three[j][r].outcome.kind);
            EXPECT_EQ(one[j][r].outcome.time, three[j][r].outcome.time);
            EXPECT_EQ(one[j][r].outcome.violence, three[j][r].outcome.violence);
            EXPECT_TRUE(one[j][r].error.empty());
        }
    }
    // The same verdict as the model run directly with that seed.
    const model::RunResult direct = model::run_crisis(cuba, engine::derive_seed(9, 2), {false, false});
    EXPECT_EQ(direct.outcome.kind, one[1][2].outcome.kind);
    EXPECT_EQ(direct.outcome.time, one[1][2].outcome.time);
}

TEST(RunReplications, RefusesAJobWithoutRuns) {
    const ScenarioSpec& spec = test_support::bundled_scenario();
    EXPECT_THROW(run_replications({{&spec, 1, 0}}), std::invalid_argument);
    EXPECT_THROW(run_replications({{nullptr, 1, 3}}), std::invalid_argument);
}

}  // namespace
}  // namespace brink::sweep
