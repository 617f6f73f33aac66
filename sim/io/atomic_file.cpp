#include "brink/io/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <utility>

namespace brink::io {
namespace {

// Large enough that a trajectory of a few MB goes out in a few hundred syscalls.
constexpr std::size_t k_flush_threshold = std::size_t{1} << 16;

std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

[[noreturn]] void throw_errno(const std::string& what, const std::filesystem::path& path, int error) {
    throw IoError("cannot " + what + " " + quoted(path) + ": " + std::strerror(error));
}

// After a rename the directory entry itself must reach the disk for the new name to survive a power cut.
// Failure here is not fatal: the data is already safe under one of the two names.
void sync_directory(const std::filesystem::path& dir) {
    const std::string name = dir.empty() ? std::string(".") : dir.string();
    const int fd = ::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

std::filesystem::path temporary_path_for(const std::filesystem::path& target) {
    std::filesystem::path temporary = target;
    temporary += ".tmp-" + std::to_string(::getpid());
    return temporary;
}

std::size_t remove_stale_temporaries(const std::filesystem::path& dir,
                                     const std::vector<std::string>& names) {
    std::error_code error;
    std::filesystem::directory_iterator entries(dir.empty() ? std::filesystem::path(".") : dir, error);
    if (error) {
        return 0;
    }
    std::size_t removed = 0;
    for (const auto& entry : entries) {
        const std::string file_name = entry.path().filename().string();
        const auto marker = file_name.rfind(".tmp-");
        if (marker == std::string::npos || marker + 5 == file_name.size()) {
            continue;
        }
        // NAME.tmp-<pid> (io::AtomicFile), or NAME.tmp-<pid>-<counter> and its companions
        // NAME.tmp-<pid>-<counter>.gp / .err (a chart rendering: the image, gnuplot's script and its
        // messages).
        std::string_view digits = std::string_view(file_name).substr(marker + 5);
        if (const auto dash = digits.find('-'); dash != std::string_view::npos) {
            std::string_view counter = digits.substr(dash + 1);
            for (const std::string_view companion : {".gp", ".err"}) {
                if (counter.ends_with(companion)) {
                    counter.remove_suffix(companion.size());
                }
            }
            if (counter.empty() || counter.find_first_not_of("0123456789") != std::string_view::npos) {
                continue;
            }
            digits = digits.substr(0, dash);
        }
        if (digits.empty() || digits.size() > 9 ||
            digits.find_first_not_of("0123456789") != std::string_view::npos) {
            continue;
        }
        const std::string_view base = std::string_view(file_name).substr(0, marker);
        bool own_output = false;
        for (const std::string& name : names) {
            // "*.png" stands for any NAME ending in ".png" (the charts directory holds only brink's charts).
            const bool pattern = name.size() > 1 && name[0] == '*';
            if (pattern ? base.size() > name.size() - 1 && base.ends_with(std::string_view(name).substr(1))
                        : base == name) {
                own_output = true;
            }
        }
        if (!own_output || !entry.is_regular_file(error)) {
            continue;
        }
        // A live writer (another process sharing the directory) keeps its temporary; this process has not
        // created any yet, so one with its own pid is from an earlier process that had the same pid.
        const auto pid = static_cast<pid_t>(std::stol(std::string(digits)));
        if (pid != ::getpid() && pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM)) {
            continue;
        }
        if (std::filesystem::remove(entry.path(), error)) {
            ++removed;
        }
    }
    return removed;
}

AtomicFile::AtomicFile(std::filesystem::path target)
    : m_target(std::move(target)), m_temporary(temporary_path_for(m_target)) {
    std::error_code error;
    if (std::filesystem::is_directory(m_target, error)) {
        throw IoError("cannot write " + quoted(m_target) + ": it exists and is a directory");
    }
    m_fd = ::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (m_fd < 0) {
        throw_errno("create", m_temporary, errno);
    }
}

AtomicFile::~AtomicFile() {
    discard();
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_target(std::move(other.m_target)),
      m_temporary(std::move(other.m_temporary)),
      m_buffer(std::move(other.m_buffer)),
      m_fd(std::exchange(other.m_fd, -1)),
      m_state(std::exchange(other.m_state, State::Discarded)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
    if (this != &other) {
        discard();
        m_target = std::move(other.m_target);
        m_temporary = std::move(other.m_temporary);
        m_buffer = std::move(other.m_buffer);
        m_fd = std::exchange(other.m_fd, -1);
        m_state = std::exchange(other.m_state, State::Discarded);
    }
    return *this;
}

void AtomicFile::write(std::string_view bytes) {
    if (m_state != State::Open) {
        throw IoError("cannot write " + quoted(m_target) + ": the file is already closed");
    }
    m_buffer.append(bytes);
    if (m_buffer.size() >= k_flush_threshold) {
        write_buffer();
    }
}

void AtomicFile::write_buffer() {
    std::size_t done = 0;
    while (done < m_buffer.size()) {
        const ssize_t written = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
        if (written < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int error = errno;
            discard();
            throw_errno("write", m_target, error);
        }
        done += static_cast<std::size_t>(written);
    }
    m_buffer.clear();
}

void AtomicFile::finish() {
    if (m_state == State::Finished || m_state == State::Published) {
        return;
    }
    if (m_state == State::Discarded) {
        throw IoError("cannot write " + quoted(m_target) + ": the file was discarded");
    }
    write_buffer();
    if (::fsync(m_fd) != 0) {
        const int error = errno;
        discard();
        throw_errno("write", m_target, error);
    }
    const int fd = std::exchange(m_fd, -1);
    if (::close(fd) != 0) {
        const int error = errno;
        discard();
        throw_errno("write", m_target, error);
    }
    m_state = State::Finished;
}

void AtomicFile::publish() {
    if (m_state == State::Published) {
        return;
    }
    finish();
    if (::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
        const int error = errno;
        discard();
        throw_errno("write", m_target, error);
    }
    m_state = State::Published;
    sync_directory(m_target.parent_path());
}

void AtomicFile::discard() noexcept {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (m_state == State::Open || m_state == State::Finished) {
        ::unlink(m_temporary.c_str());
        m_state = State::Discarded;
    }
}

void write_file_atomically(const std::filesystem::path& target, std::string_view contents) {
    AtomicFile file(target);
    file.write(contents);
    file.commit();
}

std::vector<std::string> write_files_atomically(
    const std::filesystem::path& dir, const std::vector<std::pair<std::string, std::string>>& files) {
    std::vector<AtomicFile> pending;
    std::vector<std::string> written;
    pending.reserve(files.size());
    for (const auto& [name, text] : files) {
        pending.emplace_back(dir / name);
        pending.back().write(text);
        pending.back().finish();
        written.push_back((dir / name).string());
    }
    for (AtomicFile& file : pending) {
        file.publish();
    }
    return written;
}

DirectoryCreation ensure_directory(const std::filesystem::path& dir) {
    std::error_code error;
    const auto status = std::filesystem::status(dir, error);
    DirectoryCreation creation = DirectoryCreation::AlreadyExisted;
    if (std::filesystem::exists(status)) {
        if (!std::filesystem::is_directory(status)) {
            throw IoError("cannot use " + quoted(dir) +
                          " as the output directory: it exists and is not a directory");
        }
    } else {
        // Find the first ancestor that is not a directory, to name the real culprit.
        for (std::filesystem::path parent = dir.parent_path(); !parent.empty();
             parent = parent.parent_path()) {
            const auto parent_status = std::filesystem::status(parent, error);
            if (std::filesystem::exists(parent_status)) {
                if (!std::filesystem::is_directory(parent_status)) {
                    throw IoError("cannot create the output directory " + quoted(dir) + ": " +
                                  quoted(parent) + " exists and is not a directory");
                }
                break;
            }
            if (parent == parent.parent_path()) {
                break;
            }
        }
        std::filesystem::create_directories(dir, error);
        if (error) {
            throw IoError("cannot create the output directory " + quoted(dir) + ": " + error.message());
        }
        creation = DirectoryCreation::Created;
    }
    if (::access(dir.c_str(), W_OK | X_OK) != 0) {
        throw_errno("write to the output directory", dir, errno);
    }
    return creation;
}

}  // namespace brink::io
