// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cassert>
#include <cstddef>
#include <vector>

#include "models/demand/CareState.hpp"

namespace carecap::planning {

/// Beds by (calendar year, bed type, region) over consecutive years: a requirement (beds needed
/// by demand type, from the required-capacity search) or a capacity (beds open by bed type).
/// Bed types are demand::BedType indices; regions index the scenario's supply.regions.
struct CapacityGrid {
  int first_year = 2025;     // calendar year of the first row
  int years = 0;             // number of consecutive calendar years, count
  int regions = 0;           // number of regions (towns), count
  std::vector<double> beds;  // beds, [year][bed type][region] row-major; size years x kBedTypeCount x regions

  /// A grid of zeros.
  static CapacityGrid zeros(int first_year, int years, int regions) {
    CapacityGrid grid;
    grid.first_year = first_year;
    grid.years = years;
    grid.regions = regions;
    grid.beds.assign(static_cast<std::size_t>(years) * demand::kBedTypeCount * static_cast<std::size_t>(regions), 0.0);
    return grid;
  }
  /// The last calendar year.
  [[nodiscard]] int last_year() const { return first_year + years - 1; }
  /// Beds in calendar year `year`, of bed type `bed_type`, in region `region`.
  [[nodiscard]] double at(int year, int bed_type, int region) const { return beds[offset(year, bed_type, region)]; }
  double& at(int year, int bed_type, int region) { return beds[offset(year, bed_type, region)]; }
  /// Whether two grids cover the same years and regions.
  [[nodiscard]] bool same_shape(const CapacityGrid& other) const {
    return first_year == other.first_year && years == other.years && regions == other.regions &&
           beds.size() == other.beds.size();
  }

private:
  [[nodiscard]] std::size_t offset(int year, int bed_type, int region) const {
    assert(year >= first_year && year <= last_year() && bed_type >= 0 && bed_type < demand::kBedTypeCount &&
           region >= 0 && region < regions);
    return (static_cast<std::size_t>(year - first_year) * demand::kBedTypeCount + static_cast<std::size_t>(bed_type)) *
               static_cast<std::size_t>(regions) +
           static_cast<std::size_t>(region);
  }
};

}  // namespace carecap::planning
