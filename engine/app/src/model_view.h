#pragma once
// Shared by `render --model` and `play`: load a model file and make it resident.
#include <memory>
#include <string>

#include "cli.h"
#include "kagami/asset/model_import.h"
#include "kagami/gpu/device.h"
#include "kagami/render/camera.h"
#include "kagami/render/gpu_model.h"

namespace kagami::app {

gpu::ContextOptions context_options(const Options& options);

struct LoadedModel {
  std::unique_ptr<gpu::Device> device;
  render::GpuModel model;
  ~LoadedModel();
};

// Camera that orbits the model: the view at `seconds` into playback.
render::Camera orbit_camera(const Aabb& bounds, float aspect, double seconds);

}  // namespace kagami::app
