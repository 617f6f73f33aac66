// Names of the run-result enums as written to files (docs/outputs.md).
#include "brink/model/run_result.hpp"

namespace brink::model {

const char* to_string(OutcomeKind kind) {
    switch (kind) {
        case OutcomeKind::War:
            return "war";
        case OutcomeKind::Settlement:
            return "settlement";
        case OutcomeKind::Capitulation:
            return "capitulation";
        case OutcomeKind::Standoff:
            return "standoff";
        case OutcomeKind::FaitAccompli:
            return "fait_accompli";
    }
    return "?";
}

const char* to_string(ActorOutcome outcome) {
    switch (outcome) {
        case ActorOutcome::Victory:
            return "victory";
        case ActorOutcome::Compromise:
            return "compromise";
        case ActorOutcome::Stalemate:
            return "stalemate";
        case ActorOutcome::Defeat:
            return "defeat";
    }
    return "?";
}

const char* to_string(WarEnd end) {
    switch (end) {
        case WarEnd::Ongoing:
            return "ongoing";
        case WarEnd::Settlement:
            return "settlement";
        case WarEnd::Ceasefire:
            return "ceasefire";
        case WarEnd::Collapse:
            return "collapse";
        case WarEnd::FirstShot:
            return "first_shot";
    }
    return "?";
}

const char* to_string(EventType type) {
    switch (type) {
        case EventType::Statement:
            return "statement";
        case EventType::Meeting:
            return "meeting";
        case EventType::Demand:
            return "demand";
        case EventType::Reject:
            return "reject";
        case EventType::Support:
            return "support";
        case EventType::Threat:
            return "threat";
        case EventType::Sanction:
            return "sanction";
        case EventType::Mobilisation:
            return "mobilisation";
        case EventType::Concession:
            return "concession";
        case EventType::Hold:
            return "hold";
        case EventType::Escalate:
            return "escalate";
        case EventType::DeEscalate:
            return "de_escalate";
        case EventType::ProposeTalks:
            return "propose_talks";
        case EventType::TalksAgreement:
            return "talks_agreement";
        case EventType::TalksPartial:
            return "talks_partial";
        case EventType::TalksFailed:
            return "talks_failed";
        case EventType::TalksCalledOff:
            return "talks_called_off";
        case EventType::Reiterate:
            return "reiterate";
        case EventType::RequestSupport:
            return "request_support";
        case EventType::AnswerRequest:
            return "answer_request";
        case EventType::DeclineRequest:
            return "decline_request";
        case EventType::RungCrossing:
            return "rung_crossing";
        case EventType::BdmRound:
            return "bdm_round";
        case EventType::DeadlinePassed:
            return "deadline_passed";
        case EventType::War:
            return "war";
        case EventType::Settlement:
            return "settlement";
        case EventType::Capitulation:
            return "capitulation";
        case EventType::Standoff:
            return "standoff";
        case EventType::Clash:
            return "clash";
        case EventType::Seizure:
            return "seizure";
        case EventType::AcceptSeizure:
            return "accept_seizure";
        case EventType::JoinWar:
            return "join_war";
        case EventType::Battle:
            return "battle";
        case EventType::Mediation:
            return "mediation";
        case EventType::Ceasefire:
            return "ceasefire";
        case EventType::WarEnd:
            return "war_end";
        case EventType::FaitAccompli:
            return "fait_accompli";
    }
    return "?";
}

std::string metric_name(Metric metric, const std::vector<std::string>& issue_ids, int issue) {
    switch (metric) {
        case Metric::Rung:
            return "rung";
        case Metric::Pressure:
            return "pressure";
        case Metric::Position:
            if (issue >= 0 && static_cast<std::size_t>(issue) < issue_ids.size()) {
                return "position:" + issue_ids[static_cast<std::size_t>(issue)];
            }
            return "position";
        case Metric::ExpectedSupport:
            return "expected_support";
        case Metric::ProbabilityOfPrevailing:
            return "p_prevail";
    }
    return "?";
}

const char* to_string(BdmPairOutcome outcome) {
    switch (outcome) {
        case BdmPairOutcome::StatusQuo:
            return "status_quo";
        case BdmPairOutcome::Conflict:
            return "conflict";
        case BdmPairOutcome::Compromise:
            return "compromise";
        case BdmPairOutcome::Capitulation:
            return "capitulation";
    }
    return "?";
}

}  // namespace brink::model
