// compile(): resolve accesses, cull, order, lifetimes, then one sweep over the
// passes in execution order that places transients and plans barriers and
// attachments together (a transient's first barrier needs to know who used
// its memory before, which is only known once that user's last access is planned).
#include <algorithm>
#include <bit>

#include "aliasing.h"
#include "barriers.h"
#include "kagami/graph/compiled_graph.h"
#include "kagami/graph/formats.h"
#include "kagami/graph/usage.h"
#include "ordering.h"

namespace kagami::graph {

std::vector<PassId> CompiledGraph::culled_passes() const {
  std::vector<PassId> out;
  for (std::uint32_t p = 0; p < pass_info.size(); ++p) {
    if (pass_info[p].culled) out.push_back(PassId{p});
  }
  return out;
}

namespace {

using detail::TrackState;

// Scratch kept between compiles on the same thread, so steady-state
// compilation allocates only what the output itself needs.
struct Scratch {
  std::vector<std::uint8_t> live;
  std::vector<std::uint8_t> consumed;  // by access: a live pass reads the version it wrote
  std::vector<std::uint32_t> order;
  std::vector<std::uint32_t> starts, ends;  // transients by first / last use position (CSR)
  std::vector<std::uint32_t> start_offsets, end_offsets;
  std::vector<TrackState> states;
  detail::TransientAllocator allocator;
};

bool is_attachment_layout(VkImageLayout layout) {
  switch (layout) {
    case VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL:
    case VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL:
    case VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL:
    case VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL:
    case VK_IMAGE_LAYOUT_DEPTH_STENCIL_READ_ONLY_OPTIMAL:
    case VK_IMAGE_LAYOUT_PRESENT_SRC_KHR: return true;
    default: return false;
  }
}

// Merges every usage of one resource in one pass into a single access.
Result<void> resolve_access(const RenderGraph& graph, const PassDecl& pass, const AccessDecl& decl,
                            PassAccess& out) {
  const ResourceDecl& r = graph.resources()[decl.resource.index];
  out = PassAccess{decl.resource, decl.version, decl.writes, decl.usages, 0, 0, VK_IMAGE_LAYOUT_UNDEFINED};
  Usage first_usage = Usage::present;
  bool first = true;
  for (unsigned bits = decl.usages; bits != 0; bits &= bits - 1) {
    const auto usage = static_cast<Usage>(std::countr_zero(bits));
    if (const char* problem = usage_problem(usage, pass.queue, r.kind, r.texture.format)) {
      return make_error("pass '", graph.name(pass.name), "': ", resource_kind_name(r.kind), " '", graph.name(r.name),
                        "' (", format_name(r.texture.format), ") used as ", usage_name(usage), ": ", problem);
    }
    const AccessInfo info = usage_access(usage, pass.queue, r.kind, r.texture.format, decl.shader_stages);
    out.stages |= info.stages;
    out.access |= info.access;
    if (first) {
      out.layout = info.layout;
      first_usage = usage;
      first = false;
    } else if (info.layout != out.layout) {
      // Shader and transfer usages can share GENERAL; attachments and present cannot.
      if (is_attachment_layout(info.layout) || is_attachment_layout(out.layout)) {
        return make_error("pass '", graph.name(pass.name), "' uses '", graph.name(r.name), "' as ",
                          usage_name(first_usage), " and as ", usage_name(usage),
                          ", which need different image layouts");
      }
      out.layout = VK_IMAGE_LAYOUT_GENERAL;
    }
  }
  return {};
}

// Dynamic rendering: one depth/stencil attachment, one sample count for all.
Result<void> check_attachments(const RenderGraph& graph, const PassDecl& pass) {
  const ResourceDecl* first = nullptr;
  const ResourceDecl* depth = nullptr;
  for (const AccessDecl& a : graph.accesses().subspan(pass.accesses.begin, pass.accesses.count)) {
    if ((a.usages & kAttachmentUsages) == 0) continue;
    const ResourceDecl& r = graph.resources()[a.resource.index];
    if (!has_usage(a.usages, Usage::color_attachment)) {
      if (depth != nullptr) {
        return make_error("pass '", graph.name(pass.name), "' has two depth attachments, '", graph.name(depth->name),
                          "' and '", graph.name(r.name), "'");
      }
      depth = &r;
    }
    if (first == nullptr) {
      first = &r;
    } else if (r.texture.samples != first->texture.samples) {
      return make_error("pass '", graph.name(pass.name), "': attachments '", graph.name(first->name), "' (",
                        static_cast<int>(first->texture.samples), " samples) and '", graph.name(r.name), "' (",
                        static_cast<int>(r.texture.samples), " samples) differ in sample count");
    }
  }
  return {};
}

void copy_resources(const RenderGraph& graph, CompiledGraph& out) {
  const auto resources = graph.resources();
  out.resources.resize(resources.size());
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const ResourceDecl& d = resources[i];
    CompiledResource& r = out.resources[i];
    r = CompiledResource{};
    r.name = d.name;
    r.kind = d.kind;
    r.texture = d.texture;
    r.buffer = d.buffer;
    r.imported = d.imported;
    r.read_only = d.read_only;
    r.exported = d.exported;
    r.initial = d.initial;
    r.final_state = d.final_state;
    r.aspect = d.kind == ResourceKind::texture ? format_aspect(d.texture.format) : 0;
  }
}

// Buckets transients by first and last use position (counting sort).
void bucket_lifetimes(const CompiledGraph& out, std::uint32_t positions, Scratch& s) {
  s.start_offsets.assign(positions + 2, 0);
  s.end_offsets.assign(positions + 2, 0);
  for (const CompiledResource& r : out.resources) {
    if (!r.transient() || !r.used()) continue;
    ++s.start_offsets[r.first_use + 1];
    ++s.end_offsets[r.last_use + 1];
  }
  for (std::uint32_t i = 0; i <= positions; ++i) {
    s.start_offsets[i + 1] += s.start_offsets[i];
    s.end_offsets[i + 1] += s.end_offsets[i];
  }
  s.starts.resize(s.start_offsets[positions + 1]);
  s.ends.resize(s.end_offsets[positions + 1]);
  std::uint32_t* start_cursor = s.start_offsets.data();
  std::uint32_t* end_cursor = s.end_offsets.data();
  // Fill using the offsets as cursors, then shift them back.
  for (std::uint32_t id = 0; id < out.resources.size(); ++id) {
    const CompiledResource& r = out.resources[id];
    if (!r.transient() || !r.used()) continue;
    s.starts[start_cursor[r.first_use]++] = id;
    s.ends[end_cursor[r.last_use]++] = id;
  }
  for (std::uint32_t i = positions + 1; i-- > 1;) {
    s.start_offsets[i] = s.start_offsets[i - 1];
    s.end_offsets[i] = s.end_offsets[i - 1];
  }
  s.start_offsets[0] = 0;
  s.end_offsets[0] = 0;
}

void emit_barrier(CompiledGraph& out, const CompiledResource& r, ResourceId id, const detail::BarrierRequest& req,
                  VkPipelineStageFlags2 dst_stages, VkAccessFlags2 dst_access, VkImageLayout new_layout) {
  if (r.kind == ResourceKind::texture) {
    out.image_barriers.push_back(ImageBarrier{id, req.src_stages, req.src_access, dst_stages, dst_access,
                                              req.old_layout, new_layout, r.aspect, req.aliasing});
  } else {
    out.buffer_barriers.push_back(
        BufferBarrier{id, req.src_stages, req.src_access, dst_stages, dst_access, req.aliasing});
  }
}

// Groups the barriers emitted since (image_begin, buffer_begin) into batches.
Range make_batches(CompiledGraph& out, std::uint32_t image_begin, std::uint32_t buffer_begin, bool batch) {
  const auto image_end = static_cast<std::uint32_t>(out.image_barriers.size());
  const auto buffer_end = static_cast<std::uint32_t>(out.buffer_barriers.size());
  Range range{static_cast<std::uint32_t>(out.batches.size()), 0};
  if (image_end == image_begin && buffer_end == buffer_begin) return range;
  if (batch) {
    out.batches.push_back({Range{image_begin, image_end - image_begin}, Range{buffer_begin, buffer_end - buffer_begin}});
  } else {
    for (std::uint32_t i = image_begin; i < image_end; ++i) out.batches.push_back({Range{i, 1}, Range{buffer_begin, 0}});
    for (std::uint32_t i = buffer_begin; i < buffer_end; ++i) out.batches.push_back({Range{image_end, 0}, Range{i, 1}});
  }
  range.count = static_cast<std::uint32_t>(out.batches.size()) - range.begin;
  return range;
}

void add_attachments(const RenderGraph& graph, CompiledGraph& out, CompiledPass& pass, const Scratch& s) {
  pass.attachments.begin = static_cast<std::uint32_t>(out.attachments.size());
  const Range accesses = pass.accesses;
  // Colour attachments first, in declaration order, then depth.
  for (int depth_round = 0; depth_round < 2; ++depth_round) {
    for (std::uint32_t i = accesses.begin; i < accesses.end(); ++i) {
      const PassAccess& a = out.accesses[i];
      if ((a.usages & kAttachmentUsages) == 0) continue;
      const bool color = has_usage(a.usages, Usage::color_attachment);
      if (color == (depth_round == 1)) continue;
      const CompiledResource& r = out.resources[a.resource.index];
      const ResourceDecl& decl = graph.resources()[a.resource.index];
      Attachment att;
      att.resource = a.resource;
      att.usage = color ? Usage::color_attachment
                        : (has_usage(a.usages, Usage::depth_attachment) ? Usage::depth_attachment : Usage::depth_read_only);
      att.format = r.texture.format;
      att.layout = a.layout;
      if (!a.writes) {
        att.load_op = VK_ATTACHMENT_LOAD_OP_LOAD;
        att.store_op = VK_ATTACHMENT_STORE_OP_NONE;  // a read-only attachment must not write back
      } else {
        if (a.version == 0 && r.texture.clear) {
          att.load_op = VK_ATTACHMENT_LOAD_OP_CLEAR;
          att.clear = r.texture.clear;
        } else if (a.version == 0 && !decl.initial_contents()) {
          att.load_op = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
        } else {
          att.load_op = VK_ATTACHMENT_LOAD_OP_LOAD;
        }
        att.store_op = (s.consumed[i] || r.imported) ? VK_ATTACHMENT_STORE_OP_STORE : VK_ATTACHMENT_STORE_OP_DONT_CARE;
      }
      out.attachments.push_back(att);
    }
  }
  pass.attachments.count = static_cast<std::uint32_t>(out.attachments.size()) - pass.attachments.begin;
}

void reset_output(CompiledGraph& out) {
  out.passes.clear();
  out.attachments.clear();
  out.image_barriers.clear();
  out.buffer_barriers.clear();
  out.batches.clear();
  out.heaps.clear();
  out.final_batches = Range{};
  out.bytes_with_aliasing = 0;
  out.bytes_without_aliasing = 0;
}

}  // namespace

