// A whole frame of each location, offscreen at 1280x720 on whatever device is
// found (lavapipe in CI): render/frame/LOCATION/clustered, .../all_lights
// (every light evaluated per pixel) and .../no_local_shadows (clustered, point
// and spot light shadows off). The camera is the location's first
// street-level survey view. Counters: the light count, the lights given
// shadow maps, and the GPU time of each lighting pass (graph timestamps).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "kagami/core/job_system.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/scene_models.h"
#include "kagami/render/scene_view.h"
#include "kagami/scene/scene_io.h"

namespace {

namespace fs = std::filesystem;
using namespace kagami;

struct Location {
  std::unique_ptr<gpu::Device> device;
  scene::Scene scene;
  render::SceneModels models;
  render::DrawList draws;
  render::Lighting lighting;
  render::Camera camera;
};

Location* load(const std::string& name) {
  static std::map<std::string, std::unique_ptr<Location>> cache;
  if (auto it = cache.find(name); it != cache.end()) return it->second.get();
  auto loc = std::make_unique<Location>();
  auto device = gpu::Device::create({});
  if (!device) return nullptr;
  loc->device = std::move(*device);
  auto scene = scene::load_scene(fs::path(KAGAMI_SOURCE_DIR) / "scenes" / (name + ".json"));
  if (!scene) return nullptr;
  loc->scene = std::move(*scene);
  JobSystem jobs;
  auto models = render::SceneModels::load(*loc->device, jobs, loc->scene);
  if (!models) return nullptr;
  loc->models = std::move(*models);
  render::add_scene_draws(loc->draws, loc->scene, [&](std::string_view id) { return loc->models.find(id); });
  loc->draws.sort();
  loc->lighting = render::scene_lighting(loc->scene);
  Aabb bounds = loc->scene.streaming.bounds.value_or(loc->draws.bounds());
  loc->camera = render::survey_cameras(bounds, 1280.0f / 720.0f)[1];
  return cache.emplace(name, std::move(loc)).first->second.get();
}

enum class Variant { clustered, all_lights, no_local_shadows };

void frame(benchmark::State& state, const std::string& name, Variant variant) {
  Location* loc = load(name);
  if (!loc) {
    state.SkipWithError(("cannot load scenes/" + name + ".json").c_str());
    return;
  }
  gpu::Device& device = *loc->device;
  constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;
  const VkExtent2D extent{1280, 720};
  auto renderer = render::ForwardRenderer::create(device, kFormat);
  if (!renderer) {
    state.SkipWithError(renderer.error().message.c_str());
    return;
  }
  (*renderer)->set_clustered_lights(variant != Variant::all_lights);
  render::Lighting lighting = loc->lighting;
  lighting.local_shadows = variant != Variant::no_local_shadows;
  gpu::Image color = render::create_color_target(device, kFormat, extent, "bench target");
  render::FrameTarget target{color.handle, color.view, kFormat, extent};
  target.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                    VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
  target.final_state = {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                        VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
  auto run = [&] {
    device.run_now([&](VkCommandBuffer cmd) {
      (void)(*renderer)->record(cmd, 0, loc->draws, loc->camera, lighting, target);
    });
  };
  run();  // warm: pipelines, transient memory
  for (auto _ : state) run();
  run();  // the timestamps of the last timed frame are read when the slot is reused
  const auto& compiled = (*renderer)->executor().compiled();
  const auto& timings = (*renderer)->executor().timings();
  for (const auto& pass : compiled.passes) {
    std::string pass_name(compiled.pass_name(pass.id));
    if (pass.id.index < timings.size()) state.counters[pass_name + "_gpu_ms"] = timings[pass.id.index].gpu_ms;
  }
  state.counters["lights"] = double(loc->lighting.lights.size());
  render::LocalShadowSettings shadows = (*renderer)->local_shadow_settings();
  shadows.enabled = lighting.local_shadows;
  state.counters["shadowed_lights"] =
      double(render::plan_local_shadows(lighting.lights, loc->camera, 1280.0f / 720.0f, shadows).lights.size());
  state.counters["draws"] = double(loc->draws.items().size());
  device.wait_idle();
  device.retire(color);
}

void register_all() {
  for (const char* name : {"tokyo_dome_city", "suidoubashi", "data_world"})
    for (auto [variant, suffix] : {std::pair{Variant::clustered, "/clustered"}, std::pair{Variant::all_lights, "/all_lights"},
                                   std::pair{Variant::no_local_shadows, "/no_local_shadows"}})
      benchmark::RegisterBenchmark((std::string("render/frame/") + name + suffix).c_str(),
                                   [name = std::string(name), variant](benchmark::State& s) { frame(s, name, variant); })
          ->Unit(benchmark::kMillisecond)
          ->MinTime(2.0);
}

const bool registered = (register_all(), true);

}  // namespace
