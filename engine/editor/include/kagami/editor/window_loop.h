#pragma once
// Runs the editor in a GLFW window: input from the window (or from a script,
// for tests and measurements), one frame per swapchain image, until the editor
// quits or the window closes.
#include <GLFW/glfw3.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>

#include "kagami/editor/editor.h"
#include "kagami/gpu/swapchain.h"

namespace kagami::editor {

// Called before each frame with the frame number; fills `input` (the window's
// input is not used while a script runs). Returns false to stop.
using InputScript = std::function<bool(std::uint64_t frame, InputState& input, Editor& editor)>;

struct WindowRunOptions {
  InputScript script;
  std::optional<std::uint64_t> frame_limit;
  // Written after the last frame: a PNG of the whole window (the editor as the user saw it).
  std::optional<std::filesystem::path> screenshot;
};

struct WindowRunReport {
  std::uint64_t frames = 0;
  double first_frame_ms = 0.0;  // from the loop's start until the first frame was presented
  std::vector<double> frame_ms;  // wall time per presented frame
  std::optional<std::size_t> first_resident;  // index in frame_ms of the first frame with the whole scene on the GPU
};

// `editor` draws in `swapchain`'s format (Editor::create with swapchain.format()).
Result<WindowRunReport> run_editor_window(GLFWwindow* window, gpu::Swapchain& swapchain, gpu::Device& device,
                                          Editor& editor, const WindowRunOptions& options);

// The window's mouse and keyboard now, and the wheel/characters since the last call.
InputState poll_window_input(GLFWwindow* window);
// Installs the scroll and character callbacks poll_window_input reads.
void install_input_callbacks(GLFWwindow* window);

}  // namespace kagami::editor
