#pragma once
// The sky as ambient light: its radiance projected onto order-2 spherical
// harmonics (9 coefficients per channel) by integrating the same analytic
// model the sky pass draws, on the CPU, plus the hemisphere colours the
// forward pass uses today. Cheap (a few thousand model evaluations): redo it
// whenever the sky or the sun changes.
#include <array>

#include "kagami/core/math.h"
#include "kagami/look/look_settings.h"
#include "shared/sky_model.h"

namespace kagami::look {

using ShCoefficients = std::array<glm::vec3, 9>;  // real SH, bands 0..2, radiance

struct SkyAmbient {
  ShCoefficients radiance{};  // project radiance; sh_irradiance() turns it into irradiance
  // Radiance a white Lambertian surface reflects (irradiance / pi), facing up,
  // sideways (averaged around the horizon) and down.
  glm::vec3 sky{0.0f};
  glm::vec3 horizon{0.0f};
  glm::vec3 ground{0.0f};
};

// The sky model's parameters. `towards_sun` need not be normalised.
shader::SkyParams sky_params(const SkySettings& sky, glm::vec3 towards_sun, glm::vec3 sun_radiance);

std::array<float, 9> sh_basis(glm::vec3 direction);
// Projects `radiance(direction)` with a stratified grid of `steps` x 2*`steps` directions.
template <typename Fn>
ShCoefficients project_sh(Fn&& radiance, int steps = 48);
// Irradiance at a surface with normal `n` (Ramamoorthi and Hanrahan's cosine convolution).
glm::vec3 sh_irradiance(const ShCoefficients& sh, glm::vec3 n);

SkyAmbient sky_ambient(const shader::SkyParams& params);

template <typename Fn>
ShCoefficients project_sh(Fn&& radiance, int steps) {
  ShCoefficients sh{};
  const int rows = steps, columns = 2 * steps;
  // Equal-area cells: uniform in cos(theta) and phi, each of solid angle 4 pi / cells.
  const float weight = 4.0f * 3.14159265f / float(rows * columns);
  for (int i = 0; i < rows; ++i) {
    float z = 1.0f - 2.0f * (float(i) + 0.5f) / float(rows);
    float r = std::sqrt(std::max(0.0f, 1.0f - z * z));
    for (int j = 0; j < columns; ++j) {
      float phi = 2.0f * 3.14159265f * (float(j) + 0.5f) / float(columns);
      glm::vec3 dir{r * std::cos(phi), z, r * std::sin(phi)};  // y up
      glm::vec3 value = radiance(dir) * weight;
      std::array<float, 9> y = sh_basis(dir);
      for (int k = 0; k < 9; ++k) sh[k] += value * y[k];
    }
  }
  return sh;
}

}  // namespace kagami::look
