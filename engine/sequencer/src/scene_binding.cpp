#include "kagami/sequencer/scene_binding.h"

#include <algorithm>

namespace kagami::sequencer {
namespace {

Result<scene::EntityId> resolve(const Sequence& seq, const Binding& b, scene::Scene& scene, SceneBinding& out) {
  const std::string where = cat(seq.source_path.empty() ? seq.name : seq.source_path.string(), ": binding \"", b.name, "\"");
  scene::Entity* e = scene.find_by_name(b.entity);
  if (!e && b.is_character() && b.spawn) {
    scene::Entity spawned;
    spawned.name = b.entity;
    spawned.character = scene::CharacterComponent{b.character, b.outfit};
    auto id = scene.add_entity(std::move(spawned));
    if (!id) return make_error(where, ": cannot spawn: ", id.error().message);
    out.spawned.push_back(b.entity);
    return *id;
  }
  if (!e) return make_error(where, ": no entity named \"", b.entity, "\" in scene ", scene.name);
  if (b.is_character() && (!e->character || e->character->character != b.character))
    return make_error(where, ": entity \"", b.entity, "\" is not character \"", b.character, "\"");
  return e->id();
}

bool is_vector(ParameterType t) { return t != ParameterType::scalar; }

// What a parameter path means for the scene; nullopt for renderer parameters.
Result<std::optional<ParameterBinding>> resolve_path(const ParameterTrack& track, const scene::Scene& scene) {
  std::string_view path = track.path;
  auto wrong_type = [&](std::string_view wanted) {
    return make_error("parameter \"", path, "\": expects ", wanted, ", the track is ", to_string(track.type));
  };
  auto simple = [&](SceneTarget target, bool vector) -> Result<std::optional<ParameterBinding>> {
    if (is_vector(track.type) != vector) return wrong_type(vector ? "vec3 or color" : "float");
    return std::optional<ParameterBinding>(ParameterBinding{target, scene::kNoEntity, {}});
  };
  if (path == "post.exposure") return simple(SceneTarget::exposure, false);
  if (path == "sky.sun_intensity") return simple(SceneTarget::sun_intensity, false);
  if (path == "sky.sun_color") return simple(SceneTarget::sun_color, true);
  if (path == "fog.density") return simple(SceneTarget::fog_density, false);
  if (path == "fog.color") return simple(SceneTarget::fog_color, true);
  bool light = path.starts_with("light:"), emitter = path.starts_with("emitter:");
  if (!light && !emitter) return std::optional<ParameterBinding>();
  std::string_view rest = path.substr(path.find(':') + 1);
  std::size_t dot = rest.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == rest.size())
    return make_error("parameter \"", path, "\": expected ", light ? "light" : "emitter", ":<entity>.<property>");
  std::string_view entity_name = rest.substr(0, dot), property = rest.substr(dot + 1);
  const scene::Entity* e = scene.find_by_name(entity_name);
  if (!e) return make_error("parameter \"", path, "\": no entity named \"", entity_name, "\" in scene ", scene.name);
  ParameterBinding pb{SceneTarget::light_intensity, e->id(), {}};
  if (light) {
    if (!e->light) return make_error("parameter \"", path, "\": entity \"", entity_name, "\" has no light");
    if (property == "intensity") {
      if (is_vector(track.type)) return wrong_type("float");
    } else if (property == "color") {
      if (!is_vector(track.type)) return wrong_type("vec3 or color");
      pb.target = SceneTarget::light_color;
    } else {
      return make_error("parameter \"", path, "\": a light has intensity and color, not \"", property, "\"");
    }
    return std::optional<ParameterBinding>(pb);
  }
  if (!e->emitter) return make_error("parameter \"", path, "\": entity \"", entity_name, "\" has no emitter");
  if (property == "rate") {
    if (is_vector(track.type)) return wrong_type("float");
    pb.target = SceneTarget::emitter_rate;
  } else {
    pb.target = SceneTarget::emitter_param;
    pb.param = std::string(property);
  }
  return std::optional<ParameterBinding>(pb);
}

// "fx.dissolve.rin": the entity of binding "rin"; nullopt for a path of no
// per-entity parameter ("fx.dissolve" alone targets everything).
Result<std::optional<EntityParameter>> resolve_entity_path(const ParameterTrack& track, const Sequence& sequence,
                                                          const SceneBinding& out) {
  for (std::string_view name : kBindingParameters) {
    std::string_view path = track.path;
    if (!path.starts_with(name) || path.size() <= name.size() || path[name.size()] != '.') continue;
    std::string_view binding = path.substr(name.size() + 1);
    if (track.type != ParameterType::scalar)
      return make_error("parameter \"", path, "\": expects float, the track is ", to_string(track.type));
    auto index = sequence.find_binding(binding);
    if (!index) return make_error("parameter \"", path, "\": no binding named \"", binding, "\" in the sequence");
    return std::optional<EntityParameter>(EntityParameter{path, name, out.entities.at(*index)});
  }
  return std::optional<EntityParameter>();
}

Result<void> bind_parameters(const Timeline& tl, const Sequence& sequence, const scene::Scene& scene,
                             SceneBinding& out) {
  for (const ParameterTrack& track : tl.parameters) {
    if (out.parameters.count(track.path)) continue;
    auto resolved = resolve_path(track, scene);
    if (!resolved) return resolved.error();
    if (*resolved) {
      out.parameters.emplace(track.path, std::move(**resolved));
      continue;
    }
    if (std::find(out.renderer_parameters.begin(), out.renderer_parameters.end(), track.path) !=
        out.renderer_parameters.end())
      continue;
    out.renderer_parameters.push_back(track.path);
    auto entity = resolve_entity_path(track, sequence, out);
    if (!entity) return entity.error();
    if (*entity) out.entity_parameters.push_back(**entity);
  }
  for (const Shot& shot : tl.shots)
    if (auto ok = bind_parameters(shot.timeline, sequence, scene, out); !ok) return ok;
  return {};
}

void apply_parameter(const ParameterValue& v, const ParameterBinding& pb, scene::Scene& scene) {
  const glm::vec3 rgb(v.value);
  scene::Entity* e = pb.entity != scene::kNoEntity ? scene.find(pb.entity) : nullptr;
  switch (pb.target) {
    case SceneTarget::light_intensity: if (e && e->light) e->light->intensity = std::max(v.value.x, 0.0f); break;
    case SceneTarget::light_color: if (e && e->light) e->light->color = glm::max(rgb, glm::vec3(0.0f)); break;
    case SceneTarget::emitter_rate: if (e && e->emitter) e->emitter->rate = std::max(v.value.x, 0.0f); break;
    case SceneTarget::emitter_param:
      if (e && e->emitter) {
        int n = v.type == ParameterType::scalar ? 1 : v.type == ParameterType::vec3 ? 3 : 4;
        e->emitter->set_param(pb.param, std::vector<float>(&v.value.x, &v.value.x + n));
      }
      break;
    case SceneTarget::exposure: scene.environment.exposure = v.value.x; break;
    case SceneTarget::sun_intensity: scene.environment.sky.sun_intensity = std::max(v.value.x, 0.0f); break;
    case SceneTarget::sun_color: scene.environment.sky.sun_color = glm::max(rgb, glm::vec3(0.0f)); break;
    case SceneTarget::fog_density: scene.environment.fog.density = std::max(v.value.x, 0.0f); break;
    case SceneTarget::fog_color: scene.environment.fog.color = glm::max(rgb, glm::vec3(0.0f)); break;
  }
}

}  // namespace

