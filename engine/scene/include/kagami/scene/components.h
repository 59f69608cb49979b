#pragma once
// The pieces an entity is made of. Every component is optional on an entity;
// an entity may carry several. Defaults here are also the values a scene file
// may leave out (the writer omits a field that equals its default), so changing
// a default changes what old files mean: bump the scene version when you do.
//
// Conventions (glTF's): right-handed, +Y up, an entity looks down its local -Z;
// lengths in metres, angles in radians, colours linear RGB.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kagami/core/math.h"

namespace kagami::scene {

// Local transform relative to the parent: matrix() = T * R * S.
struct Transform {
  glm::vec3 translation{0.0f};
  glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};  // glm order: w, x, y, z (files write [x, y, z, w])
  glm::vec3 scale{1.0f};

  glm::mat4 matrix() const;
  // The TRS closest to `m` (exact when m has no shear); a negative determinant
  // goes into scale.x.
  static Transform from_matrix(const glm::mat4& m);
  bool operator==(const Transform&) const = default;
};

// Per-material changes to a mesh asset's materials; unset fields keep the asset's value.
struct MaterialOverride {
  std::uint32_t material = 0;  // index into the asset's materials
  std::optional<glm::vec4> base_color;  // linear RGBA, alpha in [0, 1]
  std::optional<glm::vec3> emissive;    // linear RGB, >= 0 (may exceed 1)
  std::optional<float> metallic;        // [0, 1]
  std::optional<float> roughness;       // [0, 1]
  bool operator==(const MaterialOverride&) const = default;
};

struct MeshComponent {
  std::string asset;  // an id in Scene::assets
  std::vector<MaterialOverride> material_overrides;  // at most one per material index
  // False for what can shadow nothing the camera sees (ground tiles, roads):
  // the shadow maps skip it, which on a CPU rasteriser is most of their cost.
  bool casts_shadows = true;
  bool operator==(const MeshComponent&) const = default;
};

enum class LightType { point, spot, directional };

struct LightComponent {
  LightType type = LightType::point;
  glm::vec3 color{1.0f};
  float intensity = 1.0f;    // >= 0; candela for point/spot, lux for directional
  float range = 0.0f;        // >= 0; 0 = no cut-off (point/spot)
  float inner_cone = 0.0f;   // spot: radians from the axis, 0 <= inner <= outer <= pi/2
  float outer_cone = 0.7853982f;
  bool shadows = false;
  bool operator==(const LightComponent&) const = default;
};

struct CameraComponent {
  float fov_y = 0.8f;            // vertical field of view, radians, (0, pi)
  float near_plane = 0.1f;       // file: "near"; > 0
  float far_plane = 1000.0f;     // file: "far"; > near
  float focus_distance = 10.0f;  // > 0, for depth of field
  float aperture = 0.0f;         // f-number; 0 = no depth of field
  bool operator==(const CameraComponent&) const = default;
};

// A character placed in the scene; the asset module resolves the model.
struct CharacterComponent {
  std::string character;  // "len", "rin", ... (identifier)
  std::string outfit;     // "" = the character's default outfit (identifier)
  bool operator==(const CharacterComponent&) const = default;
};

enum class EmitterKind { snow, dissolve, sparks };

// A named emitter parameter: one number, or a vector written as an array
// (a single number is always written as a bare number).
struct EmitterParam {
  std::string name;
  std::vector<float> values;  // 1 to 4 values
  bool operator==(const EmitterParam&) const = default;
};

struct EmitterComponent {
  EmitterKind kind = EmitterKind::snow;
  float rate = 100.0f;         // particles per second, [0, 1e7]
  std::uint64_t seed = 0;      // the same seed gives the same particles
  std::optional<Aabb> bounds;  // local space; unset = around the entity's origin
  std::vector<EmitterParam> params;  // kind-specific knobs ("wind": [x, y, z]), sorted by name

  // The parameter's values, or nullptr.
  const std::vector<float>* param(std::string_view name) const;
  float param_or(std::string_view name, float fallback) const;
  glm::vec3 param_or(std::string_view name, glm::vec3 fallback) const;
  // Inserts or replaces, keeping params sorted by name.
  void set_param(std::string name, std::vector<float> values);
  bool operator==(const EmitterComponent&) const;
};

// Sky and sun for the whole scene.
struct Sky {
  std::string preset = "clear";  // identifier the renderer maps to a look ("dusk", "night", "storm", ...)
  glm::vec3 sun_direction{0.0f, 1.0f, 0.0f};  // towards the sun; any non-zero length
  glm::vec3 sun_color{1.0f};
  float sun_intensity = 1.0f;  // >= 0
  float turbidity = 3.0f;      // [1, 32]
  bool operator==(const Sky&) const = default;
};

// Exponential height fog: density * exp(-height_falloff * y).
struct Fog {
  glm::vec3 color{1.0f};
  float density = 0.0f;         // >= 0; 0 = no fog
  float height_falloff = 0.0f;  // >= 0
  float scattering = 0.5f;      // [0, 1]: fraction of light the fog scatters toward the eye
  bool operator==(const Fog&) const = default;
};

struct Environment {
  Sky sky;
  Fog fog;
  float exposure = 0.0f;  // EV compensation
  bool operator==(const Environment&) const = default;
};

struct StreamingSettings {
  std::optional<Aabb> bounds;  // world space region the location occupies
  int priority = 0;            // [-1000, 1000]; higher streams first
  bool operator==(const StreamingSettings&) const;
};

std::string_view to_string(LightType type);
std::string_view to_string(EmitterKind kind);
std::optional<LightType> light_type_from_string(std::string_view name);
std::optional<EmitterKind> emitter_kind_from_string(std::string_view name);

bool same_bounds(const std::optional<Aabb>& a, const std::optional<Aabb>& b);

}  // namespace kagami::scene
