// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace carecap::planning {

/// What `carecap optimise` may choose from and how it weighs costs ([optimise] of a scenario,
/// scenarios/README.md; docs/optimise.md). Generic options are offered in every region of
/// `build_regions` (all regions when the scenario does not list them). Checked once at the
/// boundary (scenarios/loader/OptimiseLoader).
struct OptimiseSettings {
  double discount_rate = 0.08;                   // per year (social discount rate 8%, NDRC and MOHURD, 建设项目经济评价方法与参数, 3rd ed., 2006)
  std::optional<double> annual_budget_wan_yuan;  // capital started in any one year at most, 10,000 yuan; none: no budget
  int project_window_years = 3;                  // a listed project may start from the base year to its plan year + this, years
  std::vector<int> build_regions;                // region indices where generic options are offered (the loader fills all when not listed)
  std::vector<int> build_bed_types;              // demand::BedType indices of the generic build options; empty: none
  double build_block_beds = 50;                  // beds per block of a generic build, beds
  double build_cost_wan_yuan_per_bed = 18.66;    // 10,000 yuan per new bed (Bei'an project list: 13,623 / 730, docs/capacity.md)
  int build_max_blocks_per_year = 4;             // blocks of one build option started in one year at most, count
  bool conversions = false;                      // offer converting general beds to nursing beds in each region
  double conversion_block_beds = 50;             // beds converted per block, beds
  double conversion_cost_wan_yuan_per_bed = 12.1;  // 10,000 yuan per bed converted (Bei'an list: (416 + 2,000) / (104 + 95))
  int conversion_max_blocks_per_year = 4;        // conversion blocks of one region started in one year at most, count
  std::optional<double> min_nursing_share;       // (nursing + dementia) / all beds from nursing_share_from_year on, fraction; none: no standard
  int nursing_share_from_year = 2025;            // calendar year from which min_nursing_share holds
  std::optional<double> min_beds_per_thousand_elders;  // all beds per 1,000 elders (the scenario's elderly ages, 1 July) from
                                                       // beds_per_thousand_from_year on, beds per 1,000 persons (e.g. Bei'an's
                                                       // 73.6, the plan's 2025 target); none: no standard
  int beds_per_thousand_from_year = 2025;        // calendar year from which min_beds_per_thousand_elders holds
  std::optional<std::uint64_t> verification_seed;  // seed of the verification runs; none: the scenario's seed + 1 (fresh numbers)
  int verification_rounds = 3;                   // tighten-and-solve rounds after a failed verification at most, count
  std::string source;                            // where the options and costs come from
};

}  // namespace carecap::planning
