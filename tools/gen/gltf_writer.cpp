#include "gltf_writer.h"

#include <cmath>
#include <cstring>
#include <functional>

#include "kagami/core/file_io.h"
#include "kagami/core/json.h"

namespace kagami::gen {

namespace {

constexpr int kFloat = 5126;         // GL_FLOAT
constexpr int kUnsignedInt = 5125;   // GL_UNSIGNED_INT
constexpr int kArrayBuffer = 34962;  // vertex attributes
constexpr int kElementArrayBuffer = 34963;
constexpr int kTriangles = 4;

// Accumulates the .bin payload and the bufferView/accessor entries that describe it.
class BufferBuilder {
 public:
  explicit BufferBuilder(Json& doc) : doc_(doc) {
    doc_["bufferViews"] = Json::array();
    doc_["accessors"] = Json::array();
  }

  // Appends raw bytes as a new buffer view; returns its index. Every element is
  // 4-byte aligned already (floats, uint32), so views need no padding.
  int view(const void* data, std::size_t bytes, int target) {
    const std::size_t offset = bin_.size();
    bin_.resize(offset + bytes);
    if (bytes) std::memcpy(bin_.data() + offset, data, bytes);
    Json v;
    v["buffer"] = 0;
    v["byteOffset"] = offset;
    v["byteLength"] = bytes;
    if (target) v["target"] = target;  // none for inverse binds and animation data
    doc_["bufferViews"].push_back(std::move(v));
    return int(doc_["bufferViews"].size()) - 1;
  }

  int accessor(int view_index, int component_type, std::size_t count, const char* type) {
    Json a;
    a["bufferView"] = view_index;
    a["componentType"] = component_type;
    a["count"] = count;
    a["type"] = type;
    doc_["accessors"].push_back(std::move(a));
    return int(doc_["accessors"].size()) - 1;
  }

  Json& last_accessor() { return doc_["accessors"].back(); }
  const std::vector<std::uint8_t>& bytes() const { return bin_; }

