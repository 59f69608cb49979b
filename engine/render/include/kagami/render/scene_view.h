#pragma once
// How a scene becomes a frame: its mesh entities become draws of the models
// that are resident, its sky becomes the lighting, and its bounds give
// viewpoints for checking a location by eye.
#include <functional>
#include <string_view>
#include <vector>

#include "kagami/render/camera.h"
#include "kagami/render/draw_list.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/scene/queries.h"
#include "kagami/scene/scene.h"

namespace kagami::render {

// The resident model for an asset id, or nullptr (not loaded yet: skipped this frame).
using ResidentModelFn = std::function<const GpuModel*(std::string_view asset_id)>;

// Draws for every mesh entity whose model is resident, with the entity's
// material overrides. Returns how many mesh entities were skipped.
std::size_t add_scene_draws(DrawList& draws, const scene::Scene& scene, const ResidentModelFn& resident);

// The sky as sun (with shadows) and ambient, the scene's point and spot
// lights, and its directional light entities (a moon: unshadowed) as extra
// directional lights. Exposure is applied later, by the post chain.
Lighting scene_lighting(const scene::Scene& scene);
Lighting scene_lighting(const scene::Environment& environment);

// The render camera of a scene camera entity (position, forward, lens).
Camera camera_from(const scene::WorldCamera& camera);

// Viewpoints over the scene's bounds for looking at a location: a high
// establishing view, then views from each side at street level.
std::vector<Camera> survey_cameras(const Aabb& bounds, float aspect);

}  // namespace kagami::render
