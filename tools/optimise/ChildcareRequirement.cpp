// carecap. SPDX-License-Identifier: MIT
#include "tools/optimise/ChildcareRequirement.hpp"

#include "models/supply/ChildcareInputs.hpp"

namespace carecap::tools {

std::optional<ChildcareRequirement> childcare_requirement(const scenarios::Scenario& scenario,
                                                          const demand::DemandResult& demand, int threads) {
  if (!scenario.supply || !scenario.supply->childcare || !scenario.service_level) return std::nullopt;
  const auto& supply = *scenario.supply;
  const supply::ChildcareModel model =
      supply::build_childcare_model(*supply.childcare, supply.supply.regions, supply.supply.demand_share,
                                    supply.supply.build_lag_years, supply.capacity.last_year, demand);
  ChildcareRequirement out;
  out.level = planning::childcare_level(*scenario.service_level);
  planning::RequiredPlacesSettings settings;
  settings.runs = {scenario.run.seed, supply.capacity.replications, threads};
  out.required = planning::find_required_places(model, out.level, settings);
  // The published places: every change of the model (providers, projects) in force on 1 January.
  const std::size_t regions = model.regions.size();
  const auto years = static_cast<std::size_t>(model.last_year - model.first_year + 1);
  out.published.assign(years, std::vector<std::vector<std::int64_t>>(demand::kMonthBandCount, std::vector<std::int64_t>(regions, 0)));
  for (std::size_t y = 0; y < years; ++y)
    for (const auto& change : model.places)
      if (change.time <= static_cast<double>(model.first_year) + static_cast<double>(y))
        out.published[y][static_cast<std::size_t>(change.band)][static_cast<std::size_t>(change.region)] += change.places;
  return out;
}

}  // namespace carecap::tools
