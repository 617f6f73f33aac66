// brink io: crash-safe output files. Every output is written under a temporary name in its final directory
// (`NAME.tmp-<pid>`), flushed to disk with fsync, and renamed over NAME only when complete, so a reader never
// sees half a file (docs/outputs.md). A file that is never committed leaves nothing behind.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace brink::io {

/// A failure to write output (unwritable directory, disk full, a path that is a file where a directory is
/// needed, ...). The message names the path. The CLI maps it to exit code 1.
class IoError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// One output file written atomically: to `NAME.tmp-<pid>` first, renamed over NAME by commit().
///
/// Two-phase use, for writing several files all-or-nothing: write() each file, finish() each (flush, fsync,
/// close: every byte is on disk under the temporary name), then publish() each (rename). commit() does
/// finish() then publish(). The destructor removes the temporary if the file was not published.
/// Not copyable; movable.
class AtomicFile {
  public:
    /// Creates (truncates) the temporary next to `target`. Throws IoError naming the path if it cannot.
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();

    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;

    /// Appends bytes. Throws IoError (e.g. disk full) naming the path; the temporary is then removed.
    void write(std::string_view bytes);

    /// Flushes, fsyncs and closes the temporary. Throws IoError on failure.
    void finish();

    /// Renames the finished temporary over the target (finishing it first if needed). Throws IoError.
    void publish();

    /// finish() then publish().
    void commit() { publish(); }

    /// Removes the temporary now (idempotent; never throws). A published file is left alone.
    void discard() noexcept;

    /// The final path.
    const std::filesystem::path& target() const { return m_target; }

    /// The temporary path, `<target>.tmp-<pid>`.
    const std::filesystem::path& temporary() const { return m_temporary; }

  private:
    void write_buffer();

    std::filesystem::path m_target;
    std::filesystem::path m_temporary;
    std::string m_buffer;  // bytes not yet handed to the kernel
    enum class State { Open, Finished, Published, Discarded };
    int m_fd = -1;
    State m_state = State::Open;
};

/// Writes `contents` to `target` atomically (AtomicFile::commit). Throws IoError.
void write_file_atomically(const std::filesystem::path& target, std::string_view contents);

/// Writes each (name, contents) into `dir` all or nothing: every file is finished under its temporary name
/// before any is renamed. Returns the paths written, in order. Throws IoError naming the path, leaving no
/// temporary behind.
std::vector<std::string> write_files_atomically(
    const std::filesystem::path& dir, const std::vector<std::pair<std::string, std::string>>& files);

/// Whether ensure_directory() had to create the directory.
enum class DirectoryCreation { AlreadyExisted, Created };

/// Makes sure `dir` exists as a writable directory, creating it and its parents if needed. Throws IoError
/// naming the path when it exists as a file, cannot be created, or is not writable.
DirectoryCreation ensure_directory(const std::filesystem::path& dir);

/// The temporary name used for `target` by this process: `<target>.tmp-<pid>`.
std::filesystem::path temporary_path_for(const std::filesystem::path& target);

/// Removes the temporaries `<name>.tmp-<pid>` that a killed process left in `dir` for each of `names` (the
/// caller's own output file names; other files are never touched). A temporary of another process that is
/// still alive is left alone. Call before writing the outputs again. Returns how many were removed; never
/// throws (a temporary that cannot be removed stays and is harmless).
std::size_t remove_stale_temporaries(const std::filesystem::path& dir, const std::vector<std::string>& names);
/// The chart formats' temporaries: for remove_stale_temporaries on a charts/ directory.
inline const std::vector<std::string> k_chart_temporary_names = {"*.png", "*.svg", "*.pdf", "*.html"};

}  // namespace brink::io
