#include "location.h"

#include <algorithm>
#include <cassert>
#include <set>

#include "gltf_writer.h"
#include "kagami/core/file_io.h"
#include "kagami/core/json.h"

namespace kagami::locgen {
using namespace ::kagami::gen;  // the shared generator toolkit (tools/gen)
namespace fs = std::filesystem;

Model& Location::add_asset(Model model) {
  assert(!find_asset(model.id) && "asset ids are unique within a location");
  assets.push_back(std::move(model));
  return assets.back();
}

const Model* Location::find_asset(const std::string& id) const {
  for (const Model& m : assets)
    if (m.id == id) return &m;
  return nullptr;
}

Placement& Location::place(const std::string& asset, const glm::vec3& t, const glm::quat& r, const glm::vec3& s) {
  assert(find_asset(asset) && "place() needs the asset added first");
  placements.push_back(Placement{asset, t, r, s, std::nullopt, {}});
  return placements.back();
}

void Location::place_lamp(const std::string& body, const std::string& glass, const Light& light, const glm::vec3& t,
                          const glm::quat& r) {
  place(body, t, r);
  place(glass, t, r).light = light;
}

void Location::compute_bounds(float margin) {
  bounds = Aabb{};
  for (const Placement& p : placements) {
    const Aabb local = find_asset(p.asset)->bounds();
    const glm::mat4 m = trs(p.translation, p.rotation, p.scale);
    for (int c = 0; c < 8; ++c) {
      const glm::vec3 corner((c & 1) ? local.max.x : local.min.x, (c & 2) ? local.max.y : local.min.y,
                             (c & 4) ? local.max.z : local.min.z);
      bounds.extend(glm::vec3(m * glm::vec4(corner, 1.0f)));
    }
  }
  bounds.min -= glm::vec3(margin, 0.0f, margin);
  bounds.max += glm::vec3(margin);
  bounds.min.y = 0.0f;
}

LocationStats compute_stats(const Location& location) {
  LocationStats s;
  s.unique_meshes = location.assets.size();
  for (const Model& m : location.assets) s.unique_triangles += m.triangle_count();
  s.instances = location.placements.size();
  for (const Placement& p : location.placements) {
    s.instanced_triangles += location.find_asset(p.asset)->triangle_count();
    if (p.light) ++s.lights;
  }
  return s;
}

namespace {

Json vec(const glm::vec3& v, int decimals = 4) { return {tidy(v.x, decimals), tidy(v.y, decimals), tidy(v.z, decimals)}; }

Json light_json(const Light& l) {
  Json j;
  j["type"] = l.type == Light::Type::spot ? "spot" : "point";
  j["color"] = vec(l.color, 3);
  j["intensity"] = tidy(l.intensity, 2);
  j["range"] = tidy(l.range, 2);
  j["offset"] = vec(l.offset, 3);
  if (l.type == Light::Type::spot) {
    j["direction"] = vec(l.direction, 4);
    j["inner_cone_deg"] = tidy(l.inner_cone_deg, 2);
    j["outer_cone_deg"] = tidy(l.outer_cone_deg, 2);
  }
  return j;
}

Json environment_json(const Environment& e) {
  Json j;
  j["time_of_day"] = e.time_of_day;
  j["weather"] = e.weather;
  j["sun"] = {{"direction", vec(glm::normalize(e.sun_direction))}, {"color", vec(e.sun_color, 3)},
              {"intensity", tidy(e.sun_intensity, 3)}};
  j["sky"] = {{"zenith", vec(e.sky_zenith, 3)}, {"horizon", vec(e.sky_horizon, 3)}, {"ambient", vec(e.ambient, 3)}};
  j["fog"] = {{"color", vec(e.fog_color, 3)}, {"density", tidy(e.fog_density, 5)},
              {"height_falloff", tidy(e.fog_height_falloff, 4)}};
  j["exposure_ev"] = tidy(e.exposure_ev, 2);
  return j;
}

}  // namespace

Result<LocationStats> write_location(const Location& location, const fs::path& out_root, std::uint32_t seed) {
  const fs::path folder = out_root / "assets" / "locations" / location.name;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return make_error(folder.string(), ": cannot create folder: ", ec.message());

  LocationStats stats = compute_stats(location);
  std::set<std::string> written;
  for (const Model& model : location.assets) {
    auto r = write_gltf(model, folder);
    if (!r) return r.error();
    stats.bytes += r->gltf_bytes + r->bin_bytes;
    written.insert(model.id + ".gltf");
    written.insert(model.id + ".bin");
  }

  // Stale meshes from an older generator version would look like live assets.
  std::vector<fs::path> stale;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string ext = entry.path().extension().string();
    if ((ext == ".gltf" || ext == ".bin") && !written.count(entry.path().filename().string())) stale.push_back(entry.path());
  }
  std::sort(stale.begin(), stale.end());
  for (const fs::path& p : stale) fs::remove(p, ec);

  Json doc;
  doc["format"] = "kagami.locgen.placements";
  doc["version"] = 1;
  doc["location"] = location.name;
  doc["description"] = location.description;
  doc["generator"] = {{"tool", "kagami_locgen"}, {"seed", seed}};
  doc["units"] = "metres, +Y up, right-handed; rotation quaternions are [x, y, z, w]";
  doc["bounds"] = {{"min", vec(location.bounds.min, 2)}, {"max", vec(location.bounds.max, 2)}};
  doc["environment"] = environment_json(location.environment);
  Json views = Json::array();
  for (const Viewpoint& v : location.viewpoints)
    views.push_back({{"name", v.name}, {"position", vec(v.position, 2)}, {"target", vec(v.target, 2)},
                     {"fov_y_deg", tidy(v.fov_y_deg, 1)}});
  doc["viewpoints"] = std::move(views);
  doc["stats"] = {{"unique_meshes", stats.unique_meshes}, {"unique_triangles", stats.unique_triangles},
                  {"instances", stats.instances}, {"instanced_triangles", stats.instanced_triangles},
                  {"lights", stats.lights}};
  Json assets = Json::array();
  for (const Model& m : location.assets) {
    const Aabb b = m.bounds();
    assets.push_back({{"id", m.id}, {"file", m.id + ".gltf"}, {"triangles", m.triangle_count()},
                      {"bounds", {{"min", vec(b.min, 3)}, {"max", vec(b.max, 3)}}}});
  }
  doc["assets"] = std::move(assets);
  // One instance per line: thousands of them stay readable and diff well.
  std::string lines;
  for (std::size_t i = 0; i < location.placements.size(); ++i) {
    const Placement& p = location.placements[i];
    Json j;
    j["asset"] = p.asset;
    if (!p.name.empty()) j["name"] = p.name;
    j["t"] = vec(p.translation, 3);
    const glm::quat q = glm::normalize(p.rotation);
    j["r"] = {tidy(q.x, 5), tidy(q.y, 5), tidy(q.z, 5), tidy(q.w, 5)};
    j["s"] = vec(p.scale, 3);
    if (p.light) j["light"] = light_json(*p.light);
    lines += "    " + j.dump() + (i + 1 < location.placements.size() ? ",\n" : "\n");
  }
  std::string text = dump_json(doc);  // ends with "}\n"
  text.resize(text.rfind('}'));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  text += ",\n  \"instances\": [\n" + lines + "  ]\n}\n";
  if (auto r = write_file_atomic(folder / "placements.json", text); !r) return r.error();
  stats.bytes += text.size();
  return stats;
}

}  // namespace kagami::locgen
