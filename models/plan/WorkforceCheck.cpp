// carecap. SPDX-License-Identifier: MIT
#include "models/plan/WorkforceCheck.hpp"

#include <cmath>
#include <iterator>
#include <limits>

namespace carecap::plan {
namespace {

constexpr const char* kPerTenThousandElders = "persons per 10,000 persons aged 60+";

bool known(double x) { return !std::isnan(x); }

/// |x - reference| / |reference| (as PlanCheck.cpp): 0 when both are 0, infinite when only the reference is.
double relative_gap(double x, double reference) {
  if (reference == 0) return x == 0 ? 0.0 : std::numeric_limits<double>::infinity();
  return std::abs(x - reference) / std::abs(reference);
}

/// The figures of a finding's sentence, without the ones not known.
using Values = std::map<std::string, double>;
Values known_only(Values values) {
  for (auto it = values.begin(); it != values.end();) it = known(it->second) ? std::next(it) : values.erase(it);
  return values;
}

/// Rounding an "at least" target allows, in its units: a share to 0.005 percentage points, a
/// count to half a person, a rate to 0.05.
double at_least_within(const std::string& units) {
  if (units == "1") return 5e-5;
  if (units == "persons") return 0.5;
  return 0.05;
}

struct WorkforceChecker {
  const ModelFigures& model;
  std::vector<PlanFinding> findings;

  PlanFinding& add(const WorkforceTarget& t, const std::string& units, double plan_value, double other,
                   std::string other_label, Verdict verdict, Values values = {}) {
    PlanFinding f{FindingKind::workforce, "workforce_" + t.indicator, t.year, units, plan_value, other,
                  std::move(other_label), verdict, t.at_least, known_only(std::move(values)), "", t.quote_zh, ""};
    findings.push_back(std::move(f));
    return findings.back();
  }

  /// The target against a figure of the model: reached (at least) or within the tolerance agrees;
  /// a figure the run does not have leaves the target not modelled in this run.
  PlanFinding& compare(const WorkforceTarget& t, const char* units, double modelled, const char* other_label,
                       Values values = {}) {
    if (!known(modelled)) return add(t, units, t.value, modelled, other_label, Verdict::not_modelled, std::move(values));
    const bool agrees = t.at_least ? modelled >= t.value - at_least_within(units)
                                   : relative_gap(modelled, t.value) <= kForecastTolerance;
    return add(t, units, t.value, modelled, other_label, agrees ? Verdict::agrees : Verdict::differs, std::move(values));
  }

  const ModelYear* year_of(int year) const {
    const auto at = model.years.find(year);
    return at == model.years.end() ? nullptr : &at->second;
  }

