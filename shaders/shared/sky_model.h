// The analytic sky: single scattering in a homogeneous atmosphere slab
// (Rayleigh and Mie optical depths at the zenith, Kasten-Young air mass),
// the sun's light reddened on its way in, a CIE overcast layer blended over
// it, and the ground below the horizon. Shared by the sky pass (sky.frag) and
// the CPU integration that turns the sky into ambient light (sky_ambient.cpp).
// Sun/moon discs and stars are drawn by sky.frag only: they add nothing that
// matters to ambient light.
#ifndef KAGAMI_SHADER_SKY_MODEL_H
#define KAGAMI_SHADER_SKY_MODEL_H

#include "shading_lang.h"

#ifdef __cplusplus
namespace kagami::shader {
#endif

// vec4s only (std140 = std430); part of PostUniforms.
struct SkyParams {
  vec4 sun_direction;  // xyz: towards the sun (or moon), normalised; w: cos of the disc's angular radius
  vec4 sun_radiance;   // rgb: sunlight above the atmosphere; w: disc radiance / that light
  vec4 optical_depth;  // rgb: Rayleigh optical depth at the zenith; w: Mie optical depth at the zenith
  vec4 shape;          // x: Mie anisotropy g; y: overcast blend [0,1]; z: star brightness; w: sky brightness
  vec4 overcast;       // rgb: overcast zenith radiance; w: ground albedo
  vec4 night_glow;     // rgb: radiance floor of the night sky (airglow, city light); w unused
};

const float kSkyPi = 3.14159265f;

// Air mass relative to the zenith (Kasten & Young 1989), for mu = cos(zenith angle) >= 0.
KAGAMI_FN float sky_air_mass(float mu) {
  mu = clamp(mu, 0.0f, 1.0f);
  float zenith_degrees = degrees(acos(mu));
  return 1.0f / (mu + 0.50572f * pow(max(96.07995f - zenith_degrees, 0.01f), -1.6364f));
}

KAGAMI_FN float sky_rayleigh_phase(float cos_theta) { return 3.0f / (16.0f * kSkyPi) * (1.0f + cos_theta * cos_theta); }

// Henyey-Greenstein (also the fog's phase function).
KAGAMI_FN float hg_phase(float cos_theta, float g) {
  float d = 1.0f + g * g - 2.0f * g * cos_theta;
  return (1.0f - g * g) / (4.0f * kSkyPi * d * sqrt(d));
}

// Sunlight left after crossing the atmosphere to where it scatters towards
// the eye. Looking up, light scatters on average half-way up the slab, so it
// crosses less air (`path_share` 1 at the horizon, about 1/3 at the zenith);
// the sun fades out as it sinks below the horizon (twilight).
// Ozone absorbs (Chappuis band) orange and green light without scattering it:
// at twilight, sunlight crossing much air loses them, which is why the sky
// overhead stays blue rather than turning grey-green. Zenith optical depths.
const vec3 kSkyOzone = vec3(0.02f, 0.035f, 0.002f);

KAGAMI_FN vec3 sky_sun_transmittance_at(KAGAMI_IN(SkyParams) p, float path_share) {
  vec3 tau = vec3(p.optical_depth.x, p.optical_depth.y, p.optical_depth.z) + vec3(p.optical_depth.w) + kSkyOzone;
  float mu_s = p.sun_direction.y;
  return exp(-tau * sky_air_mass(mu_s) * path_share) * smoothstep(-0.12f, 0.02f, mu_s);
}

// Sunlight arriving at the ground.
KAGAMI_FN vec3 sky_sun_transmittance(KAGAMI_IN(SkyParams) p) { return sky_sun_transmittance_at(p, 1.0f); }

// Clear-sky radiance along `dir` (normalised, mu = dir.y >= 0).
KAGAMI_FN vec3 sky_clear(KAGAMI_IN(SkyParams) p, vec3 dir) {
  vec3 sun = vec3(p.sun_direction.x, p.sun_direction.y, p.sun_direction.z);
  vec3 tau_r = vec3(p.optical_depth.x, p.optical_depth.y, p.optical_depth.z);
  float tau_m = p.optical_depth.w;
  vec3 tau = tau_r + vec3(tau_m);
  float cos_theta = dot(dir, sun);
  vec3 light = vec3(p.sun_radiance.x, p.sun_radiance.y, p.sun_radiance.z);
  vec3 sunlight = light * sky_sun_transmittance_at(p, 1.0f / (1.0f + 2.0f * max(dir.y, 0.0f)));
  // Single scattering in a slab: what scatters towards the eye, times how much
  // of the view path is thick enough to scatter at all (1 - e^-tau).
  vec3 phase = (tau_r * sky_rayleigh_phase(cos_theta) + vec3(tau_m * hg_phase(cos_theta, p.shape.x))) / tau;
  vec3 path = vec3(1.0f) - exp(-tau * sky_air_mass(dir.y));
  // Light scattered more than once is close to isotropic and comes from
  // sunlight high in the atmosphere (a third of the sun's air mass).
  vec3 multiple = light * sky_sun_transmittance_at(p, 0.33f) * path * tau_r / tau * 0.06f;
  return (sunlight * phase * path + multiple) * p.shape.w;
}

// CIE overcast sky: the zenith three times as bright as the horizon.
KAGAMI_FN vec3 sky_overcast(KAGAMI_IN(SkyParams) p, float mu) {
  return vec3(p.overcast.x, p.overcast.y, p.overcast.z) * (1.0f + 2.0f * clamp(mu, 0.0f, 1.0f)) / 3.0f;
}

KAGAMI_FN vec3 sky_above(KAGAMI_IN(SkyParams) p, vec3 dir) {
  vec3 glow = vec3(p.night_glow.x, p.night_glow.y, p.night_glow.z);
  vec3 clear = sky_clear(p, dir) + glow;
  return mix(clear, sky_overcast(p, dir.y) + glow, p.shape.y);
}

// Radiance seen along `dir` (normalised): the sky above the horizon, below it
// the ground lit by the sun and the sky, the horizon's haze blending into it.
KAGAMI_FN vec3 sky_radiance(KAGAMI_IN(SkyParams) p, vec3 dir) {
  vec3 flat_dir = normalize(vec3(dir.x, 0.0f, dir.z) + vec3(0.0f, 1e-4f, 0.0f));
  if (dir.y >= 0.0f) return sky_above(p, dir);
  vec3 horizon = sky_above(p, flat_dir);
  vec3 sunlight = vec3(p.sun_radiance.x, p.sun_radiance.y, p.sun_radiance.z) * sky_sun_transmittance(p);
  float sun_height = max(p.sun_direction.y, 0.0f) * (1.0f - p.shape.y);
  vec3 zenith = sky_above(p, vec3(0.0f, 1.0f, 0.0f));
  vec3 ground = p.overcast.w * (sunlight * sun_height / kSkyPi + zenith * 0.75f + horizon * 0.25f);
  return mix(horizon, ground, smoothstep(0.0f, 0.25f, -dir.y));
}

#ifdef __cplusplus
}  // namespace kagami::shader
#endif
#endif
