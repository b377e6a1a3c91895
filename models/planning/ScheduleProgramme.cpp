// carecap. SPDX-License-Identifier: MIT
#include "models/planning/ScheduleProgramme.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "sim/Errors.hpp"

namespace carecap::planning {
namespace {

constexpr int kTypes = demand::kBedTypeCount;
constexpr double kWanYuanPerYuan = 1e-4;  // 10,000 yuan per yuan
using TypeWeights = std::array<double, kTypes>;

/// One decision variable: a candidate started in one year (binary), or blocks of a generic option.
struct Column {
  CandidateKind kind = CandidateKind::project;
  int candidate = 0;
  std::string id;
  int region = 0;
  int start_year = 0;
  int opening_year = 0;
  TypeWeights delta{};  // change of open beds by type per unit, beds
  double capital = 0;   // per unit, 10,000 yuan
  int max_units = 1;
};

/// The rows that together meet one requirement (year, demand type, region) or one standard in one year.
struct RowGroup {
  UnmetRequirement what;
  std::vector<MipConstraint> rows;
};

void require(bool ok, const std::string& what) {
  if (!ok) throw InputError("schedule programme: " + what);
}

void check_index(int value, int count, const std::string& field) {
  require(value >= 0 && value < count,
          field + " must be in 0.." + std::to_string(count - 1) + ", got " + std::to_string(value));
}

/// The fields a build and a conversion option share: a region of the grid, blocks of beds at a
/// cost per bed, at most so many a year.
template <typename BlockOption>
void check_block_option(const BlockOption& x, int regions, const std::string& at) {
  check_index(x.region, regions, at + ".region");
  require(x.beds_per_block >= 0 && x.capital_wan_yuan_per_bed >= 0 && x.max_blocks_per_year >= 0,
          at + ": beds_per_block, capital_wan_yuan_per_bed and max_blocks_per_year must be >= 0");
}

void validate(const ScheduleProblem& p) {
  const auto& g = p.required;
  require(g.years >= 1 && g.regions >= 1 &&
              g.beds.size() == static_cast<std::size_t>(g.years) * kTypes * static_cast<std::size_t>(g.regions),
          "required must have at least one year and region and years x 3 x regions values");
  require(p.existing.same_shape(g), "existing must cover the same years and regions as required");
  for (double b : g.beds) require(std::isfinite(b) && b >= 0, "required beds must be finite and >= 0, got " + std::to_string(b));
  for (double b : p.existing.beds)
    require(std::isfinite(b) && b >= 0, "existing beds must be finite and >= 0, got " + std::to_string(b));
  require(p.build_lag_years >= 0, "build_lag_years must be >= 0, got " + std::to_string(p.build_lag_years));
  require(p.discount_rate > -1, "discount_rate must be > -1, got " + std::to_string(p.discount_rate));
  require(!p.annual_budget_wan_yuan || *p.annual_budget_wan_yuan >= 0, "annual_budget_wan_yuan must be >= 0");
  for (int t = 0; t < kTypes; ++t) {
    require(p.operating_cost_yuan_per_bed_year[t] >= 0, "operating_cost_yuan_per_bed_year must be >= 0");
    for (int b : p.acceptable_beds[t]) check_index(b, kTypes, "acceptable_beds[" + std::to_string(t) + "]");
  }
  for (std::size_t i = 0; i < p.projects.size(); ++i) {
    const auto& x = p.projects[i];
    const std::string at = "projects[" + std::to_string(i) + "]";
    check_index(x.region, g.regions, at + ".region");
    check_index(x.bed_type, kTypes, at + ".bed_type");
    require(x.beds >= 0 && x.capital_wan_yuan >= 0, at + ": beds and capital_wan_yuan must be >= 0");
  }
  for (std::size_t i = 0; i < p.builds.size(); ++i) {
    const auto& x = p.builds[i];
    const std::string at = "builds[" + std::to_string(i) + "]";
    check_block_option(x, g.regions, at);
    check_index(x.bed_type, kTypes, at + ".bed_type");
  }
  for (std::size_t i = 0; i < p.conversions.size(); ++i) {
    const auto& x = p.conversions[i];
    const std::string at = "conversions[" + std::to_string(i) + "]";
    check_block_option(x, g.regions, at);
    check_index(x.to_bed_type, kTypes, at + ".to_bed_type");
    require(x.to_bed_type != static_cast<int>(demand::BedType::general), at + ".to_bed_type must not be general");
  }
  for (std::size_t i = 0; i < p.closures.size(); ++i) {
    const auto& x = p.closures[i];
    const std::string at = "closures[" + std::to_string(i) + "]";
    check_index(x.region, g.regions, at + ".region");
    require(x.cost_wan_yuan >= 0 && *std::min_element(x.beds.begin(), x.beds.end()) >= 0,
            at + ": beds and cost_wan_yuan must be >= 0");
  }
  if (const auto& s = p.standards.nursing_share)
    require(s->min_share >= 0 && s->min_share <= 1, "standards.nursing_share.min_share must be in 0..1");
  if (const auto& s = p.standards.beds_per_thousand_elders)
    require(s->min_beds_per_thousand >= 0 && s->elders.size() == static_cast<std::size_t>(g.years),
            "standards.beds_per_thousand_elders needs min_beds_per_thousand >= 0 and one elders value per year");
  if (const auto& b = p.idle_bound) {
    require(b->max_idle_share >= 0 && b->max_idle_share < 1, "idle_bound.max_idle_share must be >= 0 and < 1");
    require(b->occupied.same_shape(g), "idle_bound.occupied must cover the same years and regions as required");
    for (double o : b->occupied.beds) require(std::isfinite(o) && o >= 0, "idle_bound.occupied must be finite and >= 0");
  }
}

/// Discount factor of calendar year `year`: (1 + rate)^-(year - first year).
double discount(const ScheduleProblem& p, int year) {
  return std::pow(1.0 + p.discount_rate, -(year - p.required.first_year));
}

/// The decision columns: every candidate in every start year of its window that opens in the horizon.
std::vector<Column> make_columns(const ScheduleProblem& p) {
  const int first = p.required.first_year, last = p.required.last_year(), lag = p.build_lag_years;
  std::vector<Column> columns;
  const auto add = [&](Column c, int earliest, int latest, int effect_lag) {
    for (int s = std::max(earliest, first); s <= std::min(latest, last - effect_lag); ++s) {
      c.start_year = s;
      c.opening_year = s + effect_lag;
      columns.push_back(c);
    }
  };
  constexpr int kGeneral = static_cast<int>(demand::BedType::general);
  for (std::size_t i = 0; i < p.projects.size(); ++i) {
    const auto& x = p.projects[i];
    Column c{CandidateKind::project, static_cast<int>(i), x.id, x.region, 0, 0, {}, x.capital_wan_yuan, 1};
    c.delta[x.bed_type] += x.beds;
    if (x.converts_general) c.delta[kGeneral] -= x.beds;
    add(c, x.earliest_start, x.latest_start, lag);
  }
  for (std::size_t i = 0; i < p.builds.size(); ++i) {
    const auto& x = p.builds[i];
    Column c{CandidateKind::build, static_cast<int>(i), x.id, x.region, 0, 0, {},
             x.beds_per_block * x.capital_wan_yuan_per_bed, x.max_blocks_per_year};
    c.delta[x.bed_type] = x.beds_per_block;
    add(c, x.earliest_start, x.latest_start, lag);
  }
  for (std::size_t i = 0; i < p.conversions.size(); ++i) {
    const auto& x = p.conversions[i];
    Column c{CandidateKind::conversion, static_cast<int>(i), x.id, x.region, 0, 0, {},
             x.beds_per_block * x.capital_wan_yuan_per_bed, x.max_blocks_per_year};
    c.delta[x.to_bed_type] = x.beds_per_block;
    c.delta[kGeneral] = -x.beds_per_block;
    add(c, x.earliest_start, x.latest_start, lag);
  }
  for (std::size_t i = 0; i < p.closures.size(); ++i) {
    const auto& x = p.closures[i];
    Column c{CandidateKind::closure, static_cast<int>(i), x.id, x.region, 0, 0, {}, x.cost_wan_yuan, 1};
    for (int t = 0; t < kTypes; ++t) c.delta[t] = -x.beds[t];
    add(c, x.earliest_year, x.latest_year, 0);
  }
  return columns;
}

/// sum_t weight(t) x beds open(year, t, region) >= rhs, as a row over the columns (region -1: all regions).
MipConstraint beds_at_least(const ScheduleProblem& p, const std::vector<Column>& columns, int year, int region,
                            const TypeWeights& weight, double rhs) {
  MipConstraint row;
  double existing = 0;
  for (int r = 0; r < p.existing.regions; ++r)
    if (region < 0 || r == region)
      for (int t = 0; t < kTypes; ++t) existing += weight[t] * p.existing.at(year, t, r);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto& col = columns[c];
    if (col.opening_year > year || (region >= 0 && col.region != region)) continue;
    double coefficient = 0;
    for (int t = 0; t < kTypes; ++t) coefficient += weight[t] * col.delta[t];
    if (coefficient == 0) continue;
    row.variables.push_back(static_cast<int>(c));
    row.coefficients.push_back(coefficient);
  }
  row.lower = rhs - existing;
  return row;
}

/// The base programme: variables with their discounted costs, at most one start per project and
/// closure, block totals, yearly budgets and beds open >= 0. Always feasible (start nothing).
MipProblem base_programme(const ScheduleProblem& p, const std::vector<Column>& columns) {
  const auto& g = p.required;
  MipProblem mip;
  const auto operating = [&](const TypeWeights& beds) {
    double cost = 0;
    for (int t = 0; t < kTypes; ++t) cost += beds[t] * p.operating_cost_yuan_per_bed_year[t] * kWanYuanPerYuan;
    return cost;
  };
  for (const auto& c : columns) {
    double cost = c.capital * discount(p, c.start_year);
    for (int y = c.opening_year; y <= g.last_year(); ++y) cost += discount(p, y) * operating(c.delta);
    mip.add_variable({0, static_cast<double>(c.max_units), true, cost,
                      c.id + "@" + std::to_string(c.start_year)});
  }
  for (int y = g.first_year; y <= g.last_year(); ++y)
    for (int r = 0; r < g.regions; ++r) {
      TypeWeights beds{};
      for (int t = 0; t < kTypes; ++t) beds[t] = p.existing.at(y, t, r);
      mip.objective_offset += discount(p, y) * operating(beds);
    }
  // At most one start per project and closure; at most max_blocks per generic option.
  const auto per_candidate = [&](CandidateKind kind, int candidate, double upper) {
    MipConstraint row;
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (columns[c].kind == kind && columns[c].candidate == candidate) {
        row.variables.push_back(static_cast<int>(c));
        row.coefficients.push_back(1.0);
      }
    row.upper = upper;
    if (row.variables.size() > 1) mip.add_constraint(std::move(row));
  };
  for (std::size_t i = 0; i < p.projects.size(); ++i) per_candidate(CandidateKind::project, static_cast<int>(i), 1);
  for (std::size_t i = 0; i < p.closures.size(); ++i) per_candidate(CandidateKind::closure, static_cast<int>(i), 1);
  for (std::size_t i = 0; i < p.builds.size(); ++i)
    if (p.builds[i].max_blocks) per_candidate(CandidateKind::build, static_cast<int>(i), *p.builds[i].max_blocks);
  for (std::size_t i = 0; i < p.conversions.size(); ++i)
    if (p.conversions[i].max_blocks)
      per_candidate(CandidateKind::conversion, static_cast<int>(i), *p.conversions[i].max_blocks);
  // The yearly budget binds the capital of the starts of each year.
  if (p.annual_budget_wan_yuan)
    for (int y = g.first_year; y <= g.last_year(); ++y) {
      MipConstraint row;
      for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].start_year == y && columns[c].capital > 0) {
          row.variables.push_back(static_cast<int>(c));
          row.coefficients.push_back(columns[c].capital);
        }
      row.upper = *p.annual_budget_wan_yuan;
      if (!row.variables.empty()) mip.add_constraint(std::move(row));
    }
  // Beds open >= 0 wherever a conversion or closure takes beds away.
  for (int y = g.first_year; y <= g.last_year(); ++y)
    for (int t = 0; t < kTypes; ++t)
      for (int r = 0; r < g.regions; ++r) {
        const bool takes = std::any_of(columns.begin(), columns.end(), [&](const Column& c) {
          return c.region == r && c.opening_year <= y && c.delta[t] < 0;
        });
        if (!takes) continue;
        TypeWeights weight{};
        weight[t] = 1;
        mip.add_constraint(beds_at_least(p, columns, y, r, weight, 0.0));
      }
  return mip;
}

