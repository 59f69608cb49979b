#pragma once
// Renders a film (sequencer/film.h) frame by frame, as a pure function of film
// time: evaluate -> apply -> camera_view -> the act's scene draws -> the
// forward renderer and post chain (fade/flash as a grade of the post chain) ->
// subtitles, act cards, the title card and credits through TextRenderer.
// Locations are loaded as the film's streaming cues ask, `stream_lead`
// seconds before their act, and dropped when no cue needs them any more:
// offline, whole and at once (every frame sees its location complete); live,
// through a SceneStreamer on worker threads a budgeted slice per frame, so the
// window never waits on a load.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <memory>
#include <vector>

#include "kagami/core/image.h"
#include "kagami/core/job_system.h"
#include "kagami/render/character_models.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/scene_models.h"
#include "kagami/render/scene_streamer.h"
#include "kagami/render/text_renderer.h"
#include "kagami/sequencer/film.h"
#include "kagami/sequencer/scene_binding.h"

namespace kagami::player {

// When each act's location was asked for and (live) when it was whole, in
// film time: tests and the player check the lead.
struct LocationLoad {
  std::size_t act = 0;
  double requested_at = 0.0;
  double resident_at = -1.0;  // live only; -1: not yet whole
};

// Live playback: models stream in the background within this budget; cooked
// files are cached in `cache_dir`.
struct LiveStreaming {
  asset::StreamingBudget budget;
  std::filesystem::path cache_dir;
};

class FilmRenderer {
 public:
  static constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;
  // `extent` is the size of render()'s frames; `format` the colour format of
  // every target drawn into (a swapchain's for the window).
  // With `live`, every act's scene is opened and registered with the streamer
  // up front (cooking what is not cached yet) and stream() must run each frame.
  static Result<std::unique_ptr<FilmRenderer>> create(gpu::Device& device, const sequencer::Film& film,
                                                      VkExtent2D extent, VkFormat format = kFormat,
                                                      std::optional<LiveStreaming> live = std::nullopt);
  ~FilmRenderer();

  // Renders film time t offscreen and reads it back.
  Result<ImageRgba8> render(double t);
  // Adds the passes for film time t into `frame` over `target` (a window's
  // swapchain image or an offscreen target); returns the target's new version.
  // Offline, loads what the streaming cues ask for first; live, draws what is
  // resident (a late location shows as missing models and counts in late_frames()).
  Result<graph::TextureHandle> add_frame(render::FrameGraph& frame, std::uint32_t slot, double t, graph::TextureHandle target,
                                         VkExtent2D extent);
  // Text drawn over the next frame only (the player's frame-time overlay).
  render::TextRenderer& text() { return *text_; }
  render::ForwardRenderer& renderer() { return *renderer_; }

  // Live: requests the locations the cues want at film time t, releases the
  // rest, and records this frame's uploads into `cmd` (before its graph runs).
  void stream(VkCommandBuffer cmd, std::uint32_t slot, std::uint64_t frame, double t);

  const std::vector<LocationLoad>& loads() const { return loads_; }
  std::size_t resident_acts() const;
  bool location_ready(double t) const;  // the location of the act at t is whole
  // Live frames drawn while their act's location was not yet whole.
  std::uint64_t late_frames() const { return late_frames_; }
  const render::SceneStreamer* streamer() const { return streamer_.get(); }

 private:
  struct LoadedAct {
    scene::Scene scene;
    sequencer::SceneBinding binding;
    render::SceneModels models;      // offline
    render::SceneHandle handle = 0;  // live: the scene's handle in streamer_
  };
  FilmRenderer(gpu::Device& device, const sequencer::Film& film, VkExtent2D extent, VkFormat format)
      : device_(device), film_(film), extent_(extent), format_(format) {}
  Result<std::unique_ptr<LoadedAct>> open_act(std::size_t act) const;  // its scene, bound
  Result<LoadedAct*> ensure_loaded(std::size_t act, double t);
  std::set<std::size_t> wanted_acts(double t) const;  // the act at t and those its cues ask for
  Result<void> load_wanted(double t);  // offline: loads what the cues request at t, drops the rest
  LocationLoad& load_record(std::size_t act, double t);
  void queue_text(double t, std::size_t act, const sequencer::SequenceState& state, VkExtent2D extent);
  // A pass filling `target` with a fully opaque overlay's colour.
  graph::TextureHandle add_overlay_fill(render::FrameGraph& frame, graph::TextureHandle target, glm::vec3 display_color);

  gpu::Device& device_;
  const sequencer::Film& film_;
  VkExtent2D extent_;
  VkFormat format_;
  JobSystem jobs_;
  std::unique_ptr<render::ForwardRenderer> renderer_;
  std::unique_ptr<render::TextRenderer> text_;
  gpu::Image color_;
  std::map<std::size_t, std::unique_ptr<LoadedAct>> loaded_;  // offline: the resident acts; live: every act
  std::unique_ptr<render::SceneStreamer> streamer_;            // live only
  std::set<std::size_t> requested_;                            // live: the acts requested this frame
  std::uint64_t late_frames_ = 0;
  std::vector<LocationLoad> loads_;
  std::vector<sequencer::StreamingCue> cues_;
  // This frame's inputs: alive until the graph has executed.
  sequencer::SequenceState state_;
  render::DrawList draws_;
  render::Lighting lighting_;
  // The cast (loaded with the first act) and this frame's clip layers.
  std::unique_ptr<render::CharacterModels> characters_;
  std::vector<render::ClipLayer> character_layers_;
  sequencer::SequenceState step_state_;  // a replayed dissolve step's state (its poses)
  // The clip layers `state` plays on `entity` (in character_layers_).
  std::span<const render::ClipLayer> character_layers(const sequencer::SequenceState& state, const LoadedAct& loaded,
                                                      scene::EntityId entity);
  Result<void> add_character_draws(const LoadedAct& loaded);
  Result<void> add_entity_dissolves(const sequencer::Sequence& sequence, const LoadedAct& loaded, double local);
  render::FrameEffects effects_;
};

// The film time of frame `frame` at `fps` frames per second.
inline double film_time(std::int64_t frame, unsigned fps) { return double(frame) / double(fps); }

}  // namespace kagami::player
