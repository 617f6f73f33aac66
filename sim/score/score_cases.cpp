// The cases of `brink score` and their forecasts (include/brink/score/score_cases.hpp).
#include "brink/score/score_cases.hpp"

#include "brink/io/overrides.hpp"
#include "brink/io/scenario_loader.hpp"
#include "brink/io/validation.hpp"

#include <map>
#include <set>

namespace brink::score {
namespace {

// Tables read once per file: observed rows and dyad series. A file that cannot be read is one diagnostic,
// the first time it is asked for.
class Tables {
  public:
    explicit Tables(std::vector<io::Diagnostic>& diagnostics) : m_diagnostics(diagnostics) {}

    const ObservedCase* observed(const std::string& path, const std::string& name) {
        auto found = m_observed.find(path);
        if (found == m_observed.end()) {
            std::map<std::string, ObservedCase> table;
            try {
                table = read_observed(path);
            } catch (const ScoreInputError& error) {
                m_diagnostics.push_back({path, 0, 0, error.what()});
            }
            found = m_observed.emplace(path, std::move(table)).first;
        }
        const auto row = found->second.find(name);
        return row == found->second.end() ? nullptr : &row->second;
    }

    std::optional<ObservedDyadSeries> series(const std::string& path, const std::string& name) {
        auto found = m_series.find(path);
        if (found == m_series.end()) {
            std::map<std::string, ObservedDyadSeries> table;
            try {
                table = read_dyad_series(path);
            } catch (const ScoreInputError& error) {
                m_diagnostics.push_back({path, 0, 0, error.what()});
            }
            found = m_series.emplace(path, std::move(table)).first;
        }
        const auto entry = found->second.find(name);
        return entry == found->second.end() ? std::nullopt : std::optional(entry->second);
    }

  private:
    std::vector<io::Diagnostic>& m_diagnostics;
    std::map<std::string, std::map<std::string, ObservedCase>> m_observed;
    std::map<std::string, std::map<std::string, ObservedDyadSeries>> m_series;
};

// The case file loaded, the overrides applied and the result validated; nullopt after adding diagnostics.
std::optional<ScenarioSpec> load_case(const std::string& path, const std::vector<std::string>& overrides,
                                      std::vector<io::Diagnostic>& diagnostics) {
    io::LoadResult loaded = io::load_scenario_file(path);
    if (!loaded.ok()) {
        diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
        if (loaded.diagnostics.empty()) {
            diagnostics.push_back({path, 0, 0, "the case could not be loaded"});
        }
        return std::nullopt;
    }
    ScenarioSpec spec = std::move(*loaded.spec);
    if (spec.source_path.empty()) {
        spec.source_path = path;
    }
    const std::size_t before = diagnostics.size();
    for (const std::string& assignment : overrides) {
        const std::vector<io::Diagnostic> problems = io::apply_override_assignment(spec, assignment);
        diagnostics.insert(diagnostics.end(), problems.begin(), problems.end());
    }
    if (diagnostics.size() == before && !overrides.empty()) {
        const std::vector<io::Diagnostic> problems = io::validate_spec(spec, path);
        diagnostics.insert(diagnostics.end(), problems.begin(), problems.end());
    }
    if (diagnostics.size() != before) {
        return std::nullopt;
    }
    return spec;
}

}  // namespace

ScoreCases load_score_cases(const std::vector<std::string>& paths, const std::vector<std::string>& overrides,
                            const std::string& observed_file, const std::string& observed_option) {
    ScoreCases result;
    Tables tables(result.diagnostics);
    std::set<std::string> names;
    for (const std::string& path : paths) {
        const std::string name = case_name(path);
        if (!names.insert(name).second) {
            result.diagnostics.push_back({path, 0, 0, "case '" + name + "' is given twice"});
            continue;
        }
        std::optional<ScenarioSpec> spec = load_case(path, overrides, result.diagnostics);
        if (!spec) {
            continue;
        }
        const std::string observed_path = observed_file.empty() ? default_observed_path(path) : observed_file;
        if (observed_path.empty()) {
            result.diagnostics.push_back(
                {path, 0, 0,
                 "no observed outcomes found (no observed.csv beside it or in its cases/ folder); give " +
                     observed_option});
            continue;
        }
        const ObservedCase* observed = tables.observed(observed_path, name);
        if (observed == nullptr) {
            result.diagnostics.push_back(
                {path, 0, 0, "case '" + name + "' has no observed row in " + observed_path});
            continue;
        }
        std::optional<ObservedDyadSeries> series;
        const std::string series_path = default_dyad_series_path(observed_path);
        if (!series_path.empty()) {
            series = tables.series(series_path, name);
            const std::string problem = series ? check_dyad_series(*spec, *series) : std::string();
            if (!problem.empty()) {
                result.diagnostics.push_back({path, 0, 0, problem + " (" + series_path + ")"});
                continue;
            }
        }
        result.cases.push_back({path, std::move(*spec), *observed, std::move(series)});
    }
    return result;
}

std::vector<CaseForecast> forecast_score_cases(const std::vector<ScoreCase>& cases, std::uint64_t seed,
                                               int runs, const sweep::ReplicationOptions& options) {
    std::vector<sweep::ReplicationJob> jobs;
    for (const ScoreCase& loaded : cases) {
        jobs.push_back({&loaded.spec, seed, runs, loaded.series.has_value()});
    }
    const auto outcomes = sweep::run_replications(jobs, options);
    if (options.stop != nullptr && options.stop->load()) {
        return {};
    }
    std::vector<CaseForecast> forecasts;
    for (std::size_t c = 0; c < cases.size(); ++c) {
        std::vector<std::string> principals;
        for (const auto& actor : cases[c].observed.actors) {
            principals.push_back(actor.id);
        }
        forecasts.push_back(
            forecast_case(cases[c].observed.name, cases[c].path, cases[c].spec, outcomes[c], principals));
        if (cases[c].series) {
            forecasts.back().dyad = dyad_fit(cases[c].spec, outcomes[c], *cases[c].series);
        }
    }
    return forecasts;
}

}  // namespace brink::score
