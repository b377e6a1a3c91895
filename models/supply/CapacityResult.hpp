// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstdint>
#include <vector>

namespace carecap::supply {

/// One pool (bed type, region) in one calendar year.
struct PoolYear {
  double mean_occupied = 0;   // n_ occupied beds, time average over the year
  double mean_capacity = 0;   // n_ beds, time average over the year
  double mean_idle = 0;       // n_ free beds (capacity - occupied, never below 0), time average over the year
  double admissions = 0;      // new_ admissions in the year
  double deaths_in_care = 0;  // new_ stays ending in death
  double discharges = 0;      // new_ stays ending in discharge
};

/// One arrival stream (demand type, region) in one calendar year.
struct StreamYear {
  double arrivals = 0;            // new_ people seeking a bed
  double admitted = 0;            // new_ admitted (directly or from the waiting list)
  double admitted_after_waiting = 0;  // new_ of `admitted` who waited a positive time
  double turned_away = 0;         // new_ turned away by a full waiting list
  double gave_up = 0;             // new_ left the waiting list unserved
  double died_waiting = 0;        // new_ died on the waiting list
  double mean_waiting = 0;        // n_ people on the waiting list, time average
  double wait_mean_days = 0;      // mean wait of those admitted in the year, days
  double wait_p50_days = 0;       // median wait, days
  double wait_p90_days = 0;       // 90th percentile wait, days
};

/// One unit (a facility's or project's beds of one type, CapacityModel::units) in one year.
struct UnitYear {
  double mean_occupied = 0;  // n_ occupied beds, time average over the year
  double mean_capacity = 0;  // n_ beds, time average over the year
};

/// Yearly results of one replication: [year][pool], [year][stream] and [year][unit].
struct CapacityResult {
  int first_year = 0;
  std::vector<std::vector<PoolYear>> pools;
  std::vector<std::vector<StreamYear>> streams;
  std::vector<std::vector<UnitYear>> units;
  std::vector<std::vector<double>> monthly_occupied;  // [month][pool] n_ occupied beds at the month's end
  std::vector<std::vector<double>> monthly_waiting;   // [month][stream] n_ people waiting at the month's end
  std::uint64_t events = 0;  // events handled
};

}  // namespace carecap::supply
