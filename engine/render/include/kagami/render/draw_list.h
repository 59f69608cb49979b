#pragma once
// What the forward pass draws this frame: one item per mesh placement, with
// its material already resolved (asset material + scene overrides). Built
// fresh each frame from a model or a scene; sorted so that pipeline and
// texture changes are rare.
#include <span>
#include <vector>

#include "kagami/core/frustum.h"
#include "kagami/core/result.h"
#include "kagami/render/gpu_model.h"

namespace kagami::render {

struct DrawItem {
  const GpuMesh* mesh = nullptr;
  GpuMaterial material;
  // By TextureSlot; null: the pass's default for the slot.
  std::array<VkImageView, kTextureSlots> textures{};
  glm::mat4 world{1.0f};
  Aabb world_bounds;  // the mesh's box, placed
  std::uint64_t entity = 0;  // the scene entity it draws (0: none); the editor's ID pass picks by it
  // Skinned draws: index of the draw's first skinning matrix in the list's
  // joint_matrices() (mesh->skin holds the vertex weights); -1: rigid.
  std::int32_t joint_offset = -1;
  bool casts_shadow = true;  // false: the shadow maps skip it (scene::MeshComponent::casts_shadows)
  // This draw alone dissolving (DrawPush::dissolve, dissolve_vector()); x = 0: whole.
  glm::vec4 dissolve{0.0f};
  bool skinned() const { return joint_offset >= 0; }
};

struct MaterialPatch {
  std::uint32_t material = 0;
  std::optional<glm::vec4> base_color;
  std::optional<glm::vec3> emissive;
  std::optional<float> metallic;
  std::optional<float> roughness;
};

class DrawList {
 public:
  // Every instance of `model`, placed by `world`, with optional per-material patches.
  void add_model(const GpuModel& model, const glm::mat4& world = glm::mat4(1.0f),
                 std::span<const MaterialPatch> patches = {}, std::uint64_t entity = 0);
  // A skinned model posed by `skinning` (anim::skinning_matrices: one matrix per
  // joint, model.joint_count of them), placed by `world`. The matrices are
  // copied into the list; the renderer uploads them each frame. Rigid meshes of
  // the model are drawn as by add_model. World bounds are conservative
  // (skinned_bounds). A matrix count that does not match is an Error.
  Result<void> add_skinned(const GpuModel& model, std::span<const glm::mat4> skinning, const glm::mat4& world,
                           std::uint64_t entity = 0, std::span<const MaterialPatch> patches = {});
  // Opaque and masked draws first, ordered by pipeline (culling mode) then
  // textures; alpha-blended draws last (the renderer orders those back to
  // front for each view).
  void sort();
  // Every draw of `entity` dissolves by `dissolve` (dissolve_vector(): progress,
  // edge, noise scale, seed); returns how many draws it reached.
  std::size_t set_dissolve(std::uint64_t entity, const glm::vec4& dissolve);
  void clear() {
    items_.clear();
    joints_.clear();
    triangles_ = 0;
    bounds_ = {};
  }

  std::span<const DrawItem> items() const { return items_; }
  // The items added since `first` (an earlier items().size()) cast no shadow.
  void cast_no_shadow_from(std::size_t first) {
    for (std::size_t i = first; i < items_.size(); ++i) items_[i].casts_shadow = false;
  }
  std::uint64_t triangles() const { return triangles_; }
  Aabb bounds() const { return bounds_; }
  // Every skinned draw's matrices, back to back (DrawItem::joint_offset).
  std::span<const glm::mat4> joint_matrices() const { return joints_; }

 private:
  void add_instances(const GpuModel& model, const glm::mat4& world, std::span<const MaterialPatch> patches,
                     std::uint64_t entity, std::span<const glm::mat4> skinning, std::int32_t joint_offset);

  std::vector<DrawItem> items_;
  std::vector<glm::mat4> joints_;
  std::uint64_t triangles_ = 0;
  Aabb bounds_;
};

// The draws whose world bounds meet `frustum`, in order, into `visible`.
void cull_draws(std::span<const DrawItem* const> draws, const Frustum& frustum, std::vector<const DrawItem*>& visible);

// Model-space bounds of a skinned mesh posed by `skinning`: the union of each
// influencing joint's bind box (GpuMesh::joint_bounds) moved by its matrix.
Aabb skinned_bounds(const GpuMesh& mesh, std::span<const glm::mat4> skinning);

// A list with every instance of one model at its own placement.
DrawList draw_model(const GpuModel& model);

}  // namespace kagami::render
