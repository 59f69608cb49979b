#include "kagami/graph/hazard_checker.h"

#include <algorithm>

#include "kagami/graph/usage.h"
#include "kagami/graph/vk_names.h"

namespace kagami::graph {
namespace {

using Mask = std::uint64_t;

constexpr Mask kGraphicsStages =
    VK_PIPELINE_STAGE_2_DRAW_INDIRECT_BIT | VK_PIPELINE_STAGE_2_VERTEX_INPUT_BIT | VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT |
    VK_PIPELINE_STAGE_2_TESSELLATION_CONTROL_SHADER_BIT | VK_PIPELINE_STAGE_2_TESSELLATION_EVALUATION_SHADER_BIT |
    VK_PIPELINE_STAGE_2_GEOMETRY_SHADER_BIT | VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT |
    VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT |
    VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_2_INDEX_INPUT_BIT |
    VK_PIPELINE_STAGE_2_VERTEX_ATTRIBUTE_INPUT_BIT | VK_PIPELINE_STAGE_2_PRE_RASTERIZATION_SHADERS_BIT;
constexpr Mask kTransferStages = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT | VK_PIPELINE_STAGE_2_COPY_BIT |
                                 VK_PIPELINE_STAGE_2_BLIT_BIT | VK_PIPELINE_STAGE_2_RESOLVE_BIT |
                                 VK_PIPELINE_STAGE_2_CLEAR_BIT;
constexpr Mask kAllStages = kGraphicsStages | kTransferStages | VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT |
                            VK_PIPELINE_STAGE_2_HOST_BIT | VK_PIPELINE_STAGE_2_TOP_OF_PIPE_BIT |
                            VK_PIPELINE_STAGE_2_BOTTOM_OF_PIPE_BIT;
constexpr Mask kReadAccess =
    VK_ACCESS_2_INDIRECT_COMMAND_READ_BIT | VK_ACCESS_2_INDEX_READ_BIT | VK_ACCESS_2_VERTEX_ATTRIBUTE_READ_BIT |
    VK_ACCESS_2_UNIFORM_READ_BIT | VK_ACCESS_2_INPUT_ATTACHMENT_READ_BIT | VK_ACCESS_2_SHADER_READ_BIT |
    VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT |
    VK_ACCESS_2_TRANSFER_READ_BIT | VK_ACCESS_2_HOST_READ_BIT | VK_ACCESS_2_MEMORY_READ_BIT |
    VK_ACCESS_2_SHADER_SAMPLED_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_READ_BIT;

// Meta bits stand for the concrete bits they include.
Mask expand_stages(Mask s) {
  if (s & VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT) s |= kAllStages;
  if (s & VK_PIPELINE_STAGE_2_ALL_GRAPHICS_BIT) s |= kGraphicsStages;
  if (s & VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT) s |= kTransferStages;
  if (s & VK_PIPELINE_STAGE_2_VERTEX_INPUT_BIT)
    s |= VK_PIPELINE_STAGE_2_INDEX_INPUT_BIT | VK_PIPELINE_STAGE_2_VERTEX_ATTRIBUTE_INPUT_BIT;
  if (s & VK_PIPELINE_STAGE_2_PRE_RASTERIZATION_SHADERS_BIT)
    s |= VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT | VK_PIPELINE_STAGE_2_TESSELLATION_CONTROL_SHADER_BIT |
         VK_PIPELINE_STAGE_2_TESSELLATION_EVALUATION_SHADER_BIT | VK_PIPELINE_STAGE_2_GEOMETRY_SHADER_BIT;
  return s;
}

Mask expand_access(Mask a) {
  if (a & VK_ACCESS_2_MEMORY_READ_BIT) a |= kReadAccess;
  if (a & VK_ACCESS_2_MEMORY_WRITE_BIT) a |= kWriteAccessMask;
  if (a & VK_ACCESS_2_SHADER_READ_BIT) a |= VK_ACCESS_2_SHADER_SAMPLED_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_READ_BIT;
  if (a & VK_ACCESS_2_SHADER_WRITE_BIT) a |= VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT;
  return a;
}

bool subset(Mask a, Mask b) { return (a & ~b) == 0; }

struct Op {
  Mask stages = 0;  // expanded
  Mask chain = 0;   // stages whose later work is ordered after this op
  bool transition = false;
  std::uint32_t pass = kInvalidIndex;  // position; kInvalidIndex: before the frame or a barrier
};

struct Scope {
  Mask stages;
  Mask access;
};

struct WriteOp : Op {
  Mask access = 0;
  bool available = true;
  std::vector<Scope> visible;
};

enum class Contents { none, valid, discarded };

struct Sim {
  bool image = false;
  VkImageLayout layout = VK_IMAGE_LAYOUT_UNDEFINED;
  Contents contents = Contents::valid;
  bool has_write = false;
  WriteOp write;
  std::vector<Op> reads;  // since the last write
  bool activated = false;
  bool first_access_done = false;
  std::vector<std::uint32_t> predecessors;  // earlier owners of this transient's memory
};

struct Segment {
  VkDeviceSize begin, end;
  std::uint32_t owner;
};

// The first scope of a barrier with source stages `src` includes the op.
bool in_first_scope(const Op& op, Mask src) {
  if (op.stages == 0 && !op.transition) return true;  // nothing executed (present, empty initial state)
  return (op.stages != 0 && subset(op.stages, src)) || (op.chain & src) != 0;
}

// Work in `stages` is ordered after the op.
bool ordered_before(const Op& op, Mask stages) {
  if (op.stages == 0 && !op.transition) return true;
  return subset(stages, op.chain);
}

bool visible_to(const WriteOp& w, Mask stages, Mask access) {
  for (Mask s = stages; s != 0; s &= s - 1) {
    const Mask stage = s & (~s + 1);
    for (Mask a = access; a != 0; a &= a - 1) {
      const Mask bit = a & (~a + 1);
      const bool found = std::any_of(w.visible.begin(), w.visible.end(), [&](const Scope& v) {
        return (v.stages & stage) != 0 && (v.access & bit) != 0;
      });
      if (!found) return false;
    }
  }
  return true;
}

class Checker {
 public:
  explicit Checker(const CompiledGraph& g) : g_(g), sims_(g.resources.size()), segments_(g.heaps.size()) {}

