#include "brink/engine/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace brink::engine {

Simulation::Simulation(std::uint64_t seed) : m_seed(seed) {}

Simulation::~Simulation() = default;

Time Simulation::delay_to_time(Time dt) const {
    if (!(dt >= 0.0) || !std::isfinite(dt)) {
        throw std::invalid_argument("Simulation: delay must be finite and >= 0, got " + std::to_string(dt));
    }
    return now() + dt;
}

void Simulation::run_closure(Simulation& sim, void* /*context*/) {
    // Move the closure out first: the callback may schedule a new event that reuses this (already freed)
    // slot.
    std::function<void(Simulation&)> fn = std::move(sim.m_closures[sim.m_current_slot]);
    sim.m_closures[sim.m_current_slot] = nullptr;
    fn(sim);
}

void Simulation::store_closure(EventHandle handle, std::function<void(Simulation&)>&& fn) {
    if (m_closures.size() <= handle.slot) {
        m_closures.resize(static_cast<std::size_t>(handle.slot) + 1);
    }
    m_closures[handle.slot] = std::move(fn);
}

EventHandle Simulation::schedule_at(Time t, int priority, std::function<void(Simulation&)> fn,
                                    std::uint32_t tag) {
    if (!fn) {
        throw std::invalid_argument("Simulation::schedule_at: empty std::function");
    }
    const EventHandle handle = m_queue.push(t, priority, &Simulation::run_closure, nullptr, tag);
    store_closure(handle, std::move(fn));
    return handle;
}

EventHandle Simulation::schedule_in(Time dt, int priority, std::function<void(Simulation&)> fn,
                                    std::uint32_t tag) {
    return schedule_at(delay_to_time(dt), priority, std::move(fn), tag);
}

bool Simulation::cancel(EventHandle handle) {
    if (!m_queue.cancel(handle)) {
        return false;
    }
    // Release the closure's captures now rather than when the slot is reused.
    if (handle.slot < m_closures.size()) {
        m_closures[handle.slot] = nullptr;
    }
    return true;
}

StopReason Simulation::run(const StopConditions& stop) {
    if (std::isnan(stop.horizon) || stop.horizon < now()) {
        throw std::invalid_argument("Simulation::run: horizon must be >= now() and not NaN");
    }
    std::uint64_t executed = 0;
    StopReason reason = StopReason::QueueEmpty;
    for (;;) {
        if (m_stop_requested) {
            reason = StopReason::Requested;
            break;
        }
        if (executed >= stop.event_budget) {
            reason = StopReason::EventBudget;
            break;
        }
        if (m_queue.empty()) {
            reason = StopReason::QueueEmpty;
            break;
        }
        if (m_queue.next_time() > stop.horizon) {
            m_queue.advance_to(stop.horizon);
            reason = StopReason::Horizon;
            break;
        }
        const ScheduledEvent event = m_queue.pop();
        m_current_slot = event.handle.slot;
        if (!m_observers.empty()) {
            const EventView view{event.time, event.priority, event.sequence, event.tag};
            for (Observer* observer : m_observers) {
                observer->on_event(view);
            }
        }
        event.fn(*this, event.context);
        if (m_after_event != nullptr) {
            m_after_event(*this, m_after_event_context);
        }
        ++m_events_processed;
        ++executed;
        if (m_stop_requested) {
            reason = StopReason::Requested;
            break;
        }
        if (stop.predicate && stop.predicate(*this)) {
            reason = StopReason::Predicate;
            break;
        }
    }
    m_stop_requested = false;
    for (Observer* observer : m_observers) {
        observer->on_end(now(), m_events_processed);
    }
    for (auto& hook : m_end_hooks) {
        hook(*this);
    }
    return reason;
}

void Simulation::reserve_events(std::size_t pending_events) {
    m_queue.reserve(pending_events);
}

RngStream& Simulation::rng(std::string_view stream_name) {
    const auto it =
        std::lower_bound(m_streams.begin(), m_streams.end(), stream_name,
                         [](const NamedStream& s, std::string_view name) { return s.name < name; });
    if (it != m_streams.end() && it->name == stream_name) {
        return *it->stream;
    }
    const std::uint64_t key = stream_key(stream_name);
    for (const NamedStream& s : m_streams) {
        if (s.key == key) {
            throw std::invalid_argument("Simulation::rng: stream names '" + s.name + "' and '" +
                                        std::string(stream_name) + "' have the same stream key");
        }
    }
    const auto inserted = m_streams.insert(
        it, NamedStream{std::string(stream_name), key, std::make_unique<RngStream>(m_seed, key)});
    return *inserted->stream;
}

void Simulation::add_observer(Observer* observer) {
    if (observer == nullptr) {
        throw std::invalid_argument("Simulation::add_observer: null observer");
    }
    m_observers.push_back(observer);
}

void Simulation::on_end(std::function<void(Simulation&)> hook) {
    m_end_hooks.push_back(std::move(hook));
}

}  // namespace brink::engine
