// ScenarioSpec -> YAML that loads back to an equal spec. Written by hand rather than with YAML::Emitter so
// that every string is double-quoted (a name "no" or "null" stays a string) and every number is in its
// shortest round-trip form.
#include "brink/io/scenario_loader.hpp"

#include "spec_rules.hpp"

#include <unistd.h>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace brink::io {

namespace {

using detail::number_text;

std::string quote(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (byte < 0x20 || byte == 0x7f) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02x", byte);
            out += escape;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// Keys that are valid ids and not YAML's special words are written plain, for readability.
std::string key(const std::string& text) {
    static const char* const k_special[] = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"};
    if (!detail::is_valid_id(text)) {
        return quote(text);
    }
    for (const char* word : k_special) {
        if (text == word) {
            return quote(text);
        }
    }
    return text;
}

std::string list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : ", ") + quote(items[i]);
    }
    return out + "]";
}

class Writer {
  public:
    void line(int indent, const std::string& text) {
        m_out.append(static_cast<std::size_t>(indent) * 2, ' ');
        m_out += text;
        m_out += '\n';
    }
    void text(int indent, const char* name, const std::string& value) {
        line(indent, std::string(name) + ": " + quote(value));
    }
    void number(int indent, const char* name, double value) {
        line(indent, std::string(name) + ": " + number_text(value));
    }
    std::string take() { return std::move(m_out); }

  private:
    std::string m_out;
};

}  // namespace

