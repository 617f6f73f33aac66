// Hardening of the `brink` command line (issue 7; docs/cli.md "Exit codes", docs/sweeps.md "The runner"):
// a sweep killed with SIGKILL at any moment keeps its finished rows readable and `--resume` completes it with
// files byte-identical to an uninterrupted sweep; Ctrl-C (SIGINT) stops cleanly with exit code 1; output
// paths that exist as files, unwritable directories and full disks fail with exit code 1, a message naming
// the path, and no temporaries left behind. The tests run the built binary (BRINK_EXECUTABLE) as a child
// process (fork/exec), so that it can be killed, signalled and given resource limits.
#include <fcntl.h>
#include "brink_test_support.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

using brink::test_support::read_file;

/// What a child may be given besides its arguments.
struct SpawnOptions {
    std::optional<rlim_t> file_size_limit;  ///< RLIMIT_FSIZE in bytes (writes beyond it fail with EFBIG).
};

/// A `brink` child process with its stdout and stderr captured to files.
class Child {
  public:
    Child(const std::vector<std::string>& arguments, const fs::path& cwd, const SpawnOptions& options = {})
        : m_out(cwd / (".stdout-" + std::to_string(s_count))),
          m_err(cwd / (".stderr-" + std::to_string(s_count))) {
        ++s_count;
        // Everything the child needs is prepared before fork(): after it only async-signal-safe calls.
        std::vector<std::string> argv_text{BRINK_EXECUTABLE};
        argv_text.insert(argv_text.end(), arguments.begin(), arguments.end());
        std::vector<char*> argv;
        for (std::string& argument : argv_text) {
            argv.push_back(argument.data());
        }
        argv.push_back(nullptr);
        const std::string cwd_text = cwd.string();
        const std::string out_text = m_out.string();
        const std::string err_text = m_err.string();
        m_pid = ::fork();
        if (m_pid == 0) {
            if (::chdir(cwd_text.c_str()) != 0) {
                ::_exit(126);
            }
            const int in = ::open("/dev/null", O_RDONLY);
            const int out = ::open(out_text.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int err = ::open(err_text.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (in < 0 || out < 0 || err < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 ||
                ::dup2(err, 2) < 0) {
                ::_exit(126);
            }
            if (options.file_size_limit) {
                // A file size limit makes write() fail with EFBIG once a file would grow past it, as a full
                // disk does with ENOSPC; it also works for root, who ignores permissions. SIGXFSZ would
                // kill the process instead, so it is ignored (the disposition survives exec).
                ::signal(SIGXFSZ, SIG_IGN);
                const rlimit limit{*options.file_size_limit, *options.file_size_limit};
                if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) {
                    ::_exit(126);
                }
            }
            ::execv(argv.front(), argv.data());
            ::_exit(127);
        }
    }
    ~Child() {
        if (m_pid > 0 && !m_status) {
            ::kill(m_pid, SIGKILL);
            int status = 0;
            ::waitpid(m_pid, &status, 0);
        }
        std::error_code ignored;
        fs::remove(m_out, ignored);
        fs::remove(m_err, ignored);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return m_pid; }

    void signal(int signal_number) const { ::kill(m_pid, signal_number); }

    /// Whether it has exited (reaps it if so).
    bool exited() {
        if (m_status) {
            return true;
        }
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_status = status;
        }
        return m_status.has_value();
    }

    /// Waits up to `timeout` for it to exit; kills it (and reports a failure) if it does not.
    int wait(std::chrono::milliseconds timeout = 120s) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!exited()) {
            if (std::chrono::steady_clock::now() > deadline) {
                ADD_FAILURE() << "brink did not exit within " << timeout.count() << " ms";
                signal(SIGKILL);
                int status = 0;
                ::waitpid(m_pid, &status, 0);
                m_status = status;
                break;
            }
            std::this_thread::sleep_for(5ms);
        }
        return *m_status;
    }

    /// The exit code, or -signal when a signal ended it.
    int exit_code() {
        const int status = wait();
        return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }

    std::string out() const { return read_file(m_out); }
    std::string err() const { return read_file(m_err); }

  private:
    static inline int s_count = 0;
    fs::path m_out;
    fs::path m_err;
    pid_t m_pid = -1;
    std::optional<int> m_status;
};

/// Runs `brink ARGS...` in `cwd` to completion.
struct Finished {
    int exit_code = -1;
    std::string out;
    std::string err;
};

