#include "kagami/render/mesh_pass.h"

#include <array>
#include <tuple>

#include "kagami/anim/skin.h"
#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/core/strings.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/gpu/upload.h"
#include "kagami/render/shader_paths.h"

namespace kagami::render {
namespace {

constexpr std::uint32_t kBindingCount = 10;
// mesh.frag's DrawPush.material.w: blending, and which maps the material has.
constexpr std::uint32_t kFlagBlend = 1, kFlagMetalRoughMap = 4, kFlagEmissiveMap = 8;

}  // namespace

Result<std::unique_ptr<MeshPass>> MeshPass::create(gpu::Device& device, VkFormat color_format, VkFormat depth_format) {
  std::unique_ptr<MeshPass> pass(new MeshPass(device));
  constexpr VkShaderStageFlags fragment = VK_SHADER_STAGE_FRAGMENT_BIT;
  pass->set_layout_ = gpu::create_set_layout(
      device,
      {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_VERTEX_BIT | fragment},
       {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment},
       {2, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment},
       {3, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment},
       {4, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment},
       {5, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment},
       {6, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, fragment},
       {7, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, fragment},
       {8, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_VERTEX_BIT},
       {9, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, fragment}},
      /*push=*/true, "mesh view set");
  pass->layout_ = gpu::create_pipeline_layout(
      device,
      {{pass->set_layout_},
       {{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(shader::DrawPush)}}},
      "mesh layout");

