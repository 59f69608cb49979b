#include "kagami/look/sky_ambient.h"

#include <cmath>

#include "shared/tonemap.h"

namespace kagami::look {

shader::SkyParams sky_params(const SkySettings& sky, glm::vec3 towards_sun, glm::vec3 sun_radiance) {
  shader::SkyParams p{};
  glm::vec3 sun = glm::length(towards_sun) > 0.0f ? glm::normalize(towards_sun) : glm::vec3(0.0f, 1.0f, 0.0f);
  p.sun_direction = glm::vec4(sun, std::cos(glm::radians(std::max(sky.disc_radius, 0.01f))));
  p.optical_depth = glm::vec4(glm::max(sky.rayleigh, glm::vec3(1e-4f)), 0.02f * std::max(sky.turbidity, 0.0f));
  // `sun_radiance` is the light that reaches the ground, already tinted by the
  // scene's artistic choice. The sky model wants light above the atmosphere:
  // white, as bright as it must be to arrive with the same luminance after
  // crossing the air (the sun held just above the horizon for this estimate).
  shader::SkyParams above = p;
  above.sun_direction.y = std::max(sun.y, 0.03f);
  float arriving = shader::rec709_luma(shader::sky_sun_transmittance(above));
  float outside = shader::rec709_luma(glm::max(sun_radiance, glm::vec3(0.0f))) / std::max(arriving, 0.02f);
  p.sun_radiance = glm::vec4(glm::vec3(outside), sky.disc_brightness);
  p.shape = glm::vec4(glm::clamp(sky.mie_anisotropy, -0.95f, 0.95f), glm::clamp(sky.overcast, 0.0f, 1.0f),
                      std::max(sky.stars, 0.0f), std::max(sky.brightness, 0.0f));
  p.overcast = glm::vec4(sky.overcast_color, glm::clamp(sky.ground_albedo, 0.0f, 1.0f));
  p.night_glow = glm::vec4(sky.night_glow, 0.0f);
  return p;
}

std::array<float, 9> sh_basis(glm::vec3 d) {
  // Real spherical harmonics, bands 0..2, normalised over the sphere.
  return {0.282095f,
          0.488603f * d.y,
          0.488603f * d.z,
          0.488603f * d.x,
          1.092548f * d.x * d.y,
          1.092548f * d.y * d.z,
          0.315392f * (3.0f * d.z * d.z - 1.0f),
          1.092548f * d.x * d.z,
          0.546274f * (d.x * d.x - d.y * d.y)};
}

glm::vec3 sh_irradiance(const ShCoefficients& sh, glm::vec3 n) {
  // Convolution with the clamped cosine scales band l by A_l.
  constexpr float kPi = 3.14159265f;
  constexpr std::array<float, 9> band = {kPi, 2.0f * kPi / 3.0f, 2.0f * kPi / 3.0f, 2.0f * kPi / 3.0f,
                                         kPi / 4.0f, kPi / 4.0f, kPi / 4.0f, kPi / 4.0f, kPi / 4.0f};
  std::array<float, 9> y = sh_basis(glm::normalize(n));
  glm::vec3 e{0.0f};
  for (int k = 0; k < 9; ++k) e += sh[k] * band[k] * y[k];
  return glm::max(e, glm::vec3(0.0f));
}

SkyAmbient sky_ambient(const shader::SkyParams& params) {
  SkyAmbient a;
  a.radiance = project_sh([&](glm::vec3 d) { return shader::sky_radiance(params, d); });
  constexpr float kInvPi = 1.0f / 3.14159265f;
  a.sky = sh_irradiance(a.radiance, {0.0f, 1.0f, 0.0f}) * kInvPi;
  a.ground = sh_irradiance(a.radiance, {0.0f, -1.0f, 0.0f}) * kInvPi;
  for (int i = 0; i < 8; ++i) {
    float phi = 2.0f * 3.14159265f * float(i) / 8.0f;
    a.horizon += sh_irradiance(a.radiance, {std::cos(phi), 0.0f, std::sin(phi)}) * (kInvPi / 8.0f);
  }
  return a;
}

}  // namespace kagami::look
