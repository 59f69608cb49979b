#pragma once
// A GLFW window with a Vulkan surface. GLFW is initialised lazily so headless
// runs never touch the display.
#include <cstdint>
#include <memory>
#include <vector>

#include <GLFW/glfw3.h>

#include "cli.h"
#include "kagami/core/result.h"
#include "kagami/gpu/device.h"

namespace kagami::app {

class Window {
 public:
  // Fails (with a reason) when there is no display to open a window on.
  static Result<std::unique_ptr<Window>> open(unsigned width, unsigned height, const char* title);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  static std::vector<const char*> required_instance_extensions();
  VkSurfaceKHR create_surface(VkInstance instance);
  bool should_close() const;
  void poll();
  void framebuffer_size(std::uint32_t* width, std::uint32_t* height) const;
  void set_title(const char* title);
  GLFWwindow* handle() const { return window_; }

 private:
  Window() = default;
  GLFWwindow* window_ = nullptr;
};

// True when a window can be opened (a display is set and GLFW starts).
bool display_available();

struct WindowAndDevice {
  std::unique_ptr<Window> window;
  std::unique_ptr<gpu::Device> device;  // with the window's instance extensions and a swapchain
};
// A window of --size (1280x720 by default) and a device that can present to it.
Result<WindowAndDevice> open_window_and_device(const Options& options, const char* title);

}  // namespace kagami::app
