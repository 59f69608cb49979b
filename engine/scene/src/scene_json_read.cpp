// Reading scene files (format: scene_io.h). Values are read raw, then the rules
// of checks.cpp run on the result and an issue is located at the field it names,
// so the rules exist once for files and for scenes built in code.
#include <algorithm>
#include <limits>

#include "json_reader.h"
#include "kagami/core/file_io.h"
#include "kagami/scene/hierarchy.h"
#include "kagami/scene/scene_io.h"
#include "scene_access.h"

namespace kagami::scene {
namespace {

using read::Node;
using read::Reader;

using json_read::read_enum;

class SceneReader {
 public:
  SceneReader(const LocatedJson& doc, const SceneLimits& limits) : r_(doc, limits) {}

  Scene read() {
    Node root = r_.root();
    if (!root.value->is_object())
      r_.fail(root, cat("expected an object (a Kagami scene), got ", read::describe(*root.value)));
    r_.header(root, kSceneSchema, kSceneVersion, "scene");
    r_.object(root, {"schema", "version", "name", "assets", "environment", "streaming", "entities"});

    r_.maybe(root, "name", scene_.name);
    r_.check(root, checks::check_string("name", scene_.name, r_.limits()));
    if (auto assets = r_.field(root, "assets")) read_assets(*assets);
    if (auto env = r_.field(root, "environment")) read_environment(*env);
    if (auto streaming = r_.field(root, "streaming")) read_streaming(*streaming);
    if (auto entities = r_.field(root, "entities")) read_entities(*entities);
    r_.finish();
    return std::move(scene_);
  }

 private:
  void read_assets(const Node& node) {
    r_.map(node, r_.limits().max_assets, "assets");
    for (auto it = node.value->begin(); it != node.value->end(); ++it) {
      Node member = r_.member(node, it.key(), it.value());
      std::string path = r_.string(member);
      if (auto id_issue = checks::check_identifier("", it.key(), r_.limits()))
        r_.fail_at_key(member, cat("asset id ", id_issue->message));
      if (auto issue = checks::check_asset_entry(it.key(), path, r_.limits())) r_.fail(member, issue->message);
      scene_.assets.emplace(it.key(), std::move(path));
    }
  }

  void read_environment(const Node& node) {
    r_.object(node, {"sky", "fog", "exposure"});
    Environment& env = scene_.environment;
    if (auto sky = r_.field(node, "sky")) {
      r_.object(*sky, {"preset", "sun_direction", "sun_color", "sun_intensity", "turbidity"});
      r_.maybe(*sky, "preset", env.sky.preset);
      r_.maybe(*sky, "sun_direction", env.sky.sun_direction);
      r_.maybe(*sky, "sun_color", env.sky.sun_color);
      r_.maybe(*sky, "sun_intensity", env.sky.sun_intensity);
      r_.maybe(*sky, "turbidity", env.sky.turbidity);
    }
    if (auto fog = r_.field(node, "fog")) {
      r_.object(*fog, {"color", "density", "height_falloff", "scattering"});
      r_.maybe(*fog, "color", env.fog.color);
      r_.maybe(*fog, "density", env.fog.density);
      r_.maybe(*fog, "height_falloff", env.fog.height_falloff);
      r_.maybe(*fog, "scattering", env.fog.scattering);
    }
    r_.maybe(node, "exposure", env.exposure);
    r_.check(node, checks::check_environment(env, r_.limits()));
  }

  void read_streaming(const Node& node) {
    r_.object(node, {"bounds", "priority"});
    if (auto bounds = r_.field(node, "bounds")) scene_.streaming.bounds = r_.aabb(*bounds);
    if (auto priority = r_.field(node, "priority"))
      scene_.streaming.priority = static_cast<int>(r_.integer(*priority, -1000, 1000));
    r_.check(node, checks::check_streaming(scene_.streaming));
  }

