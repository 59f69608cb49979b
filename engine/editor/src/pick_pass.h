#pragma once
// Click-to-select: an entity-id pass in the render graph draws every mesh
// with its entity id into an R32_UINT target (with its own depth), and a
// transfer pass copies the one pixel under the click into a host buffer of
// the frame slot. The id is read when that slot comes round again (its frame
// has retired), so picking never stalls the GPU. Only frames with a pending
// click add the passes.
#include <array>
#include <memory>
#include <optional>

#include "kagami/gpu/device.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/draw_list.h"
#include "kagami/render/frame_graph.h"

namespace kagami::editor {

class PickPass {
 public:
  static constexpr VkFormat kIdFormat = VK_FORMAT_R32_UINT;
  static Result<std::unique_ptr<PickPass>> create(gpu::Device& device);
  ~PickPass();
  PickPass(const PickPass&) = delete;
  PickPass& operator=(const PickPass&) = delete;

  // After FrameRing::begin for `slot`: the entity id picked by the frame that
  // last used this slot (0: background), if that frame picked.
  std::optional<std::uint32_t> take_result(std::uint32_t slot);
  // Adds the id pass (drawn into `area` of an `extent` target, as the scene
  // is) and the one-pixel copy of `pixel` (target coordinates).
  void add_passes(render::FrameGraph& frame, std::uint32_t slot, const render::DrawList& draws,
                  const glm::mat4& view_proj, VkExtent2D extent, VkRect2D area, glm::uvec2 pixel);
  Result<void> rebuild_pipeline();

 private:
  explicit PickPass(gpu::Device& device) : device_(device) {}
  void record(VkCommandBuffer cmd, const render::DrawList& draws, const glm::mat4& view_proj, VkRect2D area) const;

  gpu::Device& device_;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> results_;
  std::array<bool, gpu::FrameRing::kSlots> pending_{};
};

}  // namespace kagami::editor
