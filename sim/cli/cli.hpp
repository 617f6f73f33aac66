// brink cli: the commands of the `brink` executable (argument parsing and wiring only; docs/cli.md).
// Private to sim/cli.
#pragma once

#include <boost/program_options.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace brink::plots {
enum class ChartFormat;
struct DateMark;
}  // namespace brink::plots
namespace brink::io {
struct Diagnostic;
}  // namespace brink::io

namespace brink::cli {

/// Exit codes scripts can rely on (docs/cli.md).
enum class ExitCode : int {
    Ok = 0,              ///< success
    RuntimeFailure = 1,  ///< e.g. an unwritable output directory, gnuplot failing
    BadInput = 2,        ///< bad options, bad scenario or sweep file, bad --set
};

/// Bad input whose message is printed as `brink <command>: error: <message>`; exit code 2.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Bad input whose diagnostics were already printed; exit code 2.
class InputRejected : public std::runtime_error {
  public:
    InputRejected() : std::runtime_error("input rejected") {}
};

/// The arguments of one command: argv without the program name and the command name.
struct CommandArgs {
    std::string command;                 ///< "run", "validate", ...
    std::vector<std::string> arguments;  ///< What follows the command.
    std::vector<std::string> full_argv;  ///< Every argument including "brink" and the command (for records).
};

/// Entry point: dispatches to a command; returns the process exit code. Throws nothing.
int run_cli(const std::vector<std::string>& argv);

/// `brink run`.
ExitCode command_run(const CommandArgs& args);
/// `brink validate`.
ExitCode command_validate(const CommandArgs& args);
/// `brink plot`.
ExitCode command_plot(const CommandArgs& args);
/// `brink report`.
ExitCode command_report(const CommandArgs& args);
/// `brink sweep`.
ExitCode command_sweep(const CommandArgs& args);
/// `brink merge`.
ExitCode command_merge(const CommandArgs& args);
/// `brink score`.
ExitCode command_score(const CommandArgs& args);
/// `brink calibrate`.
ExitCode command_calibrate(const CommandArgs& args);
/// The chart format of a `--format` option's value; UsageError (exit 2) for anything but png, svg or pdf
/// (command_score.cpp).
plots::ChartFormat chart_format_option(const std::string& text);
/// The observed dates of the repeatable `--mark DATE[=label]` option; UsageError (exit 2) for a malformed one
/// (command_plot.cpp).
std::vector<plots::DateMark> date_mark_options(const boost::program_options::variables_map& values);
/// The help text of `--mark`.
inline constexpr const char* k_mark_help =
    "draw an observed date YYYY-MM-DD on the time charts (war_cdf, escalation), labelled (repeatable; e.g. "
    "2022-02-24=invasion)";
/// Prints each diagnostic on stderr, one per line (file:line:column: error: message).
void print_diagnostics(const std::vector<io::Diagnostic>& diagnostics);
/// Draws the charts of the score files in `dir` in `format`, appending their paths to `written`; warns on
/// stderr, as `command`, for a chart not drawn. RuntimeFailure when the files cannot be read
/// (command_score.cpp; brink score and brink calibrate).
ExitCode draw_score_charts_into(const std::string& dir, plots::ChartFormat format, const char* command,
                                std::vector<std::string>& written);
/// `brink generate-schema-files` (a maintainer's command, not listed by --help).
ExitCode command_generate_schema_files(const CommandArgs& args);

/// Parses a command's arguments with Boost.Program_options: no abbreviations of long options; an unknown
/// option becomes a UsageError with "did you mean '--seed'?" when one is close. `options` are listed by
/// --help (an empty list prints no heading); `positionals` name the positional arguments (not listed);
/// `examples` (lines, each ending in a line feed) follow the options. Returns false (after printing help to
/// stdout) when --help was given.
bool parse_options(const CommandArgs& args, const boost::program_options::options_description& options,
                   const boost::program_options::options_description& positionals,
                   const boost::program_options::positional_options_description& positional,
                   boost::program_options::variables_map& values, const std::string& usage,
                   const std::string& examples = {});

/// The scenario argument that reads the scenario from standard input.
inline constexpr const char* k_standard_input = "-";
/// How diagnostics name a scenario read from standard input.
inline constexpr const char* k_standard_input_name = "<stdin>";

/// Everything on standard input (a scenario given as "-").
std::string read_standard_input();

/// The closest of `candidates` to `word` (io::closest_match, else the only candidate `word` is a prefix
/// of) as " (did you mean 'X'?)", or "" when none is close.
std::string suggestion(const std::string& word, const std::vector<std::string>& candidates);

/// Parses a non-negative integer seed ("--seed"); UsageError on anything else (signs, spaces, overflow).
std::uint64_t parse_seed(const std::string& text, const std::string& option);

/// Parses an integer in [minimum, maximum]; UsageError naming the option otherwise.
int parse_int(const std::string& text, const std::string& option, int minimum, int maximum);

/// "brink" followed by every argument after the program name, shell-quoted where needed.
std::string recorded_command(const CommandArgs& args);

/// `out/<stem of the scenario file>` (`out/stdin` for a scenario read from standard input).
std::string default_out_dir(const std::string& scenario_path);

/// Prints one line to stderr: `brink <command>: error: <message>`.
void print_error(const std::string& command, const std::string& message);

/// True when stderr is a terminal and progress should be drawn.
bool stderr_is_terminal();

/// The rank mpirun gives this process (0 when not under mpirun), from its environment: before MPI starts,
/// so that only rank 0 writes a folder's manifest.
int mpi_rank_from_environment();
/// True when mpirun started this process (it sets these variables in every rank).
bool launched_by_mpirun();

/// Draws a one-line progress bar with ETA on stderr (only when enabled), at most k_redraws_per_second times
/// a second whatever the rate of updates, and always the last state. Not thread-safe: call it from one
/// thread (the runners call progress callbacks from their coordinating thread).
class ProgressBar {
  public:
    /// `enabled` false makes every call a no-op (not a terminal, or --quiet).
    ProgressBar(bool enabled, std::string unit);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    /// At most this many redraws a second (a log of a long job under `script` stays small).
    static constexpr int k_redraws_per_second = 10;

    /// Records the state; redraws the bar when the last redraw is at least 1/k_redraws_per_second old, or
    /// when the work is done.
    void update(std::uint64_t done, std::uint64_t total, std::uint64_t failed, double elapsed_seconds);
    /// Draws the last state if it was not drawn, then ends the line (idempotent).
    void finish();

  private:
    void draw();

    bool m_enabled;
    bool m_drawn = false;
    bool m_pending = false;  // an update not drawn yet
    std::string m_unit;
    std::uint64_t m_done = 0;
    std::uint64_t m_total = 0;
    std::uint64_t m_failed = 0;
    double m_elapsed_seconds = 0.0;
    std::uint64_t m_drawn_done = 0;  // the state on screen
    std::uint64_t m_drawn_failed = 0;
    std::chrono::steady_clock::time_point m_last_draw;
};

/// Installs a SIGINT/SIGTERM handler that sets the returned flag (first signal) so runners stop cleanly;
/// a second signal restores the default action. Returns a flag valid for the whole program.
const std::atomic<bool>* install_stop_handler();

}  // namespace brink::cli
