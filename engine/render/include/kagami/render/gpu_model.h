#pragma once
// A model resident on the GPU: one vertex and index buffer per mesh, one
// texture per image, and per-material draw constants.
#include <array>
#include <cstdint>
#include <vector>

#include "kagami/asset/model.h"
#include "kagami/gpu/device.h"

namespace kagami::render {

// The bind-pose box of the vertices one joint moves (weight > 0): a posed
// vertex is a weighted mean of its joints' skinning matrices applied to it, so
// it lies inside the box of every influencing joint's box, each transformed by
// that joint's matrix (see skinned_bounds in draw_list.h).
struct JointBounds {
  std::uint32_t joint = 0;
  Aabb bounds;
};

struct GpuMesh {
  gpu::Buffer vertices;  // shader::MeshVertex, interleaved
  gpu::Buffer indices;   // uint32
  // Skinned meshes: anim::VertexSkin per vertex (vertex binding 1 of the
  // skinned pipelines); null for a rigid mesh.
  gpu::Buffer skin;
  std::vector<JointBounds> joint_bounds;  // skinned meshes: every joint with a vertex
  std::uint32_t index_count = 0;
  std::uint32_t material = 0;
  Aabb bounds;  // object space, for culling (the bind pose for a skinned mesh)
};

// Texture slots of a material, as mesh.frag binds them (bindings 1 to 4).
enum class TextureSlot : std::uint32_t { base_color, metal_rough, normal, emissive };
inline constexpr std::size_t kTextureSlots = 4;

struct GpuMaterial {
  glm::vec4 base_color_factor{1.0f};
  float metallic = 0.0f;
  float roughness = 1.0f;
  float alpha_cutoff = -1.0f;  // < 0: opaque
  glm::vec3 emissive{0.0f};
  bool double_sided = false;
  bool alpha_blend = false;  // drawn after opaque geometry, back to front
  // Indices into GpuModel::textures by TextureSlot; -1: the pass's default
  // (white, or a flat normal).
  std::array<std::int32_t, kTextureSlots> textures{-1, -1, -1, -1};
};

struct GpuModel {
  std::vector<GpuMesh> meshes;
  std::vector<GpuMaterial> materials;
  std::vector<gpu::Image> textures;
  std::vector<asset::MeshInstance> instances;
  Aabb bounds;
  std::uint64_t triangle_count = 0;
  // The skeleton's joint count when some mesh is skinned (0: a rigid model):
  // how many skinning matrices a skinned draw of the model takes.
  std::uint32_t joint_count = 0;
};

GpuModel upload_model(gpu::Device& device, const asset::ModelData& model);
void release_model(gpu::Device& device, GpuModel& model);

}  // namespace kagami::render
