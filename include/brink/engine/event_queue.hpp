// brink engine: the pending-event set (future event list) of the discrete-event kernel.
//
// Ordering invariants
// -------------------
// Events leave the queue in strictly increasing order of the key (time, priority, sequence):
//   1. earlier `time` (days) first;
//   2. among events at the same time, lower `priority` first;
//   3. among events with the same time and priority, lower insertion `sequence` first (FIFO).
// The sequence is a 64-bit counter taken at push() and again at reschedule(), so it is unique and the key is
// a strict total order: ties never depend on memory addresses, slot numbers, hash order or the heap's layout,
// and the same sequence of operations always pops the same sequence of events. The clock never goes back:
// push() and reschedule() refuse a time earlier than now() (the time of the last popped event, or the time
// set by advance_to()), and refuse NaN and +-infinity, with std::invalid_argument.
//
// Ownership
// ---------
// The queue owns its storage (a slot pool and a heap of keys). It does NOT own what an event's `context`
// points to: the caller keeps that object alive until the event has run or been cancelled. Handles are plain
// values (slot, generation); they never dangle: once an event has been popped or cancelled its slot's
// generation is bumped, so every operation on an old handle is a safe no-op returning false, even after the
// slot has been reused by a newer event. (The generation is 32 bits: a handle kept across 2^32 reuses of the
// same slot would alias; no run comes near that.)
//
// Data structure
// --------------
// A 4-ary min-heap of 16-byte entries {time, priority, slot} (the primary keys are stored in the heap so that
// comparisons chase a pointer only on a tie in time and priority, to read the insertion sequence) over a pool
// of 40-byte slots {callback, context, sequence, tag, generation, heap index}. Each slot knows its position
// in the heap, so cancel and reschedule find their entry in O(1) and repair the heap in O(log n). pop()
// leaves a hole at the root and the next push() drops its entry into that hole and sifts it down, so the
// kernel's usual "pop an event, its callback pushes the next" costs one sift instead of two (any other
// operation closes the hole first). Freed slots go on an intrusive LIFO free list and are reused; the pool
// and the heap are std::vectors that grow geometrically and never shrink, so once the queue has reached its
// peak size there is NO heap allocation per event on the hot path (push, pop, cancel, reschedule). reserve()
// pre-sizes both.
//
// Complexity (n = pending events)
// -------------------------------
// | operation            | time                  | allocates                         |
// |----------------------|-----------------------|-----------------------------------|
// | push                 | O(log n)              | only when the pool grows (amort.) |
// | pop (earliest)       | O(log n)              | never                             |
// | next_time / empty    | O(1)                  | never                             |
// | cancel               | O(log n)              | never                             |
// | reschedule           | O(log n)              | never                             |
// | is_pending           | O(1)                  | never                             |
// Memory: 16 bytes per pending event in the heap plus 40 bytes per slot (slots = peak pending events).
//
// Not thread-safe: one queue belongs to one Simulation, which belongs to one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace brink::engine {

class Simulation;

/// Simulation time in days from the scenario's start.
using Time = double;

/// Fast-path callback: a free function and an opaque context (see simulation.hpp).
using EventFn = void (*)(Simulation& sim, void* context);

/// Refers to a scheduled event; stays safe to use after the event ran (operations then return false).
struct EventHandle {
    std::uint32_t slot = 0xFFFFFFFFu;  ///< Index of the event's slot in the queue's pool; 0xFFFFFFFF if none.
    std::uint32_t generation = 0;      ///< The slot's generation when the event was scheduled.
    /// True if the handle was returned by a schedule call (it may still refer to an event that has run).
    bool valid() const { return slot != 0xFFFFFFFFu; }
};

/// One event as it leaves the queue: its key, its callback and the handle it was scheduled under.
struct ScheduledEvent {
    Time time = 0.0;             ///< When it runs (days).
    int priority = 0;            ///< Lower runs first among simultaneous events.
    std::uint64_t sequence = 0;  ///< Insertion sequence number (unique, increasing).
    EventFn fn = nullptr;        ///< Callback to run.
    void* context = nullptr;     ///< Opaque argument for fn (not owned).
    std::uint32_t tag = 0;       ///< Caller-chosen tag for tracing; 0 if none.
    EventHandle handle;          ///< The handle the event was scheduled under (now stale).
};

