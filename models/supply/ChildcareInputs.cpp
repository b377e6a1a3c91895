// carecap. SPDX-License-Identifier: MIT
#include "models/supply/ChildcareInputs.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace carecap::supply {

namespace {

/// `total` split in proportion to `weights` in whole numbers: floor of each exact part, then the
/// rest one by one to the largest remainders (earlier first on ties), so the parts add up to the
/// total (all to the first part when the weights are all 0).
std::vector<std::int64_t> split_whole(std::int64_t total, const std::vector<double>& weights) {
  std::vector<std::int64_t> split(weights.size(), 0);
  if (weights.empty() || total <= 0) return split;
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (sum <= 0.0) {
    split.front() = total;
    return split;
  }
  std::vector<double> remainder(weights.size());
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(total) * weights[i] / sum;
    split[i] = static_cast<std::int64_t>(std::floor(exact));
    remainder[i] = exact - static_cast<double>(split[i]);
    given += split[i];
  }
  for (; given < total; ++given) {
    const auto i = static_cast<std::size_t>(std::max_element(remainder.begin(), remainder.end()) - remainder.begin());
    ++split[i];
    remainder[i] = -1.0;
  }
  return split;
}

/// A project's places split by band with place_band_share (largest remainders, earlier band first
/// on ties), so the bands add up to the places stated.
std::array<std::int64_t, kMonthBandCount> split_places(std::int64_t places, const std::array<double, kMonthBandCount>& share) {
  const auto split = split_whole(places, {share.begin(), share.end()});
  std::array<std::int64_t, kMonthBandCount> bands{};
  std::copy(split.begin(), split.end(), bands.begin());
  return bands;
}

/// Fresh applications per year and band, solved from the places wanted (ChildcareYear::places):
/// every child whose family wants a place stays in the flow until the family stops wanting one
/// (withdrawal_rate) or the child is 36 months old, with a place or without, so the children
/// reaching band b from the band below are demand, not supply: W_b = fresh_b x (expected stay of a
/// fresh applicant) + reaching_b x (expected stay of a full band).
void solve_applications(ChildcareModel& m, const demand::DemandResult& demand, const ChildcareSupply& supply,
                        const std::vector<double>& demand_share) {
  const auto n_regions = m.regions.size();
  const auto years = static_cast<std::size_t>(m.last_year - m.first_year + 1);
  const auto& weights = supply.application_month_weight;
  const double weight_sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  m.applications_per_month.assign(kMonthBandCount * n_regions, std::vector<double>(12 * years, 0.0));
  m.affordable_family_share.assign(years, {});
  // Expected years in a band, with families ceasing to want a place at rate w: a child reaching
  // the band stays min(L, Exp(w)); a fresh applicant, whose age is uniform in the band, min(U L, Exp(w)).
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
    const auto& year = demand.childcare[std::min(y, demand.childcare.size() - 1)];
    double reaching = 0.0;  // children a year reaching the band from the one below, still wanting a place
    for (int band = 0; band < kMonthBandCount; ++band) {
      const auto b = static_cast<std::size_t>(band);
      const double L = m.band_years[b];
      const bool at_start = m.fresh_at_band_start[b];
      const double stay = at_start ? full_stay(L) : fresh_stay(L);
      const double fresh = std::max(0.0, (year.places[b] - reaching * full_stay(L)) / stay);
      reaching = fresh * (at_start ? std::exp(-w * L) : fresh_outgrows(L)) + reaching * std::exp(-w * L);
      m.affordable_family_share[y][b] = year.places[b] > 0.0 ? std::clamp(year.affordable_places[b] / year.places[b], 0.0, 1.0) : 0.0;
      for (std::size_t region = 0; region < n_regions; ++region)
        for (std::size_t month = 0; month < 12; ++month)
          m.applications_per_month[b * n_regions + region][12 * y + month] =
              fresh * demand_share[region] * 12.0 * weights[month] / weight_sum;
    }
  }
}

