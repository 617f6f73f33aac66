// The `brink._brink` extension (private): an ensemble's runs table kept as typed columns while the runs
// finish (sweep::EnsembleOptions::on_row), so that brink.Ensemble.runs is built from numpy arrays without
// writing or reading a line of text.
#pragma once

#include "brink/scenario.hpp"
#include "brink/sweep/ensemble.hpp"

#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace brink::python {

/// runs.csv's rows as columns. Columns and values are runs.csv's (sweep::runs_columns); the dtypes are fixed,
/// not inferred from the values: run int64, seed uint64, time, war_start, war_end and the positions float64
/// (NaN when empty), date days since 1970-01-01 (NaT when empty), peak_rung and violence int64 (float64 with
/// NaN when a run failed), outcome, initiator, target, war_how and outcome:<actor> categories with every
/// possible value as categories (actor ids in the scenario's order), error text.
class RunsTable {
  public:
    /// The table of `spec`'s runs; `kept` names the columns kept (nullopt: every one).
    RunsTable(const ScenarioSpec& spec, const std::optional<std::vector<std::string>>& kept);

    /// Adds one finished run's row (rows come in run order; no Python object is touched).
    void add(const sweep::RunRow& row);

    /// The kept columns, in runs.csv's order, as a dict from name to a numpy array or a tuple
    /// ("category", int32 codes with -1 for empty, categories), ("date", int64 days since 1970-01-01 with
    /// NaT as INT64_MIN) or ("string", a list of str with None for empty) -- the form of read_columns.
    pybind11::dict columns() const;

    /// Rows added so far.
    std::size_t rows() const { return m_run.size(); }

  private:
    std::vector<std::string> m_names;
    std::vector<bool> m_kept;  // per column of m_names
    std::vector<std::string> m_actor_ids;
    std::size_t m_first_position = 0;  // index in m_names of the first position:<actor>:<issue> column
    std::size_t m_position_count = 0;
    std::size_t m_first_actor_outcome = 0;
    long m_epoch = 0;  // io::date_to_days("1970-01-01")
    bool m_any_failed = false;

    std::vector<std::int64_t> m_run;
    std::vector<std::uint64_t> m_seed;
    std::vector<std::int32_t> m_outcome;
    std::vector<double> m_time;
    std::vector<std::int64_t> m_date;
    std::vector<std::int32_t> m_initiator;
    std::vector<std::int32_t> m_target;
    std::vector<std::int64_t> m_peak_rung;
    std::vector<std::int64_t> m_violence;
    std::vector<double> m_war_start;
    std::vector<double> m_war_end;
    std::vector<std::int32_t> m_war_how;
    std::vector<std::vector<double>> m_positions;               // per position column (empty when not kept)
    std::vector<std::vector<std::int32_t>> m_actor_outcomes;    // per actor (empty when not kept)
    std::vector<std::pair<std::size_t, std::string>> m_errors;  // (row, message) of the failed runs
};

/// Defines RunsTable and runs_columns() in the module.
void bind_runs_table(pybind11::module_& module);

}  // namespace brink::python
