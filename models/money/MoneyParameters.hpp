// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "models/demand/CareState.hpp"

namespace carecap::money {

using demand::kBedTypeCount;
using demand::kCareSettingCount;
using demand::kCareStateCount;

/// Who owns beds (the facilities file's `ownership` column; the plan's projects through
/// MoneyParameters::project_ownership): 0 public (公办), 1 private (民办), 2 public_built_private_run (公建民营).
inline constexpr int kOwnershipCount = 3;
inline constexpr std::array<const char*, kOwnershipCount> kOwnershipNames{"public", "private", "public_built_private_run"};

/// The subsidy rules, as output labels (docs/money.md): once per bed a project opens, per occupied
/// bed-year, once per childcare place a project opens, per enrolled child-year.
inline constexpr int kSubsidyRuleCount = 4;
inline constexpr std::array<const char*, kSubsidyRuleCount> kSubsidyRuleNames{"per_new_bed", "per_occupied_bed_year",
                                                                              "per_new_childcare_place", "per_childcare_child_year"};

/// Whose numbers of people the insured are a share of.
enum class InsuredBase { population = 0, age_15_plus = 1 };

/// Long-term-care insurance (长期护理保险): who is insured and what it pays per user.
struct LtcInsurance {
  double insured_share = 0;              // insured persons as a share of the base, fraction (also the share of users insured)
  InsuredBase base = InsuredBase::population;  // the whole population (全人群) or persons aged 15+, 1 July
  std::array<std::array<double, kCareSettingCount>, kCareStateCount> benefit_yuan_per_user_year{};  // [care state][home, day care, institution], yuan per user-year
};

/// What beds, places and care cost, and who pays: everything of [money] (scenarios/README.md).
/// Defaults reproduce the capacity group's costs with no subsidy and no insurance.
struct MoneyParameters {
  std::array<double, kBedTypeCount> operating_fixed_yuan_per_bed_year{};       // by bed type, yuan per open bed-year (default: [supply] operating_cost_yuan_per_bed_year)
  std::array<double, kBedTypeCount> operating_yuan_per_resident_year{};        // by bed type, yuan per occupied bed-year on top (default 0)
  std::array<double, kOwnershipCount> subsidy_yuan_per_new_bed{};              // once, when a project's beds open (added or converted), by the project's ownership, yuan per bed
  std::array<double, kOwnershipCount> subsidy_yuan_per_occupied_bed_year{};    // operating subsidy by ownership, yuan per occupied bed-year
  double subsidy_yuan_per_new_childcare_place = 0;                             // once, when a childcare project's places open, yuan per place
  double subsidy_yuan_per_childcare_child_year = 0;                            // per enrolled child-year, yuan
  std::array<double, kOwnershipCount> public_share_capital{1.0, 0.0, 1.0};     // share of capital paid by the public budget, by ownership, fraction (assumption: 公建 builds with public money)
  std::array<double, kOwnershipCount> public_share_operating{1.0, 0.0, 0.0};   // share of operating cost paid by the public budget, by ownership, fraction (gross of residents' fees, which are not modelled; assumption)
  std::vector<int> project_ownership;                                          // per [supply] project (same order): kOwnershipNames index
  int childcare_ownership = 0;                                                 // ownership of the childcare projects' and providers' places (who pays their capital; subsidies' public share)
  std::optional<LtcInsurance> ltc;                                             // none: no long-term-care insurance modelled
  std::string source;                                                          // where the figures come from, recorded in the output
};

}  // namespace carecap::money
