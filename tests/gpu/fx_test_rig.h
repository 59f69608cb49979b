#pragma once
// Runs effect frames offscreen for GPU and golden tests: one colour target,
// one executor, each frame built by a callback and submitted at once.
#include <functional>

#include "kagami/render/buffer_readback.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/readback.h"
#include "kagami/render/snow_stage.h"
#include "kagami/render/snow_system.h"

namespace kagami::testing {

class FxRig {
 public:
  static constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;
  using BuildFn = std::function<graph::TextureHandle(render::FrameGraph&, graph::TextureHandle color)>;

  FxRig(gpu::Device& device, VkExtent2D extent)
      : device_(device), executor_(device), extent_(extent),
        color_(render::create_color_target(device, kFormat, extent, "fx colour")) {}
  ~FxRig() { device_.retire(color_); }

  VkExtent2D extent() const { return extent_; }

  // A frame that draws nothing into the colour target (e.g. simulation only).
  Result<void> run(const std::function<void(render::FrameGraph&)>& build) {
    frame_.clear();
    build(frame_);
    return submit();
  }

  // A frame drawing into the colour target (cleared to `clear`), read back as RGBA8.
  Result<ImageRgba8> render(const BuildFn& build, glm::vec4 clear = {0.02f, 0.025f, 0.035f, 1.0f}) {
    frame_.clear();
    render::FrameTarget target{color_.handle, color_.view, kFormat, extent_};
    target.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
    target.final_state = {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
    graph::TextureHandle color = build(frame_, render::import_target(frame_, target, clear));
    render::Readback readback = render::make_readback(device_, kFormat, extent_);
    render::add_readback_pass(frame_, color, readback);
    if (auto ok = submit(); !ok) {
      device_.retire(readback.buffer);
      return ok.error();
    }
    return render::finish_readback(device_, readback);
  }

 private:
  Result<void> submit() {
    Result<void> executed;
    device_.run_now([&](VkCommandBuffer cmd) { executed = executor_.execute(frame_, cmd, 0); });
    return executed;
  }

  gpu::Device& device_;
  render::GraphExecutor executor_;
  render::FrameGraph frame_;
  VkExtent2D extent_;
  gpu::Image color_;
};

// Frame i of a test at 24 frames per second.
inline render::FxTime fx_time(std::uint32_t frame) {
  return {frame, float(frame + 1) / 24.0f, 1.0f / 24.0f};
}

}  // namespace kagami::testing