 private:
  Json& doc_;
  std::vector<std::uint8_t> bin_;
};

Json material_json(const Material& m) {
  Json j;
  j["name"] = m.name;
  Json pbr;
  pbr["baseColorFactor"] = {tidy(m.base_color.r), tidy(m.base_color.g), tidy(m.base_color.b), tidy(m.base_color.a)};
  pbr["metallicFactor"] = tidy(m.metallic);
  pbr["roughnessFactor"] = tidy(m.roughness);
  j["pbrMetallicRoughness"] = std::move(pbr);
  if (m.emissive != glm::vec3(0.0f)) {
    j["emissiveFactor"] = {tidy(m.emissive.r), tidy(m.emissive.g), tidy(m.emissive.b)};
    if (m.emissive_strength != 1.0f)
      j["extensions"]["KHR_materials_emissive_strength"]["emissiveStrength"] = tidy(m.emissive_strength);
  }
  if (m.base_color.a < 1.0f) j["alphaMode"] = "BLEND";
  if (m.double_sided) j["doubleSided"] = true;
  return j;
}

}  // namespace

double tidy(float value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double r = std::round(double(value) * scale) / scale;
  return r == 0.0 ? 0.0 : r;  // no "-0.0"
}

namespace {

// Meshes (one per model, one primitive per material) into `doc`, payload into `buffers`.
// `extra`, when given, adds attributes to part i of the first model (skin streams).
using ExtraAttributes = std::function<void(std::size_t part, Json& attributes)>;
void add_meshes(Json& doc, BufferBuilder& buffers, const std::vector<const Model*>& models,
                const ExtraAttributes& extra = {}) {
  Json meshes = Json::array();
  Json materials = Json::array();
  for (const Model* model : models) {
    Json primitives = Json::array();
    for (std::size_t i = 0; i < model->parts.size(); ++i) {
      const Mesh& part = model->parts[i];
      if (part.empty()) continue;
      materials.push_back(material_json(model->materials[i]));
      const std::size_t n = part.vertex_count();
      const int pos = buffers.accessor(buffers.view(part.positions.data(), n * sizeof(glm::vec3), kArrayBuffer), kFloat,
                                       n, "VEC3");
      glm::vec3 lo(1e30f), hi(-1e30f);
      for (const glm::vec3& p : part.positions) { lo = glm::min(lo, p); hi = glm::max(hi, p); }
      // POSITION needs exact bounds (the stored floats, not rounded ones).
      buffers.last_accessor()["min"] = {double(lo.x), double(lo.y), double(lo.z)};
      buffers.last_accessor()["max"] = {double(hi.x), double(hi.y), double(hi.z)};
      const int nrm = buffers.accessor(buffers.view(part.normals.data(), n * sizeof(glm::vec3), kArrayBuffer), kFloat,
                                       n, "VEC3");
      const int uv =
          buffers.accessor(buffers.view(part.uvs.data(), n * sizeof(glm::vec2), kArrayBuffer), kFloat, n, "VEC2");
      const int idx = buffers.accessor(
          buffers.view(part.indices.data(), part.indices.size() * sizeof(std::uint32_t), kElementArrayBuffer),
          kUnsignedInt, part.indices.size(), "SCALAR");
      Json prim;
      prim["attributes"] = {{"POSITION", pos}, {"NORMAL", nrm}, {"TEXCOORD_0", uv}};
      if (extra && model == models.front()) extra(i, prim["attributes"]);
      prim["indices"] = idx;
      prim["material"] = int(materials.size()) - 1;
      prim["mode"] = kTriangles;
      primitives.push_back(std::move(prim));
    }
    meshes.push_back({{"name", model->id}, {"primitives", std::move(primitives)}});
  }
  doc["meshes"] = std::move(meshes);
  doc["materials"] = std::move(materials);
  bool uses_strength = false;
  for (const Model* model : models)
    for (const Material& m : model->materials)
      uses_strength |= m.emissive_strength != 1.0f && m.emissive != glm::vec3(0);
  // Used, not required: a reader without the extension still gets the colour.
  if (uses_strength) doc["extensionsUsed"] = {"KHR_materials_emissive_strength"};
}

Result<WrittenFile> finish(Json& doc, const BufferBuilder& buffers, const std::string& name,
                           const std::filesystem::path& folder) {
  const std::string bin_name = name + ".bin";
  doc["buffers"] = {{{"uri", bin_name}, {"byteLength", buffers.bytes().size()}}};
  // Top-level keys in the conventional glTF order, for people reading the file.
  Json ordered;
  for (const char* key : {"asset", "extensionsUsed", "scene", "scenes", "nodes", "meshes", "skins", "animations",
                          "materials", "accessors", "bufferViews", "buffers"})
    if (doc.contains(key)) ordered[key] = std::move(doc[key]);
  const std::string text = dump_json(ordered);
  if (auto r = write_file_atomic(folder / bin_name, std::span<const std::uint8_t>(buffers.bytes())); !r)
    return r.error();
  if (auto r = write_file_atomic(folder / (name + ".gltf"), text); !r) return r.error();
  return WrittenFile{text.size(), buffers.bytes().size()};
}

Json header(const char* generator = "kagami_locgen") { return {{"version", "2.0"}, {"generator", generator}}; }

}  // namespace

Result<WrittenFile> write_gltf(const Model& model, const std::filesystem::path& folder) {
  Json doc;
  doc["asset"] = header();
  doc["scene"] = 0;
  doc["scenes"] = {{{"nodes", {0}}}};
  doc["nodes"] = {{{"name", model.id}, {"mesh", 0}}};
  BufferBuilder buffers(doc);
  add_meshes(doc, buffers, {&model});
  return finish(doc, buffers, model.id, folder);
}

Result<WrittenFile> write_gltf_scene(const std::vector<const Model*>& models, const std::vector<GltfNode>& nodes,
                                     const glm::mat4& root, const std::string& name,
                                     const std::filesystem::path& folder) {
  Json doc;
  doc["asset"] = header();
  doc["scene"] = 0;
  doc["scenes"] = {{{"nodes", {0}}}};
  Json node_list = Json::array();
  Json children = Json::array();
  for (std::size_t i = 0; i < nodes.size(); ++i) children.push_back(i + 1);
  Json matrix = Json::array();
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r) matrix.push_back(double(root[c][r]));  // glTF matrices are column-major
  node_list.push_back({{"name", name}, {"matrix", std::move(matrix)}, {"children", std::move(children)}});
  for (const GltfNode& n : nodes) {
    const glm::quat q = glm::normalize(n.rotation);
    node_list.push_back({{"mesh", n.mesh},
                         {"translation", {double(n.translation.x), double(n.translation.y), double(n.translation.z)}},
                         {"rotation", {double(q.x), double(q.y), double(q.z), double(q.w)}},
                         {"scale", {double(n.scale.x), double(n.scale.y), double(n.scale.z)}}});
  }
  doc["nodes"] = std::move(node_list);
  BufferBuilder buffers(doc);
  add_meshes(doc, buffers, models);
  return finish(doc, buffers, name, folder);
}

}  // namespace kagami::gen

