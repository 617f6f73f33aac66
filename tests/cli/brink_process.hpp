// The `brink` executable run as a process in a folder, its standard streams captured through files (the cli
// tests of `brink score` and `brink calibrate`).
#pragma once

#include "brink_test_support.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace brink::test_support {

/// What a finished `brink` process left.
struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// `text` as one single-quoted shell word.
inline std::string shell_quote(const std::string& text) {
    std::string quoted = "'";
    for (const char c : text) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

/// Runs BRINK_EXECUTABLE with `arguments` in `dir` (standard input empty); its output goes to dir/.out and
/// dir/.err, read back.
inline ProcessResult run_brink_in(const std::filesystem::path& dir,
                                  const std::vector<std::string>& arguments) {
    std::string command = "cd " + shell_quote(dir.string()) + " && " + shell_quote(BRINK_EXECUTABLE);
    for (const std::string& argument : arguments) {
        command += " " + shell_quote(argument);
    }
    command += " >" + shell_quote((dir / ".out").string()) + " 2>" + shell_quote((dir / ".err").string()) +
               " </dev/null";
    const int status = std::system(command.c_str());
    ProcessResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_file(dir / ".out");
    result.err = read_file(dir / ".err");
    return result;
}

}  // namespace brink::test_support
