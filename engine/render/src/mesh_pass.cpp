#include "kagami/render/mesh_pass.h"

#include <array>
#include <tuple>

#include "kagami/gpu/pipeline.h"
#include "kagami/gpu/upload.h"
#include "kagami/render/shader_paths.h"

namespace kagami::render {

Result<std::unique_ptr<MeshPass>> MeshPass::create(gpu::Device& device, VkFormat color_format, VkFormat depth_format) {
  std::unique_ptr<MeshPass> pass(new MeshPass(device));
  pass->set_layout_ = gpu::create_set_layout(
      device,
      {{0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT},
       {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT}},
      /*push=*/true, "mesh view set");
  pass->layout_ = gpu::create_pipeline_layout(
      device,
      {{pass->set_layout_},
       {{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(shader::DrawPush)}}},
      "mesh layout");

  gpu::GraphicsPipelineDesc desc;
  desc.name = "mesh";
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
  auto culled = gpu::create_graphics_pipeline(device, desc);
  if (!culled) return culled.error();
  pass->pipeline_culled_ = *culled;
  desc.name = "mesh double-sided";
  desc.cull = VK_CULL_MODE_NONE;
  auto double_sided = gpu::create_graphics_pipeline(device, desc);
  if (!double_sided) return double_sided.error();
  pass->pipeline_double_sided_ = *double_sided;

  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = VK_FILTER_LINEAR;
  sampler.minFilter = VK_FILTER_LINEAR;
  sampler.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT;
  sampler.maxLod = VK_LOD_CLAMP_NONE;
  sampler.anisotropyEnable = VK_TRUE;
  sampler.maxAnisotropy = 8.0f;
  pass->sampler_ = device.create_sampler(sampler, "material sampler");

  const std::array<std::uint8_t, 4> white = {255, 255, 255, 255};
  pass->white_ = gpu::upload_texture_rgba8(device, 1, 1, white, true, "default white");
  return pass;
}

MeshPass::~MeshPass() {
  VkDevice vk = device_.vk();
  auto objects = std::make_tuple(set_layout_, layout_, pipeline_culled_, pipeline_double_sided_, sampler_);
  device_.retire([vk, objects] {
    auto [set_layout, layout, culled, double_sided, sampler] = objects;
    vkDestroyPipeline(vk, culled, nullptr);
    vkDestroyPipeline(vk, double_sided, nullptr);
    vkDestroyPipelineLayout(vk, layout, nullptr);
    vkDestroyDescriptorSetLayout(vk, set_layout, nullptr);
    vkDestroySampler(vk, sampler, nullptr);
  });
  device_.retire(white_);
}

void MeshPass::record(VkCommandBuffer cmd, std::span<const DrawItem> draws, VkBuffer view_uniforms,
                      VkExtent2D extent, VkRect2D area) const {
  if (area.extent.width == 0 || area.extent.height == 0) area = {{0, 0}, extent};
  VkViewport viewport{float(area.offset.x), float(area.offset.y), float(area.extent.width), float(area.extent.height),
                      0.0f, 1.0f};
  VkRect2D scissor = area;
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &scissor);

  VkDescriptorBufferInfo view_info{view_uniforms, 0, sizeof(shader::ViewUniforms)};
  VkPipeline bound = VK_NULL_HANDLE;
  VkImageView bound_texture = VK_NULL_HANDLE;
  bool descriptors_pushed = false;
  for (const DrawItem& draw : draws) {
    const GpuMaterial& material = draw.material;
    VkPipeline pipeline = material.double_sided ? pipeline_double_sided_ : pipeline_culled_;
    if (pipeline != bound) {
      vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);
      bound = pipeline;
    }
    VkImageView texture = draw.base_color ? draw.base_color : white_.view;
    if (!descriptors_pushed || texture != bound_texture) {
      VkDescriptorImageInfo image_info{sampler_, texture, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
      std::array<VkWriteDescriptorSet, 2> writes{};
      writes[0] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
      writes[0].dstBinding = 0;
      writes[0].descriptorCount = 1;
      writes[0].descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
      writes[0].pBufferInfo = &view_info;
      writes[1] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
      writes[1].dstBinding = 1;
      writes[1].descriptorCount = 1;
      writes[1].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
      writes[1].pImageInfo = &image_info;
      // Both pipelines share one layout, so pushed descriptors survive pipeline switches.
      device_.push_descriptors(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout_, 0, writes);
      bound_texture = texture;
      descriptors_pushed = true;
    }
    shader::DrawPush push;
    push.model = draw.world;
    push.base_color_factor = material.base_color_factor;
    push.material = {material.metallic, material.roughness, material.alpha_cutoff, 0.0f};
    push.emissive = glm::vec4(material.emissive, 0.0f);
    vkCmdPushConstants(cmd, layout_, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof push, &push);
    VkDeviceSize offset = 0;
    vkCmdBindVertexBuffers(cmd, 0, 1, &draw.mesh->vertices.handle, &offset);
    vkCmdBindIndexBuffer(cmd, draw.mesh->indices.handle, 0, VK_INDEX_TYPE_UINT32);
    vkCmdDrawIndexed(cmd, draw.mesh->index_count, 1, 0, 0, 0);
  }
}

}  // namespace kagami::render
