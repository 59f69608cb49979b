// The render graph on a real device: compute and raster passes, culling,
// aliased transients, derived barriers, with synchronization validation on.
#include <array>

#include "gpu_fixture.h"
#include "kagami/core/math.h"
#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/render/graph_executor.h"
#include "kagami/render/readback.h"
#include "kagami/render/shader_paths.h"

namespace kagami {
namespace {

using graph::QueueKind;
using graph::Usage;

constexpr VkExtent2D kExtent{64, 48};
constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_UNORM;

class GraphExecuteTest : public testing::GpuTest {
 protected:
  void SetUp() override {
    GpuTest::SetUp();
    if (!device) return;
    storage_layout_ = gpu::create_set_layout(*device, {{0, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, VK_SHADER_STAGE_COMPUTE_BIT}},
                                             true, "pattern set");
    blur_layout_ = gpu::create_set_layout(
        *device,
        {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_COMPUTE_BIT},
         {1, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, VK_SHADER_STAGE_COMPUTE_BIT}},
        true, "blur set");
    composite_layout_ = gpu::create_set_layout(
        *device,
        {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT},
         {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_FRAGMENT_BIT}},
        true, "composite set");
    pattern_pl_ = gpu::create_pipeline_layout(
        *device, {{storage_layout_}, {{VK_SHADER_STAGE_COMPUTE_BIT, 0, 16}}}, "pattern");
    blur_pl_ = gpu::create_pipeline_layout(*device, {{blur_layout_}, {}}, "blur");
    composite_pl_ = gpu::create_pipeline_layout(*device, {{composite_layout_}, {}}, "composite");
    pattern_ = *gpu::create_compute_pipeline(*device, {"pattern", render::shader_path("graph_pattern.comp"), pattern_pl_});
    blur_ = *gpu::create_compute_pipeline(*device, {"blur", render::shader_path("graph_blur.comp"), blur_pl_});
    gpu::GraphicsPipelineDesc desc;
    desc.name = "composite";
    desc.vertex_shader = render::shader_path("fullscreen.vert");
    desc.fragment_shader = render::shader_path("graph_composite.frag");
    desc.layout = composite_pl_;
    desc.cull = VK_CULL_MODE_NONE;
    desc.color_formats = {kFormat};
    desc.depth_test = desc.depth_write = false;
    composite_ = *gpu::create_graphics_pipeline(*device, desc);
    VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
    sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
    sampler_ = device->create_sampler(sampler, "nearest");
  }

  void TearDown() override {
    if (device) {
      device->wait_idle();
      VkDevice vk = device->vk();
      for (VkPipeline p : {pattern_, blur_, composite_}) vkDestroyPipeline(vk, p, nullptr);
      for (VkPipelineLayout l : {pattern_pl_, blur_pl_, composite_pl_}) vkDestroyPipelineLayout(vk, l, nullptr);
      for (VkDescriptorSetLayout l : {storage_layout_, blur_layout_, composite_layout_})
        vkDestroyDescriptorSetLayout(vk, l, nullptr);
      vkDestroySampler(vk, sampler_, nullptr);
    }
    GpuTest::TearDown();
  }

  void pattern(render::PassContext& ctx, graph::TextureHandle target, glm::vec4 tint) {
    VkDescriptorImageInfo info{VK_NULL_HANDLE, ctx.view(target), VK_IMAGE_LAYOUT_GENERAL};
    auto write = gpu::image_write(0, &info, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE);
    vkCmdBindPipeline(ctx.cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pattern_);
    device->push_descriptors(ctx.cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pattern_pl_, 0, {&write, 1});
    vkCmdPushConstants(ctx.cmd, pattern_pl_, VK_SHADER_STAGE_COMPUTE_BIT, 0, 16, &tint);
    vkCmdDispatch(ctx.cmd, (kExtent.width + 7) / 8, (kExtent.height + 7) / 8, 1);
  }

