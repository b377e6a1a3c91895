// carecap. SPDX-License-Identifier: MIT
// Specification by properties: on random valid scenarios (Bei'an with fertility, stays, deaths in
// care, patience, deaths while waiting, priority share, initial occupancy, build lag and childcare
// behaviour, and where elders seek care, drawn at random within their valid ranges) every run must satisfy what holds for any
// input:
// - populations are never negative, and each year's 1 January population is the previous one
//   plus births minus deaths plus net migrants (the demographic balancing equation);
// - beds occupied never exceed beds open, open and occupied beds by facility add up to the
//   pools, no count or wait is negative, p50 <= p90;
// - Little's law in its flow form (stays, patience and deaths while waiting are exponential in
//   these scenarios, so people leave at rate L/W): deaths in care = death share x bed-years /
//   mean stay, give-ups = person-years waiting / mean patience, deaths while waiting = person-years
//   waiting x death rate, each within 4.5 standard deviations of a Poisson count (the difference
//   is a martingale whose variance is the expected count);
// - childcare places are never over-filled;
// - replication r's results do not depend on the number of threads.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <random>
#include <sstream>
#include <toml++/toml.h>

#include "scenarios/loader/ScenarioLoader.hpp"
#include "tools/run/ScenarioRun.hpp"

using namespace carecap;

