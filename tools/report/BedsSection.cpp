// carecap. SPDX-License-Identifier: MIT
// The beds section of a run's report. Its charts shade what the capacity simulation did, not the
// bare difference of demand and supply: when a bed type is full its demand may take another type's
// beds (capacity.acceptable_beds; by default general and dementia-care demand take nursing-type
// beds, models/supply/CapacitySettings.hpp), so a type without beds of its own can have demand and
// nobody waiting. Only the people the simulation left without a bed are shaded as a shortfall.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "text/TextArg.hpp"
#include "tools/report/ReportText.hpp"
#include "tools/report/RunCharts.hpp"

namespace carecap::report {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The demand of a bed type served in another type's beds: one colour per type, in every chart.
const std::map<std::string, const char*> kServedElsewhereColor{
    {"general", "rgba(229,152,102,0.40)"}, {"nursing", "rgba(22,160,133,0.30)"}, {"dementia", "rgba(125,60,152,0.30)"}};

/// Where the elders seeking one bed type are in the capacity simulation, by projection year
/// (means of the replications; NaN where not simulated).
struct BedUse {
  std::string type;
  std::vector<double> demand;       // seeking this bed type on 1 July (demand model), persons
  std::vector<double> supply;       // beds of this type open, time average
  std::vector<double> unmet;        // without a bed: waiting (time average) + gave up, died waiting, turned away in the year
  std::vector<double> elsewhere;    // in another type's beds: the demand met x the share of its admissions to other types
  double net_intake = 0;            // admissions to this type's beds minus admissions of those needing it, all years
};

/// Demand less the unmet, never below zero; NaN where either is (years not simulated).
double met_demand(double demand, double unmet) {
  return std::isfinite(demand) && std::isfinite(unmet) ? std::max(0.0, demand - unmet) : kNaN;
}

std::vector<double> series_of(const RunView& run, const std::string& name, const std::string& type) {
  if (!run.capacity || !run.view.has("capacity", name)) return std::vector<double>(run.years.size(), kNaN);
  return run.by_year("capacity", name, {{"bed_type", {type}}});
}

BedUse bed_use(const RunView& run, const std::string& type) {
  BedUse u{type, run.by_year("demand", "n_beds_needed", {{"bed_type", {type}}}), series_of(run, "n_beds", type), {}, {}, 0};
  const auto waiting = series_of(run, "n_waiting", type), gave_up = series_of(run, "new_gave_up", type),
             died = series_of(run, "new_died_waiting", type), turned_away = series_of(run, "new_turned_away", type);
  // Admissions by the bed's type and by the type needed: beds of a type that only its own demand may
  // take (general, dementia by default) admit fewer than that demand's admissions when it overflows.
  const auto to_beds = series_of(run, "new_admissions", type), of_need = series_of(run, "new_admissions_by_need", type);
  for (std::size_t i = 0; i < run.years.size(); ++i) {
    u.unmet.push_back(waiting[i] + gave_up[i] + died[i] + turned_away[i]);
    const double met = met_demand(u.demand[i], u.unmet[i]);
    const double share = of_need[i] > 0 ? std::clamp((of_need[i] - to_beds[i]) / of_need[i], 0.0, 1.0) : 0.0;
    u.elsewhere.push_back(std::isfinite(share) ? met * share : kNaN);
    if (std::isfinite(to_beds[i] - of_need[i])) u.net_intake += to_beds[i] - of_need[i];
  }
  return u;
}

bool any_positive(const std::vector<double>& values) {
  return std::any_of(values.begin(), values.end(), [](double v) { return v > 0.5; });
}

/// Bands stacked from `base`: one per layer, each from the top of the one below; a layer that is
/// nothing in every year is left out (no legend entry for shading nobody can see).
void stack_bands(Chart& chart, std::vector<double> base, const std::vector<std::pair<ChartBand, std::vector<double>>>& layers) {
  for (auto [band, height] : layers) {
    if (!any_positive(height)) continue;
    for (std::size_t i = 0; i < base.size(); ++i) {
      band.low.push_back(base[i]);
      band.high.push_back(base[i] + height[i]);
      base[i] += height[i];
    }
    chart.bands.push_back(std::move(band));
  }
}

ChartBand unmet_band() { return {text::both("report.run.beds.without_bed"), {}, {}, kShortfall}; }

/// Idle beds: supply above the beds in use (left out when there are none).
void add_idle_band(Chart& chart, const std::vector<double>& in_use, const std::vector<double>& supply) {
  ChartBand idle{text::both("report.run.beds.idle"), {}, {}, kIdle};
  std::vector<double> idle_beds;
  for (std::size_t i = 0; i < in_use.size(); ++i) {
    idle.low.push_back(in_use[i]);
    idle.high.push_back(std::max(in_use[i], supply[i]));
    idle_beds.push_back(idle.high.back() - in_use[i]);
  }
  if (any_positive(idle_beds)) chart.bands.push_back(std::move(idle));
}

/// One bed type: its demand split into served in its own beds, in `receiver`'s beds and without a
/// bed; for the receiver, the other types' demand its beds take (`intake`) on top of its own.
Chart bed_type_chart(const RunView& run, const BedUse& u, const std::string& receiver, const std::vector<BedUse>& intake) {
  Chart c = line_chart(run, "beds_" + u.type, label_text(u.type), units_text("beds"));
  c.small = true;
  c.series.push_back({text::both("report.run.beds.demand"), u.demand, "line", kDemandColor});
  if (!run.capacity) return c;
  c.series.push_back({text::both("report.run.beds.supply"), u.supply, "line", kSupplyColor});
  const std::size_t n = run.years.size();
  std::vector<double> own(n), in_use(n), total(n);
  for (std::size_t i = 0; i < n; ++i) own[i] = met_demand(u.demand[i], u.unmet[i]) - u.elsewhere[i];
  std::vector<std::pair<ChartBand, std::vector<double>>> layers;
  if (any_positive(u.elsewhere)) {
    const Text where = receiver.empty() ? text::both("report.run.beds.other_types") : label_text(receiver);
    layers.push_back(
        {{text::both("report.run.beds.served_in", {{"beds", where}}), {}, {}, kServedElsewhereColor.at(u.type)}, u.elsewhere});
  }
  for (const BedUse& other : intake)
    layers.push_back({{text::both("report.run.beds.taken_in", {{"type", label_text(other.type)}}), {}, {},
                       kServedElsewhereColor.at(other.type)}, other.elsewhere});
  for (std::size_t i = 0; i < n; ++i) {
    in_use[i] = own[i];
    for (const BedUse& other : intake) in_use[i] += other.elsewhere[i];
    total[i] = in_use[i] + u.unmet[i];
  }
  layers.push_back({unmet_band(), u.unmet});
  stack_bands(c, own, layers);
  add_idle_band(c, in_use, u.supply);
  if (!intake.empty()) c.series.push_back({text::both("report.run.beds.demand_with_intake"), total, "dashed", "#7d3c98"});
  return c;
}

}  // namespace

