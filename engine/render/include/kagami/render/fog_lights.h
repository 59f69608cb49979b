#pragma once
// Which point and spot lights the fog pass scatters (shaders/lighting/
// light_scattering.glsl): the few whose beams the camera can see best.
#include <cstdint>
#include <span>
#include <vector>

#include "kagami/render/camera.h"
#include "kagami/render/light_culling.h"

namespace kagami::render {

// At most `count` of the lights that reach the view frustum, the strongest
// as seen a few metres ahead of the camera (intensity over squared distance).
// Indices into `lights`, most important first; ties keep the lower index.
std::vector<std::uint32_t> fog_scattering_lights(std::span<const PunctualLight> lights, const Camera& camera,
                                                 float aspect, std::size_t count);

}  // namespace kagami::render
