#pragma once
// A location = reusable meshes (Models, one glTF file each) + placements of
// them (instances, some carrying a light) + the environment that suits it.
// write_location() turns it into assets/locations/<name>/: *.gltf/*.bin and
// placements.json (format documented in README.md beside this file).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "kagami/core/result.h"
#include "mesh.h"

namespace kagami::locgen {
using namespace ::kagami::gen;  // the shared generator toolkit (tools/gen)

// A punctual light carried by an instance (KHR_lights_punctual conventions:
// point/spot intensity in candela, range in metres, cone angles from the axis).
struct Light {
  enum class Type { point, spot };
  Type type = Type::point;
  glm::vec3 color{1.0f};
  float intensity = 10.0f;
  float range = 10.0f;
  glm::vec3 offset{0.0f};            // asset space: where on the mesh the light sits
  glm::vec3 direction{0, -1, 0};     // asset space; spot only
  float inner_cone_deg = 20.0f;      // spot only
  float outer_cone_deg = 35.0f;      // spot only
  bool shadows = false;              // may cast shadows (the renderer shadows the few that matter each frame)
};

struct Placement {
  std::string asset;  // Model id
  glm::vec3 translation{0.0f};
  glm::quat rotation{1, 0, 0, 0};
  glm::vec3 scale{1.0f};
  std::optional<Light> light;
  std::string name;  // optional: instances a sequence will animate or aim at
};

// Suggested sky, fog and exposure: written into placements.json and, when the
// scene module is there, into the scene file.
struct Environment {
  std::string time_of_day;                 // "dusk", "night", "none"
  glm::vec3 sun_direction{0, -1, 0};       // direction the light travels
  glm::vec3 sun_color{1.0f};
  float sun_intensity = 1.0f;              // lux-like scale, 0 = no sun
  glm::vec3 sky_zenith{0.1f, 0.2f, 0.5f};
  glm::vec3 sky_horizon{0.6f, 0.7f, 0.9f};
  glm::vec3 ambient{0.05f};
  glm::vec3 fog_color{0.5f};
  float fog_density = 0.0f;                // per metre (exponential)
  float fog_height_falloff = 0.0f;         // per metre, 0 = uniform
  float exposure_ev = 0.0f;
  std::string weather;                     // "clear", "snowstorm", ...
};

// A named camera position that shows the place (written as a camera entity
// in the scene file and as "viewpoints" in placements.json).
struct Viewpoint {
  std::string name;
  glm::vec3 position{0.0f};
  glm::vec3 target{0.0f, 0.0f, -1.0f};
  float fov_y_deg = 55.0f;
};

struct Location {
  std::string name;         // folder name: assets/locations/<name>
  std::string description;  // one line, for humans reading placements.json
  std::vector<Model> assets;
  std::vector<Placement> placements;
  Aabb bounds;              // streaming bounds: everything placed, padded
  Environment environment;
  std::vector<Viewpoint> viewpoints;
  // Assets lying flat on the street (paving, roads, lawns, ground snow): they
  // shadow nothing the camera sees, so their scene meshes cast no shadows.
  std::set<std::string> ground_assets;

  Model& add_asset(Model model);  // asserts the id is new
  const Model* find_asset(const std::string& id) const;
  Placement& place(const std::string& asset, const glm::vec3& t, const glm::quat& r = glm::quat(1, 0, 0, 0),
                   const glm::vec3& s = glm::vec3(1.0f));
  // A lamp as two placements at one transform: `body` (pole, arm, housing)
  // and `glass`, the part that encloses `light`, which carries it. The scene
  // hangs the light on the glass's entity, and the renderer exempts only the
  // entity a light hangs on from shadowing that light (render/scene_view.cpp):
  // the glass would black it out, while the pole shadows the ground it lights.
  void place_lamp(const std::string& body, const std::string& glass, const Light& light, const glm::vec3& t,
                  const glm::quat& r = glm::quat(1, 0, 0, 0));
  // Bounds of every placement's transformed asset bounds, padded by `margin`
  // sideways and upward. The bottom is the street (y = 0): what lies below it
  // (the canal bed, footings) never decides streaming, and tools that put an
  // eye just above the bounds' floor (survey views) then stand on the ground.
  void compute_bounds(float margin);
};

struct LocationStats {
  std::size_t unique_meshes = 0;
  std::size_t unique_triangles = 0;
  std::size_t instances = 0;
  std::size_t instanced_triangles = 0;  // every placement counted
  std::size_t lights = 0;
  std::uintmax_t bytes = 0;             // every file written for the location
};

LocationStats compute_stats(const Location& location);
// Writes the meshes and placements.json under <out_root>/assets/locations/<name>/,
// removing .gltf/.bin files there that this location no longer produces.
Result<LocationStats> write_location(const Location& location, const std::filesystem::path& out_root, std::uint32_t seed);

}  // namespace kagami::locgen
