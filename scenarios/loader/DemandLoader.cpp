// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/DemandLoader.hpp"

#include <algorithm>
#include <cmath>

#include "scenarios/loader/BandedTables.hpp"
#include "scenarios/loader/WorkforceLoader.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::scenarios {
namespace {

using namespace demand;

const std::vector<std::string> kStates{kCareStateNames.begin(), kCareStateNames.end()};
const std::vector<std::string> kBands{kMonthBandNames.begin(), kMonthBandNames.end()};

std::string path_of(const ScenarioValue& value, std::vector<std::string>& tables_read) {
  tables_read.push_back(value.as_existing_path());
  return tables_read.back();
}

SettingChoice setting_choice(const ScenarioValue& value) {
  const auto p = value.as_number_list(kCareSettingCount, 0.0, 1.0);
  const double sum = p[0] + p[1] + p[2];
  if (std::abs(sum - 1.0) > 1e-6)
    throw InputError(text::both("errors.demand.setting_not_one", {{"where", value.where()}, {"sum", std::to_string(sum)}}));
  return {p[0], p[1], p[2]};
}

ElderCareParameters read_elder_care(const ScenarioDocument& doc, std::vector<std::string>& tables_read) {
  ElderCareParameters p;
  if (auto first = doc.find("care_need", "first_age")) p.first_age = static_cast<int>(first->as_integer(40, 90));
  p.prevalence = read_care_prevalence(path_of(doc.require("care_need", "prevalence_file"), tables_read), p.first_age);
  if (auto transitions = doc.find("care_need", "transition_file")) {
    const std::string transition_path = path_of(*transitions, tables_read);
    const std::string incidence_path = path_of(doc.require("care_need", "dementia_incidence_file"), tables_read);
    p.transitions = read_care_transitions(transition_path, incidence_path, p.first_age);
  } else if (auto incidence = doc.find("care_need", "dementia_incidence_file")) {
    throw InputError(text::both("errors.demand.incidence_alone", {{"where", incidence->where()}}));
  }
  if (auto rr = doc.find("care_need", "mortality_relative_risk")) {
    const auto v = rr->as_keyed_numbers(kStates, 0.01, 100.0);
    p.mortality_relative_risk = {v[0], v[1], v[2]};
  }
  if (auto rr = doc.find("care_need", "dementia_mortality_relative_risk")) p.dementia_mortality_relative_risk = rr->as_number(0.01, 100.0);
  p.source = doc.require("care_need", "source").as_string();
  return p;
}

CareSettingParameters read_care_setting(const ScenarioDocument& doc) {
  CareSettingParameters p;
  for (int s = 0; s < kCareStateCount; ++s) p.by_state[s] = setting_choice(doc.require("care_setting", kCareStateNames[s]));
  p.dementia = setting_choice(doc.require("care_setting", "dementia"));
  if (auto bed = doc.find("care_setting", "bed_type")) {
    const auto names = bed->as_keyed_strings(kStates, {"general", "nursing"});
    for (int s = 0; s < kCareStateCount; ++s) p.bed_type[s] = names[s] == "general" ? BedType::general : BedType::nursing;
  }
  if (auto share = doc.find("care_setting", "affordable_share_institution")) p.affordable_share_institution = share->as_number(0, 1);
  if (auto share = doc.find("care_setting", "affordable_share_day_care")) p.affordable_share_day_care = share->as_number(0, 1);
  p.source = doc.require("care_setting", "source").as_string();
  return p;
}

WorkforceParameters read_workforce(const ScenarioDocument& doc) {
  WorkforceParameters p;
  p.source = "MZ 008-2001 staffing ratios 1:10, 1:6, 1:3 (unverified); 1:3 for residents with dementia (assumption); "
             "carecap defaults";
  if (auto ratios = doc.find("workforce", "residents_per_care_worker")) {
    std::vector<std::string> keys = kStates;
    keys.push_back("dementia");
    const auto v = ratios->as_keyed_numbers(keys, 0.1, 1000.0);
    p.residents_per_care_worker = {v[0], v[1], v[2]};
    p.residents_per_care_worker_dementia = v[3];
    p.source = doc.require("workforce", "source").as_string();
  } else if (auto source = doc.find("workforce", "source")) {
    p.source = source->as_string();
  }
  return p;
}

ChildcareParameters read_childcare(const ScenarioDocument& doc) {
  ChildcareParameters p;
  p.source = "carecap defaults: wish rate 1/3 (NHC 2021), none under 6 months and class ratios 1:3, 1:5, 1:7 "
             "(NHC 2019 No. 58), affordable share 0.5 (China Daily 2025-12-09), no price effect (assumption)";
  auto copy = [](const std::vector<double>& from, auto& to) { std::copy(from.begin(), from.end(), to.begin()); };
  if (auto v = doc.find("childcare", "wish_rate")) copy(v->as_keyed_numbers(kBands, 0, 1), p.wish_rate);
  if (auto v = doc.find("childcare", "children_per_carer")) copy(v->as_keyed_numbers(kBands, 0.5, 50), p.children_per_carer);
  if (auto v = doc.find("childcare", "births_by_month")) copy(v->as_number_list(12, 0, 1e9), p.births_by_month);
  if (auto v = doc.find("childcare", "affordable_share")) p.affordable_share = v->as_number(0, 1);
  if (auto v = doc.find("childcare", "uptake_affordable")) p.uptake_affordable = v->as_number(0, 1);
  if (auto v = doc.find("childcare", "uptake_market")) p.uptake_market = v->as_number(0, 1);
  if (auto v = doc.find("childcare", "source")) p.source = v->as_string();
  if (p.births_by_month == std::array<double, 12>{})
    throw InputError(text::both("errors.demand.births_by_month_zero", {{"where", doc.require("childcare", "births_by_month").where()}}));
  return p;
}

}  // namespace

std::vector<SectionSchema> demand_schema() {
  return {
      {"care_need",
       {"first_age", "prevalence_file", "transition_file", "dementia_incidence_file", "mortality_relative_risk",
        "dementia_mortality_relative_risk", "source"},
       {}},
      {"care_setting",
       {"self_caring", "partly_disabled", "fully_disabled", "dementia", "bed_type", "affordable_share_institution",
        "affordable_share_day_care", "source"},
       {}},
      {"workforce",
       [] {
         std::set<std::string> keys = workforce_supply_keys();
         keys.insert({"residents_per_care_worker", "source"});
         return keys;
       }(),
       {}},
      {"childcare",
       {"wish_rate", "affordable_share", "uptake_affordable", "uptake_market", "children_per_carer", "births_by_month",
        "source"},
       {}},
  };
}

std::optional<DemandParameters> read_demand(const ScenarioDocument& doc, std::vector<std::string>& tables_read) {
  if (!doc.has_section("care_need")) {
    for (const char* section : {"care_setting", "workforce", "childcare"})
      for (const auto& schema : demand_schema())
        if (schema.name == section)
          for (const auto& key : schema.common_keys)
            if (auto v = doc.find(section, key))
              throw InputError(text::both("errors.demand.without_care_need", {{"where", v->where()}}));
    return std::nullopt;
  }
  DemandParameters p;
  p.elder_care = read_elder_care(doc, tables_read);
  p.care_setting = read_care_setting(doc);
  p.workforce = read_workforce(doc);
  p.childcare = read_childcare(doc);
  return p;
}

}  // namespace carecap::scenarios
