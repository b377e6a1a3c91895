// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <httplib.h>

#include "tools/serve/AccessGuard.hpp"
#include "tools/serve/RunQueue.hpp"
#include "tools/serve/ServeSettings.hpp"
#include "tools/serve/Workspace.hpp"

namespace carecap::serve {

/// The HTTP server of `carecap serve` (docs/serve.md): the page, and the workspace's JSON API:
///   GET  /api/scenarios                    the scenario folders, their results and latest run
///   POST /api/scenarios/NAME/run           queue a run (202; 409 while one is queued or running)
///   GET  /api/scenarios/NAME/status        queued / running (stage) / done / failed (message)
///   GET  /api/scenarios/NAME/report        the HTML report of its results (?lang=zh|en)
///   GET  /api/scenarios/NAME/results.h5    the results file
///   GET  /api/scenarios/NAME/workbook.xlsx the report's tables as a workbook (?lang=zh|en)
///   POST /api/validate                     a scenario's files checked by the loader
/// Every request passes AccessGuard first; bodies over kMaxRequestBytes are refused unread.
class ScenarioServer {
public:
  explicit ScenarioServer(const ServeSettings& settings);
  ~ScenarioServer();
  ScenarioServer(const ScenarioServer&) = delete;
  ScenarioServer& operator=(const ScenarioServer&) = delete;

  /// Binds the listening socket; returns the port (the one chosen by the system for port 0).
  /// Throws RuntimeFault naming the address when it cannot be bound.
  int bind();
  /// Serves until stop(); call after bind().
  void listen();
  /// Ends listen() (from another thread or a signal-watching thread).
  void stop();

private:
  void add_routes();

  ServeSettings settings_;
  Workspace workspace_;
  AccessGuard guard_;
  RunQueue runs_;
  httplib::Server http_;
};

}  // namespace carecap::serve
