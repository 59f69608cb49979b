// The effects ForwardRenderer adds to a frame (FrameEffects): the snowstorm
// and the dissolve's fragments over the lit, fogged HDR image. Snow cover and
// the dissolve are in the mesh shader (their amounts in ViewUniforms and
// DrawPush), the data blocks among the forward pass's draws
// (forward_lighting.cpp), the data break-up in the post chain.
#include <algorithm>

#include "kagami/core/log.h"
#include "kagami/render/forward_renderer.h"

namespace kagami::render {
namespace {

// The scene's lights as the flakes see them: the nearest to the camera first
// (only KAGAMI_MAX_PARTICLE_LIGHTS fit), so the lamp cones nearby glow.
std::vector<ParticleLightDesc> flake_lights(const std::vector<PunctualLight>& lights, glm::vec3 eye) {
  std::vector<const PunctualLight*> nearest;
  for (const PunctualLight& light : lights) nearest.push_back(&light);
  const std::size_t keep = std::min<std::size_t>(nearest.size(), KAGAMI_MAX_PARTICLE_LIGHTS);
  std::partial_sort(nearest.begin(), nearest.begin() + std::ptrdiff_t(keep), nearest.end(),
                    [&](const PunctualLight* a, const PunctualLight* b) {
                      const glm::vec3 da = a->position - eye, db = b->position - eye;
                      return glm::dot(da, da) < glm::dot(db, db);
                    });
  std::vector<ParticleLightDesc> out;
  for (std::size_t i = 0; i < keep; ++i) {
    const PunctualLight& l = *nearest[i];
    ParticleLightDesc d;
    d.position = l.position;
    d.color = l.radiant_intensity;
    d.intensity = 1.0f;
    d.range = effective_range(l);
    d.direction = l.direction;
    d.inner_angle = l.inner_cone;
    d.outer_angle = l.spot ? std::max(l.outer_cone, 1e-3f) : 0.0f;
    out.push_back(d);
  }
  return out;
}

}  // namespace

graph::TextureHandle ForwardRenderer::add_snow_passes(FrameGraph& frame, std::uint32_t slot,
                                                      const FrameEffects& effects, const Camera& camera,
                                                      const Lighting& lighting, graph::TextureHandle hdr,
                                                      graph::TextureHandle depth, VkExtent2D extent) {
  SnowSettings settings = effects.snow_settings;
  // Lit by the scene: its sky ambient and its nearest lamps, not the stage's defaults.
  settings.look.ambient = lighting.ambient_sky;
  settings.look.lights = flake_lights(lighting.lights, camera.position);  // copied into uniforms now
  graph::BufferHandle particles =
      effects.snow_replay_steps > 0
          ? snow_->add_replay_pass(frame, settings, effects.time, camera, effects.snow_replay_steps,
                                    effects.snow_replay_seconds)
          : snow_->add_simulate_pass(frame, settings, effects.time, camera);
  return snow_->add_draw_pass(frame, slot, settings, camera, particles, hdr, depth, extent);
}

graph::TextureHandle ForwardRenderer::add_fragment_passes(FrameGraph& frame, std::uint32_t slot,
                                                          const FrameEffects& effects, const Camera& camera,
                                                          graph::TextureHandle hdr, graph::TextureHandle depth,
                                                          VkExtent2D extent) {
  for (std::size_t i = 0; i < effects.fragments.size(); ++i) {
    const FragmentEmitter& emitter = effects.fragments[i];
    if (!emitter.source || emitter.source->count == 0) continue;
    if (fragments_.size() <= i) {
      auto created = DissolveFragments::create(device_, kHdrFormat, kDepthFormat);
      if (!created) {  // the frame still renders, without fragments
        log::error("dissolve fragments: ", created.error().message);
        return hdr;
      }
      fragments_.push_back(std::move(*created));
    }
    DissolveFragments& system = *fragments_[i];
    graph::BufferHandle particles =
        system.add_replay_pass(frame, slot, *emitter.source, emitter.world, emitter.poses, emitter.dissolve,
                               emitter.progress, emitter.settings, emitter.seed, effects.time);
    hdr = system.add_draw_pass(frame, slot, emitter.dissolve, camera, particles, hdr, depth, extent);
  }
  return hdr;
}

}  // namespace kagami::render
