// carecap. SPDX-License-Identifier: MIT
#include "tools/report/ReportSources.hpp"

#include <map>

#include "tools/report/ReportText.hpp"

namespace carecap::report {

namespace {

/// A root attribute's name in both languages (sources.item.KEY in the catalogue).
Text item_text(const std::string& key) { return text::both("sources.item." + key); }

/// A result group's name in both languages: the datasets that rest on a source, by group.
Text group_text(const std::string& group) {
  const std::string id = group.empty() ? "projection" : group;
  for (const text::Entry& e : text::entries_under("sources.group"))
    if (e.id == "sources.group." + id) return e.text;
  return same(group);
}

/// The method attributes carecap writes (output/ResultsFile.cpp) in both languages: the catalogue's
/// twin of the English text the file holds, or the file's text as it is (a file of another build).
Text method_text(const std::string& key, const std::string& value) {
  const Text known = text::both("sources.method." + key);
  return value == known.en ? known : same(value);
}

/// The file's title ("carecap results: NAME", "carecap study: NAME", "carecap sweep: NAME", "carecap optimise: NAME") in both languages.
Text title_text(const std::string& title) {
  for (const char* kind : {"results", "study", "sweep", "optimise"}) {
    const std::string prefix = std::string("carecap ") + kind + ": ";
    if (title.rfind(prefix, 0) == 0)
      return text::both(std::string("sources.file_title.") + kind, {{"name", title.substr(prefix.size())}});
  }
  return same(title);
}

/// The Chinese text of `source`: the scenario's (source_zh) or the catalogue's, part by part where
/// the models join sources ("A; care setting: B": sources.joint.*); the source as it is when a
/// part has no Chinese text.
std::string chinese_source(const std::string& source, const std::map<std::string, std::string>& zh_of) {
  if (const auto whole = zh_of.find(source); whole != zh_of.end()) return whole->second;
  for (const text::Entry& prefix : text::entries_under("sources.prefix"))  // "bootstrap resamples: 20"
    if (source.rfind(prefix.text.en, 0) == 0) return prefix.text.zh + label_text(source.substr(prefix.text.en.size())).zh;
  for (const text::Entry& joint : text::entries_under("sources.joint")) {
    const std::size_t at = source.find(joint.text.en);
    if (at == std::string::npos) continue;
    const std::string head = chinese_source(source.substr(0, at), zh_of);
    const std::string tail = chinese_source(source.substr(at + joint.text.en.size()), zh_of);
    if (head != source.substr(0, at) && tail != source.substr(at + joint.text.en.size())) return head + joint.text.zh + tail;
  }
  return source;
}

}  // namespace

Table sources_table(const OutputView& view) {
  const auto& file = view.file();
  Table t{"sources", text::both("sources.title"), text::both("sources.note"),
          {{text::both("sources.column.category"), {}, 0},
           {text::both("sources.column.item"), {}, 0},
           {text::both("sources.column.detail"), {}, 0}},
          {}};
  auto row = [&](const char* category, Text item, Text detail) {
    t.rows.push_back({text::both(std::string("sources.category.") + category), std::move(item), std::move(detail)});
  };
  row("output_file", same(view.path()), title_text(file.root_text("title").value_or("")));
  for (const char* key : {"carecap_version", "git_commit", "created_utc", "scenario_path", "study_path", "sweep_path",
                          "study_source", "sweep_source", "design", "mode"})
    if (auto value = file.root_text(key)) {
      const std::string k = key;
      const auto zh = file.root_text(k + "_zh");  // study_source_zh, sweep_source_zh
      row("run", item_text(key), k == "mode" || k == "design" ? label_text(*value) : Text{zh.value_or(*value), *value});
    }
  for (const char* key : {"seed", "replications", "runs", "samples"})
    if (auto value = file.root_integer_text(key)) row("run", item_text(key), same(*value));
  const auto inputs = file.root_text_list("input_files");
  const auto hashes = file.root_text_list("input_sha256");
  for (std::size_t i = 0; i < inputs.size(); ++i)
    row("input_file", same(inputs[i]), same(i < hashes.size() ? "SHA-256 " + hashes[i] : ""));
  for (const char* key : {"conventions", "source_attribution"})
    if (auto value = file.root_text(key)) row("method", item_text(key), method_text(key, *value));

  // Distinct parameter sources, each with the groups of the datasets that rest on it; the
  // scenario's Chinese text of a source (source_zh) when the file holds one.
  const auto sources_en = file.root_text_list("source_texts_en");
  const auto sources_zh = file.root_text_list("source_texts_zh");
  std::map<std::string, std::string> zh_of;
  for (const text::Entry& e : text::entries_under("sources.known")) zh_of[e.text.en] = e.text.zh;  // sources the code names
  for (std::size_t i = 0; i < sources_en.size() && i < sources_zh.size(); ++i) zh_of[sources_en[i]] = sources_zh[i];
  if (auto zh = file.root_text("parameter_distributions_zh"))  // a sweep's distributions (tools/sweep/SweepResults)
    zh_of[file.dataset_text_attribute("samples", "parameter_value", "source")] = *zh;
  std::map<std::string, std::vector<std::string>> groups_of;
  std::vector<std::string> order;
  for (const std::string& group : file.group_names())
    for (const std::string& name : file.series_names(group)) {
      const std::string source = file.dataset_text_attribute(group, name, "source");
      if (source.empty()) continue;
      auto& groups = groups_of[source];
      if (groups.empty()) order.push_back(source);
      if (groups.empty() || groups.back() != group) groups.push_back(group);
    }
  for (const auto& source : order) {
    Text used{"", ""};
    for (const std::string& group : groups_of[source]) {
      const Text g = group_text(group);
      const Text separator = text::both("common.list_separator");
      used.zh += (used.zh.empty() ? "" : separator.zh) + g.zh;
      used.en += (used.en.empty() ? "" : separator.en) + g.en;
    }
    Text detail{chinese_source(source, zh_of), source};
    detail.zh += text::say(text::Lang::zh, "sources.used_by", {{"groups", used.zh}});
    detail.en += text::say(text::Lang::en, "sources.used_by", {{"groups", used.en}});
    row("parameters", text::both("sources.item.parameter_source"), std::move(detail));
  }
  return t;
}

}  // namespace carecap::report
