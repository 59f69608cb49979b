#include "barriers.h"

#include "kagami/graph/usage.h"

namespace kagami::graph::detail {
namespace {

bool is_visible(const TrackState& s, VkPipelineStageFlags2 stages, VkAccessFlags2 access) {
  if (s.visible_everywhere) return true;
  for (std::uint8_t i = 0; i < s.visible_count; ++i) {
    const VisibleScope& v = s.visible[i];
    if ((stages & ~v.stages) == 0 && (access & ~v.access) == 0) return true;
  }
  return false;
}

void add_visible(TrackState& s, VkPipelineStageFlags2 stages, VkAccessFlags2 access) {
  // When full, overwrite the last slot: forgetting a pair only costs a barrier.
  const std::uint8_t slot = s.visible_count < s.visible.size() ? s.visible_count++ : s.visible.size() - 1;
  s.visible[slot] = {stages, access};
}

}  // namespace

void init_import(TrackState& s, bool image, const ResourceState& initial) {
  s = TrackState{};
  s.image = image;
  s.layout = image ? initial.layout : VK_IMAGE_LAYOUT_UNDEFINED;
  s.contents = !image || initial.layout != VK_IMAGE_LAYOUT_UNDEFINED;
  const VkAccessFlags2 writes = initial.access & kWriteAccessMask;
  if (writes != 0) {
    // Written before the graph runs: make it available and visible first.
    s.write_stages = initial.stages;
    s.write_access = writes;
  } else if (initial.stages == 0 && initial.access == 0) {
    // Nothing outstanding (uploaded and fenced long ago): visible to everything.
    s.visible_everywhere = true;
  } else {
    // Last touched by reads: the contents are visible to exactly those reads.
    // Later writes wait for them; other reads chain a barrier after them.
    s.write_stages = initial.stages;
    s.read_stages = initial.stages;
    s.read_access = initial.access;
    add_visible(s, initial.stages, initial.access);
  }
}

void init_transient(TrackState& s, bool image, const HandOver& handover) {
  s = TrackState{};
  s.image = image;
  s.contents = false;
  // The previous occupants of the memory act as the last "write": the first
  // access waits for them (and for their unflushed writes) before reusing it.
  s.write_stages = handover.stages;
  s.write_access = handover.access;
  s.handover_pending = handover.prior;
}

BarrierRequest plan_access(TrackState& s, VkPipelineStageFlags2 stages, VkAccessFlags2 access,
                           VkImageLayout layout) {
  BarrierRequest req;
  const VkAccessFlags2 writes = access & kWriteAccessMask;
  const bool layout_change = s.image && layout != s.layout;

  if (writes != 0 || layout_change) {
    // Everything before must finish first. Reads since the last write are
    // chained after it (each got its RAW barrier), so waiting on them is enough
    // and the write is already available; without reads wait on the write.
    if (s.read_stages != 0) {
      req.src_stages = s.read_stages;
      req.src_access = 0;
    } else {
      req.src_stages = s.write_stages;
      req.src_access = s.write_access;
    }
    req.old_layout = s.contents ? s.layout : VK_IMAGE_LAYOUT_UNDEFINED;
    req.needed = layout_change || req.src_stages != 0;
    req.aliasing = s.handover_pending;
    s.handover_pending = false;
    if (writes != 0) {
      s.write_stages = stages;
      s.write_access = writes;
      s.read_stages = 0;
      s.read_access = 0;
      s.visible_count = 0;
      s.visible_everywhere = false;
      s.contents = true;
    } else {
      // A layout transition for a read is a write the barrier performs; it is
      // visible to this access and ordered before later work in `stages`.
      s.write_stages = stages;
      s.write_access = 0;
      s.read_stages = stages;
      s.read_access = access;
      s.visible_count = 0;
      s.visible_everywhere = false;
      add_visible(s, stages, access);
    }
    s.layout = s.image ? layout : VK_IMAGE_LAYOUT_UNDEFINED;
    return req;
  }

  // A read in the current layout.
  if (!is_visible(s, stages, access) && s.write_stages != 0) {
    req.needed = true;
    req.src_stages = s.write_stages;
    req.src_access = s.write_access;
    req.old_layout = s.layout;
    s.write_access = 0;  // made available by this barrier
    add_visible(s, stages, access);
  }
  s.read_stages |= stages;
  s.read_access |= access;
  return req;
}

HandOver last_use(const TrackState& s) {
  HandOver h;
  h.prior = true;
  if (s.read_stages != 0) {
    h.stages = s.read_stages;
  } else {
    h.stages = s.write_stages;
    h.access = s.write_access;
  }
  return h;
}

ResourceState current_state(const TrackState& s) {
  ResourceState state;
  state.layout = s.image ? s.layout : VK_IMAGE_LAYOUT_UNDEFINED;
  if (s.read_stages != 0 || s.read_access != 0) {
    state.stages = s.read_stages;
    state.access = s.read_access;
  } else {
    state.stages = s.write_stages;
    state.access = s.write_access;
  }
  return state;
}

}  // namespace kagami::graph::detail
