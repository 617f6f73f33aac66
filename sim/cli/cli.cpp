// Dispatch, help, version and the helpers every command shares.
#include "cli.hpp"

#include "brink/io/atomic_file.hpp"
#include "brink/io/diagnostics.hpp"
#include "brink/io/manifest.hpp"
#include "brink/io/run_writer.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <new>
#include <span>
#include <sstream>
#include <string_view>

namespace po = boost::program_options;

namespace brink::cli {
namespace {

struct CommandInfo {
    const char* name;
    const char* summary;
    ExitCode (*function)(const CommandArgs&);
};

constexpr std::array<CommandInfo, 8> k_commands = {{
    {"run", "run a scenario once (or an ensemble with --runs) and write its output files", command_run},
    {"validate", "check scenario files and report every problem as file:line:column", command_validate},
    {"plot", "draw the charts of a run, ensemble, sweep or score directory", command_plot},
    {"report", "write a self-contained HTML report of a run, ensemble or sweep directory", command_report},
    {"sweep", "run a parameter sweep (a sweep file, or inline --param ranges)", command_sweep},
    {"merge", "merge the output directories of sweep shards", command_merge},
    {"score", "score ensembles of case files against their observed outcomes", command_score},
    {"calibrate", "fit model parameters to the case library, with k-fold cross-validation",
     command_calibrate},
}};

// Maintainers' commands: dispatched like the others, not listed by --help.
constexpr std::array<CommandInfo, 1> k_hidden_commands = {{
    {"generate-schema-files", "rewrite scenarios/schema.json and docs/scenario-format.md's generated tables",
     command_generate_schema_files},
}};

void print_usage(std::ostream& out) {
    out << "brink " << BRINK_VERSION << ": a discrete-event simulator of diplomatic crises\n\n"
        << "usage: brink <command> [options]\n"
        << "       brink <command> --help\n"
        << "       brink --version\n\n"
        << "commands:\n";
    for (const CommandInfo& command : k_commands) {
        out << "  " << command.name << std::string(10 - std::string_view(command.name).size(), ' ')
            << command.summary << "\n";
    }
    out << "\nexamples:\n"
        << "  brink run                                   the bundled scenario, files in out/ukraine_2022/\n"
        << "  brink run scenarios/cuba_1962.yaml --plot   and its charts\n"
        << "  brink report out/cuba_1962                  an HTML page of that run\n"
        << "\nexit codes: 0 ok, 1 runtime failure (e.g. unwritable output), 2 bad input.\n"
        << "Documentation: docs/cli.md.\n";
}

std::vector<std::string> command_names() {
    std::vector<std::string> names;
    for (const CommandInfo& command : k_commands) {
        names.emplace_back(command.name);
    }
    return names;
}

const CommandInfo* find_command(const std::string& name) {
    for (const auto& commands :
         {std::span<const CommandInfo>(k_commands), std::span<const CommandInfo>(k_hidden_commands)}) {
        for (const CommandInfo& command : commands) {
            if (name == command.name) {
                return &command;
            }
        }
    }
    return nullptr;
}

ExitCode run_command(const CommandInfo& command, const CommandArgs& args) {
    try {
        return command.function(args);
    } catch (const UsageError& error) {
        print_error(args.command, error.what());
        std::cerr << "Try 'brink " << args.command << " --help'.\n";
        return ExitCode::BadInput;
    } catch (const InputRejected&) {
        return ExitCode::BadInput;
    } catch (const io::OutputConflict& conflict) {
        // The message says what the folder holds and what to do; --help would not add to it.
        print_error(args.command, conflict.what());
        return ExitCode::BadInput;
    } catch (const io::IoError& error) {
        print_error(args.command, error.what());
        return ExitCode::RuntimeFailure;
    } catch (const std::bad_alloc&) {
        print_error(args.command, "out of memory");
        return ExitCode::RuntimeFailure;
    } catch (const std::exception& error) {
        print_error(args.command, error.what());
        return ExitCode::RuntimeFailure;
    }
}

std::atomic<bool> g_stop_requested{false};

extern "C" void on_stop_signal(int signal_number) {
    g_stop_requested.store(true);
    // A second Ctrl-C kills at once, as users expect.
    std::signal(signal_number, SIG_DFL);
}

}  // namespace

std::string suggestion(const std::string& word, const std::vector<std::string>& candidates) {
    std::string match = io::closest_match(word, candidates);
    if (match.empty() && word.size() >= 3) {
        // A truncated name ("--vers") is too far in edit distance but unambiguous as a prefix.
        for (const std::string& candidate : candidates) {
            if (candidate.starts_with(word)) {
                if (!match.empty()) {
                    return {};
                }
                match = candidate;
            }
        }
    }
    return match.empty() ? std::string() : " (did you mean '" + match + "'?)";
}

int run_cli(const std::vector<std::string>& argv) {
    if (argv.size() < 2) {
        print_usage(std::cerr);
        return static_cast<int>(ExitCode::BadInput);
    }
    const std::string& first = argv[1];
    if (first == "--version" || first == "-V") {
        std::cout << "brink " << BRINK_VERSION << "\n";
        return static_cast<int>(ExitCode::Ok);
    }
    if (first == "--help" || first == "-h" || first == "help") {
        if (first == "help" && argv.size() > 2) {
            return run_cli({argv[0], argv[2], "--help"});
        }
        print_usage(std::cout);
        return static_cast<int>(ExitCode::Ok);
    }
    if (first.starts_with("-")) {
        std::cerr << "brink: error: unknown option '" << first << "'"
                  << suggestion(first, {"--help", "--version"}) << "\n"
                  << "usage: brink <command> [options]; 'brink --help' lists the commands.\n";
        return static_cast<int>(ExitCode::BadInput);
    }
    if (const CommandInfo* command = find_command(first)) {
        CommandArgs args;
        args.command = command->name;
        args.arguments.assign(argv.begin() + 2, argv.end());
        args.full_argv = argv;
        return static_cast<int>(run_command(*command, args));
    }
    std::cerr << "brink: error: unknown command '" << first << "'" << suggestion(first, command_names())
              << "\n"
              << "'brink --help' lists the commands.\n";
    return static_cast<int>(ExitCode::BadInput);
}

bool parse_options(const CommandArgs& args, const po::options_description& options,
                   const po::options_description& positionals,
                   const po::positional_options_description& positional, po::variables_map& values,
                   const std::string& usage, const std::string& examples) {
    for (const std::string& argument : args.arguments) {
        if (argument == "--help" || argument == "-h") {
            std::cout << "usage: " << usage << "\n\n";
            if (!options.options().empty()) {
                std::cout << options << "\n";
            }
            if (!examples.empty()) {
                std::cout << "examples:\n" << examples << "\n";
            }
            std::cout << "Documentation: docs/cli.md.\n";
            return false;
        }
    }
    // Abbreviated long options (--se for --seed or --set?) are refused: scripts must say what they mean.
    const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    po::options_description all;
    all.add(options).add(positionals);
    try {
        po::store(
            po::command_line_parser(args.arguments).options(all).positional(positional).style(style).run(),
            values);
        po::notify(values);
    } catch (const po::unknown_option& error) {
        std::vector<std::string> names;
        for (const auto& option : options.options()) {
            names.push_back("--" + option->long_name());
        }
        throw UsageError(std::string(error.what()) + suggestion(error.get_option_name(), names));
    } catch (const po::too_many_positional_options_error&) {
        throw UsageError("too many arguments; usage: " + usage);
    } catch (const po::error& error) {
        throw UsageError(error.what());
    }
    return true;
}

std::uint64_t parse_seed(const std::string& text, const std::string& option) {
    std::uint64_t seed = 0;
    const char* const end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, seed);
    if (text.empty() || error != std::errc{} || stop != end) {
        throw UsageError(option + ": expected a whole number from 0 to 18446744073709551615, got '" + text +
                         "'");
    }
    return seed;
}

