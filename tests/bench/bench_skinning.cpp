// GPU skinning frame time, offscreen at 640x360 on whatever device is found
// (lavapipe in CI): render/skinning/<N>/gpu poses N characters (the four of
// the cast in turn, each playing a different clip of the library) and draws
// them skinned by the vertex shaders, with sun shadows; .../static draws the
// same characters unposed through the rigid path, so the difference is what
// skinning costs. Pose evaluation (CharacterModel::pose) is inside the timing.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>

#include "kagami/render/character_models.h"
#include "kagami/render/forward_renderer.h"

namespace {

namespace fs = std::filesystem;
using namespace kagami;

struct Cast {
  std::unique_ptr<gpu::Device> device;
  std::unique_ptr<render::CharacterModels> models;
};

Cast* cast() {
  static std::unique_ptr<Cast> loaded;
  if (loaded) return loaded.get();
  auto c = std::make_unique<Cast>();
  auto device = gpu::Device::create({});
  if (!device) return nullptr;
  c->device = std::move(*device);
  auto models = render::CharacterModels::load(*c->device, fs::path(KAGAMI_SOURCE_DIR) / "assets/characters/cast.json");
  if (!models) return nullptr;
  c->models = std::move(*models);
  loaded = std::move(c);
  return loaded.get();
}

void skinning_frame(benchmark::State& state, bool skinned) {
  Cast* c = cast();
  if (!c) {
    state.SkipWithError("cannot load the cast (assets/characters/cast.json)");
    return;
  }
  gpu::Device& device = *c->device;
  const auto count = std::size_t(state.range(0));
  constexpr const char* kWho[] = {"len", "rin", "miku", "camui"};
  constexpr std::string_view kClips[] = {"walk", "run", "punch", "aim_fire", "idle", "hug", "cry"};
  const std::size_t columns = count < 8 ? count : 20;
  std::vector<glm::mat4> places;
  for (std::size_t i = 0; i < count; ++i)
    places.push_back(glm::translate(glm::mat4(1.0f), {(float(i % columns) - float(columns - 1) * 0.5f) * 0.9f, 0.0f,
                                                      -float(i / columns) * 1.2f}));
  constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;
  const VkExtent2D extent{640, 360};
  auto renderer = render::ForwardRenderer::create(device, kFormat);
  if (!renderer) {
    state.SkipWithError(renderer.error().message.c_str());
    return;
  }
  gpu::Image color = render::create_color_target(device, kFormat, extent, "bench target");
  render::FrameTarget target{color.handle, color.view, kFormat, extent};
  target.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                    VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
  target.final_state = {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                        VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
  render::Lighting lighting;
  render::DrawList draws;
  double t = 0.0;
  std::string error;
  auto build = [&] {
    draws.clear();
    for (std::size_t i = 0; i < count; ++i) {
      const render::ClipLayer layer[] = {{kClips[i % std::size(kClips)], t + 0.1 * double(i), 1.0f, true}};
      if (skinned) {
        auto added = c->models->add_draw(draws, kWho[i % 4], "", layer, t, places[i], i + 1);
        if (!added) error = added.error().message;
      } else if (auto model = c->models->get(kWho[i % 4], "")) {
        draws.add_model((*model)->gpu(), glm::scale(places[i], glm::vec3((*model)->scale())), {}, i + 1);
      }
    }
    draws.sort();
    t += 1.0 / 30.0;
  };
  build();
  const render::Camera camera = render::frame_bounds(draws.bounds(), 640.0f / 360.0f, {-0.3f, -0.35f, -0.9f});
  auto run = [&] {
    build();
    device.run_now([&](VkCommandBuffer cmd) { (void)(*renderer)->record(cmd, 0, draws, camera, lighting, target); });
  };
  run();  // warm: pipelines, transient memory
  if (!error.empty()) {
    state.SkipWithError(error.c_str());
    return;
  }
  for (auto _ : state) run();
  state.counters["characters"] = double(count);
  state.counters["draws"] = double(draws.items().size());
  state.counters["triangles"] = double(draws.triangles());
  device.wait_idle();
  device.retire(color);
}

void register_all() {
  for (int n : {4, 200})
    for (bool skinned : {true, false})
      benchmark::RegisterBenchmark(skinned ? "render/skinning/gpu" : "render/skinning/static",
                                   [skinned](benchmark::State& s) { skinning_frame(s, skinned); })
          ->Arg(n)
          ->Unit(benchmark::kMillisecond)
          ->MinTime(2.0);
}

const bool registered = (register_all(), true);

}  // namespace
