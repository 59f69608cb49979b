#pragma once
// compile(): RenderGraph -> CompiledGraph. Orders and culls passes, computes
// resource lifetimes, places transients in aliased heaps and plans every
// synchronization2 barrier and attachment load/store op. CompiledGraph is
// self-contained plain data (names included), so the executor, the JSON/DOT
// exporters and the hazard checker need nothing else.
//
// Executor outline, per frame:
//   for (const Heap& heap : compiled.heaps) allocate heap.size bytes of a type in heap.memory_type_bits
//   for every transient r: create it (r.image_usage / r.buffer_usage) and bind at r.placement
//   for (const CompiledPass& pass : compiled.passes) {
//     for (const BarrierBatch& batch : compiled.batches_of(pass)) vkCmdPipelineBarrier2(images_of(batch), buffers_of(batch))
//     begin rendering with compiled.attachments_of(pass) (layout, loadOp, storeOp, clear) when it has any
//     callbacks[pass.id.index](...)
//   }
//   record compiled.final_batches (imports to their final states)
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kagami/core/result.h"
#include "kagami/graph/render_graph.h"
#include "kagami/graph/types.h"

namespace kagami::graph {

struct MemoryRequirements {
  VkDeviceSize size = 0;
  VkDeviceSize alignment = 1;  // a power of two
  std::uint32_t memory_type_bits = ~0u;
};

// What the requirements callback is asked about: one transient as it will be
// created (the executor creates the VkImage/VkBuffer and asks Vulkan).
struct TransientInfo {
  ResourceId id;
  std::string_view name;
  ResourceKind kind = ResourceKind::texture;
  const TextureDesc* texture = nullptr;  // set for textures
  const BufferDesc* buffer = nullptr;    // set for buffers
  VkImageUsageFlags image_usage = 0;
  VkBufferUsageFlags buffer_usage = 0;
};
using MemoryRequirementsFn = std::function<MemoryRequirements(const TransientInfo&)>;

struct CompileOptions {
  bool culling = true;         // off: every declared pass runs
  bool aliasing = true;        // off: every transient gets memory of its own
  bool batch_barriers = true;  // off: one barrier call (BarrierBatch) per transition
};

// One pass's use of one resource, resolved to sync2 terms.
struct PassAccess {
  ResourceId resource;
  std::uint32_t version = 0;  // version read / consumed
  bool writes = false;        // produces version + 1
  UsageMask usages = 0;
  VkPipelineStageFlags2 stages = 0;
  VkAccessFlags2 access = 0;
  VkImageLayout layout = VK_IMAGE_LAYOUT_UNDEFINED;  // UNDEFINED for buffers
};

// Barriers cover the whole resource: every mip level and layer, every aspect.
struct ImageBarrier {
  ResourceId resource;
  VkPipelineStageFlags2 src_stages = 0;
  VkAccessFlags2 src_access = 0;
  VkPipelineStageFlags2 dst_stages = 0;
  VkAccessFlags2 dst_access = 0;
  VkImageLayout old_layout = VK_IMAGE_LAYOUT_UNDEFINED;  // UNDEFINED: contents discarded
  VkImageLayout new_layout = VK_IMAGE_LAYOUT_UNDEFINED;
  VkImageAspectFlags aspect = 0;
  bool aliasing = false;  // first use of memory another transient used before (src = its last accesses)
};

struct BufferBarrier {
  ResourceId resource;
  VkPipelineStageFlags2 src_stages = 0;
  VkAccessFlags2 src_access = 0;
  VkPipelineStageFlags2 dst_stages = 0;
  VkAccessFlags2 dst_access = 0;
  bool aliasing = false;
};

// One vkCmdPipelineBarrier2 call.
struct BarrierBatch {
  Range images;   // into CompiledGraph::image_barriers
  Range buffers;  // into CompiledGraph::buffer_barriers
};

struct Attachment {
  ResourceId resource;
  Usage usage = Usage::color_attachment;  // color_attachment, depth_attachment or depth_read_only
  VkFormat format = VK_FORMAT_UNDEFINED;
  VkImageLayout layout = VK_IMAGE_LAYOUT_UNDEFINED;
  VkAttachmentLoadOp load_op = VK_ATTACHMENT_LOAD_OP_LOAD;
  VkAttachmentStoreOp store_op = VK_ATTACHMENT_STORE_OP_STORE;  // NONE for read-only depth
  std::optional<ClearValue> clear;                              // set when load_op is CLEAR
};

struct CompiledPass {
  PassId id;
  QueueKind queue = QueueKind::raster;
  Range accesses;     // into CompiledGraph::accesses
  Range attachments;  // colour attachments in declaration order, then depth
  Range batches;      // barriers to record before the pass, into CompiledGraph::batches
};

struct PassInfo {
  NameRef name;
  QueueKind queue = QueueKind::raster;
  bool side_effects = false;
  bool root = false;                    // kept alive by itself (side effects, present, export)
  bool culled = false;
  std::uint32_t order = kInvalidIndex;  // position in CompiledGraph::passes; kInvalidIndex when culled
  Range accesses;
};

struct Placement {
  std::uint32_t heap = kInvalidIndex;  // kInvalidIndex: not a transient, or unused
  VkDeviceSize offset = 0;
};

struct Heap {
  ResourceKind kind = ResourceKind::texture;  // images and buffers never share a heap (bufferImageGranularity)
  std::uint32_t memory_type_bits = ~0u;       // allocate from any type in this mask
  VkDeviceSize size = 0;
  VkDeviceSize alignment = 1;  // the largest alignment of anything placed in it
};

struct CompiledResource {
  NameRef name;
  ResourceKind kind = ResourceKind::texture;
  TextureDesc texture;
  BufferDesc buffer;
  bool imported = false;
  bool read_only = false;
  bool exported = false;
  ResourceState initial;                     // imports
  std::optional<ResourceState> final_state;  // imports
  // Positions in CompiledGraph::passes of the first and last live pass using it.
  std::uint32_t first_use = kInvalidIndex;
  std::uint32_t last_use = kInvalidIndex;
  UsageMask usages = 0;  // every usage by a live pass
  VkImageUsageFlags image_usage = 0;
  VkBufferUsageFlags buffer_usage = 0;
  VkImageAspectFlags aspect = 0;
  MemoryRequirements requirements;  // transients in use
  Placement placement;
  // Imports: the state the frame leaves it in (its final_state when one was
  // given, otherwise its last use). Feed it to the next frame's import.
  ResourceState end_state;