std::string dump_scenario(const ScenarioSpec& spec) {
    Writer out;
    out.line(0, "# brink scenario (written by dump_scenario; docs/scenario-format.md describes every key)");
    out.line(0, "metadata:");
    out.text(1, "name", spec.metadata.name);
    out.text(1, "description", spec.metadata.description);
    if (!spec.metadata.start_date.empty()) {
        out.text(1, "start_date", spec.metadata.start_date);
    }
    out.number(1, "horizon", spec.metadata.horizon);
    out.line(1, "seed: " + std::to_string(spec.metadata.seed));
    out.line(1, "sources: " + list(spec.metadata.sources));

    out.line(0, spec.issues.empty() ? "issues: {}" : "issues:");
    for (const auto& issue : spec.issues) {
        out.line(1, key(issue.id) + ":");
        out.text(2, "name", issue.name);
        out.text(2, "description", issue.description);
        out.text(2, "low", issue.low);
        out.text(2, "high", issue.high);
        out.number(2, "status_quo", issue.status_quo);
    }

    out.line(0, spec.actors.empty() ? "actors: {}" : "actors:");
    for (const auto& actor : spec.actors) {
        out.line(1, key(actor.id) + ":");
        out.text(2, "name", actor.name);
        out.line(2, std::string("kind: ") + to_string(actor.kind));
        out.number(2, "capability", actor.capability);
        out.text(2, "capability_unit", actor.capability_unit);
        out.text(2, "capability_source", actor.capability_source);
        out.number(2, "resolve", actor.resolve);
        out.number(2, "risk_attitude", actor.risk_attitude);
        out.number(2, "cost_of_war", actor.cost_of_war);
        out.number(2, "decision_rate", actor.decision_rate);
        out.number(2, "initial_rung", actor.initial_rung);
        out.line(2, actor.representatives.empty() ? "representatives: []" : "representatives:");
        for (const auto& person : actor.representatives) {
            out.line(3, "- {name: " + quote(person.name) + ", role: " + quote(person.role) + "}");
        }
        out.line(2, actor.positions.empty() ? "positions: {}" : "positions:");
        for (const auto& position : actor.positions) {
            out.line(3, key(position.issue) + ": {position: " + number_text(position.position) +
                            ", salience: " + number_text(position.salience) + "}");
        }
    }

    const auto& relations = spec.relations;
    out.line(0, "relations:");
    out.line(1, relations.alliances.empty() ? "alliances: {}" : "alliances:");
    for (const auto& alliance : relations.alliances) {
        out.line(2, key(alliance.id) + ":");
        out.text(3, "name", alliance.name);
        out.line(3, "members: " + list(alliance.members));
        out.number(3, "affinity", alliance.affinity);
        out.number(3, "commitment", alliance.commitment);
    }
    out.line(1, relations.affinities.empty() ? "affinities: []" : "affinities:");
    for (const auto& affinity : relations.affinities) {
        out.line(2, "- {a: " + quote(affinity.a) + ", b: " + quote(affinity.b) +
                        ", value: " + number_text(affinity.value) +
                        ", directed: " + (affinity.directed ? "true" : "false") + "}");
    }
    out.line(1, relations.commitments.empty() ? "commitments: []" : "commitments:");
    for (const auto& commitment : relations.commitments) {
        out.line(2, "- {defender: " + quote(commitment.defender) + ", protege: " + quote(commitment.protege) +
                        ", firmness: " + number_text(commitment.firmness) + "}");
    }

    out.line(0, spec.demands.empty() ? "demands: {}" : "demands:");
    for (const auto& demand : spec.demands) {
        out.line(1, key(demand.id) + ":");
        out.text(2, "challenger", demand.challenger);
        out.line(2, "targets: " + list(demand.targets));
        out.text(2, "issue", demand.issue);
        out.number(2, "value", demand.value);
        out.number(2, "made", demand.made);
        if (!std::isnan(demand.deadline)) {
            out.number(2, "deadline", demand.deadline);
        }
        if (!demand.threat.empty()) {
            out.text(2, "threat", demand.threat);
        }
    }

    out.line(0, "ladder:");
    out.line(1, spec.ladder.rungs.empty() ? "rungs: []" : "rungs:");
    for (const auto& rung : spec.ladder.rungs) {
        out.line(2, "- {id: " + quote(rung.id) + ", name: " + quote(rung.name) + ", threshold: " +
                        number_text(rung.threshold) + ", cameo: " + quote(rung.cameo) + "}");
    }

    out.line(0, spec.events.empty() ? "events: []" : "events:");
    const auto start = date_to_days(spec.metadata.start_date);
    for (const auto& event : spec.events) {
        out.line(1, "- day: " + number_text(event.day));
        // The date is kept only while it still names the same day (an override may have moved the start).
        const auto days = date_to_days(event.date);
        if (!event.date.empty() && days && start && static_cast<double>(*days - *start) == event.day) {
            out.text(2, "date", event.date);
        }
        out.line(2, std::string("type: ") + to_string(event.type));
        out.text(2, "source", event.source);
        out.line(2, "targets: " + list(event.targets));
        if (!event.issue.empty()) {
            out.text(2, "issue", event.issue);
        }
        if (!std::isnan(event.value)) {
            out.number(2, "value", event.value);
        }
        if (!event.demand.empty()) {
            out.text(2, "demand", event.demand);
        }
        if (!event.cameo.empty()) {
            out.text(2, "cameo", event.cameo);
        }
        out.text(2, "description", event.description);
        out.number(2, "affinity_delta", event.affinity_delta);
        out.number(2, "pressure_delta", event.pressure_delta);
        out.text(2, "source_ref", event.source_ref);
    }

    const auto& model = spec.model;
    out.line(0, "model:");
    out.number(1, "rationality", model.rationality);
    out.number(1, "reaction", model.reaction);
    out.number(1, "restraint", model.restraint);
    out.number(1, "grievance", model.grievance);
    out.number(1, "affinity_step", model.affinity_step);
    out.number(1, "discount_per_day", model.discount_per_day);
    out.number(1, "bdm_interval", model.bdm_interval);
    out.number(1, "talks_duration", model.talks_duration);
    if (!std::isnan(model.war_rung_index)) {
        out.number(1, "war_rung_index", model.war_rung_index);
    }
    out.line(1, std::string("decisions_enabled: ") + (model.decisions_enabled ? "true" : "false"));

    out.line(0, "output:");
    out.number(1, "sample_interval", spec.output.sample_interval);
    out.line(1, std::string("event_samples: ") + (spec.output.event_samples ? "true" : "false"));
    out.line(1, "metrics: " + list(spec.output.metrics));
    return out.take();
}

std::string default_scenario_path() {
    namespace fs = std::filesystem;
    const char* const k_default = "ukraine_2022.yaml";
    std::error_code status;
    if (const char* dir = std::getenv("BRINK_SCENARIO_DIR"); dir != nullptr && *dir != '\0') {
        const fs::path candidate = fs::path(dir) / k_default;
        if (fs::is_regular_file(candidate, status)) {
            return candidate.string();
        }
    }
    const fs::path executable = fs::read_symlink("/proc/self/exe", status);
    if (!status) {
        const fs::path candidate = executable.parent_path().parent_path() / "scenarios" / k_default;
        if (fs::is_regular_file(candidate, status)) {
            return candidate.string();
        }
    }
#ifdef BRINK_SOURCE_DIR
    return (fs::path(BRINK_SOURCE_DIR) / "scenarios" / k_default).string();
#else
    return (fs::path("scenarios") / k_default).string();
#endif
}

}  // namespace brink::io
