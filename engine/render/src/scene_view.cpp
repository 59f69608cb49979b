#include "kagami/render/scene_view.h"

#include <algorithm>
#include <cmath>

#include "kagami/look/scene_look.h"
#include "kagami/scene/queries.h"

namespace kagami::render {

std::size_t add_scene_draws(DrawList& draws, const scene::Scene& scene, const ResidentModelFn& resident) {
  std::size_t skipped = 0;
  std::vector<MaterialPatch> patches;
  for (const scene::MeshInstance& instance : scene::mesh_instances(scene)) {
    const GpuModel* model = resident(instance.mesh->asset);
    if (!model) {
      ++skipped;
      continue;
    }
    patches.clear();
    for (const scene::MaterialOverride& o : instance.mesh->material_overrides)
      patches.push_back({o.material, o.base_color, o.emissive, o.metallic, o.roughness});
    const std::size_t first = draws.items().size();
    draws.add_model(*model, instance.world, patches, instance.entity);
    if (!instance.mesh->casts_shadows) draws.cast_no_shadow_from(first);
  }
  return skipped;
}

Lighting scene_lighting(const scene::Environment& environment) {
  const scene::Sky& sky = environment.sky;
  Lighting l;
  glm::vec3 towards_sun = glm::length(sky.sun_direction) > 0.0f ? glm::normalize(sky.sun_direction) : glm::vec3(0, 1, 0);
  l.sun_direction = -towards_sun;
  // Exposure is applied by the post chain (look.post.exposure), not to the lights.
  l.sun_radiance = sky.sun_color * sky.sun_intensity;
  l.look = look::scene_look(environment);
  // Ambient from the sky the sky pass draws: its radiance integrated on the CPU.
  l.sky_ambient = look::sky_ambient(look::sky_params(l.look.sky, towards_sun, l.sun_radiance));
  l.ambient_sky = l.sky_ambient.sky;
  l.ambient_ground = l.sky_ambient.ground;
  l.clear_color = glm::vec4(l.look.fog.color, 1.0f);
  return l;
}

Lighting scene_lighting(const scene::Scene& scene) {
  Lighting l = scene_lighting(scene.environment);
  for (const scene::WorldLight& w : scene::world_lights(scene)) {
    if (w.type == scene::LightType::directional) {
      l.directional_lights.push_back({w.direction, w.color * w.intensity});
      continue;
    }
    PunctualLight p;
    p.spot = w.type == scene::LightType::spot;
    p.position = w.position;
    p.direction = w.direction;
    p.radiant_intensity = w.color * w.intensity;  // exposure comes later, in the post chain
    p.range = w.range;
    p.inner_cone = w.inner_cone;
    p.outer_cone = w.outer_cone;
    p.shadows = w.shadows;
    // The entity a light hangs on is what encloses it (a lamp's glass or
    // globe), which must not shadow it; the rest of the lamp (pole, arm) is
    // an entity of its own and shadows the ground it lights. Exemption by
    // entity, not by testing each caster's bounds against the light: a draw
    // covers a whole material of a model, so a pole whose bounds reach the
    // light (or a building with a lamp inside) would lose its shadow too.
    // The draws carry their entity's id.
    if (const scene::Entity* e = scene.find(w.entity)) p.fixture = e->parent();
    l.lights.push_back(p);
  }
  return l;
}

Camera camera_from(const scene::WorldCamera& c) {
  Camera camera;
  camera.position = c.position;
  camera.target = c.position + c.forward;
  camera.up = glm::normalize(glm::vec3(c.world[1]));
  camera.fov_y = c.camera.fov_y;
  camera.near_plane = c.camera.near_plane;
  camera.far_plane = c.camera.far_plane;
  return camera;
}

std::vector<Camera> survey_cameras(const Aabb& bounds, float aspect) {
  std::vector<Camera> cameras;
  cameras.push_back(frame_bounds(bounds, aspect, {-0.55f, -0.6f, -0.6f}));  // establishing, from above
  const glm::vec3 center = bounds.center();
  const glm::vec3 extent = bounds.extent();
  const float eye = bounds.min.y + std::max(1.7f, extent.y * 0.04f);
  const float reach = 0.45f * std::max(extent.x, extent.z);
  for (int side = 0; side < 3; ++side) {
    float angle = 0.6f + float(side) * 2.1f;
    Camera c;
    c.position = {center.x + std::sin(angle) * reach, eye, center.z + std::cos(angle) * reach};
    c.target = {center.x, bounds.min.y + extent.y * 0.2f, center.z};
    c.fov_y = glm::radians(60.0f);
    c.near_plane = 0.2f;
    c.far_plane = glm::length(extent) * 2.0f + 10.0f;
    cameras.push_back(c);
  }
  return cameras;
}

}  // namespace kagami::render
