// Local refinement of calibration points with NLopt's derivative-free methods (include/brink/score/
// calibration.hpp; docs/validation.md, "Calibration"). The objective is the calibration's: the mean log score
// (plus the weighted timing error) of the cases at a point, each case forecast with the same seeds at every
// point (common random numbers), so that NLopt minimises a deterministic function of the parameters.
#include "brink/score/calibration.hpp"

#include <nlopt.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>
#include <stdexcept>

namespace brink::score {
namespace {

// The state the objective callback works on.
struct Problem {
    const CalibrationSpec& spec;
    const std::vector<ObservedCase>& observed;
    const PointForecaster& forecaster;
    const std::vector<std::size_t>& cases;
    Refinement& refinement;
    nlopt_opt optimizer;
    std::exception_ptr failure;  // the forecaster's exception, rethrown after NLopt returns
};

std::vector<double> values_of(const CalibrationSpec& spec, const double* unit) {
    std::vector<double> values;
    for (std::size_t j = 0; j < spec.parameters.size(); ++j) {
        const CalibrationParameter& parameter = spec.parameters[j];
        const double u = std::clamp(unit[j], 0.0, 1.0);
        values.push_back(parameter.low + u * (parameter.high - parameter.low));
    }
    return values;
}

double evaluate(const std::vector<double>& values, Problem& problem) {
    Refinement& refinement = problem.refinement;
    for (std::size_t e = 0; e < refinement.evaluations.size(); ++e) {
        if (refinement.evaluations[e].values == values) {
            return refinement.objectives[e];  // already forecast (NLopt may revisit a point)
        }
    }
    std::vector<std::vector<CaseForecast>> forecasts = problem.forecaster({values});
    PointResult point = score_point(refinement.evaluations.size(), values, std::move(forecasts.at(0)),
                                    problem.observed, problem.spec.runs);
    const double value = objective(point, problem.cases, problem.spec.timing_weight);
    refinement.evaluations.push_back(std::move(point));
    refinement.objectives.push_back(value);
    return value;
}

double callback(unsigned n, const double* unit, double* gradient, void* data) {
    (void)n;
    (void)gradient;  // derivative-free methods pass none
    auto& problem = *static_cast<Problem*>(data);
    try {
        return evaluate(values_of(problem.spec, unit), problem);
    } catch (...) {
        problem.failure = std::current_exception();
        nlopt_force_stop(problem.optimizer);  // NLopt returns NLOPT_FORCED_STOP after this evaluation
        return HUGE_VAL;
    }
}

const char* stop_text(nlopt_result result) {
    switch (result) {
        case NLOPT_SUCCESS:
            return "success";
        case NLOPT_STOPVAL_REACHED:
            return "stopval reached";
        case NLOPT_FTOL_REACHED:
            return "ftol reached";
        case NLOPT_XTOL_REACHED:
            return "xtol reached";
        case NLOPT_MAXEVAL_REACHED:
            return "maxeval reached";
        case NLOPT_MAXTIME_REACHED:
            return "maxtime reached";
        case NLOPT_ROUNDOFF_LIMITED:
            return "roundoff limited";
        case NLOPT_FORCED_STOP:
            return "forced stop";
        case NLOPT_OUT_OF_MEMORY:
            return "out of memory";
        case NLOPT_INVALID_ARGS:
            return "invalid arguments";
        default:
            return "failure";
    }
}

struct OptimizerDeleter {
    void operator()(nlopt_opt optimizer) const { nlopt_destroy(optimizer); }
};

}  // namespace

Refinement refine_point(const CalibrationSpec& spec, const std::vector<ObservedCase>& observed,
                        const PointForecaster& forecaster, const PointResult& start,
                        const std::vector<std::size_t>& cases, int fold) {
    const std::size_t k = spec.parameters.size();
    if (spec.refine.evaluations <= 0 || k == 0 || start.values.size() != k) {
        throw std::invalid_argument(
            "refine_point needs refine.evaluations > 0 and a point of the parameters");
    }
    Refinement refinement;
    refinement.fold = fold;
    refinement.start_point = start.index;
    refinement.start_objective = objective(start, cases, spec.timing_weight);
    // The start is known: NLopt's first evaluation, there, is not forecast again.
    PointResult known = start;
    known.index = 0;
    refinement.evaluations.push_back(std::move(known));
    refinement.objectives.push_back(refinement.start_objective);

    const nlopt_algorithm algorithm =
        spec.refine.method == RefineMethod::Bobyqa ? NLOPT_LN_BOBYQA : NLOPT_LN_NELDERMEAD;
    std::unique_ptr<nlopt_opt_s, OptimizerDeleter> optimizer(
        nlopt_create(algorithm, static_cast<unsigned>(k)));
    if (!optimizer) {
        throw std::runtime_error("NLopt could not create its optimiser");
    }
    std::vector<double> unit(k);
    for (std::size_t j = 0; j < k; ++j) {
        const CalibrationParameter& parameter = spec.parameters[j];
        const double width = parameter.high - parameter.low;
        unit[j] = width > 0.0 ? std::clamp((start.values[j] - parameter.low) / width, 0.0, 1.0) : 0.0;
    }
    const std::vector<double> zeros(k, 0.0);
    const std::vector<double> ones(k, 1.0);
    const std::vector<double> steps(k, spec.refine.step);
    nlopt_opt raw = optimizer.get();
    nlopt_set_lower_bounds(raw, zeros.data());
    nlopt_set_upper_bounds(raw, ones.data());
    nlopt_set_initial_step(raw, steps.data());
    nlopt_set_xtol_abs1(raw, 1e-4);
    nlopt_set_maxeval(raw, spec.refine.evaluations);

    Problem problem{spec, observed, forecaster, cases, refinement, raw, nullptr};
    nlopt_set_min_objective(raw, callback, &problem);
    double least = 0.0;
    const nlopt_result result = nlopt_optimize(raw, unit.data(), &least);
    if (problem.failure) {
        std::rethrow_exception(problem.failure);
    }
    refinement.stop = stop_text(result);
    for (std::size_t e = 1; e < refinement.objectives.size(); ++e) {
        if (refinement.objectives[e] < refinement.objectives[refinement.best]) {
            refinement.best = e;
        }
    }
    refinement.improved = refinement.objectives[refinement.best] < refinement.start_objective;
    return refinement;
}

}  // namespace brink::score