namespace {

/// A random valid variant of the Bei'an scenario, as an overlay table; `summary` says what it drew.
scenarios::ScenarioOverlay random_overlay(std::mt19937_64& random, int index, double& stay_years, double& death_share,
                                          double& patience_years, double& waiting_death_rate, std::string& summary) {
  auto uniform = [&](double low, double high) { return std::uniform_real_distribution<double>(low, high)(random); };
  stay_years = uniform(0.3, 6.0);
  death_share = uniform(0.0, 1.0);
  patience_years = uniform(0.05, 3.0);
  waiting_death_rate = uniform(0.01, 1.0);
  std::ostringstream text;
  text.precision(17);
  text << "[fertility]\ntfr_path = [[2021, " << uniform(0.3, 2.5) << "], [2035, " << uniform(0.3, 2.5) << "]]\n"
       << "[supply]\nbuild_lag_years = " << std::uniform_int_distribution<int>(0, 3)(random) << "\n"
       << "[capacity]\nlast_year = " << std::uniform_int_distribution<int>(2023, 2035)(random) << "\n"
       << "replications = 2\n"
       << "stay_mean_years = { general = " << stay_years << ", nursing = " << stay_years << ", dementia = " << stay_years
       << " }\n"
       << "stay_death_share = { general = " << death_share << ", nursing = " << death_share
       << ", dementia = " << death_share << " }\n"
       << "mean_patience_years = " << patience_years << "\n"
       << "waiting_death_rate = " << waiting_death_rate << "\n"
       << "priority_share = " << uniform(0.0, 0.5) << "\n"
       << "initial_occupancy = " << uniform(0.0, 1.0) << "\n"
       << "[care_setting]\n";
  // Institution shares up to 0.6 (the plans assume under 0.05): demand from below to far above
  // Bei'an's beds, so that waiting lists form in some variants.
  for (const char* state : {"self_caring", "partly_disabled", "fully_disabled", "dementia"}) {
    const double day_care = uniform(0.0, 0.1), institution = uniform(0.0, 0.6);
    text << state << " = [" << 1.0 - day_care - institution << ", " << day_care << ", " << institution << "]\n";
  }
  text << "[childcare_capacity]\nwithdrawal_rate = " << uniform(0.0, 1.0) << "\n"
       << "mean_patience_years = " << uniform(0.05, 2.0) << "\n";
  summary = text.str();
  auto table = std::make_shared<toml::table>(toml::parse(summary, "random scenario " + std::to_string(index)));
  return scenarios::ScenarioOverlay{table, "random scenario " + std::to_string(index)};
}

const ResultSeries& series(const std::vector<ResultGroup>& groups, const std::string& group, const std::string& name) {
  for (const auto& g : groups)
    if (g.name == group)
      for (const auto& s : g.series)
        if (s.name == name) return s;
  FAIL("no series " << group << "/" << name);
  throw std::logic_error("unreachable");
}

double sum(const std::vector<double>& values) {
  double total = 0.0;
  for (double v : values) total += v;
  return total;
}

/// A count that should be Poisson-like with mean `expected` (the Little's-law flow relations).
void check_count(const char* what, double observed, double expected) {
  INFO(what << ": observed " << observed << ", expected " << expected);
  CHECK(std::abs(observed - expected) <= 4.5 * std::sqrt(std::max(expected, 1.0)) + 1e-9 * expected);
}

void check_projection(const std::vector<ResultGroup>& groups) {
  // The projection group is the first; its dimensions are those of the root.
  const std::string projection = groups.front().name;
  const auto& jan1 = series(groups, projection, "n_population_jan1").values;
  const auto& births = series(groups, projection, "new_births").values;
  const auto& deaths = series(groups, projection, "new_deaths").values;
  const auto& migrants = series(groups, projection, "new_net_migrants").values;
  for (double persons : jan1) REQUIRE(persons >= 0.0);
  const std::size_t years = births.size();
  REQUIRE(jan1.size() % (years + 1) == 0);
  const std::size_t cells = jan1.size() / (years + 1);  // sex x age
  for (std::size_t y = 0; y < years; ++y) {
    double start = 0.0, end = 0.0;
    for (std::size_t c = 0; c < cells; ++c) {
      start += jan1[y * cells + c];
      end += jan1[(y + 1) * cells + c];
    }
    INFO("year index " << y);
    CHECK(end == doctest::Approx(start + births[y] - deaths[y] + migrants[y]).epsilon(1e-9));
  }
}

void check_capacity(const std::vector<ResultGroup>& groups, double stay_years, double death_share,
                    double patience_years, double waiting_death_rate) {
  const auto& beds = series(groups, "capacity", "n_beds").values;
  const auto& occupied = series(groups, "capacity", "n_occupied_beds").values;
  const auto& idle = series(groups, "capacity", "n_idle_beds").values;
  REQUIRE(beds.size() == occupied.size());
  for (std::size_t i = 0; i < beds.size(); ++i) {
    CHECK(occupied[i] >= 0.0);
    INFO("cell " << i << ": occupied " << occupied[i] << " of " << beds[i] << " beds");
    CHECK(occupied[i] <= beds[i] + 1e-9 * beds[i]);
    CHECK(idle[i] >= -1e-9);
  }
  // Open and occupied beds by facility add up to the pools (every bed of Bei'an belongs to a
  // facility or a project): [year][facility][bed_type] against [year][bed_type][region].
  const auto& by_facility = series(groups, "capacity", "n_beds_by_facility").values;
  const auto& occupied_by_facility = series(groups, "capacity", "n_occupied_beds_by_facility").values;
  const std::size_t bed_types = 3;
  const std::size_t capacity_years = series(groups, "capacity", "cum_capital_cost_wan_yuan").values.size();
  const std::size_t regions = beds.size() / capacity_years / bed_types;
  const std::size_t facilities = by_facility.size() / capacity_years / bed_types;
  for (std::size_t y = 0; y < capacity_years; ++y)
    for (std::size_t t = 0; t < bed_types; ++t) {
      double pool_open = 0, pool_occupied = 0, unit_open = 0, unit_occupied = 0;
      for (std::size_t r = 0; r < regions; ++r) {
        pool_open += beds[(y * bed_types + t) * regions + r];
        pool_occupied += occupied[(y * bed_types + t) * regions + r];
      }
      for (std::size_t f = 0; f < facilities; ++f) {
        unit_open += by_facility[(y * facilities + f) * bed_types + t];
        unit_occupied += occupied_by_facility[(y * facilities + f) * bed_types + t];
      }
      INFO("year index " << y << ", bed type " << t);
      CHECK(unit_open == doctest::Approx(pool_open));
      CHECK(unit_occupied == doctest::Approx(pool_occupied));
    }
  for (const char* name : {"new_admissions", "new_deaths_in_care", "new_arrivals", "new_turned_away", "new_gave_up",
                           "new_died_waiting", "n_waiting", "wait_mean_days", "wait_p50_days", "wait_p90_days",
                           "new_wait_days", "n_occupied_beds_monthly", "n_waiting_monthly"})
    for (double v : series(groups, "capacity", name).values) {
      INFO(name);
      CHECK(v >= 0.0);
    }
  const auto& p50 = series(groups, "capacity", "wait_p50_days").values;
  const auto& p90 = series(groups, "capacity", "wait_p90_days").values;
  for (std::size_t i = 0; i < p50.size(); ++i) CHECK(p50[i] <= p90[i] + 1e-9);

  // Little's law in flow form, over the whole horizon (each capacity year is one year long).
  const double bed_years = sum(occupied);
  const double waiting_years = sum(series(groups, "capacity", "n_waiting").values);
  check_count("deaths in care", sum(series(groups, "capacity", "new_deaths_in_care").values),
              death_share * bed_years / stay_years);
  check_count("gave up waiting", sum(series(groups, "capacity", "new_gave_up").values), waiting_years / patience_years);
  check_count("died waiting", sum(series(groups, "capacity", "new_died_waiting").values),
              waiting_years * waiting_death_rate);
  MESSAGE("bed-years " << bed_years << ", deaths in care " << sum(series(groups, "capacity", "new_deaths_in_care").values)
                       << " (Little: " << death_share * bed_years / stay_years << "), person-years waiting " << waiting_years
                       << ", gave up " << sum(series(groups, "capacity", "new_gave_up").values) << " (Little: "
                       << waiting_years / patience_years << ")");

  const auto& places = series(groups, "childcare_capacity", "n_places").values;
  const auto& enrolled = series(groups, "childcare_capacity", "n_enrolled").values;
  REQUIRE(places.size() == enrolled.size());
  for (std::size_t i = 0; i < places.size(); ++i) {
    CHECK(enrolled[i] >= 0.0);
    CHECK(enrolled[i] <= places[i] + 1e-9 * places[i]);
  }
}

bool same_results(const tools::ScenarioRunResult& a, const tools::ScenarioRunResult& b) {
  if (a.replications.size() != b.replications.size()) return false;
  for (std::size_t r = 0; r < a.replications.size(); ++r) {
    const auto& ga = a.replications[r];
    const auto& gb = b.replications[r];
    if (ga.size() != gb.size()) return false;
    for (std::size_t g = 0; g < ga.size(); ++g) {
      if (ga[g].series.size() != gb[g].series.size()) return false;
      for (std::size_t s = 0; s < ga[g].series.size(); ++s) {
        const auto& va = ga[g].series[s].values;
        const auto& vb = gb[g].series[s].values;
        // Bit-identical, NaN included (NaN marks "no beds" in some series).
        if (va.size() != vb.size()) return false;
        for (std::size_t i = 0; i < va.size(); ++i)
          if (!(va[i] == vb[i] || (std::isnan(va[i]) && std::isnan(vb[i])))) return false;
      }
    }
  }
  return true;
}

}  // namespace

