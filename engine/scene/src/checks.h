#pragma once
// The value rules of a scene, written once and used twice: by the reader, which
// turns an issue into "file:line:column: entities[3].light.intensity: ...", and
// by Scene::validate, which names the entity instead of a location.
//
// An issue's field is relative to the checked object and may descend
// ("max", "material_overrides[2].roughness", "params.wind").
#include <optional>
#include <string>
#include <string_view>

#include "kagami/scene/scene.h"

namespace kagami::scene::checks {

struct Issue {
  std::string field;
  std::string message;
};
using MaybeIssue = std::optional<Issue>;

// Prefixes a nested object's field: within("bounds", issue) -> "bounds.max".
MaybeIssue within(std::string_view prefix, MaybeIssue issue);

bool is_identifier(std::string_view text);  // [A-Za-z0-9_-]+ (no dots: field paths stay unambiguous)
bool is_valid_utf8(std::string_view text);
MaybeIssue check_string(std::string_view field, std::string_view text, const SceneLimits& limits);
MaybeIssue check_identifier(std::string_view field, std::string_view text, const SceneLimits& limits,
                            bool allow_empty = false);

MaybeIssue check_aabb(const Aabb& box);
MaybeIssue check_transform(const Transform& t);
MaybeIssue check_material_override(const MaterialOverride& o);
MaybeIssue check_mesh(const MeshComponent& mesh, const SceneLimits& limits);  // not whether the asset exists
MaybeIssue check_light(const LightComponent& light);
MaybeIssue check_camera(const CameraComponent& camera);
MaybeIssue check_character(const CharacterComponent& character, const SceneLimits& limits);
MaybeIssue check_emitter(const EmitterComponent& emitter, const SceneLimits& limits);
MaybeIssue check_sky(const Sky& sky, const SceneLimits& limits);
MaybeIssue check_fog(const Fog& fog);
MaybeIssue check_environment(const Environment& environment, const SceneLimits& limits);
MaybeIssue check_streaming(const StreamingSettings& streaming);
MaybeIssue check_asset_entry(std::string_view id, std::string_view path, const SceneLimits& limits);
// Everything about one entity but its id, parent and the asset table.
MaybeIssue check_entity(const Entity& entity, const SceneLimits& limits);

}  // namespace kagami::scene::checks
