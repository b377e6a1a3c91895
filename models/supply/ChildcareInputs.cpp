// carecap. SPDX-License-Identifier: MIT
#include "models/supply/ChildcareInputs.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace carecap::supply {

namespace {

/// A project's places split by band: floor of places x share, then the remaining places to the
/// largest remainders (earlier band first on ties), so the bands add up to the places stated.
std::array<std::int64_t, kMonthBandCount> split_places(std::int64_t places, const std::array<double, kMonthBandCount>& share) {
  std::array<std::int64_t, kMonthBandCount> split{};
  std::array<double, kMonthBandCount> remainder{};
  std::int64_t given = 0;
  for (std::size_t b = 0; b < split.size(); ++b) {
    const double exact = static_cast<double>(places) * share[b];
    split[b] = static_cast<std::int64_t>(std::floor(exact));
    remainder[b] = exact - static_cast<double>(split[b]);
    given += split[b];
  }
  for (; given < places; ++given) {
    const auto b = static_cast<std::size_t>(std::max_element(remainder.begin(), remainder.end()) - remainder.begin());
    ++split[b];
    remainder[b] = -1.0;
  }
  return split;
}

}  // namespace

ChildcareModel build_childcare_model(const ChildcareSupply& supply, const std::vector<std::string>& regions,
                                     const std::vector<double>& demand_share, int build_lag_years, int last_year,
                                     const demand::DemandResult& demand) {
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
  for (const ChildcareProject& p : supply.projects) {
    const auto split = split_places(p.places, supply.place_band_share);
    for (int band = 0; band < kMonthBandCount; ++band)
      if (split[static_cast<std::size_t>(band)] > 0)
        m.places.push_back({at(p.year + build_lag_years), band, p.region, split[static_cast<std::size_t>(band)]});
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
  std::array<double, kMonthBandCount> open_places{};
  for (const auto& change : m.places)
    if (change.time <= m.first_year) open_places[static_cast<std::size_t>(change.band)] += static_cast<double>(change.places);
  m.initial_enrolled_share.resize(static_cast<std::size_t>(kMonthBandCount * n_regions));
  for (std::size_t pool = 0; pool < m.initial_enrolled_share.size(); ++pool) {
    const auto band = pool / static_cast<std::size_t>(n_regions);
    m.initial_enrolled_share[pool] =
        open_places[band] > 0 ? std::min(1.0, supply.initial_enrolled[band] / open_places[band]) : 0.0;
  }
  return m;
}

double childcare_places_open(const ChildcareSupply& supply, int build_lag_years, int year, bool affordable_only) {
  double places = 0;
  for (const ChildcareProvider& p : supply.providers)
    if (p.opens <= year && (p.closes == 0 || p.closes > year) && (p.affordable || !affordable_only))
      for (std::int64_t band_places : p.places) places += static_cast<double>(band_places);
  if (supply.projects_affordable || !affordable_only)
    for (const ChildcareProject& p : supply.projects)
      if (p.year + build_lag_years <= year)
        places += static_cast<double>(p.places);
  return places;
}

}  // namespace carecap::supply
