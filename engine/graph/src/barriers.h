#pragma once
// Barrier planning for one resource at a time: the state a resource is in
// between passes and the barrier an access needs from that state. The
// compiler walks passes in execution order and calls plan_access() for every
// access; the hazard checker verifies the result independently.
#include <array>
#include <cstdint>

#include <vulkan/vulkan_core.h>

#include "kagami/graph/types.h"

namespace kagami::graph::detail {

// What previous users of a transient's memory left behind (aliasing): the
// stages and unflushed writes the first barrier of the new occupant waits for.
struct HandOver {
  bool prior = false;
  VkPipelineStageFlags2 stages = 0;
  VkAccessFlags2 access = 0;
};

struct VisibleScope {
  VkPipelineStageFlags2 stages = 0;
  VkAccessFlags2 access = 0;
};

struct TrackState {
  VkImageLayout layout = VK_IMAGE_LAYOUT_UNDEFINED;
  bool image = false;
  bool contents = false;  // false: the memory holds nothing worth keeping (old layout UNDEFINED)
  // Last write not followed by a barrier yet: its stages, and its accesses
  // while not yet made available (0 once a barrier made them available).
  VkPipelineStageFlags2 write_stages = 0;
  VkAccessFlags2 write_access = 0;
  // Reads since the last write (or layout transition). Every one of them is
  // chained after the write, so a later write only has to wait for these.
  VkPipelineStageFlags2 read_stages = 0;
  VkAccessFlags2 read_access = 0;
  // Stage/access pairs the last write has been made visible to. Kept as pairs:
  // a union of stages and a union of accesses would claim pairs nobody made visible.
  std::array<VisibleScope, 4> visible{};
  std::uint8_t visible_count = 0;
  bool visible_everywhere = false;  // imports whose last access was a read
  bool handover_pending = false;    // the next barrier is the first on aliased memory
};

struct BarrierRequest {
  bool needed = false;
  bool aliasing = false;
  VkPipelineStageFlags2 src_stages = 0;
  VkAccessFlags2 src_access = 0;
  VkImageLayout old_layout = VK_IMAGE_LAYOUT_UNDEFINED;
};

void init_import(TrackState& state, bool image, const ResourceState& initial);
void init_transient(TrackState& state, bool image, const HandOver& handover);

// The barrier the access (stages, access, layout) needs, and the state after
// it. Read-after-read in the same layout needs none.
BarrierRequest plan_access(TrackState& state, VkPipelineStageFlags2 stages, VkAccessFlags2 access,
                           VkImageLayout layout);

// What a later user of the memory must wait for (aliasing hand-over).
HandOver last_use(const TrackState& state);
// The state as a ResourceState (the next frame's import).
ResourceState current_state(const TrackState& state);

}  // namespace kagami::graph::detail
