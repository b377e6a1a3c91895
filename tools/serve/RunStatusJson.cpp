// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/RunStatusJson.hpp"

#include "tools/serve/Workspace.hpp"
#include "tools/serve/ServerReply.hpp"

namespace carecap::serve {
namespace {

const char* state_word(RunState state) {
  switch (state) {
    case RunState::queued: return "queued";
    case RunState::running: return "running";
    case RunState::done: return "done";
    case RunState::failed: return "failed";
  }
  return "";
}

const char* stage_word(tools::RunStage stage) {
  switch (stage) {
    case tools::RunStage::loading: return "loading";
    case tools::RunStage::running: return "running";
    case tools::RunStage::writing: return "writing";
  }
  return "";
}

}  // namespace

nlohmann::json run_status_json(const std::optional<RunStatus>& status, const Workspace& workspace) {
  if (!status) return {{"state", "none"}};
  nlohmann::json out{{"state", state_word(status->state)}, {"seconds", status->seconds}};
  if (status->state == RunState::running) out["stage"] = stage_word(status->stage);
  if (status->error) {
    out["error"] = both_languages(without_workspace(*status->error, workspace));
    out["error_kind"] = status->error_kind == tools::ErrorKind::input ? "input" : "fault";
  }
  return out;
}

}  // namespace carecap::serve