/// Pending-event set ordered by (time, priority, insertion sequence); see the file comment for the
/// invariants, the ownership contract and the complexity table.
class EventQueue {
  public:
    /// An empty queue whose clock stands at time 0.
    EventQueue() = default;

    /// Inserts an event at absolute time `t` (finite, >= now(), else std::invalid_argument); fn must not be
    /// null.
    EventHandle push(Time t, int priority, EventFn fn, void* context, std::uint32_t tag = 0);
    /// Removes a pending event. Returns false (and does nothing) if it already ran or was cancelled.
    bool cancel(EventHandle handle);
    /// Moves a pending event to time `t` (finite, >= now(), else std::invalid_argument), keeping its
    /// priority; it gets a new insertion sequence, i.e. it runs after events already scheduled at the same
    /// (t, priority). The handle stays valid. Returns false if the event is not pending.
    bool reschedule(EventHandle handle, Time t);
    /// True while the event is in the queue.
    bool is_pending(EventHandle handle) const;

    /// True if no event is pending.
    bool empty() const { return size() == 0; }
    /// Number of pending events.
    std::size_t size() const { return m_heap.size() - (m_root_vacant ? 1u : 0u); }
    /// Time of the earliest pending event. Precondition: !empty().
    Time next_time() const {
        fill_root();
        return m_heap.front().time;
    }
    /// Removes and returns the earliest event, and advances now() to its time. Precondition: !empty().
    ScheduledEvent pop();

    /// The queue's clock: time of the last popped event, or the last advance_to(); 0 at the start.
    Time now() const { return m_now; }
    /// Moves the clock forward to `t` without popping (t >= now() and t <= next_time(), else
    /// std::invalid_argument). Used by the kernel to stop exactly at a horizon.
    void advance_to(Time t);
    /// Pre-sizes the pool and heap for `pending_events` simultaneous events.
    void reserve(std::size_t pending_events);
    /// Total number of sequence numbers handed out (pushes plus reschedules).
    std::uint64_t sequences_issued() const { return m_next_sequence; }

  private:
    /// Heap entry: the primary keys plus the slot it belongs to (16 bytes: a node's four children span 64
    /// bytes). The insertion sequence, needed only on a tie in time and priority, lives in the slot.
    struct HeapEntry {
        Time time;
        int priority;
        std::uint32_t slot;
    };
    /// Pool slot: the event's payload, its sequence and its position in the heap (kNotInHeap when free)
    /// (40 bytes).
    struct Slot {
        EventFn fn;
        void* context;
        std::uint64_t sequence;  ///< Insertion sequence of the pending event (the last tie-breaker).
        std::uint32_t tag;
        std::uint32_t generation;
        std::uint32_t heap_index;
        std::uint32_t next_free;  ///< Next slot on the free list (kNoSlot at its end) while free.
    };
    static constexpr std::uint32_t kNotInHeap = 0xFFFFFFFFu;
    static constexpr std::uint32_t kNoSlot = 0xFFFFFFFFu;
    static constexpr std::size_t kArity = 4;

    /// Strict (time, priority, sequence) order.
    bool earlier(const HeapEntry& a, const HeapEntry& b) const {
        if (a.time != b.time) {
            return a.time < b.time;
        }
        if (a.priority != b.priority) {
            return a.priority < b.priority;
        }
        return m_slots[a.slot].sequence < m_slots[b.slot].sequence;
    }
    [[noreturn]] void throw_bad_time(Time t) const;
    [[noreturn]] static void throw_null_callback();
    void check_time(Time t) const {
        // One comparison for the common case; NaN fails it too.
        if (!(t >= m_now && t <= kMaxTime)) {
            throw_bad_time(t);
        }
    }
    std::uint32_t acquire_slot() {
        if (m_free_head != kNoSlot) {
            const std::uint32_t slot = m_free_head;
            m_free_head = m_slots[slot].next_free;
            return slot;
        }
        return grow_pool();
    }
    std::uint32_t grow_pool();
    void release_slot(std::uint32_t slot) {
        Slot& s = m_slots[slot];
        s.heap_index = kNotInHeap;
        ++s.generation;  // makes every outstanding handle to this event stale
        s.next_free = m_free_head;
        m_free_head = slot;
    }
    void place(std::size_t index, const HeapEntry& entry) const {
        m_heap[index] = entry;
        m_slots[entry.slot].heap_index = static_cast<std::uint32_t>(index);
    }
    void sift_up(std::size_t index, const HeapEntry& entry) const;
    void sift_down(std::size_t index, const HeapEntry& entry) const;
    /// Closes the hole a pop() left at the root (deferred so that a push right after a pop costs one sift).
    void fill_root() const {
        if (m_root_vacant) {
            close_root_hole();
        }
    }
    void close_root_hole() const;
    void remove_at(std::size_t index);