  void check(const WorkforceTarget& t) {
    static const ModelYear none;  // a year the run does not have: every figure NaN
    const ModelYear* found = year_of(t.year);
    const ModelYear& y = found ? *found : none;
    const std::string& i = t.indicator;
    if (i == "certified_care_workers_per_10000_elderly") {
      double supply = y.certified_per_10000_elderly;
      if (!known(supply) && known(y.certified_care_workers) && y.age_60_plus > 0)
        supply = y.certified_care_workers / y.age_60_plus * 10000.0;
      const double need_rate = y.age_60_plus > 0 ? y.care_workers_needed * model.certified_share / y.age_60_plus * 10000.0
                                                 : kNotModelled;
      compare(t, kPerTenThousandElders, supply, "scenario supply",
              {{"certified", y.certified_care_workers}, {"elders", y.age_60_plus}, {"needed", y.care_workers_needed},
               {"certified_share", model.certified_share}, {"need_rate", need_rate}});
    } else if (i == "senior_grade_share_of_certified" || i == "senior_grade_share_of_care_workers") {
      // Of certified workers, the scenario's senior_grade_share; of all care workers (Jiaxing's
      // denominator, not stated), that share of the certified share.
      const bool of_certified = i == "senior_grade_share_of_certified";
      const double assumed = of_certified ? model.senior_grade_share : model.senior_grade_share * model.certified_share;
      double senior = y.senior_grade_care_workers;
      if (!known(senior)) senior = y.certified_care_workers * model.senior_grade_share;
      compare(t, "1", assumed, "scenario assumption",
              {{"senior", senior}, {"certified", y.certified_care_workers}, {"workers", y.care_workers},
               {"certified_share", model.certified_share}, {"senior_share", model.senior_grade_share}});
    } else if (i == "care_workers_trained") {
      compare(t, "persons", y.care_workers_trained, "scenario assumption");
    } else if (i == "professional_care_staff") {
      compare(t, "persons", y.care_workers, "scenario supply", {{"needed", y.care_workers_needed}});
    } else if (i == "childcare_professionals") {
      compare(t, "persons", y.childcare_workers_needed, "model need", {{"enrolled", y.childcare_enrolled}});
    } else if (i == "social_workers_per_1000_elderly" || i == "social_workers_per_10000_elderly") {
      const double per = i == "social_workers_per_1000_elderly" ? 1000.0 : 10000.0;
      add(t, "persons", t.value * y.age_60_plus / per, kNotModelled, "not modelled", Verdict::not_modelled,
          {{"rate", t.value}, {"per", per}, {"elders", y.age_60_plus}});
    } else if (i == "social_workers_per_100_beds") {
      add(t, "persons", t.value * y.beds / 100.0, kNotModelled, "not modelled", Verdict::not_modelled,
          {{"rate", t.value}, {"per", 100.0}, {"beds", y.beds}});
    } else {
      const WorkforceIndicator* indicator = find_workforce_indicator(i);
      add(t, indicator ? indicator->units : "", t.value, kNotModelled, "not modelled", Verdict::not_modelled);
    }
  }

  /// Two values of the plan for the same year and indicator: a contradiction naming both.
  void contradictions(const std::vector<WorkforceTarget>& targets) {
    for (std::size_t a = 0; a < targets.size(); ++a)
      for (std::size_t b = a + 1; b < targets.size(); ++b) {
        const WorkforceTarget &first = targets[a], &second = targets[b];
        if (first.year != second.year || first.indicator != second.indicator) continue;
        if (relative_gap(second.value, first.value) <= kContradictionTolerance) continue;
        const WorkforceIndicator* indicator = find_workforce_indicator(first.indicator);
        PlanFinding f{FindingKind::workforce, "workforce_target_contradiction", first.year,
                      indicator ? indicator->units : "", first.value, second.value, "plan target",
                      Verdict::contradiction, false, {}, first.indicator, first.quote_zh, second.quote_zh};
        findings.push_back(std::move(f));
      }
  }
};

}  // namespace

const std::vector<WorkforceIndicator>& workforce_indicators() {
  static const std::vector<WorkforceIndicator> indicators{
      {"certified_care_workers_per_10000_elderly", kPerTenThousandElders},
      {"senior_grade_share_of_certified", "1"},
      {"senior_grade_share_of_care_workers", "1"},
      {"care_workers_trained", "persons"},
      {"professional_care_staff", "persons"},
      {"social_workers_per_1000_elderly", "persons per 1,000 persons aged 60+"},
      {"social_workers_per_10000_elderly", kPerTenThousandElders},
      {"social_workers_per_100_beds", "persons per 100 beds"},
      {"childcare_professionals", "persons"},
      // Not modelled: quoted.
      {"directors_trained", "persons"},
      {"care_professionals_trained_person_times", "person-times"},
      {"pre_job_training_share", "1"},
      {"elderly_care_major_students", "persons"},
      {"home_nursing_nurses_trained", "persons"},
      {"hospice_medical_staff_trained", "persons"},
      {"elderly_care_staff_trained", "persons"},
      {"childcare_staff_certified_share", "1"},
  };
  return indicators;
}

const WorkforceIndicator* find_workforce_indicator(const std::string& name) {
  for (const WorkforceIndicator& i : workforce_indicators())
    if (name == i.name) return &i;
  return nullptr;
}

std::vector<PlanFinding> check_workforce(const PlanStatement& plan, const ModelFigures& model) {
  WorkforceChecker c{model, {}};
  for (const WorkforceTarget& t : plan.workforce_targets) c.check(t);
  c.contradictions(plan.workforce_targets);
  return c.findings;
}

}  // namespace carecap::plan
