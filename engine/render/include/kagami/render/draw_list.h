#pragma once
// What the forward pass draws this frame: one item per mesh placement, with
// its material already resolved (asset material + scene overrides). Built
// fresh each frame from a model or a scene; sorted so that pipeline and
// texture changes are rare.
#include <span>
#include <vector>

#include "kagami/render/gpu_model.h"

namespace kagami::render {

struct DrawItem {
  const GpuMesh* mesh = nullptr;
  GpuMaterial material;
  VkImageView base_color = VK_NULL_HANDLE;  // null: the pass's white default
  glm::mat4 world{1.0f};
  std::uint64_t entity = 0;  // the scene entity it draws (0: none); the editor's ID pass picks by it
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
  // Orders draws by pipeline (culling mode) then texture.
  void sort();
  void clear() { items_.clear(); triangles_ = 0; }

  std::span<const DrawItem> items() const { return items_; }
  std::uint64_t triangles() const { return triangles_; }
  Aabb bounds() const { return bounds_; }

 private:
  std::vector<DrawItem> items_;
  std::uint64_t triangles_ = 0;
  Aabb bounds_;
};

// A list with every instance of one model at its own placement.
DrawList draw_model(const GpuModel& model);

}  // namespace kagami::render