    static constexpr Time kMaxTime = 1.7976931348623157e308;  ///< Largest finite double.

    // The heap, the slots' heap indices and the vacancy flag are mutable because next_time() const may have
    // to close the root hole; that changes the layout, never the observable set or order of events.
    mutable std::vector<HeapEntry> m_heap;  ///< 4-ary min-heap of keys; m_heap[0] is a hole if m_root_vacant.
    mutable std::vector<Slot> m_slots;      ///< Slot pool (grows, never shrinks).
    mutable bool m_root_vacant = false;     ///< pop() left the root empty.
    std::uint32_t m_free_head = kNoSlot;    ///< First slot of the intrusive LIFO free list.
    std::uint64_t m_next_sequence = 0;      ///< Next insertion sequence number.
    Time m_now = 0.0;                       ///< Time of the last pop / advance_to.
};

// Hot-path operations are inline so that a callback scheduling its successor compiles to straight-line code.

inline void EventQueue::sift_up(std::size_t index, const HeapEntry& entry) const {
    while (index > 0) {
        const std::size_t parent = (index - 1) / kArity;
        if (!earlier(entry, m_heap[parent])) {
            break;
        }
        place(index, m_heap[parent]);
        index = parent;
    }
    place(index, entry);
}

inline void EventQueue::sift_down(std::size_t index, const HeapEntry& entry) const {
    const std::size_t n = m_heap.size();
    for (;;) {
        const std::size_t first_child = kArity * index + 1;
        if (first_child >= n) {
            break;
        }
        std::size_t best = first_child;
        if (first_child + kArity <= n) {  // full family: fixed trip count, unrolled by the compiler
            for (std::size_t c = first_child + 1; c < first_child + kArity; ++c) {
                if (earlier(m_heap[c], m_heap[best])) {
                    best = c;
                }
            }
        } else {
            for (std::size_t c = first_child + 1; c < n; ++c) {
                if (earlier(m_heap[c], m_heap[best])) {
                    best = c;
                }
            }
        }
        if (!earlier(m_heap[best], entry)) {
            break;
        }
        place(index, m_heap[best]);
        index = best;
    }
    place(index, entry);
}

inline EventHandle EventQueue::push(Time t, int priority, EventFn fn, void* context, std::uint32_t tag) {
    check_time(t);
    if (fn == nullptr) {
        throw_null_callback();
    }
    const std::uint32_t slot = acquire_slot();
    Slot& s = m_slots[slot];
    s.fn = fn;
    s.context = context;
    s.tag = tag;
    s.sequence = m_next_sequence++;
    const HeapEntry entry{t, priority, slot};
    if (m_root_vacant) {
        m_root_vacant = false;
        sift_down(0, entry);
    } else {
        m_heap.push_back(entry);
        sift_up(m_heap.size() - 1, entry);
    }
    return EventHandle{slot, s.generation};
}

inline ScheduledEvent EventQueue::pop() {
    fill_root();
    const HeapEntry top = m_heap.front();
    const Slot& s = m_slots[top.slot];
    const ScheduledEvent event{
        top.time, top.priority, s.sequence, s.fn, s.context, s.tag, EventHandle{top.slot, s.generation}};
    m_root_vacant = true;
    release_slot(top.slot);
    m_now = top.time;
    return event;
}

}  // namespace brink::engine
