// An ensemble's runs table as typed columns (runs_table.hpp).
#include "runs_table.hpp"

#include "bindings.hpp"

#include "brink/io/calendar.hpp"
#include "brink/model/run_result.hpp"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace py = pybind11;

namespace brink::python {
namespace {

// The columns before the positions: run, seed, outcome, time, date, initiator, target, peak_rung, violence,
// war_start, war_end, war_how (sweep::runs_columns).
constexpr std::size_t k_leading_columns = 12;

// Whole numbers as int64, or as float64 with NaN in the failed runs' rows when any failed (pandas' own rule
// for a column with empty fields).
py::object whole_numbers(const std::vector<std::int64_t>& values, const std::vector<std::int32_t>& outcome,
                         bool any_failed) {
    if (!any_failed) {
        return array_of(values);
    }
    py::array_t<double> array(static_cast<py::ssize_t>(values.size()));
    double* out = array.mutable_data();
    for (std::size_t r = 0; r < values.size(); ++r) {
        out[r] = outcome[r] < 0 ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(values[r]);
    }
    return array;
}

template <typename Enum, std::size_t N>
std::vector<std::string> names_of(const std::array<Enum, N>& values) {
    std::vector<std::string> names;
    for (const Enum value : values) {
        names.emplace_back(model::to_string(value));
    }
    return names;
}

template <typename Enum, std::size_t N>
std::int32_t code_of(const std::array<Enum, N>& values, Enum value) {
    return static_cast<std::int32_t>(std::find(values.begin(), values.end(), value) - values.begin());
}

py::tuple categories(const std::vector<std::int32_t>& codes, const std::vector<std::string>& names) {
    return py::make_tuple("category", array_of(codes), names);
}

// A file writes a non-finite number as an empty field and -0 as 0: the columns hold what the file does.
double as_written(double value) {
    return std::isfinite(value) ? value + 0.0 : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

RunsTable::RunsTable(const ScenarioSpec& spec, const std::optional<std::vector<std::string>>& kept)
    : m_names(sweep::runs_columns(spec)),
      m_position_count(sweep::runs_position_columns(spec).size()),
      m_epoch(*io::date_to_days("1970-01-01")) {
    for (const ActorSpec& actor : spec.actors) {
        m_actor_ids.push_back(actor.id);
    }
    m_first_position = k_leading_columns;
    m_first_actor_outcome = m_first_position + m_position_count;
    for (const std::string& name : m_names) {
        m_kept.push_back(!kept || std::find(kept->begin(), kept->end(), name) != kept->end());
    }
    m_positions.resize(m_position_count);
    m_actor_outcomes.resize(m_actor_ids.size());
}

void RunsTable::add(const sweep::RunRow& row) {
    const auto actor_code = [this](const std::string& id) {
        const auto found = std::find(m_actor_ids.begin(), m_actor_ids.end(), id);
        return found == m_actor_ids.end() ? -1 : static_cast<std::int32_t>(found - m_actor_ids.begin());
    };
    const bool ran = row.outcome.has_value();
    m_any_failed = m_any_failed || !ran;
    m_run.push_back(static_cast<std::int64_t>(row.run));
    m_seed.push_back(row.seed);
    m_outcome.push_back(ran ? code_of(model::k_outcome_kinds, *row.outcome) : -1);
    m_time.push_back(ran ? as_written(row.time) : std::numeric_limits<double>::quiet_NaN());
    m_date.push_back(ran && row.day ? *row.day - m_epoch : std::numeric_limits<std::int64_t>::min());
    m_initiator.push_back(ran ? actor_code(row.initiator) : -1);
    m_target.push_back(ran ? actor_code(row.target) : -1);
    m_peak_rung.push_back(row.peak_rung);
    m_violence.push_back(row.violence);
    m_war_start.push_back(ran ? as_written(row.war_start) : std::numeric_limits<double>::quiet_NaN());
    m_war_end.push_back(ran ? as_written(row.war_end) : std::numeric_limits<double>::quiet_NaN());
    m_war_how.push_back(ran && row.war_how ? code_of(model::k_war_ends, *row.war_how) : -1);
    for (std::size_t p = 0; p < m_position_count; ++p) {
        if (m_kept[m_first_position + p]) {
            m_positions[p].push_back(ran && p < row.positions.size()
                                         ? as_written(row.positions[p])
                                         : std::numeric_limits<double>::quiet_NaN());
        }
    }
    for (std::size_t a = 0; a < m_actor_ids.size(); ++a) {
        if (m_kept[m_first_actor_outcome + a]) {
            const bool known = ran && a < row.actor_outcomes.size() && row.actor_outcomes[a];
            m_actor_outcomes[a].push_back(known ? code_of(model::k_actor_outcomes, *row.actor_outcomes[a])
                                                : -1);
        }
    }
    if (!ran) {
        m_errors.emplace_back(m_run.size() - 1, row.error);
    }
}

py::dict RunsTable::columns() const {
    const std::vector<std::string> outcomes = names_of(model::k_outcome_kinds);
    const std::vector<std::string> war_ends = names_of(model::k_war_ends);
    const std::vector<std::string> actor_outcomes = names_of(model::k_actor_outcomes);
    py::dict out;
    for (std::size_t c = 0; c < m_names.size(); ++c) {
        if (!m_kept[c]) {
            continue;
        }
        const py::str name(m_names[c]);
        if (c >= m_first_position && c < m_first_actor_outcome) {
            out[name] = array_of(m_positions[c - m_first_position]);
            continue;
        }
        if (c >= m_first_actor_outcome && c < m_first_actor_outcome + m_actor_ids.size()) {
            out[name] = categories(m_actor_outcomes[c - m_first_actor_outcome], actor_outcomes);
            continue;
        }
        switch (c) {
            case 0:
                out[name] = array_of(m_run);
                break;
            case 1:
                out[name] = array_of(m_seed);
                break;
            case 2:
                out[name] = categories(m_outcome, outcomes);
                break;
            case 3:
                out[name] = array_of(m_time);
                break;
            case 4:
                out[name] = py::make_tuple("date", array_of(m_date));
                break;
            case 5:
                out[name] = categories(m_initiator, m_actor_ids);
                break;
            case 6:
                out[name] = categories(m_target, m_actor_ids);
                break;
            case 7:
                out[name] = whole_numbers(m_peak_rung, m_outcome, m_any_failed);
                break;
            case 8:
                out[name] = whole_numbers(m_violence, m_outcome, m_any_failed);
                break;
            case 9:
                out[name] = array_of(m_war_start);
                break;
            case 10:
                out[name] = array_of(m_war_end);
                break;
            case 11:
                out[name] = categories(m_war_how, war_ends);
                break;
            default: {  // error, the last column
                py::list texts(m_run.size());
                for (std::size_t r = 0; r < m_run.size(); ++r) {
                    texts[r] = py::none();
                }
                for (const auto& [row, message] : m_errors) {
                    texts[row] = py::str(message);
                }
                out[name] = py::make_tuple("string", texts);
            }
        }
    }
    return out;
}

void bind_runs_table(py::module_& module) {
    py::class_<RunsTable, std::shared_ptr<RunsTable>>(
        module, "RunsTable", "An ensemble's runs table, kept as typed columns while its runs finished.")
        .def("columns", &RunsTable::columns,
             "The kept columns: numpy arrays, or ('category', codes, categories), ('date', days) or "
             "('string', list) tuples.")
        .def_property_readonly("rows", &RunsTable::rows);
    module.def("runs_columns", &sweep::runs_columns, py::arg("spec"),
               "runs.csv's column names for the spec.");
    module.attr("outcome_kinds") = names_of(model::k_outcome_kinds);
    module.attr("war_ends") = names_of(model::k_war_ends);
    module.attr("actor_outcomes") = names_of(model::k_actor_outcomes);
}

}  // namespace brink::python
