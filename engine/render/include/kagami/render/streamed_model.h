#pragma once
// One cooked model on its way to the GPU. Its GPU objects are created up
// front; its bytes (vertices, indices, every mip level) form one stream, and
// copy_through() sends the part of that stream a frame's budget allows,
// through the staging ring, recording the copies into the frame's commands.
#include <cstdint>
#include <vector>

#include "kagami/asset/cooked_model.h"
#include "kagami/gpu/device.h"
#include "kagami/gpu/staging_ring.h"
#include "kagami/render/gpu_model.h"

namespace kagami::render {

VkFormat vk_format(asset::TextureFormat format);

class StreamedModel {
 public:
  StreamedModel(gpu::Device& device, asset::CookedModel cooked, std::string_view name);

  std::uint64_t total_bytes() const { return total_; }
  std::uint64_t copied_bytes() const { return copied_; }
  // Copies the stream up to byte `end` (rounded down inside a texture level to
  // whole block rows; the stream's end is always reached exactly). Returns false
  // when the staging ring is full (the rest waits for the next frame).
  bool copy_through(VkCommandBuffer cmd, gpu::StagingRing& ring, std::uint64_t end);
  // Every byte copied: moves textures to SHADER_READ_ONLY and hands over the
  // model. The cooked CPU data is released.
  GpuModel finish(VkCommandBuffer cmd);
  // Frees whatever was created (an upload cancelled halfway).
  void abandon();

 private:
  struct Segment {
    std::uint64_t stream_offset = 0;
    std::span<const std::uint8_t> bytes;
    VkBuffer buffer = VK_NULL_HANDLE;   // buffer destination, or
    VkImage image = VK_NULL_HANDLE;     // an image level
    std::uint32_t mip = 0, width = 0, height = 0;
    std::uint32_t row_bytes = 0, row_pixels = 1;  // one row of blocks (BC: 4 pixel rows)
  };
  void record_copy(VkCommandBuffer cmd, const Segment& s, std::uint64_t from, std::uint64_t to,
                   const gpu::StagingSpan& staging);

  gpu::Device& device_;
  asset::CookedModel cooked_;
  GpuModel model_;
  std::vector<Segment> segments_;
  std::uint64_t total_ = 0;
  std::uint64_t copied_ = 0;
  bool images_prepared_ = false;
};

}  // namespace kagami::render
