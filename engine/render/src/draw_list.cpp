#include "kagami/render/draw_list.h"

#include <algorithm>

namespace kagami::render {
namespace {

// The eight corners of a box, placed: a conservative world box.
Aabb transform_box(const Aabb& box, const glm::mat4& world) {
  Aabb placed;
  if (!box.valid()) return placed;
  for (int c = 0; c < 8; ++c) {
    glm::vec3 corner((c & 1) ? box.max.x : box.min.x, (c & 2) ? box.max.y : box.min.y, (c & 4) ? box.max.z : box.min.z);
    placed.extend(glm::vec3(world * glm::vec4(corner, 1.0f)));
  }
  return placed;
}

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
    for (std::size_t slot = 0; slot < kTextureSlots; ++slot)
      if (item.material.textures[slot] >= 0) item.textures[slot] = model.textures[std::size_t(item.material.textures[slot])].view;
    item.world = world * instance.world;
    item.world_bounds = transform_box(mesh.bounds, item.world);
    triangles_ += mesh.index_count / 3;
    items_.push_back(item);
  }
  if (model.bounds.valid()) {
    Aabb placed = transform_box(model.bounds, world);
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

DrawList draw_model(const GpuModel& model) {
  DrawList list;
  list.add_model(model);
  list.sort();
  return list;
}

}  // namespace kagami::render
