#pragma once
// Draws Dear ImGui's draw data as an ordinary render-graph pass with a small
// pipeline of ours (ImGui 1.86's Vulkan backend wants a classic VkRenderPass;
// the graph begins dynamic rendering itself). The font atlas is a texture we
// upload; vertices and indices go to host-visible buffers per frame slot; each
// draw command gets its own scissor.
#include <array>
#include <memory>

#include <imgui.h>

#include "kagami/gpu/device.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/frame_graph.h"

namespace kagami::editor {

class UiPass {
 public:
  static Result<std::unique_ptr<UiPass>> create(gpu::Device& device, VkFormat target_format);
  ~UiPass();
  UiPass(const UiPass&) = delete;
  UiPass& operator=(const UiPass&) = delete;

  // Uploads the current ImGui context's font atlas and gives it its texture id.
  void upload_fonts();
  // Copies `data` into this slot's buffers and adds a pass drawing it over `target`.
  graph::TextureHandle add_pass(render::FrameGraph& frame, std::uint32_t slot, const ImDrawData& data,
                                graph::TextureHandle target);
  // Rebuilds the pipeline from the .spv files on disk (shader hot reload); on an
  // error the old pipeline stays.
  Result<void> rebuild_pipeline();

 private:
  struct SlotBuffers {
    gpu::Buffer vertices, indices;
  };
  explicit UiPass(gpu::Device& device, VkFormat format) : device_(device), format_(format) {}
  void record(VkCommandBuffer cmd, VkExtent2D extent, std::uint32_t slot) const;

  gpu::Device& device_;
  VkFormat format_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
  VkSampler sampler_ = VK_NULL_HANDLE;
  gpu::Image font_;
  std::array<SlotBuffers, gpu::FrameRing::kSlots> buffers_;
  // What record() draws: the command lists copied out of this frame's draw data.
  struct Draw {
    ImVec4 clip;
    std::uint32_t index_count, first_index;
    std::int32_t vertex_offset;
  };
  std::vector<Draw> draws_;
  ImVec2 display_pos_{}, display_size_{}, framebuffer_scale_{1, 1};
};

}  // namespace kagami::editor
