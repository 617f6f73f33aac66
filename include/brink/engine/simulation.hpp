// brink engine: the simulation kernel (clock, event queue, stop conditions, observers, RNG streams).
//
// The engine knows nothing about diplomacy. It never prints or writes files: tracing goes through
// Observer. See event_queue.hpp for ordering invariants and complexity.
//
// Processes are plain callbacks. Fast path: a function pointer plus a context pointer (no allocation per
// event: the queue entry holds both). Convenience path: a std::function; the closure is stored in a side pool
// indexed by the event's queue slot, so the queue entry stays small and the pool's storage is reused (the
// std::function itself may still allocate when its closure is larger than its small-buffer, about 16 bytes
// in libstdc++). A recurring process is a callback that schedules its own next occurrence.
//
// Example: an actor deciding at Poisson times (rate per day), on the fast path:
//     struct Actor { RngStream* rng; double rate; };
//     void decide(Simulation& sim, void* context) {
//         auto* actor = static_cast<Actor*>(context);
//         /* ... decide ... */
//         sim.schedule_in(actor->rng->exponential(actor->rate), 0, decide, actor);
//     }
//     Actor russia{&sim.rng("actor/russia"), 0.5};
//     sim.schedule_in(russia.rng->exponential(russia.rate), 0, decide, &russia);
//
// Why callbacks and not C++20 coroutines:
//   - every coroutine frame is a heap allocation (compilers rarely elide it for a frame that outlives its
//     caller, which a process's always does), against the "no allocation per event" rule;
//   - determinism: a resumption must still go through the queue's (time, priority, sequence) order, so a
//     coroutine would be a callback that resumes a handle, with the frame's lifetime to manage on cancel;
//   - a model process in brink is short (decide, schedule the next decision); its state lives in the model's
//     actor structs, which observers and the recorder read anyway, so a suspended frame buys little.
//
// Run semantics (run()):
//   Before each event: a pending request_stop() returns Requested; having executed `event_budget` events in
//   this call returns EventBudget; an empty queue returns QueueEmpty (now() stays at the last event's time);
//   an earliest event later than `horizon` returns Horizon, with now() moved to exactly the horizon (events
//   at the horizon itself still run). Then observers see the event, its callback runs, the after-event hook
//   (if set) runs, events_processed() grows. After each event: request_stop() from inside the callback
//   returns Requested; else a predicate that holds returns Predicate. On every return, observers' on_end and
//   then the end hooks (in registration order) run. run() may be called again to continue (e.g. to a later
//   horizon). An exception thrown by a callback propagates out of run() without running end hooks; the queue
//   stays consistent (the event is consumed).
#pragma once

#include "brink/engine/event_queue.hpp"
#include "brink/engine/rng.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace brink::engine {

class Simulation;

// EventFn (the fast-path callback type: void (*)(Simulation&, void* context)) is declared in event_queue.hpp.

/// Read-only view of an event as it is executed, for observers.
struct EventView {
    Time time;               ///< When it runs (days).
    int priority;            ///< Lower runs first among simultaneous events.
    std::uint64_t sequence;  ///< Insertion sequence number (unique, increasing).
    std::uint32_t tag;       ///< Caller-chosen tag (e.g. a model event kind) for tracing; 0 if none.
};

/// Observer interface for tracing (taskflow/adevs style). Observers see read-only views and must not
/// draw random numbers or schedule events.
class Observer {
  public:
    virtual ~Observer() = default;
    /// Called just before an event's callback runs.
    virtual void on_event(const EventView& event) = 0;
    /// Called once when run() returns.
    virtual void on_end(Time /*now*/, std::uint64_t /*events_processed*/) {}
};

/// Why run() returned.
enum class StopReason { Horizon, Predicate, EventBudget, Requested, QueueEmpty };

/// When to stop. All conditions are checked; the first to hold stops the run.
struct StopConditions {
    Time horizon =
        365.0;  ///< Stop before any event later than this (days; >= now(), may be +inf). Default 365.
    std::uint64_t event_budget =
        100'000'000;  ///< Stop after this many events in one run() call. Default 1e8.
    std::function<bool(const Simulation&)>
        predicate;  ///< Checked after each event; stop when true. Default none.
};

/// The discrete-event simulation kernel. Not copyable (events refer to it); one per thread.
class Simulation {
  public:
    /// A simulation whose random streams all derive from `seed`.
    explicit Simulation(std::uint64_t seed);
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;
    /// Destroys pending closures; contexts of pending fast-path events are not owned and not touched.
    ~Simulation();