int parse_int(const std::string& text, const std::string& option, int minimum, int maximum) {
    int value = 0;
    const char* const end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc{} || stop != end || value < minimum || value > maximum) {
        throw UsageError(option + ": expected a whole number from " + std::to_string(minimum) + " to " +
                         std::to_string(maximum) + ", got '" + text + "'");
    }
    return value;
}

std::string recorded_command(const CommandArgs& args) {
    std::vector<std::string> words = {"brink"};
    if (args.full_argv.size() > 1) {
        words.insert(words.end(), args.full_argv.begin() + 1, args.full_argv.end());
    }
    return io::command_line_text(words);
}

std::string read_standard_input() {
    std::ostringstream text;
    text << std::cin.rdbuf();
    return text.str();
}

std::string default_out_dir(const std::string& scenario_path) {
    if (scenario_path == k_standard_input) {
        return (std::filesystem::path("out") / "stdin").string();
    }
    const std::string stem = std::filesystem::path(scenario_path).stem().string();
    return (std::filesystem::path("out") / (stem.empty() ? std::string("run") : stem)).string();
}

void print_error(const std::string& command, const std::string& message) {
    std::cerr << "brink " << command << ": error: " << message << "\n";
}

bool stderr_is_terminal() {
    return ::isatty(STDERR_FILENO) == 1;
}

