#include "kagami/look/scene_look.h"

#include "kagami/core/log.h"

namespace kagami::look {

LookSettings scene_look(const scene::Environment& environment) {
  const scene::Sky& sky = environment.sky;
  std::optional<LookSettings> preset = look_preset(sky.preset);
  if (!preset) {
    log::warn("sky preset \"", sky.preset, "\" is unknown (clear, dusk, night, overcast_snow, void): using clear");
    preset = look_preset("clear");
  }
  LookSettings look = *preset;
  look.sky.turbidity = sky.turbidity;
  const scene::Fog& fog = environment.fog;
  look.fog.color = fog.color;
  look.fog.density = fog.density;
  look.fog.height_falloff = fog.height_falloff;
  look.fog.scattering = fog.scattering;
  look.post.exposure += environment.exposure;  // the scene's EV compensation on top of the preset's exposure
  return look;
}

}  // namespace kagami::look