Section beds_section(const RunView& run) {
  Section s{"elderly_beds", text::both("report.run.beds.title"), text::both("report.run.beds.note"), {}, {}, {}};
  std::vector<BedUse> uses;
  for (const std::string& type : kBedTypes) uses.push_back(bed_use(run, type));
  // The type whose beds take the others' overflow: the one that admits more than its own demand.
  std::string receiver;
  int receivers = 0;
  for (const BedUse& u : uses) {
    if (u.net_intake > 0.5) {
      receiver = u.type;
      ++receivers;
    }
  }
  if (receivers != 1) receiver.clear();

  const std::size_t n = run.years.size();
  std::vector<double> demand(n, 0.0), supply(n, 0.0), unmet(n, 0.0), met(n);
  for (const BedUse& u : uses) {
    for (std::size_t i = 0; i < n; ++i) {
      demand[i] += u.demand[i];
      supply[i] += u.supply[i];
      unmet[i] += u.unmet[i];
    }
  }
  for (std::size_t i = 0; i < n; ++i) met[i] = met_demand(demand[i], unmet[i]);
  Chart total = line_chart(run, "beds_total", text::both("report.run.beds.total_chart"), units_text("beds"));
  total.series.push_back({text::both("report.run.beds.demand"), demand, "line", kDemandColor});
  if (run.capacity) {
    total.series.push_back({text::both("report.run.beds.supply"), supply, "line", kSupplyColor});
    stack_bands(total, met, {{unmet_band(), unmet}});
    add_idle_band(total, met, supply);
  }
  mark(run, total, "targets.elderly_care_beds", text::both("report.run.beds.target"));
  s.charts.push_back(total);

  Table t{"beds_by_type", text::both("report.run.beds.table"), text::both("report.run.beds.table_note"),
          {{text::both("report.common.year"), {}, -1},
           {text::both("report.common.bed_type"), {}, 0},
           {text::both("report.run.beds.demand"), units_text("beds"), 0},
           {text::both("report.run.beds.supply"), units_text("beds"), 0},
           {text::both("report.common.difference"), units_text("beds"), 0}},
          {}};
  if (run.capacity) {
    t.columns.push_back({text::both("report.run.beds.served_in_other_types"), units_text("persons"), 0});
    t.columns.push_back({text::both("report.run.beds.without_bed"), units_text("persons"), 0});
  }
  for (const BedUse& u : uses) {
    std::vector<BedUse> intake;
    if (u.type == receiver)
      for (const BedUse& other : uses)
        if (other.type != u.type && any_positive(other.elsewhere)) intake.push_back(other);
    Chart c = bed_type_chart(run, u, receiver, intake);
    if (u.type == "nursing") {
      // The plans' nursing-type beds (护理型床位) count dementia-care beds too (PlanIndicators.cpp);
      // without dementia-care beds that line would hide the supply's.
      const auto dementia = std::find_if(uses.begin(), uses.end(), [](const BedUse& d) { return d.type == "dementia"; });
      if (run.capacity && dementia != uses.end() && any_positive(dementia->supply))
        c.series.push_back({text::both("report.run.beds.supply_with_dementia"),
                            run.by_year("capacity", "n_beds", {{"bed_type", {"nursing", "dementia"}}}), "dashed", "#16a085"});
      mark(run, c, "nursing_beds_target", text::both("report.run.beds.nursing_target"));
    }
    s.charts.push_back(c);
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (const BedUse& u : uses) {
      t.rows.push_back({static_cast<double>(run.years[i]), label_text(u.type), u.demand[i], u.supply[i], u.supply[i] - u.demand[i]});
      if (run.capacity) {
        t.rows.back().emplace_back(u.elsewhere[i]);
        t.rows.back().emplace_back(u.unmet[i]);
      }
    }
  }
  s.tables.push_back(t);
  return s;
}

}  // namespace carecap::report
