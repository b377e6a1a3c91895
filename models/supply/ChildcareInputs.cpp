// carecap. SPDX-License-Identifier: MIT
#include "models/supply/ChildcareInputs.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace carecap::supply {

ChildcareModel build_childcare_model(const ChildcareSupply& supply, const std::vector<std::string>& regions,
                                     const std::vector<double>& demand_share, int build_lag_years, int last_year,
                                     double initial_enrolled, const demand::DemandResult& demand) {
  ChildcareModel m;
  m.first_year = demand.base_year;
  m.last_year = last_year;
  m.regions = regions;
  m.withdrawal_rate = supply.withdrawal_rate;
  m.mean_patience_years = supply.mean_patience_years;
  const int n_regions = static_cast<int>(regions.size());
  auto at = [&](int year) { return static_cast<double>(std::max(year, m.first_year)); };
  for (const ChildcareProvider& p : supply.providers)
    for (int band = 0; band < kMonthBandCount; ++band) {
      const std::int64_t places = p.places[static_cast<std::size_t>(band)];
      if (places == 0) continue;
      m.places.push_back({at(p.opens), band, p.region, places});
      if (p.closes > 0) m.places.push_back({at(p.closes), band, p.region, -places});
    }
  for (const ChildcareProject& p : supply.projects)
    for (int band = 0; band < kMonthBandCount; ++band) {
      const auto places = std::llround(static_cast<double>(p.places) * supply.place_band_share[static_cast<std::size_t>(band)]);
      if (places > 0) m.places.push_back({at(p.year + build_lag_years), band, p.region, places});
    }
  std::stable_sort(m.places.begin(), m.places.end(), [](const auto& a, const auto& b) { return a.time < b.time; });

  const auto years = static_cast<std::size_t>(m.last_year - m.first_year + 1);
  const auto& weights = supply.application_month_weight;
  const double weight_sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  m.applications_per_month.assign(static_cast<std::size_t>(kMonthBandCount * n_regions), std::vector<double>(12 * years, 0.0));
  // Expected years in a band, with withdrawals at rate w: a child moving up stays min(L, Exp(w));
  // a fresh applicant, whose age is uniform in the band, min(U L, Exp(w)).
  const double w = std::max(m.withdrawal_rate, 1e-12);
  auto full_stay = [w](double L) { return (1.0 - std::exp(-w * L)) / w; };
  auto fresh_stay = [w](double L) { return (1.0 - (1.0 - std::exp(-w * L)) / (w * L)) / w; };
  auto fresh_outgrows = [w](double L) { return (1.0 - std::exp(-w * L)) / (w * L); };  // P(Exp(w) > U L)
  // Care starts in the youngest band anyone wants: its fresh applicants join at its start.
  for (int band = 0; band < kMonthBandCount; ++band) {
    const bool wanted = std::any_of(demand.childcare.begin(), demand.childcare.end(),
                                    [band](const auto& c) { return c.places[static_cast<std::size_t>(band)] > 0.0; });
    if (wanted) {
      m.fresh_at_band_start[static_cast<std::size_t>(band)] = true;
      break;
    }
  }
  for (std::size_t y = 0; y < years; ++y) {
    const auto& wanted = demand.childcare[y].places;
    double moving_up = 0.0;  // children a year moving up into the band from the one below
    for (int band = 0; band < kMonthBandCount; ++band) {
      const auto b = static_cast<std::size_t>(band);
      const double L = m.band_years[b];
      const bool at_start = m.fresh_at_band_start[b];
      const double stay = at_start ? full_stay(L) : fresh_stay(L);
      const double fresh = std::max(0.0, (wanted[b] - moving_up * full_stay(L)) / stay);
      moving_up = fresh * (at_start ? std::exp(-w * L) : fresh_outgrows(L)) + moving_up * std::exp(-w * L);
      for (int region = 0; region < n_regions; ++region)
        for (std::size_t month = 0; month < 12; ++month)
          m.applications_per_month[static_cast<std::size_t>(band * n_regions + region)][12 * y + month] =
              fresh * demand_share[static_cast<std::size_t>(region)] * 12.0 * weights[month] / weight_sum;
    }
  }
  m.initial_enrolled_share.assign(static_cast<std::size_t>(kMonthBandCount * n_regions), initial_enrolled);
  return m;
}

}  // namespace carecap::supply
