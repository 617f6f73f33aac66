// Tests of include/brink/io/atomic_file.hpp: temporaries, renames, cleanup and errors that name the path.
#include "brink/io/atomic_file.hpp"
#include "brink_test_support.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using brink::io::AtomicFile;
using brink::io::IoError;

namespace {

using brink::test_support::read_file;

// A fresh directory per test, removed afterwards.
class TempDir : public brink::test_support::TempDir {
  public:
    TempDir() : brink::test_support::TempDir("brink_atomic") {}
};

std::size_t count_entries(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

std::string message_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const IoError& error) {
        return error.what();
    }
    return "(no IoError thrown)";
}

}  // namespace

TEST(AtomicFile, WritesUnderATemporaryNameUntilCommitted) {
    TempDir dir;
    const fs::path target = dir.path() / "out.csv";
    AtomicFile file(target);
    file.write("a,b\n");
    EXPECT_FALSE(fs::exists(target));
    EXPECT_TRUE(fs::exists(file.temporary()));
    EXPECT_EQ(file.temporary().filename().string(), "out.csv.tmp-" + std::to_string(::getpid()));
    file.commit();
    EXPECT_EQ(read_file(target), "a,b\n");
    EXPECT_FALSE(fs::exists(file.temporary()));
    EXPECT_EQ(count_entries(dir.path()), 1U);
}

TEST(AtomicFile, ReplacesAnExistingFileOnlyOnCommit) {
    TempDir dir;
    const fs::path target = dir.path() / "summary.json";
    brink::io::write_file_atomically(target, "old\n");
    {
        AtomicFile file(target);
        file.write("new\n");
        file.finish();
        EXPECT_EQ(read_file(target), "old\n");
        file.publish();
    }
    EXPECT_EQ(read_file(target), "new\n");
}

