#include "kagami/editor/window_loop.h"

#include <chrono>

#include "kagami/core/image.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/readback.h"

namespace kagami::editor {

namespace {

// What GLFW only reports through callbacks, gathered between frames.
struct CallbackInput {
  float wheel = 0.0f;
  std::string text;
};

CallbackInput* callback_input(GLFWwindow* window) { return static_cast<CallbackInput*>(glfwGetWindowUserPointer(window)); }

void append_utf8(std::string& out, unsigned int c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

}  // namespace

void install_input_callbacks(GLFWwindow* window) {
  static CallbackInput input;  // one editor window per process
  glfwSetWindowUserPointer(window, &input);
  glfwSetScrollCallback(window, [](GLFWwindow* w, double, double dy) {
    if (auto* in = callback_input(w)) in->wheel += float(dy);
  });
  glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int c) {
    if (auto* in = callback_input(w)) append_utf8(in->text, c);
  });
}

InputState poll_window_input(GLFWwindow* window) {
  InputState in;
  double x = 0, y = 0;
  glfwGetCursorPos(window, &x, &y);
  // Cursor positions are in window coordinates; the editor works in framebuffer pixels.
  int ww = 1, wh = 1, fw = 1, fh = 1;
  glfwGetWindowSize(window, &ww, &wh);
  glfwGetFramebufferSize(window, &fw, &fh);
  if (glfwGetWindowAttrib(window, GLFW_HOVERED) || glfwGetWindowAttrib(window, GLFW_FOCUSED))
    in.mouse = glm::vec2(float(x) * float(fw) / float(std::max(ww, 1)), float(y) * float(fh) / float(std::max(wh, 1)));
  in.buttons = {glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS,
                glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS,
                glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS};
  for (int key = GLFW_KEY_SPACE; key <= GLFW_KEY_LAST && key < 512; ++key)
    in.keys[std::size_t(key)] = glfwGetKey(window, key) == GLFW_PRESS;
  in.ctrl = in.keys[GLFW_KEY_LEFT_CONTROL] || in.keys[GLFW_KEY_RIGHT_CONTROL];
  in.shift = in.keys[GLFW_KEY_LEFT_SHIFT] || in.keys[GLFW_KEY_RIGHT_SHIFT];
  in.alt = in.keys[GLFW_KEY_LEFT_ALT] || in.keys[GLFW_KEY_RIGHT_ALT];
  if (auto* cb = callback_input(window)) {
    in.wheel = cb->wheel;
    in.text = std::move(cb->text);
    *cb = {};
  }
  return in;
}

Result<WindowRunReport> run_editor_window(GLFWwindow* window, gpu::Swapchain& swapchain, gpu::Device& device,
                                          Editor& editor, const WindowRunOptions& options) {
  if (!options.script) install_input_callbacks(window);
  gpu::FrameRing frames(device);
  WindowRunReport report;
  const auto start = std::chrono::steady_clock::now();
  auto last = start;
  InputState input;
  std::optional<render::Readback> capture;
  bool capturing = false;
  for (std::uint64_t frame = 0;; ++frame) {
    glfwPollEvents();
    if (glfwWindowShouldClose(window)) {
      glfwSetWindowShouldClose(window, GLFW_FALSE);
      editor.request_close();  // asks first when there are unsaved changes
    }
    const bool done = editor.should_quit() || (options.frame_limit && frame >= *options.frame_limit);
    if (!capturing) {
      if (!done && options.script) {
        input = {};
        if (!options.script(frame, input, editor)) capturing = true;
      } else if (!done) {
        input = poll_window_input(window);
      } else {
        capturing = true;
      }
      if (capturing && !options.screenshot) break;
    }
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    VkCommandBuffer cmd = frames.begin();
    if (swapchain.acquire(std::uint32_t(w), std::uint32_t(h), frames.image_available()) == gpu::AcquireStatus::skip) {
      frames.end_and_submit({}, {});
      continue;
    }
    const VkExtent2D extent = swapchain.extent();
    if (capturing) {
      // One more frame with the last input, copied out for the screenshot.
      input.buttons = {};
      capture = render::make_readback(device, swapchain.format(), extent);
      editor.capture_next_frame(&*capture);
    }
    render::FrameTarget target{swapchain.image(), swapchain.view(), swapchain.format(), extent};
    // Scripts get a clock from the frame number (deterministic runs); people get the real one.
    const double now = options.script ? double(frame) / 60.0
                                      : std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (auto recorded = editor.frame(cmd, frames.slot(), target, input, now); !recorded) return recorded.error();
    gpu::submit_and_present(frames, swapchain);

    const auto now_time = std::chrono::steady_clock::now();
    if (report.frames == 0) report.first_frame_ms = std::chrono::duration<double, std::milli>(now_time - start).count();
    report.frame_ms.push_back(std::chrono::duration<double, std::milli>(now_time - last).count());
    if (!report.first_resident && editor.scene_resident()) report.first_resident = report.frame_ms.size() - 1;
    last = now_time;
    ++report.frames;
    if (capturing) break;
  }
  device.wait_idle();
  if (capture) {
    auto image = render::finish_readback(device, *capture);
    if (!image) return image.error();
    if (auto written = write_png(*options.screenshot, *image); !written) return written.error();
  }
  return report;
}

}  // namespace kagami::editor