/// The covering rows and standards, grouped and in the order a diagnosis adds them: by year; in a
/// year, each demand type (the sets of demand types up to it that contain it) in each region, then
/// the nursing share, then beds per 1,000 elders, then the idle bound.
std::vector<RowGroup> requirement_groups(const ScheduleProblem& p, const std::vector<Column>& columns) {
  const auto& g = p.required;
  std::vector<RowGroup> groups;
  for (int y = g.first_year; y <= g.last_year(); ++y) {
    for (int d = 0; d < kTypes; ++d)
      for (int r = 0; r < g.regions; ++r) {
        RowGroup group{{UnmetRequirement::Kind::requirement, y, d, r, g.at(y, d, r), 0}, {}};
        for (int set = 0; set < (1 << (d + 1)); ++set) {
          if ((set & (1 << d)) == 0) continue;
          TypeWeights may_take{};
          double need = 0;
          for (int e = 0; e <= d; ++e)
            if (set & (1 << e)) {
              need += g.at(y, e, r);
              for (int b : p.acceptable_beds[e]) may_take[b] = 1;
            }
          if (need > 0) group.rows.push_back(beds_at_least(p, columns, y, r, may_take, need));
        }
        if (!group.rows.empty()) groups.push_back(std::move(group));
      }
    if (const auto& s = p.standards.nursing_share; s && y >= s->from_year) {
      TypeWeights weight{-s->min_share, 1 - s->min_share, 1 - s->min_share};  // (nursing + dementia) - share x all >= 0
      groups.push_back({{UnmetRequirement::Kind::nursing_share, y, -1, -1, s->min_share, 0},
                        {beds_at_least(p, columns, y, -1, weight, 0.0)}});
    }
    if (const auto& s = p.standards.beds_per_thousand_elders; s && y >= s->from_year) {
      const double need = s->min_beds_per_thousand * s->elders[static_cast<std::size_t>(y - g.first_year)] / 1000.0;
      groups.push_back({{UnmetRequirement::Kind::beds_per_thousand_elders, y, -1, -1, s->min_beds_per_thousand, 0},
                        {beds_at_least(p, columns, y, -1, TypeWeights{1, 1, 1}, need)}});
    }
    if (const auto& b = p.idle_bound) {  // county beds open <= max(existing, occupied / (1 - share) + a unit), where beds are added
      double smallest_unit = kNoBound;      // beds of the smallest unit that adds beds by this year (a block, a project)
      for (const Column& c : columns)
        if (c.opening_year <= y && c.delta[0] + c.delta[1] + c.delta[2] > 0)
          smallest_unit = std::min(smallest_unit, c.delta[0] + c.delta[1] + c.delta[2]);
      if (smallest_unit != kNoBound) {
        double existing = 0, occupied = 0;
        for (int r = 0; r < g.regions; ++r)
          for (int t = 0; t < kTypes; ++t) {
            existing += p.existing.at(y, t, r);
            occupied += b->occupied.at(y, t, r);
          }
        // Within one smallest unit: a 50-bed wing cannot be split (docs/optimise.md, "The idle bound").
        const double most =
            std::max(existing, std::floor(occupied / (1 - b->max_idle_share) + 1e-9) + smallest_unit);
        groups.push_back({{UnmetRequirement::Kind::idle_share, y, -1, -1, most, 0},
                          {beds_at_least(p, columns, y, -1, TypeWeights{-1, -1, -1}, -most)}});
      }
    }
  }
  return groups;
}

