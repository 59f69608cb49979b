#include "kagami/render/gpu_model.h"

#include <map>
#include <span>

#include "kagami/core/strings.h"
#include "kagami/gpu/upload.h"
#include "kagami/render/shader_types.h"

namespace kagami::render {
namespace {

template <typename T>
std::span<const std::uint8_t> as_bytes(const std::vector<T>& v) {
  return {reinterpret_cast<const std::uint8_t*>(v.data()), v.size() * sizeof(T)};
}

// Per joint, the bind-pose box of the vertices it moves.
std::vector<JointBounds> joint_bounds(const asset::MeshData& mesh) {
  std::map<std::uint32_t, Aabb> boxes;
  for (std::size_t v = 0; v < mesh.skin.size(); ++v)
    for (int k = 0; k < anim::kMaxInfluences; ++k)
      if (mesh.skin[v].weights[k] > 0.0f) boxes[mesh.skin[v].joints[k]].extend(mesh.positions[v]);
  std::vector<JointBounds> result;
  for (const auto& [joint, box] : boxes) result.push_back({joint, box});
  return result;
}

}  // namespace

GpuModel upload_model(gpu::Device& device, const asset::ModelData& model) {
  GpuModel gpu_model;
  gpu_model.bounds = model.bounds;
  gpu_model.instances = model.instances;
  const std::string stem = model.source.filename().string();

  // Each image is uploaded once per colour space it is sampled in (base
  // colour and emissive as sRGB, metal-rough and normals as linear data).
  std::map<std::pair<std::uint32_t, bool>, std::int32_t> texture_of_image;
  auto texture = [&](const std::optional<asset::TextureRef>& ref) -> std::int32_t {
    if (!ref) return -1;
    auto [it, added] = texture_of_image.try_emplace({ref->image, ref->srgb}, std::int32_t(gpu_model.textures.size()));
    if (added) {
      const ImageRgba8& pixels = model.images[ref->image].image;
      gpu_model.textures.push_back(gpu::upload_texture_rgba8(device, std::uint32_t(pixels.width),
                                                             std::uint32_t(pixels.height), pixels.pixels, ref->srgb,
                                                             cat(stem, " image ", ref->image)));
    }
    return it->second;
  };
  for (const auto& m : model.materials) {
    GpuMaterial g;
    g.base_color_factor = m.base_color_factor;
    g.metallic = m.metallic_factor;
    g.roughness = m.roughness_factor;
    g.alpha_cutoff = m.alpha_mode == asset::AlphaMode::mask ? m.alpha_cutoff : -1.0f;
    g.alpha_blend = m.alpha_mode == asset::AlphaMode::blend;
    g.double_sided = m.double_sided;
    g.emissive = m.emissive_factor;
    g.textures = {texture(m.base_color_texture), texture(m.metal_rough_texture), texture(m.normal_texture),
                  texture(m.emissive_texture)};
    gpu_model.materials.push_back(g);
  }

  for (std::size_t i = 0; i < model.meshes.size(); ++i) {
    const asset::MeshData& mesh = model.meshes[i];
    std::vector<shader::MeshVertex> vertices(mesh.vertex_count());
    for (std::size_t v = 0; v < vertices.size(); ++v)
      vertices[v] = {mesh.positions[v], mesh.normals[v], mesh.uv0[v]};
    GpuMesh g;
    std::string name = cat(stem, " mesh ", i, " ", mesh.name);
    g.vertices = gpu::upload_buffer(device, as_bytes(vertices), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, name + " vertices");
    g.indices = gpu::upload_buffer(device, as_bytes(mesh.indices), VK_BUFFER_USAGE_INDEX_BUFFER_BIT, name + " indices");
    g.index_count = std::uint32_t(mesh.indices.size());
    g.material = mesh.material;
    g.bounds = mesh.bounds;
    if (!mesh.skin.empty()) {
      g.skin = gpu::upload_buffer(device, as_bytes(mesh.skin), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, name + " skin");
      g.joint_bounds = joint_bounds(mesh);
      gpu_model.joint_count = std::uint32_t(model.skeleton.size());
    }
    gpu_model.meshes.push_back(std::move(g));
  }
  for (const auto& instance : model.instances)
    gpu_model.triangle_count += gpu_model.meshes[instance.mesh].index_count / 3;
  return gpu_model;
}

void release_model(gpu::Device& device, GpuModel& model) {
  for (auto& mesh : model.meshes) {
    device.retire(mesh.vertices);
    device.retire(mesh.indices);
    if (mesh.skin) device.retire(mesh.skin);
  }
  for (auto& texture : model.textures) device.retire(texture);
  model = {};
}

}  // namespace kagami::render
