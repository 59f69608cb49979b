#pragma once
// A small block sub-allocator (Debian ships no VMA). One list of blocks per
// memory type; buffers and images live in separate blocks so that
// bufferImageGranularity never matters; large images get a dedicated
// allocation. Host-visible blocks stay mapped for their whole life.
#include <cstdint>
#include <memory>
#include <vector>

#include <vulkan/vulkan.h>

namespace kagami::gpu {

class Context;

enum class MemoryUsage {
  gpu_only,  // device local
  upload,    // host visible + coherent, written by the CPU, read by the GPU
  readback,  // host visible (+ cached when available), written by the GPU, read by the CPU
};

enum class ResourceKind { linear, optimal };  // buffers / linear images, optimal-tiling images

struct Allocation {
  VkDeviceMemory memory = VK_NULL_HANDLE;
  VkDeviceSize offset = 0;
  VkDeviceSize size = 0;
  void* mapped = nullptr;  // non-null for host-visible memory
  std::uint32_t memory_type = 0;
  std::int32_t block = -1;  // -1 for dedicated allocations
  bool valid() const { return memory != VK_NULL_HANDLE; }
};

struct AllocatorStats {
  VkDeviceSize used_bytes = 0;      // bytes handed out (including dedicated)
  VkDeviceSize reserved_bytes = 0;  // bytes obtained from vkAllocateMemory
  std::uint32_t block_count = 0;
  std::uint32_t dedicated_count = 0;
  std::uint64_t vk_allocate_calls = 0;  // lifetime total: lets tests prove a warm loop allocates nothing
};

class Allocator {
 public:
  explicit Allocator(const Context& context, VkDeviceSize block_size = 32ull << 20,
                     VkDeviceSize dedicated_threshold = 16ull << 20);
  ~Allocator();
  Allocator(const Allocator&) = delete;
  Allocator& operator=(const Allocator&) = delete;

  // Throws VulkanError when the device is out of memory.
  Allocation allocate(const VkMemoryRequirements& requirements, MemoryUsage usage, ResourceKind kind);
  void free(const Allocation& allocation);

  std::uint32_t find_memory_type(std::uint32_t type_bits, MemoryUsage usage) const;
  AllocatorStats stats() const { return stats_; }

 private:
  struct Range {
    VkDeviceSize offset, size;
  };
  struct Block {
    VkDeviceMemory memory = VK_NULL_HANDLE;
    VkDeviceSize size = 0;
    std::uint32_t memory_type = 0;
    ResourceKind kind = ResourceKind::linear;
    void* mapped = nullptr;
    std::vector<Range> free_ranges;  // sorted by offset, coalesced
  };

  VkDeviceMemory allocate_memory(VkDeviceSize size, std::uint32_t memory_type, void** mapped);
  bool try_place(Block& block, VkDeviceSize size, VkDeviceSize alignment, VkDeviceSize* offset);

  const Context& context_;
  VkDeviceSize block_size_;
  VkDeviceSize dedicated_threshold_;
  std::vector<Block> blocks_;
  AllocatorStats stats_;
};

}  // namespace kagami::gpu
