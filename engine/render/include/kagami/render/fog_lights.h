#pragma once
// Which point and spot lights the effects that afford only a few per frame
// use: the fog's scattered beams (shaders/lighting/light_scattering.glsl) and
// point/spot shadows (local_shadows.h) go to the lights the camera sees best.
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "kagami/render/camera.h"
#include "kagami/render/light_culling.h"

namespace kagami::render {

// At most `count` of the lights (those `wanted`, or all) that reach the view
// frustum, the strongest as seen a few metres ahead of the camera (intensity
// over squared distance; kagami/core/light_ranking.h). Indices into `lights`,
// most important first; ties keep the lower index.
std::vector<std::uint32_t> most_important_lights(std::span<const PunctualLight> lights, const Camera& camera,
                                                 float aspect, std::size_t count,
                                                 const std::function<bool(const PunctualLight&)>& wanted = {});

// The lights whose beams the fog scatters.
inline std::vector<std::uint32_t> fog_scattering_lights(std::span<const PunctualLight> lights, const Camera& camera,
                                                        float aspect, std::size_t count) {
  return most_important_lights(lights, camera, aspect, count);
}

}  // namespace kagami::render