  gpu::GraphicsPipelineDesc desc;
  desc.vertex_shader = shader_path("mesh.vert");
  desc.fragment_shader = shader_path("mesh.frag");
  desc.layout = pass->layout_;
  desc.vertex_bindings = {{0, sizeof(shader::MeshVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
  desc.vertex_attributes = {
      {0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(shader::MeshVertex, position)},
      {1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(shader::MeshVertex, normal)},
      {2, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(shader::MeshVertex, uv)},
  };
  desc.color_formats = {color_format};
  desc.depth_format = depth_format;
  for (int skinned = 0; skinned < 2; ++skinned) {
    if (skinned) {
      desc.vertex_shader = shader_path("mesh_skinned.vert");
      desc.vertex_bindings.push_back({1, sizeof(anim::VertexSkin), VK_VERTEX_INPUT_RATE_VERTEX});
      desc.vertex_attributes.push_back({3, 1, VK_FORMAT_R16G16B16A16_UINT, offsetof(anim::VertexSkin, joints)});
      desc.vertex_attributes.push_back({4, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(anim::VertexSkin, weights)});
    }
    for (int blended = 0; blended < 2; ++blended)
      for (int double_sided = 0; double_sided < 2; ++double_sided)
        for (int normal_map = 0; normal_map < 2; ++normal_map) {
          desc.name = cat("mesh", skinned ? " skinned" : "", blended ? " blended" : "",
                          double_sided ? " double-sided" : "", normal_map ? " normal-mapped" : "");
          desc.fragment_shader = shader_path(normal_map ? "mesh_normal_map.frag" : "mesh.frag");
          desc.cull = double_sided ? VK_CULL_MODE_NONE : VK_CULL_MODE_BACK_BIT;
          desc.blend = blended ? gpu::BlendMode::alpha : gpu::BlendMode::opaque;
          desc.depth_write = !blended;
          auto pipeline = gpu::create_graphics_pipeline(device, desc);
          if (!pipeline) return pipeline.error();
          pass->pipelines_[skinned][blended][double_sided][normal_map] = *pipeline;
        }
  }

  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = VK_FILTER_LINEAR;
  sampler.minFilter = VK_FILTER_LINEAR;
  sampler.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT;
  sampler.maxLod = VK_LOD_CLAMP_NONE;
  sampler.maxAnisotropy = device.context().material_anisotropy();
  sampler.anisotropyEnable = sampler.maxAnisotropy > 1.0f;
  pass->sampler_ = device.create_sampler(sampler, "material sampler");

  const std::array<std::uint8_t, 4> white = {255, 255, 255, 255};
  pass->white_ = gpu::upload_texture_rgba8(device, 1, 1, white, true, "default white");
  const std::array<std::uint8_t, 4> flat = {128, 128, 255, 255};
  pass->flat_normal_ = gpu::upload_texture_rgba8(device, 1, 1, flat, false, "default normal");
  return pass;
}

MeshPass::~MeshPass() {
  gpu::PipelineObjects objects{{}, layout_, set_layout_, {sampler_}};
  for (const auto& kind : pipelines_)
    for (const auto& row : kind)
      for (const auto& pair : row) objects.pipelines.insert(objects.pipelines.end(), pair.begin(), pair.end());
  gpu::retire(device_, std::move(objects));
  device_.retire(white_);
  device_.retire(flat_normal_);
}

VkPipeline MeshPass::pipeline(const DrawItem& draw) const {
  const bool normal_map = draw.textures[std::size_t(TextureSlot::normal)] != VK_NULL_HANDLE;
  return pipelines_[draw.skinned() ? 1 : 0][draw.material.alpha_blend ? 1 : 0][draw.material.double_sided ? 1 : 0]
                   [normal_map ? 1 : 0];
}

void MeshPass::record(VkCommandBuffer cmd, std::span<const DrawItem* const> draws, const MeshFrameBindings& frame,
                      VkExtent2D extent) const {
  VkViewport viewport{0.0f, 0.0f, float(extent.width), float(extent.height), 0.0f, 1.0f};
  VkRect2D scissor{{0, 0}, extent};
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &scissor);

  const VkDescriptorBufferInfo buffers[4] = {{frame.view_uniforms, 0, sizeof(shader::ViewUniforms)},
                                             {frame.lights, 0, VK_WHOLE_SIZE},
                                             {frame.clusters, 0, VK_WHOLE_SIZE},
                                             {frame.joints ? frame.joints : frame.lights, 0, VK_WHOLE_SIZE}};
  std::array<VkDescriptorImageInfo, kTextureSlots + 1> images{};
  images[kTextureSlots] = {frame.shadow_sampler, frame.shadow_atlas, frame.shadow_layout};
  const VkDescriptorImageInfo local_shadows{frame.shadow_sampler, frame.local_shadow_atlas, frame.shadow_layout};
  std::array<VkWriteDescriptorSet, kBindingCount> writes{};
  for (std::uint32_t b = 0; b < kBindingCount; ++b) {
    if (b == 0) writes[b] = gpu::storage_buffer_write(b, &buffers[0]);
    else if (b <= kTextureSlots + 1) writes[b] = gpu::image_write(b, &images[b - 1]);
    else if (b == kBindingCount - 1) writes[b] = gpu::image_write(b, &local_shadows);  // 9: after the buffers
    else writes[b] = gpu::storage_buffer_write(b, &buffers[b - kTextureSlots - 1]);
  }

  VkPipeline bound = VK_NULL_HANDLE;
  std::array<VkImageView, kTextureSlots> bound_textures{};
  bool descriptors_pushed = false;
  for (const DrawItem* draw : draws) {
    const GpuMaterial& material = draw->material;
    VkPipeline p = pipeline(*draw);
    if (p != bound) {
      vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, p);
      bound = p;
    }
    if (!descriptors_pushed || draw->textures != bound_textures) {
      for (std::size_t slot = 0; slot < kTextureSlots; ++slot) {
        VkImageView fallback = slot == std::size_t(TextureSlot::normal) ? flat_normal_.view : white_.view;
        images[slot] = {sampler_, draw->textures[slot] ? draw->textures[slot] : fallback,
                        VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
      }
      // Every pipeline shares one layout, so pushed descriptors survive pipeline switches.
      device_.push_descriptors(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, writes);
      bound_textures = draw->textures;
      descriptors_pushed = true;
    }
    std::uint32_t flags = (material.alpha_blend ? kFlagBlend : 0u) |
                          (draw->textures[std::size_t(TextureSlot::metal_rough)] ? kFlagMetalRoughMap : 0u) |
                          (draw->textures[std::size_t(TextureSlot::emissive)] ? kFlagEmissiveMap : 0u);
    shader::DrawPush push;
    push.model = draw->world;
    push.base_color_factor = material.base_color_factor;
    push.material = {material.metallic, material.roughness, material.alpha_cutoff, float(flags)};
    push.emissive = glm::vec4(material.emissive, draw->skinned() ? float(draw->joint_offset) : 0.0f);
    push.dissolve = draw->dissolve;
    vkCmdPushConstants(cmd, layout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof push, &push);
    const VkBuffer vertex_buffers[2] = {draw->mesh->vertices.handle, draw->mesh->skin.handle};
    const VkDeviceSize offsets[2] = {0, 0};
    vkCmdBindVertexBuffers(cmd, 0, draw->skinned() ? 2 : 1, vertex_buffers, offsets);
    vkCmdBindIndexBuffer(cmd, draw->mesh->indices.handle, 0, VK_INDEX_TYPE_UINT32);
    vkCmdDrawIndexed(cmd, draw->mesh->index_count, 1, 0, 0, 0);
  }
}

}  // namespace kagami::render
