// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

#include <httplib.h>

#include "tools/serve/Workspace.hpp"

namespace carecap::serve {

/// The most bytes of files a folder's zip packs (the zip is made in memory).
inline constexpr std::size_t kMaxZipInputBytes = std::size_t{64} << 20;  // 64 MiB

/// Whether the file at `relative` (to its scenario folder) belongs in the folder's zip: a
/// scenario file or table (*.toml, *.csv), the form (form.json) or a README; not results (*.h5,
/// *.xlsx), locks or hidden files.
[[nodiscard]] bool is_scenario_file(const std::filesystem::path& relative);

/// The zip (libzip) of the scenario files and tables of `folder` (is_scenario_file), each under
/// `name`/ and its path in the folder. Symbolic links are never followed, so nothing outside the
/// folder enters the zip. Throws InputError when the files exceed kMaxZipInputBytes and
/// RuntimeFault when libzip fails.
[[nodiscard]] std::string folder_zip(const std::filesystem::path& folder, const std::string& name);

/// GET .../folder.zip: folder_zip of the scenario as a download (NAME.zip, application/zip).
void serve_folder_zip(const Workspace& workspace, const ScenarioFolder& folder, httplib::Response& response);

}  // namespace carecap::serve
