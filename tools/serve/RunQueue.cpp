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
  const std::lock_guard<std::mutex> hold(mutex_);
  const auto current = status_.find(name);
  if (current != status_.end() && (current->second.state == RunState::queued || current->second.state == RunState::running))
    return Submitted::busy;
  if (queue_.size() >= kMaxQueuedRuns) return Submitted::queue_full;
  try {
    queue_.push_back(Job{name, std::move(request), output::OutputLock(folder)});
  } catch (const InputError&) {  // another process holds the folder (the lock names it)
    return Submitted::busy;
  }
  status_[name] = RunStatus{};
  started_[name] = std::chrono::steady_clock::now();
  wake_.notify_one();
  return Submitted::queued;
}

std::optional<RunStatus> RunQueue::status(const std::string& name) const {
  const std::lock_guard<std::mutex> hold(mutex_);
  const auto found = status_.find(name);
  if (found == status_.end()) return std::nullopt;
  RunStatus status = found->second;
  if (status.state == RunState::queued || status.state == RunState::running)
    status.seconds = seconds_since(started_.at(name));
  return status;
}

void RunQueue::work() {
  for (;;) {
    std::unique_lock<std::mutex> hold(mutex_);
    wake_.wait(hold, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    Job job = std::move(queue_.front());
    queue_.pop_front();
    status_[job.name].state = RunState::running;
    hold.unlock();
    run(job);
  }
}

void RunQueue::run(Job& job) {
  const auto stage = [&](tools::RunStage s) {
    const std::lock_guard<std::mutex> hold(mutex_);
    status_[job.name].stage = s;
  };
  std::optional<tools::Failure> failure;
  try {
    (void)tools::run_into_results_file(job.request, stage);
  } catch (...) {
    failure = tools::Failure::current();
  }
  { const output::OutputLock released = std::move(job.lock); }  // before the state says the run is over
  const std::lock_guard<std::mutex> hold(mutex_);
  RunStatus& status = status_[job.name];
  status.seconds = seconds_since(started_.at(job.name));
  status.state = failure ? RunState::failed : RunState::done;
  if (failure) {
    status.error = failure->message;
    status.error_kind = failure->kind;
  }
}

}  // namespace carecap::serve