  void blur(render::PassContext& ctx, graph::TextureHandle source, graph::TextureHandle target) {
    VkDescriptorImageInfo src{sampler_, ctx.view(source), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
    VkDescriptorImageInfo dst{VK_NULL_HANDLE, ctx.view(target), VK_IMAGE_LAYOUT_GENERAL};
    std::array<VkWriteDescriptorSet, 2> writes = {gpu::image_write(0, &src),
                                                  gpu::image_write(1, &dst, VK_DESCRIPTOR_TYPE_STORAGE_IMAGE)};
    vkCmdBindPipeline(ctx.cmd, VK_PIPELINE_BIND_POINT_COMPUTE, blur_);
    device->push_descriptors(ctx.cmd, VK_PIPELINE_BIND_POINT_COMPUTE, blur_pl_, 0, writes);
    vkCmdDispatch(ctx.cmd, (kExtent.width + 7) / 8, (kExtent.height + 7) / 8, 1);
  }

  // pattern a -> blur -> blur -> composite(left) ; pattern b -> composite(right) ; an unread pass is culled.
  void build(render::FrameGraph& frame, const gpu::Image& target_image, const render::Readback& readback) {
    graph::TextureDesc desc{kFormat, kExtent.width, kExtent.height};
    graph::ImportedTexture target_desc;
    target_desc.desc = desc;
    target_desc.desc.clear = graph::ClearValue::rgba(1, 0, 1, 1);
    target_desc.final_state = {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
    target_ = frame.import_texture("target", target_desc, {target_image.handle, target_image.view});

    frame.add_pass("pattern a", QueueKind::compute, [&](graph::PassBuilder& p) {
      a_ = p.write(p.create_texture("a", desc), Usage::storage_write);
    }, [this](render::PassContext& ctx) { pattern(ctx, a_, {1.0f, 0.5f, 1.0f, 0}); });
    frame.add_pass("pattern b", QueueKind::compute, [&](graph::PassBuilder& p) {
      b_ = p.write(p.create_texture("b", desc), Usage::storage_write);
    }, [this](render::PassContext& ctx) { pattern(ctx, b_, {0.25f, 1.0f, 0.5f, 0}); });
    frame.add_pass("unused", QueueKind::compute, [&](graph::PassBuilder& p) {
      unused_ = p.write(p.create_texture("unused", desc), Usage::storage_write);
    }, [this](render::PassContext& ctx) { pattern(ctx, unused_, {1, 1, 1, 0}); ++unused_runs_; });
    frame.add_pass("blur 1", QueueKind::compute, [&](graph::PassBuilder& p) {
      p.read(a_, Usage::sampled);
      c_ = p.write(p.create_texture("c", desc), Usage::storage_write);
    }, [this](render::PassContext& ctx) { blur(ctx, a_, c_); });
    frame.add_pass("blur 2", QueueKind::compute, [&](graph::PassBuilder& p) {
      p.read(c_, Usage::sampled);
      e_ = p.write(p.create_texture("e", desc), Usage::storage_write);
    }, [this](render::PassContext& ctx) { blur(ctx, c_, e_); });
    frame.add_pass("composite", QueueKind::raster, [&](graph::PassBuilder& p) {
      p.read(e_, Usage::sampled);
      p.read(b_, Usage::sampled);
      target_ = p.write(target_, Usage::color_attachment);
    }, [this](render::PassContext& ctx) {
      VkDescriptorImageInfo left{sampler_, ctx.view(e_), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
      VkDescriptorImageInfo right{sampler_, ctx.view(b_), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
      std::array<VkWriteDescriptorSet, 2> writes = {gpu::image_write(0, &left), gpu::image_write(1, &right)};
      VkViewport viewport{0, 0, float(ctx.extent.width), float(ctx.extent.height), 0, 1};
      VkRect2D scissor{{0, 0}, ctx.extent};
      vkCmdSetViewport(ctx.cmd, 0, 1, &viewport);
      vkCmdSetScissor(ctx.cmd, 0, 1, &scissor);
      vkCmdBindPipeline(ctx.cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, composite_);
      device->push_descriptors(ctx.cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, composite_pl_, 0, writes);
      vkCmdDraw(ctx.cmd, 3, 1, 0, 0);
    });
    render::add_readback_pass(frame, target_, readback);
  }

  ImageRgba8 run(render::GraphExecutor& executor, const graph::CompileOptions& options) {
    gpu::ImageDesc desc;
    desc.format = kFormat;
    desc.width = kExtent.width;
    desc.height = kExtent.height;
    desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    desc.name = "graph test target";
    gpu::Image target = device->create_image(desc);
    render::Readback readback = render::make_readback(*device, kFormat, kExtent);
    render::FrameGraph frame;
    build(frame, target, readback);
    Result<void> executed;
    device->run_now([&](VkCommandBuffer cmd) { executed = executor.execute(frame, cmd, 0, options); });
    device->retire(target);
    EXPECT_TRUE(executed.ok()) << executed.error().message;
    auto image = render::finish_readback(*device, readback);
    EXPECT_TRUE(image.ok());
    return image.ok() ? *image : ImageRgba8{};
  }

  VkDescriptorSetLayout storage_layout_{}, blur_layout_{}, composite_layout_{};
  VkPipelineLayout pattern_pl_{}, blur_pl_{}, composite_pl_{};
  VkPipeline pattern_{}, blur_{}, composite_{};
  VkSampler sampler_{};
  graph::TextureHandle target_, a_, b_, c_, e_, unused_;
  int unused_runs_ = 0;
};

TEST_F(GraphExecuteTest, MultiPassGraphRunsWithoutHazardsAndCullsUnreadWork) {
  render::GraphExecutor executor(*device);
  ImageRgba8 image = run(executor, {});
  ASSERT_EQ(image.width, int(kExtent.width));
  EXPECT_EQ(unused_runs_, 0) << "a pass whose output nobody reads is culled";
  auto culled = executor.compiled().culled_passes();
  ASSERT_EQ(culled.size(), 1u);
  EXPECT_EQ(executor.compiled().pass_name(culled[0]), "unused");
  // Right half: pattern b unblurred, r = u * 0.25, g = v, alpha 1; never the magenta clear colour.
  const std::uint8_t* p = &image.pixels[(std::size_t(24) * kExtent.width + 52) * 4];
  EXPECT_NEAR(p[0], int(255 * (52.5 / 64.0) * 0.25 + 0.5), 2);
  EXPECT_NEAR(p[1], int(255 * (24.5 / 48.0) + 0.5), 2);
  EXPECT_EQ(p[3], 255);
  // Left half: the twice-blurred checker of pattern a has in-between blue values at cell edges.
  const std::uint8_t* edge = &image.pixels[(std::size_t(20) * kExtent.width + 8) * 4];
  EXPECT_GT(edge[2], 20);
  EXPECT_LT(edge[2], 235);
}

TEST_F(GraphExecuteTest, AliasingOnAndOffRenderIdenticalImages) {
  render::GraphExecutor aliased(*device);
  ImageRgba8 with = run(aliased, {});
  const auto stats = aliased.memory_stats();
  EXPECT_LT(stats.bytes_with_aliasing, stats.bytes_without_aliasing) << "a's memory is reused after blur 1";

  render::GraphExecutor separate(*device);
  graph::CompileOptions no_aliasing;
  no_aliasing.aliasing = false;
  ImageRgba8 without = run(separate, no_aliasing);
  EXPECT_EQ(separate.memory_stats().bytes_with_aliasing, separate.memory_stats().bytes_without_aliasing);
  ASSERT_EQ(with.pixels.size(), without.pixels.size());
  EXPECT_TRUE(with.pixels == without.pixels);

  graph::CompileOptions unbatched;
  unbatched.batch_barriers = false;
  render::GraphExecutor one_by_one(*device);
  EXPECT_TRUE(run(one_by_one, unbatched).pixels == with.pixels);
}

TEST_F(GraphExecuteTest, WarmFramesAllocateNoMemory) {
  render::GraphExecutor executor(*device);
  run(executor, {});
  const auto heaps = executor.memory_stats().heap_allocations;
  const auto cached = executor.memory_stats().cached_images;
  for (int i = 0; i < 3; ++i) run(executor, {});
  EXPECT_EQ(executor.memory_stats().heap_allocations, heaps);
  EXPECT_EQ(executor.memory_stats().cached_images, cached) << "images and views are reused, not recreated";
}

TEST_F(GraphExecuteTest, PerPassTimingsAreReported) {
  render::GraphExecutor executor(*device);
  run(executor, {});
  const auto& compiled = executor.compiled();
  ASSERT_EQ(executor.timings().size(), 7u);  // by PassId: every declared pass
  ASSERT_EQ(compiled.passes.size(), 6u);     // one culled
  EXPECT_EQ(compiled.pass_name(compiled.passes.front().id), "pattern a");
  EXPECT_EQ(compiled.pass_name(compiled.passes.back().id), "readback");
  double total_cpu = 0.0;
  for (const auto& t : executor.timings()) total_cpu += t.cpu_ms;
  EXPECT_GT(total_cpu, 0.0);
  run(executor, {});  // the slot's second frame reads the first frame's GPU timestamps
  double total_gpu = 0.0;
  for (const auto& t : executor.timings()) total_gpu += t.gpu_ms;
  EXPECT_GT(total_gpu, 0.0);
}

}  // namespace
}  // namespace kagami
