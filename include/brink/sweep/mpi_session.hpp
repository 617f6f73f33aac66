// An MPI session for a command that distributes its own units of work over the ranks that mpirun started
// (brink calibrate: points; the sweep runner uses it for runs). Only the main thread calls MPI
// (MPI_THREAD_FUNNELED). In a build without MPI (BRINK_MPI off), constructing one throws.
#pragma once

#include <string>
#include <vector>

namespace brink::sweep {

/// Initialises MPI unless the caller has, and finalises what it initialised.
class MpiSession {
  public:
    /// Throws std::runtime_error when brink was built without MPI or MPI cannot start.
    MpiSession();
    ~MpiSession();
    MpiSession(const MpiSession&) = delete;
    MpiSession& operator=(const MpiSession&) = delete;

    int rank() const { return m_rank; }  ///< This process's rank in MPI_COMM_WORLD, [0, size).
    int size() const { return m_size; }  ///< The number of ranks, >= 1.

    /// Collective: rank 0 receives every rank's text in rank order (its own first); the other ranks get an
    /// empty vector. Texts of any length (sent in chunks).
    std::vector<std::string> gather_text(const std::string& mine) const;
    /// Collective: true when `mine` is true on every rank.
    bool all(bool mine) const;

  private:
    bool m_owned = false;
    int m_rank = 0;
    int m_size = 1;
};

}  // namespace brink::sweep
