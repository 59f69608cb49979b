#include "scene_export.h"

#include <cmath>

#include <glm/gtx/quaternion.hpp>

#include "kagami/core/file_io.h"
#include "kagami/scene/scene.h"
#include "kagami/scene/scene_io.h"

namespace kagami::locgen {
using namespace ::kagami::gen;  // the shared generator toolkit (tools/gen)
namespace fs = std::filesystem;

namespace {

// The renderer picks its sky look by preset name; the rest of the numbers refine it.
const char* sky_preset(const Environment& e) {
  if (e.weather == "snowstorm") return "snow_night";
  if (e.time_of_day == "dusk") return "dusk";
  if (e.time_of_day == "none") return "void";
  return "night";
}

float radians(float degrees) { return degrees * 3.14159265358979f / 180.0f; }

scene::LightComponent light_component(const Light& l) {
  scene::LightComponent c;
  c.type = l.type == Light::Type::spot ? scene::LightType::spot : scene::LightType::point;
  c.color = l.color;
  c.intensity = l.intensity;
  c.range = l.range;
  c.shadows = l.shadows;
  if (l.type == Light::Type::spot) {
    c.inner_cone = radians(l.inner_cone_deg);
    c.outer_cone = radians(l.outer_cone_deg);
  }
  return c;
}

// Snow for the storm: an emitter over the whole street (the effects module
// owns its look; these are starting values).
scene::Entity snowfall(const Location& loc, std::uint32_t seed) {
  scene::Entity e;
  e.name = "snowfall";
  scene::EmitterComponent em;
  em.kind = scene::EmitterKind::snow;
  em.rate = 40000.0f;
  em.seed = seed;
  Aabb box = loc.bounds;
  box.min.y = 0.0f;
  box.max.y = 60.0f;
  em.bounds = box;
  em.set_param("size", {0.02f});
  em.set_param("wind", {5.0f, -1.0f, 2.0f});
  e.emitter = em;
  return e;
}

}  // namespace

Result<void> export_scene(const Location& loc, const fs::path& out_root, std::uint32_t seed) {
  scene::Scene s;
  s.name = loc.name;
  for (const Model& m : loc.assets) s.assets[m.id] = "../assets/locations/" + loc.name + "/" + m.id + ".gltf";

  const Environment& env = loc.environment;
  s.environment.sky.preset = sky_preset(env);
  s.environment.sky.sun_direction = -glm::normalize(env.sun_direction);  // the scene wants "towards the sun"
  s.environment.sky.sun_color = env.sun_color;
  s.environment.sky.sun_intensity = env.sun_intensity;
  s.environment.sky.turbidity = env.weather == "snowstorm" ? 12.0f : (env.time_of_day == "dusk" ? 4.0f : 2.0f);
  s.environment.fog.color = env.fog_color;
  s.environment.fog.density = env.fog_density;
  s.environment.fog.height_falloff = env.fog_height_falloff;
  s.environment.fog.scattering = env.weather == "snowstorm" ? 0.8f : 0.5f;
  s.environment.exposure = env.exposure_ev;
  s.streaming.bounds = loc.bounds;

  for (std::size_t i = 0; i < loc.placements.size(); ++i) {
    const Placement& p = loc.placements[i];
    scene::Entity e;
    e.name = p.name.empty() ? p.asset + "_" + std::to_string(i) : p.name;
    e.transform.translation = p.translation;
    e.transform.rotation = glm::normalize(p.rotation);
    e.transform.scale = p.scale;
    e.mesh = scene::MeshComponent{p.asset, {}};
    e.mesh->casts_shadows = !loc.ground_assets.contains(p.asset);
    auto id = s.add_entity(std::move(e));
    if (!id) return id.error();
    if (!p.light) continue;
    scene::Entity light;
    light.name = (p.name.empty() ? p.asset + "_" + std::to_string(i) : p.name) + "_light";
    light.transform.translation = p.light->offset;
    // Lights shine down their local -Z.
    light.transform.rotation = glm::rotation(glm::vec3(0, 0, -1), glm::normalize(p.light->direction));
    light.light = light_component(*p.light);
    if (auto r = s.add_entity(std::move(light), *id); !r) return r.error();
  }
  for (const Viewpoint& v : loc.viewpoints) {
    scene::Entity cam;
    cam.name = "view_" + v.name;
    cam.transform.translation = v.position;
    // Cameras look down their local -Z.
    cam.transform.rotation = glm::quatLookAtRH(glm::normalize(v.target - v.position), glm::vec3(0, 1, 0));
    scene::CameraComponent c;
    c.fov_y = radians(v.fov_y_deg);
    c.far_plane = 2500.0f;
    cam.camera = c;
    if (auto r = s.add_entity(std::move(cam)); !r) return r.error();
  }
  if (loc.environment.weather == "snowstorm")
    if (auto r = s.add_entity(snowfall(loc, seed)); !r) return r.error();

  if (auto r = s.validate(); !r) return make_error(loc.name, " scene: ", r.error().message);
  const fs::path path = out_root / "scenes" / (loc.name + ".json");
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  // No .bak beside a generated file: the generator is the backup.
  return write_file_atomic(path, scene::serialize_scene(s));
}

}  // namespace kagami::locgen