namespace kagami::gen {

namespace {

constexpr int kUnsignedShort = 5123;

Json vec_json(const glm::vec3& v) { return {double(v.x), double(v.y), double(v.z)}; }
Json quat_json(const glm::quat& q) { return {double(q.x), double(q.y), double(q.z), double(q.w)}; }

// The skeleton's nodes start at `first_node`; returns the node list entries.
Json joint_nodes(const std::vector<RigJoint>& joints, int first_node) {
  Json nodes = Json::array();
  for (std::size_t j = 0; j < joints.size(); ++j) {
    Json node{{"name", joints[j].name}, {"translation", vec_json(joints[j].translation)}};
    if (joints[j].rotation != glm::quat(1, 0, 0, 0)) node["rotation"] = quat_json(glm::normalize(joints[j].rotation));
    Json children = Json::array();
    for (std::size_t c = 0; c < joints.size(); ++c)
      if (joints[c].parent == int(j)) children.push_back(first_node + int(c));
    if (!children.empty()) node["children"] = std::move(children);
    nodes.push_back(std::move(node));
  }
  return nodes;
}

std::vector<glm::mat4> inverse_binds(const std::vector<RigJoint>& joints) {
  std::vector<glm::mat4> model(joints.size());
  std::vector<glm::mat4> inverse(joints.size());
  for (std::size_t j = 0; j < joints.size(); ++j) {
    const glm::mat4 local = trs(joints[j].translation, joints[j].rotation);
    model[j] = joints[j].parent >= 0 ? model[std::size_t(joints[j].parent)] * local : local;
    inverse[j] = glm::inverse(model[j]);
  }
  return inverse;
}

Json animation_json(BufferBuilder& buffers, const RigAnimation& animation, int first_node) {
  Json samplers = Json::array();
  Json channels = Json::array();
  for (const RigTrack& track : animation.tracks) {
    const std::size_t n = track.times.size();
    const int in = buffers.accessor(buffers.view(track.times.data(), n * sizeof(float), 0), kFloat, n, "SCALAR");
    buffers.last_accessor()["min"] = {double(track.times.front())};
    buffers.last_accessor()["max"] = {double(track.times.back())};
    int out = 0;
    if (track.rotation) {
      std::vector<glm::vec4> xyzw;
      for (const glm::quat& q : track.rotations) xyzw.emplace_back(q.x, q.y, q.z, q.w);
      out = buffers.accessor(buffers.view(xyzw.data(), n * sizeof(glm::vec4), 0), kFloat, n, "VEC4");
    } else {
      out = buffers.accessor(buffers.view(track.translations.data(), n * sizeof(glm::vec3), 0), kFloat, n, "VEC3");
    }
    channels.push_back({{"sampler", samplers.size()},
                        {"target", {{"node", first_node + int(track.joint)},
                                    {"path", track.rotation ? "rotation" : "translation"}}}});
    samplers.push_back({{"input", in}, {"output", out}, {"interpolation", "LINEAR"}});
  }
  return {{"name", animation.name}, {"channels", std::move(channels)}, {"samplers", std::move(samplers)}};
}

}  // namespace

Result<WrittenFile> write_gltf_skinned(const Model* model, const std::vector<std::vector<VertexWeights>>& weights,
                                       const std::vector<RigJoint>& joints,
                                       const std::vector<RigAnimation>& animations, const std::string& name,
                                       const std::filesystem::path& folder) {
  Json doc;
  doc["asset"] = header("kagami_castgen");
  doc["scene"] = 0;
  // Node 0: the mesh (when there is one); then the joints, root first.
  const int first_joint = model ? 1 : 0;
  Json nodes = Json::array();
  if (model) nodes.push_back({{"name", model->id}, {"mesh", 0}, {"skin", 0}});
  for (Json& n : joint_nodes(joints, first_joint)) nodes.push_back(std::move(n));
  Json roots = Json::array();
  if (model) roots.push_back(0);
  for (std::size_t j = 0; j < joints.size(); ++j)
    if (joints[j].parent < 0) roots.push_back(first_joint + int(j));
  doc["scenes"] = {{{"nodes", std::move(roots)}}};
  doc["nodes"] = std::move(nodes);
  BufferBuilder buffers(doc);
  if (model) {
    add_meshes(doc, buffers, {model}, [&](std::size_t part, Json& attributes) {
      const std::vector<VertexWeights>& w = weights[part];
      std::vector<glm::u16vec4> js;
      std::vector<glm::vec4> ws;
      for (const VertexWeights& v : w) { js.push_back(v.joints); ws.push_back(v.weights); }
      attributes["JOINTS_0"] = buffers.accessor(buffers.view(js.data(), js.size() * sizeof(glm::u16vec4), kArrayBuffer),
                                                kUnsignedShort, js.size(), "VEC4");
      attributes["WEIGHTS_0"] =
          buffers.accessor(buffers.view(ws.data(), ws.size() * sizeof(glm::vec4), kArrayBuffer), kFloat, ws.size(), "VEC4");
    });
  }
  const std::vector<glm::mat4> ibm = inverse_binds(joints);
  const int ibm_accessor =
      buffers.accessor(buffers.view(ibm.data(), ibm.size() * sizeof(glm::mat4), 0), kFloat, ibm.size(), "MAT4");
  Json joint_list = Json::array();
  for (std::size_t j = 0; j < joints.size(); ++j) joint_list.push_back(first_joint + int(j));
  doc["skins"] = {{{"inverseBindMatrices", ibm_accessor}, {"joints", std::move(joint_list)}, {"skeleton", first_joint}}};
  if (!animations.empty()) {
    Json list = Json::array();
    for (const RigAnimation& a : animations) list.push_back(animation_json(buffers, a, first_joint));
    doc["animations"] = std::move(list);
  }
  return finish(doc, buffers, name, folder);
}

}  // namespace kagami::gen