Finished run_brink(const std::vector<std::string>& arguments, const fs::path& cwd,
                   const SpawnOptions& options = {}) {
    Child child(arguments, cwd, options);
    Finished finished;
    finished.exit_code = child.exit_code();
    finished.out = child.out();
    finished.err = child.err();
    return finished;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        lines.push_back(line);
    }
    return lines;
}

/// Every file name below `dir` (recursively) that looks like a temporary (`NAME.tmp-<pid>`).
std::vector<std::string> temporaries_under(const fs::path& dir) {
    std::vector<std::string> found;
    std::error_code error;
    if (!fs::exists(dir, error)) {
        return found;
    }
    for (const auto& entry : fs::recursive_directory_iterator(dir, error)) {
        if (entry.path().filename().string().find(".tmp-") != std::string::npos) {
            found.push_back(entry.path().string());
        }
    }
    return found;
}

class Hardening : public ::testing::Test {
  protected:
    void SetUp() override {
        m_scratch.emplace("brink_hardening");
        m_dir = m_scratch->path();
    }
    const fs::path& dir() const { return m_dir; }

  private:
    std::optional<brink::test_support::TempDir> m_scratch;
    fs::path m_dir;
};

// A small inline sweep of the default scenario (docs/cli.md, `brink sweep`): 3 points × 100 replications
// (enough runs that an interrupt lands mid-sweep on a fast machine), a few seconds in Debug.
std::vector<std::string> small_sweep(const std::string& out) {
    return {
        "sweep", "--param", "actors.russia.resolve=0.3:0.9:3", "--runs", "100", "--threads", "2", "--quiet",
        "--out", out};
}

// The rows of a runs.csv-like text by run id (the first field). Every row must be a complete line.
std::map<std::uint64_t, std::string> rows_by_id(const std::string& text) {
    std::map<std::uint64_t, std::string> rows;
    const auto lines = lines_of(text);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        rows[std::stoull(lines[i].substr(0, lines[i].find(',')))] = lines[i];
    }
    return rows;
}

// The reference: one uninterrupted run of `arguments` into `out`, computed once per test binary.
struct Reference {
    std::string runs;
    std::string points;
    std::string sweep_json;
};

const Reference& small_sweep_reference() {
    static const Reference reference = [] {
        const brink::test_support::TempDir scratch("brink_hardening_reference");
        const fs::path& where = scratch.path();
        const Finished finished = run_brink(small_sweep("ref"), where);
        EXPECT_EQ(finished.exit_code, 0) << finished.err;
        return Reference{read_file(where / "ref" / "runs.csv"), read_file(where / "ref" / "points.csv"),
                         read_file(where / "ref" / "sweep.json")};
    }();
    return reference;
}

// What a killed sweep left in `out`: the streamed rows (runs.csv.partial), or the final runs.csv if it had
// already got that far. Every complete line must be the reference's row of that id, in increasing id order
// within a session; only the very last line may be torn (no newline), as docs/sweeps.md allows.
void expect_finished_rows_readable(const fs::path& out, const Reference& reference) {
    const auto reference_rows = rows_by_id(reference.runs);
    const std::string header = lines_of(reference.runs).front();
    for (const char* name : {"runs.csv.partial", "runs.csv"}) {
        const fs::path path = out / name;
        if (!fs::exists(path)) {
            continue;
        }
        std::string text = read_file(path);
        if (text.empty()) {
            continue;  // killed between creating the file and writing its header
        }
        if (text.back() != '\n') {
            text.erase(text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1);  // the torn row
        }
        const auto lines = lines_of(text);
        if (lines.empty()) {
            continue;
        }
        EXPECT_EQ(lines.front(), header) << path;
        for (std::size_t i = 1; i < lines.size(); ++i) {
            const auto comma = lines[i].find(',');
            ASSERT_NE(comma, std::string::npos) << path << " line " << i + 1 << ": " << lines[i];
            const std::uint64_t id = std::stoull(lines[i].substr(0, comma));
            ASSERT_TRUE(reference_rows.contains(id)) << path << " line " << i + 1 << ": " << lines[i];
            EXPECT_EQ(lines[i], reference_rows.at(id)) << path << " line " << i + 1;
        }
    }
}

