// Internal to brink_sweep: a thread pool that executes runs and hands their results back in dispatch order.
//
// Ids come from `next_id` in increasing order and are dispatched in that order. Workers (std::jthread) run
// `work(id)`; the calling thread receives results through `emit(id, result)` strictly in dispatch order via a
// reorder buffer. Dispatch never runs more than `window` ids ahead of the oldest result not yet emitted, so
// the buffer holds at most `window` results whatever the number of runs (flat memory). When `stop` is set,
// no new id is dispatched; runs in flight finish and are emitted, so every finished run is kept.
#pragma once

#include "brink/sweep/sweep.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace brink::sweep::detail {

/// Threads to use: `requested`, or all hardware threads when 0 (at least 1).
inline int resolve_threads(int requested) {
    if (requested > 0) {
        return requested;
    }
    return static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
}

/// Outcome of execute_ordered.
struct ExecutionSummary {
    std::uint64_t emitted = 0;  ///< Results handed to `emit`.
    bool stopped = false;       ///< True when `stop` ended dispatch before the ids ran out.
};

/// The pool behind execute_ordered (see the top of this file). One object per execution.
template <typename Result>
class OrderedExecutor {
  public:
    using NextId = std::function<std::optional<std::uint64_t>()>;
    using Work = std::function<Result(std::uint64_t)>;
    using Emit = std::function<void(std::uint64_t, Result&&)>;

    OrderedExecutor(std::size_t window, const NextId& next_id, const Work& work, const Emit& emit,
                    const std::atomic<bool>* stop)
        : m_window(window), m_next_id(next_id), m_work(work), m_emit(emit), m_stop(stop) {}

    /// Runs every id on `threads` workers, emitting in dispatch order on the calling thread; `tick` is called
    /// after each round of emits (about every 100 ms). Rethrows the first error of `emit`, then of `work`.
    ExecutionSummary run(int threads, const std::function<void(std::uint64_t)>& tick) {
        ExecutionSummary summary;
        {
            std::vector<std::jthread> pool;
            pool.reserve(static_cast<std::size_t>(threads));
            for (int t = 0; t < threads; ++t) {
                pool.emplace_back([this] { work_loop(); });
            }
            std::unique_lock lock(m_mutex);
            while (true) {
                m_result_ready.wait_for(lock, std::chrono::milliseconds(100), [&] {
                    return m_buffer.contains(m_emitted) || ((m_exhausted || m_halt) && m_running == 0) ||
                           stop_requested();
                });
                if (stop_requested() && !m_halt) {
                    m_halt = true;
                    m_work_ready.notify_all();
                }
                emit_ready(lock, summary);
                lock.unlock();
                if (tick) {
                    tick(summary.emitted);
                }
                lock.lock();
                // After an emit error the buffered results are never emitted: stop once the workers are idle.
                if ((m_exhausted || m_halt) && m_running == 0 &&
                    (m_emit_error || !m_buffer.contains(m_emitted))) {
                    break;
                }
            }
            summary.stopped = m_halt && !m_exhausted;
            lock.unlock();
        }  // joins the pool
        if (m_emit_error) {
            std::rethrow_exception(m_emit_error);
        }
        if (m_worker_error) {
            std::rethrow_exception(m_worker_error);
        }
        return summary;
    }

  private:
    bool stop_requested() const { return m_stop != nullptr && m_stop->load(); }

    void notify_all() {
        m_result_ready.notify_all();
        m_work_ready.notify_all();
    }

    // Hands the next id to a worker once the window has room; false when the worker should end.
    bool dispatch(std::uint64_t& seq, std::uint64_t& id) {
        std::unique_lock lock(m_mutex);
        m_work_ready.wait(lock, [&] { return m_halt || m_exhausted || m_dispatched < m_emitted + m_window; });
        if (m_halt || m_exhausted) {
            return false;
        }
        if (stop_requested()) {
            m_halt = true;
            notify_all();
            return false;
        }
        const auto next = m_next_id();
        if (!next) {
            m_exhausted = true;
            notify_all();
            return false;
        }
        id = *next;
        seq = m_dispatched++;
        ++m_running;
        return true;
    }

