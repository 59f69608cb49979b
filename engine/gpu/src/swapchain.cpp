#include "kagami/gpu/swapchain.h"

#include <algorithm>

#include "kagami/core/log.h"
#include "kagami/gpu/check.h"
#include "kagami/gpu/device.h"
#include "kagami/gpu/frames.h"

namespace kagami::gpu {

Swapchain::Swapchain(Device& device, VkSurfaceKHR surface, bool vsync)
    : device_(device), surface_(surface), vsync_(vsync) {
  choose_format();
}

// Chosen once, up front, so pipelines can be built for it before the first frame.
void Swapchain::choose_format() {
  VkPhysicalDevice physical = device_.context().physical_device();
  std::uint32_t count = 0;
  KAGAMI_VK(vkGetPhysicalDeviceSurfaceFormatsKHR(physical, surface_, &count, nullptr));
  std::vector<VkSurfaceFormatKHR> formats(count);
  KAGAMI_VK(vkGetPhysicalDeviceSurfaceFormatsKHR(physical, surface_, &count, formats.data()));
  if (formats.empty()) throw VulkanError("the window surface offers no formats", VK_ERROR_FORMAT_NOT_SUPPORTED);
  // Our final pass writes display-referred values, so an sRGB format does the encoding.
  VkSurfaceFormatKHR chosen = formats[0];
  for (auto f : formats)
    if ((f.format == VK_FORMAT_B8G8R8A8_SRGB || f.format == VK_FORMAT_R8G8B8A8_SRGB) &&
        f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR)
      chosen = f;
  format_ = chosen.format;
  color_space_ = chosen.colorSpace;
}

Swapchain::~Swapchain() {
  device_.wait_idle();
  destroy_views();
  if (swapchain_) vkDestroySwapchainKHR(device_.vk(), swapchain_, nullptr);
}

void Swapchain::destroy_views() {
  for (auto v : views_) vkDestroyImageView(device_.vk(), v, nullptr);
  for (auto s : render_finished_) vkDestroySemaphore(device_.vk(), s, nullptr);
  views_.clear();
  render_finished_.clear();
}

void Swapchain::recreate(std::uint32_t width, std::uint32_t height) {
  VkPhysicalDevice physical = device_.context().physical_device();
  VkSurfaceCapabilitiesKHR caps;
  KAGAMI_VK(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(physical, surface_, &caps));
  VkExtent2D extent = caps.currentExtent;
  if (extent.width == UINT32_MAX) {
    extent.width = std::clamp(width, caps.minImageExtent.width, caps.maxImageExtent.width);
    extent.height = std::clamp(height, caps.minImageExtent.height, caps.maxImageExtent.height);
  }
  if (extent.width == 0 || extent.height == 0) return;  // minimised: stay stale, try again later

  VkPresentModeKHR mode = VK_PRESENT_MODE_FIFO_KHR;  // always available
  if (!vsync_) {
    std::uint32_t count = 0;
    vkGetPhysicalDeviceSurfacePresentModesKHR(physical, surface_, &count, nullptr);
    std::vector<VkPresentModeKHR> modes(count);
    vkGetPhysicalDeviceSurfacePresentModesKHR(physical, surface_, &count, modes.data());
    for (auto m : modes)
      if (m == VK_PRESENT_MODE_MAILBOX_KHR || (m == VK_PRESENT_MODE_IMMEDIATE_KHR && mode == VK_PRESENT_MODE_FIFO_KHR))
        mode = m;
  }

  device_.wait_idle();
  destroy_views();
  VkSwapchainCreateInfoKHR info{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
  info.surface = surface_;
  info.minImageCount = std::max(caps.minImageCount, 3u);
  if (caps.maxImageCount) info.minImageCount = std::min(info.minImageCount, caps.maxImageCount);
  info.imageFormat = format_;
  info.imageColorSpace = color_space_;
  info.imageExtent = extent;
  info.imageArrayLayers = 1;
  info.imageUsage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  // Screenshots of the window (the editor's) copy the presented image out, where the surface allows it.
  info.imageUsage |= caps.supportedUsageFlags & VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
  info.preTransform = caps.currentTransform;
  info.compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR;
  info.presentMode = mode;
  info.clipped = VK_TRUE;
  info.oldSwapchain = swapchain_;
  VkSwapchainKHR fresh = VK_NULL_HANDLE;
  KAGAMI_VK(vkCreateSwapchainKHR(device_.vk(), &info, nullptr, &fresh));
  if (swapchain_) vkDestroySwapchainKHR(device_.vk(), swapchain_, nullptr);
  swapchain_ = fresh;
  extent_ = extent;

  std::uint32_t count = 0;
  vkGetSwapchainImagesKHR(device_.vk(), swapchain_, &count, nullptr);
  images_.resize(count);
  vkGetSwapchainImagesKHR(device_.vk(), swapchain_, &count, images_.data());
  for (auto image : images_) {
    VkImageViewCreateInfo view{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    view.image = image;
    view.viewType = VK_IMAGE_VIEW_TYPE_2D;
    view.format = format_;
    view.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    VkImageView v = VK_NULL_HANDLE;
    KAGAMI_VK(vkCreateImageView(device_.vk(), &view, nullptr, &v));
    views_.push_back(v);
    VkSemaphoreCreateInfo sem{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    VkSemaphore s = VK_NULL_HANDLE;
    KAGAMI_VK(vkCreateSemaphore(device_.vk(), &sem, nullptr, &s));
    render_finished_.push_back(s);
  }
  stale_ = false;
  ++recreate_count_;
  log::debug("swapchain ", extent.width, "x", extent.height, ", ", count, " images");
}

AcquireStatus Swapchain::acquire(std::uint32_t width, std::uint32_t height, VkSemaphore image_available) {
  if (width == 0 || height == 0) return AcquireStatus::skip;
  if (stale_ || width != extent_.width || height != extent_.height) recreate(width, height);
  if (stale_) return AcquireStatus::skip;
  VkResult r = vkAcquireNextImageKHR(device_.vk(), swapchain_, UINT64_MAX, image_available, VK_NULL_HANDLE, &index_);
  if (r == VK_ERROR_OUT_OF_DATE_KHR) {
    stale_ = true;
    return AcquireStatus::skip;
  }
  if (r == VK_SUBOPTIMAL_KHR) stale_ = true;  // this image is still usable; recreate next frame
  else KAGAMI_VK(r);
  return AcquireStatus::ok;
}

void Swapchain::present(VkSemaphore render_finished) {
  VkPresentInfoKHR info{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
  info.waitSemaphoreCount = 1;
  info.pWaitSemaphores = &render_finished;
  info.swapchainCount = 1;
  info.pSwapchains = &swapchain_;
  info.pImageIndices = &index_;
  VkResult r = vkQueuePresentKHR(device_.context().queue(), &info);
  if (r == VK_ERROR_OUT_OF_DATE_KHR || r == VK_SUBOPTIMAL_KHR) stale_ = true;
  else KAGAMI_VK(r);
}

void submit_and_present(FrameRing& frames, Swapchain& swapchain) {
  VkSemaphoreSubmitInfo wait{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
  wait.semaphore = frames.image_available();
  wait.stageMask = VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT;
  VkSemaphoreSubmitInfo signal{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
  signal.semaphore = swapchain.render_finished();
  signal.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
  frames.end_and_submit({&wait, 1}, {&signal, 1});
  swapchain.present(signal.semaphore);
}

}  // namespace kagami::gpu
