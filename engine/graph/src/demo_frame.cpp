#include "kagami/graph/demo_frame.h"

#include "kagami/graph/formats.h"

namespace kagami::graph {

DemoFrame add_demo_frame(RenderGraph& graph, std::uint32_t width, std::uint32_t height) {
  DemoFrame f;
  const ResourceState geometry_state{VK_IMAGE_LAYOUT_UNDEFINED,
                                     VK_PIPELINE_STAGE_2_VERTEX_ATTRIBUTE_INPUT_BIT | VK_PIPELINE_STAGE_2_INDEX_INPUT_BIT,
                                     VK_ACCESS_2_VERTEX_ATTRIBUTE_READ_BIT | VK_ACCESS_2_INDEX_READ_BIT};
  BufferHandle geometry = graph.import_buffer("scene_geometry", {{64u << 20}, geometry_state, {}, true, false});
  // Simulated by a compute dispatch recorded before the graph.
  BufferHandle particles = graph.import_buffer(
      "particle_instances",
      {{4u << 20}, {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT},
       {}, true, false});
  // Written by the host before submission: nothing to wait for.
  BufferHandle ui_vertices = graph.import_buffer("ui_vertices", {{1u << 20}, {}, {}, true, false});
  // The acquire semaphore is waited on at the transfer stage, where the present pass copies.
  TextureHandle swapchain = graph.import_texture(
      "swapchain", {{VK_FORMAT_B8G8R8A8_SRGB, width, height},
                    {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_NONE},
                    ResourceState{VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE},
                    false, true});
  f.scene_geometry = geometry.resource();
  f.particle_instances = particles.resource();
  f.ui_vertices = ui_vertices.resource();
  f.swapchain = swapchain.resource();

  TextureHandle shadow_map, depth, hdr, bloom, ldr;
  f.shadow = graph.add_pass("shadow", QueueKind::raster, [&](PassBuilder& pass) {
    shadow_map = pass.create_texture("shadow_map", {VK_FORMAT_D32_SFLOAT, 2048, 2048, 1, 1, VK_SAMPLE_COUNT_1_BIT,
                                                     ClearValue::depth_stencil(1.0f)});
    pass.read(geometry, Usage::vertex);
    pass.read(geometry, Usage::index);
    shadow_map = pass.write(shadow_map, Usage::depth_attachment);
  });
  f.depth_prepass = graph.add_pass("depth_prepass", QueueKind::raster, [&](PassBuilder& pass) {
    depth = pass.create_texture("depth", {VK_FORMAT_D32_SFLOAT, width, height, 1, 1, VK_SAMPLE_COUNT_1_BIT,
                                          ClearValue::depth_stencil(1.0f)});
    pass.read(geometry, Usage::vertex);
    pass.read(geometry, Usage::index);
    depth = pass.write(depth, Usage::depth_attachment);
  });
  f.lighting = graph.add_pass("lighting", QueueKind::raster, [&](PassBuilder& pass) {
    hdr = pass.create_texture("hdr", {VK_FORMAT_R16G16B16A16_SFLOAT, width, height, 1, 1, VK_SAMPLE_COUNT_1_BIT,
                                      ClearValue::rgba(0, 0, 0, 1)});
    pass.read(geometry, Usage::vertex);
    pass.read(geometry, Usage::index);
    pass.read(depth, Usage::depth_read_only);
    pass.read(shadow_map, Usage::sampled);
    hdr = pass.write(hdr, Usage::color_attachment);
  });
  f.particles = graph.add_pass("particles", QueueKind::raster, [&](PassBuilder& pass) {
    pass.read(particles, Usage::storage_read, VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT);
    pass.read(depth, Usage::depth_read_only);
    pass.read(depth, Usage::sampled);  // soft particles: same layout as the read-only attachment
    hdr = pass.write(hdr, Usage::color_attachment);
  });
  f.bloom = graph.add_pass("bloom", QueueKind::compute, [&](PassBuilder& pass) {
    bloom = pass.create_texture("bloom_chain", {VK_FORMAT_R16G16B16A16_SFLOAT, width / 2, height / 2, 5});
    pass.read(hdr, Usage::sampled);
    bloom = pass.write(bloom, Usage::storage_write);
  });
  f.tonemap = graph.add_pass("tonemap", QueueKind::raster, [&](PassBuilder& pass) {
    ldr = pass.create_texture("ldr", {VK_FORMAT_R8G8B8A8_UNORM, width, height});
    pass.read(hdr, Usage::sampled);
    pass.read(bloom, Usage::sampled);
    ldr = pass.write(ldr, Usage::color_attachment);
  });
  f.ui = graph.add_pass("ui", QueueKind::raster, [&](PassBuilder& pass) {
    pass.read(ui_vertices, Usage::vertex);
    pass.read(ui_vertices, Usage::index);
    ldr = pass.write(ldr, Usage::color_attachment);
  });
  f.present = graph.add_pass("present", QueueKind::transfer, [&](PassBuilder& pass) {
    pass.read(ldr, Usage::transfer_src);
    swapchain = pass.write(swapchain, Usage::transfer_dst);
  });
  f.shadow_map = shadow_map.resource();
  f.depth = depth.resource();
  f.hdr = hdr.resource();
  f.bloom_chain = bloom.resource();
  f.ldr = ldr.resource();
  return f;
}

MemoryRequirementsFn fake_memory_requirements(VkDeviceSize alignment) {
  return [alignment](const TransientInfo& info) {
    MemoryRequirements req;
    req.size = info.kind == ResourceKind::texture ? estimate_texture_bytes(*info.texture) : info.buffer->size;
    req.alignment = alignment;
    req.memory_type_bits = 1;
    return req;
  };
}

}  // namespace kagami::graph