  std::vector<Hazard> run() {
    for (std::uint32_t id = 0; id < g_.resources.size(); ++id) init(id);
    for (std::uint32_t pos = 0; pos < g_.passes.size(); ++pos) {
      const CompiledPass& pass = g_.passes[pos];
      for (const BarrierBatch& batch : g_.batches_of(pass)) apply(batch, pass.id);
      for (const PassAccess& a : g_.accesses_of(pass.id)) access(pos, pass, a);
    }
    for (const BarrierBatch& batch : g_.final_batches_span()) apply(batch, PassId{});
    finish();
    return std::move(hazards_);
  }

 private:
  template <typename... Args>
  void report(PassId pass, ResourceId res, const Args&... parts) {
    hazards_.push_back(Hazard{pass, res, cat(parts...)});
  }
  std::string pass_label(PassId pass) const {
    return pass.valid() ? cat("pass '", g_.pass_name(pass), "'") : std::string("the end of the frame");
  }
  std::string op_label(const Op& op) const {
    if (op.pass == kInvalidIndex) return op.transition ? "a layout transition" : "its use before the frame";
    return cat("pass '", g_.pass_name(g_.passes[op.pass].id), "'");
  }

  void init(std::uint32_t id) {
    const CompiledResource& r = g_.resources[id];
    Sim& s = sims_[id];
    s.image = r.kind == ResourceKind::texture;
    if (!r.imported) {
      s.contents = Contents::none;
      return;
    }
    s.activated = true;
    s.layout = s.image ? r.initial.layout : VK_IMAGE_LAYOUT_UNDEFINED;
    s.contents = s.image && r.initial.layout == VK_IMAGE_LAYOUT_UNDEFINED ? Contents::none : Contents::valid;
    const Mask stages = expand_stages(r.initial.stages);
    const Mask writes = r.initial.access & kWriteAccessMask;
    if (writes != 0) {
      s.has_write = true;
      s.write.stages = stages;
      s.write.access = expand_access(writes);
      s.write.available = false;
    } else if (stages != 0 || r.initial.access != 0) {
      // Written long ago, made visible to the initial reads, which are still running.
      s.has_write = true;
      s.write.stages = stages;
      s.write.chain = stages;
      s.write.visible.push_back({stages, expand_access(r.initial.access)});
      s.reads.push_back(Op{stages, 0, false, kInvalidIndex});
    }
  }

