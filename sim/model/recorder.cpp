// The recorder: event log, daily dyad sums and trajectory of a run (docs/outputs.md; support metrics of
// docs/model.md §4.3, reused between samples as §2.3 describes).
#include "brink/model/recorder.hpp"

#include "priorities.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <string>
#include <utility>

namespace brink::model {

namespace {

constexpr int k_event_type_count = static_cast<int>(EventType::Standoff) + 1;

/// A repeated signal (the tenth warning from Lavrov to NATO) is news only the first time: these event types
/// are key only on the first occurrence of their (type, source, target), so charts label what changed.
bool repeatable(EventType type) {
    return type == EventType::Threat || type == EventType::Support || type == EventType::Sanction ||
           type == EventType::RequestSupport || type == EventType::AnswerRequest ||
           type == EventType::DeclineRequest || type == EventType::Reiterate ||
           type == EventType::Concession || type == EventType::Statement;
}

/// Which rows of a relation column differ since the sampled copy, and whether they differ only in the sign
/// of a zero (== holds).
struct ColumnChanges {
    bool any = false;
    bool equal = true;
};

}  // namespace

Recorder::Recorder(CrisisState& state, engine::Simulation& sim, const RecordOptions& options)
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
    if (m_want_support || m_want_prevail) {
        refresh_sampled_support();
    }
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
        if (m_want_support) {
            rows.push_back({now, i, Metric::ExpectedSupport, -1, m_sampled_support[ix(i)]});
        }
        if (m_want_prevail && m_sampled_opponent[ix(i)] >= 0) {
            rows.push_back({now, i, Metric::ProbabilityOfPrevailing, -1, m_sampled_prevail[ix(i)]});
        }
    }
}

void Recorder::refresh_sampled_support() {
    const CrisisState& s = m_state;
    const auto n = ix(s.n);
    std::vector<int>& opponents = m_opponent_buffer;
    opponents.resize(n);
    for (int i = 0; i < s.n; ++i) {
        opponents[ix(i)] = s.opponent(i);
    }
    // The actors' shares are fixed for the run; the metrics are pure functions of the relations and the
    // opponents.
    const bool first = m_sampled_support.empty();
    const bool compare_all = m_state.relations_written.all;
    if (first) {
        m_sampled_support.assign(n, 0.0);
        m_sampled_prevail.assign(n, 0.0);
        m_sampled_opponent.assign(n, -1);
        m_changed_rows.assign(n, ~std::uint64_t{0});
        m_support_terms.assign(n * n, 0.0);
        m_support_terms_opponent.assign(n * n, 0.0);
    } else if (relations_unchanged_since_sample(compare_all) && opponents == m_sampled_opponent) {
        return;
    }
    update_support_terms(opponents, first);
    copy_sampled_relations(first || compare_all);
    m_state.relations_written.columns.assign(n, 0);
    m_state.relations_written.all = false;
    std::swap(m_sampled_opponent, m_opponent_buffer);
}

bool Recorder::relations_unchanged_since_sample(bool compare_all) {
    // The metrics of i against j read only the third parties' rows k (k != i, j) of columns i and j of the
    // four relation matrices (third_party_support(k, i, j) and (k, j, i)); without an opponent, rows k != i
    // of column i. Mark, per column, the rows that differ (bitwise) from the copy the stored metrics were
    // computed from (every row, when there are more than 64 actors). Only entries written since that copy can
    // differ (relations_written). True when nothing differs, or differs only in the sign of a zero; in the
    // first case the pending marks are cleared.
    const CrisisState& s = m_state;
    const int n = s.n;
    const std::array<std::pair<const Eigen::MatrixXd*, const Eigen::MatrixXd*>, 4> matrices{
        std::pair{&s.relations.affinity, &m_sampled_relations.affinity},
        std::pair{&s.relations.commitment, &m_sampled_relations.commitment},
        std::pair{&s.relations.declared, &m_sampled_relations.declared},
        std::pair{&s.relations.deterred, &m_sampled_relations.deterred}};
    m_changed_rows.assign(ix(n), 0);
    ColumnChanges changes;
    const auto differ = [](double a, double b) {
        return std::bit_cast<std::uint64_t>(a) != std::bit_cast<std::uint64_t>(b);
    };
    for (int c = 0; c < n; ++c) {
        const std::uint64_t candidates = compare_all ? ~std::uint64_t{0} : s.relations_written.columns[ix(c)];
        if (candidates == 0) {
            continue;
        }
        for (const auto& [now, then] : matrices) {
            const double* a = now->col(c).data();
            const double* b = then->col(c).data();
            const auto compare = [&](int r) {
                if (differ(a[r], b[r])) {
                    m_changed_rows[ix(c)] |= n <= 64 ? std::uint64_t{1} << r : ~std::uint64_t{0};
                    changes.any = true;
                    changes.equal = changes.equal && a[r] == b[r];
                }
            };
            if (compare_all || n > 64) {
                for (int r = 0; r < n; ++r) {
                    compare(r);
                }
            } else {
                for (std::uint64_t rows = candidates; rows != 0; rows &= rows - 1) {
                    compare(std::countr_zero(rows));
                }
            }
        }
    }
    if (!changes.any && m_opponent_buffer == m_sampled_opponent) {
        m_state.relations_written.columns.assign(ix(n), 0);  // bitwise equal to the copy: nothing pending
        m_state.relations_written.all = false;
    }
    return !changes.any || changes.equal;
}

