#include "kagami/render/draw_list.h"

#include <algorithm>

namespace kagami::render {
namespace {

void apply(GpuMaterial& m, const MaterialPatch& p) {
  if (p.base_color) m.base_color_factor = *p.base_color;
  if (p.emissive) m.emissive = *p.emissive;
  if (p.metallic) m.metallic = *p.metallic;
  if (p.roughness) m.roughness = *p.roughness;
}

}  // namespace

void DrawList::add_model(const GpuModel& model, const glm::mat4& world, std::span<const MaterialPatch> patches,
                         std::uint64_t entity) {
  for (const auto& instance : model.instances) {
    const GpuMesh& mesh = model.meshes[instance.mesh];
    DrawItem item;
    item.mesh = &mesh;
    item.material = model.materials[mesh.material];
    for (const MaterialPatch& p : patches)
      if (p.material == mesh.material) apply(item.material, p);
    if (item.material.base_color_texture >= 0)
      item.base_color = model.textures[std::size_t(item.material.base_color_texture)].view;
    item.world = world * instance.world;
    item.entity = entity;
    triangles_ += mesh.index_count / 3;
    items_.push_back(item);
  }
  if (model.bounds.valid()) {
    // The eight corners of the model's box, placed: a conservative world box.
    for (int c = 0; c < 8; ++c) {
      glm::vec3 corner((c & 1) ? model.bounds.max.x : model.bounds.min.x, (c & 2) ? model.bounds.max.y : model.bounds.min.y,
                       (c & 4) ? model.bounds.max.z : model.bounds.min.z);
      bounds_.extend(glm::vec3(world * glm::vec4(corner, 1.0f)));
    }
  }
}

void DrawList::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const DrawItem& a, const DrawItem& b) {
    if (a.material.double_sided != b.material.double_sided) return !a.material.double_sided;
    return a.base_color < b.base_color;
  });
}

DrawList draw_model(const GpuModel& model) {
  DrawList list;
  list.add_model(model);
  list.sort();
  return list;
}

}  // namespace kagami::render