  // A transient takes its memory: whoever held those bytes is its predecessor.
  void activate(std::uint32_t id) {
    Sim& s = sims_[id];
    const CompiledResource& r = g_.resources[id];
    s.activated = true;
    if (r.placement.heap == kInvalidIndex) return;
    const VkDeviceSize begin = r.placement.offset, end = begin + r.requirements.size;
    std::vector<Segment>& segs = segments_[r.placement.heap];
    std::vector<Segment> next;
    for (const Segment& seg : segs) {
      if (seg.end <= begin || seg.begin >= end) {
        next.push_back(seg);
        continue;
      }
      if (std::find(s.predecessors.begin(), s.predecessors.end(), seg.owner) == s.predecessors.end())
        s.predecessors.push_back(seg.owner);
      if (seg.begin < begin) next.push_back({seg.begin, begin, seg.owner});
      if (seg.end > end) next.push_back({end, seg.end, seg.owner});
    }
    next.push_back({begin, end, id});
    std::sort(next.begin(), next.end(), [](const Segment& a, const Segment& b) { return a.begin < b.begin; });
    segs = std::move(next);
  }

  bool owns_memory(std::uint32_t id) const {
    const CompiledResource& r = g_.resources[id];
    if (r.placement.heap == kInvalidIndex) return true;
    const VkDeviceSize begin = r.placement.offset, end = begin + r.requirements.size;
    for (const Segment& seg : segments_[r.placement.heap]) {
      if (seg.end > begin && seg.begin < end && seg.owner != id) return false;
    }
    return true;
  }

