#include <cstring>

#include "gpu_fixture.h"
#include "kagami/gpu/barriers.h"
#include "kagami/gpu/check.h"
#include "kagami/gpu/context.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/gpu/timestamps.h"
#include "kagami/gpu/upload.h"

namespace kagami {
namespace {

using testing::GpuTest;

constexpr gpu::SyncScope kTransferWrite{VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT};
constexpr gpu::SyncScope kHostRead{VK_PIPELINE_STAGE_2_HOST_BIT, VK_ACCESS_2_HOST_READ_BIT};

TEST(DeviceChoice, PrefersDiscreteThenIntegratedThenCpu) {
  std::vector<gpu::PhysicalDeviceInfo> devices = {
      {0, "llvmpipe", VK_PHYSICAL_DEVICE_TYPE_CPU, 0},
      {1, "Some iGPU", VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU, 0},
      {2, "Big dGPU", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, 0},
  };
  EXPECT_EQ(*gpu::choose_device(devices, ""), 2u);
  devices.pop_back();
  EXPECT_EQ(*gpu::choose_device(devices, ""), 1u);
}

TEST(DeviceChoice, SelectorByIndexOrNameAndClearErrors) {
  std::vector<gpu::PhysicalDeviceInfo> devices = {
      {0, "llvmpipe (LLVM 15)", VK_PHYSICAL_DEVICE_TYPE_CPU, 0},
      {1, "NVIDIA H100", VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, 0},
  };
  EXPECT_EQ(*gpu::choose_device(devices, "0"), 0u);
  EXPECT_EQ(*gpu::choose_device(devices, "llvmpipe"), 0u);
  auto missing = gpu::choose_device(devices, "Radeon");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("Radeon"), std::string::npos);
  EXPECT_NE(missing.error().message.find("NVIDIA H100"), std::string::npos) << "lists what is available";
  auto none = gpu::choose_device({}, "");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("mesa-vulkan-drivers"), std::string::npos);
}

TEST_F(GpuTest, DeviceHasTheFeaturesWeUse) {
  EXPECT_GE(device->context().properties().apiVersion, VK_API_VERSION_1_3);
  EXPECT_FALSE(device->context().device_name().empty());
}

// CPU rasterisers pay per anisotropic tap (minutes for one sliver triangle on
// llvmpipe), so material samplers are trilinear there and 8x on GPUs.
TEST_F(GpuTest, MaterialAnisotropyIsOffOnCpuDevicesOnly) {
  const auto& props = device->context().properties();
  const float anisotropy = device->context().material_anisotropy();
  if (props.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU) {
    EXPECT_EQ(anisotropy, 1.0f);
  } else {
    EXPECT_GT(anisotropy, 1.0f);
    EXPECT_LE(anisotropy, props.limits.maxSamplerAnisotropy);
  }
}

TEST_F(GpuTest, UnknownDeviceSelectorIsAnErrorNotACrash) {
  gpu::ContextOptions options;
  options.device = "no-such-gpu-anywhere";
  auto other = gpu::Device::create(options);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("no-such-gpu-anywhere"), std::string::npos);
}

TEST_F(GpuTest, AllocatorSubAllocatesAlignsAndReturnsEmptyBlocks) {
  const auto baseline = device->allocator().stats();
  std::vector<gpu::Buffer> buffers;
  for (int i = 0; i < 10; ++i)
    buffers.push_back(device->create_buffer({1000 + VkDeviceSize(i) * 37, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                             gpu::MemoryUsage::gpu_only, "sub"}));
  auto stats = device->allocator().stats();
  EXPECT_EQ(stats.block_count, baseline.block_count + 1) << "ten small buffers share one block";
  for (std::size_t i = 0; i < buffers.size(); ++i) {
    VkMemoryRequirements req;
    vkGetBufferMemoryRequirements(device->vk(), buffers[i].handle, &req);
    EXPECT_EQ(buffers[i].allocation.offset % req.alignment, 0u);
    for (std::size_t j = 0; j < i; ++j) {
      if (buffers[i].allocation.memory != buffers[j].allocation.memory) continue;
      bool disjoint = buffers[i].allocation.offset >= buffers[j].allocation.offset + buffers[j].allocation.size ||
                      buffers[j].allocation.offset >= buffers[i].allocation.offset + buffers[i].allocation.size;
      EXPECT_TRUE(disjoint) << "allocations " << i << " and " << j << " overlap";
    }
  }
  for (auto& b : buffers) device->retire(b);
  device->wait_idle();
  stats = device->allocator().stats();
  EXPECT_EQ(stats.used_bytes, baseline.used_bytes);
  EXPECT_EQ(stats.reserved_bytes, baseline.reserved_bytes) << "an empty block goes back to the driver";
}

TEST_F(GpuTest, LargeImagesGetDedicatedAllocations) {
  gpu::ImageDesc desc;
  desc.format = VK_FORMAT_R16G16B16A16_SFLOAT;
  desc.width = 2048;
  desc.height = 2048;  // 32 MiB
  desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT;
  desc.name = "big";
  gpu::Image image = device->create_image(desc);
  EXPECT_EQ(image.allocation.block, -1);
  EXPECT_EQ(device->allocator().stats().dedicated_count, 1u);
  device->retire(image);
}

