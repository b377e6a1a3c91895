// carecap. SPDX-License-Identifier: MIT
#include "models/demand/DemandModel.hpp"

#include <numeric>

namespace carecap::demand {
namespace {

using demography::kOpenAge;
using demography::Sex;

/// The flow groups whose yearly entrants demand reports, in this order: the three care states,
/// dementia, the three bed types (weight = institution probability of cells needing that bed),
/// day care (weight = day-care probability).
enum FlowGroup { kStates = 0, kDementia = 3, kBeds = 4, kDayCare = 7, kFlowGroupCount = 8 };

/// Probability that an elder in cell (flag, state) seeks `setting`.
double seeks(const CareSettingParameters& setting, int flag, int state, CareSetting where) {
  const SettingChoice& choice = flag ? setting.dementia : setting.by_state[static_cast<std::size_t>(state)];
  return choice[static_cast<std::size_t>(where)];
}

/// Bed type needed by cell (flag, state).
int bed_of(const CareSettingParameters& setting, int flag, int state) {
  return static_cast<int>(flag ? BedType::dementia : setting.bed_type[static_cast<std::size_t>(state)]);
}

std::vector<CellWeights> flow_groups(const CareSettingParameters& setting) {
  std::vector<CellWeights> groups(kFlowGroupCount, CellWeights{});
  for (int f = 0; f < kDementiaFlagCount; ++f)
    for (int s = 0; s < kCareStateCount; ++s) {
      groups[static_cast<std::size_t>(kStates + s)][f][s] = 1.0;
      groups[kDementia][f][s] = f;
      groups[static_cast<std::size_t>(kBeds + bed_of(setting, f, s))][f][s] = seeks(setting, f, s, CareSetting::institution);
      groups[kDayCare][f][s] = seeks(setting, f, s, CareSetting::day_care);
    }
  return groups;
}

ElderDemandYear elder_demand(const CareNeedYear& need, const DemandParameters& p) {
  const CareSettingParameters& setting = p.care_setting;
  ElderDemandYear d;
  for (int f = 0; f < kDementiaFlagCount; ++f)
    for (int s = 0; s < kCareStateCount; ++s) {
      const double stock = need.stock_total[f][s];
      const double institution = seeks(setting, f, s, CareSetting::institution);
      d.elderly += stock;
      d.by_state[static_cast<std::size_t>(s)] += stock;
      if (f) d.with_dementia += stock;
      d.beds[static_cast<std::size_t>(bed_of(setting, f, s))] += stock * institution;
      d.day_care += stock * seeks(setting, f, s, CareSetting::day_care);
      const double ratio = f ? p.workforce.residents_per_care_worker_dementia
                             : p.workforce.residents_per_care_worker[static_cast<std::size_t>(s)];
      d.care_workers += stock * institution / ratio;
      d.care_workers_by_bed[static_cast<std::size_t>(bed_of(setting, f, s))] += stock * institution / ratio;
    }
  for (int s = 0; s < kCareStateCount; ++s) d.new_by_state[static_cast<std::size_t>(s)] = need.entrants[static_cast<std::size_t>(kStates + s)];
  d.new_with_dementia = need.entrants[kDementia];
  for (int b = 0; b < kBedTypeCount; ++b) d.new_beds[static_cast<std::size_t>(b)] = need.entrants[static_cast<std::size_t>(kBeds + b)];
  d.new_day_care = need.entrants[kDayCare];
  for (int b = 0; b < kBedTypeCount; ++b) d.affordable_beds[static_cast<std::size_t>(b)] = d.beds[static_cast<std::size_t>(b)] * setting.affordable_share_institution.value_or(0.0);
  d.affordable_day_care = d.day_care * setting.affordable_share_day_care.value_or(0.0);
  return d;
}

ChildcareYear childcare_demand(const std::array<double, kMonthBandCount>& children, const ChildcareParameters& c) {
  ChildcareYear y;
  y.children = children;
  for (int b = 0; b < kMonthBandCount; ++b) {
    const double wanting = children[b] * c.wish_rate[b];
    y.affordable_places[b] = wanting * c.affordable_share * c.uptake_affordable;
    y.places[b] = y.affordable_places[b] + wanting * (1.0 - c.affordable_share) * c.uptake_market;
    y.carers += y.places[b] / c.children_per_carer[b];
  }
  return y;
}

/// Children by month band on 1 July, given the births of the year and of the year before.
std::array<double, kMonthBandCount> month_bands(const demography::AgeSexTable& mid_year, double births_now,
                                                double births_before, const ChildcareParameters& c) {
  const auto& months = c.births_by_month;
  const double all_months = std::accumulate(months.begin(), months.end(), 0.0);
  const double first_half = std::accumulate(months.begin(), months.begin() + 6, 0.0) / all_months;
  const double young = births_now * first_half, older = births_before * (1.0 - first_half);
  const double age0 = mid_year.sum_both(0, 0);
  const double young_share = young + older > 0.0 ? young / (young + older) : 0.5;
  return {age0 * young_share, age0 * (1.0 - young_share), mid_year.sum_both(1, 1), mid_year.sum_both(2, 2)};
}

}  // namespace

std::array<double, kMonthBandCount> children_by_month_band(const demography::ProjectionResult& r,
                                                           const ChildcareParameters& c, int t) {
  const double births_now = r.births[t].sum_both();
  return month_bands(r.population_jul1[t], births_now, t > 0 ? r.births[t - 1].sum_both() : births_now, c);
}

DemandResult compute_demand(const demography::ProjectionResult& population, const DemandParameters& p) {
  DemandResult result;
  result.base_year = population.base_year;
  result.care_need = project_care_need(population, p.elder_care, flow_groups(p.care_setting));
  const auto years = static_cast<std::size_t>(population.year_count());
  result.elder.reserve(years);
  result.childcare.reserve(years);
  double births_before = population.births[0].sum_both();
  for (int t = 0; t < population.year_count(); ++t) {
    const double births_now = population.births[t].sum_both();
    result.elder.push_back(elder_demand(result.care_need.years[t], p));
    result.childcare.push_back(
        childcare_demand(month_bands(population.population_jul1[t], births_now, births_before, p.childcare), p.childcare));
    births_before = births_now;
    result.total_population.push_back(population.population_jul1[t].sum_both());
    result.children_0_2.push_back(population.population_jul1[t].sum_both(0, 2));
  }
  return result;
}

}  // namespace carecap::demand
