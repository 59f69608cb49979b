#pragma once
// Renders a film (sequencer/film.h) frame by frame, as a pure function of film
// time: evaluate -> apply -> camera_view -> the act's scene draws -> the
// forward renderer and post chain (fade/flash as a grade of the post chain) ->
// subtitles, act cards, the title card and credits through TextRenderer.
// Locations are loaded as the film's streaming cues ask, `stream_lead`
// seconds before their act, and dropped when no cue needs them any more.
#include <map>
#include <memory>
#include <vector>

#include "kagami/core/image.h"
#include "kagami/core/job_system.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/scene_models.h"
#include "kagami/render/text_renderer.h"
#include "kagami/sequencer/film.h"
#include "kagami/sequencer/scene_binding.h"

namespace kagami::player {

// When each act's location was asked for, in film time (tests check the lead).
struct LocationLoad {
  std::size_t act = 0;
  double requested_at = 0.0;
};

class FilmRenderer {
 public:
  static constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;
  // `extent` is the size of render()'s frames; `format` the colour format of
  // every target drawn into (a swapchain's for the window).
  static Result<std::unique_ptr<FilmRenderer>> create(gpu::Device& device, const sequencer::Film& film,
                                                      VkExtent2D extent, VkFormat format = kFormat);
  ~FilmRenderer();

  // Renders film time t offscreen and reads it back.
  Result<ImageRgba8> render(double t);
  // Adds the passes for film time t into `frame` over `target` (a window's
  // swapchain image or an offscreen target); returns the target's new version.
  // Loads what the streaming cues ask for first.
  Result<graph::TextureHandle> add_frame(render::FrameGraph& frame, std::uint32_t slot, double t, graph::TextureHandle target,
                                         VkExtent2D extent);
  // Text drawn over the next frame only (the player's frame-time overlay).
  render::TextRenderer& text() { return *text_; }
  render::ForwardRenderer& renderer() { return *renderer_; }

  const std::vector<LocationLoad>& loads() const { return loads_; }
  std::size_t resident_acts() const { return loaded_.size(); }

 private:
  struct LoadedAct {
    scene::Scene scene;
    sequencer::SceneBinding binding;
    render::SceneModels models;
  };
  FilmRenderer(gpu::Device& device, const sequencer::Film& film, VkExtent2D extent, VkFormat format)
      : device_(device), film_(film), extent_(extent), format_(format) {}
  Result<LoadedAct*> ensure_loaded(std::size_t act, double t);
  Result<void> stream(double t);  // loads what the cues request at t, drops the rest
  void queue_text(double t, std::size_t act, const sequencer::SequenceState& state, VkExtent2D extent);

  gpu::Device& device_;
  const sequencer::Film& film_;
  VkExtent2D extent_;
  VkFormat format_;
  JobSystem jobs_;
  std::unique_ptr<render::ForwardRenderer> renderer_;
  std::unique_ptr<render::TextRenderer> text_;
  gpu::Image color_;
  std::map<std::size_t, std::unique_ptr<LoadedAct>> loaded_;
  std::vector<LocationLoad> loads_;
  std::vector<sequencer::StreamingCue> cues_;
  // This frame's inputs: alive until the graph has executed.
  sequencer::SequenceState state_;
  render::DrawList draws_;
  render::Lighting lighting_;
  render::FrameEffects effects_;
};

// The film time of frame `frame` at `fps` frames per second.
inline double film_time(std::int64_t frame, unsigned fps) { return double(frame) / double(fps); }

}  // namespace kagami::player