void expect_same_files_as_reference(const fs::path& out, const Reference& reference) {
    EXPECT_EQ(read_file(out / "runs.csv"), reference.runs);
    EXPECT_EQ(read_file(out / "points.csv"), reference.points);
    EXPECT_EQ(read_file(out / "sweep.json"), reference.sweep_json);
    EXPECT_FALSE(fs::exists(out / "runs.csv.partial"));
    EXPECT_TRUE(temporaries_under(out).empty());
}

}  // namespace

TEST_F(Hardening, SweepKilledAtAnyMomentResumesToTheSameFiles) {
    const Reference& reference = small_sweep_reference();
    ASSERT_FALSE(reference.runs.empty());
    ASSERT_EQ(lines_of(reference.runs).size(), 301U);  // header + 3 points × 100 replications
    // Each delay kills a fresh sweep at a different stage: loading, the first rows, the middle, near the end.
    for (const auto delay : {0ms, 50ms, 200ms, 600ms}) {
        SCOPED_TRACE("killed after " + std::to_string(delay.count()) + " ms");
        const std::string out = "killed_" + std::to_string(delay.count());
        {
            Child child(small_sweep(out), dir());
            std::this_thread::sleep_for(delay);
            child.signal(SIGKILL);
            child.wait();
        }
        expect_finished_rows_readable(dir() / out, reference);
        auto resume = small_sweep(out);
        resume.push_back("--resume");
        const Finished resumed = run_brink(resume, dir());
        ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
        expect_same_files_as_reference(dir() / out, reference);
    }
}

TEST_F(Hardening, SweepKilledRepeatedlyWhileResumingStillCompletesIdentically) {
    const Reference& reference = small_sweep_reference();
    auto command = small_sweep("out");
    command.push_back("--resume");  // on a fresh directory --resume simply starts
    // Each session is killed a little later than the last, so every session adds a segment of rows.
    for (const auto delay : {100ms, 150ms, 200ms, 250ms, 300ms}) {
        Child child(command, dir());
        std::this_thread::sleep_for(delay);
        child.signal(SIGKILL);
        child.wait();
        expect_finished_rows_readable(dir() / "out", reference);
    }
    const Finished resumed = run_brink(command, dir());
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    expect_same_files_as_reference(dir() / "out", reference);
}

TEST_F(Hardening, ResumingAFinishedSweepRewritesTheSameFiles) {
    const Reference& reference = small_sweep_reference();
    ASSERT_EQ(run_brink(small_sweep("out"), dir()).exit_code, 0);
    auto command = small_sweep("out");
    command.push_back("--resume");
    const Finished resumed = run_brink(command, dir());
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    expect_same_files_as_reference(dir() / "out", reference);
}

TEST_F(Hardening, SigintStopsASweepWithExitCodeOneKeepingFinishedRows) {
    const Reference& reference = small_sweep_reference();
    // One thread, so that the sweep is still running when the first rows are on disk.
    auto command = small_sweep("out");
    command[6] = "1";  // --threads 1
    const fs::path partial = dir() / "out" / "runs.csv.partial";
    std::string rows_before_resume;
    {
        Child child(command, dir());
        // Interrupt once at least one row is on disk (or give up after 60 s).
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        while (!child.exited() && std::chrono::steady_clock::now() < deadline &&
               lines_of(read_file(partial)).size() < 2) {
            std::this_thread::sleep_for(10ms);
        }
        if (child.exited()) {
            GTEST_SKIP() << "the sweep finished before it could be interrupted";
        }
        child.signal(SIGINT);
        EXPECT_EQ(child.exit_code(), 1) << "docs/cli.md: a sweep stopped by Ctrl-C exits with 1";
        EXPECT_NE(child.err().find("--resume"), std::string::npos) << child.err();
        EXPECT_FALSE(fs::exists(dir() / "out" / "runs.csv")) << "an interrupted sweep has no final runs.csv";
        rows_before_resume = read_file(partial);
    }
    ASSERT_FALSE(rows_before_resume.empty());
    EXPECT_EQ(rows_before_resume.back(), '\n') << "SIGINT lets every row in flight finish: no torn row";
    EXPECT_LT(lines_of(rows_before_resume).size(), 301U);
    expect_finished_rows_readable(dir() / "out", reference);
    EXPECT_TRUE(temporaries_under(dir() / "out").empty());
    command.push_back("--resume");
    const Finished resumed = run_brink(command, dir());
    ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
    expect_same_files_as_reference(dir() / "out", reference);
}

