// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

namespace carecap::supply {

/// What a capacity simulation accumulates itself between its samples and hands its monitor at
/// each year end, instead of reporting every change of a level (issue 23: accumulate at events,
/// flush at boundaries). Time averages are over the calendar year; departures are counted in the
/// year of their time (at the boundary instant, the new year), as the monitor's own flows are.
/// Pools, streams and units are indexed as in CapacityMonitor.
struct CapacityYearLevels {
  struct Pool {
    double mean_occupied = 0;   // n_ occupied beds, time average
    double mean_open = 0;       // n_ open beds (occupied + free), time average
    double mean_free = 0;       // n_ free beds a newcomer could take, time average
    double deaths_in_care = 0;  // new_ stays ending in death
    double discharges = 0;      // new_ stays ending in discharge
  };
  struct Unit {
    double mean_occupied = 0;  // n_ occupied beds, time average
    double mean_open = 0;      // n_ open beds (its beds, or its residents where a cut took beds that still hold one), time average
  };
  std::vector<Pool> pools;           // per pool
  std::vector<double> mean_waiting;  // per stream: n_ people on its waiting lists, time average
  std::vector<double> mean_residents;  // per demand type x regions + the bed's region: n_ residents of that need in the region's beds, time average
  std::vector<Unit> units;           // per unit (CapacityModel::units)
};

/// The levels at an instant (a month end), per pool and per stream.
struct CapacityLevelsNow {
  std::vector<double> occupied;  // per pool: n_ occupied beds
  std::vector<double> open;      // per pool: n_ open beds (never fewer than occupied)
  std::vector<double> waiting;   // per stream: n_ people waiting
};

}  // namespace carecap::supply