  void read_entities(const Node& node) {
    std::size_t count = r_.array(node, r_.limits().max_entities, "entities");
    std::vector<Entity> entities(count);
    std::vector<EntityId> ids(count), parents(count);
    for (std::size_t i = 0; i < count; ++i) read_entity(r_.element(node, i), entities[i], ids[i], parents[i]);

    HierarchyOrder order = order_parents_first(ids, parents);
    if (order.problem) {
      const HierarchyProblem& p = *order.problem;
      const char* field = p.kind == HierarchyProblem::Kind::duplicate_id || p.kind == HierarchyProblem::Kind::zero_id
                              ? "id"
                              : "parent";
      r_.fail(r_.child(r_.element(node, p.index), field), p.describe(ids, parents));
    }
    for (std::size_t i = 0; i < count; ++i) detail::SceneAccess::set_links(entities[i], ids[i], parents[i]);
    detail::SceneAccess::adopt(scene_, std::move(entities));
  }

  void read_entity(const Node& node, Entity& e, EntityId& id, EntityId& parent) {
    r_.object(node, {"id", "name", "parent", "transform", "mesh", "light", "camera", "character", "emitter",
                     "streaming"});
    Node id_node = r_.required(node, "id");
    id = r_.whole(id_node, std::numeric_limits<std::uint64_t>::max());
    if (id == kNoEntity) r_.fail(id_node, "must be > 0 (0 means \"no entity\")");
    if (auto p = r_.field(node, "parent")) parent = r_.whole(*p, std::numeric_limits<std::uint64_t>::max());
    r_.maybe(node, "name", e.name);

    if (auto t = r_.field(node, "transform")) {
      r_.object(*t, {"translation", "rotation", "scale"});
      r_.maybe(*t, "translation", e.transform.translation);
      if (auto q = r_.field(*t, "rotation")) e.transform.rotation = r_.quaternion(*q);
      r_.maybe(*t, "scale", e.transform.scale);
    }
    if (auto mesh = r_.field(node, "mesh")) e.mesh = read_mesh(*mesh);
    if (auto light = r_.field(node, "light")) e.light = read_light(*light);
    if (auto camera = r_.field(node, "camera")) e.camera = read_camera(*camera);
    if (auto character = r_.field(node, "character")) {
      r_.object(*character, {"character", "outfit"});
      e.character.emplace();
      e.character->character = r_.string(r_.required(*character, "character"));
      r_.maybe(*character, "outfit", e.character->outfit);
    }
    if (auto emitter = r_.field(node, "emitter")) e.emitter = read_emitter(*emitter);
    if (auto streaming = r_.field(node, "streaming")) {
      r_.object(*streaming, {"bounds"});
      e.streaming_bounds = r_.aabb(r_.required(*streaming, "bounds"));
    }
    r_.check(node, checks::check_entity(e, r_.limits()));
    if (e.mesh && !scene_.assets.contains(e.mesh->asset))
      r_.fail(r_.descend(node, "mesh.asset"), cat("unknown asset \"", e.mesh->asset, "\" (not in \"assets\")"));
  }

  MeshComponent read_mesh(const Node& node) {
    r_.object(node, {"asset", "material_overrides", "casts_shadows"});
    MeshComponent mesh;
    mesh.asset = r_.string(r_.required(node, "asset"));
    r_.maybe(node, "casts_shadows", mesh.casts_shadows);
    if (auto list = r_.field(node, "material_overrides")) {
      std::size_t n = r_.array(*list, r_.limits().max_material_overrides, "material overrides");
      for (std::size_t i = 0; i < n; ++i) {
        Node item = r_.element(*list, i);
        r_.object(item, {"material", "base_color", "emissive", "metallic", "roughness"});
        MaterialOverride o;
        o.material = static_cast<std::uint32_t>(r_.whole(r_.required(item, "material"), 0xffffffffu));
        if (auto f = r_.field(item, "base_color")) o.base_color = r_.vector<4>(*f);
        if (auto f = r_.field(item, "emissive")) o.emissive = r_.vector<3>(*f);
        if (auto f = r_.field(item, "metallic")) o.metallic = r_.number(*f);
        if (auto f = r_.field(item, "roughness")) o.roughness = r_.number(*f);
        mesh.material_overrides.push_back(o);
      }
    }
    return mesh;
  }

