#include "kagami/look/look_settings.h"

#include <array>

namespace kagami::look {
namespace {

struct FieldEntry {
  LookField field;
  float* (*address)(LookSettings&);
};

// One row per drivable value. Paths are part of the sequence file format:
// rename one only together with a migration of sequence files.
#define KAGAMI_FIELD(path, n, member) FieldEntry{{path, n}, [](LookSettings& l) { return &(l.member); }}
#define KAGAMI_VEC3(path, member) FieldEntry{{path, 3}, [](LookSettings& l) { return &(l.member).x; }}
const std::array kFields = {
    KAGAMI_VEC3("sky.rayleigh", sky.rayleigh),
    KAGAMI_FIELD("sky.turbidity", 1, sky.turbidity),
    KAGAMI_FIELD("sky.mie_anisotropy", 1, sky.mie_anisotropy),
    KAGAMI_FIELD("sky.brightness", 1, sky.brightness),
    KAGAMI_FIELD("sky.overcast", 1, sky.overcast),
    KAGAMI_VEC3("sky.overcast_color", sky.overcast_color),
    KAGAMI_VEC3("sky.night_glow", sky.night_glow),
    KAGAMI_FIELD("sky.stars", 1, sky.stars),
    KAGAMI_FIELD("sky.disc_radius", 1, sky.disc_radius),
    KAGAMI_FIELD("sky.disc_brightness", 1, sky.disc_brightness),
    KAGAMI_FIELD("sky.ground_albedo", 1, sky.ground_albedo),
    KAGAMI_VEC3("fog.color", fog.color),
    KAGAMI_FIELD("fog.density", 1, fog.density),
    KAGAMI_FIELD("fog.height_falloff", 1, fog.height_falloff),
    KAGAMI_FIELD("fog.scattering", 1, fog.scattering),
    KAGAMI_FIELD("fog.anisotropy", 1, fog.anisotropy),
    KAGAMI_FIELD("fog.start", 1, fog.start),
    KAGAMI_FIELD("fog.sky_distance", 1, fog.sky_distance),
    KAGAMI_FIELD("post.exposure", 1, post.exposure),
    KAGAMI_FIELD("post.bloom_strength", 1, post.bloom_strength),
    KAGAMI_FIELD("post.bloom_radius", 1, post.bloom_radius),
    KAGAMI_VEC3("post.lift", post.lift),
    KAGAMI_VEC3("post.gamma", post.gamma),
    KAGAMI_VEC3("post.gain", post.gain),
    KAGAMI_FIELD("post.saturation", 1, post.saturation),
    KAGAMI_FIELD("post.temperature", 1, post.temperature),
    KAGAMI_FIELD("post.vignette", 1, post.vignette),
    KAGAMI_FIELD("post.vignette_radius", 1, post.vignette_radius),
};
#undef KAGAMI_FIELD
#undef KAGAMI_VEC3

const std::array<LookField, kFields.size()> kFieldList = [] {
  std::array<LookField, kFields.size()> list{};
  for (std::size_t i = 0; i < kFields.size(); ++i) list[i] = kFields[i].field;
  return list;
}();

}  // namespace

std::span<const LookField> look_fields() { return kFieldList; }

std::optional<std::span<float>> find_field(LookSettings& look, std::string_view path) {
  for (const FieldEntry& entry : kFields)
    if (entry.field.path == path) return std::span<float>(entry.address(look), std::size_t(entry.field.components));
  return std::nullopt;
}

std::optional<SkySettings> sky_preset(std::string_view name) {
  SkySettings sky;
  sky.preset = std::string(name);
  if (name == "clear") return sky;
  if (name == "dusk") {
    sky.turbidity = 4.0f;
    sky.brightness = 1.4f;
    sky.night_glow = {0.0015f, 0.0018f, 0.0035f};
    return sky;
  }
  if (name == "night") {
    // Moonlight scattered by the air: the same physics, a far dimmer light.
    sky.night_glow = {0.0012f, 0.0016f, 0.0032f};
    sky.stars = 1.0f;
    sky.disc_radius = 0.8f;  // drawn larger than life, as films do
    sky.disc_brightness = 30.0f;
    return sky;
  }
  if (name == "overcast_snow" || name == "snow_night" || name == "storm") {
    // A low cloud base lit from below by the city's sodium and LED light.
    sky.overcast = 1.0f;
    sky.overcast_color = {0.075f, 0.062f, 0.058f};
    sky.turbidity = 12.0f;
    sky.ground_albedo = 0.8f;  // snow
    return sky;
  }
  if (name == "void") {
    // The data world has no sky: only fog and its own light.
    sky.brightness = 0.0f;
    sky.disc_brightness = 0.0f;
    sky.ground_albedo = 0.0f;
    return sky;
  }
  return std::nullopt;
}

std::optional<LookSettings> look_preset(std::string_view name) {
  auto sky = sky_preset(name);
  if (!sky) return std::nullopt;
  LookSettings look;
  look.sky = *sky;
  PostSettings& post = look.post;
  if (name == "dusk") {
    post.temperature = 0.05f;  // a touch warm: more turns the blue zenith green
    post.saturation = 1.1f;
    post.vignette = 0.3f;
  } else if (name == "night") {
    post.temperature = -0.2f;
    post.saturation = 0.9f;
    post.lift = {0.0f, 0.004f, 0.012f};
  } else if (sky->overcast > 0.5f) {
    post.temperature = -0.2f;
    post.saturation = 0.85f;
    post.lift = {0.008f, 0.01f, 0.018f};
    post.bloom_strength = 0.06f;  // lamps glow through falling snow
    post.exposure = -1.5f;        // a night storm: the snow-lit air is dim, lamps stand out
  } else if (name == "void") {
    post.saturation = 1.15f;
    post.bloom_strength = 0.08f;
    post.vignette = 0.45f;
    post.exposure = -1.0f;  // the fog fades the world into darkness; only the glowing grid stays bright
  }
  return look;
}

glm::vec3 white_balance(float temperature) {
  // A shift along the warm-cool axis (roughly the Planckian locus around
  // 6500 K), renormalised so the Rec.709 luminance stays the same.
  glm::vec3 gains{1.0f + 0.25f * temperature, 1.0f + 0.03f * temperature, 1.0f - 0.3f * temperature};
  gains = glm::max(gains, glm::vec3(0.05f));
  float luma = glm::dot(gains, glm::vec3(0.2126f, 0.7152f, 0.0722f));
  return gains / luma;
}

}  // namespace kagami::look
