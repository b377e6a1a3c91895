// carecap. SPDX-License-Identifier: MIT
#include "models/supply/CapacityStart.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/Errors.hpp"

namespace carecap::supply {
namespace {

bool open_at(const Facility& f, int year) { return f.opens <= year && (f.closes == 0 || f.closes > year); }

/// Splits `total` over `weights` in proportion, whole numbers summing to `total` (largest remainder;
/// ties to the lower index); capped by the weights when `total` <= their sum.
std::vector<std::int64_t> split(std::int64_t total, const std::vector<std::int64_t>& weights) {
  std::vector<std::int64_t> parts(weights.size(), 0);
  std::int64_t sum = 0;
  for (std::int64_t w : weights) sum += w;
  if (sum <= 0 || total <= 0) return parts;
  std::vector<std::pair<double, std::size_t>> remainders;
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(total) * static_cast<double>(weights[i]) / static_cast<double>(sum);
    parts[i] = static_cast<std::int64_t>(std::floor(exact));
    given += parts[i];
    remainders.emplace_back(exact - static_cast<double>(parts[i]), i);
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t k = 0; given < total && k < remainders.size(); ++k, ++given) ++parts[remainders[k].second];
  return parts;
}

/// For each demand type, the bed type it is counted with for calibration: the first bed type it
/// may use that has beds at the base, else its own.
std::array<int, kBedTypeCount> base_bed(const std::array<std::int64_t, kBedTypeCount>& beds, const CapacitySettings& settings) {
  std::array<int, kBedTypeCount> bed{};
  for (int d = 0; d < kBedTypeCount; ++d) {
    bed[static_cast<std::size_t>(d)] = d;
    for (int b : settings.acceptable_beds[static_cast<std::size_t>(d)])
      if (beds[static_cast<std::size_t>(b)] > 0) {
        bed[static_cast<std::size_t>(d)] = b;
        break;
      }
  }
  return bed;
}

}  // namespace

const char* start_name(StartKind kind) {
  switch (kind) {
    case StartKind::observed_residents: return "observed_residents";
    case StartKind::occupancy_share: return "occupancy_share";
    case StartKind::demand_steady_state: return "demand_steady_state";
  }
  return "unknown";
}

BaseYearUse base_year_use(const SupplyParameters& supply, const CapacitySettings& settings, int base_year) {
  BaseYearUse use;
  const bool observed = std::any_of(supply.facilities.begin(), supply.facilities.end(),
                                    [&](const Facility& f) { return open_at(f, base_year) && f.residents_total >= 0; });
  if (!observed && !settings.initial_occupancy) return use;
  use.kind = observed ? StartKind::observed_residents : StartKind::occupancy_share;
  for (const Facility& f : supply.facilities) {
    std::array<std::int64_t, kBedTypeCount> residents{};
    if (open_at(f, base_year)) {
      if (!observed) {
        for (std::size_t b = 0; b < residents.size(); ++b)
          residents[b] = std::llround(*settings.initial_occupancy * static_cast<double>(f.beds[b]));
      } else if (f.residents[0] >= 0) {
        residents = f.residents;
      } else {
        use.by_bed_type = false;
        const auto parts = split(f.residents_total, {f.beds.begin(), f.beds.end()});
        std::copy(parts.begin(), parts.end(), residents.begin());
      }
    }
    for (std::size_t b = 0; b < residents.size(); ++b) use.total[b] += residents[b];
    use.residents.push_back(residents);
  }
  return use;
}

std::array<double, kBedTypeCount> institution_use_factors(const BaseYearUse& use, const demand::ElderDemandYear& base_year_demand,
                                                         const SupplyParameters& supply, const CapacitySettings& settings,
                                                         int base_year) {
  std::array<double, kBedTypeCount> factor{1.0, 1.0, 1.0};
  if (use.kind == StartKind::demand_steady_state) return factor;
  std::array<std::int64_t, kBedTypeCount> beds{};
  for (const Facility& f : supply.facilities)
    if (open_at(f, base_year))
      for (std::size_t b = 0; b < beds.size(); ++b) beds[b] += f.beds[b];
  const auto counted_with = base_bed(beds, settings);
  std::array<double, kBedTypeCount> sought{};  // base-year demand stock counted with each bed type
  double all_sought = 0, all_residents = 0;
  for (std::size_t d = 0; d < sought.size(); ++d) {
    sought[static_cast<std::size_t>(counted_with[d])] += base_year_demand.beds[d];
    all_sought += base_year_demand.beds[d];
    all_residents += static_cast<double>(use.total[d]);
  }
  const char* what = use.kind == StartKind::observed_residents ? "observed residents" : "capacity.initial_occupancy";
  if (!use.by_bed_type) {
    if (all_residents > 0 && all_sought <= 0)
      throw InputError(std::string(what) + ": expected demand for beds in the base year to calibrate to, got none");
    factor.fill(all_sought > 0 ? all_residents / all_sought : 1.0);
    return factor;
  }
  for (std::size_t b = 0; b < sought.size(); ++b)
    if (use.total[b] > 0 && sought[b] <= 0)
      throw InputError(std::string(what) + ": " + std::to_string(use.total[b]) + " residents in " + demand::kBedTypeNames[b] +
                       " beds, expected demand for such beds in the base year to calibrate to, got none (capacity.acceptable_beds)");
  for (std::size_t d = 0; d < factor.size(); ++d) {
    const auto b = static_cast<std::size_t>(counted_with[d]);
    factor[d] = sought[b] > 0 ? static_cast<double>(use.total[b]) / sought[b] : 1.0;
  }
  return factor;
}

