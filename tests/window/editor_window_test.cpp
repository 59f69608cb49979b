// The editor in a real window under Xvfb, driven by scripted input through
// ImGui's IO: a click in the viewport selects an entity (through the entity-id
// pass), a drag on the gizmo's X arrow moves it (snapped, one undo step), and
// ctrl+S saves. The saved file holds exactly that change; validation and
// synchronization validation report nothing; a screenshot is written.
// The timeline: with the sequence beside the scene open, a click in the ruler
// moves the playhead, K adds a key there on the clicked row, a drag moves it
// along frames (one undo step), and ctrl+S saves exactly that to the sequence;
// C then shows the curve view for the screenshot.
#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include <chrono>

#include "../gpu/gpu_fixture.h"
#include "kagami/core/log.h"
#include "kagami/editor/editor.h"
#include "kagami/editor/window_loop.h"
#include "kagami/scene/scene_io.h"
#include "kagami/sequencer/sequence_io.h"

namespace kagami {
namespace {

namespace fs = std::filesystem;

// How long the scene may take to stream in. Wall-clock, not frames: the
// window renders frames while a job thread loads, and on a CI machine busy
// with other tests the loading may take many more frames than usual.
constexpr auto kStreamTimeout = std::chrono::seconds(120);

bool still_streaming_in_time(std::chrono::steady_clock::time_point start) {
  return std::chrono::steady_clock::now() - start < kStreamTimeout;
}

fs::path scratch_folder() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  fs::path dir = fs::path(KAGAMI_TEST_OUTPUT_DIR) / info->test_suite_name() / info->name();
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A lot with a bench in the middle, a second bench off to the side and a lamp.
scene::Scene lot(const fs::path& folder) {
  scene::Scene s;
  s.name = "editor_test_lot";
  const fs::path bench = fs::path(KAGAMI_SOURCE_DIR) / "assets" / "locations" / "tokyo_dome_city" / "bench.gltf";
  s.assets["bench"] = fs::relative(bench, folder).generic_string();
  s.environment.sky.sun_direction = {0.3f, 1.0f, 0.4f};
  scene::Entity a;
  a.name = "bench";
  a.mesh = scene::MeshComponent{"bench", {}};
  EXPECT_TRUE(s.add_entity(a).ok());
  scene::Entity b = a;
  b.name = "far bench";
  b.transform.translation = {-4.0f, 0.0f, -3.0f};
  EXPECT_TRUE(s.add_entity(b).ok());
  scene::Entity lamp;
  lamp.name = "lamp";
  lamp.transform.translation = {2.0f, 3.0f, 1.0f};
  lamp.light = scene::LightComponent{};
  EXPECT_TRUE(s.add_entity(lamp).ok());
  return s;
}

class EditorWindow : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(glfwInit(), GLFW_TRUE) << "no display: this test runs under xvfb-run";
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    window_ = glfwCreateWindow(1280, 720, "kagami editor test", nullptr, nullptr);
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