  void apply(const BarrierBatch& batch, PassId before) {
    struct Barrier {
      ResourceId resource;
      Mask src, src_access, dst, dst_access;
      bool image;
      VkImageLayout old_layout, new_layout;
    };
    std::vector<Barrier> barriers;
    for (const ImageBarrier& b : g_.images_of(batch)) {
      barriers.push_back({b.resource, expand_stages(b.src_stages), expand_access(b.src_access),
                          expand_stages(b.dst_stages), expand_access(b.dst_access), true, b.old_layout, b.new_layout});
    }
    for (const BufferBarrier& b : g_.buffers_of(batch)) {
      barriers.push_back({b.resource, expand_stages(b.src_stages), expand_access(b.src_access),
                          expand_stages(b.dst_stages), expand_access(b.dst_access), false, VK_IMAGE_LAYOUT_UNDEFINED,
                          VK_IMAGE_LAYOUT_UNDEFINED});
    }
    for (const Barrier& b : barriers) {
      if (!sims_[b.resource.index].activated) activate(b.resource.index);
    }
    // Memory first, against the state before the batch: availability of the
    // writes in each barrier's first scope (aliasing predecessors included),
    // then visibility to its second scope.
    for (const Barrier& b : barriers) {
      Sim& target = sims_[b.resource.index];
      if (!target.first_access_done) {
        for (std::uint32_t p : target.predecessors) {
          Sim& pred = sims_[p];
          if (pred.has_write && in_first_scope(pred.write, b.src) && subset(pred.write.access, b.src_access))
            pred.write.available = true;
        }
      }
      if (target.has_write && in_first_scope(target.write, b.src)) {
        if (subset(target.write.access, b.src_access)) target.write.available = true;
        if (target.write.available) target.write.visible.push_back({b.dst, b.dst_access});
      }
    }
    // Layout transitions: ordered after everything the image went through.
    for (const Barrier& b : barriers) {
      if (!b.image || b.old_layout == b.new_layout) continue;
      Sim& s = sims_[b.resource.index];
      const std::string res = cat("'", g_.resource_name(b.resource), "'");
      if (b.old_layout == VK_IMAGE_LAYOUT_UNDEFINED) {
        if (s.contents == Contents::valid) s.contents = Contents::discarded;
      } else if (b.old_layout != s.layout) {
        report(before, b.resource, "barrier before ", pass_label(before), " moves ", res, " from ",
               layout_name(b.old_layout), " but it is in ", layout_name(s.layout));
      }
      auto check_op = [&](const Op& op, std::uint32_t owner, bool is_write, bool available) {
        if (!in_first_scope(op, b.src) || (is_write && !available)) {
          report(before, b.resource, "layout transition of ", res, " before ", pass_label(before),
                 " is not ordered after ", op_label(op), owner == b.resource.index
                     ? std::string(" (")
                     : cat(" (memory of '", g_.resource_name(ResourceId{owner}), "', "),
                 is_write ? "write)" : "read)");
        }
      };
      if (s.has_write) check_op(s.write, b.resource.index, true, s.write.available || s.write.access == 0);
      for (const Op& r : s.reads) check_op(r, b.resource.index, false, true);
      if (!s.first_access_done) {
        for (std::uint32_t p : s.predecessors) {
          const Sim& pred = sims_[p];
          if (pred.has_write) check_op(pred.write, p, true, pred.write.available || pred.write.access == 0);
          for (const Op& r : pred.reads) check_op(r, p, false, true);
        }
      }
    }
    // Execution dependencies extend every chain whose op is in a first scope.
    for (std::uint32_t id = 0; id < sims_.size(); ++id) {
      Sim& s = sims_[id];
      auto extend = [&](Op& op) {
        Mask add = 0;
        for (const Barrier& b : barriers) {
          if (in_first_scope(op, b.src)) add |= b.dst;
        }
        return add;
      };
      const Mask write_add = s.has_write ? extend(s.write) : 0;
      std::vector<Mask> read_add(s.reads.size());
      for (std::size_t i = 0; i < s.reads.size(); ++i) read_add[i] = extend(s.reads[i]);
      if (s.has_write) s.write.chain |= write_add;
      for (std::size_t i = 0; i < s.reads.size(); ++i) s.reads[i].chain |= read_add[i];
    }
    // The transition is now the image's last write, visible to its second scope.
    for (const Barrier& b : barriers) {
      if (!b.image || b.old_layout == b.new_layout) continue;
      Sim& s = sims_[b.resource.index];
      s.has_write = true;
      s.write = WriteOp{};
      s.write.transition = true;
      s.write.chain = b.dst;
      s.write.visible.push_back({b.dst, b.dst_access});
      s.reads.clear();
      s.layout = b.new_layout;
    }
  }

  // Load/store ops of the pass's attachment for this resource, if any.
  const Attachment* attachment_of(const CompiledPass& pass, ResourceId id) const {
    for (const Attachment& a : g_.attachments_of(pass)) {
      if (a.resource == id) return &a;
    }
    return nullptr;
  }

