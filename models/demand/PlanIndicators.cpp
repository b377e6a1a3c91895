// carecap. SPDX-License-Identifier: MIT
#include "models/demand/PlanIndicators.hpp"

#include <cmath>
#include <functional>
#include <limits>

namespace carecap::demand {
namespace {

struct IndicatorDefinition {
  const char* name;
  const char* label_zh;
  const char* units;
  const char* description;
  std::function<double(const CapacityFigures&, const IndicatorPopulation&)> value;
};

double all_beds(const CapacityFigures& c) { return c.beds[0] + c.beds[1] + c.beds[2]; }
/// per x part / whole; 0 when the whole is 0; NaN when either is missing (NaN).
double ratio(double part, double whole, double per) {
  if (std::isnan(part) || std::isnan(whole)) return std::numeric_limits<double>::quiet_NaN();
  return whole > 0.0 ? per * part / whole : 0.0;
}

const std::vector<IndicatorDefinition>& definitions() {
  static const std::vector<IndicatorDefinition> list{
      {"beds_per_1000_elderly", "每千名老年人养老床位数", "beds per 1,000 persons aged 60+",
       "elderly-care beds of all types per 1,000 elders on 1 July",
       [](const CapacityFigures& c, const IndicatorPopulation& p) { return ratio(all_beds(c), p.elderly, 1000.0); }},
      {"nursing_bed_share", "护理型床位占比", "percent of elderly-care beds",
       "nursing-type beds (including dementia beds) as a share of all elderly-care beds",
       [](const CapacityFigures& c, const IndicatorPopulation&) { return ratio(c.beds[1] + c.beds[2], all_beds(c), 100.0); }},
      {"dementia_beds_per_10000_elderly", "每万名老年人认知障碍照护床位数", "beds per 10,000 persons aged 60+",
       "dementia-care beds per 10,000 elders on 1 July",
       [](const CapacityFigures& c, const IndicatorPopulation& p) { return ratio(c.beds[2], p.elderly, 10000.0); }},
      {"care_workers_per_10000_elderly", "每万名老年人养老护理员数", "care workers per 10,000 persons aged 60+",
       "care workers for institutional residents per 10,000 elders",
       [](const CapacityFigures& c, const IndicatorPopulation& p) { return ratio(c.care_workers, p.elderly, 10000.0); }},
      {"childcare_places_per_1000_people", "每千人口托位数", "places per 1,000 persons",
       "childcare places for under-3s per 1,000 residents on 1 July",
       [](const CapacityFigures& c, const IndicatorPopulation& p) { return ratio(c.childcare_places, p.total, 1000.0); }},
      {"affordable_place_share", "普惠托位占比", "percent of childcare places", "affordable (普惠) share of childcare places",
       [](const CapacityFigures& c, const IndicatorPopulation&) {
         return ratio(c.affordable_childcare_places, c.childcare_places, 100.0);
       }},
      {"places_per_100_children_0_2", "托位覆盖率", "places per 100 persons aged 0-2",
       "childcare places per 100 children aged 0-2 on 1 July (the enrollment if every place is used)",
       [](const CapacityFigures& c, const IndicatorPopulation& p) { return ratio(c.childcare_places, p.children_0_2, 100.0); }},
      {"enrollment_rate", "入托率", "percent of children aged 0-2",
       "children enrolled in childcare as a share of children aged 0-2 (time average over the year on the supply basis)",
       [](const CapacityFigures& c, const IndicatorPopulation& p) { return ratio(c.childcare_enrolled, p.children_0_2, 100.0); }},
      {"place_utilisation", "托位使用率", "percent of childcare places",
       "children enrolled as a share of childcare places (time averages over the year on the supply basis)",
       [](const CapacityFigures& c, const IndicatorPopulation&) { return ratio(c.childcare_enrolled, c.childcare_places, 100.0); }},
  };
  return list;
}

}  // namespace

std::vector<ResultSeries> plan_indicator_series(const std::vector<std::vector<CapacityFigures>>& figures,
                                                const std::vector<IndicatorPopulation>& population) {
  std::vector<ResultSeries> series;
  for (const auto& d : definitions()) {
    ResultSeries s{d.name, d.label_zh, d.units, d.description, "", {"year", "basis"}, {}};
    for (std::size_t t = 0; t < population.size(); ++t)
      for (const auto& basis : figures) s.values.push_back(d.value(basis[t], population[t]));
    series.push_back(std::move(s));
  }
  return series;
}

}  // namespace carecap::demand