/// The base programme with the first `count` groups, with costs (or as a pure feasibility problem).
MipProblem with_groups(const MipProblem& base, const std::vector<RowGroup>& groups, std::size_t count, bool costs) {
  MipProblem mip = base;
  if (!costs) {
    for (auto& v : mip.variables) v.cost = 0;
    mip.objective_offset = 0;
  }
  for (std::size_t k = 0; k < count; ++k)
    for (const auto& row : groups[k].rows) mip.add_constraint(row);
  return mip;
}

/// The first group that cannot be met with all earlier ones (binary search over prefixes: adding
/// rows only shrinks the feasible set), and its least shortfall in beds.
std::optional<UnmetRequirement> diagnose(const MipProblem& base, const std::vector<RowGroup>& groups,
                                         const MipSolver& solver, std::string& message) {
  std::size_t lo = 0, hi = groups.size() - 1;  // the prefix through `hi` is infeasible
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    const auto result = solver.solve(with_groups(base, groups, mid + 1, false));
    if (result.status == MipStatus::infeasible) {
      hi = mid;
    } else if (result.status == MipStatus::optimal) {
      lo = mid + 1;
    } else {
      message = result.message;
      return std::nullopt;
    }
  }
  MipProblem slack = with_groups(base, groups, hi, false);
  const int u = slack.add_variable({0, kNoBound, false, 1.0, "shortfall"});
  for (auto row : groups[hi].rows) {
    row.variables.push_back(u);
    row.coefficients.push_back(1.0);
    slack.add_constraint(std::move(row));
  }
  const auto result = solver.solve(slack);
  if (result.status != MipStatus::optimal) {
    message = result.message;
    return std::nullopt;
  }
  UnmetRequirement unmet = groups[hi].what;
  unmet.shortfall_beds = result.values[static_cast<std::size_t>(u)];
  return unmet;
}