void set_start(CapacityModel& model, const BaseYearUse& use, const SupplyParameters& supply, const CapacitySettings& settings,
               const demand::DemandResult& demand) {
  const auto regions = model.regions.size();
  const auto pools = static_cast<std::size_t>(kBedTypeCount) * regions;
  model.initial_occupancy = 0.0;
  model.initial_unit_residents.assign(model.units.size(), 0);
  std::vector<std::int64_t> unit_beds(model.units.size(), 0);
  for (const CapacityChange& c : model.capacity)
    if (c.unit >= 0 && c.time <= model.first_year) unit_beds[static_cast<std::size_t>(c.unit)] += c.beds;
  for (auto& beds : unit_beds) beds = std::max<std::int64_t>(0, beds);
  std::vector<double> excess(pools, 0.0);  // per stream: demand stock left without a bed
  // The demand stock on 1 January of the base year, by demand type and region, placed in the home
  // region's acceptable bed types (each demand type in its first, then what is left in the others
  // in order): the steady state's residents, and in every start the needs of the residents each
  // pool holds (model.initial_need_share).
  std::vector<double> free(pools, 0.0), placed(pools, 0.0), stock(pools, 0.0);
  std::vector<std::array<double, kBedTypeCount>> placed_need(pools, std::array<double, kBedTypeCount>{});
  for (std::size_t u = 0; u < model.units.size(); ++u)
    free[static_cast<std::size_t>(model.units[u].bed_type) * regions + static_cast<std::size_t>(model.units[u].region)] +=
        static_cast<double>(unit_beds[u]);
  for (std::size_t d = 0; d < static_cast<std::size_t>(kBedTypeCount); ++d) {
    const double now = demand.elder.front().beds[d];
    const double next = demand.elder.size() > 1 ? demand.elder[1].beds[d] : now;
    for (std::size_t r = 0; r < regions; ++r)
      stock[d * regions + r] = std::max(0.0, now - (next - now) / 2.0) * supply.demand_share[r];
  }
  std::vector<double> left = stock;
  for (std::size_t pass = 0; pass < 2; ++pass)
    for (std::size_t d = 0; d < static_cast<std::size_t>(kBedTypeCount); ++d) {
      const auto& acceptable = settings.acceptable_beds[d];
      for (std::size_t k = pass; k < (pass == 0 ? std::min<std::size_t>(1, acceptable.size()) : acceptable.size()); ++k)
        for (std::size_t r = 0; r < regions; ++r) {
          const std::size_t pool = static_cast<std::size_t>(acceptable[k]) * regions + r, stream = d * regions + r;
          const double take = std::min(left[stream], free[pool]);
          left[stream] -= take;
          free[pool] -= take;
          placed[pool] += take;
          placed_need[pool][d] += take;
        }
    }
  model.initial_need_share.assign(pools, std::array<double, kBedTypeCount>{});
  for (std::size_t pool = 0; pool < pools; ++pool) {
    if (placed[pool] > 0)
      for (std::size_t d = 0; d < static_cast<std::size_t>(kBedTypeCount); ++d) model.initial_need_share[pool][d] = placed_need[pool][d] / placed[pool];
    else
      model.initial_need_share[pool][pool / regions] = 1.0;  // no demand placed: the need the beds are for
  }
  if (use.kind != StartKind::demand_steady_state) {
    for (std::size_t u = 0; u < model.units.size(); ++u) {
      const CapacityUnit& unit = model.units[u];
      for (std::size_t f = 0; f < supply.facilities.size(); ++f)
        if (supply.facilities[f].id == unit.facility)
          model.initial_unit_residents[u] =
              std::min(unit_beds[u], use.residents[f][static_cast<std::size_t>(unit.bed_type)]);
    }
  } else {
    excess = left;
    for (std::size_t pool = 0; pool < pools; ++pool) {
      std::vector<std::size_t> members;
      std::vector<std::int64_t> weights;
      for (std::size_t u = 0; u < model.units.size(); ++u)
        if (static_cast<std::size_t>(model.units[u].bed_type) * regions + static_cast<std::size_t>(model.units[u].region) == pool) {
          members.push_back(u);
          weights.push_back(unit_beds[u]);
        }
      const auto parts = split(std::llround(placed[pool]), weights);
      for (std::size_t k = 0; k < members.size(); ++k) model.initial_unit_residents[members[k]] = parts[k];
    }
  }
  model.initial_waiting.assign(pools, 0);
  for (std::size_t d = 0; d < static_cast<std::size_t>(kBedTypeCount); ++d)
    for (std::size_t r = 0; r < regions; ++r) {
      double waiting = 0.0;
      if (settings.initial_waiting) {
        waiting = (*settings.initial_waiting)[d] * supply.demand_share[r];
      } else if (excess[d * regions + r] > 0.0) {
        // A steady queue holds the excess arrivals (excess stock / mean stay) for the mean time on
        // the list (1 / (giving-up rate + death rate)); with neither, the whole excess waits.
        const double leaving = (settings.mean_patience_years > 0 ? 1.0 / settings.mean_patience_years : 0.0) +
                               settings.waiting_death_rate;
        const double share = leaving > 0 ? std::min(1.0, 1.0 / (leaving * settings.stay[d].mean_years)) : 1.0;
        waiting = excess[d * regions + r] * share;
      }
      model.initial_waiting[d * regions + r] = std::llround(waiting);
    }
}

