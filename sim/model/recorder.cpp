// The recorder: event log, daily dyad sums, BDM rounds and trajectory of a run (docs/outputs.md; support
// metrics of docs/model.md §4.3, recomputed at every sample).
#include "brink/model/recorder.hpp"

#include "brink/model/coalitions.hpp"
#include "priorities.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <string>
#include <utility>

namespace brink::model {

namespace {

/// A repeated signal (the tenth warning from Lavrov to NATO) is news only the first time: these event types
/// are key only on the first occurrence of their (type, source, target), so charts label what changed.
bool repeatable(EventType type) {
    return type == EventType::Threat || type == EventType::Support || type == EventType::Sanction ||
           type == EventType::RequestSupport || type == EventType::AnswerRequest ||
           type == EventType::DeclineRequest || type == EventType::Reiterate ||
           type == EventType::Concession || type == EventType::Statement;
}

}  // namespace

Recorder::Recorder(const CrisisState& state, engine::Simulation& sim, const RecordOptions& options)
    : m_state(state), m_sim(sim), m_options(options) {
    const auto& wanted = state.spec.output.metrics;
    const auto want = [&](const char* metric) {
        return wanted.empty() || std::find(wanted.begin(), wanted.end(), metric) != wanted.end();
    };
    m_want_rung = want("rung");
    m_want_pressure = want("pressure");
    m_want_position = want("position");
    m_want_support = want("expected_support");
    m_want_prevail = want("p_prevail");
    const auto n = ix(state.n);
    m_dyad_cell.assign(n * n, -1);
    m_key_signal_seen.assign(ix(k_event_type_count) * (n + 1) * (n + 1), 0);
}

void Recorder::schedule_samples() {
    if (!m_options.trajectory) {
        return;
    }
    const ScenarioSpec& spec = m_state.spec;
    const double interval = spec.output.sample_interval > 0.0 ? spec.output.sample_interval : 1.0;
    const auto count = static_cast<long long>(std::floor(m_state.horizon / interval));
    // Room for the daily samples and as many again at events (a typical run's mix), so the table is not
    // copied a dozen times while it grows; capped so a long run of a large scenario reserves at most 64 MB.
    const auto rows_per_sample = ix(m_state.n) * (4 + ix(m_state.m));
    const std::size_t wanted =
        (spec.output.event_samples ? 2 : 1) * static_cast<std::size_t>(count + 1) * rows_per_sample;
    m_trajectory.reserve(std::min<std::size_t>(wanted, (std::size_t{64} << 20) / sizeof(TrajectorySample)));
    for (long long s = 0; s <= count; ++s) {
        // Fast path (function pointer, context = this): no closure stored per sample.
        m_sim.schedule_at(
            static_cast<double>(s) * interval, k_priority_sample,
            [](engine::Simulation&, void* self) {
                static_cast<Recorder*>(self)->record_sample(SampleKind::Interval);
            },
            this);
    }
}

void Recorder::on_event(double time, const LoggedEvent& event, double goldstein, const Describe& describe) {
    if (!m_options.events) {
        return;
    }
    EventRecord record;
    record.time = time;
    record.seq = m_events.size();
    record.type = event.type;
    record.source = event.source;
    record.target = event.target;
    record.issue = event.issue;
    record.value = event.issue >= 0 ? event.value : 0.0;
    record.cameo = std::string(event.cameo);
    record.goldstein = goldstein;
    record.description = describe();
    record.key =
        event.key && (!repeatable(event.type) || first_signal(event.type, event.source, event.target));
    m_events.push_back(std::move(record));
    if (event.source >= 0 && event.target >= 0 && !event.cameo.empty() && time >= 0.0) {
        add_dyad_event(static_cast<int>(std::floor(time)), event.source, event.target, goldstein);
    }
    m_logged_since_sample = true;
}

bool Recorder::first_signal(EventType type, int source, int target) {
    const int t = static_cast<int>(type);
    const int n = m_state.n;
    if (source >= -1 && source < n && target >= -1 && target < n) {
        char& seen = m_key_signal_seen[(ix(t) * ix(n + 1) + ix(source + 1)) * ix(n + 1) + ix(target + 1)];
        const bool first = seen == 0;
        seen = 1;
        return first;
    }
    return m_key_signals.insert({t, source, target}).second;
}

void Recorder::on_sample(SampleKind kind, bool only_if_logged) {
    if (!only_if_logged || m_logged_since_sample) {
        record_sample(kind);
    }
}

void Recorder::add_dyad_event(int day, int source, int target, double goldstein) {
    if (day < m_dyad_day) {
        // Not reached (time never runs backwards once the run has started); kept for safety: the row goes
        // to its sorted place among the days already flushed.
        const auto at = std::lower_bound(m_dyads.begin(), m_dyads.end(), std::tuple{day, source, target},
                                         [](const DyadDay& row, const std::tuple<int, int, int>& key) {
                                             return std::tuple{row.day, row.source, row.target} < key;
                                         });
        if (at == m_dyads.end() || at->day != day || at->source != source || at->target != target) {
            m_dyads.insert(at, DyadDay{day, source, target, goldstein, 1});
        } else {
            at->goldstein_sum += goldstein;
            at->events += 1;
        }
        return;
    }
    if (day != m_dyad_day) {
        flush_dyad_day();
        m_dyad_day = day;
    }
    int& cell = m_dyad_cell[ix(source) * ix(m_state.n) + ix(target)];
    if (cell < 0) {
        cell = static_cast<int>(m_dyad_today.size());
        m_dyad_today.push_back(DyadDay{day, source, target, 0.0, 0});
    }
    DyadDay& row = m_dyad_today[ix(cell)];
    row.goldstein_sum += goldstein;
    row.events += 1;
}

void Recorder::flush_dyad_day() {
    std::sort(m_dyad_today.begin(), m_dyad_today.end(), [](const DyadDay& a, const DyadDay& b) {
        return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    for (const DyadDay& row : m_dyad_today) {
        m_dyad_cell[ix(row.source) * ix(m_state.n) + ix(row.target)] = -1;
        m_dyads.push_back(row);
    }
    m_dyad_today.clear();
}

void Recorder::record_sample(SampleKind kind) {
    m_logged_since_sample = false;
    if (kind == SampleKind::Event && !m_state.spec.output.event_samples) {
        return;
    }
    if (!m_options.trajectory) {
        return;
    }
    const double now = m_sim.now();
    if (now < 0.0) {
        return;
    }
    auto& rows = m_trajectory;
    if (m_last_sample_time == now) {
        rows.resize(m_last_sample_begin);  // one sample per instant: the state after its last event
    }
    m_last_sample_begin = rows.size();
    m_last_sample_time = now;
    const CrisisState& s = m_state;
    Eigen::VectorXd& e = m_sample_pressure;
    s.pressure->values(now, e);
    for (int i = 0; i < s.n; ++i) {
        if (m_want_rung) {
            rows.push_back({now, i, Metric::Rung, -1, static_cast<double>(s.rung[ix(i)])});
        }
        if (m_want_pressure) {
            rows.push_back({now, i, Metric::Pressure, -1, e(i)});
        }
        if (m_want_position) {
            for (int k = 0; k < s.m; ++k) {
                if (s.holds(i, k)) {
                    rows.push_back({now, i, Metric::Position, k, s.position(i, k)});
                }
            }
        }
        if (m_want_support || m_want_prevail) {
            // docs/model.md §11.1: the objective metrics against the main opponent on their contested issue.
            const int j = s.opponent(i);
            const SupportMetrics metrics =
                support_metrics(s, i, j, j >= 0 ? s.contested_issue(i, j) : -1, now);
            if (m_want_support) {
                rows.push_back({now, i, Metric::ExpectedSupport, -1, metrics.expected_support});
            }
            if (m_want_prevail && j >= 0) {
                rows.push_back({now, i, Metric::ProbabilityOfPrevailing, -1, metrics.p_prevail});
            }
        }
    }
}

void Recorder::on_bdm_round(int issue, const std::vector<int>& who, const BdmRound& round,
                            const std::vector<double>& moved_to) {
    if (!m_options.bdm_rounds) {
        return;
    }
    if (m_bdm_round_count.size() <= ix(issue)) {
        m_bdm_round_count.resize(ix(issue) + 1, 0);
    }
    const int number = ++m_bdm_round_count[ix(issue)];
    for (std::size_t a = 0; a < who.size(); ++a) {
        for (std::size_t b = 0; b < who.size(); ++b) {
            if (a == b) {
                continue;
            }
            const auto ia = static_cast<Eigen::Index>(a);
            const auto ib = static_cast<Eigen::Index>(b);
            BdmPairRecord r;
            r.time = m_sim.now();
            r.issue = issue;
            r.round = number;
            r.actor = who[a];
            r.other = who[b];
            r.position = m_state.position(who[a], issue);  // positions are moved after the observers hear
            r.other_position = m_state.position(who[b], issue);
            r.median = round.median_position;
            r.mean = round.mean_position;
            r.spread = round.spread;
            r.votes = round.votes(ia, ib);
            r.probability = round.prob_success(ia, ib);
            r.expected_utility = round.expected_utility(ia, ib);
            r.perceived_utility = round.perceived_expected_utility(ia, ib);
            r.risk = round.risk(ia);
            r.outcome = round.outcome[a][b];
            r.offer = round.offer(ia, ib);
            r.new_position = round.new_positions(ia);
            r.moved_to = moved_to[a];
            m_bdm_rounds.push_back(r);
        }
    }
}

void Recorder::finish(RunResult& result) {
    flush_dyad_day();
    result.bdm_rounds = std::move(m_bdm_rounds);
    result.events = std::move(m_events);
    result.dyads = std::move(m_dyads);
    result.trajectory = std::move(m_trajectory);
}

}  // namespace brink::model
