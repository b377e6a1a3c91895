// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <vector>

#include "models/demand/DemandResult.hpp"
#include "models/supply/CapacityParameters.hpp"
#include "models/supply/CapacitySettings.hpp"
#include "models/supply/SupplyParameters.hpp"

namespace carecap::supply {

/// The dated capacity changes of a supply and its plan: each facility's beds when it opens
/// (before the base year: at the start) and when it closes (whatever beds it has left then), a
/// plan's closure included (the loader records it as the facility's closing year); each other
/// project on 1 January of its plan year plus the build lag: added beds, or general beds
/// converted to nursing.
/// `origins`, if given, receives for each change the index of the project it comes from (-1 for
/// a facility's own opening or closing). `units`, if given, receives the units the changes name:
/// each facility's beds of each type, each project's added or converted beds.
[[nodiscard]] std::vector<CapacityChange> capacity_schedule(const SupplyParameters& supply, int first_year,
                                                            std::vector<int>* origins = nullptr,
                                                            std::vector<CapacityUnit>* units = nullptr);

/// The plan year in which each project is funded: its own year, or with an annual budget the
/// first year from its own on whose remaining budget it fits, projects taken in list order (a
/// project costing more than a whole year's budget is funded alone in the first free year).
[[nodiscard]] std::vector<int> funded_years(const SupplyParameters& supply);

/// Capital spending by calendar year of opening, 10,000 yuan, years first_year..last_year.
[[nodiscard]] std::vector<double> capital_spending(const SupplyParameters& supply, int first_year, int last_year);

/// The capacity simulation of one demand. Arrivals per bed type and region, per year: the demand
/// stock (people seeking a bed of the type on 1 July) divided by the mean stay, plus the stock's
/// change over the calendar year (rising or falling), split by the regions' demand shares; with
/// beds to spare the simulated occupancy then follows the demand stock. A fall faster than
/// departures allow leaves arrivals at zero (ArrivalStream::unfollowed_decline). The start
/// (residents and waiting on 1 January) follows set_start (CapacityStart.hpp).
[[nodiscard]] CapacityModel build_capacity_model(const SupplyParameters& supply, const CapacitySettings& settings,
                                                 const demand::DemandResult& demand);

}  // namespace carecap::supply
