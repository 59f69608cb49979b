#include "kagami/render/scene_streamer.h"

#include "kagami/asset/asset_cache.h"
#include "kagami/core/log.h"
#include "kagami/gpu/barriers.h"
#include "kagami/gpu/frames.h"
#include "kagami/scene/queries.h"

namespace kagami::render {

SceneStreamer::SceneStreamer(gpu::Device& device, JobSystem& jobs, asset::StreamingBudget budget,
                             std::filesystem::path cache_dir)
    : device_(device),
      jobs_(jobs),
      cache_dir_(std::move(cache_dir)),
      scheduler_(budget),
      // A little more than the budget: texture rows round down, never up.
      ring_(device, budget.upload_bytes_per_frame + (1u << 16), gpu::FrameRing::kSlots) {}

SceneStreamer::~SceneStreamer() {
  jobs_.wait_idle();  // workers write into finished_
  for (Entry& e : entries_) {
    if (e.upload) e.upload->abandon();
    if (e.model) release_model(device_, *e.model);
  }
}

Result<SceneHandle> SceneStreamer::add_scene(const scene::Scene& scene) {
  std::map<std::string, asset::AssetKey, std::less<>> keys;
  for (const auto& [id, relative] : scene.assets) {
    auto source = scene.resolve_asset(id);
    auto cooked = asset::cook_cached(*source, cache_dir_);
    if (!cooked) return make_error(scene.source_path.string(), ": asset '", id, "': ", cooked.error().message);
    std::string path = cooked->cooked.string();
    auto found = by_path_.find(path);
    if (found == by_path_.end()) {
      // The cooked file holds exactly what is uploaded plus small headers: its size is the budget estimate.
      std::uint64_t bytes = std::filesystem::file_size(cooked->cooked);
      asset::AssetKey key = scheduler_.add_asset(scene.name + "/" + id, bytes);
      entries_.push_back(Entry{cooked->cooked, scene.name + "/" + id});
      found = by_path_.emplace(path, key).first;
    }
    keys.emplace(id, found->second);
  }
  std::vector<Placement> placements;
  for (const scene::MeshInstance& instance : scene::mesh_instances(scene))
    placements.push_back({keys.at(instance.mesh->asset), glm::vec3(instance.world[3])});
  scenes_.push_back(std::move(keys));
  placements_.push_back(std::move(placements));
  return SceneHandle(scenes_.size() - 1);
}

void SceneStreamer::request_scene(SceneHandle scene, float priority) {
  for (const auto& [id, key] : scenes_[scene]) scheduler_.request(key, priority);
}

void SceneStreamer::request_near(SceneHandle scene, const glm::vec3& camera) {
  // The scheduler keeps the highest priority requested, so the nearest placement of each model wins.
  for (const Placement& p : placements_[scene])
    scheduler_.request(p.key, asset::camera_priority(glm::distance(camera, p.position)));
}

std::optional<asset::AssetKey> SceneStreamer::asset_key(SceneHandle scene, std::string_view asset_id) const {
  auto it = scenes_[scene].find(asset_id);
  if (it == scenes_[scene].end()) return std::nullopt;
  return it->second;
}

void SceneStreamer::release_scene(SceneHandle scene) {
  for (const auto& [id, key] : scenes_[scene]) scheduler_.release(key);
}

void SceneStreamer::update(VkCommandBuffer cmd, std::uint32_t slot, std::uint64_t frame) {
  // Memory of evicted models is free once the frames that drew them have retired.
  const std::uint64_t done = device_.completed_value();
  std::erase_if(evicting_, [&](asset::AssetKey key) {
    if (entries_[key].evicted_at > done) return false;
    scheduler_.on_evicted(key);
    return true;
  });

  // Loads the workers have finished since the last frame.
  std::deque<Finished> finished;
  {
    std::lock_guard lock(finished_mutex_);
    finished.swap(finished_);
  }
  for (Finished& f : finished) {
    Entry& e = entries_[f.key];
    // A cancelled load, or a stale report of an earlier load of the same asset.
    if (e.cancel.cancelled() || e.upload || scheduler_.state(f.key) != asset::Residency::loading) continue;
    if (!f.cooked) {
      scheduler_.on_load_failed(f.key, f.cooked.error());
      continue;
    }
    e.upload = std::make_unique<StreamedModel>(device_, std::move(*f.cooked), e.name);
    scheduler_.on_load_finished(f.key);
  }

  asset::StreamingActions actions = scheduler_.update(frame);
  for (asset::AssetKey key : actions.cancel_loads) {
    Entry& e = entries_[key];
    e.cancel.cancel();
    if (e.upload) e.upload->abandon();
    e.upload.reset();
  }
  for (asset::AssetKey key : actions.start_loads) {
    Entry& e = entries_[key];
    e.cancel = CancelToken{};
    jobs_.submit([this, key, path = e.cooked, cancel = e.cancel] {
      if (cancel.cancelled()) return;
      Result<asset::CookedModel> cooked = asset::load_cooked_model(path);
      std::lock_guard lock(finished_mutex_);
      finished_.push_back({key, std::move(cooked)});
    });
  }

  ring_.begin(slot);
  uploaded_this_frame_ = 0;
  bool uploaded = false;
  for (const asset::UploadSlice& slice : actions.uploads) {
    Entry& e = entries_[slice.asset];
    if (!e.upload) continue;
    std::uint64_t before = e.upload->copied_bytes();
    // The scheduler counts file bytes; the stream is the GPU part of the file, so scale to it.
    std::uint64_t file_bytes = scheduler_.bytes(slice.asset);
    std::uint64_t end = slice.offset + slice.bytes >= file_bytes
                            ? e.upload->total_bytes()
                            : (slice.offset + slice.bytes) * e.upload->total_bytes() / std::max<std::uint64_t>(file_bytes, 1);
    if (!e.upload->copy_through(cmd, ring_, end)) log::warn("streaming: staging ring full this frame");
    uploaded_this_frame_ += e.upload->copied_bytes() - before;
    uploaded = true;
  }
  for (asset::AssetKey key : actions.became_resident) {
    Entry& e = entries_[key];
    if (!e.upload) continue;
    if (!e.upload->copy_through(cmd, ring_, e.upload->total_bytes())) log::warn("streaming: staging ring full");
    e.model = e.upload->finish(cmd);
    e.upload.reset();
    uploaded = true;
  }
  if (uploaded) {
    // Buffers become vertex and index input from the next draw on.
    gpu::memory_barrier(cmd, {VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT},
                        {VK_PIPELINE_STAGE_2_VERTEX_ATTRIBUTE_INPUT_BIT | VK_PIPELINE_STAGE_2_INDEX_INPUT_BIT,
                         VK_ACCESS_2_VERTEX_ATTRIBUTE_READ_BIT | VK_ACCESS_2_INDEX_READ_BIT});
  }

  for (asset::AssetKey key : actions.evict) {
    Entry& e = entries_[key];
    if (e.model) release_model(device_, *e.model);
    e.model.reset();
    if (e.upload) e.upload->abandon();
    e.upload.reset();
    // Retired objects are destroyed after the next submission completes.
    e.evicted_at = device_.last_submitted() + 1;
    evicting_.push_back(key);
  }
}

const GpuModel* SceneStreamer::resident(SceneHandle scene, std::string_view asset_id) const {
  auto it = scenes_[scene].find(asset_id);
  if (it == scenes_[scene].end()) return nullptr;
  const Entry& e = entries_[it->second];
  return e.model ? &*e.model : nullptr;
}

bool SceneStreamer::scene_resident(SceneHandle scene) const {
  for (const auto& [id, key] : scenes_[scene])
    if (!entries_[key].model) return false;
  return true;
}

StreamerStats SceneStreamer::stats() const {
  StreamerStats s;
  for (asset::AssetKey k = 0; k < scheduler_.asset_count(); ++k) {
    switch (scheduler_.state(k)) {
      case asset::Residency::unloaded: ++s.unloaded; break;
      case asset::Residency::loading: ++s.loading; break;
      case asset::Residency::resident: ++s.resident; s.resident_bytes += scheduler_.bytes(k); break;
      case asset::Residency::evicting: ++s.evicting; break;
    }
  }
  s.uploaded_this_frame = uploaded_this_frame_;
  return s;
}

}  // namespace kagami::render