TEST_F(Hardening, SigintStopsAnEnsembleWithExitCodeOneAndCompleteFiles) {
    const fs::path out = dir() / "ensemble";
    Child child({"run", "--runs", "100000", "--threads", "1", "--quiet", "--out", out.string()}, dir());
    std::this_thread::sleep_for(1500ms);
    ASSERT_FALSE(child.exited()) << "100000 runs cannot be done in 1.5 s";
    child.signal(SIGINT);
    EXPECT_EQ(child.exit_code(), 1) << child.err();
    const nlohmann::json summary = nlohmann::json::parse(read_file(out / "summary.json"));
    EXPECT_EQ(summary["complete"], false);
    const auto rows = lines_of(read_file(out / "runs.csv"));
    ASSERT_GE(rows.size(), 1U);
    EXPECT_EQ(rows.size() - 1, summary["runs"].get<std::size_t>()) << "runs.csv covers the finished runs";
    EXPECT_TRUE(fs::exists(out / "quantiles.csv"));
    EXPECT_TRUE(temporaries_under(out).empty());
}

TEST_F(Hardening, RunIntoAPathThatIsAFileFailsWithExitCodeOneNamingIt) {
    const fs::path file = dir() / "taken";
    std::ofstream(file) << "not a directory\n";
    const Finished finished = run_brink({"run", "--quiet", "--out", file.string()}, dir());
    EXPECT_EQ(finished.exit_code, 1);
    EXPECT_NE(finished.err.find(file.string()), std::string::npos) << finished.err;
    EXPECT_EQ(read_file(file), "not a directory\n");
    EXPECT_TRUE(temporaries_under(dir()).empty());
}

TEST_F(Hardening, RunIntoADirectoryBelowAFileFailsWithExitCodeOneNamingIt) {
    // Root ignores permissions, so "not writable" is made with a path whose parent is a regular file.
    std::ofstream(dir() / "file") << "x\n";
    const fs::path out = dir() / "file" / "out";
    const Finished finished = run_brink({"run", "--quiet", "--out", out.string()}, dir());
    EXPECT_EQ(finished.exit_code, 1);
    EXPECT_NE(finished.err.find(out.string()), std::string::npos) << finished.err;
    EXPECT_TRUE(temporaries_under(dir()).empty());
}

TEST_F(Hardening, RunIntoAnUnwritableFileSystemFailsWithExitCodeOneNamingIt) {
    // /proc refuses new directories, even to root.
    const std::string out = "/proc/brink_hardening_out";
    const Finished finished = run_brink({"run", "--quiet", "--out", out}, dir());
    EXPECT_EQ(finished.exit_code, 1);
    EXPECT_NE(finished.err.find(out), std::string::npos) << finished.err;
}

TEST_F(Hardening, RunOnAFullDiskFailsWithExitCodeOneAndLeavesNothing) {
    SpawnOptions full_disk;
    full_disk.file_size_limit = 4096;  // far below trajectory.csv of the default scenario
    const fs::path out = dir() / "out";
    const Finished finished = run_brink({"run", "--quiet", "--out", out.string()}, dir(), full_disk);
    EXPECT_EQ(finished.exit_code, 1) << finished.err;
    EXPECT_NE(finished.err.find(out.string()), std::string::npos) << finished.err;
    EXPECT_TRUE(temporaries_under(dir()).empty());
    EXPECT_FALSE(fs::exists(out))
        << "docs/cli.md: a directory brink created and could not write to is removed";
}

TEST_F(Hardening, RunOnAFullDiskKeepsTheFilesOfAnEarlierRun) {
    const fs::path out = dir() / "out";
    ASSERT_EQ(run_brink({"run", "--quiet", "--out", out.string()}, dir()).exit_code, 0);
    const std::string trajectory = read_file(out / "trajectory.csv");
    SpawnOptions full_disk;
    full_disk.file_size_limit = 4096;
    const Finished finished =
        run_brink({"run", "--quiet", "--seed", "2", "--out", out.string()}, dir(), full_disk);
    EXPECT_EQ(finished.exit_code, 1) << finished.err;
    EXPECT_EQ(read_file(out / "trajectory.csv"), trajectory) << "all-or-nothing: the old files stay whole";
    EXPECT_TRUE(temporaries_under(dir()).empty());
}

