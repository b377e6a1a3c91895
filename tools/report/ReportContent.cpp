// carecap. SPDX-License-Identifier: MIT
#include "tools/report/ReportContent.hpp"

namespace carecap::report {

std::vector<const Table*> all_tables(const ReportContent& content) {
  std::vector<const Table*> tables;
  for (const Section& section : content.sections)
    for (const Table& table : section.tables) tables.push_back(&table);
  tables.push_back(&content.sources);
  return tables;
}

}  // namespace carecap::report
