// The Editor's frame: input into ImGui, panels (which execute commands on the
// document), then one render graph: the scene into the viewport, the entity-id
// pass when a click waits to be resolved, and the UI on top.
#include "kagami/editor/editor.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cfloat>
#include <chrono>

#include "editor_state.h"
#include "viewport_copy.h"
#include "kagami/render/scene_view.h"
#include "kagami/scene/queries.h"
#include "kagami/render/shader_paths.h"

namespace kagami::editor {

namespace {

void map_keys(ImGuiIO& io) {
  const std::pair<ImGuiKey_, int> keys[] = {
      {ImGuiKey_Tab, GLFW_KEY_TAB},         {ImGuiKey_LeftArrow, GLFW_KEY_LEFT}, {ImGuiKey_RightArrow, GLFW_KEY_RIGHT},
      {ImGuiKey_UpArrow, GLFW_KEY_UP},      {ImGuiKey_DownArrow, GLFW_KEY_DOWN}, {ImGuiKey_PageUp, GLFW_KEY_PAGE_UP},
      {ImGuiKey_PageDown, GLFW_KEY_PAGE_DOWN}, {ImGuiKey_Home, GLFW_KEY_HOME}, {ImGuiKey_End, GLFW_KEY_END},
      {ImGuiKey_Insert, GLFW_KEY_INSERT},   {ImGuiKey_Delete, GLFW_KEY_DELETE}, {ImGuiKey_Backspace, GLFW_KEY_BACKSPACE},
      {ImGuiKey_Space, GLFW_KEY_SPACE},     {ImGuiKey_Enter, GLFW_KEY_ENTER},  {ImGuiKey_Escape, GLFW_KEY_ESCAPE},
      {ImGuiKey_KeyPadEnter, GLFW_KEY_KP_ENTER}, {ImGuiKey_A, GLFW_KEY_A},     {ImGuiKey_C, GLFW_KEY_C},
      {ImGuiKey_V, GLFW_KEY_V},             {ImGuiKey_X, GLFW_KEY_X},          {ImGuiKey_Y, GLFW_KEY_Y},
      {ImGuiKey_Z, GLFW_KEY_Z},
  };
  for (auto [imgui_key, glfw_key] : keys) io.KeyMap[imgui_key] = glfw_key;
}

void feed_input(ImGuiIO& io, const InputState& in, VkExtent2D extent, double dt) {
  io.DisplaySize = ImVec2(float(extent.width), float(extent.height));
  io.DeltaTime = float(std::clamp(dt, 1e-4, 0.25));
  io.MousePos = in.mouse.x < 0.0f ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(in.mouse.x, in.mouse.y);
  for (int b = 0; b < 3; ++b) io.MouseDown[b] = in.buttons[std::size_t(b)];
  io.MouseWheel = in.wheel;
  io.KeyCtrl = in.ctrl;
  io.KeyShift = in.shift;
  io.KeyAlt = in.alt;
  for (std::size_t k = 0; k < in.keys.size(); ++k) io.KeysDown[k] = in.keys[k];
  if (!in.text.empty()) io.AddInputCharactersUTF8(in.text.c_str());
}

constexpr float kOutlinerWidth = 270.0f, kInspectorWidth = 330.0f, kToolsHeight = 230.0f, kTimelineHeight = 320.0f;

}  // namespace

void LogBuffer::add(log::Level level, std::string_view text) {
  std::lock_guard lock(mutex_);
  lines_.push_back({level, std::string(text)});
  if (lines_.size() > kMaxLines) lines_.pop_front();
}

std::vector<LogLine> LogBuffer::snapshot() const {
  std::lock_guard lock(mutex_);
  return {lines_.begin(), lines_.end()};
}

void LogBuffer::clear() {
  std::lock_guard lock(mutex_);
  lines_.clear();
}

void Editor::State::report(const Error& error) {
  status = error.message;
  log::error(error.message);
}

bool Editor::State::run(std::unique_ptr<Command> command) {
  std::vector<scene::EntityId> roots = command->created();
  if (auto done = doc.execute(std::move(command)); !done) {
    report(done.error());
    return false;
  }
  if (!roots.empty()) selection.set(roots);
  selection.prune(doc.scene());
  return true;
}

void Editor::State::add_characters() {
  const scene::Scene& scene = doc.scene();
  if (characters_failed || scene::count(scene).characters == 0) return;
  if (!characters) {
    auto cast = render::CharacterModels::load(device, asset::cast_registry_near(scene.source_path));
    if (!cast) {
      characters_failed = true;
      return report(cast.error());
    }
    characters = std::move(*cast);
  }
  if (auto drawn = render::add_character_draws(draws, scene, *characters, 0.0); !drawn) {
    characters_failed = true;
    report(drawn.error());
  }
}

void Editor::State::sync_streamer() {
  if (streamed_assets == doc.scene().assets && scene_handle) return;
  streamed_assets = doc.scene().assets;
  auto handle = streamer->add_scene(doc.scene());
  if (!handle) {
    report(handle.error());
    return;
  }
  scene_handle = *handle;
}

Aabb Editor::State::selection_bounds() const {
  Aabb bounds;
  for (scene::EntityId id : selection.ids()) {
    const Aabb one = entity_bounds(id);
    if (one.valid()) {
      bounds.extend(one.min);
      bounds.extend(one.max);
    }
  }
  return bounds;
}

Aabb Editor::State::entity_bounds(scene::EntityId id) const {
  Aabb bounds;
  const glm::mat4 world = doc.scene().world_transform(id);
  const scene::Entity* e = doc.scene().find(id);
  const render::GpuModel* model =
      e && e->mesh && scene_handle ? streamer->resident(*scene_handle, e->mesh->asset) : nullptr;
  if (model && model->bounds.valid()) {
    const Aabb& b = model->bounds;
    for (int c = 0; c < 8; ++c) {
      glm::vec3 corner((c & 1) ? b.max.x : b.min.x, (c & 2) ? b.max.y : b.min.y, (c & 4) ? b.max.z : b.min.z);
      bounds.extend(glm::vec3(world * glm::vec4(corner, 1.0f)));
    }
  } else if (e) {
    // Lights, cameras, empties: a metre around their origin.
    const glm::vec3 p(world[3]);
    bounds.extend(p - glm::vec3(1.0f));
    bounds.extend(p + glm::vec3(1.0f));
  }
  return bounds;
}

void Editor::State::frame_selection() {
  Aabb bounds = selection_bounds();
  if (!bounds.valid()) bounds = doc.scene().streaming.bounds.value_or(draws.bounds());
  if (!bounds.valid()) return;
  camera.frame(bounds.center(), glm::length(bounds.extent()) * 0.5f);
}

Editor::Editor(std::unique_ptr<State> state) : state_(std::move(state)) {}

Result<std::unique_ptr<Editor>> Editor::create(gpu::Device& device, VkFormat target_format, const EditorOptions& options) {
  auto state = std::make_unique<State>(device, target_format, options);
  State& s = *state;
  auto renderer = render::ForwardRenderer::create(device, target_format);
  if (!renderer) return renderer.error();
  s.renderer = std::move(*renderer);
  auto ui = UiPass::create(device, target_format);
  if (!ui) return ui.error();
  s.ui = std::move(*ui);
  auto pick = PickPass::create(device);
  if (!pick) return pick.error();
  s.pick = std::move(*pick);
  s.jobs = std::make_unique<JobSystem>();
  asset::StreamingBudget budget;
  budget.memory_bytes = 1ull << 30;
  budget.upload_bytes_per_frame = 8ull << 20;
  s.streamer = std::make_unique<render::SceneStreamer>(device, *s.jobs, budget, options.cache_dir);
  s.sync_streamer();

  s.imgui = ImGui::CreateContext();
  ImGui::SetCurrentContext(s.imgui);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is fixed; nothing to remember between runs
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  map_keys(io);
  ImGui::StyleColorsDark();
  ImGui::GetStyle().WindowRounding = 0.0f;
  s.ui->upload_fonts();
  State* raw = state.get();
  s.log_sink = log::add_sink([raw](log::Level level, std::string_view text) { raw->log.add(level, text); });
  log::info("editor ready on ", device.context().device_name());
  return std::unique_ptr<Editor>(new Editor(std::move(state)));
}

Editor::~Editor() {
  log::remove_sink(state_->log_sink);
  state_->device.wait_idle();
  ImGui::DestroyContext(state_->imgui);
}

Aabb Editor::bounds_of(scene::EntityId id) const { return state_->entity_bounds(id); }

Result<void> Editor::open(const std::filesystem::path& path) { return open_document(*state_, path); }

Result<void> Editor::open_sequence(const std::filesystem::path& path) { return kagami::editor::open_sequence(*state_, path); }
SequenceDocument* Editor::sequence_document() { return state_->seq ? &*state_->seq : nullptr; }
Transport& Editor::transport() { return state_->transport; }

std::optional<glm::vec2> Editor::timeline_point(const ChannelRef& channel, double time) const {
  const TimelineView& v = state_->timeline;
  auto ruler = timeline_ruler(0.0);
  if (!ruler) return std::nullopt;
  for (std::size_t r = 0; r < v.rows.size(); ++r) {
    if (v.rows[r].ref != channel) continue;
    const float y = v.rows_top + (float(r) + 0.5f) * v.row_height;
    if (y < v.top + 2.0f * v.row_height) return std::nullopt;  // scrolled under the ruler
    return glm::vec2(timeline_ruler(time + v.rows[r].offset)->x, y);
  }
  return std::nullopt;
}

std::optional<glm::vec2> Editor::timeline_ruler(double time) const {
  const TimelineView& v = state_->timeline;
  if (!state_->seq || v.curves || v.x1 <= v.x0) return std::nullopt;
  return glm::vec2(v.x0 + float(time / state_->seq->sequence().duration) * (v.x1 - v.x0), v.top + 8.0f);
}

void Editor::request_close() {
  if (state_->doc.dirty() || (state_->seq && state_->seq->dirty())) state_->prompt = Prompt::unsaved_before_quit;
  else state_->quit = true;
}

bool Editor::should_quit() const { return state_->quit; }
Document& Editor::document() { return state_->doc; }
Selection& Editor::selection() { return state_->selection; }
ViewCamera& Editor::camera() { return state_->camera; }
GizmoMode& Editor::gizmo_mode() { return state_->gizmo; }
VkRect2D Editor::viewport_area() const { return state_->area; }
double Editor::last_frame_ms() const { return state_->last_frame_ms; }

bool Editor::scene_resident() const {
  return state_->scene_handle && state_->streamer->scene_resident(*state_->scene_handle);
}

std::optional<glm::vec2> Editor::world_to_window(const glm::vec3& world) const {
  const VkRect2D& a = state_->area;
  auto p = project_to_pixel(state_->view_proj, world, glm::vec2(float(a.extent.width), float(a.extent.height)));
  if (!p) return std::nullopt;
  return *p + glm::vec2(float(a.offset.x), float(a.offset.y));
}

namespace {

// Watches the .spv files of the editor's pipelines; a change rebuilds them (hot reload while editing shaders).
void reload_changed_shaders(Editor::State& s) {
  bool ui = false, pick = false, scene = false;
  for (const char* name : {"imgui.vert", "imgui.frag", "entity_id.vert", "entity_id.frag", "mesh.vert", "mesh.frag"}) {
    const std::filesystem::path path = render::shader_path(name);
    std::error_code ec;
    auto time = std::filesystem::last_write_time(path, ec);
    if (ec) continue;
    auto [it, inserted] = s.shader_times.try_emplace(path, time);
    if (inserted || it->second == time) continue;
    it->second = time;
    const std::string n = name;
    (n.starts_with("imgui") ? ui : n.starts_with("entity") ? pick : scene) = true;
  }
  if (ui)
    if (auto r = s.ui->rebuild_pipeline(); !r) s.report(r.error());
  if (pick)
    if (auto r = s.pick->rebuild_pipeline(); !r) s.report(r.error());
  if (scene) {
    // The forward renderer owns its pipelines: a new one replaces it once the GPU is idle.
    s.device.wait_idle();
    auto renderer = render::ForwardRenderer::create(s.device, s.format);
    if (renderer) s.renderer = std::move(*renderer);
    else s.report(renderer.error());
  }
  if (ui || pick || scene) log::info("shaders reloaded");
}

void watch_files(Editor::State& s, double now) {
  if (auto wrote = s.doc.autosave_tick(now); !wrote) s.report(wrote.error());
  if (now - s.last_reload_check < 0.5) return;
  s.last_reload_check = now;
  reload_changed_shaders(s);
  if (s.seq) {
    if (auto wrote = s.seq->autosave_tick(now); !wrote) s.report(wrote.error());
    auto reloaded = s.seq->reload_if_changed();
    if (!reloaded) s.report(reloaded.error());
    else if (*reloaded) s.timeline.selected.clear(), s.preview.stale = true;
  }
  auto reloaded = s.doc.reload_if_changed();
  if (!reloaded) s.report(reloaded.error());
  else if (*reloaded) {
    s.selection.prune(s.doc.scene());
    s.scene_handle.reset();
    s.sync_streamer();
  }
}

VkRect2D layout_viewport(VkExtent2D extent, float menu_height, float tools_height) {
  const float w = float(extent.width), h = float(extent.height);
  const float x0 = std::min(kOutlinerWidth, w * 0.3f), x1 = std::max(w - kInspectorWidth, x0 + 1.0f);
  const float y0 = menu_height, y1 = std::max(h - tools_height, y0 + 1.0f);
  return {{std::int32_t(x0), std::int32_t(y0)}, {std::uint32_t(x1 - x0), std::uint32_t(y1 - y0)}};
}

}  // namespace

Result<void> Editor::frame(VkCommandBuffer cmd, std::uint32_t slot, const render::FrameTarget& target,
                           const InputState& input, double now) {
  const auto start = std::chrono::steady_clock::now();
  State& s = *state_;
  ImGui::SetCurrentContext(s.imgui);
  if (auto picked = s.pick->take_result(slot)) s.selection.click(*picked, s.pick_mode[slot], s.outliner_shown);
  watch_files(s, now);

  const double dt = s.previous_time ? now - *s.previous_time : 1.0 / 60.0;
  feed_input(ImGui::GetIO(), input, target.extent, dt);
  s.previous_time = now;
  ImGui::NewFrame();
  s.area = layout_viewport(target.extent, ImGui::GetFrameHeight(), s.seq ? kTimelineHeight : kToolsHeight);
  draw_menu_bar(s, input);
  draw_viewport(s, input);
  draw_outliner(s);
  draw_inspector(s);
  draw_tools(s);
  draw_prompts(s);
  handle_shortcuts(s);
  ImGui::Render();

  // The scene, streamed around the camera; with a sequence, as it evaluates at the playhead.
  s.sync_streamer();
  update_preview(s, dt);
  const scene::Scene& shown = shown_scene(s);
  render::Camera camera;
  camera.position = s.camera.position();
  camera.target = s.camera.target;
  camera.fov_y = s.camera.fov_y;
  camera.near_plane = std::max(0.02f, s.camera.distance * 0.002f);
  camera.far_plane = s.camera.distance + 5000.0f;
  if (s.preview.camera && s.timeline.view_through_cut) {
    const sequencer::CameraView& view = *s.preview.camera;
    camera.position = glm::vec3(view.world[3]);
    camera.target = camera.position - glm::normalize(glm::vec3(view.world[2]));
    camera.up = glm::normalize(glm::vec3(view.world[1]));
    camera.fov_y = view.fov_y;
    camera.near_plane = view.near_plane;
    camera.far_plane = view.far_plane;
  }
  s.view_proj = camera.view_projection(float(s.area.extent.width) / float(s.area.extent.height));
  if (s.scene_handle) {
    s.streamer->request_near(*s.scene_handle, camera.position);
    s.streamer->update(cmd, slot, ++s.frame_index);
  }
  s.draws.clear();
  if (s.scene_handle)
    render::add_scene_draws(s.draws, shown,
                            [&](std::string_view id) { return s.streamer->resident(*s.scene_handle, id); });
  s.add_characters();
  s.draws.sort();

  render::FrameGraph& graph = s.renderer->frame_graph();
  graph.clear();
  s.lighting = render::scene_lighting(shown);
  graph::TextureHandle color = render::import_target(graph, target, s.lighting.clear_color);
  // The scene renders at the viewport's size into an image of its own (the
  // renderer and its post chain always fill their target), which is then
  // copied into the window's image between the panels.
  graph::TextureHandle view_image;
  graph.add_pass(
      "viewport image", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) {
        graph::TextureDesc desc{target.format, s.area.extent.width, s.area.extent.height};
        desc.clear = graph::ClearValue::rgba(0.0f, 0.0f, 0.0f, 1.0f);
        view_image = pass.write(pass.create_texture("viewport", desc), graph::Usage::color_attachment);
      },
      [](render::PassContext&) {});  // only the clear: the renderer's passes draw over it
  view_image = s.renderer->add_passes(graph, slot, s.draws, camera, s.lighting, view_image, s.area.extent);
  color = add_viewport_copy_pass(graph, view_image, color, s.area, s.lighting.clear_color);
  if (s.pick_pixel) {
    s.pick->add_passes(graph, slot, s.draws, s.view_proj, target.extent, s.area, *s.pick_pixel);
    s.pick_mode[slot] = s.pick_click_mode;
    s.pick_pixel.reset();
  }
  color = s.ui->add_pass(graph, slot, *ImGui::GetDrawData(), color);
  if (capture_) render::add_readback_pass(graph, color, *capture_);
  capture_ = nullptr;
  auto executed = s.renderer->executor().execute(graph, cmd, slot);

  s.last_frame_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  s.frame_ms.push_back(s.last_frame_ms);
  if (s.frame_ms.size() > 240) s.frame_ms.pop_front();
  return executed;
}

}  // namespace kagami::editor
