// The swapchain in a real window (run under Xvfb by CTest): it survives
// resizing, minimising (0x0: frames are skipped) and recreation, with
// validation and synchronization validation on.
#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include "../gpu/gpu_fixture.h"
#include "kagami/gpu/barriers.h"
#include "kagami/gpu/frames.h"
#include "kagami/gpu/swapchain.h"

namespace kagami {
namespace {

class SwapchainWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(glfwInit(), GLFW_TRUE) << "no display: this test runs under xvfb-run";
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    window_ = glfwCreateWindow(320, 240, "kagami swapchain test", nullptr, nullptr);
    ASSERT_NE(window_, nullptr);
    gpu::ContextOptions options;
    options.validation = true;
    options.want_swapchain = true;
    std::uint32_t count = 0;
    const char** names = glfwGetRequiredInstanceExtensions(&count);
    options.instance_extensions.assign(names, names + count);
    auto created = gpu::Device::create(options);
    ASSERT_TRUE(created.ok()) << created.error().message;
    device_ = std::move(*created);
    ASSERT_EQ(glfwCreateWindowSurface(device_->context().instance(), window_, nullptr, &surface_), VK_SUCCESS);
  }

  void TearDown() override {
    if (device_) {
      device_->wait_idle();
      if (surface_) vkDestroySurfaceKHR(device_->context().instance(), surface_, nullptr);
      EXPECT_EQ(device_->context().validation_log().error_count(), 0)
          << device_->context().validation_log().error_report();
      device_.reset();
    }
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
  }

  // Clears the acquired image and presents it; returns false when the frame was skipped.
  bool frame(gpu::Swapchain& swapchain, gpu::FrameRing& frames) {
    glfwPollEvents();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    VkCommandBuffer cmd = frames.begin();
    if (swapchain.acquire(std::uint32_t(w), std::uint32_t(h), frames.image_available()) == gpu::AcquireStatus::skip) {
      frames.end_and_submit({}, {});
      return false;
    }
    const gpu::SyncScope transfer_write{VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT};
    gpu::transition_image(cmd, swapchain.image(), VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                          {VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, VK_ACCESS_2_NONE}, transfer_write);
    VkClearColorValue color{{0.2f, 0.4f, 0.8f, 1.0f}};
    VkImageSubresourceRange range{VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    vkCmdClearColorImage(cmd, swapchain.image(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &color, 1, &range);
    // Presentation is ordered by the semaphore, so the transition waits on nothing further.
    gpu::transition_image(cmd, swapchain.image(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
                          transfer_write, {});

    VkSemaphoreSubmitInfo wait{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
    wait.semaphore = frames.image_available();
    wait.stageMask = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT;
    VkSemaphoreSubmitInfo signal{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
    signal.semaphore = swapchain.render_finished();
    signal.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
    frames.end_and_submit({&wait, 1}, {&signal, 1});
    swapchain.present(signal.semaphore);
    return true;
  }

  // Xvfb applies window changes asynchronously: poll until the framebuffer reports `w`x`h`.
  void wait_for_size(int w, int h) {
    for (int i = 0; i < 200; ++i) {
      glfwPollEvents();
      int fw = 0, fh = 0;
      glfwGetFramebufferSize(window_, &fw, &fh);
      if (fw == w && fh == h) return;
      glfwWaitEventsTimeout(0.01);
    }
  }

  GLFWwindow* window_ = nullptr;
  std::unique_ptr<gpu::Device> device_;
  VkSurfaceKHR surface_ = VK_NULL_HANDLE;
};

TEST_F(SwapchainWindowTest, PresentsAndSurvivesResizing) {
  gpu::Swapchain swapchain(*device_, surface_, /*vsync=*/true);
  gpu::FrameRing frames(*device_);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(frame(swapchain, frames));
  EXPECT_EQ(swapchain.extent().width, 320u);
  const auto created = swapchain.recreate_count();

  glfwSetWindowSize(window_, 500, 300);
  wait_for_size(500, 300);
  int presented = 0;
  for (int i = 0; i < 8; ++i) presented += frame(swapchain, frames);
  EXPECT_GE(presented, 6);
  EXPECT_EQ(swapchain.extent().width, 500u);
  EXPECT_EQ(swapchain.extent().height, 300u);
  EXPECT_GT(swapchain.recreate_count(), created);
}

TEST_F(SwapchainWindowTest, ZeroSizedFramesAreSkippedNotFatal) {
  gpu::Swapchain swapchain(*device_, surface_, /*vsync=*/true);
  gpu::FrameRing frames(*device_);
  EXPECT_TRUE(frame(swapchain, frames));
  // What a minimised window reports: a 0x0 framebuffer.
  VkCommandBuffer cmd = frames.begin();
  (void)cmd;
  EXPECT_EQ(swapchain.acquire(0, 0, frames.image_available()), gpu::AcquireStatus::skip);
  frames.end_and_submit({}, {});
  EXPECT_TRUE(frame(swapchain, frames)) << "rendering resumes when the window comes back";
}

}  // namespace
}  // namespace kagami
