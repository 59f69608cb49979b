#pragma once
// `kagami edit`: the scene editor. One Editor draws one frame at a time into
// a target (a swapchain image): the scene as the renderer draws it in the
// viewport, then the ImGui panels through our own UI pass, all in one render
// graph. Input arrives as an InputState per frame, from the window or from a
// test's script, so everything a user can do can be scripted.
#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "kagami/editor/document.h"
#include "kagami/editor/selection.h"
#include "kagami/editor/sequence_document.h"
#include "kagami/editor/viewport_math.h"
#include "kagami/gpu/device.h"
#include "kagami/render/frame_target.h"
#include "kagami/render/readback.h"

namespace kagami::editor {

// The mouse and keyboard this frame. Keys are GLFW key codes.
struct InputState {
  glm::vec2 mouse{-1.0f, -1.0f};  // pixels, top-left origin; negative: outside the window
  std::array<bool, 3> buttons{};  // left, right, middle
  float wheel = 0.0f;
  std::array<bool, 512> keys{};
  bool ctrl = false, shift = false, alt = false;
  std::string text;  // characters typed this frame (UTF-8)
  void press(int key) { if (key >= 0 && key < 512) keys[std::size_t(key)] = true; }
};

struct EditorOptions {
  std::filesystem::path cache_dir;     // cooked models
  std::filesystem::path project_root;  // holds assets/ and scenes/ (the asset browser)
};

enum class GizmoMode { translate, rotate, scale };

class Editor {
 public:
  static Result<std::unique_ptr<Editor>> create(gpu::Device& device, VkFormat target_format,
                                                const EditorOptions& options);
  ~Editor();
  Editor(const Editor&) = delete;
  Editor& operator=(const Editor&) = delete;

  // Opens a scene file now (use request_open from the UI: it asks about unsaved changes),
  // with the sequence written against it when its folder has one (find_sequence_for_scene).
  Result<void> open(const std::filesystem::path& path);
  // Opens a sequence in the timeline now, replacing the one open.
  Result<void> open_sequence(const std::filesystem::path& path);
  SequenceDocument* sequence_document();  // nullptr: none open
  Transport& transport();
  // Where the dope sheet drew (last frame) a key of `channel` at `time` (the
  // channel's own time), in window pixels; nullopt when the row is not shown.
  std::optional<glm::vec2> timeline_point(const ChannelRef& channel, double time) const;
  // The point of the time ruler at sequence time `time` (scrubbing there moves the playhead).
  std::optional<glm::vec2> timeline_ruler(double time) const;
  // Records one frame into `cmd` ending in `target`. `now_seconds`: a monotonic clock.
  Result<void> frame(VkCommandBuffer cmd, std::uint32_t slot, const render::FrameTarget& target,
                     const InputState& input, double now_seconds);

  // The next frame also copies its finished image into `readback` (a screenshot);
  // read it with render::finish_readback once that frame has completed.
  void capture_next_frame(render::Readback* readback) { capture_ = readback; }

  // The window's close button: quits at once when nothing is unsaved, else asks.
  void request_close();
  bool should_quit() const;

  Document& document();
  Selection& selection();
  ViewCamera& camera();
  GizmoMode& gizmo_mode();
  // Where the viewport is in the window (pixels), and where a world point shows in it.
  VkRect2D viewport_area() const;
  std::optional<glm::vec2> world_to_window(const glm::vec3& world) const;
  // The world box of an entity's model when resident, else a metre around its origin.
  Aabb bounds_of(scene::EntityId id) const;
  // Every model of the open scene is on the GPU.
  bool scene_resident() const;
  // Milliseconds of CPU the last frame took to build and record.
  double last_frame_ms() const;

  // Everything the panels share; opaque outside the editor module.
  struct State;

 private:
  explicit Editor(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
  render::Readback* capture_ = nullptr;
};

}  // namespace kagami::editor