  GLFWwindow* window_ = nullptr;
  std::unique_ptr<gpu::Device> device_;
  VkSurfaceKHR surface_ = VK_NULL_HANDLE;
};

TEST_F(EditorWindow, ClickSelectsGizmoMovesSaveWritesExactlyThat) {
  const fs::path folder = scratch_folder();
  const fs::path file = folder / "lot.json";
  const scene::Scene original = lot(folder);
  ASSERT_TRUE(scene::save_scene(original, file).ok());

  gpu::Swapchain swapchain(*device_, surface_, /*vsync=*/false);
  editor::EditorOptions options;
  options.cache_dir = folder / "cache";
  options.project_root = KAGAMI_SOURCE_DIR;
  auto created = editor::Editor::create(*device_, swapchain.format(), options);
  ASSERT_TRUE(created.ok()) << created.error().message;
  editor::Editor& ed = **created;
  ASSERT_TRUE(ed.open(file).ok());
  ed.camera().target = {0.0f, 0.5f, 0.0f};
  ed.camera().distance = 7.0f;
  ed.camera().yaw = 0.5f;
  ed.camera().pitch = -0.45f;

  const scene::EntityId bench = original.find_by_name("bench")->id();
  enum class Step { stream, click, wait_pick, grab, drag, release, save, done };
  Step step = Step::stream;
  std::uint64_t step_frame = 0;
  glm::vec2 grab{0.0f}, target{0.0f};
  bool selected = false;
  std::uint64_t undo_steps_after_drag = 0;
  auto next = [&](Step s, std::uint64_t frame) { step = s, step_frame = frame; };

  const auto start = std::chrono::steady_clock::now();
  editor::WindowRunOptions run;
  run.screenshot = folder / "editor.png";
  run.script = [&](std::uint64_t frame, editor::InputState& in, editor::Editor& e) -> bool {
    switch (step) {
      case Step::stream:
        if (e.scene_resident() && frame > 5) next(Step::click, frame);
        return still_streaming_in_time(start);
      case Step::click: {
        // The middle of the bench's box, where the id pass has the bench.
        auto pixel = e.world_to_window(e.bounds_of(bench).center());
        if (!pixel) return false;
        in.mouse = *pixel;
        in.buttons[0] = frame == step_frame + 1;  // hover one frame, then press
        if (frame == step_frame + 2) next(Step::wait_pick, frame);
        return true;
      }
      case Step::wait_pick:
        in.mouse = glm::vec2(-1.0f);
        if (e.selection().primary() == bench) {
          selected = true;
          next(Step::grab, frame);
        }
        return frame < step_frame + 10;
      case Step::grab: {
        // On the gizmo's X arrow: 60% along it (its length is 15% of the distance to the eye).
        const glm::vec3 origin(e.document().scene().world_transform(bench)[3]);
        const float size = glm::length(origin - e.camera().position()) * 0.15f;
        auto a = e.world_to_window(origin + glm::vec3(size * 0.6f, 0, 0));
        auto b = e.world_to_window(origin + glm::vec3(size * 0.6f + 2.0f, 0, 0));
        if (!a || !b) return false;
        grab = *a, target = *b;
        in.mouse = grab;
        in.buttons[0] = frame >= step_frame + 1;
        if (frame == step_frame + 1) next(Step::drag, frame);
        return true;
      }
      case Step::drag: {
        // Ten frames from the grab point to two metres further along +X.
        const float t = std::min(1.0f, float(frame - step_frame) / 10.0f);
        in.mouse = grab + (target - grab) * t;
        in.buttons[0] = true;
        if (t >= 1.0f) next(Step::release, frame);
        return true;
      }
      case Step::release:
        in.mouse = target;
        if (frame == step_frame + 2) {
          undo_steps_after_drag = e.document().history().undo_count();
          next(Step::save, frame);
        }
        return true;
      case Step::save:
        // ctrl+S, pressed on the second frame (a key press is an up -> down change).
        in.ctrl = true;
        if (frame == step_frame + 1) in.press(GLFW_KEY_S);
        if (frame == step_frame + 3) next(Step::done, frame);
        return true;
      case Step::done:
        return false;
    }
    return false;
  };
  auto report = editor::run_editor_window(window_, swapchain, *device_, ed, run);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_TRUE(selected) << "clicking the bench in the viewport did not select it";
  ASSERT_EQ(step, Step::done);
  EXPECT_EQ(undo_steps_after_drag, 1u) << "the gizmo drag must be one undo step";
  EXPECT_FALSE(ed.document().dirty());

  auto saved = scene::load_scene(file);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  const scene::Transform moved = saved->find(bench)->transform;
  EXPECT_NEAR(moved.translation.x, 2.0f, 1e-5f) << "snapped to the 0.5 m step";
  EXPECT_NEAR(moved.translation.y, 0.0f, 1e-5f);
  EXPECT_NEAR(moved.translation.z, 0.0f, 1e-5f);
  // Everything else is exactly as it was.
  scene::Scene expected = original;
  expected.find(bench)->transform = moved;
  EXPECT_TRUE(*saved == expected) << "the saved file changed more than the bench's position";
  EXPECT_NEAR(glm::length(glm::vec3(moved.scale) - glm::vec3(1.0f)), 0.0f, 1e-5f);
  EXPECT_TRUE(fs::exists(fs::path(file) += ".bak"));
  EXPECT_TRUE(fs::exists(folder / "editor.png"));
}

// The lamp of lot() moving over a 4 s, 24 fps sequence, written against lot.json.
sequencer::Sequence lamp_sequence() {
  sequencer::Sequence seq;
  seq.name = "lot_lamp";
  seq.scene = "lot.json";
  seq.duration = 4.0;
  seq.bindings.push_back({.name = "lamp", .entity = "lamp"});
  sequencer::TransformTrack track;
  track.name = "lamp_move";
  track.binding = 0;
  track.translation = sequencer::Vec3Curve({{.time = 0.0, .value = {2.0f, 3.0f, 1.0f}},
                                            {.time = 3.0, .value = {-2.0f, 3.0f, 1.0f}}});
  seq.timeline.transforms.push_back(track);
  return seq;
}

TEST_F(EditorWindow, TimelineAddsAndMovesAKeyAndSavesExactlyThat) {
  const fs::path folder = scratch_folder();
  const fs::path file = folder / "lot.json", seq_file = folder / "lot.sequence.json";
  const scene::Scene original = lot(folder);
  ASSERT_TRUE(scene::save_scene(original, file).ok());
  const sequencer::Sequence original_seq = lamp_sequence();
  ASSERT_TRUE(sequencer::save_sequence(original_seq, seq_file).ok());

  gpu::Swapchain swapchain(*device_, surface_, /*vsync=*/false);
  editor::EditorOptions options;
  options.cache_dir = folder / "cache";
  options.project_root = KAGAMI_SOURCE_DIR;
  auto created = editor::Editor::create(*device_, swapchain.format(), options);
  ASSERT_TRUE(created.ok()) << created.error().message;
  editor::Editor& ed = **created;
  ASSERT_TRUE(ed.open(file).ok());
  ASSERT_NE(ed.sequence_document(), nullptr) << "the sequence beside the scene did not open";
  EXPECT_EQ(ed.sequence_document()->path(), seq_file);
  ed.camera().target = {0.0f, 1.0f, 0.0f};
  ed.camera().distance = 9.0f;
  ed.camera().pitch = -0.35f;

  const editor::ChannelRef lamp{{}, editor::ChannelKind::translation, 0};
  enum class Step { stream, row, scrub, add, grab, drag, release, save, curves, done };
  Step step = Step::stream;
  std::uint64_t step_frame = 0;
  glm::vec2 from{0.0f}, to{0.0f};
  std::size_t keys_after_add = 0, undo_steps_after_drag = 0;
  double playhead = -1.0;
  auto next = [&](Step s, std::uint64_t frame) { step = s, step_frame = frame; };
  auto click = [&](std::uint64_t frame, editor::InputState& in, glm::vec2 at, Step then) {
    in.mouse = at;
    in.buttons[0] = frame == step_frame + 1;  // hover one frame, press one, release
    if (frame == step_frame + 3) next(then, frame);
  };

  const auto start = std::chrono::steady_clock::now();
  editor::WindowRunOptions run;
  run.screenshot = folder / "editor_timeline.png";
  run.script = [&](std::uint64_t frame, editor::InputState& in, editor::Editor& e) -> bool {
    switch (step) {
      case Step::stream:
        if (e.scene_resident() && frame > 5) next(Step::row, frame);
        return still_streaming_in_time(start);
      case Step::row: {  // a click on the lamp's row, away from its keys: the row becomes the current channel
        auto at = e.timeline_point(lamp, 2.0);
        if (!at) return false;
        click(frame, in, *at, Step::scrub);
        return true;
      }
      case Step::scrub: {  // a click in the ruler at 1 s moves the playhead there
        auto at = e.timeline_ruler(1.0);
        if (!at) return false;
        click(frame, in, *at, Step::add);
        return true;
      }
      case Step::add:
        playhead = e.transport().time();
        in.mouse = *e.timeline_ruler(1.0);
        if (frame == step_frame + 1) in.press(GLFW_KEY_K);
        if (frame == step_frame + 3) {
          keys_after_add = e.sequence_document()->sequence().timeline.transforms[0].translation->keys().size();
          next(Step::grab, frame);
        }
        return true;
      case Step::grab: {  // the new key at 1 s, dragged to 1.5 s
        auto a = e.timeline_point(lamp, 1.0), b = e.timeline_point(lamp, 1.5);
        if (!a || !b) return false;
        from = *a, to = *b;
        in.mouse = from;
        in.buttons[0] = frame >= step_frame + 1;
        if (frame == step_frame + 1) next(Step::drag, frame);
        return true;
      }
      case Step::drag: {
        const float t = std::min(1.0f, float(frame - step_frame) / 10.0f);
        in.mouse = from + (to - from) * t;
        in.buttons[0] = true;
        if (t >= 1.0f) next(Step::release, frame);
        return true;
      }
      case Step::release:
        in.mouse = to;
        if (frame == step_frame + 2) {
          undo_steps_after_drag = e.sequence_document()->history().undo_count();
          next(Step::save, frame);
        }
        return true;
      case Step::save:
        in.mouse = to;
        in.ctrl = true;
        if (frame == step_frame + 1) in.press(GLFW_KEY_S);
        if (frame == step_frame + 3) next(Step::curves, frame);
        return true;
      case Step::curves:  // C: the curve view of the lamp's channel for the screenshot
        in.mouse = to;
        if (frame == step_frame + 1) in.press(GLFW_KEY_C);
        if (frame == step_frame + 3) next(Step::done, frame);
        return true;
      case Step::done:
        return false;
    }
    return false;
  };
  auto report = editor::run_editor_window(window_, swapchain, *device_, ed, run);
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(step, Step::done);
  EXPECT_FALSE(ed.timeline_point(lamp, 1.5)) << "C did not switch to the curve view";
  EXPECT_DOUBLE_EQ(playhead, 1.0) << "the click in the ruler did not move the playhead to 1 s";
  EXPECT_EQ(keys_after_add, 3u) << "K did not add a key";
  EXPECT_EQ(undo_steps_after_drag, 2u) << "adding is one step and the drag must be one more";
  EXPECT_FALSE(ed.sequence_document()->dirty());

  // The sequence file holds the original keys plus one at 1.5 s with the value the curve had at 1 s.
  auto saved = sequencer::load_sequence(seq_file);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  sequencer::Sequence expected = original_seq;
  const sequencer::Vec3Curve& was = *original_seq.timeline.transforms[0].translation;
  auto keys = std::vector<sequencer::Key<glm::vec3>>(was.keys().begin(), was.keys().end());
  keys.insert(keys.begin() + 1, sequencer::Key<glm::vec3>{.time = 1.5, .value = was.evaluate(1.0)});
  expected.timeline.transforms[0].translation->set_keys(keys);
  EXPECT_TRUE(*saved == expected) << "the saved sequence is not the original plus the moved key:\n"
                                  << sequencer::serialize_sequence(*saved);
  EXPECT_TRUE(fs::exists(fs::path(seq_file) += ".bak"));
  // Scrubbing and previewing never touched the scene.
  auto scene_after = scene::load_scene(file);
  ASSERT_TRUE(scene_after.ok());
  EXPECT_TRUE(*scene_after == original);
  EXPECT_TRUE(fs::exists(folder / "editor_timeline.png"));
}

}  // namespace
}  // namespace kagami
