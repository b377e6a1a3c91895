// carecap. SPDX-License-Identifier: MIT
#include "tools/report/ReportSources.hpp"

#include <map>

#include "tools/report/ReportText.hpp"

namespace carecap::report {

Table sources_table(const OutputView& view) {
  const auto& file = view.file();
  Table t{"sources", {"数据来源与假设", "Sources and assumptions"},
          {"本报告的所有数字均来自下列文件；标有 assumption（假设）的参数为情景作者的假设。",
           "every figure of this report comes from the files below; parameters marked as assumptions are the "
           "scenario author's."},
          {{{"类别", "category"}, {}, 0}, {{"项目", "item"}, {}, 0}, {{"内容", "detail"}, {}, 0}},
          {}};
  auto row = [&](Text category, const std::string& item, const std::string& detail) {
    t.rows.push_back({std::move(category), same(item), same(detail)});
  };
  row({"输出文件", "output file"}, view.path(), file.root_text("title").value_or(""));
  for (const char* key : {"carecap_version", "git_commit", "created_utc", "scenario_path", "study_path", "sweep_path",
                          "study_source", "sweep_source", "design", "mode"})
    if (auto value = file.root_text(key)) row({"运行信息", "run"}, key, *value);
  for (const char* key : {"seed", "replications", "runs", "samples"})
    if (auto value = file.root_integer_text(key)) row({"运行信息", "run"}, key, *value);
  const auto inputs = file.root_text_list("input_files");
  const auto hashes = file.root_text_list("input_sha256");
  for (std::size_t i = 0; i < inputs.size(); ++i)
    row({"输入文件", "input file"}, inputs[i], i < hashes.size() ? "SHA-256 " + hashes[i] : "");
  if (auto value = file.root_text("conventions")) row({"方法", "method"}, "conventions", *value);
  if (auto value = file.root_text("source_attribution")) row({"方法", "method"}, "source_attribution", *value);

  // Distinct parameter sources, each with the datasets that rest on it.
  std::map<std::string, std::string> used_by;
  std::vector<std::string> order;
  for (const std::string& group : file.group_names())
    for (const std::string& name : file.series_names(group)) {
      const std::string source = file.dataset_text_attribute(group, name, "source");
      if (source.empty()) continue;
      std::string& users = used_by[source];
      if (users.empty()) order.push_back(source);
      if (users.size() < 400) users += (users.empty() ? "" : ", ") + group + "/" + name;
    }
  for (const auto& source : order) row({"参数来源与假设", "parameter sources and assumptions"}, source, used_by[source]);
  return t;
}

}  // namespace carecap::report
