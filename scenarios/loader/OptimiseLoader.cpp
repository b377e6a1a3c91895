// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/OptimiseLoader.hpp"

#include <limits>

#include "scenarios/loader/SupplyTables.hpp"
#include "sim/Errors.hpp"
#include "text/Catalogue.hpp"

namespace carecap::scenarios {

SectionSchema optimise_schema() {
  return {"optimise",
          {"discount_rate", "annual_budget_wan_yuan", "project_window_years", "build_regions", "build_bed_types",
           "build_block_beds", "build_cost_wan_yuan_per_bed", "build_max_blocks_per_year", "conversions",
           "conversion_block_beds", "conversion_cost_wan_yuan_per_bed", "conversion_max_blocks_per_year",
           "min_nursing_share", "nursing_share_from_year", "min_beds_per_thousand_elders", "beds_per_thousand_from_year",
           "verification_seed", "verification_rounds", "source"},
          {}};
}

std::optional<planning::OptimiseSettings> read_optimise(const ScenarioDocument& doc, const std::vector<std::string>& regions,
                                                        std::uint64_t run_seed) {
  if (!doc.has_section("optimise")) return std::nullopt;
  planning::OptimiseSettings o;
  const auto number = [&](const char* key, double& field, double lowest, double highest) {
    if (const auto v = doc.find("optimise", key)) field = v->as_number(lowest, highest);
  };
  const auto count = [&](const char* key, int& field, int lowest, int highest) {
    if (const auto v = doc.find("optimise", key)) field = static_cast<int>(v->as_integer(lowest, highest));
  };
  number("discount_rate", o.discount_rate, 0.0, 1.0);
  if (const auto v = doc.find("optimise", "annual_budget_wan_yuan")) o.annual_budget_wan_yuan = v->as_number(0.0, 1e9);
  count("project_window_years", o.project_window_years, 0, 50);
  if (const auto v = doc.find("optimise", "build_regions")) {
    for (const std::string& name : v->as_string_list(regions))
      for (std::size_t r = 0; r < regions.size(); ++r)
        if (regions[r] == name) o.build_regions.push_back(static_cast<int>(r));
  } else {
    for (std::size_t r = 0; r < regions.size(); ++r) o.build_regions.push_back(static_cast<int>(r));
  }
  if (const auto v = doc.find("optimise", "build_bed_types"))
    for (const std::string& name : v->as_string_list(supply_tables::kBedNames))
      for (std::size_t t = 0; t < supply_tables::kBedNames.size(); ++t)
        if (supply_tables::kBedNames[t] == name) o.build_bed_types.push_back(static_cast<int>(t));
  number("build_block_beds", o.build_block_beds, 1.0, 10000.0);
  number("build_cost_wan_yuan_per_bed", o.build_cost_wan_yuan_per_bed, 0.0, 10000.0);
  count("build_max_blocks_per_year", o.build_max_blocks_per_year, 0, 1000);
  if (const auto v = doc.find("optimise", "conversions")) o.conversions = v->as_boolean();
  number("conversion_block_beds", o.conversion_block_beds, 1.0, 10000.0);
  number("conversion_cost_wan_yuan_per_bed", o.conversion_cost_wan_yuan_per_bed, 0.0, 10000.0);
  count("conversion_max_blocks_per_year", o.conversion_max_blocks_per_year, 0, 1000);
  if (const auto v = doc.find("optimise", "min_nursing_share")) o.min_nursing_share = v->as_number(0.0, 1.0);
  count("nursing_share_from_year", o.nursing_share_from_year, 1950, 2200);
  if (const auto v = doc.find("optimise", "min_beds_per_thousand_elders"))
    o.min_beds_per_thousand_elders = v->as_number(0.0, 1000.0);
  count("beds_per_thousand_from_year", o.beds_per_thousand_from_year, 1950, 2200);
  if (const auto v = doc.find("optimise", "verification_seed")) {
    o.verification_seed = static_cast<std::uint64_t>(v->as_integer(0, std::numeric_limits<std::int64_t>::max()));
    if (*o.verification_seed == run_seed)
      throw InputError(text::both("errors.optimise.same_seed", {{"where", v->where()}, {"seed", std::to_string(run_seed)}}));
  }
  count("verification_rounds", o.verification_rounds, 0, 20);
  o.source = doc.require("optimise", "source").as_string();
  return o;
}

}  // namespace carecap::scenarios