  bool used() const { return first_use != kInvalidIndex; }
  bool transient() const { return !imported; }
};

struct CompiledGraph {
  std::vector<CompiledPass> passes;  // execution order, live passes only
  std::vector<PassInfo> pass_info;   // by PassId, every declared pass
  std::vector<CompiledResource> resources;  // by ResourceId
  std::vector<PassAccess> accesses;         // every pass's accesses, in declaration order
  std::vector<Attachment> attachments;
  std::vector<ImageBarrier> image_barriers;
  std::vector<BufferBarrier> buffer_barriers;
  std::vector<BarrierBatch> batches;
  Range final_batches;  // after the last pass: imports to their final states
  std::vector<Heap> heaps;
  VkDeviceSize bytes_with_aliasing = 0;     // sum of heap sizes
  VkDeviceSize bytes_without_aliasing = 0;  // sum of transient sizes, each in its own allocation
  std::string names;                        // arena for NameRef

  std::string_view name(NameRef ref) const { return std::string_view(names).substr(ref.offset, ref.size); }
  std::string_view pass_name(PassId pass) const { return name(pass_info[pass.index].name); }
  std::string_view resource_name(ResourceId resource) const { return name(resources[resource.index].name); }

  std::span<const PassAccess> accesses_of(PassId pass) const { return slice(accesses, pass_info[pass.index].accesses); }
  std::span<const Attachment> attachments_of(const CompiledPass& pass) const { return slice(attachments, pass.attachments); }
  std::span<const BarrierBatch> batches_of(const CompiledPass& pass) const { return slice(batches, pass.batches); }
  std::span<const BarrierBatch> final_batches_span() const { return slice(batches, final_batches); }
  std::span<const ImageBarrier> images_of(const BarrierBatch& b) const { return slice(image_barriers, b.images); }
  std::span<const BufferBarrier> buffers_of(const BarrierBatch& b) const { return slice(buffer_barriers, b.buffers); }

  const CompiledPass* find_pass(PassId pass) const {
    const std::uint32_t order = pass_info[pass.index].order;
    return order == kInvalidIndex ? nullptr : &passes[order];
  }
  std::vector<PassId> culled_passes() const;

 private:
  template <typename T>
  static std::span<const T> slice(const std::vector<T>& v, Range r) {
    return std::span<const T>(v).subspan(r.begin, r.count);
  }
};

// Fails with the first misuse, naming the pass and the resource: anything
// RenderGraph::errors() holds, a usage the format or pass cannot serve, two
// layouts for one resource in one pass, attachments with different sample
// counts, a dependency cycle, or bad memory requirements.
Result<CompiledGraph> compile(const RenderGraph& graph, const CompileOptions& options,
                              const MemoryRequirementsFn& memory_requirements);
// Same, into `out`, reusing its storage (no allocation in steady state).
Result<void> compile_into(const RenderGraph& graph, const CompileOptions& options,
                          const MemoryRequirementsFn& memory_requirements, CompiledGraph& out);

}  // namespace kagami::graph
