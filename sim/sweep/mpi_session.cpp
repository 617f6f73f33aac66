// MpiSession (include/brink/sweep/mpi_session.hpp): MPI's start and end, and the two collectives a command
// that distributes its own work needs. Without BRINK_HAVE_MPI, the constructor throws.
#include "brink/sweep/mpi_session.hpp"

#include "sweep_internal.hpp"

#include <stdexcept>

#ifdef BRINK_HAVE_MPI

#include <mpi.h>

#include <algorithm>
#include <cstdint>

namespace brink::sweep {

namespace detail {
void mpi_check(int code, const char* what) {
    if (code != MPI_SUCCESS) {
        throw std::runtime_error(std::string("MPI error in ") + what);
    }
}
}  // namespace detail

namespace {
constexpr int k_tag_size = 11;  // not the sweep runner's tags (1, 2): a session may carry both
constexpr int k_tag_chunk = 12;
constexpr std::size_t k_chunk_bytes = detail::k_mpi_chunk_bytes;
constexpr auto check = detail::mpi_check;
}  // namespace

MpiSession::MpiSession() {
    int initialised = 0;
    MPI_Initialized(&initialised);
    if (initialised == 0) {
        int provided = 0;
        check(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
        m_owned = true;
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &m_rank);
    MPI_Comm_size(MPI_COMM_WORLD, &m_size);
}

MpiSession::~MpiSession() {
    int finalised = 0;
    MPI_Finalized(&finalised);
    if (m_owned && finalised == 0) {
        MPI_Finalize();
    }
}

std::vector<std::string> MpiSession::gather_text(const std::string& mine) const {
    if (m_rank != 0) {
        std::uint64_t size = mine.size();
        check(MPI_Send(&size, 1, MPI_UINT64_T, 0, k_tag_size, MPI_COMM_WORLD), "MPI_Send");
        for (std::size_t offset = 0; offset < mine.size(); offset += k_chunk_bytes) {
            const std::size_t count = std::min(k_chunk_bytes, mine.size() - offset);
            check(MPI_Send(mine.data() + offset, static_cast<int>(count), MPI_CHAR, 0, k_tag_chunk,
                           MPI_COMM_WORLD),
                  "MPI_Send");
        }
        return {};
    }
    std::vector<std::string> texts{mine};
    for (int source = 1; source < m_size; ++source) {
        std::uint64_t size = 0;
        check(MPI_Recv(&size, 1, MPI_UINT64_T, source, k_tag_size, MPI_COMM_WORLD, MPI_STATUS_IGNORE),
              "MPI_Recv");
        std::string text(size, '\0');
        for (std::size_t offset = 0; offset < text.size(); offset += k_chunk_bytes) {
            const std::size_t count = std::min<std::size_t>(k_chunk_bytes, text.size() - offset);
            check(MPI_Recv(text.data() + offset, static_cast<int>(count), MPI_CHAR, source, k_tag_chunk,
                           MPI_COMM_WORLD, MPI_STATUS_IGNORE),
                  "MPI_Recv");
        }
        texts.push_back(std::move(text));
    }
    return texts;
}

bool MpiSession::all(bool mine) const {
    int flag = mine ? 1 : 0;
    int every = 0;
    check(MPI_Allreduce(&flag, &every, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD), "MPI_Allreduce");
    return every != 0;
}

}  // namespace brink::sweep

#else  // BRINK_HAVE_MPI

namespace brink::sweep {

MpiSession::MpiSession() {
    throw std::runtime_error("this brink was built without MPI (configure with -DBRINK_MPI=ON)");
}
MpiSession::~MpiSession() = default;
std::vector<std::string> MpiSession::gather_text(const std::string& mine) const {
    return {mine};
}
bool MpiSession::all(bool mine) const {
    return mine;
}

}  // namespace brink::sweep

#endif  // BRINK_HAVE_MPI
