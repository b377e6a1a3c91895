// carecap. SPDX-License-Identifier: MIT
#include "tools/cli/OptimiseCommand.hpp"

#include <algorithm>
#include <iostream>
#include <set>

#include "sim/NumberText.hpp"
#include "text/Catalogue.hpp"
#include "tools/run/Version.hpp"

namespace carecap::tools {
namespace {

/// Beds of each type in `year`, county.
std::array<double, demand::kBedTypeCount> county(const planning::CapacityGrid& grid, int year) {
  std::array<double, demand::kBedTypeCount> beds{};
  for (int t = 0; t < demand::kBedTypeCount; ++t)
    for (int r = 0; r < grid.regions; ++r) beds[t] += grid.at(year, t, r);
  return beds;
}

/// The years of `v` in which the level was not met, as "2026, 2031" ("" when none).
std::string failing_years(const PlanVerification& v) {
  std::string years;
  for (std::size_t y = 0; y < v.level.size(); ++y)
    if (std::any_of(v.level[y].begin(), v.level[y].end(), [](const auto& a) { return !a.met; }))
      years += (years.empty() ? "" : ", ") + std::to_string(v.first_year + static_cast<int>(y));
  return years;
}

std::string costs_line(text::Lang lang, const char* id, const planning::ScheduleCosts& c, double beds) {
  return text::say(lang, id, {{"capital", sim::grouped(c.capital_wan_yuan, 0)}, {"operating", sim::grouped(c.operating_wan_yuan, 0)},
                              {"total", sim::grouped(c.discounted_total_wan_yuan, 0)}, {"beds", sim::grouped(beds, 0)}});
}

std::string level_line(text::Lang lang, const PlanVerification& v, const char* met_id, const char* failed_id) {
  double idle = 0;
  for (std::size_t y = 0; y < v.beds.size(); ++y) idle = std::max(idle, v.idle_share(y));
  const std::string years = failing_years(v);
  const std::size_t last = v.beds.size() - 1;
  return years.empty() ? text::say(lang, met_id, {{"idle", sim::percent(v.idle_share(last))}})
                       : text::say(lang, failed_id, {{"years", years}, {"idle", sim::percent(v.idle_share(last))}});
}

/// Required childcare places against the published ones in the first and the last year, county.
void print_required_places(text::Lang lang, const ChildcareRequirement& c) {
  const auto& required = c.required.places;
  if (required.empty()) return;
  for (std::size_t y : {std::size_t{0}, required.size() - 1}) {
    std::array<double, demand::kMonthBandCount> bands{};
    double total = 0, published = 0;
    for (std::size_t b = 0; b < required[y].size(); ++b)
      for (std::size_t r = 0; r < required[y][b].size(); ++r) {
        bands[b] += static_cast<double>(required[y][b][r]);
        total += static_cast<double>(required[y][b][r]);
        published += static_cast<double>(c.published[y][b][r]);
      }
    std::cout << text::say(lang, "cli.optimise.places",
                           {{"year", c.required.first_year + static_cast<int>(y)}, {"required", sim::grouped(total, 0)},
                            {"band_6_12", sim::grouped(bands[1], 0)}, {"band_13_24", sim::grouped(bands[2], 0)},
                            {"band_25_36", sim::grouped(bands[3], 0)}, {"published", sim::grouped(published, 0)},
                            {"days", sim::grouped(c.level.wait_days, 0)}, {"share", sim::percent(c.level.max_share_waiting)}})
              << "\n";
    if (required.size() == 1) break;
  }
}

}  // namespace

void optimise_command(const OptimiseOptions& options) {
  const OptimiseResult r = run_optimise_into_file(options);
  if (r.rank != 0) return;  // under mpirun, rank 0 alone prints (and wrote the file)
  const auto lang = options.lang;
  const auto& s = r.scenario;
  const auto& level = *s.service_level;
  const int first = r.required_grid.first_year, last = r.required_grid.last_year();
  if (r.sweep)
    std::cout << text::say(lang, "cli.optimise.started_sweep",
                           {{"version", kVersion}, {"name", s.name}, {"sweep", r.sweep->name}, {"first", first}, {"last", last},
                            {"share", sim::percent(level.max_share_waiting)}, {"days", sim::grouped(level.wait_days, 0)},
                            {"probability", sim::percent(level.probability, 0)}, {"samples", r.samples},
                            {"replications", r.replications}, {"seed", std::to_string(r.seed)}, {"processes", r.processes}})
              << "\n";
  else
    std::cout << text::say(lang, "cli.optimise.started",
                           {{"version", kVersion}, {"name", s.name}, {"first", first}, {"last", last},
                            {"share", sim::percent(level.max_share_waiting)}, {"days", sim::grouped(level.wait_days, 0)},
                            {"probability", sim::percent(level.probability, 0)},
                            {"replications", s.supply->capacity.replications}, {"seed", std::to_string(s.run.seed)}})
              << "\n";
  // Required beds in the plan's target years and the last year, beside the published plan's.
  std::set<int> years{last};
  if (s.plan)
    for (const auto& target : s.plan->targets)
      if (target.year >= first && target.year <= last) years.insert(target.year);
  for (int year : years) {
    const auto need = county(r.required_grid, year), chosen = county(r.schedule.capacity, year),
               published = county(r.published_capacity, year);
    std::cout << text::say(lang, "cli.optimise.required",
                           {{"year", year}, {"general", sim::grouped(need[0], 0)}, {"nursing", sim::grouped(need[1], 0)},
                            {"dementia", sim::grouped(need[2], 0)}, {"chosen_general", sim::grouped(chosen[0], 0)},
                            {"chosen_nursing", sim::grouped(chosen[1] + chosen[2], 0)},
                            {"published_general", sim::grouped(published[0], 0)},
                            {"published_nursing", sim::grouped(published[1] + published[2], 0)}})
              << "\n";
  }
  if (r.places) print_required_places(lang, *r.places);
  std::cout << text::say(lang, r.schedule.schedule.empty() ? "cli.optimise.schedule_none" : "cli.optimise.schedule",
                         {{"count", r.schedule.schedule.size()}})
            << "\n";
  for (const auto& start : r.schedule.schedule) {
    std::string beds;
    for (int t = 0; t < demand::kBedTypeCount; ++t)
      if (start.beds_change[t] != 0)
        beds += (beds.empty() ? "" : ", ") + sim::grouped(start.beds_change[t], 0) + " " +
                text::say(lang, std::string("labels.") + demand::kBedTypeNames[static_cast<std::size_t>(t)]);
    std::cout << "  " << text::say(lang, "cli.optimise.start",
                                   {{"start", start.start_year}, {"opening", start.opening_year}, {"id", start.id},
                                    {"town", town_text(s, start.region).in(lang)}, {"beds", beds},
                                    {"capital", sim::grouped(start.capital_wan_yuan, 0)}})
              << "\n";
  }
  const auto beds_at_end = [&](const planning::CapacityGrid& g) {
    const auto b = county(g, last);
    return b[0] + b[1] + b[2];
  };
  const double rate = s.optimise ? s.optimise->discount_rate : planning::OptimiseSettings{}.discount_rate;
  std::cout << text::say(lang, "cli.optimise.costs_header", {{"rate", sim::percent(rate)}, {"first", first}, {"last", last}}) << "\n"
            << "  " << costs_line(lang, "cli.optimise.costs_chosen", r.schedule.costs, beds_at_end(r.schedule.capacity)) << "\n"
            << "  " << costs_line(lang, "cli.optimise.costs_published", r.published.costs, beds_at_end(r.published_capacity))
            << "\n";
  std::cout << text::say(lang, "cli.optimise.verified", {{"seed", std::to_string(r.verification_seed)},
                                                         {"rounds", r.tightening_rounds}})
            << "\n  " << level_line(lang, r.verification, "cli.optimise.level_met", "cli.optimise.level_failed") << "\n  "
            << level_line(lang, r.published_verification, "cli.optimise.published_met", "cli.optimise.published_failed")
            << "\n";
  std::cout << text::say(lang, "cli.wrote", {{"path", r.output_path}}) << "\n";
}

}  // namespace carecap::tools
