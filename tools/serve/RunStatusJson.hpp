// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <optional>

#include <nlohmann/json.hpp>

#include "tools/serve/RunQueue.hpp"
#include "tools/serve/Workspace.hpp"

namespace carecap::serve {

/// The latest run or study of a scenario as the API reports it (docs/serve.md): {"state": "none"}
/// before the first; else "queued" | "running" (with "stage": "loading" | "running" | "writing") |
/// "done" | "failed" (with "error": {"zh", "en"}, the workspace's path taken out, and
/// "error_kind": "input" | "fault"), and "seconds".
[[nodiscard]] nlohmann::json run_status_json(const std::optional<RunStatus>& status, const Workspace& workspace);

}  // namespace carecap::serve
