// carecap. SPDX-License-Identifier: MIT
// Helpers of the report tests: a scenario run by the binary as a planner runs it, and a report's
// table by its id.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "CliRunner.hpp"
#include "tools/report/ReportContent.hpp"

namespace carecap::testing {

/// A shipped scenario run by the binary into `dir`; the results file's path.
inline std::string results_of(const CaseDir& dir, const std::string& scenario) {
  const std::string out = dir.file(std::filesystem::path(scenario).stem().string() + ".h5");
  const Outcome run = run_carecap({"run", scenario, "-o", out});
  INFO("stderr: " << run.err);
  REQUIRE(run.status == 0);
  return out;
}

/// The report's table `id`; fails the test when the report has none.
inline const report::Table& table_with_id(const report::ReportContent& content, const std::string& id) {
  for (const report::Table* t : report::all_tables(content))
    if (t->id == id) return *t;
  FAIL("no table " << id);
  return content.sources;
}

}  // namespace carecap::testing
