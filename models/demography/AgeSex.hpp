// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <array>
#include <numeric>

namespace carecap::demography {

/// Single years of age 0..99 and the open interval 100+ (stored at index 100).
inline constexpr int kOpenAge = 100;
inline constexpr int kAgeCount = kOpenAge + 1;

/// Sex of a person; the value is the index used in every table.
enum class Sex { male = 0, female = 1 };
inline constexpr int kSexCount = 2;
inline constexpr std::array<Sex, kSexCount> kSexes{Sex::male, Sex::female};
inline constexpr std::array<const char*, kSexCount> kSexNames{"male", "female"};

/// One value per single year of age 0..100+.
using AgeVector = std::array<double, kAgeCount>;

/// One value per sex and single year of age (people, rates or shares; the owner says which).
struct AgeSexTable {
  std::array<AgeVector, kSexCount> by_sex{};  // [sex][age]

  AgeVector& operator[](Sex sex) { return by_sex[static_cast<int>(sex)]; }
  const AgeVector& operator[](Sex sex) const { return by_sex[static_cast<int>(sex)]; }

  /// Sum over ages a_from..a_to (inclusive) of one sex.
  [[nodiscard]] double sum(Sex sex, int a_from = 0, int a_to = kOpenAge) const {
    const AgeVector& v = (*this)[sex];
    return std::accumulate(v.begin() + a_from, v.begin() + a_to + 1, 0.0);
  }
  /// Sum over ages a_from..a_to (inclusive) of both sexes.
  [[nodiscard]] double sum_both(int a_from = 0, int a_to = kOpenAge) const {
    return sum(Sex::male, a_from, a_to) + sum(Sex::female, a_from, a_to);
  }
};

}  // namespace carecap::demography

#include <vector>

namespace carecap::demography {

/// Flattens yearly tables into one row-major vector in (year, sex, age) order.
[[nodiscard]] inline std::vector<double> flatten_years(const std::vector<AgeSexTable>& tables) {
  std::vector<double> flat;
  flat.reserve(tables.size() * kSexCount * kAgeCount);
  for (const AgeSexTable& t : tables)
    for (const AgeVector& v : t.by_sex) flat.insert(flat.end(), v.begin(), v.end());
  return flat;
}

}  // namespace carecap::demography