    void work_loop() {
        while (true) {
            std::uint64_t seq = 0;
            std::uint64_t id = 0;
            if (!dispatch(seq, id)) {
                return;
            }
            std::optional<Result> result;
            try {
                result.emplace(m_work(id));
            } catch (...) {
                std::lock_guard lock(m_mutex);
                if (!m_worker_error) {
                    m_worker_error = std::current_exception();
                }
                m_halt = true;
            }
            std::lock_guard lock(m_mutex);
            if (result) {
                m_buffer.emplace(seq, std::make_pair(id, std::move(*result)));
            }
            --m_running;
            notify_all();
        }
    }

    // Emits every buffered result that is next in dispatch order (the lock is held on entry and exit, and
    // released around each emit).
    void emit_ready(std::unique_lock<std::mutex>& lock, ExecutionSummary& summary) {
        while (!m_emit_error) {
            auto found = m_buffer.find(m_emitted);
            if (found == m_buffer.end()) {
                return;
            }
            auto [id, result] = std::move(found->second);
            m_buffer.erase(found);
            lock.unlock();
            try {
                m_emit(id, std::move(result));
            } catch (...) {
                m_emit_error = std::current_exception();
            }
            lock.lock();
            ++m_emitted;
            ++summary.emitted;
            m_work_ready.notify_all();
            if (m_emit_error) {
                m_halt = true;
            }
        }
    }

    const std::size_t m_window;
    const NextId& m_next_id;
    const Work& m_work;
    const Emit& m_emit;
    const std::atomic<bool>* m_stop;
    std::mutex m_mutex;
    std::condition_variable m_work_ready;    // workers wait for window space
    std::condition_variable m_result_ready;  // the caller waits for results
    std::uint64_t m_dispatched = 0;          // sequence numbers handed out
    std::uint64_t m_emitted = 0;             // sequence numbers emitted
    bool m_exhausted = false;
    bool m_halt = false;  // stop dispatching (stop flag, or an emit error)
    std::size_t m_running = 0;
    std::map<std::uint64_t, std::pair<std::uint64_t, Result>> m_buffer;  // seq -> (id, result)
    std::exception_ptr m_worker_error;
    std::exception_ptr m_emit_error;  // only the calling thread touches it
};

/// Runs the ids `next_id` gives on `threads` workers and emits their results in dispatch order (see the top
/// of this file).
template <typename Result>
ExecutionSummary execute_ordered(int threads, std::size_t window,
                                 const std::function<std::optional<std::uint64_t>()>& next_id,
                                 const std::function<Result(std::uint64_t)>& work,
                                 const std::function<void(std::uint64_t, Result&&)>& emit,
                                 const std::atomic<bool>* stop,
                                 const std::function<void(std::uint64_t)>& tick) {
    OrderedExecutor<Result> executor(window, next_id, work, emit, stop);
    return executor.run(threads, tick);
}

/// Runs ids 0 .. total−1 on `thread_option` threads (0: every core) with the ensembles' window, emitting in
/// id order and reporting Progress (with the failures `failed` counts) to `progress` when it is set.
template <typename Result>
ExecutionSummary execute_counted(std::uint64_t total, int thread_option,
                                 const std::function<Result(std::uint64_t)>& work,
                                 const std::function<void(std::uint64_t, Result&&)>& emit,
                                 const std::atomic<bool>* stop,
                                 const std::function<void(const Progress&)>& progress,
                                 const std::function<std::uint64_t()>& failed) {
    std::uint64_t cursor = 0;
    const std::function<std::optional<std::uint64_t>()> next = [&]() -> std::optional<std::uint64_t> {
        if (cursor >= total) {
            return std::nullopt;
        }
        return cursor++;
    };
    const auto start = std::chrono::steady_clock::now();
    const std::function<void(std::uint64_t)> tick = [&](std::uint64_t done) {
        if (progress) {
            Progress report;
            report.done = done;
            report.total = total;
            report.failed = failed();
            report.elapsed_seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            progress(report);
        }
    };
    const int threads = resolve_threads(thread_option);
    const std::size_t window = std::max<std::size_t>(64, 8 * static_cast<std::size_t>(threads));
    return execute_ordered<Result>(threads, window, next, work, emit, stop, tick);
}

}  // namespace brink::sweep::detail
