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
    for (std::size_t slot = 0; slot < kTextureSlots; ++slot)
      if (item.material.textures[slot] >= 0) item.textures[slot] = model.textures[std::size_t(item.material.textures[slot])].view;
    item.world = world * instance.world;
    item.world_bounds = transform_aabb(mesh.bounds, item.world);
    item.entity = entity;
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
    if (a.material.alpha_blend != b.material.alpha_blend) return !a.material.alpha_blend;
    if (a.material.double_sided != b.material.double_sided) return !a.material.double_sided;
    return a.textures < b.textures;
  });
}

void cull_draws(std::span<const DrawItem* const> draws, const Frustum& frustum, std::vector<const DrawItem*>& visible) {
  visible.clear();
  for (const DrawItem* item : draws)
    if (!item->world_bounds.valid() || frustum.intersects(item->world_bounds)) visible.push_back(item);
}

DrawList draw_model(const GpuModel& model) {
  DrawList list;
  list.add_model(model);
  list.sort();
  return list;
}

}  // namespace kagami::render
