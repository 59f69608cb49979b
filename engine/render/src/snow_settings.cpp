// The named parameters of SnowSettings that sequencer tracks drive.
#include <algorithm>
#include <cmath>

#include "kagami/core/strings.h"
#include "kagami/render/snow_system.h"

namespace kagami::render {
namespace {

struct ScalarParameter {
  std::string_view name;
  float SnowSettings::*field;
  float min;
  float max;
};

// Ranges keep a track's overshoot from breaking the simulation (negative sizes, NaN steps).
constexpr ScalarParameter kScalars[] = {
    {"snow.intensity", &SnowSettings::intensity, 0.0f, 1.0f},
    {"snow.gust", &SnowSettings::gust, 0.0f, 10.0f},
    {"snow.turbulence", &SnowSettings::turbulence, 0.0f, 50.0f},
    {"snow.fall_speed", &SnowSettings::fall_speed, 0.0f, 50.0f},
    {"snow.flake_size", &SnowSettings::flake_size, 0.0f, 1.0f},
    {"snow.settle_seconds", &SnowSettings::settle_seconds, 0.0f, 600.0f},
};

Result<void> expect_values(std::string_view name, std::span<const float> values, std::size_t want) {
  if (values.size() != want)
    return make_error("snow parameter '", name, "' takes ", want, " value", want == 1 ? "" : "s", ", got ",
                      values.size());
  for (float v : values)
    if (!std::isfinite(v)) return make_error("snow parameter '", name, "' got a value that is not finite");
  return {};
}

}  // namespace

Result<void> set_snow_parameter(SnowSettings& settings, std::string_view name, std::span<const float> values) {
  for (const ScalarParameter& p : kScalars) {
    if (p.name != name) continue;
    if (auto ok = expect_values(name, values, 1); !ok) return ok;
    settings.*p.field = std::clamp(values[0], p.min, p.max);
    return {};
  }
  const std::size_t want = name == "snow.wind" ? 2 : 1;
  if (auto ok = expect_values(name, values, want); !ok) return ok;
  if (name == "snow.wind") {
    settings.wind = {values[0], values[1]};
  } else if (name == "snow.opacity") {
    settings.look.opacity = std::clamp(values[0], 0.0f, 1.0f);
  } else if (name == "snow.streak") {
    settings.look.streak_seconds = std::clamp(values[0], 0.0f, 1.0f);
  } else if (name == "snow.count") {
    if (values[0] < 0.0f || values[0] > 16.0e6f)
      return make_error("snow parameter 'snow.count' must be between 0 and 16000000, got ", values[0]);
    settings.count = std::uint32_t(values[0]);
  } else if (name == "snow.seed") {
    if (values[0] < 0.0f) return make_error("snow parameter 'snow.seed' must not be negative, got ", values[0]);
    settings.seed = std::uint32_t(values[0]);
  } else {
    return make_error("unknown snow parameter '", name,
                      "' (known: snow.intensity, snow.wind, snow.gust, snow.turbulence, snow.fall_speed, "
                      "snow.flake_size, snow.settle_seconds, snow.opacity, snow.streak, snow.count, snow.seed)");
  }
  return {};
}

}  // namespace kagami::render
