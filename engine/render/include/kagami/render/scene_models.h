#pragma once
// Every model a scene references, imported on worker threads and made
// resident at once: the offline path (`kagami render --scene`, tests). The
// streamed path loads the same models a budgeted piece at a time.
#include <map>
#include <string>

#include "kagami/core/job_system.h"
#include "kagami/gpu/device.h"
#include "kagami/render/gpu_model.h"
#include "kagami/scene/scene.h"

namespace kagami::render {

class SceneModels {
 public:
  // Fails with the first asset that cannot be loaded (its message names the file).
  static Result<SceneModels> load(gpu::Device& device, JobSystem& jobs, const scene::Scene& scene);
  SceneModels() = default;
  SceneModels(SceneModels&& other) noexcept { *this = std::move(other); }
  SceneModels& operator=(SceneModels&& other) noexcept;
  ~SceneModels();

  const GpuModel* find(std::string_view asset_id) const;
  std::size_t size() const { return models_.size(); }

 private:
  gpu::Device* device_ = nullptr;
  std::map<std::string, GpuModel, std::less<>> models_;
};

}  // namespace kagami::render
