#pragma once
// What every fullscreen pass after the forward pass shares: one pipeline
// layout (push descriptors: the PostUniforms block and up to two sampled
// images, plain or depth-compared; a PostPush), the samplers, and a draw of one screen-covering
// triangle. Each post pass (sky_pass.cpp, fog_pass.cpp, ...) only adds its
// shader and its graph declaration.
#include <initializer_list>
#include <memory>
#include <string_view>
#include <vector>

#include "kagami/core/result.h"
#include "kagami/gpu/device.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/render/post_types.h"

namespace kagami::render {

struct PostInput {
  VkImageView view = VK_NULL_HANDLE;
  VkImageLayout layout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
  bool filtered = true;  // bilinear, clamped; false: nearest (depth, exact texel fetches)
  bool compare = false;  // a shadow map read as sampler2DShadow: bilinear, lit where the reference <= the stored depth
};

class PostKit {
 public:
  static Result<std::unique_ptr<PostKit>> create(gpu::Device& device);
  ~PostKit();
  PostKit(const PostKit&) = delete;
  PostKit& operator=(const PostKit&) = delete;

  // A fullscreen pipeline for `shader` (a fragment shader's name). With
  // `sky_depth`, it tests EQUAL against a read-only depth attachment at the
  // far plane (0, reverse-Z), so it draws only where nothing else did.
  Result<VkPipeline> pipeline(std::string_view shader, VkFormat color, gpu::BlendMode blend, bool sky_depth = false);

  void draw(VkCommandBuffer cmd, VkPipeline pipeline, VkExtent2D extent, VkBuffer uniforms,
            std::initializer_list<PostInput> inputs, const glm::vec4& push = glm::vec4(0.0f)) const;

 private:
  explicit PostKit(gpu::Device& device) : device_(device) {}
  gpu::Device& device_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkSampler linear_ = VK_NULL_HANDLE;
  VkSampler nearest_ = VK_NULL_HANDLE;
  VkSampler compare_ = VK_NULL_HANDLE;
  std::vector<VkPipeline> pipelines_;
};

// Layout a sampled read by a fragment shader leaves `format` in (the graph's rule).
VkImageLayout sampled_layout(VkFormat format);

}  // namespace kagami::render
