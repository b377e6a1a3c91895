// carecap. SPDX-License-Identifier: MIT
#include "models/demography/Projection.hpp"

#include <algorithm>
#include <boost/random/bernoulli_distribution.hpp>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>

namespace carecap::demography {
namespace {

/// Expected values: every draw is its mean.
struct ExpectedValues {
  double survivors(double persons, double survival) { return persons * survival; }
  double births(double expected) { return expected; }
  double males_among(double births, double male_share) { return births * male_share; }
  double migrants(double net) { return net; }
};

/// Demographic chance from two independent streams.
struct ChanceDraws {
  sim::RandomEngine births_stream;
  sim::RandomEngine deaths_stream;
  sim::RandomEngine migration_stream;

  double survivors(double persons, double survival) {
    if (persons <= 0.0) return 0.0;
    boost::random::binomial_distribution<std::int64_t, double> draw(static_cast<std::int64_t>(persons),
                                                                    std::clamp(survival, 0.0, 1.0));
    return static_cast<double>(draw(deaths_stream));
  }
  double births(double expected) {
    if (expected <= 0.0) return 0.0;
    boost::random::poisson_distribution<std::int64_t, double> draw(expected);
    return static_cast<double>(draw(births_stream));
  }
  double males_among(double births, double male_share) {
    if (births <= 0.0) return 0.0;
    boost::random::binomial_distribution<std::int64_t, double> draw(static_cast<std::int64_t>(births), male_share);
    return static_cast<double>(draw(births_stream));
  }
  double migrants(double net) {
    const double whole = std::floor(net);
    const double fraction = net - whole;
    if (fraction <= 0.0) return whole;
    boost::random::bernoulli_distribution<double> up(fraction);
    return whole + (up(migration_stream) ? 1.0 : 0.0);
  }
};

template <class Draws>
void project(AgeSexTable population, const RateSchedule& rates, Draws& draws, ProjectionMonitor& monitor) {
  AgeSexTable next;
  for (const YearRates& year : rates.years) {
    YearRecord record;
    record.year = year.year;
    record.total_fertility = year.total_fertility;
    record.e0 = year.e0;

    // Survive everyone alive on 1 January to 1 January next, one age older.
    for (Sex s : kSexes) {
      const AgeVector& start = population[s];
      const AgeVector& survival = year.survival[static_cast<int>(s)];
      for (int x = 1; x < kOpenAge; ++x) {
        next[s][x] = draws.survivors(start[x - 1], survival[x]);
        record.deaths[s][x] = start[x - 1] - next[s][x];
      }
      const double open_cohort = start[kOpenAge - 1] + start[kOpenAge];
      next[s][kOpenAge] = draws.survivors(open_cohort, survival[kOpenAge]);
      record.deaths[s][kOpenAge] = open_cohort - next[s][kOpenAge];
    }

    // Births to the mean of the female population at the start and the survived end of the year.
    AgeVector expected_by_mother_age{};
    double expected = 0.0;
    for (int a = 1; a < kAgeCount; ++a) {
      expected_by_mother_age[a] = year.asfr[a] * 0.5 * (population[Sex::female][a] + next[Sex::female][a]);
      expected += expected_by_mother_age[a];
    }
    const double births = draws.births(expected);
    const double male_births = draws.males_among(births, year.male_birth_share);
    const std::array<double, kSexCount> births_by_sex{male_births, births - male_births};
    for (Sex s : kSexes) {
      const double born = births_by_sex[static_cast<int>(s)];
      for (int a = 0; a < kAgeCount; ++a)
        record.births[s][a] = expected > 0.0 ? born * expected_by_mother_age[a] / expected : 0.0;
      next[s][0] = draws.survivors(born, year.survival[static_cast<int>(s)][0]);
      record.deaths[s][0] = born - next[s][0];
    }

    // Net migrants of the year join on 1 January next at their age then.
    for (Sex s : kSexes)
      for (int x = 0; x < kAgeCount; ++x) {
        const double applied = std::max(draws.migrants(year.net_migrants[s][x]), -next[s][x]);
        record.net_migrants[s][x] = applied;
        next[s][x] += applied;
      }

    record.population_start = &population;
    record.population_end = &next;
    monitor.record_year(record);
    population = next;
  }
}

}  // namespace

void project_deterministic(const AgeSexTable& base_population, const RateSchedule& rates,
                           ProjectionMonitor& monitor) {
  ExpectedValues draws;
  project(base_population, rates, draws, monitor);
}

void project_stochastic(const AgeSexTable& base_population, const RateSchedule& rates,
                        const sim::RandomStreams& streams, std::uint64_t replication,
                        ProjectionMonitor& monitor) {
  ChanceDraws draws{streams.stream(replication, static_cast<std::uint64_t>(DemographyStream::births)),
                    streams.stream(replication, static_cast<std::uint64_t>(DemographyStream::deaths)),
                    streams.stream(replication, static_cast<std::uint64_t>(DemographyStream::migration))};
  AgeSexTable whole_persons = base_population;
  for (Sex s : kSexes)
    for (double& persons : whole_persons[s]) persons = std::round(persons);
  project(whole_persons, rates, draws, monitor);
}

}  // namespace carecap::demography
