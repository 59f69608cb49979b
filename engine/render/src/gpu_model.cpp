#include "kagami/render/gpu_model.h"

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

}  // namespace

GpuModel upload_model(gpu::Device& device, const asset::ModelData& model) {
  GpuModel gpu_model;
  gpu_model.bounds = model.bounds;
  gpu_model.instances = model.instances;
  const std::string stem = model.source.filename().string();

  // Only images some material samples as colour are uploaded for now; each is
  // uploaded once however many materials use it.
  std::vector<std::int32_t> texture_of_image(model.images.size(), -1);
  for (const auto& m : model.materials) {
    GpuMaterial g;
    g.base_color_factor = m.base_color_factor;
    g.metallic = m.metallic_factor;
    g.roughness = m.roughness_factor;
    g.alpha_cutoff = m.alpha_mode == asset::AlphaMode::mask ? m.alpha_cutoff : -1.0f;
    g.double_sided = m.double_sided;
    g.emissive = m.emissive_factor;
    if (m.base_color_texture) {
      std::uint32_t image = m.base_color_texture->image;
      if (texture_of_image[image] < 0) {
        const ImageRgba8& pixels = model.images[image].image;
        texture_of_image[image] = std::int32_t(gpu_model.textures.size());
        gpu_model.textures.push_back(gpu::upload_texture_rgba8(
            device, std::uint32_t(pixels.width), std::uint32_t(pixels.height), pixels.pixels, true,
            cat(stem, " image ", image)));
      }
      g.base_color_texture = texture_of_image[image];
    }
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
  }
  for (auto& texture : model.textures) device.retire(texture);
  model = {};
}

}  // namespace kagami::render
