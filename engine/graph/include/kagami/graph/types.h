#pragma once
// The render graph's vocabulary: ids, typed versioned handles, usages and the
// descriptions of resources. Pure data; the Vulkan header is included only for
// its enum types (formats, layouts, sync2 stage and access masks).
#include <array>
#include <cstdint>
#include <limits>
#include <optional>

#include <vulkan/vulkan_core.h>

namespace kagami::graph {

inline constexpr std::uint32_t kInvalidIndex = std::numeric_limits<std::uint32_t>::max();

// A slice [begin, begin + count) of one of CompiledGraph's flat arrays. Flat
// arrays with ranges instead of per-pass vectors keep compile() free of
// per-pass allocations.
struct Range {
  std::uint32_t begin = 0;
  std::uint32_t count = 0;
  std::uint32_t end() const { return begin + count; }
  bool empty() const { return count == 0; }
};

// Index of a pass in declaration order (RenderGraph::passes()). The executor
// keeps its record callbacks in an array indexed by PassId.
struct PassId {
  std::uint32_t index = kInvalidIndex;
  bool valid() const { return index != kInvalidIndex; }
  friend bool operator==(PassId, PassId) = default;
};

// Index of a resource (texture or buffer) in RenderGraph::resources().
struct ResourceId {
  std::uint32_t index = kInvalidIndex;
  bool valid() const { return index != kInvalidIndex; }
  friend bool operator==(ResourceId, ResourceId) = default;
};

// Handles name one *version* of a resource. Every write returns the next
// version; using an older one afterwards is an error (a stale handle), which
// is how the graph catches passes that read something already overwritten.
struct TextureHandle {
  std::uint32_t index = kInvalidIndex;
  std::uint32_t version = 0;
  bool valid() const { return index != kInvalidIndex; }
  ResourceId resource() const { return ResourceId{index}; }
  friend bool operator==(TextureHandle, TextureHandle) = default;
};

struct BufferHandle {
  std::uint32_t index = kInvalidIndex;
  std::uint32_t version = 0;
  bool valid() const { return index != kInvalidIndex; }
  ResourceId resource() const { return ResourceId{index}; }
  friend bool operator==(BufferHandle, BufferHandle) = default;
};

// What a pass runs as. Stages of shader accesses are derived from it (a sampled
// read is a fragment-shader read in a raster pass, a compute read otherwise).
// Kagami submits everything on one queue; the kind does not imply a queue family.
enum class QueueKind : std::uint8_t { raster, compute, transfer };

enum class ResourceKind : std::uint8_t { texture, buffer };

enum class PassFlags : std::uint8_t {
  none = 0,
  side_effects = 1,  // never culled (readbacks, queries, work observed outside the graph)
};

// How a pass touches a resource. Writes: color_attachment, depth_attachment,
// storage_write, transfer_dst. Everything else reads.
enum class Usage : std::uint8_t {
  color_attachment,
  depth_attachment,  // depth test and write
  depth_read_only,   // depth test without write (may be sampled in the same pass)
  sampled,
  storage_read,
  storage_write,
  transfer_src,
  transfer_dst,
  vertex,
  index,
  indirect,
  uniform,
  present,  // the presentation engine reads it: the pass is a root
};
inline constexpr int kUsageCount = 13;

// A set of usages, one bit per Usage.
using UsageMask = std::uint16_t;
constexpr UsageMask usage_bit(Usage u) { return static_cast<UsageMask>(1u << static_cast<unsigned>(u)); }
constexpr bool has_usage(UsageMask mask, Usage u) { return (mask & usage_bit(u)) != 0; }

constexpr bool is_write_usage(Usage u) {
  return u == Usage::color_attachment || u == Usage::depth_attachment || u == Usage::storage_write ||
         u == Usage::transfer_dst;
}
constexpr UsageMask kAttachmentUsages =
    usage_bit(Usage::color_attachment) | usage_bit(Usage::depth_attachment) | usage_bit(Usage::depth_read_only);

// Clear value used when the first writer of an attachment clears it. Colour
// attachments use `color`, depth/stencil ones `depth` and `stencil`.
struct ClearValue {
  std::array<float, 4> color{0.0f, 0.0f, 0.0f, 0.0f};
  float depth = 1.0f;
  std::uint32_t stencil = 0;

  static ClearValue rgba(float r, float g, float b, float a) { return ClearValue{{r, g, b, a}, 1.0f, 0}; }
  static ClearValue depth_stencil(float d, std::uint32_t s = 0) { return ClearValue{{}, d, s}; }
};

struct TextureDesc {
  VkFormat format = VK_FORMAT_UNDEFINED;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::uint32_t mip_levels = 1;
  std::uint32_t array_layers = 1;
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
  std::optional<ClearValue> clear;  // the first writer clears (loadOp CLEAR) when set
};

struct BufferDesc {
  VkDeviceSize size = 0;
};

// The synchronization state of a resource at a frame boundary: its layout
// (images) and the stages/accesses of its last use. For an initial state this
// is what the graph must wait for; for a final state, what the next user does.
struct ResourceState {
  VkImageLayout layout = VK_IMAGE_LAYOUT_UNDEFINED;
  VkPipelineStageFlags2 stages = VK_PIPELINE_STAGE_2_NONE;
  VkAccessFlags2 access = VK_ACCESS_2_NONE;
  friend bool operator==(const ResourceState&, const ResourceState&) = default;
};

// A resource owned outside the graph: the swapchain image, history images,
// buffers the scene owns. An initial layout of UNDEFINED means "no contents"
// (reading it before a write is an error). `final_state` is the state the
// graph leaves it in (the swapchain: PRESENT_SRC_KHR); without one it stays as
// its last use left it (see CompiledResource::end_state). Writes to an exported
// import are roots for culling; writes to a non-exported one are kept only if
// something in the graph reads them.
struct ImportedTexture {
  TextureDesc desc;
  ResourceState initial;
  std::optional<ResourceState> final_state;
  bool read_only = false;
  bool exported = true;
};

struct ImportedBuffer {
  BufferDesc desc;
  ResourceState initial;
  std::optional<ResourceState> final_state;
  bool read_only = false;
  bool exported = true;
};

// A name stored in a string arena (RenderGraph / CompiledGraph::names).
struct NameRef {
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};

}  // namespace kagami::graph
