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

void DrawList::add_model(const GpuModel& model, const glm::mat4& world, std::span<const MaterialPatch> patches) {
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
    item.bounds = transform_aabb(mesh.bounds, item.world);
    triangles_ += mesh.index_count / 3;
    items_.push_back(item);
  }
  if (model.bounds.valid()) {
    const Aabb placed = transform_aabb(model.bounds, world);
    bounds_.extend(placed.min);
    bounds_.extend(placed.max);
  }
}

void DrawList::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const DrawItem& a, const DrawItem& b) {
    if (a.material.double_sided != b.material.double_sided) return !a.material.double_sided;
    return a.base_color < b.base_color;
  });
}

void DrawList::cull(const Frustum& frustum, std::vector<DrawItem>& visible) const {
  visible.clear();
  for (const DrawItem& item : items_)
    if (!item.bounds.valid() || frustum.intersects(item.bounds)) visible.push_back(item);
}

DrawList draw_model(const GpuModel& model) {
  DrawList list;
  list.add_model(model);
  list.sort();
  return list;
}

}  // namespace kagami::render