void add_start_series(ResultGroup& capacity, const CapacityModel& model, StartKind kind,
                      const std::array<double, kBedTypeCount>& factors,
                      const std::array<double, kBedTypeCount>& national_use_stock, const std::string& source) {
  const auto regions = model.regions.size();
  std::vector<double> residents(static_cast<std::size_t>(kBedTypeCount) * regions, 0.0), waiting(residents.size(), 0.0);
  for (std::size_t u = 0; u < model.units.size() && u < model.initial_unit_residents.size(); ++u)
    residents[static_cast<std::size_t>(model.units[u].bed_type) * regions + static_cast<std::size_t>(model.units[u].region)] +=
        static_cast<double>(model.initial_unit_residents[u]);
  for (std::size_t s = 0; s < waiting.size() && s < model.initial_waiting.size(); ++s)
    waiting[s] = static_cast<double>(model.initial_waiting[s]);
  std::vector<double> unfollowed;
  for (std::size_t y = 0; y < static_cast<std::size_t>(model.last_year - model.first_year + 1); ++y)
    for (const ArrivalStream& a : model.arrivals) unfollowed.push_back(y < a.unfollowed_decline.size() ? a.unfollowed_decline[y] : 0.0);
  const std::string start = start_name(kind);
  capacity.series.push_back({"n_initial_residents", "", "persons",
                             "residents in beds on 1 January of the first year, by the bed type they occupy (start: " + start + ")",
                             source, {"bed_type", "region"}, residents});
  capacity.series.push_back({"n_initial_waiting", "", "persons",
                             "people waiting on 1 January of the first year, by the bed type they need", source,
                             {"bed_type", "region"}, waiting});
  capacity.series.push_back({"institution_use_factor", "", "1",
                             "factor applied to the institutional propensities of the care-setting choice so that the base-year "
                             "demand stock equals the stated residents, by the bed type needed (1: not calibrated)",
                             source, {"bed_type"}, {factors.begin(), factors.end()}});
  capacity.series.push_back({"n_beds_needed_national_use", "", "persons",
                             "people seeking a bed on 1 July of the base year with the national default care use (the "
                             "demand before calibration), by bed type: what the stated residents are compared with",
                             source, {"bed_type"}, {national_use_stock.begin(), national_use_stock.end()}});
  capacity.series.push_back({"new_unfollowed_decline", "", "persons per year",
                             "fall of the demand stock that arrivals could not follow (arrivals at zero): occupancy then "
                             "falls only as residents leave, by the bed type needed",
                             source, {"capacity_year", "bed_type", "region"}, unfollowed});
  capacity.text_series.push_back({"start", "how the beds were occupied at the start: observed_residents (facilities file), "
                                  "occupancy_share (capacity.initial_occupancy) or demand_steady_state (docs/capacity.md)",
                                  "bed_type", std::vector<std::string>(kBedTypeCount, start)});
}

}  // namespace carecap::supply