int mpi_rank_from_environment() {
    for (const char* variable : {"OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK"}) {
        if (const char* value = std::getenv(variable)) {
            return std::atoi(value);
        }
    }
    return 0;
}

bool launched_by_mpirun() {
    for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"}) {
        if (std::getenv(variable) != nullptr) {
            return true;
        }
    }
    return false;
}

const std::atomic<bool>* install_stop_handler() {
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
    return &g_stop_requested;
}

ProgressBar::ProgressBar(bool enabled, std::string unit) : m_enabled(enabled), m_unit(std::move(unit)) {}

ProgressBar::~ProgressBar() {
    finish();
}

void ProgressBar::update(std::uint64_t done, std::uint64_t total, std::uint64_t failed,
                         double elapsed_seconds) {
    if (!m_enabled || total == 0) {
        return;
    }
    m_done = done;
    m_total = total;
    m_failed = failed;
    m_elapsed_seconds = elapsed_seconds;
    m_pending = true;
    const auto now = std::chrono::steady_clock::now();
    const auto interval = std::chrono::milliseconds(1000 / k_redraws_per_second);
    if (m_drawn && done < total && now - m_last_draw < interval) {
        return;  // finish() draws the last state
    }
    if (m_drawn && done == m_drawn_done && failed == m_drawn_failed) {
        m_pending = false;  // the runners report the end more than once: it is on screen already
        return;
    }
    m_last_draw = now;
    draw();
}

void ProgressBar::draw() {
    m_pending = false;
    m_drawn_done = m_done;
    m_drawn_failed = m_failed;
    const std::uint64_t done = m_done;
    const std::uint64_t total = m_total;
    const std::uint64_t failed = m_failed;
    const double elapsed_seconds = m_elapsed_seconds;
    constexpr int k_width = 30;
    const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    const int filled = static_cast<int>(fraction * k_width);
    std::ostringstream line;
    line << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(k_width - filled), '.') << "] "
         << static_cast<int>(fraction * 100.0) << "% " << done << "/" << total << " " << m_unit;
    if (failed > 0) {
        line << ", " << failed << " failed";
    }
    if (done > 0 && done < total && elapsed_seconds > 0.0) {
        const auto remaining = static_cast<long>(elapsed_seconds / fraction - elapsed_seconds + 0.5);
        char eta[32];
        std::snprintf(eta, sizeof eta, " ETA %ld:%02ld", remaining / 60, remaining % 60);
        line << eta;
    }
    line << "\033[K";  // clear what a longer previous line left
    std::cerr << line.str() << std::flush;
    m_drawn = true;
}

void ProgressBar::finish() {
    if (m_enabled && m_pending) {
        draw();
    }
    if (m_drawn) {
        std::cerr << "\n";
        m_drawn = false;
    }
}

}  // namespace brink::cli
