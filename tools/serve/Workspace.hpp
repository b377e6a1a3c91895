// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace carecap::serve {

/// One scenario folder of the workspace, as the listing shows it.
struct ScenarioFolder {
  std::string name;                       // the folder's name (a plain name)
  std::filesystem::path scenario_file;    // scenario.toml, else NAME.toml, in the folder
  bool has_results = false;               // results.h5 is there
  std::string results_time;               // its modification time, UTC, ISO 8601 ("" without results)
  bool made_by_form = false;              // form.json is there: made by the new-county form (CountyRoutes)
  bool has_study = false;                 // study.h5 (its plan variants' comparison) is there
};

/// The folder of scenarios the server was started on (--workspace). A scenario is a folder of it
/// holding `scenario.toml` (or `NAME.toml`, as the shipped scenarios/NAME/NAME.toml) and the
/// tables it names, read exactly as `carecap run` reads them; its results go beside them
/// (results.h5, workbook.xlsx). Clients name scenarios by plain names only (PlainName): no path
/// from a request ever reaches the file system.
class Workspace {
public:
  /// Throws InputError naming the folder when it is not a folder.
  explicit Workspace(const std::filesystem::path& root);

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }
  /// The scenario folders, by name; folders without a scenario file, or whose name is not plain
  /// (".git", "my data"), are not scenarios.
  [[nodiscard]] std::vector<ScenarioFolder> scenarios() const;
  /// The scenario folder `name`, when `name` is plain and names one.
  [[nodiscard]] std::optional<ScenarioFolder> find(const std::string& name) const;
  /// The folder a plain `name` stands for (whether or not it exists).
  [[nodiscard]] std::filesystem::path folder(const std::string& name) const;
  /// The results file of scenario `name`: FOLDER/results.h5.
  [[nodiscard]] std::filesystem::path results_file(const std::string& name) const;
  /// The workbook of scenario `name`: FOLDER/workbook.xlsx.
  [[nodiscard]] std::filesystem::path workbook_file(const std::string& name) const;
  /// The study file of scenario `name`'s plan variants: FOLDER/variants.toml.
  [[nodiscard]] std::filesystem::path variants_file(const std::string& name) const;
  /// The results of that study: FOLDER/study.h5.
  [[nodiscard]] std::filesystem::path study_file(const std::string& name) const;

private:
  std::filesystem::path root_;  // absolute
};

}  // namespace carecap::serve

#include "text/Catalogue.hpp"

namespace carecap::serve {

/// `words` with the workspace's own path taken out ("/srv/carecap/work/beian/beian.toml: ..." ->
/// "beian/beian.toml: ..."): what a client is shown names its scenario, not the server's folders.
[[nodiscard]] text::Text without_workspace(const text::Text& words, const Workspace& workspace);

}  // namespace carecap::serve
