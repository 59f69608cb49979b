#pragma once
// A small pool of worker threads for loading and cooking. Jobs are plain
// closures; a job that can become irrelevant takes a CancelToken and checks it
// between steps. Nothing here blocks the frame loop: submit() returns at once,
// and results come back through whatever the job writes (usually a queue the
// main thread drains once per frame).
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kagami {

class CancelToken {
 public:
  void cancel() { cancelled_->store(true, std::memory_order_relaxed); }
  bool cancelled() const { return cancelled_->load(std::memory_order_relaxed); }

 private:
  std::shared_ptr<std::atomic<bool>> cancelled_ = std::make_shared<std::atomic<bool>>(false);
};

class JobSystem {
 public:
  // 0 workers: one per hardware thread less one (at least one).
  explicit JobSystem(std::size_t workers = 0);
  ~JobSystem();  // finishes queued jobs, then joins
  JobSystem(const JobSystem&) = delete;
  JobSystem& operator=(const JobSystem&) = delete;

  void submit(std::function<void()> job);
  // Blocks until every job submitted so far has finished (tests, shutdown).
  void wait_idle();
  std::size_t worker_count() const { return workers_.size(); }

 private:
  void run();
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable idle_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace kagami
