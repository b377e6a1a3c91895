// carecap. SPDX-License-Identifier: MIT
#include "models/workforce/WorkforceSeries.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/supply/CapacityYearDimension.hpp"

namespace carecap::workforce {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double care_workers_needed(const WorkforceNeedInputs& in, double day_care_users_per_care_worker, std::size_t year,
                           std::size_t region) {
  const std::size_t regions = in.model.regions.size();
  double need = 0.0;
  for (std::size_t d = 0; d < static_cast<std::size_t>(demand::kBedTypeCount); ++d) {
    // People waiting for a bed would be residents with a bed and the staff for it: without them a
    // staffing cap would hide its own shortage.
    const supply::StreamYear& s = in.capacity.streams[year][d * regions + region];
    need += (s.mean_residents + s.mean_waiting) * in.model.care_workers_per_resident[year][d];
  }
  return need + day_care_workers(in.demand, in.model, in.demand_share, day_care_users_per_care_worker, year, region);
}

double childcare_workers_needed(const WorkforceNeedInputs& in, std::size_t year, std::size_t region) {
  if (!in.childcare || year >= in.childcare->size()) return kMissing;
  const std::size_t regions = in.model.regions.size();
  double need = 0.0;
  for (std::size_t b = 0; b < static_cast<std::size_t>(demand::kMonthBandCount); ++b)
    need += (*in.childcare)[year][b * regions + region].mean_enrolled / in.children_per_carer[b];
  return need;
}

ResultGroup workforce_series(const WorkforcePlan& plan, const WorkforceSettings& s, const WorkforceNeedInputs& in) {
  const std::size_t regions = in.model.regions.size();
  const std::size_t years = plan.years.size();
  ResultGroup g;
  g.name = "workforce";
  g.description = "care workers (养老护理员): supply as a stock with flows (base staff, leavers, returners and hires, trainees, "
                  "project staff) against the need of the simulated residents and day-care users at the staffing ratios";
  g.dimensions = {supply::capacity_year_dimension(in.model.first_year, in.model.last_year),
                  {"region", {}, in.model.regions, "1", "town or district"}};
  const std::vector<std::string> by_region{"capacity_year", "region"};
  const std::vector<std::string> by_year{"capacity_year"};
  std::vector<double> supply, needed, for_residents, gap, shortage, childcare, leaving, entering, trained, project;
  std::vector<double> certified, senior, per_10000, per_100_beds, cum_trained;
  double trained_so_far = 0.0;
  for (std::size_t y = 0; y < years; ++y) {
    const WorkforceYear& w = plan.years[y];
    double area_supply = 0.0, area_beds = 0.0;
    for (std::size_t r = 0; r < regions; ++r) {
      const double need = care_workers_needed(in, s.day_care_users_per_care_worker, y, r);
      supply.push_back(w.staff_open[r]);
      needed.push_back(need);
      double residents_need = 0.0;
      for (std::size_t d = 0; d < static_cast<std::size_t>(demand::kBedTypeCount); ++d)
        residents_need += in.capacity.streams[y][d * regions + r].mean_residents * in.model.care_workers_per_resident[y][d];
      for_residents.push_back(residents_need);
      gap.push_back(need - w.staff_open[r]);
      shortage.push_back(std::max(0.0, need - w.staff_open[r]));
      childcare.push_back(childcare_workers_needed(in, y, r));
      leaving.push_back(w.leavers[r]);
      entering.push_back(w.other_entrants[r]);
      trained.push_back(w.trained[r]);
      project.push_back(w.project[r]);
      area_supply += w.staff_open[r];
      for (std::size_t t = 0; t < static_cast<std::size_t>(demand::kBedTypeCount); ++t)
        area_beds += in.capacity.pools[y][t * regions + r].mean_capacity;
    }
    trained_so_far += plan.trained_by_year[y];
    cum_trained.push_back(trained_so_far);
    certified.push_back(area_supply * s.certified_share);
    senior.push_back(area_supply * s.certified_share * s.senior_grade_share);
    const auto demand_year = static_cast<std::size_t>(in.model.first_year - in.demand.base_year) + y;
    const double elderly = demand_year < in.demand.elder.size() ? in.demand.elder[demand_year].elderly : kMissing;
    per_10000.push_back(elderly > 0.0 ? certified.back() / elderly * 10000.0 : kMissing);
    per_100_beds.push_back(area_beds > 0.0 ? area_supply / area_beds * 100.0 : kMissing);
  }
  const std::string& src = s.source;
  g.series = {
      {"n_care_workers", "养老护理员", "persons",
       "care workers employed on 1 January after the year's projects open: last year's staff - leavers + returners + "
       "trainees taking up care work (+ project staff)", src, by_region, supply},
      {"n_care_workers_needed", "养老护理员需求", "persons",
       "care workers the year's residents and people waiting for a bed (time averages) need at the [workforce] ratios "
       "by care state (over each need's demand mix: general, nursing, dementia), and day-care users at "
       "day_care_users_per_care_worker", src, by_region, needed},
      {"n_care_workers_for_residents", "在住老人所需养老护理员", "persons",
       "care workers the year's residents alone need (time average, at the same ratios): n_care_workers_needed without the "
       "people waiting and day care", src, by_region, for_residents},
      {"n_care_worker_gap", "养老护理员缺口", "persons",
       "needed - employed: positive is a shortage, negative a surplus; summed over towns it nets one town's surplus against "
       "another's shortage (care workers do not move between towns): see n_care_worker_shortage", src, by_region, gap},
      {"n_care_worker_shortage", "养老护理员短缺", "persons",
       "max(0, needed - employed): the town's shortage; summed over towns, the area's shortage where it is", src, by_region,
       shortage},
      {"n_childcare_workers_needed", "托育从业人员需求", "persons",
       "childcare carers the enrolled children need (time average, by month band at [childcare] children_per_carer); NaN "
       "without a childcare simulation", src, by_region, childcare},
      {"new_care_workers_leaving", "", "persons per year", "care workers leaving care work in the year (leaving_rate x staff)",
       src, by_region, leaving},
      {"new_care_workers_hired", "", "persons per year",
       "returners and hires from the labour market not trained by the plan (they work from the next 1 January)", src,
       by_region, entering},
      {"new_care_workers_trained", "", "persons per year",
       "trainees of the plan's programmes taking up care work in the year (they work from the next 1 January)", src, by_region,
       trained},
      {"new_care_workers_with_projects", "", "persons per year",
       "care workers new projects bring on 1 January (their beds' need when full), 0 unless projects_bring_staff", src,
       by_region, project},
      {"cum_care_workers_trained", "累计培训养老护理员", "persons",
       "people trained by the plan's programmes from the first simulated year to the year's end (before the entering share)",
       src, by_year, cum_trained},
      {"n_certified_care_workers", "持证养老护理员", "persons", "n_care_workers x certified_share, whole area", src, by_year,
       certified},
      {"n_senior_grade_care_workers", "高级工、技师养老护理员", "persons",
       "certified care workers x senior_grade_share, whole area", src, by_year, senior},
      {"certified_care_workers_per_10000_elderly", "每万名老年人持证养老护理员数", "persons per 10,000 persons aged 60+",
       "certified care workers over the persons aged 60+ on 1 July", src, by_year, per_10000},
      {"care_workers_per_100_beds", "每百张床位养老护理员数", "persons per 100 beds",
       "care workers over the elderly-care beds open (time average over the year)", src, by_year, per_100_beds},
  };
  return g;
}

}  // namespace carecap::workforce
