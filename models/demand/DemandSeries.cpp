// carecap. SPDX-License-Identifier: MIT
#include "models/demand/DemandSeries.hpp"

#include "models/demand/PlanIndicators.hpp"

namespace carecap::demand {
namespace {

template <std::size_t N, class Year, class Get>
std::vector<double> per_year_array(const std::vector<Year>& years, Get get) {
  std::vector<double> values;
  for (const Year& y : years) {
    const std::array<double, N>& row = get(y);
    values.insert(values.end(), row.begin(), row.end());
  }
  return values;
}

template <class Year, class Get>
std::vector<double> per_year(const std::vector<Year>& years, Get get) {
  std::vector<double> values;
  for (const Year& y : years) values.push_back(get(y));
  return values;
}

}  // namespace

ResultGroup demand_series(const DemandResult& r, const DemandParameters& p, const std::vector<CapacityFigures>* supply) {
  ResultGroup g;
  g.name = "demand";
  g.description = "care demand derived from the projection: elders by care state, beds, day care, care workers, "
                  "childcare places and carers, and the plans' indicators";
  g.dimensions = {
      {"care_state", {}, {kCareStateNames.begin(), kCareStateNames.end()}, "1",
       "care-need state: 自理 self-caring, 半失能 partly disabled, 失能 fully disabled"},
      {"bed_type", {}, {kBedTypeNames.begin(), kBedTypeNames.end()}, "1",
       "institutional bed: general 养老床位, nursing-type 护理型床位, dementia 认知障碍床位"},
      {"month_band", {}, {kMonthBandNames.begin(), kMonthBandNames.end()}, "1",
       "age of children in months of life: 0-5, 6-12, 13-24, 25-36 (completed months 0-5, 6-11, 12-23, 24-35)"},
      {"basis", {}, supply ? std::vector<std::string>{"demand", "supply"} : std::vector<std::string>{"demand"}, "1",
       "what capacity the indicator uses: demand = capacity needed; supply = beds open in the capacity simulation "
       "(NaN outside the simulated years and for what it does not supply)"},
  };
  const std::string elder_source = p.elder_care.source + "; care setting: " + p.care_setting.source;
  const std::string worker_source = elder_source + "; staffing: " + p.workforce.source;
  const std::string child_source = p.childcare.source;

  // Care-need states by single age (both dementia flags together) and dementia by age.
  std::vector<double> by_state_age, dementia_age;
  for (const auto& year : r.care_need.years) {
    const int first = year.stock.first_age();
    for (int s = 0; s < kCareStateCount; ++s)
      for (demography::Sex sex : demography::kSexes)
        for (int age = 0; age < demography::kAgeCount; ++age)
          by_state_age.push_back(age < first ? 0.0 : year.stock.at(sex, 0, s, age) + year.stock.at(sex, 1, s, age));
    for (demography::Sex sex : demography::kSexes)
      for (int age = 0; age < demography::kAgeCount; ++age) {
        const double with_dementia =
            age < first ? 0.0 : year.stock.at(sex, 1, 0, age) + year.stock.at(sex, 1, 1, age) + year.stock.at(sex, 1, 2, age);
        dementia_age.push_back(with_dementia);
      }
  }

  const auto& e = r.elder;
  const auto& c = r.childcare;
  g.series = {
      {"n_elderly_by_care_state_age", "", "persons", "elders on 1 July by care state, sex and single age", elder_source,
       {"year", "care_state", "sex", "age"}, by_state_age},
      {"n_elderly_with_dementia_age", "", "persons", "elders with dementia on 1 July by sex and single age", elder_source,
       {"year", "sex", "age"}, dementia_age},
      {"n_elderly", "老年人口", "persons", "persons aged 60+ (first_age+) on 1 July", "the projection", {"year"},
       per_year(e, [](const ElderDemandYear& y) { return y.elderly; })},
      {"n_elderly_by_care_state", "", "persons", "elders on 1 July by care state", elder_source, {"year", "care_state"},
       per_year_array<kCareStateCount>(e, [](const ElderDemandYear& y) -> const auto& { return y.by_state; })},
      {"n_elderly_with_dementia", "认知障碍老年人", "persons", "elders with dementia on 1 July", elder_source, {"year"},
       per_year(e, [](const ElderDemandYear& y) { return y.with_dementia; })},
      {"new_care_state_entrants", "", "persons per year",
       "people entering each care state in the year from another state, with cohorts turning 60 and net migrants",
       elder_source,
       {"year", "care_state"},
       per_year_array<kCareStateCount>(e, [](const ElderDemandYear& y) -> const auto& { return y.new_by_state; })},
      {"new_elderly_with_dementia", "", "persons per year",
       "dementia onsets in the year (and migrants or cohorts turning 60 with dementia)", elder_source, {"year"},
       per_year(e, [](const ElderDemandYear& y) { return y.new_with_dementia; })},
      {"n_beds_needed", "养老床位需求", "beds", "elders seeking an institutional bed on 1 July, by bed type", elder_source,
       {"year", "bed_type"}, per_year_array<kBedTypeCount>(e, [](const ElderDemandYear& y) -> const auto& { return y.beds; })},
      {"new_bed_demand", "", "persons per year",
       "new institutional-bed demand in the year, by bed type: each person's rise in the probability of seeking "
       "that bed (arrivals for the capacity simulation)",
       elder_source, {"year", "bed_type"},
       per_year_array<kBedTypeCount>(e, [](const ElderDemandYear& y) -> const auto& { return y.new_beds; })},
      {"n_day_care_places_needed", "日间照料需求", "places", "elders seeking community day care on 1 July", elder_source,
       {"year"}, per_year(e, [](const ElderDemandYear& y) { return y.day_care; })},
      {"new_day_care_demand", "", "persons per year", "people newly entering day-care demand in the year", elder_source,
       {"year"}, per_year(e, [](const ElderDemandYear& y) { return y.new_day_care; })},
      {"n_care_workers_needed", "养老护理员需求", "persons", "care workers needed for elders seeking institutional beds",
       worker_source, {"year"}, per_year(e, [](const ElderDemandYear& y) { return y.care_workers; })},
      {"n_children_by_month_band", "", "persons", "children under 3 on 1 July by month band", child_source,
       {"year", "month_band"},
       per_year_array<kMonthBandCount>(c, [](const ChildcareYear& y) -> const auto& { return y.children; })},
      {"n_childcare_places_wanted", "托位需求", "places", "childcare places wanted and taken up on 1 July, by month band",
       child_source, {"year", "month_band"},
       per_year_array<kMonthBandCount>(c, [](const ChildcareYear& y) -> const auto& { return y.places; })},
      {"n_childcare_carers_needed", "保育人员需求", "persons", "carers needed for the wanted places at the class ratios",
       child_source, {"year"}, per_year(c, [](const ChildcareYear& y) { return y.carers; })},
  };
  if (p.care_setting.affordable_share_institution)
    g.series.push_back({"n_affordable_beds_needed", "普惠养老床位需求", "beds",
                        "elders seeking an affordable (普惠) institutional bed on 1 July, by bed type", elder_source,
                        {"year", "bed_type"},
                        per_year_array<kBedTypeCount>(e, [](const ElderDemandYear& y) -> const auto& { return y.affordable_beds; })});
  if (p.care_setting.affordable_share_day_care)
    g.series.push_back({"n_affordable_day_care_places_needed", "", "places",
                        "elders seeking an affordable day-care place on 1 July", elder_source, {"year"},
                        per_year(e, [](const ElderDemandYear& y) { return y.affordable_day_care; })});
  g.series.push_back({"n_affordable_childcare_places_wanted", "普惠托位需求", "places",
                      "childcare places wanted at the affordable price on 1 July, by month band", child_source,
                      {"year", "month_band"},
                      per_year_array<kMonthBandCount>(c, [](const ChildcareYear& y) -> const auto& { return y.affordable_places; })});

  std::vector<CapacityFigures> needed;
  std::vector<IndicatorPopulation> population;
  for (std::size_t t = 0; t < e.size(); ++t) {
    double places = 0, affordable = 0;
    for (int b = 0; b < kMonthBandCount; ++b) {
      places += c[t].places[b];
      affordable += c[t].affordable_places[b];
    }
    needed.push_back({e[t].beds, places, affordable, places, e[t].care_workers});
    population.push_back({e[t].elderly, r.total_population[t], r.children_0_2[t]});
  }
  std::vector<std::vector<CapacityFigures>> bases{needed};
  if (supply) bases.push_back(*supply);
  for (auto& s : plan_indicator_series(bases, population)) {
    s.source = worker_source + "; childcare: " + child_source;
    g.series.push_back(std::move(s));
  }
  return g;
}

}  // namespace carecap::demand
