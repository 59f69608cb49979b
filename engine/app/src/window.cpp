#include "window.h"

#include <cstdlib>

#include "kagami/gpu/check.h"
#include "model_view.h"

namespace kagami::app {
namespace {

bool glfw_started() {
  static bool ok = [] {
    glfwSetErrorCallback([](int, const char*) {});  // failures are reported through return values
    return glfwInit() == GLFW_TRUE && glfwVulkanSupported() == GLFW_TRUE;
  }();
  return ok;
}

}  // namespace

bool display_available() {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  if ((!x11 || !*x11) && (!wayland || !*wayland)) return false;
  return glfw_started();
}

Result<std::unique_ptr<Window>> Window::open(unsigned width, unsigned height, const char* title) {
  if (!display_available()) return make_error("no display to open a window on");
  glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  glfwWindowHint(GLFW_RESIZABLE, GLFW_TRUE);
  std::unique_ptr<Window> w(new Window());
  w->window_ = glfwCreateWindow(int(width), int(height), title, nullptr, nullptr);
  if (!w->window_) return make_error("could not create a window");
  return w;
}

Window::~Window() {
  if (window_) glfwDestroyWindow(window_);
}

std::vector<const char*> Window::required_instance_extensions() {
  std::uint32_t count = 0;
  const char** names = glfw_started() ? glfwGetRequiredInstanceExtensions(&count) : nullptr;
  return names ? std::vector<const char*>(names, names + count) : std::vector<const char*>{};
}

VkSurfaceKHR Window::create_surface(VkInstance instance) {
  VkSurfaceKHR surface = VK_NULL_HANDLE;
  KAGAMI_VK(glfwCreateWindowSurface(instance, window_, nullptr, &surface));
  return surface;
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }
void Window::poll() { glfwPollEvents(); }

void Window::framebuffer_size(std::uint32_t* width, std::uint32_t* height) const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  *width = std::uint32_t(w);
  *height = std::uint32_t(h);
}

void Window::set_title(const char* title) { glfwSetWindowTitle(window_, title); }

Result<WindowAndDevice> open_window_and_device(const Options& options, const char* title) {
  const Size size = options.size.value_or(Size{1280, 720});
  auto window = Window::open(size.width, size.height, title);
  if (!window) return window.error();
  gpu::ContextOptions context = context_options(options);
  context.instance_extensions = Window::required_instance_extensions();
  context.want_swapchain = true;
  auto device = gpu::Device::create(context);
  if (!device) return device.error();
  return WindowAndDevice{std::move(*window), std::move(*device)};
}

}  // namespace kagami::app