void Recorder::update_support_terms(const std::vector<int>& opponents, bool first) {
    // An actor's metrics are recomputed only when its opponent changed or an entry they read did; every
    // stored value equals what a full recomputation from m_sampled_relations (updated after) gives.
    const CrisisState& s = m_state;
    const int n = s.n;
    for (int i = 0; i < n; ++i) {
        const int j = opponents[ix(i)];
        std::uint64_t read_changed = m_changed_rows[ix(i)] | (j >= 0 ? m_changed_rows[ix(j)] : 0);
        if (n <= 64) {
            read_changed &= ~((std::uint64_t{1} << i) | (j >= 0 ? std::uint64_t{1} << j : 0));
        }
        const bool same_opponent = !first && j == m_sampled_opponent[ix(i)];
        if (same_opponent && read_changed == 0) {
            continue;
        }
        if (j < 0) {
            m_sampled_support[ix(i)] = expected_support_share(s.relations, s.share, i, j);
            m_sampled_prevail[ix(i)] = 0.0;
            continue;
        }
        // support_metrics(i, j) from its terms w_k S_k(i|j) and w_k S_k(j|i), kept per actor: term k reads
        // only row k of columns i and j, so with the same opponent only the terms of changed rows are
        // recomputed before the sums are folded again (fold_support_metrics: bitwise support_metrics).
        double* for_i = &m_support_terms[ix(i) * ix(n)];
        double* for_j = &m_support_terms_opponent[ix(i) * ix(n)];
        const auto update = [&](int k) {
            for_i[k] = support_term(s.relations, s.share, k, i, j);
            for_j[k] = support_term(s.relations, s.share, k, j, i);
        };
        if (same_opponent && n <= 64) {
            for (std::uint64_t rows = read_changed; rows != 0; rows &= rows - 1) {
                update(std::countr_zero(rows));
            }
        } else {
            for (int k = 0; k < n; ++k) {
                if (k != i && k != j) {
                    update(k);
                }
            }
        }
        const SupportMetrics metrics = fold_support_metrics(s.share, i, j, for_i, for_j);
        m_sampled_support[ix(i)] = metrics.expected_support;
        m_sampled_prevail[ix(i)] = metrics.p_prevail;
    }
}

void Recorder::copy_sampled_relations(bool all) {
    const CrisisState& s = m_state;
    if (all) {
        m_sampled_relations = s.relations;
        return;
    }
    for (int c = 0; c < s.n; ++c) {
        const std::uint64_t written = s.relations_written.columns[ix(c)];
        if (s.n > 64) {
            if (written != 0) {
                m_sampled_relations.affinity.col(c) = s.relations.affinity.col(c);
                m_sampled_relations.commitment.col(c) = s.relations.commitment.col(c);
                m_sampled_relations.declared.col(c) = s.relations.declared.col(c);
                m_sampled_relations.deterred.col(c) = s.relations.deterred.col(c);
            }
            continue;
        }
        for (std::uint64_t rows = written; rows != 0; rows &= rows - 1) {
            const int r = std::countr_zero(rows);
            m_sampled_relations.affinity(r, c) = s.relations.affinity(r, c);
            m_sampled_relations.commitment(r, c) = s.relations.commitment(r, c);
            m_sampled_relations.declared(r, c) = s.relations.declared(r, c);
            m_sampled_relations.deterred(r, c) = s.relations.deterred(r, c);
        }
    }
}

void Recorder::finish(RunResult& result) {
    flush_dyad_day();
    result.events = std::move(m_events);
    result.dyads = std::move(m_dyads);
    result.trajectory = std::move(m_trajectory);
}

}  // namespace brink::model
