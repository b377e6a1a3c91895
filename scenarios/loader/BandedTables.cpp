// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/BandedTables.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "scenarios/loader/CsvTable.hpp"

namespace carecap::scenarios {
namespace {

using demography::kOpenAge;
using demography::Sex;

std::string at(const std::string& path, int line) { return path + ":" + std::to_string(line) + ": "; }

struct Band {
  int from, to, line;
};

/// Collects the bands of each group (a sex, or a sex and a from_state) and checks they tile
/// first_age..100.
class BandCoverage {
public:
  BandCoverage(std::string path, int first_age) : path_(std::move(path)), first_age_(first_age) {}

  /// Parses and records one row's band; returns it.
  Band add(const std::string& group, const std::string& from_text, const std::string& to_text, int line) {
    const Band band{parse_integer(from_text, path_, line, "age_from"), parse_integer(to_text, path_, line, "age_to"), line};
    if (band.from < first_age_ || band.from > kOpenAge)
      throw InputError(at(path_, line) + "column 'age_from' expected an age in " + std::to_string(first_age_) +
                       "..100, got '" + from_text + "'");
    if (band.to < band.from || band.to > kOpenAge)
      throw InputError(at(path_, line) + "column 'age_to' expected an age in " + from_text + "..100, got '" + to_text + "'");
    bands_[group].push_back(band);
    return band;
  }

  /// Every one of `groups` must be tiled by its bands.
  void require_complete(const std::vector<std::string>& groups) {
    for (const std::string& group : groups) {
      auto& bands = bands_[group];
      if (bands.empty())
        throw InputError(path_ + ": no rows for " + group + "; expected age bands covering " +
                         std::to_string(first_age_) + "..100");
      std::sort(bands.begin(), bands.end(), [](const Band& a, const Band& b) { return a.from < b.from; });
      int next = first_age_;
      for (const Band& b : bands) {
        if (b.from < next)
          throw InputError(at(path_, b.line) + "age band " + std::to_string(b.from) + "-" + std::to_string(b.to) +
                           " overlaps an earlier band for " + group);
        if (b.from > next)
          throw InputError(path_ + ": age bands for " + group + " leave ages " + std::to_string(next) + "-" +
                           std::to_string(b.from - 1) + " uncovered (expected bands covering " +
                           std::to_string(first_age_) + "..100 without gaps)");
        next = b.to + 1;
      }
      if (next <= kOpenAge)
        throw InputError(path_ + ": age bands for " + group + " stop at " + std::to_string(next - 1) +
                         " (expected bands up to 100, meaning 100+)");
    }
  }

private:
  std::string path_;
  int first_age_;
  std::map<std::string, std::vector<Band>> bands_;
};

Sex parse_sex(const std::string& text, const std::string& path, int line) {
  if (text == "male") return Sex::male;
  if (text == "female") return Sex::female;
  throw InputError(at(path, line) + "column 'sex' expected 'male' or 'female', got '" + text + "'");
}

int parse_state(const std::string& text, const std::string& path, int line) {
  for (int s = 0; s < demand::kCareStateCount; ++s)
    if (text == demand::kCareStateNames[s]) return s;
  throw InputError(at(path, line) + "column 'from_state' expected self_caring, partly_disabled or fully_disabled, got '" +
                   text + "'");
}

double parse_share(const std::string& text, const std::string& path, int line, const std::string& column) {
  return parse_number(text, NumberRule::non_negative, path, line, column, 1.0);
}

void require_sum_one(double sum, const std::string& path, int line, const std::string& what) {
  if (std::abs(sum - 1.0) > 1e-6)
    throw InputError(at(path, line) + what + " expected to sum to 1, got " + std::to_string(sum));
}

void fill(demography::AgeSexTable& table, Sex sex, const Band& band, double value) {
  for (int a = band.from; a <= band.to; ++a) table[sex][a] = value;
}

const std::vector<std::string> kSexGroups{"male", "female"};

}  // namespace

demand::CarePrevalence read_care_prevalence(const std::string& path, int first_age) {
  demand::CarePrevalence prevalence;
  BandCoverage coverage(path, first_age);
  const auto rows = read_csv<7>(
      path, {"age_from", "age_to", "sex", "self_caring", "partly_disabled", "fully_disabled", "dementia"});
  for (const auto& row : rows) {
    const Sex sex = parse_sex(row.fields[2], path, row.line);
    const Band band = coverage.add(row.fields[2], row.fields[0], row.fields[1], row.line);
    double sum = 0.0;
    for (int s = 0; s < demand::kCareStateCount; ++s) {
      const double share = parse_share(row.fields[3 + s], path, row.line, demand::kCareStateNames[s]);
      fill(prevalence.state_share[s], sex, band, share);
      sum += share;
    }
    require_sum_one(sum, path, row.line, "self_caring + partly_disabled + fully_disabled");
    fill(prevalence.dementia_share, sex, band, parse_share(row.fields[6], path, row.line, "dementia"));
  }
  coverage.require_complete(kSexGroups);
  return prevalence;
}

demand::CareTransitions read_care_transitions(const std::string& transition_path, const std::string& incidence_path,
                                              int first_age) {
  demand::CareTransitions transitions;
  BandCoverage coverage(transition_path, first_age);
  const auto rows = read_csv<7>(transition_path, {"age_from", "age_to", "sex", "from_state", "self_caring",
                                                  "partly_disabled", "fully_disabled"});
  for (const auto& row : rows) {
    const Sex sex = parse_sex(row.fields[2], transition_path, row.line);
    const int from = parse_state(row.fields[3], transition_path, row.line);
    const Band band = coverage.add(row.fields[2] + " from " + row.fields[3], row.fields[0], row.fields[1], row.line);
    double sum = 0.0;
    for (int to = 0; to < demand::kCareStateCount; ++to) {
      const double p = parse_share(row.fields[4 + to], transition_path, row.line, demand::kCareStateNames[to]);
      fill(transitions.probability[from][to], sex, band, p);
      sum += p;
    }
    require_sum_one(sum, transition_path, row.line, "transition probabilities from " + row.fields[3]);
  }
  std::vector<std::string> groups;
  for (const auto& sex : kSexGroups)
    for (const char* state : demand::kCareStateNames) groups.push_back(sex + " from " + state);
  coverage.require_complete(groups);

  BandCoverage incidence_coverage(incidence_path, first_age);
  for (const auto& row : read_csv<4>(incidence_path, {"age_from", "age_to", "sex", "dementia_incidence"})) {
    const Sex sex = parse_sex(row.fields[2], incidence_path, row.line);
    const Band band = incidence_coverage.add(row.fields[2], row.fields[0], row.fields[1], row.line);
    fill(transitions.dementia_incidence, sex, band, parse_share(row.fields[3], incidence_path, row.line, "dementia_incidence"));
  }
  incidence_coverage.require_complete(kSexGroups);
  return transitions;
}

}  // namespace carecap::scenarios
