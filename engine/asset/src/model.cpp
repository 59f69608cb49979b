// ModelData helpers and check_model: the consistency checks every imported (or
// cooked, or generated) model must pass before the renderer may trust it.
#include <cmath>

#include "kagami/asset/model.h"
#include "kagami/asset/model_import.h"

namespace kagami::asset {

const char* to_string(AlphaMode mode) {
  switch (mode) {
    case AlphaMode::opaque: return "opaque";
    case AlphaMode::mask: return "mask";
    case AlphaMode::blend: return "blend";
  }
  return "?";
}

std::size_t ModelData::total_vertices() const {
  std::size_t n = 0;
  for (const auto& m : meshes) n += m.vertex_count();
  return n;
}

std::size_t ModelData::total_indices() const {
  std::size_t n = 0;
  for (const auto& m : meshes) n += m.indices.size();
  return n;
}

std::size_t ModelData::instanced_triangles() const {
  std::size_t n = 0;
  for (const auto& inst : instances)
    if (inst.mesh < meshes.size()) n += meshes[inst.mesh].triangle_count();
  return n;
}

namespace {

bool finite(const glm::vec2& v) { return std::isfinite(v.x) && std::isfinite(v.y); }
bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }
bool finite(const glm::vec4& v) { return finite(glm::vec3(v)) && std::isfinite(v.w); }
bool finite(const glm::mat4& m) {
  for (int c = 0; c < 4; ++c)
    if (!finite(m[c])) return false;
  return true;
}

// "mesh 3 \"Wheel\"" (the name only when there is one).
std::string mesh_label(std::size_t index, const std::string& name) {
  return name.empty() ? cat("mesh ", index) : cat("mesh ", index, " \"", name, "\"");
}

template <typename Vec>
Result<void> check_finite(const std::vector<Vec>& values, std::string_view source_name, const std::string& mesh,
                          const char* what) {
  for (std::size_t v = 0; v < values.size(); ++v) {
    if (!finite(values[v]))
      return make_error(source_name, ": ", mesh, ": ", what, " of vertex ", v, " is not a finite number (NaN or infinity)");
  }
  return {};
}

Result<void> check_mesh(const MeshData& mesh, std::size_t index, std::size_t material_count,
                        std::string_view source_name) {
  const std::string label = mesh_label(index, mesh.name);
  const std::size_t n = mesh.positions.size();
  if (n == 0) return make_error(source_name, ": ", label, ": has no vertices");
  if (mesh.normals.size() != n || mesh.uv0.size() != n || (!mesh.tangents.empty() && mesh.tangents.size() != n))
    return make_error(source_name, ": ", label, ": vertex arrays disagree in length (", n, " positions, ",
                      mesh.normals.size(), " normals, ", mesh.uv0.size(), " uvs, ", mesh.tangents.size(), " tangents)");
  if (mesh.indices.empty()) return make_error(source_name, ": ", label, ": has no triangles");
  if (mesh.indices.size() % 3 != 0)
    return make_error(source_name, ": ", label, ": ", mesh.indices.size(),
                      " indices is not a whole number of triangles");
  for (std::size_t i = 0; i < mesh.indices.size(); ++i) {
    if (mesh.indices[i] >= n)
      return make_error(source_name, ": ", label, ": index ", i, " is ", mesh.indices[i],
                        ", out of range for ", n, " vertices");
  }
  if (mesh.material >= material_count)
    return make_error(source_name, ": ", label, ": material ", mesh.material, " does not exist (the model has ",
                      material_count, ")");
  if (auto r = check_finite(mesh.positions, source_name, label, "position"); !r) return r;
  if (auto r = check_finite(mesh.normals, source_name, label, "normal"); !r) return r;
  if (auto r = check_finite(mesh.uv0, source_name, label, "uv0"); !r) return r;
  if (auto r = check_finite(mesh.tangents, source_name, label, "tangent"); !r) return r;
  return {};
}

Result<void> check_texture_ref(const std::optional<TextureRef>& ref, std::size_t image_count,
                               std::string_view source_name, std::size_t material, const char* slot) {
  if (ref && ref->image >= image_count)
    return make_error(source_name, ": material ", material, ": ", slot, " texture refers to image ", ref->image,
                      ", which does not exist (the model has ", image_count, ")");
  return {};
}

}  // namespace

Result<void> check_model(const ModelData& model, const ImportLimits& limits, std::string_view source_name) {
  if (model.meshes.empty()) return make_error(source_name, ": contains no triangle meshes");
  if (model.meshes.size() > limits.max_meshes)
    return make_error(source_name, ": has ", model.meshes.size(), " meshes, over the limit of ", limits.max_meshes);
  if (model.total_vertices() > limits.max_vertices)
    return make_error(source_name, ": has ", model.total_vertices(), " vertices, over the limit of ",
                      limits.max_vertices);
  if (model.total_indices() > limits.max_indices)
    return make_error(source_name, ": has ", model.total_indices(), " indices, over the limit of ",
                      limits.max_indices);
  if (model.instances.size() > limits.max_instances)
    return make_error(source_name, ": places meshes ", model.instances.size(), " times, over the limit of ",
                      limits.max_instances);

  for (std::size_t m = 0; m < model.meshes.size(); ++m)
    if (auto r = check_mesh(model.meshes[m], m, model.materials.size(), source_name); !r) return r;

  for (std::size_t i = 0; i < model.images.size(); ++i) {
    const ImageRgba8& img = model.images[i].image;
    if (img.width <= 0 || img.height <= 0 || img.pixels.size() != std::size_t(img.width) * std::size_t(img.height) * 4)
      return make_error(source_name, ": image ", i, " (", model.images[i].source, ") has inconsistent size ",
                        img.width, "x", img.height, " with ", img.pixels.size(), " bytes");
    if (img.width > limits.max_texture_dimension || img.height > limits.max_texture_dimension)
      return make_error(source_name, ": image ", i, " (", model.images[i].source, ") is ", img.width, "x",
                        img.height, ", over the limit of ", limits.max_texture_dimension, " pixels a side");
  }
  for (std::size_t m = 0; m < model.materials.size(); ++m) {
    const MaterialData& mat = model.materials[m];
    const std::size_t n = model.images.size();
    if (auto r = check_texture_ref(mat.base_color_texture, n, source_name, m, "base colour"); !r) return r;
    if (auto r = check_texture_ref(mat.metal_rough_texture, n, source_name, m, "metal-rough"); !r) return r;
    if (auto r = check_texture_ref(mat.normal_texture, n, source_name, m, "normal"); !r) return r;
    if (auto r = check_texture_ref(mat.emissive_texture, n, source_name, m, "emissive"); !r) return r;
    if (!finite(mat.base_color_factor) || !finite(mat.emissive_factor) || !std::isfinite(mat.metallic_factor) ||
        !std::isfinite(mat.roughness_factor) || !std::isfinite(mat.alpha_cutoff))
      return make_error(source_name, ": material ", m, " \"", mat.name, "\": a factor is not a finite number");
  }

  if (model.instances.empty()) return make_error(source_name, ": no node places any mesh in the scene");
  for (std::size_t i = 0; i < model.instances.size(); ++i) {
    const MeshInstance& inst = model.instances[i];
    if (inst.mesh >= model.meshes.size())
      return make_error(source_name, ": node \"", inst.node_name, "\" refers to mesh ", inst.mesh,
                        ", which does not exist (the model has ", model.meshes.size(), ")");
    if (!finite(inst.world))
      return make_error(source_name, ": node \"", inst.node_name, "\": its world transform is not finite");
  }
  return check_rig(model, source_name);
}

}  // namespace kagami::asset
