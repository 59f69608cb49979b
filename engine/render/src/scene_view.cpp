#include "kagami/render/scene_view.h"

#include <algorithm>
#include <cmath>

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
    draws.add_model(*model, instance.world, patches, instance.entity);
  }
  return skipped;
}

Lighting scene_lighting(const scene::Environment& environment) {
  const scene::Sky& sky = environment.sky;
  Lighting l;
  glm::vec3 towards_sun = glm::length(sky.sun_direction) > 0.0f ? glm::normalize(sky.sun_direction) : glm::vec3(0, 1, 0);
  l.sun_direction = -towards_sun;
  float exposure = std::exp2(environment.exposure);
  l.sun_radiance = sky.sun_color * sky.sun_intensity * exposure;
  // Until the sky and image-based lighting land, the ambient is a hemisphere
  // tinted by the fog colour (the colour of the air) and the sun.
  glm::vec3 air = environment.fog.density > 0.0f ? environment.fog.color : glm::vec3(0.35f, 0.4f, 0.5f);
  float sun_up = std::max(towards_sun.y, 0.0f);
  l.ambient_sky = (air * 0.6f + sky.sun_color * 0.15f * sun_up) * exposure;
  l.ambient_ground = air * 0.2f * exposure;
  l.clear_color = glm::vec4(air * 0.8f, 1.0f);
  return l;
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
