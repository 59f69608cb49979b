#pragma once
// Streams the models of one or more scenes in and out while frames play.
// Cooked files are read on worker threads (never on the frame loop); the
// StreamingScheduler decides what loads, what uploads within this frame's
// staging budget and what is evicted; uploads are recorded into the frame's
// command buffer before its render graph. Memory is freed through the
// device's deferred destruction, so nothing a frame in flight uses goes away.
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kagami/asset/streaming_scheduler.h"
#include "kagami/core/job_system.h"
#include "kagami/gpu/staging_ring.h"
#include "kagami/render/streamed_model.h"
#include "kagami/scene/scene.h"

namespace kagami::render {

using SceneHandle = std::uint32_t;

struct StreamerStats {
  std::size_t unloaded = 0, loading = 0, resident = 0, evicting = 0;
  std::uint64_t resident_bytes = 0;
  std::uint64_t uploaded_this_frame = 0;
};

class SceneStreamer {
 public:
  SceneStreamer(gpu::Device& device, JobSystem& jobs, asset::StreamingBudget budget,
                std::filesystem::path cache_dir);
  ~SceneStreamer();

  // Cooks (or finds in the cache) every model the scene references and
  // registers them; models shared between scenes are registered once.
  Result<SceneHandle> add_scene(const scene::Scene& scene);

  // This frame: the scene must be resident (a sequence cue) at `priority`
  // (asset::kCuePriority and up), or must not be (release).
  void request_scene(SceneHandle scene, float priority);
  void release_scene(SceneHandle scene);
  // This frame: every model of the scene, ranked by how close its nearest
  // placement is to the camera (asset::camera_priority), so what the camera
  // will see first loads first.
  void request_near(SceneHandle scene, const glm::vec3& camera);

  // Drains finished loads, runs the scheduler and records this frame's
  // uploads into `cmd`. Call once per frame after FrameRing::begin.
  void update(VkCommandBuffer cmd, std::uint32_t slot, std::uint64_t frame);

  // The resident model of an asset of `scene`, or nullptr.
  const GpuModel* resident(SceneHandle scene, std::string_view asset_id) const;
  bool scene_resident(SceneHandle scene) const;
  StreamerStats stats() const;
  const asset::StreamingScheduler& scheduler() const { return scheduler_; }
  // The scheduler's key of an asset of `scene`, if the scene references it.
  std::optional<asset::AssetKey> asset_key(SceneHandle scene, std::string_view asset_id) const;

 private:
  struct Entry {
    std::filesystem::path cooked;
    std::string name;
    CancelToken cancel;
    std::unique_ptr<StreamedModel> upload;  // loading: created when the cooked file has been read
    std::optional<GpuModel> model;          // resident
    std::uint64_t evicted_at = 0;           // timeline value after which its memory is free
  };
  struct Finished {
    asset::AssetKey key;
    Result<asset::CookedModel> cooked;
  };

  gpu::Device& device_;
  JobSystem& jobs_;
  std::filesystem::path cache_dir_;
  asset::StreamingScheduler scheduler_;
  gpu::StagingRing ring_;
  std::vector<Entry> entries_;                          // by AssetKey
  std::map<std::string, asset::AssetKey> by_path_;      // cooked path -> key
  std::vector<std::map<std::string, asset::AssetKey, std::less<>>> scenes_;  // asset id -> key
  struct Placement {
    asset::AssetKey key;
    glm::vec3 position;  // world position of the placing entity
  };
  std::vector<std::vector<Placement>> placements_;  // by scene
  std::mutex finished_mutex_;
  std::deque<Finished> finished_;                       // written by workers
  std::vector<asset::AssetKey> evicting_;
  std::uint64_t uploaded_this_frame_ = 0;
};

}  // namespace kagami::render
