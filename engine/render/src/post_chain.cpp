#include "kagami/render/post_chain.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "kagami/look/sky_ambient.h"
#include "kagami/render/fog_lights.h"
#include "kagami/render/forward_renderer.h"

namespace kagami::render {

bool encodes_srgb(VkFormat format) {
  switch (format) {
    case VK_FORMAT_R8G8B8A8_SRGB:
    case VK_FORMAT_B8G8R8A8_SRGB:
    case VK_FORMAT_A8B8G8R8_SRGB_PACK32:
      return true;
    default:
      return false;
  }
}

Result<std::unique_ptr<PostChain>> PostChain::create(gpu::Device& device, VkFormat target_format) {
  std::unique_ptr<PostChain> chain(new PostChain(device, target_format));
  auto kit = PostKit::create(device);
  if (!kit) return kit.error();
  chain->kit_ = std::move(*kit);
  PostPipelines& p = chain->pipelines_;
  struct Want {
    VkPipeline* out;
    const char* shader;
    VkFormat format;
    gpu::BlendMode blend;
    bool sky_depth;
  };
  const Want wants[] = {
      {&p.sky, "sky.frag", kHdrFormat, gpu::BlendMode::opaque, true},
      {&p.fog, "fog.frag", kHdrFormat, gpu::BlendMode::alpha, false},
      {&p.bloom_down, "bloom_down.frag", kHdrFormat, gpu::BlendMode::opaque, false},
      {&p.bloom_up, "bloom_up.frag", kHdrFormat, gpu::BlendMode::additive, false},
      {&p.tonemap_ldr, "tonemap.frag", kLdrFormat, gpu::BlendMode::opaque, false},
      {&p.tonemap_target, "tonemap.frag", target_format, gpu::BlendMode::opaque, false},
      {&p.fxaa, "fxaa.frag", target_format, gpu::BlendMode::opaque, false},
  };
  for (const Want& want : wants) {
    auto pipeline = chain->kit_->pipeline(want.shader, want.format, want.blend, want.sky_depth);
    if (!pipeline) return pipeline.error();
    *want.out = *pipeline;
  }
  auto breakup = chain->kit_->pipeline("data_breakup.frag", kHdrFormat, gpu::BlendMode::opaque);
  if (!breakup) return breakup.error();
  chain->breakup_ = *breakup;
  for (auto& ubo : chain->uniforms_)
    ubo = device.create_buffer({sizeof(shader::PostUniforms), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                gpu::MemoryUsage::upload, "post uniforms"});
  return chain;
}

PostChain::~PostChain() {
  for (auto& ubo : uniforms_) device_.retire(ubo);
}

PostFrame PostChain::frame_state(std::uint32_t slot, const Camera& camera, const Lighting& lighting,
                                 VkExtent2D extent, const LocalShadowMaps& local_shadows) {
  const look::LookSettings& look = lighting.look;
  const float aspect = float(extent.width) / float(extent.height);
  shader::PostUniforms u{};
  u.inv_view_proj = glm::inverse(camera.view_projection(aspect));
  u.camera_position = glm::vec4(camera.position, look.fog.sky_distance);
  u.sky = look::sky_params(look.sky, -lighting.sun_direction, lighting.sun_radiance);
  u.fog_color = glm::vec4(look.fog.color, std::max(look.fog.density, 0.0f));
  u.fog_params = glm::vec4(std::max(look.fog.height_falloff, 0.0f), std::max(look.fog.scattering, 0.0f),
                           glm::clamp(look.fog.anisotropy, -0.95f, 0.95f), std::max(look.fog.start, 0.0f));
  const look::PostSettings& post = look.post;
  u.exposure = glm::vec4(std::exp2(post.exposure), glm::clamp(post.bloom_strength, 0.0f, 1.0f),
                         glm::clamp(post.vignette, 0.0f, 1.0f), std::max(post.vignette_radius, 0.05f));
  u.white_balance = glm::vec4(look::white_balance(post.temperature), 0.0f);
  u.lift = glm::vec4(post.lift, std::max(post.saturation, 0.0f));
  u.gamma = glm::vec4(post.gamma, 0.0f);
  u.gain = glm::vec4(post.gain, 0.0f);
  u.target_size = glm::vec4(float(extent.width), float(extent.height), 1.0f / float(extent.width),
                            1.0f / float(extent.height));
  const std::vector<std::uint32_t> fog_lights = fog_scattering_lights(lighting.lights, camera, aspect, KAGAMI_FOG_LIGHTS);
  for (std::size_t i = 0; i < fog_lights.size(); ++i) {
    auto shadow = std::find_if(local_shadows.lights.begin(), local_shadows.lights.end(),
                               [&](const ShadowedLight& s) { return s.light == fog_lights[i]; });
    const bool mapped = shadow != local_shadows.lights.end() && local_shadows.atlas.valid();
    u.fog_lights[i] = pack_light(lighting.lights[fog_lights[i]], mapped ? &*shadow : nullptr);
  }
  u.fog_light_info = glm::uvec4(std::uint32_t(fog_lights.size()), 0u, 0u, 0u);
  for (std::size_t v = 0; v < local_shadows.view_proj.size(); ++v) u.local_shadow_view_proj[v] = local_shadows.view_proj[v];
  std::memcpy(uniforms_[slot].mapped(), &u, sizeof u);

  PostFrame state;
  state.kit = kit_.get();
  state.pipelines = &pipelines_;
  state.look = &look;
  state.uniforms = uniforms_[slot].handle;
  state.extent = extent;
  state.target_encodes_srgb = encodes_srgb(target_format_);
  return state;
}

graph::TextureHandle PostChain::add_passes(FrameGraph& frame, std::uint32_t slot, const SceneTargets& scene,
                                           const Camera& camera, const Lighting& lighting,
                                           graph::TextureHandle target, VkExtent2D extent,
                                           const PostEffects& effects) {
  PostFrame post = frame_state(slot, camera, lighting, extent, scene.local_shadows);
  graph::TextureHandle hdr = add_sky_pass(frame, post, scene.hdr, scene.depth);
  if (lighting.look.fog.density > 0.0f)
    hdr = add_fog_pass(frame, post, hdr, scene.depth, scene.local_shadows.atlas);
  if (effects.over_atmosphere) hdr = effects.over_atmosphere(hdr);
  // Before bloom, so the glowing edges of the blocks bloom.
  if (effects.data_breakup > 0.0f)
    hdr = add_data_breakup_pass(frame, post, breakup_, hdr, std::min(effects.data_breakup, 1.0f), effects.time);
  BloomResult bloom = add_bloom_passes(frame, post, hdr);
  if (!lighting.look.post.fxaa) return add_tonemap_pass(frame, post, hdr, bloom, target);
  graph::TextureHandle ldr = add_tonemap_pass(frame, post, hdr, bloom, {});
  return add_fxaa_pass(frame, post, ldr, target);
}

}  // namespace kagami::render
