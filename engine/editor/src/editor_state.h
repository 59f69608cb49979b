#pragma once
// Everything the editor's panels share. Panels are free functions over this
// state, one file each; the Editor class only drives the frame.
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "kagami/core/job_system.h"
#include "kagami/core/log.h"
#include "kagami/editor/clipboard.h"
#include "kagami/editor/editor.h"
#include "kagami/editor/sequence_document.h"
#include "kagami/render/character_models.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/scene_streamer.h"
#include "kagami/sequencer/scene_binding.h"
#include "pick_pass.h"
#include "ui_pass.h"

namespace kagami::editor {

struct LogLine {
  log::Level level;
  std::string text;
};

// The log as the console shows it: written from any thread (streaming workers log).
class LogBuffer {
 public:
  static constexpr std::size_t kMaxLines = 2000;
  void add(log::Level level, std::string_view text);
  std::vector<LogLine> snapshot() const;
  void clear();

 private:
  mutable std::mutex mutex_;
  std::deque<LogLine> lines_;
};

// A gizmo drag in progress: what it started from.
struct GizmoDrag {
  int axis = -1;  // 0..2, -1: none
  float start_param = 0.0f;  // along the axis (translate, scale) or angle (rotate)
  std::vector<std::pair<scene::EntityId, scene::Transform>> start;  // local transforms when the drag began
  glm::vec3 origin{0.0f};  // gizmo position when the drag began (world)
};

// The timeline panel's own state: what is selected, what is shown, and a drag in progress.
struct TimelineView {
  std::vector<KeyRef> selected;
  std::optional<ChannelRef> channel;  // the row last clicked: the curve view shows it, Add key keys it
  bool curves = false;                // the curve view instead of the dope sheet
  bool view_through_cut = false;      // the viewport looks through the active camera cut
  float scroll = 0.0f;                // rows scrolled off the top
  bool focused = false;               // undo and redo go to the sequence while the timeline has focus
  // Geometry of the last drawn dope sheet (scripted tests and hit tests use it).
  float x0 = 0.0f, x1 = 0.0f, top = 0.0f, rows_top = 0.0f, row_height = 18.0f;  // rows_top moves with scrolling
  std::vector<ChannelInfo> rows;  // channels as drawn, top to bottom
  // A drag of keys (dope sheet) or of a key's value or tangent (curve view).
  enum class Drag { none, keys, scrub, loop, value, in_tangent, out_tangent } drag = Drag::none;
  bool drag_moved = false;
  float press_x = 0.0f, press_y = 0.0f;
  double press_time = 0.0;
  sequencer::Sequence drag_start;
  std::vector<KeyRef> drag_keys;
  KeyRef curve_key;
  int curve_component = 0;
};

// What the viewport shows while a sequence is open: a copy of the scene with
// the sequence applied at the playhead (the document itself never changes, so
// scrubbing makes no undo steps and saves never write animated values).
struct SequencePreview {
  bool stale = true;
  std::uint64_t scene_state = 0, sequence_state = 0;
  scene::Scene scene;
  sequencer::SceneBinding binding;
  sequencer::SequenceState state;
  std::optional<sequencer::CameraView> camera;  // the cut's view at the playhead
  bool valid = false;                           // bound and applied this frame
};

// A decision the user must take before something else happens.
enum class Prompt { none, unsaved_before_quit, unsaved_before_open, recovery, open_path, save_as_path, sequence_recovery,
                    sequence_save_as_path };

struct Editor::State {
  gpu::Device& device;
  VkFormat format;
  EditorOptions options;

  Document doc;
  std::optional<SequenceDocument> seq;  // the sequence beside the scene, when there is one
  Transport transport;
  TimelineView timeline;
  SequencePreview preview;
  Selection selection;
  Clipboard clipboard;
  ViewCamera camera;
  GizmoMode gizmo = GizmoMode::translate;
  bool snapping = true;
  float snap_translate = 0.5f, snap_rotate_degrees = 15.0f, snap_scale = 0.1f;
  GizmoDrag drag;
  int hovered_axis = -1;

