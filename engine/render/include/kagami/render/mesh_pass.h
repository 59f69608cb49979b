#pragma once
// Draws lit, textured static and skinned meshes (shaders/mesh.vert,
// mesh_skinned.vert, mesh.frag). It
// records draws only: attachments are begun by whoever runs the pass (the
// frame's render graph).
//
// Descriptors without descriptor indexing: one push-descriptor set holds the
// view uniforms, the material's four textures (defaults where a map is
// missing), the shadow atlas and the light and cluster buffers. It is pushed
// again only when a draw's textures differ from the last draw's.
#include <array>
#include <memory>

#include "kagami/core/result.h"
#include "kagami/gpu/device.h"
#include "kagami/render/draw_list.h"
#include "kagami/render/shader_types.h"

namespace kagami::render {

// What every draw of a frame shares.
struct MeshFrameBindings {
  VkBuffer view_uniforms = VK_NULL_HANDLE;  // shader::ViewUniforms
  VkBuffer lights = VK_NULL_HANDLE;         // shader::GpuLight[]
  VkBuffer clusters = VK_NULL_HANDLE;       // froxel light lists (any buffer when clustering is off)
  VkImageView shadow_atlas = VK_NULL_HANDLE;
  VkImageView local_shadow_atlas = VK_NULL_HANDLE;  // point/spot shadows: same format, layout and sampler
  VkImageLayout shadow_layout = VK_IMAGE_LAYOUT_UNDEFINED;
  VkSampler shadow_sampler = VK_NULL_HANDLE;
  VkBuffer joints = VK_NULL_HANDLE;  // the list's joint matrices (skinned draws); any buffer when there are none
};

class MeshPass {
 public:
  static Result<std::unique_ptr<MeshPass>> create(gpu::Device& device, VkFormat color_format, VkFormat depth_format);
  ~MeshPass();
  MeshPass(const MeshPass&) = delete;
  MeshPass& operator=(const MeshPass&) = delete;

  // Draws in the order given: opaque and masked draws, then blended ones
  // (blended draws test depth but do not write it).
  void record(VkCommandBuffer cmd, std::span<const DrawItem* const> draws, const MeshFrameBindings& frame,
              VkExtent2D extent) const;

 private:
  explicit MeshPass(gpu::Device& device) : device_(device) {}
  VkPipeline pipeline(const DrawItem& draw) const;

  gpu::Device& device_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  // By [skinned][blended][double-sided][normal-mapped].
  std::array<std::array<std::array<std::array<VkPipeline, 2>, 2>, 2>, 2> pipelines_{};
  VkSampler sampler_ = VK_NULL_HANDLE;
  gpu::Image white_;        // base colour, metal-rough and emissive default
  gpu::Image flat_normal_;  // (0.5, 0.5, 1): the unperturbed normal
};

}  // namespace kagami::render
