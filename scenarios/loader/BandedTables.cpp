// carecap. SPDX-License-Identifier: MIT
#include "scenarios/loader/BandedTables.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "scenarios/loader/CsvTable.hpp"
#include "sim/Errors.hpp"
#include "text/TextArg.hpp"

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
      throw InputError(text::both("errors.banded.age_from", {{"where", at(path_, line)}, {"first", first_age_}, {"found", from_text}}));
    if (band.to < band.from || band.to > kOpenAge)
      throw InputError(text::both("errors.banded.age_to", {{"where", at(path_, line)}, {"first", from_text}, {"found", to_text}}));
    bands_[group].push_back(band);
    return band;
  }

  /// Every one of `groups` must be tiled by its bands.
  void require_complete(const std::vector<std::string>& groups) {
    for (const std::string& group : groups) {
      auto& bands = bands_[group];
      if (bands.empty())
        throw InputError(text::both("errors.banded.no_rows", {{"path", path_}, {"group", group}, {"first", first_age_}}));
      std::sort(bands.begin(), bands.end(), [](const Band& a, const Band& b) { return a.from < b.from; });
      int next = first_age_;
      for (const Band& b : bands) {
        if (b.from < next)
          throw InputError(text::both("errors.banded.overlap", {{"where", at(path_, b.line)}, {"from", b.from}, {"to", b.to},
                                                                {"group", group}}));
        if (b.from > next)
          throw InputError(text::both("errors.banded.gap", {{"path", path_}, {"group", group}, {"from", next},
                                                            {"to", b.from - 1}, {"first", first_age_}}));
        next = b.to + 1;
      }
      if (next <= kOpenAge)
        throw InputError(text::both("errors.banded.short", {{"path", path_}, {"group", group}, {"last", next - 1}}));
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
  throw InputError(text::both("errors.banded.sex", {{"where", at(path, line)}, {"found", text}}));
}

int parse_state(const std::string& text, const std::string& path, int line) {
  for (int s = 0; s < demand::kCareStateCount; ++s)
    if (text == demand::kCareStateNames[s]) return s;
  throw InputError(text::both("errors.banded.from_state", {{"where", at(path, line)}, {"found", text}}));
}

double parse_share(const std::string& text, const std::string& path, int line, const std::string& column) {
  return parse_number(text, NumberRule::non_negative, path, line, column, 1.0);
}

void require_sum_one(double sum, const std::string& path, int line, const text::Text& what) {
  if (std::abs(sum - 1.0) > 1e-6)
    throw InputError(text::both("errors.banded.sum_not_one", {{"where", text::same(at(path, line))}, {"what", what},
                                                              {"sum", text::same(std::to_string(sum))}}));
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
    require_sum_one(sum, path, row.line, text::same("self_caring + partly_disabled + fully_disabled"));
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
    require_sum_one(sum, transition_path, row.line, text::both("errors.banded.what.transitions", {{"state", row.fields[3]}}));
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
