// carecap. SPDX-License-Identifier: MIT
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "output/OutputLock.hpp"
#include "text/Catalogue.hpp"
#include "tools/run/ErrorReport.hpp"
#include "tools/run/ResultsRun.hpp"
#include "tools/study/StudyRun.hpp"

namespace carecap::serve {

/// Where a scenario's latest run is.
enum class RunState : char { queued, running, done, failed };

/// A scenario's latest run, as GET /api/scenarios/NAME/status reports it.
struct RunStatus {
  RunState state = RunState::queued;
  tools::RunStage stage = tools::RunStage::loading;  // while running
  std::optional<text::Text> error;                   // when failed: the one-line message, zh and en
  tools::ErrorKind error_kind = tools::ErrorKind::input;
  double seconds = 0;                                // running: so far; done or failed: the whole run
};

/// What submit did with a run.
enum class Submitted : char { queued, busy, queue_full };

/// What a job of the queue runs on a scenario's folder: the scenario (`carecap run`) or its plan
/// variants (`carecap study` on FOLDER/variants.toml). Each kind has its own latest status.
enum class JobKind : char { run, study };

/// The runs of the server's scenarios: queued, at most kMaxConcurrentRuns at a time, each through
/// the pipeline of `carecap run` (tools/run/ResultsRun) or of `carecap study` (tools/study/StudyRun)
/// on a worker thread. A scenario is locked for its job from submit to the end (output/OutputLock
/// on its folder: FOLDER.lock beside it), so a second job on it (a run or a study), from this
/// server, another one or the command line, is refused while the first is queued or running. A
/// failed job (bad input, a fault) is recorded with its message and the queue goes on.
class RunQueue {
public:
  explicit RunQueue(int workers);
  /// Waits for the runs under way; those still queued are dropped (their locks released).
  ~RunQueue();
  RunQueue(const RunQueue&) = delete;
  RunQueue& operator=(const RunQueue&) = delete;

  /// Queues the run of scenario `name` (whose folder is `folder`): busy when it is queued or
  /// running here, or its folder is locked by another process; queue_full beyond kMaxQueuedRuns.
  [[nodiscard]] Submitted submit(const std::string& name, const std::string& folder, tools::RunRequest request);
  /// Queues the study of scenario `name` as submit does a run; `prepare`, if given, is called once
  /// the folder is locked and before the study is queued (it writes the study file; what it
  /// throws is thrown on, the lock released and nothing queued).
  [[nodiscard]] Submitted submit(const std::string& name, const std::string& folder, tools::StudyRequest request,
                                 const std::function<void()>& prepare = {});
  /// The latest job of `kind` on `name` since the server started, if any.
  [[nodiscard]] std::optional<RunStatus> status(const std::string& name, JobKind kind = JobKind::run) const;

private:
  using Key = std::pair<std::string, JobKind>;  // a scenario and the kind of its job
  struct Job {
    Key key;
    std::variant<tools::RunRequest, tools::StudyRequest> request;
    output::OutputLock lock;  // the scenario's folder, for the whole job
  };
  /// Queues `request` for `key` as both submits describe.
  [[nodiscard]] Submitted enqueue(const Key& key, const std::string& folder,
                                  std::variant<tools::RunRequest, tools::StudyRequest> request,
                                  const std::function<void()>& prepare);
  void work();
  void run(Job& job);

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  std::map<Key, RunStatus> status_;
  std::map<Key, std::chrono::steady_clock::time_point> started_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace carecap::serve