    /// Current simulation time in days.
    Time now() const { return m_queue.now(); }

    /// Schedules `fn(sim, context)` at absolute time `t` (finite, >= now(), else std::invalid_argument).
    EventHandle schedule_at(Time t, int priority, EventFn fn, void* context, std::uint32_t tag = 0) {
        return m_queue.push(t, priority, fn, context, tag);
    }
    /// Schedules `fn(sim, context)` after delay `dt` (finite, >= 0, else std::invalid_argument).
    EventHandle schedule_in(Time dt, int priority, EventFn fn, void* context, std::uint32_t tag = 0) {
        return m_queue.push(delay_to_time(dt), priority, fn, context, tag);
    }
    /// Convenience: schedules a std::function at absolute time t (closure kept in a slot-indexed side pool).
    EventHandle schedule_at(Time t, int priority, std::function<void(Simulation&)> fn, std::uint32_t tag = 0);
    /// Convenience: schedules a std::function after delay dt.
    EventHandle schedule_in(Time dt, int priority, std::function<void(Simulation&)> fn,
                            std::uint32_t tag = 0);

    /// Cancels a pending event. Returns false if it already ran or was cancelled.
    bool cancel(EventHandle handle);
    /// Moves a pending event to time t (>= now()); it gets a new insertion sequence. Returns false if not
    /// pending.
    bool reschedule(EventHandle handle, Time t) { return m_queue.reschedule(handle, t); }
    /// True while the event is in the queue.
    bool is_pending(EventHandle handle) const { return m_queue.is_pending(handle); }

    /// Runs events in (time, priority, sequence) order until a stop condition holds (see the file comment).
    /// Throws std::invalid_argument if the horizon is NaN or earlier than now().
    StopReason run(const StopConditions& stop);
    /// Asks run() to return after the current event (a terminal outcome).
    void request_stop() { m_stop_requested = true; }

    /// Number of events executed so far (over all run() calls).
    std::uint64_t events_processed() const { return m_events_processed; }
    /// Number of events pending.
    std::size_t pending() const { return m_queue.size(); }
    /// Pre-sizes the event queue for this many simultaneous pending events.
    void reserve_events(std::size_t pending_events);

    /// The named random sub-stream (created on first use). Adding a stream leaves others' draws unchanged.
    /// The reference stays valid for the Simulation's lifetime. Throws std::invalid_argument if `stream_name`
    /// hashes (stream_key) like a different existing name.
    RngStream& rng(std::string_view stream_name);
    /// The replication seed.
    std::uint64_t seed() const { return m_seed; }

    /// Attaches an observer (not owned; must outlive the run).
    void add_observer(Observer* observer);
    /// Registers a hook run once when run() returns.
    void on_end(std::function<void(Simulation&)> hook);
    /// Sets the one hook run after every event's callback (nullptr: none), e.g. a model that batches the
    /// consequences of an event's state changes. A plain function pointer: no allocation, one indirect call.
    void set_after_event(EventFn hook, void* context) {
        m_after_event = hook;
        m_after_event_context = context;
    }

  private:
    /// A named stream; kept sorted by name so lookups and iteration are deterministic.
    struct NamedStream {
        std::string name;
        std::uint64_t key;
        std::unique_ptr<RngStream> stream;  ///< Heap-held so references survive the vector growing.
    };
    /// now() + dt, validated.
    Time delay_to_time(Time dt) const;
    /// Fast-path trampoline that runs the closure stored for the executing event's slot.
    static void run_closure(Simulation& sim, void* context);
    /// Stores a closure for the event just scheduled under `handle`.
    void store_closure(EventHandle handle, std::function<void(Simulation&)>&& fn);

    EventQueue m_queue;                                         ///< Pending events.
    std::uint64_t m_seed;                                       ///< Replication seed.
    std::uint64_t m_events_processed = 0;                       ///< Events executed over all runs.
    bool m_stop_requested = false;                              ///< Set by request_stop(), cleared by run().
    std::uint32_t m_current_slot = 0;                           ///< Queue slot of the executing event.
    std::vector<std::function<void(Simulation&)>> m_closures;   ///< Closure side pool, indexed by queue slot.
    std::vector<NamedStream> m_streams;                         ///< Named RNG streams, sorted by name.
    std::vector<Observer*> m_observers;                         ///< Attached observers (not owned).
    std::vector<std::function<void(Simulation&)>> m_end_hooks;  ///< Run when run() returns.
    EventFn m_after_event = nullptr;                            ///< Run after every event, if set.
    void* m_after_event_context = nullptr;                      ///< Its argument.
};

}  // namespace brink::engine
