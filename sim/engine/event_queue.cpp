#include "brink/engine/event_queue.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace brink::engine {

void EventQueue::throw_bad_time(Time t) const {
    if (t < m_now) {
        throw std::invalid_argument("EventQueue: cannot schedule in the past (t = " + std::to_string(t) +
                                    " < now = " + std::to_string(m_now) + ")");
    }
    throw std::invalid_argument("EventQueue: event time must be finite, got " + std::to_string(t));
}

void EventQueue::throw_null_callback() {
    throw std::invalid_argument("EventQueue: null callback");
}

std::uint32_t EventQueue::grow_pool() {
    if (m_slots.size() >= kNoSlot) {
        throw std::length_error("EventQueue: more than 2^32 - 1 pending events");
    }
    m_slots.push_back(Slot{nullptr, nullptr, 0, 0, 0, kNotInHeap, kNoSlot});
    return static_cast<std::uint32_t>(m_slots.size() - 1);
}

void EventQueue::close_root_hole() const {
    m_root_vacant = false;
    const HeapEntry last = m_heap.back();
    m_heap.pop_back();
    if (!m_heap.empty()) {  // otherwise the hole was the only position left
        sift_down(0, last);
    }
}

void EventQueue::remove_at(std::size_t index) {
    const HeapEntry last = m_heap.back();
    m_heap.pop_back();
    if (index == m_heap.size()) {
        return;  // removed the last entry itself
    }
    // The former last entry fills the hole; it may belong above or below it.
    if (index > 0 && earlier(last, m_heap[(index - 1) / kArity])) {
        sift_up(index, last);
    } else {
        sift_down(index, last);
    }
}

bool EventQueue::is_pending(EventHandle handle) const {
    return handle.slot < m_slots.size() && m_slots[handle.slot].generation == handle.generation &&
           m_slots[handle.slot].heap_index != kNotInHeap;
}

bool EventQueue::cancel(EventHandle handle) {
    if (!is_pending(handle)) {
        return false;
    }
    fill_root();
    remove_at(m_slots[handle.slot].heap_index);
    release_slot(handle.slot);
    return true;
}

bool EventQueue::reschedule(EventHandle handle, Time t) {
    if (!is_pending(handle)) {
        return false;
    }
    check_time(t);
    fill_root();
    const std::size_t index = m_slots[handle.slot].heap_index;
    HeapEntry entry = m_heap[index];
    entry.time = t;
    m_slots[handle.slot].sequence = m_next_sequence++;
    if (index > 0 && earlier(entry, m_heap[(index - 1) / kArity])) {
        sift_up(index, entry);
    } else {
        sift_down(index, entry);
    }
    return true;
}

void EventQueue::advance_to(Time t) {
    if (std::isnan(t) || t < m_now) {
        throw std::invalid_argument("EventQueue::advance_to: time must not go back");
    }
    if (!empty() && t > next_time()) {
        throw std::invalid_argument("EventQueue::advance_to: cannot pass a pending event");
    }
    m_now = t;
}

void EventQueue::reserve(std::size_t pending_events) {
    m_heap.reserve(pending_events);
    m_slots.reserve(pending_events);
}

}  // namespace brink::engine