TEST(AtomicFile, RemovesItsTemporaryWhenAnExceptionUnwindsBeforeCommit) {
    TempDir dir;
    const fs::path target = dir.path() / "events.csv";
    brink::io::write_file_atomically(target, "complete old file\n");
    try {
        AtomicFile file(target);
        file.write("half of a ");
        throw std::runtime_error("model failed mid-way");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(read_file(target), "complete old file\n");
    EXPECT_EQ(count_entries(dir.path()), 1U) << "the temporary was left behind";
}

TEST(AtomicFile, WritesLargeContentsThatCrossTheBufferThreshold) {
    TempDir dir;
    const fs::path target = dir.path() / "trajectory.csv";
    std::string expected;
    AtomicFile file(target);
    for (int row = 0; row < 20000; ++row) {
        const std::string line = std::to_string(row) + ",russia,rung,3\n";
        expected += line;
        file.write(line);
    }
    file.commit();
    EXPECT_EQ(read_file(target), expected);
}

TEST(AtomicFile, FailedWriteMidwayThrowsNamingThePathAndLeavesNothing) {
    TempDir dir;
    const fs::path target = dir.path() / "trajectory.csv";
    // A file-size limit makes write() fail with EFBIG part-way, as a full disk fails with ENOSPC.
    rlimit saved{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = 100000;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    std::string message;
    try {
        AtomicFile file(target);
        for (int chunk = 0; chunk < 100; ++chunk) {
            file.write(std::string(10000, 'x'));
        }
        file.commit();
    } catch (const IoError& error) {
        message = error.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous_handler);
    EXPECT_EQ(message, "cannot write '" + target.string() + "': File too large");
    EXPECT_EQ(count_entries(dir.path()), 0U) << "a partial or temporary file was left behind";
}

TEST(AtomicFile, RefusesToWriteAfterDiscard) {
    TempDir dir;
    AtomicFile file(dir.path() / "x.csv");
    file.discard();
    EXPECT_THROW(file.write("x"), IoError);
    EXPECT_THROW(file.commit(), IoError);
    EXPECT_FALSE(fs::exists(dir.path() / "x.csv"));
}

TEST(AtomicFile, MissingDirectoryIsAnErrorNamingThePath) {
    TempDir dir;
    const fs::path target = dir.path() / "no_such_dir" / "events.csv";
    const std::string message = message_of([&] { AtomicFile file(target); });
    EXPECT_NE(message.find((dir.path() / "no_such_dir").string()), std::string::npos) << message;
    EXPECT_NE(message.find("No such file or directory"), std::string::npos) << message;
}

TEST(AtomicFile, TargetThatIsADirectoryIsAnErrorNamingThePath) {
    TempDir dir;
    const fs::path target = dir.path() / "events.csv";
    fs::create_directory(target);
    const std::string message = message_of([&] { AtomicFile file(target); });
    EXPECT_EQ(message, "cannot write '" + target.string() + "': it exists and is a directory");
}

TEST(EnsureDirectory, CreatesMissingParentsAndReportsIt) {
    TempDir dir;
    const fs::path out = dir.path() / "out" / "ukraine_2022";
    EXPECT_EQ(brink::io::ensure_directory(out), brink::io::DirectoryCreation::Created);
    EXPECT_TRUE(fs::is_directory(out));
    EXPECT_EQ(brink::io::ensure_directory(out), brink::io::DirectoryCreation::AlreadyExisted);
}

TEST(EnsureDirectory, PathThatIsAFileIsAnErrorNamingThePath) {
    TempDir dir;
    const fs::path out = dir.path() / "results";
    brink::io::write_file_atomically(out, "not a directory\n");
    EXPECT_EQ(message_of([&] { brink::io::ensure_directory(out); }),
              "cannot use '" + out.string() + "' as the output directory: it exists and is not a directory");
    EXPECT_EQ(message_of([&] { brink::io::ensure_directory(out / "run1"); }),
              "cannot create the output directory '" + (out / "run1").string() + "': '" + out.string() +
                  "' exists and is not a directory");
}

TEST(EnsureDirectory, UnwritableDirectoryIsAnErrorNamingThePath) {
    TempDir dir;
    fs::path out = dir.path() / "read_only";
    fs::create_directory(out);
    fs::permissions(out, fs::perms::owner_read | fs::perms::owner_exec);
    if (::access(out.c_str(), W_OK) == 0) {
        // Running as root: permission bits do not stop us. /proc refuses new entries even to root.
        out = "/proc/brink_unwritable_output";
    }
    const std::string message = message_of([&] { brink::io::ensure_directory(out); });
    EXPECT_NE(message.find("'" + out.string() + "'"), std::string::npos) << message;
    EXPECT_EQ(message.rfind("cannot ", 0), 0U) << message;
}

// A pid above Linux's largest possible pid_max (2^22): no live process can own it.
constexpr const char* k_dead_pid = "4194999";

TEST(RemoveStaleTemporaries, RemovesOnlyTheTemporariesOfTheNamedOutputs) {
    TempDir dir;
    for (const char* name : {"runs.csv.tmp-4194999", "points.csv.tmp-1", "notes.txt.tmp-4194999", "runs.csv",
                             "runs.csv.tmp-", "runs.csv.tmp-12x", "xruns.csv.tmp-4194999"}) {
        std::ofstream(dir.path() / name) << "x";
    }
    // pid 1 is alive (init): its temporary is another live writer's and stays.
    EXPECT_EQ(brink::io::remove_stale_temporaries(dir.path(), {"runs.csv", "points.csv"}), 1U);
    EXPECT_FALSE(fs::exists(dir.path() / (std::string("runs.csv.tmp-") + k_dead_pid)));
    for (const char* kept : {"points.csv.tmp-1", "notes.txt.tmp-4194999", "runs.csv", "runs.csv.tmp-",
                             "runs.csv.tmp-12x", "xruns.csv.tmp-4194999"}) {
        EXPECT_TRUE(fs::exists(dir.path() / kept)) << kept;
    }
}

TEST(RemoveStaleTemporaries, TreatsATemporaryWithThisProcessesPidAsStale) {
    TempDir dir;
    const fs::path stale = brink::io::temporary_path_for(dir.path() / "summary.json");
    std::ofstream(stale) << "left by an earlier process that had the same pid";
    EXPECT_EQ(brink::io::remove_stale_temporaries(dir.path(), {"summary.json"}), 1U);
    EXPECT_FALSE(fs::exists(stale));
}

TEST(RemoveStaleTemporaries, ChartPatternsMatchAnyChartOfADeadRenderer) {
    TempDir dir;
    const std::string dead = k_dead_pid;
    for (const std::string& name : std::vector<std::string>{
             "escalation.png.tmp-" + dead + "-3", "p_war_heatmap.svg.tmp-" + dead + "-0",
             "events.pdf.tmp-" + dead, "events.png.tmp-" + dead + "-2.gp",
             "events.png.tmp-" + dead + "-2.err", "events.png.tmp-1-2", "notes.txt.tmp-" + dead + "-1",
             ".png.tmp-" + dead + "-1", "events.png.tmp-" + dead + "-", "events.png"}) {
        std::ofstream(dir.path() / name) << "x";
    }
    EXPECT_EQ(brink::io::remove_stale_temporaries(dir.path(), brink::io::k_chart_temporary_names), 5U);
    // Kept: a live renderer's (pid 1), another kind of file, a bare extension, a malformed counter, a chart.
    for (const std::string& kept :
         std::vector<std::string>{"events.png.tmp-1-2", "notes.txt.tmp-" + dead + "-1",
                                  ".png.tmp-" + dead + "-1", "events.png.tmp-" + dead + "-", "events.png"}) {
        EXPECT_TRUE(fs::exists(dir.path() / kept)) << kept;
    }
}

TEST(RemoveStaleTemporaries, MissingDirectoryRemovesNothing) {
    TempDir dir;
    EXPECT_EQ(brink::io::remove_stale_temporaries(dir.path() / "absent", {"runs.csv"}), 0U);
}
