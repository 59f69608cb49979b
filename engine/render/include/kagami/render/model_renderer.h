#pragma once
// Renders one model, lit by a sun and a sky/ground ambient, into a frame
// target: the first real render (`kagami render --model`) and the model viewer.
#include <array>
#include <memory>

#include "kagami/gpu/device.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/camera.h"
#include "kagami/render/frame_target.h"
#include "kagami/render/gpu_model.h"
#include "kagami/render/mesh_pass.h"

namespace kagami::render {

struct Lighting {
  glm::vec3 sun_direction = glm::normalize(glm::vec3(-0.4f, -1.0f, -0.55f));
  glm::vec3 sun_radiance{2.6f, 2.5f, 2.3f};
  glm::vec3 ambient_sky{0.30f, 0.34f, 0.42f};
  glm::vec3 ambient_ground{0.12f, 0.10f, 0.09f};
  glm::vec4 clear_color{0.06f, 0.07f, 0.09f, 1.0f};
};

class ModelRenderer {
 public:
  static constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;
  static Result<std::unique_ptr<ModelRenderer>> create(gpu::Device& device, VkFormat color_format);
  ~ModelRenderer();

  // Records a whole frame into `cmd`; `slot` selects the per-frame uniform buffer.
  void record(VkCommandBuffer cmd, std::uint32_t slot, const GpuModel& model, const Camera& camera,
              const Lighting& lighting, const FrameTarget& target);

 private:
  explicit ModelRenderer(gpu::Device& device) : device_(device) {}
  void ensure_depth(VkExtent2D extent);

  gpu::Device& device_;
  std::unique_ptr<MeshPass> mesh_pass_;
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> view_uniforms_;
  gpu::Image depth_;
};

// Renders one frame offscreen and reads it back: the path of `kagami render`
// and of golden-image tests.
Result<ImageRgba8> render_model_offscreen(gpu::Device& device, const GpuModel& model, const Camera& camera,
                                          const Lighting& lighting, VkExtent2D extent);

}  // namespace kagami::render