  // Checks one access (of a pass, or the final state when `pass` is null).
  void use(PassId pass_id, std::uint32_t pos, ResourceId id, Mask stages, Mask access, bool check_layout,
           VkImageLayout layout, bool reads_contents, bool writes_contents) {
    Sim& s = sims_[id.index];
    const std::string res = cat("'", g_.resource_name(id), "'");
    const std::string who = pass_label(pass_id);
    const Mask reads = access & kReadAccess;
    const Mask writes = access & kWriteAccessMask;
    if (check_layout && s.image && layout != s.layout) {
      report(pass_id, id, who, " needs ", res, " in ", layout_name(layout), " but it is in ", layout_name(s.layout));
    }
    if (reads_contents && s.contents != Contents::valid) {
      report(pass_id, id, who, " reads ", res, " whose contents ",
             s.contents == Contents::none ? "were never written" : "were discarded");
    }
    if (!s.first_access_done) {
      // Aliasing hand-over: the previous owners of the memory are done with it.
      for (std::uint32_t p : s.predecessors) {
        const Sim& pred = sims_[p];
        const std::string mem = cat("'", g_.resource_name(ResourceId{p}), "'");
        if (pred.has_write && (!ordered_before(pred.write, stages) || !(pred.write.available || pred.write.access == 0)))
          report(pass_id, id, who, " reuses the memory of ", mem, " for ", res, " before ", op_label(pred.write),
                 " finished writing it");
        for (const Op& r : pred.reads) {
          if (!ordered_before(r, stages))
            report(pass_id, id, who, " reuses the memory of ", mem, " for ", res, " while ", op_label(r),
                   " may still read it");
        }
      }
      s.first_access_done = true;
    }
    if (reads != 0 && s.has_write) {
      if (!ordered_before(s.write, stages) || !visible_to(s.write, stages, reads)) {
        report(pass_id, id, "read-after-write: ", who, " reads ", res, " (", stage_names(stages), " / ",
               access_names(reads), ") without a barrier after ", op_label(s.write), " making it visible");
      }
    }
    if (writes != 0) {
      if (s.has_write && (!ordered_before(s.write, stages) || !(s.write.available || s.write.access == 0))) {
        report(pass_id, id, "write-after-write: ", who, " writes ", res, " (", stage_names(stages),
               ") without a barrier after ", op_label(s.write));
      }
      for (const Op& r : s.reads) {
        if (!ordered_before(r, stages)) {
          report(pass_id, id, "write-after-read: ", who, " writes ", res, " (", stage_names(stages),
                 ") without a barrier after the read by ", op_label(r));
        }
      }
      s.has_write = true;
      s.write = WriteOp{};
      s.write.stages = stages;
      s.write.access = expand_access(writes);
      s.write.available = false;
      s.write.pass = pos;
      s.reads.clear();
      s.contents = writes_contents ? Contents::valid : Contents::discarded;
    } else if (reads != 0 || stages != 0) {
      s.reads.push_back(Op{stages, 0, false, pos});
    }
  }

  void access(std::uint32_t pos, const CompiledPass& pass, const PassAccess& a) {
    const std::uint32_t id = a.resource.index;
    if (!sims_[id].activated) activate(id);
    if (!owns_memory(id)) {
      report(pass.id, a.resource, "pass '", g_.pass_name(pass.id), "' uses '", g_.resource_name(a.resource),
             "' after its memory was given to another transient");
    }
    bool reads_contents = (a.access & kReadAccess) != 0;
    bool writes_contents = true;
    if (const Attachment* att = attachment_of(pass, a.resource)) {
      reads_contents = att->load_op == VK_ATTACHMENT_LOAD_OP_LOAD;
      writes_contents = att->store_op != VK_ATTACHMENT_STORE_OP_DONT_CARE;
    }
    use(pass.id, pos, a.resource, expand_stages(a.stages), expand_access(a.access), true, a.layout, reads_contents,
        writes_contents);
  }

  void finish() {
    for (std::uint32_t id = 0; id < g_.resources.size(); ++id) {
      const CompiledResource& r = g_.resources[id];
      if (!r.imported) continue;
      const Sim& s = sims_[id];
      if (r.exported && !r.read_only && s.has_write && s.write.pass != kInvalidIndex && s.contents != Contents::valid) {
        report(PassId{}, ResourceId{id}, "exported '", g_.resource_name(ResourceId{id}),
               "' ends the frame with its contents discarded");
      }
      if (!r.final_state) continue;
      const ResourceState& f = *r.final_state;
      const bool layout_given = s.image && f.layout != VK_IMAGE_LAYOUT_UNDEFINED;
      use(PassId{}, kInvalidIndex, ResourceId{id}, expand_stages(f.stages), expand_access(f.access), layout_given,
          f.layout, false, true);
    }
  }

  const CompiledGraph& g_;
  std::vector<Sim> sims_;
  std::vector<std::vector<Segment>> segments_;
  std::vector<Hazard> hazards_;
};

}  // namespace

std::vector<Hazard> find_hazards(const CompiledGraph& graph) { return Checker(graph).run(); }

}  // namespace kagami::graph
