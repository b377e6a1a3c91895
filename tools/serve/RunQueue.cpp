// carecap. SPDX-License-Identifier: MIT
#include "tools/serve/RunQueue.hpp"

#include "sim/Errors.hpp"
#include "tools/serve/ServeLimits.hpp"

namespace carecap::serve {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

RunQueue::RunQueue(int workers) {
  for (int i = 0; i < workers; ++i) workers_.emplace_back([this] { work(); });
}

RunQueue::~RunQueue() {
  {
    const std::lock_guard<std::mutex> hold(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

Submitted RunQueue::submit(const std::string& name, const std::string& folder, tools::RunRequest request) {
  return enqueue({name, JobKind::run}, folder, std::move(request), {});
}

Submitted RunQueue::submit(const std::string& name, const std::string& folder, tools::StudyRequest request,
                           const std::function<void()>& prepare) {
  return enqueue({name, JobKind::study}, folder, std::move(request), prepare);
}

Submitted RunQueue::enqueue(const Key& key, const std::string& folder,
                            std::variant<tools::RunRequest, tools::StudyRequest> request,
                            const std::function<void()>& prepare) {
  const std::lock_guard<std::mutex> hold(mutex_);
  for (const JobKind kind : {JobKind::run, JobKind::study}) {  // one job per scenario, of either kind
    const auto current = status_.find({key.first, kind});
    if (current != status_.end() && (current->second.state == RunState::queued || current->second.state == RunState::running))
      return Submitted::busy;
  }
  if (queue_.size() >= kMaxQueuedRuns) return Submitted::queue_full;
  std::optional<output::OutputLock> lock;
  try {
    lock.emplace(folder);
  } catch (const InputError&) {  // another process holds the folder (the lock names it)
    return Submitted::busy;
  }
  if (prepare) prepare();  // under the folder's lock; a throw releases it
  queue_.push_back(Job{key, std::move(request), std::move(*lock)});
  status_[key] = RunStatus{};
  started_[key] = std::chrono::steady_clock::now();
  wake_.notify_one();
  return Submitted::queued;
}

std::optional<RunStatus> RunQueue::status(const std::string& name, JobKind kind) const {
  const std::lock_guard<std::mutex> hold(mutex_);
  const auto found = status_.find({name, kind});
  if (found == status_.end()) return std::nullopt;
  RunStatus status = found->second;
  if (status.state == RunState::queued || status.state == RunState::running)
    status.seconds = seconds_since(started_.at(found->first));
  return status;
}

void RunQueue::work() {
  for (;;) {
    std::unique_lock<std::mutex> hold(mutex_);
    wake_.wait(hold, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    Job job = std::move(queue_.front());
    queue_.pop_front();
    status_[job.key].state = RunState::running;
    hold.unlock();
    run(job);
  }
}

void RunQueue::run(Job& job) {
  const auto stage = [&](tools::RunStage s) {
    const std::lock_guard<std::mutex> hold(mutex_);
    status_[job.key].stage = s;
  };
  std::optional<tools::Failure> failure;
  try {
    if (const auto* run = std::get_if<tools::RunRequest>(&job.request)) (void)tools::run_into_results_file(*run, stage);
    else (void)tools::run_study_into_results_file(std::get<tools::StudyRequest>(job.request), stage);
  } catch (...) {
    failure = tools::Failure::current();
  }
  { const output::OutputLock released = std::move(job.lock); }  // before the state says the job is over
  const std::lock_guard<std::mutex> hold(mutex_);
  RunStatus& status = status_[job.key];
  status.seconds = seconds_since(started_.at(job.key));
  status.state = failure ? RunState::failed : RunState::done;
  if (failure) {
    status.error = failure->message;
    status.error_kind = failure->kind;
  }
}

}  // namespace carecap::serve
