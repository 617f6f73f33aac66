// brink sweep: the outcomes of replications of several scenarios, in memory, for commands that score or
// compare ensembles (`brink score`). Same seeds as an ensemble: replication r of a job has seed
// engine::derive_seed(job's base seed, r), so a job's outcomes are those `brink run FILE --runs N --seed S`
// tallies. The runs go through the sweep runner's thread pool (one pool for every job) and come back in
// (job, run) order: the results are identical for any thread count.
#pragma once

#include "brink/model/run_result.hpp"
#include "brink/scenario.hpp"
#include "brink/sweep/sweep.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace brink::sweep {

/// The replications of one scenario.
struct ReplicationJob {
    const ScenarioSpec* spec = nullptr;  ///< The scenario (not owned; must outlive the call). Required.
    std::uint64_t base_seed = 1;         ///< Seeds are engine::derive_seed(base_seed, run). Default 1.
    int runs = 1;                        ///< Replications. Range [1, 1e8]. Default 1.
    bool keep_dyads = false;  ///< Keep each run's daily dyad sums and starting affinities (records events).
};

/// What one replication ended in.
struct ReplicationOutcome {
    std::uint64_t seed = 0;             ///< The replication's seed.
    model::Outcome outcome;             ///< The run's verdict (kind, time, violence, actor outcomes, war).
    int peak_rung = 0;                  ///< Highest rung index any actor reached.
    std::string error;                  ///< Non-empty when the run threw (then `outcome` is meaningless).
    std::vector<model::DyadDay> dyads;  ///< With ReplicationJob::keep_dyads: the run's daily dyad sums.
    Eigen::MatrixXd affinity_start;     ///< With keep_dyads: affinities at day 0 (actors × actors).
};

/// How to run the replications.
struct ReplicationOptions {
    int threads = 0;  ///< Worker threads; 0 = std::thread::hardware_concurrency(). Default 0.
    std::function<void(const Progress&)>
        progress;  ///< Called about every 100 ms and at the end (total = every job's runs). Default none.
    const std::atomic<bool>* stop = nullptr;  ///< Set to stop; the result then holds the finished runs.
};

/// Runs every job's replications (model::run_crisis without trajectory or events) and returns, per job, its
/// outcomes in run order (fewer than `runs` only when stopped). Throws std::invalid_argument for a job with
/// no spec or runs < 1.
std::vector<std::vector<ReplicationOutcome>> run_replications(const std::vector<ReplicationJob>& jobs,
                                                              const ReplicationOptions& options = {});

}  // namespace brink::sweep
