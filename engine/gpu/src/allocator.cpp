#include "kagami/gpu/allocator.h"

#include <algorithm>

#include "kagami/gpu/check.h"
#include "kagami/gpu/context.h"

namespace kagami::gpu {

Allocator::Allocator(const Context& context, VkDeviceSize block_size, VkDeviceSize dedicated_threshold)
    : context_(context), block_size_(block_size), dedicated_threshold_(dedicated_threshold) {}

Allocator::~Allocator() {
  for (auto& block : blocks_)
    if (block.memory) vkFreeMemory(context_.device(), block.memory, nullptr);
}

std::uint32_t Allocator::find_memory_type(std::uint32_t type_bits, MemoryUsage usage) const {
  const auto& props = context_.memory_properties();
  VkMemoryPropertyFlags required = 0, preferred = 0;
  switch (usage) {
    case MemoryUsage::gpu_only: preferred = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT; break;
    case MemoryUsage::upload: required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT; break;
    case MemoryUsage::readback:
      required = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
      preferred = VK_MEMORY_PROPERTY_HOST_CACHED_BIT;
      break;
  }
  std::uint32_t fallback = UINT32_MAX;
  for (std::uint32_t i = 0; i < props.memoryTypeCount; ++i) {
    if (!(type_bits & (1u << i))) continue;
    VkMemoryPropertyFlags flags = props.memoryTypes[i].propertyFlags;
    if ((flags & required) != required) continue;
    if ((flags & preferred) == preferred) return i;
    if (fallback == UINT32_MAX) fallback = i;
  }
  if (fallback == UINT32_MAX)
    throw VulkanError("no Vulkan memory type fits the request", VK_ERROR_OUT_OF_DEVICE_MEMORY);
  return fallback;
}

VkDeviceMemory Allocator::allocate_memory(VkDeviceSize size, std::uint32_t memory_type, void** mapped) {
  // Buffers may ask for their device address, which needs the flag at allocation time.
  VkMemoryAllocateFlagsInfo flags{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_FLAGS_INFO};
  flags.flags = VK_MEMORY_ALLOCATE_DEVICE_ADDRESS_BIT;
  VkMemoryAllocateInfo info{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  info.pNext = &flags;
  info.allocationSize = size;
  info.memoryTypeIndex = memory_type;
  VkDeviceMemory memory = VK_NULL_HANDLE;
  KAGAMI_VK(vkAllocateMemory(context_.device(), &info, nullptr, &memory));
  ++stats_.vk_allocate_calls;
  stats_.reserved_bytes += size;
  *mapped = nullptr;
  if (context_.memory_properties().memoryTypes[memory_type].propertyFlags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT)
    KAGAMI_VK(vkMapMemory(context_.device(), memory, 0, VK_WHOLE_SIZE, 0, mapped));
  return memory;
}

bool Allocator::try_place(Block& block, VkDeviceSize size, VkDeviceSize alignment, VkDeviceSize* offset) {
  for (std::size_t i = 0; i < block.free_ranges.size(); ++i) {
    Range& r = block.free_ranges[i];
    VkDeviceSize start = (r.offset + alignment - 1) / alignment * alignment;
    if (start + size > r.offset + r.size) continue;
    VkDeviceSize end = start + size;
    Range before{r.offset, start - r.offset};
    Range after{end, r.offset + r.size - end};
    block.free_ranges.erase(block.free_ranges.begin() + std::ptrdiff_t(i));
    // Keep the alignment padding in front as a free range so it can be reused.
    if (after.size) block.free_ranges.insert(block.free_ranges.begin() + std::ptrdiff_t(i), after);
    if (before.size) block.free_ranges.insert(block.free_ranges.begin() + std::ptrdiff_t(i), before);
    *offset = start;
    return true;
  }
  return false;
}

Allocation Allocator::allocate(const VkMemoryRequirements& req, MemoryUsage usage, ResourceKind kind) {
  Allocation a;
  a.memory_type = find_memory_type(req.memoryTypeBits, usage);
  a.size = req.size;
  if (req.size >= dedicated_threshold_ || req.size > block_size_) {
    a.memory = allocate_memory(req.size, a.memory_type, &a.mapped);
    ++stats_.dedicated_count;
    stats_.used_bytes += req.size;
    return a;
  }
  VkDeviceSize alignment = std::max<VkDeviceSize>(req.alignment, 16);
  for (std::size_t b = 0; b < blocks_.size(); ++b) {
    Block& block = blocks_[b];
    if (!block.memory || block.memory_type != a.memory_type || block.kind != kind) continue;
    if (try_place(block, req.size, alignment, &a.offset)) {
      a.memory = block.memory;
      a.block = std::int32_t(b);
      a.mapped = block.mapped ? static_cast<char*>(block.mapped) + a.offset : nullptr;
      stats_.used_bytes += req.size;
      return a;
    }
  }
  Block block;
  block.size = block_size_;
  block.memory_type = a.memory_type;
  block.kind = kind;
  block.memory = allocate_memory(block_size_, a.memory_type, &block.mapped);
  block.free_ranges.push_back({0, block_size_});
  // Reuse an empty slot left by a released block, if any.
  auto slot = std::find_if(blocks_.begin(), blocks_.end(), [](const Block& bl) { return !bl.memory; });
  std::size_t index = std::size_t(slot - blocks_.begin());
  if (slot == blocks_.end()) blocks_.push_back(std::move(block));
  else *slot = std::move(block);
  ++stats_.block_count;
  Block& placed = blocks_[index];
  try_place(placed, req.size, alignment, &a.offset);
  a.memory = placed.memory;
  a.block = std::int32_t(index);
  a.mapped = placed.mapped ? static_cast<char*>(placed.mapped) + a.offset : nullptr;
  stats_.used_bytes += req.size;
  return a;
}

void Allocator::free(const Allocation& a) {
  if (!a.valid()) return;
  stats_.used_bytes -= a.size;
  if (a.block < 0) {
    vkFreeMemory(context_.device(), a.memory, nullptr);
    stats_.reserved_bytes -= a.size;
    --stats_.dedicated_count;
    return;
  }
  Block& block = blocks_[std::size_t(a.block)];
  auto& ranges = block.free_ranges;
  auto it = std::lower_bound(ranges.begin(), ranges.end(), a.offset,
                             [](const Range& r, VkDeviceSize off) { return r.offset < off; });
  it = ranges.insert(it, Range{a.offset, a.size});
  // Coalesce with the neighbours.
  if (it + 1 != ranges.end() && it->offset + it->size == (it + 1)->offset) {
    it->size += (it + 1)->size;
    ranges.erase(it + 1);
  }
  if (it != ranges.begin() && (it - 1)->offset + (it - 1)->size == it->offset) {
    (it - 1)->size += it->size;
    ranges.erase(it);
  }
  // An empty block goes back to the driver so resident memory returns to its baseline.
  if (ranges.size() == 1 && ranges[0].offset == 0 && ranges[0].size == block.size) {
    vkFreeMemory(context_.device(), block.memory, nullptr);
    stats_.reserved_bytes -= block.size;
    --stats_.block_count;
    block = Block{};
  }
}

}  // namespace kagami::gpu
