// Writing scene files (format: scene_io.h). The output is a pure function of
// the scene: fixed key order, defaults omitted, floats in their shortest exact
// form, so save -> load -> save gives the same bytes and diffs stay small.
#include "kagami/core/file_io.h"
#include "kagami/core/json_writer.h"
#include "kagami/scene/scene_io.h"

namespace kagami::scene {
namespace {

using json_write::add;
using json_write::number;
using json_write::vector;

template <typename T>
void add_unless(Json& object, std::string key, const T& value, const T& fallback) {
  if (value == fallback) return;
  if constexpr (std::is_same_v<T, float>) add(object, std::move(key), number(value));
  else if constexpr (std::is_same_v<T, glm::vec3> || std::is_same_v<T, glm::vec4>) add(object, std::move(key), vector(value));
  else add(object, std::move(key), Json(value));
}

Json write_aabb(const Aabb& box) {
  Json o = Json::object();
  add(o, "min", vector(box.min));
  add(o, "max", vector(box.max));
  return o;
}

Json write_environment(const Environment& env) {
  const Environment defaults;
  Json o = Json::object();
  if (env.sky != defaults.sky) {
    const Sky& s = env.sky;
    Json sky = Json::object();
    add_unless(sky, "preset", s.preset, defaults.sky.preset);
    add_unless(sky, "sun_direction", s.sun_direction, defaults.sky.sun_direction);
    add_unless(sky, "sun_color", s.sun_color, defaults.sky.sun_color);
    add_unless(sky, "sun_intensity", s.sun_intensity, defaults.sky.sun_intensity);
    add_unless(sky, "turbidity", s.turbidity, defaults.sky.turbidity);
    add(o, "sky", std::move(sky));
  }
  if (env.fog != defaults.fog) {
    const Fog& f = env.fog;
    Json fog = Json::object();
    add_unless(fog, "color", f.color, defaults.fog.color);
    add_unless(fog, "density", f.density, defaults.fog.density);
    add_unless(fog, "height_falloff", f.height_falloff, defaults.fog.height_falloff);
    add_unless(fog, "scattering", f.scattering, defaults.fog.scattering);
    add(o, "fog", std::move(fog));
  }
  add_unless(o, "exposure", env.exposure, defaults.exposure);
  return o;
}

Json write_mesh(const MeshComponent& mesh) {
  Json o = Json::object();
  add(o, "asset", mesh.asset);
  if (!mesh.material_overrides.empty()) {
    Json list = Json::array();
    for (const MaterialOverride& m : mesh.material_overrides) {
      Json item = Json::object();
      add(item, "material", m.material);
      if (m.base_color) add(item, "base_color", vector(*m.base_color));
      if (m.emissive) add(item, "emissive", vector(*m.emissive));
      if (m.metallic) add(item, "metallic", number(*m.metallic));
      if (m.roughness) add(item, "roughness", number(*m.roughness));
      list.push_back(std::move(item));
    }
    add(o, "material_overrides", std::move(list));
  }
  add_unless(o, "casts_shadows", mesh.casts_shadows, true);
  return o;
}

Json write_light(const LightComponent& l) {
  const LightComponent d;
  Json o = Json::object();
  add(o, "type", std::string(to_string(l.type)));
  add_unless(o, "color", l.color, d.color);
  add_unless(o, "intensity", l.intensity, d.intensity);
  add_unless(o, "range", l.range, d.range);
  add_unless(o, "inner_cone", l.inner_cone, d.inner_cone);
  add_unless(o, "outer_cone", l.outer_cone, d.outer_cone);
  add_unless(o, "shadows", l.shadows, d.shadows);
  return o;
}

Json write_camera(const CameraComponent& c) {
  const CameraComponent d;
  Json o = Json::object();
  add_unless(o, "fov_y", c.fov_y, d.fov_y);
  add_unless(o, "near", c.near_plane, d.near_plane);
  add_unless(o, "far", c.far_plane, d.far_plane);
  add_unless(o, "focus_distance", c.focus_distance, d.focus_distance);
  add_unless(o, "aperture", c.aperture, d.aperture);
  return o;
}

Json write_emitter(const EmitterComponent& e) {
  const EmitterComponent d;
  Json o = Json::object();
  add(o, "kind", std::string(to_string(e.kind)));
  add_unless(o, "rate", e.rate, d.rate);
  add_unless(o, "seed", e.seed, d.seed);
  if (e.bounds) add(o, "bounds", write_aabb(*e.bounds));
  if (!e.params.empty()) {
    Json params = Json::object();
    for (const EmitterParam& p : e.params) {
      if (p.values.size() == 1) {
        add(params, p.name, number(p.values[0]));
      } else {
        Json values = Json::array();
        for (float v : p.values) values.push_back(number(v));
        add(params, p.name, std::move(values));
      }
    }
    add(o, "params", std::move(params));
  }
  return o;
}

Json write_entity(const Entity& e) {
  Json o = Json::object();
  add(o, "id", e.id());
  if (!e.name.empty()) add(o, "name", e.name);
  if (e.parent() != kNoEntity) add(o, "parent", e.parent());
  if (e.transform != Transform{}) {
    const Transform d;
    Json t = Json::object();
    add_unless(t, "translation", e.transform.translation, d.translation);
    if (e.transform.rotation != d.rotation) {
      const glm::quat& q = e.transform.rotation;
      add(t, "rotation", vector(glm::vec4(q.x, q.y, q.z, q.w)));
    }
    add_unless(t, "scale", e.transform.scale, d.scale);
    add(o, "transform", std::move(t));
  }
  if (e.mesh) add(o, "mesh", write_mesh(*e.mesh));
  if (e.light) add(o, "light", write_light(*e.light));
  if (e.camera) add(o, "camera", write_camera(*e.camera));
  if (e.character) {
    Json c = Json::object();
    add(c, "character", e.character->character);
    if (!e.character->outfit.empty()) add(c, "outfit", e.character->outfit);
    add(o, "character", std::move(c));
  }
  if (e.emitter) add(o, "emitter", write_emitter(*e.emitter));
  if (e.streaming_bounds) {
    Json s = Json::object();
    add(s, "bounds", write_aabb(*e.streaming_bounds));
    add(o, "streaming", std::move(s));
  }
  return o;
}

}  // namespace

std::string serialize_scene(const Scene& scene) {
  Json root = Json::object();
  add(root, "schema", std::string(kSceneSchema));
  add(root, "version", kSceneVersion);
  if (!scene.name.empty()) add(root, "name", scene.name);
  if (!scene.assets.empty()) {
    Json assets = Json::object();
    for (const auto& [id, path] : scene.assets) add(assets, id, path);
    add(root, "assets", std::move(assets));
  }
  if (scene.environment != Environment{}) add(root, "environment", write_environment(scene.environment));
  if (scene.streaming != StreamingSettings{}) {
    Json s = Json::object();
    if (scene.streaming.bounds) add(s, "bounds", write_aabb(*scene.streaming.bounds));
    if (scene.streaming.priority != 0) add(s, "priority", scene.streaming.priority);
    add(root, "streaming", std::move(s));
  }
  Json entities = Json::array();
  for (const Entity& e : scene.entities()) entities.push_back(write_entity(e));
  add(root, "entities", std::move(entities));
  // Invalid UTF-8 (which validate() refuses) is replaced rather than thrown.
  return json_write::format(root);
}

Result<void> save_scene(const Scene& scene, const std::filesystem::path& path) {
  if (auto valid = scene.validate(); !valid)
    return make_error(path.string(), ": not saved: ", valid.error().message);
  return write_file_atomic(path, serialize_scene(scene), {.keep_backup = true});
}

}  // namespace kagami::scene
