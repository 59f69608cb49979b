#pragma once
// Connecting a sequence to a scene: bindings resolve once to entity ids
// (spawning characters that ask for it), then apply() writes each evaluated
// state into the scene, and camera_view() gives the renderer the view to draw
// from, blended during a blended cut.
//
// Parameter paths apply() writes into the scene:
//   light:<entity>.intensity (float)   light:<entity>.color (vec3 or color)
//   emitter:<entity>.rate (float)      emitter:<entity>.<param> (float, vec3, color)
//   post.exposure (float)              sky.sun_intensity (float)   sky.sun_color (vec3/color)
//   fog.density (float)                fog.color (vec3/color)
// Every other path ("snow.intensity", "fx.dissolve", "time_of_day") is for the
// renderer and the player, which read it from SequenceState::parameters.
// Renderer parameters that target one bound entity name a binding after the
// parameter's name (kBindingParameters): "fx.dissolve.rin" (float) dissolves
// what binding "rin" draws alone; bind_scene resolves the binding.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kagami/core/result.h"
#include "kagami/scene/scene.h"
#include "kagami/sequencer/evaluate.h"

namespace kagami::sequencer {

enum class SceneTarget { light_intensity, light_color, emitter_rate, emitter_param, exposure, sun_intensity,
                         sun_color, fog_density, fog_color };

struct ParameterBinding {
  SceneTarget target = SceneTarget::exposure;
  scene::EntityId entity = scene::kNoEntity;  // light and emitter targets
  std::string param;                          // emitter_param
};

// Renderer parameters with a per-entity form "<name>.<binding>".
inline constexpr std::string_view kBindingParameters[] = {"fx.dissolve"};

// A per-entity renderer parameter track, resolved: "fx.dissolve.rin" is
// {path, "fx.dissolve", the entity of binding "rin"}.
struct EntityParameter {
  std::string_view path;  // views the sequence's track path
  std::string_view name;  // one of kBindingParameters
  scene::EntityId entity = scene::kNoEntity;
};

struct SceneBinding {
  std::vector<scene::EntityId> entities;  // one per Sequence::bindings
  std::vector<std::string> spawned;       // names of the characters bind_scene added
  // Keys view the sequence's parameter paths.
  std::unordered_map<std::string_view, ParameterBinding> parameters;
  std::vector<std::string_view> renderer_parameters;  // paths left for the renderer and player
  std::vector<EntityParameter> entity_parameters;     // those of them that target one bound entity
};

// The value (.x) of every per-entity parameter `name` in `state`, by entity
// (a later value for the same path overrides an earlier one).
struct EntityValue {
  scene::EntityId entity = scene::kNoEntity;
  float value = 0.0f;
  std::string_view path;  // the track path it comes from (views the sequence)
};
std::vector<EntityValue> entity_parameter_values(const SequenceState& state, const SceneBinding& binding,
                                                 std::string_view name);

// Resolves every binding and scene parameter path; spawns missing characters
// that have `spawn`. Errors name the sequence and the binding or path:
// "scenes/x.sequence.json: binding "cam_a": no entity named "view_a" in scene tokyo_dome_city".
Result<SceneBinding> bind_scene(const Sequence& sequence, scene::Scene& scene);

// Writes transforms, camera lenses and scene parameters of `state` into the scene.
void apply(const SequenceState& state, const SceneBinding& binding, scene::Scene& scene);

struct CameraView {
  scene::EntityId camera = scene::kNoEntity;  // the cut's camera (the incoming one while blending)
  glm::mat4 world{1.0f};
  float fov_y = 0.8f;
  float focus_distance = 10.0f;
  float near_plane = 0.1f, far_plane = 1000.0f;
};

// The view after apply(): the active camera's world transform and lens, blended
// with the previous camera's (position lerp, rotation slerp) during a blended cut.
// nullopt when no cut is active.
std::optional<CameraView> camera_view(const SequenceState& state, const SceneBinding& binding, const scene::Scene& scene);

}  // namespace kagami::sequencer