  ImGuiContext* imgui = nullptr;
  std::unique_ptr<render::ForwardRenderer> renderer;
  std::unique_ptr<UiPass> ui;
  std::unique_ptr<PickPass> pick;
  std::unique_ptr<JobSystem> jobs;
  std::unique_ptr<render::SceneStreamer> streamer;
  std::optional<render::SceneHandle> scene_handle;
  std::map<std::string, std::string, std::less<>> streamed_assets;  // the asset table the streamer knows
  render::DrawList draws;
  // The cast, loaded when a scene first shows a character; a registry that
  // fails to load is reported once in the status line, not every frame.
  std::unique_ptr<render::CharacterModels> characters;
  bool characters_failed = false;
  void add_characters();  // the scene's characters, idling, into draws
  render::Lighting lighting;  // this frame's: the graph reads it until it has executed

  // Viewport: where it is in the window this frame, and its camera.
  VkRect2D area{};
  glm::mat4 view_proj{1.0f};
  std::optional<glm::uvec2> pick_pixel;  // a click to resolve this frame
  ClickMode pick_click_mode = ClickMode::replace;
  std::array<ClickMode, gpu::FrameRing::kSlots> pick_mode{};

  std::vector<scene::EntityId> outliner_order;  // rows as this frame draws them
  std::vector<scene::EntityId> outliner_shown;  // the last complete frame's rows: shift-click ranges use them
  struct Rename {
    scene::EntityId id = scene::kNoEntity;  // the row being renamed in place
    char buffer[256] = {};
    bool focus = false;
  } rename;
  LogBuffer log;
  int log_sink = -1;
  Prompt prompt = Prompt::none;
  std::filesystem::path pending_open;
  char path_buffer[1024] = {};
  bool quit = false;
  std::string status;  // last error or notice, shown in the menu bar

  std::deque<double> frame_ms;  // recent CPU frame times
  double last_frame_ms = 0.0;
  double last_reload_check = 0.0;
  std::optional<double> previous_time;
  std::map<std::filesystem::path, std::filesystem::file_time_type> shader_times;
  std::uint64_t frame_index = 0;

  State(gpu::Device& d, VkFormat f, EditorOptions o) : device(d), format(f), options(std::move(o)) {}

  // Runs a command, selecting what it names on success; failures go to the status line and the log.
  bool run(std::unique_ptr<Command> command);
  template <typename T>
  bool run(Result<std::unique_ptr<T>> command) {
    if (!command) {
      report(command.error());
      return false;
    }
    return run(std::unique_ptr<Command>(std::move(command).value()));
  }
  void report(const Error& error);
  // Registers the open scene (and its current asset table) with the streamer.
  void sync_streamer();
  Aabb selection_bounds() const;
  Aabb entity_bounds(scene::EntityId id) const;
  void frame_selection();
};

// Panels (one file each).
void draw_menu_bar(Editor::State& s, const InputState& input);
void draw_outliner(Editor::State& s);
void draw_inspector(Editor::State& s);
void draw_tools(Editor::State& s);  // timeline, assets, stats, render graph, log
// The timeline tab: transport, shot list, dope sheet, curve view.
void draw_timeline(Editor::State& s);
void draw_curve_view(Editor::State& s, ImVec2 origin, ImVec2 size);
// Runs a key edit on the sequence; failures go to the status line.
bool run_sequence(Editor::State& s, KeyEdit command);
// Opens a sequence beside the scene now (replacing any open one).
Result<void> open_sequence(Editor::State& s, const std::filesystem::path& path);
// Advances playback, then evaluates the sequence at the playhead into the preview scene.
void update_preview(Editor::State& s, double dt);
// The scene the viewport draws: the preview while a sequence is open, else the document's.
const scene::Scene& shown_scene(const Editor::State& s);
void draw_viewport(Editor::State& s, const InputState& input);
void draw_prompts(Editor::State& s);
// Shortcuts that work anywhere but in a text field.
void handle_shortcuts(Editor::State& s);
// The gizmo over the primary selection: draws it, picks axes, drags (one undo step per drag).
void update_gizmo(Editor::State& s, bool viewport_hovered, bool viewport_active);
// Opens a scene now, replacing the document (offers an autosave newer than the file).
Result<void> open_document(Editor::State& s, const std::filesystem::path& path);
// File actions that may need a prompt first.
void request_open(Editor::State& s, const std::filesystem::path& path);
void save_or_ask(Editor::State& s);

}  // namespace kagami::editor
