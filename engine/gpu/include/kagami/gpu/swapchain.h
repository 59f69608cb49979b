#pragma once
// A swapchain over a surface the caller created (the gpu module knows no
// window system). It survives resizing, minimising (a 0x0 extent: the caller
// skips the frame), VK_SUBOPTIMAL_KHR and VK_ERROR_OUT_OF_DATE_KHR by
// recreating itself at the next acquire.
#include <cstdint>
#include <vector>

#include <vulkan/vulkan.h>

namespace kagami::gpu {

class Device;
class FrameRing;

enum class AcquireStatus { ok, skip };  // skip: minimised or being recreated; render nothing this frame

class Swapchain {
 public:
  Swapchain(Device& device, VkSurfaceKHR surface, bool vsync);
  ~Swapchain();
  Swapchain(const Swapchain&) = delete;
  Swapchain& operator=(const Swapchain&) = delete;

  // `width`/`height`: the window's current framebuffer size.
  AcquireStatus acquire(std::uint32_t width, std::uint32_t height, VkSemaphore image_available);
  // Presents the acquired image once `render_finished` is signalled.
  void present(VkSemaphore render_finished);

  VkImage image() const { return images_[index_]; }
  VkImageView view() const { return views_[index_]; }
  // One semaphore per image: safe to reuse once that image is acquired again.
  VkSemaphore render_finished() const { return render_finished_[index_]; }
  VkFormat format() const { return format_; }
  VkExtent2D extent() const { return extent_; }
  std::uint32_t recreate_count() const { return recreate_count_; }

 private:
  void choose_format();
  void recreate(std::uint32_t width, std::uint32_t height);
  void destroy_views();

  Device& device_;
  VkSurfaceKHR surface_;
  bool vsync_;
  VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
  VkFormat format_ = VK_FORMAT_UNDEFINED;
  VkColorSpaceKHR color_space_ = VK_COLOR_SPACE_SRGB_NONLINEAR_KHR;
  VkExtent2D extent_{0, 0};
  std::vector<VkImage> images_;
  std::vector<VkImageView> views_;
  std::vector<VkSemaphore> render_finished_;
  std::uint32_t index_ = 0;
  bool stale_ = true;
  std::uint32_t recreate_count_ = 0;
};

// Ends the frame's command buffer and submits it waiting for the acquired
// image (at colour output) and signalling the image's render_finished, then presents it.
void submit_and_present(FrameRing& frames, Swapchain& swapchain);

}  // namespace kagami::gpu
