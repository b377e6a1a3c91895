// carecap. SPDX-License-Identifier: MIT
#include "tools/report/PlaceNames.hpp"

namespace carecap::report {
namespace {

/// `names[i]` when the file gives it, else `id`.
const std::string& or_id(const std::vector<std::string>& names, std::size_t i, const std::string& id) {
  return i < names.size() && !names[i].empty() ? names[i] : id;
}

}  // namespace

Text scenario_place(const OutputView& view) {
  const std::string name = view.file().root_text("scenario_name").value_or("?");
  const std::string zh = view.file().root_text("scenario_label_zh").value_or("");
  const std::string en = view.file().root_text("scenario_label_en").value_or("");
  return {zh.empty() ? name : zh, en.empty() ? name : en};
}

std::vector<Text> region_names(const OutputView& view, const std::string& group) {
  const std::vector<std::string> ids = view.labels(group, "region");
  const std::vector<std::string> zh = view.text_or_none(group, "region_label_zh");
  const std::vector<std::string> en = view.text_or_none(group, "region_label_en");
  std::vector<Text> names;
  for (std::size_t i = 0; i < ids.size(); ++i) names.push_back({or_id(zh, i, ids[i]), or_id(en, i, ids[i])});
  return names;
}

}  // namespace carecap::report
