#pragma once
// Runs a compiled frame graph on the GPU: places transients in memory kept
// across frames (no vkAllocateMemory once warm), caches their images and
// views, records every barrier the compiler planned with vkCmdPipelineBarrier2,
// begins dynamic rendering with the derived load/store ops, and wraps each
// pass in a debug label and GPU timestamps.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "kagami/core/result.h"
#include "kagami/gpu/device.h"
#include "kagami/gpu/frames.h"
#include "kagami/gpu/timestamps.h"
#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/graph_export.h"
#include "kagami/render/frame_graph.h"

namespace kagami::render {

struct TransientMemoryStats {
  VkDeviceSize heap_bytes = 0;               // memory held for transients, all frame slots
  VkDeviceSize bytes_with_aliasing = 0;      // last compiled frame
  VkDeviceSize bytes_without_aliasing = 0;   // last compiled frame
  std::uint64_t heap_allocations = 0;        // lifetime count of heap (re)allocations
  std::size_t cached_images = 0;
};

class GraphExecutor {
 public:
  explicit GraphExecutor(gpu::Device& device, std::uint32_t frame_slots = gpu::FrameRing::kSlots);
  ~GraphExecutor();
  GraphExecutor(const GraphExecutor&) = delete;
  GraphExecutor& operator=(const GraphExecutor&) = delete;

  // Compiles `frame` and records it into `cmd`. `slot` names the frame-in-flight
  // slot whose transient memory may be reused (its previous frame has retired).
  Result<void> execute(FrameGraph& frame, VkCommandBuffer cmd, std::uint32_t slot,
                       const graph::CompileOptions& options = {});

  const graph::CompiledGraph& compiled() const { return compiled_; }
  // By PassId (zero for culled passes): this frame's CPU recording time and
  // the GPU time measured the last time this slot ran (timestamps are read
  // once a frame has retired, so reading never stalls).
  const std::vector<graph::PassTiming>& timings() const { return timings_; }
  TransientMemoryStats memory_stats() const;

 private:
  friend class PassContext;
  struct Physical {
    VkImage image = VK_NULL_HANDLE;
    VkImageView view = VK_NULL_HANDLE;
    VkBuffer buffer = VK_NULL_HANDLE;
  };
  struct HeapMemory {
    gpu::Allocation allocation;
    VkDeviceSize size = 0;
    std::uint32_t memory_type = 0;
  };
  struct CachedObject {
    Physical physical;
    std::uint64_t last_used = 0;
  };
  struct Slot {
    std::vector<HeapMemory> heaps;
    std::unordered_map<std::uint64_t, CachedObject> cache;  // key: description + placement
  };

  graph::MemoryRequirements requirements(const graph::TransientInfo& info) const;
  void prepare_heaps(Slot& slot);
  Physical transient(Slot& slot, const graph::CompiledResource& resource);
  void record_batches(VkCommandBuffer cmd, std::span<const graph::BarrierBatch> batches);
  void begin_rendering(VkCommandBuffer cmd, const graph::CompiledPass& pass, VkExtent2D* extent) const;
  void evict_unused(Slot& slot);
  void destroy(const Physical& physical);

  gpu::Device& device_;
  std::vector<Slot> slots_;
  gpu::TimestampQueries timestamps_;
  graph::CompiledGraph compiled_;
  std::vector<Physical> physical_;  // by ResourceId, this frame
  std::vector<graph::PassTiming> timings_;
  std::vector<VkImageMemoryBarrier2> image_scratch_;  // reused by every barrier batch
  std::vector<VkBufferMemoryBarrier2> buffer_scratch_;
  std::uint64_t frame_ = 0;
  std::uint64_t heap_allocations_ = 0;
};

}  // namespace kagami::render
