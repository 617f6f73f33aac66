// Outcomes of replications of several scenarios (include/brink/sweep/replications.hpp), on the runner's pool.
#include "brink/sweep/replications.hpp"

#include "brink/engine/rng.hpp"
#include "brink/model/crisis.hpp"

#include "executor.hpp"

#include <chrono>
#include <optional>
#include <stdexcept>

namespace brink::sweep {

std::vector<std::vector<ReplicationOutcome>> run_replications(const std::vector<ReplicationJob>& jobs,
                                                              const ReplicationOptions& options) {
    // Global ids run through the jobs in order: id = offset of the job + run.
    std::vector<std::uint64_t> offsets;
    std::uint64_t total = 0;
    for (const ReplicationJob& job : jobs) {
        if (job.spec == nullptr || job.runs < 1) {
            throw std::invalid_argument("run_replications: every job needs a scenario and runs >= 1");
        }
        offsets.push_back(total);
        total += static_cast<std::uint64_t>(job.runs);
    }
    std::vector<std::vector<ReplicationOutcome>> results(jobs.size());
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        results[j].reserve(static_cast<std::size_t>(jobs[j].runs));
    }
    const auto locate = [&](std::uint64_t id) {
        const auto found = std::upper_bound(offsets.begin(), offsets.end(), id);
        const auto job = static_cast<std::size_t>(std::distance(offsets.begin(), found) - 1);
        return std::make_pair(job, id - offsets[job]);
    };

    std::function<ReplicationOutcome(std::uint64_t)> work = [&](std::uint64_t id) {
        const auto [job, run] = locate(id);
        ReplicationOutcome outcome;
        outcome.seed = engine::derive_seed(jobs[job].base_seed, run);
        try {
            model::RunOptions run_options;
            run_options.record_trajectory = false;
            run_options.record_events = jobs[job].keep_dyads;
            model::RunResult result = model::run_crisis(*jobs[job].spec, outcome.seed, run_options);
            outcome.outcome = std::move(result.outcome);
            outcome.peak_rung = result.peak_rung;
            if (jobs[job].keep_dyads) {
                outcome.dyads = std::move(result.dyads);
                outcome.affinity_start = std::move(result.affinity_start);
            }
        } catch (const std::exception& error) {
            outcome.error = error.what()[0] != '\0' ? error.what() : "run failed";
        }
        return outcome;
    };
    std::uint64_t failed = 0;
    std::function<void(std::uint64_t, ReplicationOutcome &&)> emit = [&](std::uint64_t id,
                                                                         ReplicationOutcome&& outcome) {
        failed += outcome.error.empty() ? 0U : 1U;
        results[locate(id).first].push_back(std::move(outcome));
    };
    detail::execute_counted<ReplicationOutcome>(total, options.threads, work, emit, options.stop,
                                                options.progress, [&] { return failed; });
    return results;
}

}  // namespace brink::sweep
