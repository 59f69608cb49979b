#pragma once
// How a frame looks after lighting: the sky, the height fog and the HDR image
// pipeline (exposure, bloom, tonemapping, grading, vignette, anti-aliasing).
// Plain data with defaults per location preset; every float has a stable
// path ("post.exposure", "fog.density", "post.lift") so sequencer tracks can
// drive them by name.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kagami/core/math.h"

namespace kagami::look {

// Sky model inputs (shaders/shared/sky_model.h). The sun or moon itself (its
// direction and radiance) is the scene's main light, owned by the lighting.
struct SkySettings {
  std::string preset = "clear";
  glm::vec3 rayleigh{0.05f, 0.11f, 0.24f};  // Rayleigh optical depth at the zenith, per channel
  float turbidity = 3.0f;                   // haze: Mie optical depth = 0.02 * turbidity
  float mie_anisotropy = 0.76f;             // forward scattering of haze (the glow around the sun)
  float brightness = 1.0f;                  // scales the scattered light
  float overcast = 0.0f;                    // 0 clear .. 1 fully overcast
  glm::vec3 overcast_color{0.0f};           // overcast zenith radiance (cloud base lit by city or sun)
  glm::vec3 night_glow{0.0f};               // radiance floor of the sky (airglow, light pollution)
  float stars = 0.0f;                       // star brightness, 0 = none
  float disc_radius = 0.27f;                // degrees; the sun's is 0.27
  float disc_brightness = 40.0f;            // disc radiance relative to the light it gives
  float ground_albedo = 0.2f;               // the ground below the horizon
};

// Exponential height fog: density * exp(-height_falloff * y).
struct FogSettings {
  glm::vec3 color{0.5f};       // radiance of the fog lit by ambient light
  float density = 0.0f;        // 1/m at height 0; 0 = no fog pass
  float height_falloff = 0.05f;
  float scattering = 0.5f;     // how much sun/moon light the fog scatters towards the eye
  float anisotropy = 0.6f;     // Henyey-Greenstein g of that scattering
  float start = 0.0f;          // metres from the camera before fog begins
  float sky_distance = 1500.0f;  // how far the fog reaches along rays that hit the sky
};

struct PostSettings {
  float exposure = 0.0f;         // EV: the image is scaled by 2^exposure
  float bloom_strength = 0.04f;  // share of the blurred image in the mix
  float bloom_radius = 1.0f;     // upsample tent radius in texels of each level
  glm::vec3 lift{0.0f};
  glm::vec3 gamma{1.0f};
  glm::vec3 gain{1.0f};
  float saturation = 1.0f;
  float temperature = 0.0f;  // white balance shift: > 0 warmer, < 0 cooler; about [-1, 1]
  float vignette = 0.25f;    // 0 none .. 1 full cos^4 falloff
  float vignette_radius = 1.0f;  // in units of half the image height
  bool fxaa = true;
};

struct LookSettings {
  SkySettings sky;
  FogSettings fog;
  PostSettings post;
};

// A named float (or vec3) inside LookSettings.
struct LookField {
  std::string_view path;  // "post.exposure"
  int components;         // 1 or 3
};
std::span<const LookField> look_fields();
// The floats behind `path`, or nothing for an unknown path.
std::optional<std::span<float>> find_field(LookSettings& look, std::string_view path);

// Sky defaults for a preset name: clear, dusk, night, overcast_snow (also
// "snow_night" and "storm"), void. Unknown names give nothing.
std::optional<SkySettings> sky_preset(std::string_view name);
// The whole look a preset suggests (sky plus grading that suits it).
std::optional<LookSettings> look_preset(std::string_view name);

// Scene-linear white-balance multipliers for `temperature` (luminance kept).
glm::vec3 white_balance(float temperature);

}  // namespace kagami::look