TEST_F(Hardening, EnsembleOnAFullDiskFailsWithExitCodeOneAndLeavesNoTemporaries) {
    SpawnOptions full_disk;
    full_disk.file_size_limit = 2048;
    const fs::path out = dir() / "out";
    const Finished finished = run_brink(
        {"run", "--runs", "40", "--threads", "2", "--quiet", "--out", out.string()}, dir(), full_disk);
    EXPECT_EQ(finished.exit_code, 1) << finished.err;
    EXPECT_NE(finished.err.find(out.string()), std::string::npos) << finished.err;
    EXPECT_TRUE(temporaries_under(dir()).empty());
}

TEST_F(Hardening, SweepOnAFullDiskFailsWithExitCodeOneNamingTheFile) {
    // runs.csv.partial is streamed in place (docs/sweeps.md), so a symbolic link to /dev/full gives ENOSPC.
    const fs::path out = dir() / "out";
    fs::create_directories(out);
    fs::create_symlink("/dev/full", out / "runs.csv.partial");
    const Finished finished = run_brink(small_sweep(out.string()), dir());
    EXPECT_EQ(finished.exit_code, 1) << finished.err;
    EXPECT_NE(finished.err.find((out / "runs.csv.partial").string()), std::string::npos) << finished.err;
    EXPECT_FALSE(fs::exists(out / "runs.csv"));
    EXPECT_TRUE(temporaries_under(dir()).empty());
}

TEST_F(Hardening, SweepIntoAPathThatIsAFileFailsWithExitCodeOneNamingIt) {
    const fs::path file = dir() / "taken";
    std::ofstream(file) << "x\n";
    const Finished finished = run_brink(small_sweep(file.string()), dir());
    EXPECT_EQ(finished.exit_code, 1);
    EXPECT_NE(finished.err.find(file.string()), std::string::npos) << finished.err;
    EXPECT_EQ(read_file(file), "x\n");
}

// A kill between a temporary's creation and its rename leaves `NAME.tmp-<pid>` behind; the next run into the
// same directory removes those of its own outputs and no other file. The pid is above Linux's largest
// pid_max (2^22), so no live process owns it.
TEST_F(Hardening, SweepRemovesStaleTemporariesOfItsOutputsLeftByAKilledSweep) {
    const Reference& reference = small_sweep_reference();
    for (const bool resume : {false, true}) {
        SCOPED_TRACE(resume ? "--resume" : "a fresh sweep");
        const std::string out = resume ? "resumed" : "fresh";
        fs::create_directories(dir() / out);
        for (const char* name : {"runs.csv", "points.csv", "sobol.csv", "sweep.json"}) {
            std::ofstream(dir() / out / (std::string(name) + ".tmp-4194999")) << "half a file";
        }
        std::ofstream(dir() / out / "notes.txt.tmp-4194999") << "the user's file";
        auto command = small_sweep(out);
        if (resume) {
            command.push_back("--resume");
        }
        const Finished finished = run_brink(command, dir());
        ASSERT_EQ(finished.exit_code, 0) << finished.err;
        EXPECT_EQ(read_file(dir() / out / "notes.txt.tmp-4194999"), "the user's file");
        fs::remove(dir() / out / "notes.txt.tmp-4194999");
        expect_same_files_as_reference(dir() / out, reference);
    }
}

TEST_F(Hardening, RunAndEnsembleRemoveStaleTemporariesOfTheirOutputs) {
    const fs::path out = dir() / "out";
    fs::create_directories(out);
    for (const char* name : {"trajectory.csv", "summary.json", "runs.csv", "quantiles.csv"}) {
        std::ofstream(out / (std::string(name) + ".tmp-4194999")) << "half a file";
    }
    ASSERT_EQ(run_brink({"run", "--quiet", "--out", out.string()}, dir()).exit_code, 0);
    EXPECT_TRUE(fs::exists(out / "runs.csv.tmp-4194999")) << "not an output of a single run";
    // The folder now holds a single run (brink.json): an ensemble replaces it only when forced.
    const Finished ensemble = run_brink(
        {"run", "--runs", "4", "--threads", "1", "--quiet", "--force", "--out", out.string()}, dir());
    ASSERT_EQ(ensemble.exit_code, 0) << ensemble.err;
    EXPECT_TRUE(temporaries_under(out).empty());
}
