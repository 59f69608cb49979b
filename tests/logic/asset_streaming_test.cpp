// The streaming scheduler with a fake clock (frame numbers) and a fake loader.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "kagami/asset/streaming_scheduler.h"

namespace kagami::asset {
namespace {

constexpr std::uint64_t MiB = 1ull << 20;

bool contains(const std::vector<AssetKey>& keys, AssetKey k) {
  return std::find(keys.begin(), keys.end(), k) != keys.end();
}

TEST(StreamingScheduler, LoadsStartInPriorityOrderUpToTheConcurrencyLimit) {
  StreamingScheduler s({1024 * MiB, 8 * MiB, 2, 30});
  AssetKey far = s.add_asset("far", MiB), cue = s.add_asset("cue", MiB), near = s.add_asset("near", MiB);
  s.request(far, camera_priority(500.0f));
  s.request(near, camera_priority(5.0f));
  s.request(cue, kCuePriority);
  auto actions = s.update(1);
  ASSERT_EQ(actions.start_loads.size(), 2u);
  EXPECT_EQ(actions.start_loads[0], cue);
  EXPECT_EQ(actions.start_loads[1], near);
  EXPECT_EQ(s.state(far), Residency::unloaded) << "waits for a free loader";
  s.on_load_finished(cue);
  s.request(far, camera_priority(500.0f));
  actions = s.update(2);
  EXPECT_EQ(actions.start_loads, std::vector<AssetKey>{far});
}

TEST(StreamingScheduler, CameraPriorityFallsWithDistanceAndCuesOutrankIt) {
  EXPECT_GT(camera_priority(1.0f), camera_priority(10.0f));
  EXPECT_GT(camera_priority(10.0f), camera_priority(1000.0f));
  EXPECT_GT(kCuePriority, camera_priority(0.0f));
}

TEST(StreamingScheduler, UploadsNeverExceedTheFrameBudget) {
  StreamingScheduler s({1024 * MiB, 3 * MiB, 4, 30});
  AssetKey a = s.add_asset("a", 10 * MiB), b = s.add_asset("b", 2 * MiB);
  for (AssetKey k : {a, b}) s.request(k, 1.0f);
  s.update(1);
  s.on_load_finished(a);
  s.on_load_finished(b);
  std::uint64_t frame = 2, uploaded_a = 0;
  while (s.state(a) != Residency::resident) {
    s.request(a, 2.0f);  // a is more urgent: it uploads first
    s.request(b, 1.0f);
    auto actions = s.update(frame++);
    std::uint64_t total = 0;
    for (auto& slice : actions.uploads) {
      total += slice.bytes;
      if (slice.asset == a) {
        EXPECT_EQ(slice.offset, uploaded_a) << "slices are contiguous";
        uploaded_a += slice.bytes;
      }
    }
    EXPECT_LE(total, 3 * MiB);
    ASSERT_LT(frame, 20u);
  }
  EXPECT_EQ(uploaded_a, 10 * MiB);
  EXPECT_EQ(frame, 2u + 4u) << "ceil(10 / 3) frames";
}

// Brings `keys` to resident, one frame each, in order.
void make_resident(StreamingScheduler& s, std::vector<AssetKey> keys, std::uint64_t& frame) {
  for (AssetKey k : keys) {
    s.request(k, 1.0f);
    s.update(frame++);
    s.on_load_finished(k);
    s.request(k, 1.0f);
    auto actions = s.update(frame++);
    ASSERT_TRUE(contains(actions.became_resident, k)) << s.name(k);
  }
}

TEST(StreamingScheduler, MemoryPressureEvictsLeastRecentlyRequestedFirst) {
  StreamingScheduler s({30 * MiB, 64 * MiB, 4, 30});
  AssetKey a = s.add_asset("a", 10 * MiB), b = s.add_asset("b", 10 * MiB), c = s.add_asset("c", 10 * MiB);
  AssetKey d = s.add_asset("d", 15 * MiB);
  std::uint64_t frame = 1;
  make_resident(s, {a, b, c}, frame);
  s.request(a, 1.0f);  // a is used again: now b is the least recently requested
  s.update(frame++);
  s.request(d, 1.0f);
  auto actions = s.update(frame++);
  EXPECT_TRUE(actions.start_loads.empty()) << "the evicted memory is still held this frame";
  EXPECT_EQ(actions.evict, (std::vector<AssetKey>{b, c}));
  EXPECT_EQ(s.state(a), Residency::resident);
  EXPECT_LE(s.committed_bytes(), 30 * MiB);
  s.on_evicted(b);
  s.on_evicted(c);
  s.request(d, 1.0f);
  actions = s.update(frame++);
  EXPECT_EQ(actions.start_loads, std::vector<AssetKey>{d});
  EXPECT_EQ(s.committed_bytes(), 25 * MiB);
}

TEST(StreamingScheduler, AssetsRequestedThisFrameAreNeverEvicted) {
  StreamingScheduler s({20 * MiB, 64 * MiB, 4, 30});
  AssetKey a = s.add_asset("a", 10 * MiB), b = s.add_asset("b", 10 * MiB), c = s.add_asset("c", 10 * MiB);
  std::uint64_t frame = 1;
  make_resident(s, {a, b}, frame);
  for (int i = 0; i < 5; ++i) {
    s.request(a, 1.0f);
    s.request(b, 1.0f);
    s.request(c, 5.0f);
    auto actions = s.update(frame++);
    EXPECT_TRUE(actions.evict.empty());
    EXPECT_TRUE(actions.start_loads.empty());
  }
  EXPECT_EQ(s.state(c), Residency::unloaded);
}

TEST(StreamingScheduler, LoadsNobodyWantsAreCancelledAndLateReportsIgnored) {
  StreamingScheduler s({100 * MiB, 1 * MiB, 4, 10});
  AssetKey a = s.add_asset("a", 4 * MiB);
  s.request(a, 1.0f);
  s.update(1);
  for (std::uint64_t f = 2; f < 11; ++f) EXPECT_TRUE(s.update(f).cancel_loads.empty());
  auto actions = s.update(11);
  EXPECT_EQ(actions.cancel_loads, std::vector<AssetKey>{a});
  EXPECT_EQ(s.state(a), Residency::unloaded);
  EXPECT_EQ(s.committed_bytes(), 0u);
  s.on_load_finished(a);  // the worker finished anyway
  EXPECT_EQ(s.state(a), Residency::unloaded);
  EXPECT_TRUE(s.update(12).uploads.empty());
}

TEST(StreamingScheduler, CancellingAPartlyUploadedAssetFreesItThroughEviction) {
  // 40 frames of uploads at 1 MiB each: the cancellation comes first.
  StreamingScheduler s({100 * MiB, 1 * MiB, 4, 5});
  AssetKey a = s.add_asset("a", 40 * MiB);
  s.request(a, 1.0f);
  s.update(1);
  s.on_load_finished(a);
  s.request(a, 1.0f);
  EXPECT_EQ(s.update(2).uploads.size(), 1u);
  std::vector<AssetKey> evicted;
  for (std::uint64_t f = 3; f < 10 && evicted.empty(); ++f) evicted = s.update(f).evict;
  EXPECT_EQ(evicted, std::vector<AssetKey>{a});
  EXPECT_EQ(s.state(a), Residency::evicting);
  s.on_evicted(a);
  EXPECT_EQ(s.committed_bytes(), 0u);
}

TEST(StreamingScheduler, FailedLoadsReportAndCanBeRetried) {
  StreamingScheduler s({100 * MiB, 8 * MiB, 4, 30});
  AssetKey a = s.add_asset("a", MiB);
  s.request(a, 1.0f);
  s.update(1);
  s.on_load_failed(a, make_error("assets/a.gltf: file not found"));
  EXPECT_EQ(s.state(a), Residency::unloaded);
  EXPECT_NE(s.last_error(a).find("assets/a.gltf"), std::string::npos);
  EXPECT_EQ(s.committed_bytes(), 0u);
  s.request(a, 1.0f);
  EXPECT_EQ(s.update(2).start_loads, std::vector<AssetKey>{a});
}

TEST(StreamingScheduler, AnAssetLargerThanTheBudgetNeverLoads) {
  StreamingScheduler s({10 * MiB, 8 * MiB, 4, 30});
  AssetKey huge = s.add_asset("huge", 11 * MiB);
  s.request(huge, 1.0f);
  EXPECT_TRUE(s.update(1).start_loads.empty());
  EXPECT_FALSE(s.last_error(huge).empty());
}

// Random requests, a loader with random latency and evictions that complete a
// few frames later: the memory budget holds on every frame and the scheduler's
// books always balance.
TEST(StreamingScheduler, RandomWorkloadsNeverExceedTheMemoryBudget) {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    std::mt19937 rng(seed);
    StreamingBudget budget{64 * MiB, 4 * MiB, 3, 8};
    StreamingScheduler s(budget);
    for (int i = 0; i < 30; ++i) s.add_asset("asset" + std::to_string(i), (1 + rng() % 20) * MiB);
    std::map<AssetKey, std::uint64_t> load_done_at, evict_done_at;
    for (std::uint64_t frame = 1; frame < 400; ++frame) {
      for (auto it = load_done_at.begin(); it != load_done_at.end();) {
        if (it->second <= frame) {
          s.on_load_finished(it->first);
          it = load_done_at.erase(it);
        } else {
          ++it;
        }
      }
      for (auto it = evict_done_at.begin(); it != evict_done_at.end();) {
        if (it->second <= frame) {
          s.on_evicted(it->first);
          it = evict_done_at.erase(it);
        } else {
          ++it;
        }
      }
      int wanted = int(rng() % 6);
      for (int i = 0; i < wanted; ++i) s.request(AssetKey(rng() % 30), float(rng() % 100) / 10.0f + 0.1f);
      auto actions = s.update(frame);
      std::uint64_t uploaded = 0;
      for (auto& u : actions.uploads) uploaded += u.bytes;
      ASSERT_LE(uploaded, budget.upload_bytes_per_frame) << "seed " << seed << " frame " << frame;
      for (AssetKey k : actions.start_loads) load_done_at[k] = frame + 1 + rng() % 5;
      for (AssetKey k : actions.cancel_loads) load_done_at.erase(k);
      for (AssetKey k : actions.evict) evict_done_at[k] = frame + 2;
      ASSERT_LE(s.committed_bytes(), budget.memory_bytes) << "seed " << seed << " frame " << frame;
      std::uint64_t held = 0;
      for (AssetKey k = 0; k < s.asset_count(); ++k)
        if (s.state(k) != Residency::unloaded) held += s.bytes(k);
      ASSERT_EQ(held, s.committed_bytes()) << "seed " << seed << " frame " << frame;
    }
  }
}

}  // namespace
}  // namespace kagami::asset

namespace kagami::asset {
namespace {

TEST(StreamingScheduler, ReleasedAssetsAreEvictedOrCancelledAtOnce) {
  StreamingScheduler s({100 * MiB, 1 * MiB, 4, 30});
  AssetKey small = s.add_asset("small", MiB), big = s.add_asset("big", 50 * MiB);
  std::uint64_t frame = 1;
  make_resident(s, {small}, frame);
  s.request(big, 1.0f);
  s.update(frame++);
  s.release(small);
  s.release(big);
  auto actions = s.update(frame++);
  EXPECT_EQ(actions.evict, std::vector<AssetKey>{small});
  EXPECT_EQ(actions.cancel_loads, std::vector<AssetKey>{big});
  s.on_evicted(small);
  EXPECT_EQ(s.committed_bytes(), 0u);
}

}  // namespace
}  // namespace kagami::asset
