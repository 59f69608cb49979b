#pragma once
// Scene files: JSON, one per location (scenes/<name>.json).
//
//   {
//     "schema": "kagami.scene",                     required, exactly this
//     "version": 1,                                  required; newer versions are refused
//     "name": "tokyo_dome_city",
//     "assets": { "dome_roof": "../assets/locations/tokyo_dome_city/dome_roof.gltf" },
//                                                    id -> path relative to this file; ids are
//                                                    identifiers ([A-Za-z0-9_-]), paths relative
//     "environment": {
//       "sky": { "preset": "dusk", "sun_direction": [x, y, z], "sun_color": [r, g, b],
//                "sun_intensity": 3.0, "turbidity": 3.0 },
//       "fog": { "color": [r, g, b], "density": 0.01, "height_falloff": 0.1, "scattering": 0.5 },
//       "exposure": 0.0 },
//     "streaming": { "bounds": { "min": [x, y, z], "max": [x, y, z] }, "priority": 0 },
//     "entities": [
//       { "id": 1,                                   required, unique, > 0, stable
//         "name": "dome",
//         "parent": 0,                               0 or absent: a root; may refer to a later entity
//         "transform": { "translation": [x, y, z], "rotation": [x, y, z, w], "scale": [x, y, z] },
//         "mesh": { "asset": "dome_roof",            an id from "assets"
//                   "material_overrides": [ { "material": 0, "base_color": [r, g, b, a],
//                                             "emissive": [r, g, b], "metallic": 0.0, "roughness": 0.5 } ] },
//         "light": { "type": "point|spot|directional", "color": [r, g, b], "intensity": 10.0,
//                    "range": 20.0, "inner_cone": 0.3, "outer_cone": 0.5, "shadows": false },
//         "camera": { "fov_y": 0.8, "near": 0.1, "far": 2000.0, "focus_distance": 10.0, "aperture": 2.8 },
//         "character": { "character": "len", "outfit": "coat" },
//         "emitter": { "kind": "snow|dissolve|sparks", "rate": 1000.0, "seed": 7,
//                      "bounds": { "min": [..], "max": [..] },
//                      "params": { "wind": [x, y, z], "size": 0.02 } },   a number or 1-4 numbers
//         "streaming": { "bounds": { "min": [..], "max": [..] } } }
//     ]
//   }
//
// Everything but schema, version, entity ids, mesh.asset, light.type,
// character.character and emitter.kind is optional; the defaults are those of
// components.h. Ranges are documented there and enforced on load and save.
// Rotations must be unit quaternions (within 1e-3); scales must be non-zero.
//
// Reading: every error is "file:line:column: field.path: what is wrong", the
// location being that of the offending value (of the enclosing object for a
// missing field). Unknown fields are not errors: each is logged as a warning
// with its location (the first 50 of a file, then a count) and ignored.
//
// Writing: keys in the order above, fields equal to their defaults omitted,
// floats in the shortest form that reads back to the same float, 2-space
// indent with arrays of numbers on one line, trailing newline.
// save -> load -> save is byte-identical.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "kagami/core/result.h"
#include "kagami/scene/scene.h"

namespace kagami::scene {

inline constexpr std::string_view kSceneSchema = "kagami.scene";
inline constexpr int kSceneVersion = 1;


// `source_name` is used in messages and warnings ("scenes/dome.json").
Result<Scene> parse_scene(std::string_view text, std::string_view source_name, const SceneLimits& limits = {});
// Also sets Scene::source_path.
Result<Scene> load_scene(const std::filesystem::path& path, const SceneLimits& limits = {});

// The file text; validate() first if the scene came from code (save_scene does).
std::string serialize_scene(const Scene& scene);
// Validates, then writes through write_file_atomic keeping the previous file as
// <path>.bak. On failure the previous file is untouched.
Result<void> save_scene(const Scene& scene, const std::filesystem::path& path);

}  // namespace kagami::scene