Result<SceneBinding> bind_scene(const Sequence& sequence, scene::Scene& scene) {
  SceneBinding out;
  out.entities.reserve(sequence.bindings.size());
  for (const Binding& b : sequence.bindings) {
    auto id = resolve(sequence, b, scene, out);
    if (!id) return id.error();
    out.entities.push_back(*id);
  }
  if (auto ok = bind_parameters(sequence.timeline, sequence, scene, out); !ok)
    return make_error(sequence.source_path.empty() ? sequence.name : sequence.source_path.string(), ": ",
                      ok.error().message);
  return out;
}

void apply(const SequenceState& state, const SceneBinding& binding, scene::Scene& scene) {
  for (std::size_t i = 0; i < state.bindings.size() && i < binding.entities.size(); ++i) {
    const BindingState& b = state.bindings[i];
    if (!(b.has_translation || b.has_rotation || b.has_fov || b.has_focus)) continue;
    scene::Entity* e = scene.find(binding.entities[i]);
    if (!e) continue;
    if (b.has_translation) e->transform.translation = b.translation;
    if (b.has_rotation) e->transform.rotation = b.rotation;
    if (e->camera && b.has_fov) e->camera->fov_y = std::clamp(b.fov_y, 1e-3f, 3.14f);
    if (e->camera && b.has_focus) e->camera->focus_distance = std::max(b.focus_distance, 1e-3f);
  }
  for (const ParameterValue& v : state.parameters) {
    auto it = binding.parameters.find(v.path);
    if (it != binding.parameters.end()) apply_parameter(v, it->second, scene);
  }
}

std::vector<EntityValue> entity_parameter_values(const SequenceState& state, const SceneBinding& binding,
                                                 std::string_view name) {
  std::vector<EntityValue> values;
  for (const EntityParameter& p : binding.entity_parameters) {
    if (p.name != name) continue;
    std::optional<float> value;
    for (const ParameterValue& v : state.parameters)  // later entries override earlier ones
      if (v.path == p.path) value = v.value.x;
    if (value) values.push_back({p.entity, *value, p.path});
  }
  return values;
}

std::optional<CameraView> camera_view(const SequenceState& state, const SceneBinding& binding,
                                      const scene::Scene& scene) {
  auto view_of = [&](BindingIndex b) -> std::optional<CameraView> {
    if (b >= binding.entities.size()) return std::nullopt;
    const scene::Entity* e = scene.find(binding.entities[b]);
    if (!e) return std::nullopt;
    CameraView v;
    v.camera = e->id();
    v.world = scene.world_transform(e->id());
    if (e->camera) {
      v.fov_y = e->camera->fov_y;
      v.focus_distance = e->camera->focus_distance;
      v.near_plane = e->camera->near_plane;
      v.far_plane = e->camera->far_plane;
    }
    return v;
  };
  auto to = view_of(state.camera.camera);
  if (!to) return std::nullopt;
  auto from = view_of(state.camera.previous);
  if (!from || state.camera.blend >= 1.0f) return to;
  const float w = state.camera.blend;
  scene::Transform a = scene::Transform::from_matrix(from->world), b = scene::Transform::from_matrix(to->world);
  scene::Transform m;
  m.translation = glm::mix(a.translation, b.translation, w);
  m.rotation = glm::slerp(a.rotation, b.rotation, w);
  m.scale = glm::mix(a.scale, b.scale, w);
  CameraView v = *to;
  v.world = m.matrix();
  v.fov_y = glm::mix(from->fov_y, to->fov_y, w);
  v.focus_distance = glm::mix(from->focus_distance, to->focus_distance, w);
  return v;
}

}  // namespace kagami::sequencer
