// brink score: the observed outcomes a case is scored against (scenarios/cases/observed.csv, written by
// scripts/cases/derive_observed.py; columns in docs/validation.md). One row per case and principal actor; the
// case-level columns repeat on each row. A case file maps to its rows by its stem (`case` column).
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace brink::score {

/// Bad input to `brink score` (a malformed observed table, a case without observed rows); exit code 2.
class ScoreInputError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// One principal actor of an observed case.
struct ObservedActor {
    std::string id;       ///< Actor id in the case file.
    std::string outcome;  ///< ICB outcome: victory, compromise, stalemate, defeat; empty where not coded.
};

/// What happened in one case.
struct ObservedCase {
    std::string name;                  ///< The `case` column: the case file's stem.
    std::string crisis_name;           ///< ICB's name (or the supplement's).
    int war = 0;                       ///< 1 if a principal actor fought a full-scale war (ICB sevvio 4).
    int max_violence = 1;              ///< Highest sevvio: 1 none, 2 minor clashes, 3 serious clashes, 4 war.
    double days_to_violence = 0.0;     ///< Days from the start to the first violent trigger; NaN if none.
    double days_to_termination = 0.0;  ///< Days from the start to ICB's termination; NaN if unknown.
    std::vector<ObservedActor> actors;  ///< Principal actors in file order.
};

/// Reads an observed table (the columns case, crisis_name, war, max_violence, days_to_violence,
/// days_to_termination, actor_id, outcome are required; others are ignored). Throws ScoreInputError naming
/// the file, row and column on anything malformed (a missing column, war not 0/1, violence outside 1..4, a
/// case whose case-level columns differ between its rows).
std::map<std::string, ObservedCase> read_observed(const std::string& path);

/// Same from CSV text (`path` names it in messages).
std::map<std::string, ObservedCase> parse_observed(const std::string& text, const std::string& path);

/// The case name of a case file: its stem ("scenarios/cases/korea_1950.yaml" -> "korea_1950").
std::string case_name(const std::string& case_path);

/// Where the observed table of a case file is by default: `<dir>/observed.csv` if it exists, else
/// `<dir>/cases/observed.csv` (so that scenarios/cuba_1962.yaml finds scenarios/cases/observed.csv), else "".
std::string default_observed_path(const std::string& case_path);

}  // namespace brink::score
