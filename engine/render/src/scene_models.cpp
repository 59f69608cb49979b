#include "kagami/render/scene_models.h"

#include <mutex>
#include <optional>

#include "kagami/asset/model_import.h"

namespace kagami::render {

Result<SceneModels> SceneModels::load(gpu::Device& device, JobSystem& jobs, const scene::Scene& scene) {
  struct Slot {
    std::string id;
    std::filesystem::path path;
    std::optional<Result<asset::ModelData>> imported;
  };
  std::vector<Slot> slots;
  for (const auto& [id, relative] : scene.assets) slots.push_back({id, *scene.resolve_asset(id), std::nullopt});
  // Imports run in parallel; each job writes only its own slot.
  for (Slot& slot : slots) jobs.submit([&slot] { slot.imported = asset::import_model(slot.path); });
  jobs.wait_idle();

  SceneModels models;
  models.device_ = &device;
  for (Slot& slot : slots) {
    if (!slot.imported->ok())
      return make_error(scene.source_path.string(), ": asset '", slot.id, "': ", slot.imported->error().message);
    models.models_.emplace(slot.id, upload_model(device, slot.imported->value()));
  }
  return models;
}

SceneModels& SceneModels::operator=(SceneModels&& other) noexcept {
  std::swap(device_, other.device_);
  std::swap(models_, other.models_);
  return *this;
}

SceneModels::~SceneModels() {
  if (!device_) return;
  for (auto& [id, model] : models_) release_model(*device_, model);
}

const GpuModel* SceneModels::find(std::string_view asset_id) const {
  auto it = models_.find(asset_id);
  return it == models_.end() ? nullptr : &it->second;
}

}  // namespace kagami::render