TEST_CASE("random valid Bei'an variants keep populations, beds, waits and Little's law consistent on 1 and 2 threads") {
  std::mt19937_64 random(20261123);
  for (int index = 0; index < 8; ++index) {
    double stay_years = 0, death_share = 0, patience_years = 0, waiting_death_rate = 0;
    std::string summary;
    const auto overlay =
        random_overlay(random, index, stay_years, death_share, patience_years, waiting_death_rate, summary);
    INFO("random scenario " << index << ":\n" << summary);
    const scenarios::Scenario scenario = scenarios::load_scenario("scenarios/beian/beian.toml", {overlay});
    const tools::ScenarioRunResult one_thread = tools::run_scenario(scenario, 1);
    const tools::ScenarioRunResult two_threads = tools::run_scenario(scenario, 2);
    CHECK(same_results(one_thread, two_threads));
    REQUIRE(one_thread.replications.size() == 2);
    for (const auto& groups : one_thread.replications) {
      check_projection(groups);
      check_capacity(groups, stay_years, death_share, patience_years, waiting_death_rate);
    }
  }
}

TEST_CASE("out-migration up to three times the population never makes a population negative, and the balance holds") {
  // Heilongjiang's out-migration variant (young adults and their children) with random totals of
  // up to 90 million a year against 31.85 million people: emigrants are capped by who is there.
  std::mt19937_64 random(8);
  for (int index = 0; index < 3; ++index) {
    const double total = -std::uniform_real_distribution<double>(1e5, 9e7)(random);
    std::ostringstream text;
    text.precision(17);
    text << "[migration]\ntotal_path = [[2021, " << total << "], [2035, " << total << "]]\n";
    const std::string overlay_text = text.str();
    INFO(overlay_text);
    auto table = std::make_shared<toml::table>(toml::parse(overlay_text, std::string_view("random out-migration")));
    const scenarios::Scenario scenario = scenarios::load_scenario("scenarios/heilongjiang/heilongjiang_out_migration.toml",
                                                                  {scenarios::ScenarioOverlay{table, "random out-migration"}});
    const tools::ScenarioRunResult run = tools::run_scenario(scenario, 2);
    for (const auto& groups : run.replications) {
      check_projection(groups);
      for (double migrants : series(groups, groups.front().name, "new_net_migrants").values)
        CHECK(migrants >= total - 1e-6 * std::abs(total));  // applied: never more than asked
    }
  }
}