/// Children in a place on 1 January, per pool and place tier: the providers' enrolled columns, or
/// supply.initial_enrolled of each band (at most the band's places) split over regions and tiers
/// by the places then open (largest remainders, so the bands keep their totals).
void initial_children(ChildcareModel& m, const ChildcareSupply& supply, const std::vector<double>& demand_share,
                      const demand::DemandResult& demand) {
  const auto n_regions = m.regions.size();
  const auto pools = kMonthBandCount * n_regions;
  m.initial_enrolled.assign(pools, {});
  if (supply.providers_state_enrolled) {
    for (const ChildcareProvider& p : supply.providers)
      if (p.opens <= m.first_year && (p.closes == 0 || p.closes > m.first_year))
        for (std::size_t b = 0; b < kMonthBandCount; ++b)
          m.initial_enrolled[b * n_regions + static_cast<std::size_t>(p.region)][p.affordable ? kAffordable : kMarket] +=
              std::min(p.enrolled[b], p.places[b]);
  } else {
    std::vector<double> open(pools * kPriceTierCount, 0.0);  // [pool x tier]
    for (const auto& change : m.places)
      if (change.time <= m.first_year)
        open[(static_cast<std::size_t>(change.band) * n_regions + static_cast<std::size_t>(change.region)) * kPriceTierCount +
             static_cast<std::size_t>(change.tier)] += static_cast<double>(change.places);
    for (std::size_t b = 0; b < kMonthBandCount; ++b) {
      const std::vector<double> band_open(open.begin() + static_cast<std::ptrdiff_t>(b * n_regions * kPriceTierCount),
                                          open.begin() + static_cast<std::ptrdiff_t>((b + 1) * n_regions * kPriceTierCount));
      const double all_open = std::accumulate(band_open.begin(), band_open.end(), 0.0);
      const auto children = static_cast<std::int64_t>(std::llround(std::min(supply.initial_enrolled[b], all_open)));
      const auto split = split_whole(children, band_open);
      for (std::size_t i = 0; i < split.size(); ++i) m.initial_enrolled[b * n_regions + i / kPriceTierCount][i % kPriceTierCount] = split[i];
    }
  }
  // Families wanting a place without one: the places wanted in the first year less the children
  // enrolled, per region; only below the last band do they matter (they apply again on reaching
  // the next band).
  m.initial_unserved.assign(pools, 0);
  if (demand.childcare.empty()) return;
  for (std::size_t b = 0; b + 1 < kMonthBandCount; ++b)
    for (std::size_t r = 0; r < n_regions; ++r) {
      const auto& enrolled = m.initial_enrolled[b * n_regions + r];
      const double wanting = demand.childcare.front().places[b] * demand_share[r];
      m.initial_unserved[b * n_regions + r] =
          std::max<std::int64_t>(0, std::llround(wanting) - enrolled[kAffordable] - enrolled[kMarket]);
    }
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
  m.affordable_tier_takes_market = supply.affordable_tier_takes_market;
  auto at = [&](int year) { return static_cast<double>(std::max(year, m.first_year)); };
  for (const ChildcareProvider& p : supply.providers)
    for (int band = 0; band < kMonthBandCount; ++band) {
      const std::int64_t places = p.places[static_cast<std::size_t>(band)];
      if (places == 0) continue;
      const int tier = p.affordable ? kAffordable : kMarket;
      m.places.push_back({at(p.opens), band, p.region, tier, places});
      if (p.closes > 0) m.places.push_back({at(p.closes), band, p.region, tier, -places});
    }
  for (const ChildcareProject& p : supply.projects) {
    const auto split = split_places(p.places, supply.place_band_share);
    for (int band = 0; band < kMonthBandCount; ++band)
      if (split[static_cast<std::size_t>(band)] > 0)
        m.places.push_back({at(p.year + build_lag_years), band, p.region, supply.projects_affordable ? kAffordable : kMarket,
                            split[static_cast<std::size_t>(band)]});
  }
  std::stable_sort(m.places.begin(), m.places.end(), [](const auto& a, const auto& b) { return a.time < b.time; });
  solve_applications(m, demand, supply, demand_share);
  initial_children(m, supply, demand_share, demand);
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
