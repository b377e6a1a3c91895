// carecap. SPDX-License-Identifier: MIT
#include "models/supply/PriceTierSeries.hpp"

#include "models/supply/PriceTier.hpp"

namespace carecap::supply {

void add_price_tier_series(ResultGroup& capacity, const CapacityResult& r, const CapacityModel& model,
                           const std::string& source) {
  capacity.dimensions.push_back({"price_tier", {}, {kPriceTierNames.begin(), kPriceTierNames.end()}, "1",
                                 "price tier: affordable (普惠) beds and the people of the affordable tier "
                                 "(care_setting.affordable_share_institution), who take affordable beds only; market: the others"});
  // Beds by tier: the units' own (facilities' `affordable` flag; plan projects are market beds),
  // and beds of no unit as market beds.
  std::vector<double> beds, occupied;
  for (std::size_t y = 0; y < r.pools.size(); ++y) {
    double all_beds = 0, all_occupied = 0, affordable_beds = 0, affordable_occupied = 0;
    for (const PoolYear& p : r.pools[y]) {
      all_beds += p.mean_capacity;
      all_occupied += p.mean_occupied;
    }
    for (std::size_t u = 0; u < model.units.size() && y < r.units.size(); ++u)
      if (model.units[u].affordable) {
        affordable_beds += r.units[y][u].mean_capacity;
        affordable_occupied += r.units[y][u].mean_occupied;
      }
    beds.insert(beds.end(), {affordable_beds, all_beds - affordable_beds});
    occupied.insert(occupied.end(), {affordable_occupied, all_occupied - affordable_occupied});
  }
  capacity.series.push_back({"n_beds_by_price_tier", "", "beds", "beds open in affordable (普惠) and market units, time average over the year",
                             source, {"capacity_year", "price_tier"}, beds});
  capacity.series.push_back({"n_occupied_beds_by_price_tier", "", "beds",
                             "occupied beds in affordable (普惠) and market units, time average over the year", source,
                             {"capacity_year", "price_tier"}, occupied});
  const std::vector<std::string> dims{"capacity_year", "price_tier", "bed_type", "region"};
  capacity.series.push_back({"new_admissions_by_price_tier", "", "persons per year",
                             "admissions by the price tier of the person, the bed type needed and home region", source, dims,
                             flatten_rows_by(r.streams, &StreamYear::admitted_by_tier)});
  capacity.series.push_back({"new_wait_days_by_price_tier", "", "person-days per year",
                             "days waited by those admitted in the year, summed, by price tier (mean wait of a tier = "
                             "sum new_wait_days_by_price_tier / sum new_admissions_by_price_tier)",
                             source, dims, flatten_rows_by(r.streams, &StreamYear::wait_days_by_tier)});
  capacity.series.push_back({"new_left_unserved_by_price_tier", "", "persons per year",
                             "people who gave up or died on the waiting list, by price tier", source, dims,
                             flatten_rows_by(r.streams, &StreamYear::left_unserved_by_tier)});
}

}  // namespace carecap::supply