TEST_F(GpuTest, RetiredObjectsLiveUntilTheirWorkCompletes) {
  gpu::Buffer buffer = device->create_buffer({4096, VK_BUFFER_USAGE_TRANSFER_DST_BIT, gpu::MemoryUsage::gpu_only, "x"});
  const auto used = device->allocator().stats().used_bytes;
  device->retire(buffer);
  EXPECT_FALSE(buffer) << "the handle is cleared at once";
  device->collect();
  EXPECT_EQ(device->allocator().stats().used_bytes, used) << "nothing submitted since: still alive";
  device->run_now([](VkCommandBuffer) {});
  EXPECT_LT(device->allocator().stats().used_bytes, used) << "destroyed once the next submission completed";
}

TEST_F(GpuTest, BufferUploadRoundTrips) {
  std::vector<std::uint8_t> data(10000);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = std::uint8_t(i * 7 + 3);
  gpu::Buffer gpu_buffer = gpu::upload_buffer(*device, data, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, "roundtrip");
  gpu::Buffer host = device->create_buffer({data.size(), VK_BUFFER_USAGE_TRANSFER_DST_BIT, gpu::MemoryUsage::readback,
                                            "roundtrip readback"});
  device->run_now([&](VkCommandBuffer cmd) {
    VkBufferCopy region{0, 0, data.size()};
    vkCmdCopyBuffer(cmd, gpu_buffer.handle, host.handle, 1, &region);
    gpu::memory_barrier(cmd, kTransferWrite, kHostRead);
  });
  EXPECT_EQ(std::memcmp(host.mapped(), data.data(), data.size()), 0);
  device->retire(gpu_buffer);
  device->retire(host);
}

TEST_F(GpuTest, TextureUploadBuildsTheWholeMipChain) {
  // A 4x4 checker of black and white averages to mid grey at the 1x1 level.
  std::vector<std::uint8_t> pixels(4 * 4 * 4);
  for (int i = 0; i < 16; ++i) {
    std::uint8_t v = ((i % 4) + (i / 4)) % 2 ? 255 : 0;
    pixels[i * 4 + 0] = pixels[i * 4 + 1] = pixels[i * 4 + 2] = v;
    pixels[i * 4 + 3] = 255;
  }
  gpu::Image texture = gpu::upload_texture_rgba8(*device, 4, 4, pixels, /*srgb=*/false, "checker");
  ASSERT_EQ(texture.desc.mip_levels, 3u);
  gpu::Buffer host = device->create_buffer({4, VK_BUFFER_USAGE_TRANSFER_DST_BIT, gpu::MemoryUsage::readback, "mip"});
  device->run_now([&](VkCommandBuffer cmd) {
    gpu::transition_image(cmd, texture.handle, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                          VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                          {VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT},
                          {VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_READ_BIT}, 2, 1);
    VkBufferImageCopy copy{};
    copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 2, 0, 1};
    copy.imageExtent = {1, 1, 1};
    vkCmdCopyImageToBuffer(cmd, texture.handle, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, host.handle, 1, &copy);
    gpu::memory_barrier(cmd, kTransferWrite, kHostRead);
  });
  const auto* texel = static_cast<const std::uint8_t*>(host.mapped());
  EXPECT_NEAR(texel[0], 128, 2);
  EXPECT_EQ(texel[3], 255);
  device->retire(texture);
  device->retire(host);
}

TEST_F(GpuTest, TimestampsMeasureScopesOnceTheFrameRetires) {
  gpu::TimestampQueries queries(*device, 1, 4);
  gpu::Buffer scratch =
      device->create_buffer({1 << 20, VK_BUFFER_USAGE_TRANSFER_DST_BIT, gpu::MemoryUsage::gpu_only, "scratch"});
  device->run_now([&](VkCommandBuffer cmd) {
    EXPECT_TRUE(queries.begin_frame(cmd, 0).empty()) << "nothing measured yet";
    queries.begin_scope(cmd, "fill");
    vkCmdFillBuffer(cmd, scratch.handle, 0, VK_WHOLE_SIZE, 0x12345678u);
    queries.end_scope(cmd);
  });
  device->retire(scratch);
  std::vector<gpu::TimedScope> scopes;
  device->run_now([&](VkCommandBuffer cmd) { scopes = queries.begin_frame(cmd, 0); });
  ASSERT_EQ(scopes.size(), 1u);
  EXPECT_EQ(scopes[0].name, "fill");
  EXPECT_GE(scopes[0].gpu_ms, 0.0);
}

TEST_F(GpuTest, MissingShaderIsAnErrorNamingTheFile) {
  gpu::ComputePipelineDesc desc;
  desc.name = "missing";
  desc.shader = "/nonexistent/never.comp.spv";
  auto pipeline = gpu::create_compute_pipeline(*device, desc);
  ASSERT_FALSE(pipeline.ok());
  EXPECT_NE(pipeline.error().message.find("/nonexistent/never.comp.spv"), std::string::npos);
}

TEST(VulkanCheck, FailuresThrowWithTheCallAndResultName) {
  try {
    KAGAMI_VK(VK_ERROR_DEVICE_LOST);
    FAIL() << "KAGAMI_VK must throw";
  } catch (const gpu::VulkanError& e) {
    EXPECT_EQ(e.result(), VK_ERROR_DEVICE_LOST);
    EXPECT_NE(std::string(e.what()).find("VK_ERROR_DEVICE_LOST"), std::string::npos);
  }
}

}  // namespace
}  // namespace kagami
