// brink io: the manifest of an output folder, `brink.json` (docs/outputs.md). Every command that writes a
// folder (run, an ensemble, sweep, merge, score, calibrate) writes it first with `complete: false`, listing
// the files it is about to write, and rewrites it with `complete: true` and the files written when it is
// done; `plot` and `report` add their charts and page to it. Readers (plot, report, merge, sweep --resume)
// check it, and a writer refuses a folder that holds another kind's output or another scenario's unless
// forced, so that a folder never shows one run's results under another's name. Both writes are atomic
// (atomic_file.hpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace brink::io {

/// The manifest's file name in an output folder.
inline constexpr const char* k_manifest_name = "brink.json";

/// What an output folder holds.
enum class OutputKind {
    Run,          ///< one run of a scenario (`brink run`)
    Ensemble,     ///< replications of one scenario (`brink run --runs N`)
    Sweep,        ///< a parameter sweep, or one shard of it (`brink sweep`, `brink merge`)
    Score,        ///< scores of the model against observed crises (`brink score`)
    Calibration,  ///< a calibration of the model's parameters, or one shard of it (`brink calibrate`)
};

/// "run", "ensemble", "sweep", "score", "calibration".
const char* to_string(OutputKind kind);
/// Parses the names of to_string; nullopt if unknown.
std::optional<OutputKind> output_kind_from_string(std::string_view text);

/// The contents of brink.json.
struct Manifest {
    OutputKind kind = OutputKind::Run;  ///< Required.
    std::string brink_version;          ///< The writing build's version. Default: this build's.
    std::string scenario_path;    ///< The scenario as given on the command line ("-": standard input); a
                                  ///< calibration's calibration file; empty for a score (of many cases).
    std::string scenario_sha256;  ///< SHA-256 of the scenario file's bytes (64 hex digits). Empty: unknown.
    std::string sweep_path;       ///< Sweeps: the sweep file ("" for an inline sweep). Default empty.
    std::string design_sha256;    ///< Sweeps: the design's digest (sweep::design_digest). Default empty.
    std::string shard;            ///< Sweeps: "i/N" when the folder holds one shard. Default empty.
    std::optional<std::uint64_t> seed;  ///< The (base) seed. Default none.
    std::string command;                ///< The command line as typed.
    std::string started;                ///< When the command started, UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    bool complete = false;              ///< True once every file listed is written.
    std::vector<std::string> files;     ///< Files written, relative to the folder with '/' separators.

    Manifest();
};

/// An output folder that cannot be used as asked: a manifest that does not parse, another kind's or another
/// scenario's output in the way, a reader given the wrong kind of folder. The message says what the folder
/// holds and what to do; the CLI maps it to exit code 2.
class OutputConflict : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// brink.json's text (keys in the order of Manifest's fields, two-space indent, final line feed).
std::string manifest_json(const Manifest& manifest);

/// Parses brink.json's text; `where` names it in messages. Throws OutputConflict when it is not a manifest.
Manifest parse_manifest(std::string_view text, const std::string& where);

/// The manifest of `dir`, or nullopt when it has none (a folder of an older brink, or not an output
/// folder). Throws OutputConflict when brink.json exists but cannot be read or parsed.
std::optional<Manifest> read_manifest(const std::filesystem::path& dir);

/// Writes `dir`/brink.json atomically. Throws IoError.
void write_manifest(const std::filesystem::path& dir, const Manifest& manifest);

/// What a manifest says a folder holds, for messages: "a single run of scenarios/cuba_1962.yaml",
/// "an unfinished sweep of scenarios/ukraine_2022.yaml (scenarios/sweeps/x.yaml)", "shard 0/2 of a sweep
/// of ...".
std::string describe_contents(const Manifest& manifest);

/// What a new output of `kind` is, for messages: "a single run", "an ensemble", "a sweep".
std::string describe_kind(OutputKind kind);

/// The current time as UTC `YYYY-MM-DDTHH:MM:SSZ`.
std::string utc_timestamp_now();

/// Whether two manifests are of the same scenario: the same bytes (SHA-256), or the same file.
bool same_scenario(const Manifest& a, const Manifest& b);

/// The kind of output a folder without a manifest holds, guessed from the names older brinks wrote:
/// sweep.json or runs.csv.partial a sweep, runs.csv with quantiles.csv an ensemble, trajectory.csv or
/// events.csv a run. nullopt when none of them is there.
std::optional<OutputKind> guess_kind_from_files(const std::filesystem::path& dir);

/// How a writer treats a folder that holds output it cannot replace silently.
enum class ExistingOutput {
    Refuse,   ///< another kind's or another scenario's output (or another sweep's unfinished rows): refuse
    Replace,  ///< --force: replace whatever brink wrote there
};

/// Whether the writer starts over or continues what is there.
enum class WriteMode {
    Fresh,     ///< the previous output's files are removed before anything is written
    Continue,  ///< sweep --resume: nothing is removed; the folder must hold the same sweep (or nothing)
};

/// Checks that `next` may be written into `dir` and returns the files (relative paths) of the previous
/// output to remove before writing: every file its manifest lists or, in a folder of an older brink, every
/// file of brink's names that is there (data files, report.html, the charts). Never touches the folder.
/// Throws OutputConflict, with a message naming what the folder holds and a hint, when `dir` holds another
/// kind's output or another scenario's (unless `existing` is Replace), when a fresh sweep would delete
/// another sweep's unfinished rows (runs.csv.partial; unless Replace), or when Continue finds another sweep
/// or another kind (always: --force does not make a resume of another sweep meaningful).
std::vector<std::string> check_output_folder(const std::filesystem::path& dir, const Manifest& next,
                                             ExistingOutput existing, WriteMode mode);

/// Removes `files` (relative to `dir`, as check_output_folder returns them); the manifest is rewritten by
/// the writer right after. A path that would leave `dir` is ignored; a missing file is not an error. Throws
/// IoError when a file cannot be removed.
void remove_previous_outputs(const std::filesystem::path& dir, const std::vector<std::string>& files);

/// `path` relative to `dir` with '/' separators (for Manifest::files); `path` itself when it is not inside.
std::string relative_output_path(const std::filesystem::path& dir, const std::filesystem::path& path);

}  // namespace brink::io
