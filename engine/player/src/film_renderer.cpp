#include "kagami/player/film_renderer.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "kagami/player/film_effects.h"
#include "kagami/render/readback.h"
#include "kagami/render/scene_view.h"
#include "kagami/scene/scene_io.h"
#include "kagami/sequencer/overlay.h"

namespace kagami::player {

Result<std::unique_ptr<FilmRenderer>> FilmRenderer::create(gpu::Device& device, const sequencer::Film& film,
                                                           VkExtent2D extent, VkFormat format) {
  if (film.acts.empty()) return make_error(film.source_path.string(), ": the film has no acts");
  std::unique_ptr<FilmRenderer> r(new FilmRenderer(device, film, extent, format));
  auto renderer = render::ForwardRenderer::create(device, format);
  if (!renderer) return renderer.error();
  r->renderer_ = std::move(*renderer);
  auto text = render::TextRenderer::create(device, format);
  if (!text) return text.error();
  r->text_ = std::move(*text);
  r->color_ = render::create_color_target(device, format, extent, "film frame");
  r->cues_ = film.streaming_cues();
  return r;
}

FilmRenderer::~FilmRenderer() {
  loaded_.clear();
  device_.retire(color_);
}

Result<FilmRenderer::LoadedAct*> FilmRenderer::ensure_loaded(std::size_t act, double t) {
  if (auto it = loaded_.find(act); it != loaded_.end()) return it->second.get();
  const sequencer::FilmAct& a = film_.acts[act];
  auto path = a.sequence.source_path.parent_path() / a.sequence.scene;
  auto scene = scene::load_scene(path);
  if (!scene) return scene.error();
  auto loaded = std::make_unique<LoadedAct>();
  loaded->scene = std::move(*scene);
  auto binding = sequencer::bind_scene(a.sequence, loaded->scene);
  if (!binding) return binding.error();
  loaded->binding = std::move(*binding);
  auto models = render::SceneModels::load(device_, jobs_, loaded->scene);
  if (!models) return models.error();
  loaded->models = std::move(*models);
  loads_.push_back({act, t});
  return (loaded_[act] = std::move(loaded)).get();
}

Result<void> FilmRenderer::stream(double t) {
  std::set<std::size_t> wanted{film_.act_at(t)};
  for (const sequencer::LocationRequest& request : sequencer::locations_to_request(cues_, t, film_.load_estimate()))
    for (std::size_t i = 0; i < film_.acts.size(); ++i)
      if (film_.acts[i].location == request.location && std::abs(film_.acts[i].start - request.needed_from) < 1e-9)
        wanted.insert(i);
  // Drop first, so two locations at most are ever resident together.
  std::erase_if(loaded_, [&](const auto& entry) { return !wanted.contains(entry.first); });
  for (std::size_t act : wanted)
    if (auto loaded = ensure_loaded(act, t); !loaded) return loaded.error();
  return {};
}

Result<graph::TextureHandle> FilmRenderer::add_frame(render::FrameGraph& frame, std::uint32_t slot, double t,
                                                     graph::TextureHandle target, VkExtent2D extent) {
  if (auto streamed = stream(t); !streamed) return streamed.error();
  const std::size_t act = film_.act_at(t);
  const sequencer::FilmAct& a = film_.acts[act];
  LoadedAct& loaded = *loaded_.at(act);
  // Credits run after the last act: its last frame stays under a black overlay.
  const double frame_seconds = 1.0 / a.sequence.frame_rate.fps();
  const double local = std::clamp(t - a.start, 0.0, a.sequence.duration - frame_seconds);
  sequencer::evaluate(a.sequence, local, state_);
  sequencer::apply(state_, loaded.binding, loaded.scene);

  const float aspect = float(extent.width) / float(extent.height);
  render::Camera camera;
  if (auto view = sequencer::camera_view(state_, loaded.binding, loaded.scene)) {
    camera.position = glm::vec3(view->world[3]);
    camera.target = camera.position - glm::normalize(glm::vec3(view->world[2]));
    camera.up = glm::normalize(glm::vec3(view->world[1]));
    camera.fov_y = view->fov_y;
    camera.near_plane = view->near_plane;
    camera.far_plane = view->far_plane;
  } else {
    Aabb bounds = loaded.scene.streaming.bounds.value_or(Aabb{glm::vec3(-100.0f), glm::vec3(100.0f)});
    camera = render::survey_cameras(bounds, aspect).front();
  }
  const glm::vec3 shake = sequencer::camera_shake(a.sequence, local);
  camera.position += shake;
  camera.target += shake;

  draws_.clear();
  render::add_scene_draws(draws_, loaded.scene, [&](std::string_view id) { return loaded.models.find(id); });
  draws_.sort();
  lighting_ = render::scene_lighting(loaded.scene);
  sequencer::ScreenOverlay overlay = t >= film_.acts_end() ? sequencer::ScreenOverlay{glm::vec3(0.0f), 1.0f}
                                                           : sequencer::screen_overlay(a.sequence, local);
  const sequencer::OverlayGrade grade = sequencer::overlay_grade(overlay);
  look::PostSettings& post = lighting_.look.post;
  post.gain *= grade.gain;
  post.lift = glm::vec3(1.0f) - (glm::vec3(1.0f) - post.lift) * (glm::vec3(1.0f) - grade.lift);

  effects_ = film_effects(state_, local, a.sequence.frame_rate.fps(), std::uint32_t(act + 1));
  target = renderer_->add_passes(frame, slot, draws_, camera, lighting_, target, extent, &effects_);
  queue_text(t, act, state_, extent);
  return text_->add_pass(frame, slot, target);
}

Result<ImageRgba8> FilmRenderer::render(double t) {
  render::FrameTarget target{color_.handle, color_.view, format_, extent_};
  target.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
  target.final_state = {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
  render::Readback readback = render::make_readback(device_, format_, extent_);
  render::FrameGraph& frame = renderer_->frame_graph();
  frame.clear();
  graph::TextureHandle image = render::import_target(frame, target, glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
  auto added = add_frame(frame, 0, t, image, extent_);
  Result<void> executed;
  if (added) {
    render::add_readback_pass(frame, *added, readback);
    device_.run_now([&](VkCommandBuffer cmd) { executed = renderer_->executor().execute(frame, cmd, 0); });
  } else {
    executed = added.error();
  }
  if (!executed) {
    device_.retire(readback.buffer);
    return executed.error();
  }
  return render::finish_readback(device_, readback);
}

}  // namespace kagami::player
