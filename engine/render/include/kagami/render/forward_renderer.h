#pragma once
// Draws a DrawList (one model, or a whole scene) lit by a sun and a
// sky/ground ambient. Every frame is a render graph: a forward pass into the
// target, plus a read-back pass when rendering offscreen.
#include <array>
#include <memory>

#include "kagami/gpu/device.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/camera.h"
#include "kagami/render/frame_target.h"
#include "kagami/render/draw_list.h"
#include "kagami/render/graph_executor.h"
#include "kagami/render/mesh_pass.h"

namespace kagami::render {

struct Lighting {
  glm::vec3 sun_direction = glm::normalize(glm::vec3(-0.4f, -1.0f, -0.55f));
  glm::vec3 sun_radiance{2.6f, 2.5f, 2.3f};
  glm::vec3 ambient_sky{0.30f, 0.34f, 0.42f};
  glm::vec3 ambient_ground{0.12f, 0.10f, 0.09f};
  glm::vec4 clear_color{0.06f, 0.07f, 0.09f, 1.0f};
};

class ForwardRenderer {
 public:
  static constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;
  static Result<std::unique_ptr<ForwardRenderer>> create(gpu::Device& device, VkFormat color_format);
  ~ForwardRenderer();

  // Adds the forward pass drawing `draws` into `target` (cleared first) and
  // returns the target's new version. `slot` selects the per-frame uniforms.
  // `draws` must stay alive until the graph has executed. `area` (non-empty):
  // draw only into that rectangle of the target, with its aspect (the editor's viewport).
  graph::TextureHandle add_passes(FrameGraph& frame, std::uint32_t slot, const DrawList& draws, const Camera& camera,
                                  const Lighting& lighting, graph::TextureHandle target, VkExtent2D extent,
                                  VkRect2D area = {});

  // Builds and executes a whole frame into `target`.
  Result<void> record(VkCommandBuffer cmd, std::uint32_t slot, const DrawList& draws, const Camera& camera,
                      const Lighting& lighting, const FrameTarget& target);

  GraphExecutor& executor() { return executor_; }
  FrameGraph& frame_graph() { return frame_; }

 private:
  explicit ForwardRenderer(gpu::Device& device) : device_(device), executor_(device) {}

  gpu::Device& device_;
  GraphExecutor executor_;
  FrameGraph frame_;
  std::unique_ptr<MeshPass> mesh_pass_;
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> view_uniforms_;
};

// An image to render into offscreen and read back.
gpu::Image create_color_target(gpu::Device& device, VkFormat format, VkExtent2D extent, const char* name);

graph::TextureHandle import_target(FrameGraph& frame, const FrameTarget& target, const glm::vec4& clear_color);

struct OffscreenOptions {
  graph::CompileOptions compile;  // culling, aliasing or batching off
  std::uint32_t frames = 1;       // frames rendered; the last is read back (2+: GPU timings of the graph)
};

// What the last frame's graph looked like and cost, for `kagami graph`.
struct FrameReport {
  graph::CompiledGraph compiled;
  std::vector<graph::PassTiming> timings;  // by PassId
};

// Renders offscreen and reads the last frame back: the path of `kagami
// render` and of golden-image tests.
Result<ImageRgba8> render_offscreen(gpu::Device& device, const DrawList& draws, const Camera& camera,
                                    const Lighting& lighting, VkExtent2D extent, const OffscreenOptions& options = {},
                                    FrameReport* report = nullptr);

}  // namespace kagami::render
