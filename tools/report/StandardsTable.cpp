// carecap. SPDX-License-Identifier: MIT
#include "tools/report/StandardsTable.hpp"

#include <cmath>
#include <limits>

#include "sim/NumberText.hpp"
#include "text/TextArg.hpp"
#include "tools/report/ReportText.hpp"

namespace carecap::report {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A standard in force in a year: the stated figure of the first target year from that year on
/// (after the last target year, the last one's), with the target year it comes from.
struct InForce {
  double value = kNaN;
  int year = 0;
};

InForce in_force(const std::map<int, std::map<std::string, StatedFigure>>& targets, const std::string& field, int year) {
  InForce last;
  for (const auto& [target_year, stated] : targets) {
    const auto at = stated.find(field);
    if (at == stated.end()) continue;
    if (target_year >= year) return {at->second.value, target_year};
    last = {at->second.value, target_year};
  }
  return last;
}

/// A series by projection year, NaN where the run has no such series.
std::vector<double> series(const RunView& run, const char* group, const char* name,
                           const std::map<std::string, std::vector<std::string>>& only = {}) {
  return run.view.has(group, name) ? run.by_year(group, name, only) : std::vector<double>(run.years.size(), kNaN);
}

}  // namespace

std::optional<Table> standards_table(const RunView& run) {
  const auto targets = targets_by_year(run.stated);
  bool any = false;
  for (const auto& [year, stated] : targets)
    for (const char* field : {"beds_per_1000_elderly", "nursing_bed_share", "childcare_places_per_1000_people"})
      any = any || stated.count(field) != 0;
  if (!any) return std::nullopt;

  Table t{"standards",
          text::both("plan.standards.title"),
          text::both("plan.standards.note"),
          {{text::both("plan.standards.year"), {}, kPlainInteger},
           {text::both("plan.standards.item"), {}, 0},
           {text::both("plan.standards.standard"), {}, 0},
           {text::both("plan.standards.units"), {}, 0},
           {text::both("plan.standards.required"), {}, 0},
           {text::both("plan.standards.supply"), {}, 0},
           {text::both("plan.standards.use"), {}, 0},
           {text::both("plan.standards.difference"), {}, 0}},
          {}};
  const std::map<std::string, std::vector<std::string>> nursing_types{{"bed_type", {"nursing", "dementia"}}};
  const auto elders = run.by_year("", "n_age_60_plus"), population = run.by_year("", "n_total");
  const auto beds = series(run, "capacity", "n_beds"), occupied = series(run, "capacity", "n_occupied_beds");
  const auto nursing = series(run, "capacity", "n_beds", nursing_types),
             nursing_occupied = series(run, "capacity", "n_occupied_beds", nursing_types);
  const auto places = series(run, "childcare_capacity", "n_places"), enrolled = series(run, "childcare_capacity", "n_enrolled");
  const auto workers_needed = series(run, "capacity", "n_care_workers_needed"),
             workers_employed = series(run, "capacity", "n_care_workers_employed");
  const Text beds_units = units_text("beds"), places_units = units_text("places"), persons_units = units_text("persons");
  auto row = [&](int year, Text item, Text standard, const Text& units, double required, double supply, double use) {
    if (std::isnan(required)) return;  // e.g. nursing beds as a share of the beds of a run without supply
    t.rows.push_back({static_cast<double>(year), std::move(item), std::move(standard), units, required, supply, use,
                      supply - required});
  };
  auto target_year = [](int year) { return text::same(std::to_string(year)); };
  for (std::size_t i = 0; i < run.years.size(); ++i) {
    const int y = run.years[i];
    const InForce bed_rate = in_force(targets, "beds_per_1000_elderly", y), share = in_force(targets, "nursing_bed_share", y),
                  place_rate = in_force(targets, "childcare_places_per_1000_people", y);
    const double beds_required = bed_rate.value * elders[i] / 1000.0;
    if (!std::isnan(bed_rate.value))
      row(y, text::both("plan.standards.beds"),
          text::both("plan.standards.beds_rate", {{"rate", text::same(sim::grouped(bed_rate.value, 1))}, {"year", target_year(bed_rate.year)}}),
          beds_units, beds_required, beds[i], occupied[i]);
    if (!std::isnan(share.value))
      row(y, text::both("plan.standards.nursing_beds"),
          text::both("plan.standards.nursing_share", {{"share", text::same(sim::percent(share.value))}, {"year", target_year(share.year)}}),
          beds_units, share.value * (std::isnan(bed_rate.value) ? beds[i] : beds_required), nursing[i], nursing_occupied[i]);
    if (!std::isnan(place_rate.value))
      row(y, text::both("plan.standards.places"),
          text::both("plan.standards.places_rate",
                     {{"rate", text::same(sim::grouped(place_rate.value, 1))}, {"year", target_year(place_rate.year)}}),
          places_units, place_rate.value * population[i] / 1000.0, places[i], enrolled[i]);
    if (!std::isnan(workers_needed[i]))
      row(y, text::both("plan.standards.care_workers"), text::both("plan.standards.staffing"), persons_units, workers_needed[i],
          workers_employed[i], kNaN);
  }
  if (t.rows.empty()) return std::nullopt;
  return t;
}

}  // namespace carecap::report