  LightComponent read_light(const Node& node) {
    r_.object(node, {"type", "color", "intensity", "range", "inner_cone", "outer_cone", "shadows"});
    LightComponent l;
    l.type = read_enum<LightType>(r_, r_.required(node, "type"), light_type_from_string,
                                  {LightType::point, LightType::spot, LightType::directional});
    r_.maybe(node, "color", l.color);
    r_.maybe(node, "intensity", l.intensity);
    r_.maybe(node, "range", l.range);
    r_.maybe(node, "inner_cone", l.inner_cone);
    r_.maybe(node, "outer_cone", l.outer_cone);
    r_.maybe(node, "shadows", l.shadows);
    return l;
  }

  CameraComponent read_camera(const Node& node) {
    r_.object(node, {"fov_y", "near", "far", "focus_distance", "aperture"});
    CameraComponent c;
    r_.maybe(node, "fov_y", c.fov_y);
    r_.maybe(node, "near", c.near_plane);
    r_.maybe(node, "far", c.far_plane);
    r_.maybe(node, "focus_distance", c.focus_distance);
    r_.maybe(node, "aperture", c.aperture);
    return c;
  }

  EmitterComponent read_emitter(const Node& node) {
    r_.object(node, {"kind", "rate", "seed", "bounds", "params"});
    EmitterComponent e;
    e.kind = read_enum<EmitterKind>(r_, r_.required(node, "kind"), emitter_kind_from_string,
                                    {EmitterKind::snow, EmitterKind::dissolve, EmitterKind::sparks});
    r_.maybe(node, "rate", e.rate);
    if (auto seed = r_.field(node, "seed")) e.seed = r_.whole(*seed, std::numeric_limits<std::uint64_t>::max());
    if (auto bounds = r_.field(node, "bounds")) e.bounds = r_.aabb(*bounds);
    if (auto params = r_.field(node, "params")) {
      r_.map(*params, r_.limits().max_emitter_params, "parameters");
      for (auto it = params->value->begin(); it != params->value->end(); ++it) {
        Node p = r_.member(*params, it.key(), it.value());
        EmitterParam param{it.key(), {}};
        if (p.value->is_array()) {
          if (p.value->empty() || p.value->size() > 4)
            r_.fail(p, cat("expected a number or 1 to 4 numbers, got ", p.value->size(), " elements"));
          for (std::size_t i = 0; i < p.value->size(); ++i) param.values.push_back(r_.number(r_.element(p, i)));
        } else {
          param.values.push_back(r_.number(p));
        }
        e.params.push_back(std::move(param));
      }
      std::sort(e.params.begin(), e.params.end(),
                [](const EmitterParam& a, const EmitterParam& b) { return a.name < b.name; });
    }
    return e;
  }

  Reader r_;
  Scene scene_;
};

}  // namespace

Result<Scene> parse_scene(std::string_view text, std::string_view source_name, const SceneLimits& limits) {
  auto doc = parse_json_located(text, source_name, limits.json);
  if (!doc) return doc.error();
  try {
    return SceneReader(*doc, limits).read();
  } catch (const read::ReadFailure& failure) {
    return failure.error;
  }
}

Result<Scene> load_scene(const std::filesystem::path& path, const SceneLimits& limits) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.json.max_bytes)
    return make_error(path.string(), ": file is ", size, " bytes, over the limit of ", limits.json.max_bytes);
  auto text = read_file_text(path);
  if (!text) return text.error();
  auto scene = parse_scene(*text, path.string(), limits);
  if (scene) scene->source_path = path;
  return scene;
}

}  // namespace kagami::scene
