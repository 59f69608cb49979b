#include <gtest/gtest.h>

#include <atomic>

#include "kagami/core/job_system.h"

namespace kagami {
namespace {

TEST(JobSystem, RunsEveryJobOnWorkerThreads) {
  JobSystem jobs(3);
  EXPECT_EQ(jobs.worker_count(), 3u);
  std::atomic<int> sum{0};
  const auto main_thread = std::this_thread::get_id();
  std::atomic<bool> ran_on_main{false};
  for (int i = 1; i <= 100; ++i)
    jobs.submit([&, i] {
      sum += i;
      if (std::this_thread::get_id() == main_thread) ran_on_main = true;
    });
  jobs.wait_idle();
  EXPECT_EQ(sum.load(), 5050);
  EXPECT_FALSE(ran_on_main.load());
}

TEST(JobSystem, DestructionFinishesQueuedJobs) {
  std::atomic<int> done{0};
  {
    JobSystem jobs(1);
    for (int i = 0; i < 20; ++i) jobs.submit([&] { ++done; });
  }
  EXPECT_EQ(done.load(), 20);
}

TEST(CancelToken, CopiesShareTheirState) {
  CancelToken token;
  CancelToken copy = token;
  EXPECT_FALSE(copy.cancelled());
  token.cancel();
  EXPECT_TRUE(copy.cancelled());
}

}  // namespace
}  // namespace kagami
