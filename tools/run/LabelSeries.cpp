// carecap. SPDX-License-Identifier: MIT
#include "tools/run/LabelSeries.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace carecap::tools {
namespace {

/// The two text datasets naming the entries of `dimension` in Chinese and English.
void add_names(ResultGroup& group, const ResultDimension& dimension, const std::string& what,
               const std::map<std::string, scenarios::Label>& names) {
  ResultTextSeries zh{dimension.name + "_label_zh", "Chinese name of each " + what + " (the scenario's; \"\" when none)",
                      dimension.name, {}};
  ResultTextSeries en{dimension.name + "_label_en", "English name of each " + what + " (the scenario's; \"\" when none)",
                      dimension.name, {}};
  for (const std::string& id : dimension.labels) {
    const auto at = names.find(id);
    zh.values.push_back(at == names.end() ? "" : at->second.zh);
    en.values.push_back(at == names.end() ? "" : at->second.en);
  }
  for (ResultTextSeries* series : {&zh, &en}) {
    const bool present = std::any_of(group.text_series.begin(), group.text_series.end(),
                                     [&](const ResultTextSeries& t) { return t.name == series->name; });
    if (!present) group.text_series.push_back(std::move(*series));
  }
}

}  // namespace

void add_label_series(ResultGroup& group, const scenarios::ScenarioLabels& labels) {
  for (const ResultDimension& d : group.dimensions) {
    if (d.name == "region") add_names(group, d, "region (town)", labels.regions);
    if (d.name == "facility") add_names(group, d, "facility (facilities file id, or project:<id> of the plan list)",
                                        labels.facilities);
  }
}

}  // namespace carecap::tools
