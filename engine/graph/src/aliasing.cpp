#include "aliasing.h"

#include <algorithm>

namespace kagami::graph::detail {
namespace {

VkDeviceSize align_up(VkDeviceSize value, VkDeviceSize alignment) {
  return (value + alignment - 1) & ~(alignment - 1);
}

HandOver merge(const HandOver& a, const HandOver& b) {
  return HandOver{a.prior || b.prior, a.stages | b.stages, a.access | b.access};
}

}  // namespace

void TransientAllocator::reset(bool aliasing, std::vector<Heap>* heaps) {
  aliasing_ = aliasing;
  heaps_ = heaps;
  free_.clear();
}

bool TransientAllocator::compatible(const Heap& heap, ResourceKind kind, std::uint32_t type_bits) const {
  return heap.kind == kind && (heap.memory_type_bits & type_bits) != 0;
}

void TransientAllocator::claim(Heap& heap, const MemoryRequirements& req) {
  heap.memory_type_bits &= req.memory_type_bits;
  heap.alignment = std::max(heap.alignment, req.alignment);
}

void TransientAllocator::carve(std::size_t index, VkDeviceSize offset, VkDeviceSize size) {
  const Block block = free_[index];
  const VkDeviceSize end = offset + size;
  const bool left = offset > block.offset;
  const bool right = end < block.end();
  if (left && right) {
    free_[index].size = offset - block.offset;
    free_.insert(free_.begin() + static_cast<std::ptrdiff_t>(index) + 1,
                 Block{block.heap, end, block.end() - end, block.prior});
  } else if (left) {
    free_[index].size = offset - block.offset;
  } else if (right) {
    free_[index].offset = end;
    free_[index].size = block.end() - end;
  } else {
    free_.erase(free_.begin() + static_cast<std::ptrdiff_t>(index));
  }
}

TransientAllocator::Allocation TransientAllocator::allocate(ResourceKind kind, const MemoryRequirements& req) {
  std::vector<Heap>& heaps = *heaps_;
  Allocation out;

  // Best fit among free ranges: the smallest one that holds the aligned size.
  std::size_t best = free_.size();
  VkDeviceSize best_offset = 0;
  for (std::size_t i = 0; i < free_.size(); ++i) {
    const Block& b = free_[i];
    if (!compatible(heaps[b.heap], kind, req.memory_type_bits)) continue;
    const VkDeviceSize offset = align_up(b.offset, req.alignment);
    if (offset + req.size > b.end()) continue;
    if (best == free_.size() || b.size < free_[best].size) {
      best = i;
      best_offset = offset;
    }
  }
  if (best != free_.size()) {
    out.heap = free_[best].heap;
    out.offset = best_offset;
    out.handover = free_[best].prior;
    claim(heaps[out.heap], req);
    carve(best, best_offset, req.size);
    return out;
  }

  // Otherwise grow the compatible heap that grows least (a free range at its
  // end counts toward the new range).
  std::uint32_t chosen = kInvalidIndex;
  VkDeviceSize chosen_offset = 0;
  VkDeviceSize chosen_growth = 0;
  std::size_t chosen_tail = free_.size();
  for (std::uint32_t h = 0; h < heaps.size(); ++h) {
    if (!compatible(heaps[h], kind, req.memory_type_bits)) continue;
    std::size_t tail = free_.size();
    VkDeviceSize start = heaps[h].size;
    for (std::size_t i = 0; i < free_.size(); ++i) {
      if (free_[i].heap == h && free_[i].end() == heaps[h].size) {
        tail = i;
        start = free_[i].offset;
        break;
      }
    }
    const VkDeviceSize offset = align_up(start, req.alignment);
    const VkDeviceSize growth = offset + req.size - heaps[h].size;
    if (chosen == kInvalidIndex || growth < chosen_growth) {
      chosen = h;
      chosen_offset = offset;
      chosen_growth = growth;
      chosen_tail = tail;
    }
  }
  if (chosen == kInvalidIndex) {
    heaps.push_back(Heap{kind, req.memory_type_bits, 0, 1});
    chosen = static_cast<std::uint32_t>(heaps.size() - 1);
    chosen_offset = 0;
  }
  if (chosen_tail != free_.size()) {
    const Block tail = free_[chosen_tail];
    if (chosen_offset < tail.end()) out.handover = tail.prior;
    if (chosen_offset > tail.offset) {
      free_[chosen_tail].size = std::min(chosen_offset, tail.end()) - tail.offset;
    } else {
      free_.erase(free_.begin() + static_cast<std::ptrdiff_t>(chosen_tail));
    }
  }
  Heap& heap = heaps[chosen];
  heap.size = chosen_offset + req.size;
  claim(heap, req);
  out.heap = chosen;
  out.offset = chosen_offset;
  return out;
}

void TransientAllocator::release(std::uint32_t heap, VkDeviceSize offset, VkDeviceSize size,
                                 const HandOver& last_use) {
  if (!aliasing_) return;
  const auto pos = std::lower_bound(free_.begin(), free_.end(), Block{heap, offset, 0, {}},
                                    [](const Block& a, const Block& b) {
                                      return a.heap != b.heap ? a.heap < b.heap : a.offset < b.offset;
                                    });
  std::size_t index = static_cast<std::size_t>(pos - free_.begin());
  free_.insert(pos, Block{heap, offset, size, last_use});
  // Coalesce with the neighbours in the same heap; their previous owners stay
  // on record, so whoever takes the merged range waits for all of them.
  if (index + 1 < free_.size() && free_[index + 1].heap == heap && free_[index + 1].offset == offset + size) {
    free_[index].size += free_[index + 1].size;
    free_[index].prior = merge(free_[index].prior, free_[index + 1].prior);
    free_.erase(free_.begin() + static_cast<std::ptrdiff_t>(index) + 1);
  }
  if (index > 0 && free_[index - 1].heap == heap && free_[index - 1].end() == offset) {
    free_[index - 1].size += free_[index].size;
    free_[index - 1].prior = merge(free_[index - 1].prior, free_[index].prior);
    free_.erase(free_.begin() + static_cast<std::ptrdiff_t>(index));
  }
}

}  // namespace kagami::graph::detail
