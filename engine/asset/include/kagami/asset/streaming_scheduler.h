#pragma once
// The streaming scheduler: decides, once per frame, which assets start
// loading, which uploads use this frame's staging budget, which loads are
// cancelled and which resident assets are evicted. Pure logic: it performs no
// I/O and owns no GPU memory; the streamer (worker threads + GPU uploads)
// carries out its decisions and reports back. Time is the frame number the
// caller passes in, so tests drive it with a fake clock.
//
// Lifecycle of an asset:
//   unloaded --start_load--> loading --on_load_finished--> (uploading, still "loading")
//            --uploads complete--> resident --evict--> evicting --on_evicted--> unloaded
// A load nobody has asked for in `cancel_after_frames` frames is cancelled.
//
// Budget rule: the bytes of loading, resident and evicting assets together
// never exceed `memory_bytes` (an evicting asset still holds its memory until
// the frames that used it have retired).
#include <cstdint>
#include <string>
#include <vector>

#include "kagami/core/result.h"

namespace kagami::asset {

using AssetKey = std::uint32_t;

enum class Residency : std::uint8_t { unloaded, loading, resident, evicting };
const char* to_string(Residency residency);

struct StreamingBudget {
  std::uint64_t memory_bytes = 512ull << 20;
  std::uint64_t upload_bytes_per_frame = 8ull << 20;  // the staging ring's share of one frame
  std::uint32_t max_concurrent_loads = 4;             // CPU-side loads in flight
  std::uint32_t cancel_after_frames = 30;
};

struct UploadSlice {
  AssetKey asset = 0;
  std::uint64_t offset = 0;
  std::uint64_t bytes = 0;
};

struct StreamingActions {
  std::vector<AssetKey> start_loads;      // begin reading/decoding on a worker thread
  std::vector<AssetKey> cancel_loads;     // signal the worker; the asset is already back to unloaded
  std::vector<UploadSlice> uploads;       // copy these byte ranges through the staging ring this frame
  std::vector<AssetKey> became_resident;  // every byte uploaded
  std::vector<AssetKey> evict;            // free once the frames using it retire, then call on_evicted
};

// Priorities: larger is more urgent. Sequencer cues use kCuePriority plus how
// soon the cue is; the camera uses camera_priority(distance).
inline constexpr float kCuePriority = 1000.0f;
float camera_priority(float distance);

class StreamingScheduler {
 public:
  explicit StreamingScheduler(StreamingBudget budget = {});

  AssetKey add_asset(std::string name, std::uint64_t bytes);

  // Say every frame what is wanted; several requests for one asset keep the highest priority.
  void request(AssetKey asset, float priority);
  // "Must not stay resident" (a sequence cue that a location has ended): a
  // resident asset is evicted and a load in flight is cancelled at the next update.
  void release(AssetKey asset);
  // Reports from the streamer.
  void on_load_finished(AssetKey asset);
  void on_load_failed(AssetKey asset, const Error& error);
  void on_evicted(AssetKey asset);

  // Decides this frame's actions from the requests made since the last update.
  StreamingActions update(std::uint64_t frame);

  Residency state(AssetKey asset) const { return assets_[asset].state; }
  const std::string& name(AssetKey asset) const { return assets_[asset].name; }
  std::uint64_t bytes(AssetKey asset) const { return assets_[asset].bytes; }
  std::uint64_t committed_bytes() const { return committed_; }  // loading + resident + evicting
  std::uint64_t resident_bytes() const;
  std::size_t asset_count() const { return assets_.size(); }
  const StreamingBudget& budget() const { return budget_; }
  // The last load error of an asset, empty when none.
  const std::string& last_error(AssetKey asset) const { return assets_[asset].error; }

 private:
  struct Asset {
    std::string name;
    std::uint64_t bytes = 0;
    Residency state = Residency::unloaded;
    bool cpu_ready = false;           // loading: data decoded, uploads may run
    std::uint64_t uploaded = 0;       // loading: bytes already sent to the GPU
    float priority = 0.0f;            // this frame's request, 0 when not requested
    std::uint64_t last_requested = 0;
    bool requested_ever = false;
    bool released = false;
    std::string error;
  };

  bool make_room(std::uint64_t bytes, float priority, std::uint64_t frame, StreamingActions& actions);
  void evict(AssetKey asset, StreamingActions& actions);

  StreamingBudget budget_;
  std::vector<Asset> assets_;
  std::uint64_t committed_ = 0;
  std::vector<AssetKey> scratch_;
};

}  // namespace kagami::asset