Result<void> compile_into(const RenderGraph& graph, const CompileOptions& options,
                          const MemoryRequirementsFn& memory_requirements, CompiledGraph& out) {
  if (!graph.errors().empty()) return graph.errors().front();
  thread_local Scratch s;
  reset_output(out);
  out.names.assign(graph.names());
  copy_resources(graph, out);

  // Resolve every access (culled passes too: misuse is misuse).
  const auto passes = graph.passes();
  const auto decls = graph.accesses();
  out.pass_info.resize(passes.size());
  out.accesses.resize(decls.size());
  for (std::uint32_t p = 0; p < passes.size(); ++p) {
    const PassDecl& pass = passes[p];
    out.pass_info[p] = PassInfo{pass.name, pass.queue, pass.side_effects, false, false, kInvalidIndex, pass.accesses};
    for (std::uint32_t i = pass.accesses.begin; i < pass.accesses.end(); ++i) {
      if (auto ok = resolve_access(graph, pass, decls[i], out.accesses[i]); !ok) return ok.error();
    }
    if (pass.queue == QueueKind::raster) {
      if (auto ok = check_attachments(graph, pass); !ok) return ok.error();
    }
  }

  detail::cull_passes(graph, options.culling, out.pass_info, s.live);
  if (auto ok = detail::order_passes(graph, out.pass_info, s.order); !ok) return ok.error();

  // Lifetimes, usage flags, and which written versions a live pass consumes.
  const auto positions = static_cast<std::uint32_t>(s.order.size());
  out.passes.resize(positions);
  s.consumed.assign(decls.size(), 0);
  for (std::uint32_t pos = 0; pos < positions; ++pos) {
    const std::uint32_t p = s.order[pos];
    out.pass_info[p].order = pos;
    out.passes[pos] = CompiledPass{PassId{p}, passes[p].queue, passes[p].accesses, Range{}, Range{}};
    for (std::uint32_t i = passes[p].accesses.begin; i < passes[p].accesses.end(); ++i) {
      const PassAccess& a = out.accesses[i];
      CompiledResource& r = out.resources[a.resource.index];
      if (r.first_use == kInvalidIndex) r.first_use = pos;
      r.last_use = pos;
      r.usages |= a.usages;
      if (decls[i].producer != kInvalidIndex) s.consumed[decls[i].producer] = 1;
    }
  }

  // Memory requirements of the transients in use.
  for (std::uint32_t id = 0; id < out.resources.size(); ++id) {
    CompiledResource& r = out.resources[id];
    if (r.kind == ResourceKind::texture) r.image_usage = image_usage_flags(r.usages);
    else r.buffer_usage = buffer_usage_flags(r.usages);
    if (!r.transient() || !r.used()) continue;
    TransientInfo info{ResourceId{id}, out.name(r.name), r.kind,
                       r.kind == ResourceKind::texture ? &r.texture : nullptr,
                       r.kind == ResourceKind::buffer ? &r.buffer : nullptr, r.image_usage, r.buffer_usage};
    const MemoryRequirements req = memory_requirements(info);
    if (req.size == 0 || req.alignment == 0 || (req.alignment & (req.alignment - 1)) != 0 || req.memory_type_bits == 0) {
      return make_error("memory requirements for '", out.name(r.name), "' are invalid (size ", req.size,
                        ", alignment ", req.alignment, ", memory type bits ", req.memory_type_bits, ")");
    }
    r.requirements = req;
    out.bytes_without_aliasing += req.size;
  }

  // The sweep: release, allocate, plan barriers and attachments per pass.
  bucket_lifetimes(out, positions, s);
  s.allocator.reset(options.aliasing, &out.heaps);
  s.states.resize(out.resources.size());
  for (std::uint32_t id = 0; id < out.resources.size(); ++id) {
    const CompiledResource& r = out.resources[id];
    if (r.imported) detail::init_import(s.states[id], r.kind == ResourceKind::texture, r.initial);
  }
  for (std::uint32_t pos = 0; pos < positions; ++pos) {
    if (pos > 0) {
      for (std::uint32_t i = s.end_offsets[pos - 1]; i < s.end_offsets[pos]; ++i) {
        const std::uint32_t id = s.ends[i];
        const CompiledResource& r = out.resources[id];
        s.allocator.release(r.placement.heap, r.placement.offset, r.requirements.size, detail::last_use(s.states[id]));
      }
    }
    // Largest first: big ranges are the hardest to fit.
    const auto first = s.starts.begin() + s.start_offsets[pos];
    const auto last = s.starts.begin() + s.start_offsets[pos + 1];
    std::sort(first, last, [&](std::uint32_t a, std::uint32_t b) {
      const VkDeviceSize sa = out.resources[a].requirements.size, sb = out.resources[b].requirements.size;
      return sa != sb ? sa > sb : a < b;
    });
    for (auto it = first; it != last; ++it) {
      CompiledResource& r = out.resources[*it];
      const auto alloc = s.allocator.allocate(r.kind, r.requirements);
      r.placement = Placement{alloc.heap, alloc.offset};
      detail::init_transient(s.states[*it], r.kind == ResourceKind::texture, alloc.handover);
    }

    CompiledPass& pass = out.passes[pos];
    const auto image_begin = static_cast<std::uint32_t>(out.image_barriers.size());
    const auto buffer_begin = static_cast<std::uint32_t>(out.buffer_barriers.size());
    for (std::uint32_t i = pass.accesses.begin; i < pass.accesses.end(); ++i) {
      const PassAccess& a = out.accesses[i];
      const detail::BarrierRequest req = detail::plan_access(s.states[a.resource.index], a.stages, a.access, a.layout);
      if (req.needed) emit_barrier(out, out.resources[a.resource.index], a.resource, req, a.stages, a.access, a.layout);
    }
    pass.batches = make_batches(out, image_begin, buffer_begin, options.batch_barriers);
    add_attachments(graph, out, pass, s);
  }

  // Imports to their final states; everything reports where it ends up.
  const auto image_begin = static_cast<std::uint32_t>(out.image_barriers.size());
  const auto buffer_begin = static_cast<std::uint32_t>(out.buffer_barriers.size());
  for (std::uint32_t id = 0; id < out.resources.size(); ++id) {
    CompiledResource& r = out.resources[id];
    if (!r.imported) continue;
    TrackState& state = s.states[id];
    if (r.final_state) {
      const ResourceState& f = *r.final_state;
      const VkImageLayout layout =
          r.kind == ResourceKind::texture && f.layout != VK_IMAGE_LAYOUT_UNDEFINED ? f.layout : state.layout;
      const detail::BarrierRequest req = detail::plan_access(state, f.stages, f.access, layout);
      if (req.needed) {
        emit_barrier(out, r, ResourceId{id}, req, f.stages, f.access, layout);
        r.end_state = ResourceState{layout, f.stages, f.access};
        continue;
      }
    }
    r.end_state = detail::current_state(state);
  }
  out.final_batches = make_batches(out, image_begin, buffer_begin, options.batch_barriers);

  for (const Heap& heap : out.heaps) out.bytes_with_aliasing += heap.size;
  return {};
}

Result<CompiledGraph> compile(const RenderGraph& graph, const CompileOptions& options,
                              const MemoryRequirementsFn& memory_requirements) {
  CompiledGraph out;
  if (auto ok = compile_into(graph, options, memory_requirements, out); !ok) return ok.error();
  return out;
}

}  // namespace kagami::graph
