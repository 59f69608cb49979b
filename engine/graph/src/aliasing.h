#pragma once
// Transient memory placement. The compiler sweeps passes in execution order:
// transients whose last use is over give their range back (release), the ones
// first used by the next pass take a range (allocate). A range is only reused
// after its owner's last use, so live intervals never share bytes. Free
// ranges remember what their previous owners did last, so the new owner's
// first barrier can wait for it (the aliasing hand-over).
#include <cstdint>
#include <vector>

#include "barriers.h"
#include "kagami/graph/compiled_graph.h"

namespace kagami::graph::detail {

class TransientAllocator {
 public:
  struct Allocation {
    std::uint32_t heap = kInvalidIndex;
    VkDeviceSize offset = 0;
    HandOver handover;  // previous owners of (part of) the range; prior=false for fresh memory
  };

  // Heaps are appended to `heaps`. Without aliasing nothing is ever reused.
  void reset(bool aliasing, std::vector<Heap>* heaps);
  Allocation allocate(ResourceKind kind, const MemoryRequirements& requirements);
  void release(std::uint32_t heap, VkDeviceSize offset, VkDeviceSize size, const HandOver& last_use);

 private:
  struct Block {
    std::uint32_t heap;
    VkDeviceSize offset;
    VkDeviceSize size;
    HandOver prior;
    VkDeviceSize end() const { return offset + size; }
  };
  bool compatible(const Heap& heap, ResourceKind kind, std::uint32_t type_bits) const;
  void claim(Heap& heap, const MemoryRequirements& requirements);
  // Takes [offset, offset + size) out of free_[index], keeping what is left on either side.
  void carve(std::size_t index, VkDeviceSize offset, VkDeviceSize size);

  std::vector<Block> free_;  // sorted by (heap, offset), never adjacent within a heap
  std::vector<Heap>* heaps_ = nullptr;
  bool aliasing_ = true;
};

}  // namespace kagami::graph::detail