/// The schedule, capacity and costs of a solution.
void describe(const ScheduleProblem& p, const std::vector<Column>& columns, const std::vector<double>& values,
              ScheduleResult& out) {
  const auto& g = p.required;
  out.capacity = p.existing;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto units = std::lround(values[c]);
    if (units <= 0) continue;
    const auto& col = columns[c];
    ScheduledStart start{col.kind, col.candidate, col.id, col.region, col.start_year, col.opening_year,
                         static_cast<int>(units), {}, col.capital * static_cast<double>(units)};
    for (int t = 0; t < kTypes; ++t) {
      start.beds_change[t] = col.delta[t] * static_cast<double>(units);
      for (int y = col.opening_year; y <= g.last_year(); ++y) out.capacity.at(y, t, col.region) += start.beds_change[t];
    }
    out.costs.capital_wan_yuan += start.capital_wan_yuan;
    out.costs.discounted_capital_wan_yuan += start.capital_wan_yuan * discount(p, col.start_year);
    out.schedule.push_back(std::move(start));
  }
  std::stable_sort(out.schedule.begin(), out.schedule.end(),
                   [](const ScheduledStart& a, const ScheduledStart& b) { return a.start_year < b.start_year; });
  for (int y = g.first_year; y <= g.last_year(); ++y) {
    double cost = 0;
    for (int t = 0; t < kTypes; ++t)
      for (int r = 0; r < g.regions; ++r)
        cost += out.capacity.at(y, t, r) * p.operating_cost_yuan_per_bed_year[t] * kWanYuanPerYuan;
    out.costs.operating_wan_yuan += cost;
    out.costs.discounted_operating_wan_yuan += cost * discount(p, y);
  }
  out.costs.discounted_total_wan_yuan = out.costs.discounted_capital_wan_yuan + out.costs.discounted_operating_wan_yuan;
}

}  // namespace

ScheduleResult solve_schedule(const ScheduleProblem& problem, const MipSolver& solver) {
  validate(problem);
  const auto columns = make_columns(problem);
  const auto base = base_programme(problem, columns);
  const auto groups = requirement_groups(problem, columns);
  const auto result = solver.solve(with_groups(base, groups, groups.size(), true));

  ScheduleResult out;
  if (result.status == MipStatus::optimal) {
    out.status = ScheduleStatus::optimal;
    describe(problem, columns, result.values, out);
  } else if (result.status == MipStatus::infeasible && !groups.empty()) {
    out.unmet = diagnose(base, groups, solver, out.solver_message);
    out.status = out.unmet ? ScheduleStatus::infeasible : ScheduleStatus::not_solved;
  } else {
    out.status = ScheduleStatus::not_solved;
    out.solver_message = result.message;
  }
  return out;
}

}  // namespace carecap::planning
