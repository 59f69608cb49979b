#include "kagami/render/streamed_model.h"

#include <algorithm>
#include <cstring>

#include "kagami/core/strings.h"
#include "kagami/gpu/barriers.h"

namespace kagami::render {
namespace {


}  // namespace

VkFormat vk_format(asset::TextureFormat format) {
  switch (format) {
    case asset::TextureFormat::rgba8_unorm: return VK_FORMAT_R8G8B8A8_UNORM;
    case asset::TextureFormat::rgba8_srgb: return VK_FORMAT_R8G8B8A8_SRGB;
    case asset::TextureFormat::bc1_unorm: return VK_FORMAT_BC1_RGBA_UNORM_BLOCK;
    case asset::TextureFormat::bc1_srgb: return VK_FORMAT_BC1_RGBA_SRGB_BLOCK;
    case asset::TextureFormat::bc3_unorm: return VK_FORMAT_BC3_UNORM_BLOCK;
    case asset::TextureFormat::bc3_srgb: return VK_FORMAT_BC3_SRGB_BLOCK;
  }
  return VK_FORMAT_UNDEFINED;
}

StreamedModel::StreamedModel(gpu::Device& device, asset::CookedModel cooked, std::string_view name)
    : device_(device), cooked_(std::move(cooked)) {
  model_.bounds = cooked_.bounds();
  auto add = [this](Segment s) {
    s.stream_offset = total_;
    total_ += s.bytes.size();
    segments_.push_back(s);
  };
  for (std::size_t t = 0; t < cooked_.textures().size(); ++t) {
    const asset::CookedTexture& tex = cooked_.textures()[t];
    gpu::ImageDesc desc;
    desc.format = vk_format(tex.format);
    desc.width = tex.width;
    desc.height = tex.height;
    desc.mip_levels = std::uint32_t(tex.levels.size());
    desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    desc.name = cat(name, " texture ", t);
    model_.textures.push_back(device.create_image(desc));
    const bool bc = asset::is_block_compressed(tex.format);
    for (std::uint32_t mip = 0; mip < tex.levels.size(); ++mip) {
      const asset::CookedMipLevel& level = tex.levels[mip];
      Segment s;
      s.bytes = level.bytes;
      s.image = model_.textures.back().handle;
      s.mip = mip;
      s.width = level.width;
      s.height = level.height;
      s.row_pixels = bc ? 4 : 1;
      std::uint32_t rows = (level.height + s.row_pixels - 1) / s.row_pixels;
      s.row_bytes = std::uint32_t(level.bytes.size() / std::max(rows, 1u));
      add(s);
    }
  }
  for (std::size_t m = 0; m < cooked_.meshes().size(); ++m) {
    const asset::CookedMesh& mesh = cooked_.meshes()[m];
    GpuMesh g;
    std::string mesh_name = cat(name, " mesh ", m);
    g.vertices = device.create_buffer({std::max<VkDeviceSize>(mesh.vertex_bytes.size(), 4),
                                       VK_BUFFER_USAGE_VERTEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                       gpu::MemoryUsage::gpu_only, mesh_name + " vertices"});
    g.indices = device.create_buffer({std::max<VkDeviceSize>(mesh.index_bytes.size(), 4),
                                      VK_BUFFER_USAGE_INDEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                      gpu::MemoryUsage::gpu_only, mesh_name + " indices"});
    g.index_count = mesh.index_count;
    g.material = mesh.material;
    g.bounds = mesh.bounds;
    add({0, mesh.vertex_bytes, g.vertices.handle});
    add({0, mesh.index_bytes, g.indices.handle});
    model_.meshes.push_back(std::move(g));
  }
  for (const asset::CookedMaterial& m : cooked_.materials()) {
    GpuMaterial g;
    g.base_color_factor = m.base_color_factor;
    g.metallic = m.metallic_factor;
    g.roughness = m.roughness_factor;
    g.alpha_cutoff = m.alpha_mode == asset::AlphaMode::mask ? m.alpha_cutoff : -1.0f;
    g.alpha_blend = m.alpha_mode == asset::AlphaMode::blend;
    g.double_sided = m.double_sided;
    g.emissive = m.emissive_factor;
    auto index = [](const std::optional<std::uint32_t>& t) { return t ? std::int32_t(*t) : -1; };
    g.textures = {index(m.base_color_texture), index(m.metal_rough_texture), index(m.normal_texture),
                  index(m.emissive_texture)};
    model_.materials.push_back(g);
  }
  for (const asset::CookedInstance& i : cooked_.instances()) {
    model_.instances.push_back({i.mesh, i.world, std::string(i.node_name)});
    model_.triangle_count += cooked_.meshes()[i.mesh].index_count / 3;
  }
}

void StreamedModel::record_copy(VkCommandBuffer cmd, const Segment& s, std::uint64_t from, std::uint64_t to,
                                const gpu::StagingSpan& staging) {
  std::memcpy(staging.data, s.bytes.data() + (from - s.stream_offset), to - from);
  if (s.buffer) {
    VkBufferCopy region{staging.offset, from - s.stream_offset, to - from};
    vkCmdCopyBuffer(cmd, staging.buffer, s.buffer, 1, &region);
    return;
  }
  // Whole block rows of one mip level.
  std::uint32_t first_row = std::uint32_t((from - s.stream_offset) / s.row_bytes);
  std::uint32_t row_count = std::uint32_t((to - from) / s.row_bytes);
  VkBufferImageCopy region{};
  region.bufferOffset = staging.offset;
  region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, s.mip, 0, 1};
  region.imageOffset = {0, std::int32_t(first_row * s.row_pixels), 0};
  std::uint32_t y_end = std::min(s.height, (first_row + row_count) * s.row_pixels);
  region.imageExtent = {s.width, y_end - first_row * s.row_pixels, 1};
  vkCmdCopyBufferToImage(cmd, staging.buffer, s.image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
}

bool StreamedModel::copy_through(VkCommandBuffer cmd, gpu::StagingRing& ring, std::uint64_t end) {
  end = std::min(end, total_);
  if (!images_prepared_) {
    for (const gpu::Image& image : model_.textures)
      gpu::transition_image(cmd, image.handle, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, {},
                            {VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT});
    images_prepared_ = true;
  }
  for (const Segment& s : segments_) {
    const std::uint64_t seg_end = s.stream_offset + s.bytes.size();
    if (seg_end <= copied_ || s.stream_offset >= end) continue;
    std::uint64_t from = std::max(copied_, s.stream_offset);
    std::uint64_t to = std::min(end, seg_end);
    if (s.image && to != seg_end) {
      // Texture levels are copied in whole block rows; the remainder goes next frame.
      to = s.stream_offset + (to - s.stream_offset) / s.row_bytes * s.row_bytes;
      if (to <= from) return true;
    }
    auto staging = ring.allocate(to - from, 16);
    if (!staging) return false;
    record_copy(cmd, s, from, to, *staging);
    copied_ = to;
    if (to != seg_end) return true;
  }
  return true;
}

GpuModel StreamedModel::finish(VkCommandBuffer cmd) {
  for (const gpu::Image& image : model_.textures)
    gpu::transition_image(cmd, image.handle, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                          VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                          {VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT},
                          {VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
  cooked_ = asset::CookedModel{};
  segments_.clear();
  return std::move(model_);
}

void StreamedModel::abandon() {
  release_model(device_, model_);
  segments_.clear();
}

}  // namespace kagami::render
