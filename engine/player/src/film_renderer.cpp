#include "kagami/player/film_renderer.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "kagami/look/opaque_grade.h"
#include "kagami/player/film_effects.h"
#include "kagami/render/readback.h"
#include "kagami/render/scene_view.h"
#include "kagami/scene/scene_io.h"
#include "kagami/sequencer/overlay.h"

namespace kagami::player {

Result<std::unique_ptr<FilmRenderer>> FilmRenderer::create(gpu::Device& device, const sequencer::Film& film,
                                                           VkExtent2D extent, VkFormat format,
                                                           std::optional<LiveStreaming> live) {
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
  if (live) {
    r->streamer_ = std::make_unique<render::SceneStreamer>(device, r->jobs_, live->budget, live->cache_dir);
    for (std::size_t act = 0; act < film.acts.size(); ++act) {
      auto opened = r->open_act(act);
      if (!opened) return opened.error();
      auto handle = r->streamer_->add_scene((*opened)->scene);
      if (!handle) return handle.error();
      (*opened)->handle = *handle;
      r->loaded_[act] = std::move(*opened);
    }
  }
  return r;
}

FilmRenderer::~FilmRenderer() {
  loaded_.clear();
  streamer_.reset();
  device_.retire(color_);
}

Result<std::unique_ptr<FilmRenderer::LoadedAct>> FilmRenderer::open_act(std::size_t act) const {
  const sequencer::FilmAct& a = film_.acts[act];
  auto scene = scene::load_scene(a.sequence.source_path.parent_path() / a.sequence.scene);
  if (!scene) return scene.error();
  auto loaded = std::make_unique<LoadedAct>();
  loaded->scene = std::move(*scene);
  auto binding = sequencer::bind_scene(a.sequence, loaded->scene);
  if (!binding) return binding.error();
  loaded->binding = std::move(*binding);
  return loaded;
}

Result<FilmRenderer::LoadedAct*> FilmRenderer::ensure_loaded(std::size_t act, double t) {
  if (auto it = loaded_.find(act); it != loaded_.end()) return it->second.get();
  auto loaded = open_act(act);
  if (!loaded) return loaded.error();
  auto models = render::SceneModels::load(device_, jobs_, (*loaded)->scene);
  if (!models) return models.error();
  (*loaded)->models = std::move(*models);
  load_record(act, t);
  return (loaded_[act] = std::move(*loaded)).get();
}

LocationLoad& FilmRenderer::load_record(std::size_t act, double t) {
  for (LocationLoad& load : loads_)
    if (load.act == act && load.resident_at < 0.0 && streamer_) return load;  // live: still loading
  return loads_.emplace_back(LocationLoad{act, t, streamer_ ? -1.0 : t});
}

std::set<std::size_t> FilmRenderer::wanted_acts(double t) const {
  std::set<std::size_t> wanted{film_.act_at(t)};
  for (const sequencer::LocationRequest& request : sequencer::locations_to_request(cues_, t, film_.load_estimate()))
    for (std::size_t i = 0; i < film_.acts.size(); ++i)
      if (film_.acts[i].location == request.location && std::abs(film_.acts[i].start - request.needed_from) < 1e-9)
        wanted.insert(i);
  return wanted;
}

Result<void> FilmRenderer::load_wanted(double t) {
  const std::set<std::size_t> wanted = wanted_acts(t);
  // Drop first, so two locations at most are ever resident together.
  std::erase_if(loaded_, [&](const auto& entry) { return !wanted.contains(entry.first); });
  for (std::size_t act : wanted)
    if (auto loaded = ensure_loaded(act, t); !loaded) return loaded.error();
  return {};
}

void FilmRenderer::stream(VkCommandBuffer cmd, std::uint32_t slot, std::uint64_t frame, double t) {
  const std::set<std::size_t> wanted = wanted_acts(t);
  for (auto& [act, loaded] : loaded_) {
    if (!wanted.contains(act)) {
      streamer_->release_scene(loaded->handle);
      requested_.erase(act);
      continue;
    }
    streamer_->request_scene(loaded->handle, asset::kCuePriority);
    if (requested_.insert(act).second) load_record(act, t);
  }
  streamer_->update(cmd, slot, frame);
  for (LocationLoad& load : loads_)
    if (load.resident_at < 0.0 && streamer_->scene_resident(loaded_.at(load.act)->handle)) load.resident_at = t;
}

bool FilmRenderer::location_ready(double t) const {
  if (!streamer_) return loaded_.contains(film_.act_at(t));
  return streamer_->scene_resident(loaded_.at(film_.act_at(t))->handle);
}

std::size_t FilmRenderer::resident_acts() const {
  if (!streamer_) return loaded_.size();
  return std::size_t(std::count_if(loaded_.begin(), loaded_.end(),
                                   [&](const auto& entry) { return streamer_->scene_resident(entry.second->handle); }));
}

Result<graph::TextureHandle> FilmRenderer::add_frame(render::FrameGraph& frame, std::uint32_t slot, double t,
                                                     graph::TextureHandle target, VkExtent2D extent) {
  if (!streamer_)
    if (auto loaded = load_wanted(t); !loaded) return loaded.error();
  const std::size_t act = film_.act_at(t);
  const sequencer::FilmAct& a = film_.acts[act];
  LoadedAct& loaded = *loaded_.at(act);
  if (streamer_ && !streamer_->scene_resident(loaded.handle)) ++late_frames_;
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

  lighting_ = render::scene_lighting(loaded.scene);
  sequencer::ScreenOverlay overlay = t >= film_.acts_end() ? sequencer::ScreenOverlay{glm::vec3(0.0f), 1.0f}
                                                           : sequencer::screen_overlay(a.sequence, local);
  const sequencer::OverlayGrade grade = sequencer::overlay_grade(overlay);
  look::PostSettings& post = lighting_.look.post;
  post.gain *= grade.gain;
  post.lift = glm::vec3(1.0f) - (glm::vec3(1.0f) - post.lift) * (glm::vec3(1.0f) - grade.lift);
  if (overlay.alpha >= 1.0f) {
    // The overlay hides the whole scene (a fade's plateau, the title card, the
    // credits): the graded image no longer depends on the scene, so fill the
    // frame with the colour the post chain would make and draw only the text,
    // at a fraction of the scene's cost.
    target = add_overlay_fill(frame, target, look::opaque_grade_display(post));
    queue_text(t, act, state_, extent);
    return text_->add_pass(frame, slot, target);
  }

  draws_.clear();
  render::add_scene_draws(draws_, loaded.scene, [&](std::string_view id) {
    return streamer_ ? streamer_->resident(loaded.handle, id) : loaded.models.find(id);
  });
  if (auto characters = add_character_draws(loaded); !characters) return characters.error();
  draws_.sort();

  effects_ = film_effects(state_, local, a.sequence.frame_rate.fps(), std::uint32_t(act + 1));
  if (auto dissolving = add_entity_dissolves(a.sequence, loaded, local); !dissolving) return dissolving.error();
  target = renderer_->add_passes(frame, slot, draws_, camera, lighting_, target, extent, &effects_);
  queue_text(t, act, state_, extent);
  return text_->add_pass(frame, slot, target);
}

graph::TextureHandle FilmRenderer::add_overlay_fill(render::FrameGraph& frame, graph::TextureHandle target,
                                                   glm::vec3 display_color) {
  // Targets encode (sRGB formats): the clear value is linear, decoded as the
  // post chain's for_target() does (post/common.glsl).
  const glm::vec3 linear = glm::pow(display_color, glm::vec3(2.2f));
  VkClearAttachment clear{VK_IMAGE_ASPECT_COLOR_BIT, 0, {}};
  clear.clearValue.color = {{linear.r, linear.g, linear.b, 1.0f}};
  frame.add_pass(
      "overlay fill", graph::QueueKind::raster,
      [&](graph::PassBuilder& pass) { target = pass.write(target, graph::Usage::color_attachment); },
      [clear](render::PassContext& ctx) {
        const VkClearRect rect{{{0, 0}, ctx.extent}, 0, 1};
        vkCmdClearAttachments(ctx.cmd, 1, &clear, 1, &rect);
      });
  return target;
}

std::span<const render::ClipLayer> FilmRenderer::character_layers(const sequencer::SequenceState& state,
                                                                  const LoadedAct& loaded, scene::EntityId entity) {
  character_layers_.clear();
  for (const sequencer::AnimLayer& layer : state.anim_layers)
    if (layer.binding < loaded.binding.entities.size() && loaded.binding.entities[layer.binding] == entity)
      character_layers_.push_back({layer.clip, layer.time, layer.weight, layer.loop});
  return character_layers_;
}

// Every character of the act's scene, posed by the sections playing on its
// binding (idle when none plays), skinned on the GPU.
Result<void> FilmRenderer::add_character_draws(const LoadedAct& loaded) {
  if (!characters_) {
    auto loaded_cast = render::CharacterModels::load(device_, asset::cast_registry_near(loaded.scene.source_path));
    if (!loaded_cast) return loaded_cast.error();
    characters_ = std::move(*loaded_cast);
  }
  auto layers_of = [&](scene::EntityId entity) { return character_layers(state_, loaded, entity); };
  auto drawn = render::add_character_draws(draws_, loaded.scene, *characters_, state_.time, layers_of);
  if (!drawn) return make_error(loaded.scene.source_path.string(), ": ", drawn.error().message);
  return {};
}

// "fx.dissolve.<binding>": the entity's draws dissolve alone, and a character
// sheds fragments from its burning edge. The fragments are replayed each
// frame from the last few seconds: each step's progress, and the pose the
// character had then (its animation sections at that time), placed where the
// character stands now.
Result<void> FilmRenderer::add_entity_dissolves(const sequencer::Sequence& sequence, const LoadedAct& loaded,
                                                double local) {
  const double fps = sequence.frame_rate.fps();
  for (const sequencer::EntityValue& value : sequencer::entity_parameter_values(state_, loaded.binding, "fx.dissolve")) {
    const auto seed = std::uint32_t(value.entity);
    const render::DissolveSettings dissolve = character_dissolve(value.value, seed);
    if (dissolve.progress > 0.0f) draws_.set_dissolve(value.entity, render::dissolve_vector(dissolve));
    const scene::Entity* entity = loaded.scene.find(value.entity);
    if (!entity || !entity->character) continue;
    render::FragmentEmitter emitter;
    const std::uint32_t steps = fragment_replay_steps(fps);
    auto step_time = [&](std::uint32_t i) { return std::max(local - double(steps - 1 - i) / fps, 0.0); };
    bool burning = false;  // some step has an edge to shed from
    // Only this track is evaluated at the replayed steps, not the whole
    // sequence: a binding whose dissolve stays 0 over the window (most of
    // Act 3) costs a few curve lookups and adds no passes.
    for (std::uint32_t i = 0; i < steps; ++i) {
      const std::optional<glm::vec4> at = sequencer::evaluate_parameter(sequence, step_time(i), value.path);
      const float progress = at ? std::clamp(at->x, 0.0f, 1.0f) : 0.0f;
      burning = burning || (progress > 0.0f && progress < 1.0f);
      emitter.progress.push_back(progress);
    }
    if (!burning) continue;
    auto model = characters_->get(entity->character->character, entity->character->outfit);
    if (!model) return make_error(loaded.scene.source_path.string(), ": ", model.error().message);
    for (std::uint32_t i = 0; i < steps; ++i) {
      sequencer::evaluate(sequence, step_time(i), step_state_);
      auto pose = (*model)->pose(character_layers(step_state_, loaded, value.entity), step_state_.time);
      if (!pose) return make_error(loaded.scene.source_path.string(), ": ", pose.error().message);
      emitter.poses.insert(emitter.poses.end(), pose->begin(), pose->end());
    }
    emitter.source = &(*model)->dissolve_source();
    emitter.world = glm::scale(loaded.scene.world_transform(value.entity), glm::vec3((*model)->scale()));
    emitter.dissolve = dissolve;
    emitter.settings = film_fragments();
    emitter.seed = seed;
    effects_.fragments.push_back(std::move(emitter));
  }
  return {};
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
