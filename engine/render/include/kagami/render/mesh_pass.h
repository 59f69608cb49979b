#pragma once
// Draws lit, textured static meshes. It records draws only: attachments are
// begun by whoever runs the pass (the frame's render graph).
#include <memory>

#include "kagami/core/result.h"
#include "kagami/gpu/device.h"
#include "kagami/render/draw_list.h"
#include "kagami/render/shader_types.h"

namespace kagami::render {

class MeshPass {
 public:
  static Result<std::unique_ptr<MeshPass>> create(gpu::Device& device, VkFormat color_format, VkFormat depth_format);
  ~MeshPass();
  MeshPass(const MeshPass&) = delete;
  MeshPass& operator=(const MeshPass&) = delete;

  // `view_uniforms` holds a shader::ViewUniforms. `area`: the part of the
  // attachment drawn into (the editor's viewport); empty = all of `extent`.
  void record(VkCommandBuffer cmd, std::span<const DrawItem> draws, VkBuffer view_uniforms, VkExtent2D extent,
              VkRect2D area = {}) const;

 private:
  explicit MeshPass(gpu::Device& device) : device_(device) {}
  gpu::Device& device_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_culled_ = VK_NULL_HANDLE;
  VkPipeline pipeline_double_sided_ = VK_NULL_HANDLE;
  VkSampler sampler_ = VK_NULL_HANDLE;
  gpu::Image white_;
};

}  // namespace kagami::render
