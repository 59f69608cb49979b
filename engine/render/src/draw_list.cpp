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
  add_instances(model, world, patches, entity, {}, -1);
}

Result<void> DrawList::add_skinned(const GpuModel& model, std::span<const glm::mat4> skinning, const glm::mat4& world,
                                   std::uint64_t entity, std::span<const MaterialPatch> patches) {
  if (model.joint_count == 0) return make_error("add_skinned: the model has no skinned mesh");
  if (skinning.size() != model.joint_count)
    return make_error("add_skinned: ", skinning.size(), " skinning matrices for a skeleton of ", model.joint_count,
                      " joints");
  const auto offset = std::int32_t(joints_.size());
  joints_.insert(joints_.end(), skinning.begin(), skinning.end());
  add_instances(model, world, patches, entity, skinning, offset);
  return {};
}

void DrawList::add_instances(const GpuModel& model, const glm::mat4& world, std::span<const MaterialPatch> patches,
                             std::uint64_t entity, std::span<const glm::mat4> skinning, std::int32_t joint_offset) {
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
    const bool skinned = joint_offset >= 0 && mesh.skin;
    item.world_bounds = transform_aabb(skinned ? skinned_bounds(mesh, skinning) : mesh.bounds, item.world);
    item.joint_offset = skinned ? joint_offset : -1;
    item.entity = entity;
    triangles_ += mesh.index_count / 3;
    // A skinned model's bounds are its posed meshes'; a rigid model's its own.
    if (joint_offset >= 0 && item.world_bounds.valid()) {
      bounds_.extend(item.world_bounds.min);
      bounds_.extend(item.world_bounds.max);
    }
    items_.push_back(item);
  }
  if (joint_offset < 0 && model.bounds.valid()) {
    const Aabb placed = transform_aabb(model.bounds, world);
    bounds_.extend(placed.min);
    bounds_.extend(placed.max);
  }
}

Aabb skinned_bounds(const GpuMesh& mesh, std::span<const glm::mat4> skinning) {
  Aabb box;
  for (const JointBounds& j : mesh.joint_bounds) {
    if (j.joint >= skinning.size()) continue;
    const Aabb moved = transform_aabb(j.bounds, skinning[j.joint]);
    box.extend(moved.min);
    box.extend(moved.max);
  }
  return box.valid() ? box : mesh.bounds;
}

void DrawList::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const DrawItem& a, const DrawItem& b) {
    if (a.material.alpha_blend != b.material.alpha_blend) return !a.material.alpha_blend;
    if (a.material.double_sided != b.material.double_sided) return !a.material.double_sided;
    return a.textures < b.textures;
  });
}

std::size_t DrawList::set_dissolve(std::uint64_t entity, const glm::vec4& dissolve) {
  std::size_t reached = 0;
  for (DrawItem& item : items_)
    if (item.entity == entity) {
      item.dissolve = dissolve;
      ++reached;
    }
  return reached;
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
