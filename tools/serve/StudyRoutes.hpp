// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <httplib.h>

#include "tools/serve/RunQueue.hpp"
#include "tools/serve/Workspace.hpp"

namespace carecap::serve {

/// The routes of a scenario's folder download and plan variants (docs/serve.md):
///   GET  /api/scenarios/NAME/folder.zip     the folder's scenario files and tables (FolderZip)
///   POST /api/scenarios/NAME/variants       write NAME/variants.toml (PlanVariants) and queue the
///                                           study (202; 409 while NAME runs or is locked; 422 bad body)
///   GET  /api/scenarios/NAME/study/status   as .../status, of the study
///   GET  /api/scenarios/NAME/study/report   the HTML study report of NAME/study.h5 (?lang=zh|en)
///   GET  /api/scenarios/NAME/study.h5       the study's results file
/// Add them before the routes of .../status and .../report, whose (.+) would take "NAME/study".
void add_study_routes(httplib::Server& http, const Workspace& workspace, RunQueue& runs);

}  // namespace carecap::serve
