#include "kagami/graph/graph_export.h"

#include "kagami/graph/formats.h"
#include "kagami/graph/usage.h"
#include "kagami/graph/vk_names.h"

namespace kagami::graph {
namespace {

Json usage_list(UsageMask usages) {
  Json list = Json::array();
  for (int u = 0; u < kUsageCount; ++u) {
    if (has_usage(usages, static_cast<Usage>(u))) list.push_back(usage_name(static_cast<Usage>(u)));
  }
  return list;
}

std::string usage_label(UsageMask usages) {
  std::string label;
  for (int u = 0; u < kUsageCount; ++u) {
    if (!has_usage(usages, static_cast<Usage>(u))) continue;
    if (!label.empty()) label += '+';
    label += usage_name(static_cast<Usage>(u));
  }
  return label;
}

Json state_json(const ResourceState& state, bool image) {
  Json j = Json::object();
  if (image) j["layout"] = layout_name(state.layout);
  j["stages"] = stage_names(state.stages);
  j["access"] = access_names(state.access);
  return j;
}

Json batches_json(const CompiledGraph& g, std::span<const BarrierBatch> batches) {
  Json out = Json::array();
  for (const BarrierBatch& batch : batches) {
    Json images = Json::array();
    for (const ImageBarrier& b : g.images_of(batch)) {
      images.push_back(Json{{"resource", g.resource_name(b.resource)},
                            {"old_layout", layout_name(b.old_layout)},
                            {"new_layout", layout_name(b.new_layout)},
                            {"src_stages", stage_names(b.src_stages)},
                            {"src_access", access_names(b.src_access)},
                            {"dst_stages", stage_names(b.dst_stages)},
                            {"dst_access", access_names(b.dst_access)},
                            {"aspect", aspect_names(b.aspect)},
                            {"aliasing", b.aliasing}});
    }
    Json buffers = Json::array();
    for (const BufferBarrier& b : g.buffers_of(batch)) {
      buffers.push_back(Json{{"resource", g.resource_name(b.resource)},
                             {"src_stages", stage_names(b.src_stages)},
                             {"src_access", access_names(b.src_access)},
                             {"dst_stages", stage_names(b.dst_stages)},
                             {"dst_access", access_names(b.dst_access)},
                             {"aliasing", b.aliasing}});
    }
    out.push_back(Json{{"images", std::move(images)}, {"buffers", std::move(buffers)}});
  }
  return out;
}

Json pass_json(const CompiledGraph& g, PassId id, std::span<const PassTiming> timings) {
  const PassInfo& info = g.pass_info[id.index];
  Json j = Json::object();
  j["id"] = id.index;
  j["name"] = g.pass_name(id);
  j["queue"] = queue_name(info.queue);
  if (!info.culled) j["order"] = info.order;
  j["root"] = info.root;
  j["side_effects"] = info.side_effects;
  Json accesses = Json::array();
  for (const PassAccess& a : g.accesses_of(id)) {
    const bool image = g.resources[a.resource.index].kind == ResourceKind::texture;
    Json aj{{"resource", g.resource_name(a.resource)}, {"version", a.version}, {"writes", a.writes},
            {"usages", usage_list(a.usages)}, {"stages", stage_names(a.stages)}, {"access", access_names(a.access)}};
    if (image) aj["layout"] = layout_name(a.layout);
    accesses.push_back(std::move(aj));
  }
  j["accesses"] = std::move(accesses);
  if (const CompiledPass* pass = g.find_pass(id)) {
    Json attachments = Json::array();
    for (const Attachment& a : g.attachments_of(*pass)) {
      attachments.push_back(Json{{"resource", g.resource_name(a.resource)},
                                 {"usage", usage_name(a.usage)},
                                 {"format", format_name(a.format)},
                                 {"layout", layout_name(a.layout)},
                                 {"load_op", load_op_name(a.load_op)},
                                 {"store_op", store_op_name(a.store_op)}});
    }
    j["attachments"] = std::move(attachments);
    j["barriers"] = batches_json(g, g.batches_of(*pass));
    if (id.index < timings.size()) {
      j["gpu_ms"] = timings[id.index].gpu_ms;
      j["cpu_ms"] = timings[id.index].cpu_ms;
    }
  }
  return j;
}

Json resource_json(const CompiledGraph& g, std::uint32_t id) {
  const CompiledResource& r = g.resources[id];
  const bool image = r.kind == ResourceKind::texture;
  Json j = Json::object();
  j["id"] = id;
  j["name"] = g.name(r.name);
  j["kind"] = resource_kind_name(r.kind);
  j["imported"] = r.imported;
  if (image) {
    j["format"] = format_name(r.texture.format);
    j["width"] = r.texture.width;
    j["height"] = r.texture.height;
    j["mip_levels"] = r.texture.mip_levels;
    j["array_layers"] = r.texture.array_layers;
    j["samples"] = static_cast<int>(r.texture.samples);
  } else {
    j["size"] = r.buffer.size;
  }
  j["usages"] = usage_list(r.usages);
  if (r.used()) {
    j["first_use"] = r.first_use;
    j["last_use"] = r.last_use;
    j["first_pass"] = g.pass_name(g.passes[r.first_use].id);
    j["last_pass"] = g.pass_name(g.passes[r.last_use].id);
  } else {
    j["first_use"] = nullptr;
    j["last_use"] = nullptr;
  }
  if (r.imported) {
    j["read_only"] = r.read_only;
    j["exported"] = r.exported;
    j["initial_state"] = state_json(r.initial, image);
    if (r.final_state) j["final_state"] = state_json(*r.final_state, image);
    j["end_state"] = state_json(r.end_state, image);
  } else if (r.placement.heap != kInvalidIndex) {
    j["heap"] = r.placement.heap;
    j["offset"] = r.placement.offset;
    j["bytes"] = r.requirements.size;
    j["alignment"] = r.requirements.alignment;
  }
  return j;
}

std::string dot_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

Json to_json(const CompiledGraph& g, std::span<const PassTiming> timings) {
  Json j = Json::object();
  Json passes = Json::array();
  for (const CompiledPass& pass : g.passes) passes.push_back(pass_json(g, pass.id, timings));
  j["passes"] = std::move(passes);
  Json culled = Json::array();
  for (PassId id : g.culled_passes()) culled.push_back(pass_json(g, id, {}));
  j["culled"] = std::move(culled);
  Json resources = Json::array();
  for (std::uint32_t id = 0; id < g.resources.size(); ++id) resources.push_back(resource_json(g, id));
  j["resources"] = std::move(resources);
  Json heaps = Json::array();
  for (std::uint32_t h = 0; h < g.heaps.size(); ++h) {
    heaps.push_back(Json{{"index", h},
                         {"kind", resource_kind_name(g.heaps[h].kind)},
                         {"memory_type_bits", g.heaps[h].memory_type_bits},
                         {"size", g.heaps[h].size},
                         {"alignment", g.heaps[h].alignment}});
  }
  j["heaps"] = std::move(heaps);
  j["final_barriers"] = batches_json(g, g.final_batches_span());
  j["memory"] = Json{{"bytes_with_aliasing", g.bytes_with_aliasing},
                     {"bytes_without_aliasing", g.bytes_without_aliasing},
                     {"bytes_saved", g.bytes_without_aliasing > g.bytes_with_aliasing
                                         ? g.bytes_without_aliasing - g.bytes_with_aliasing
                                         : 0}};
  return j;
}

std::string to_dot(const CompiledGraph& g) {
  std::string out = "digraph render_graph {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
                    "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (std::uint32_t p = 0; p < g.pass_info.size(); ++p) {
    const PassInfo& info = g.pass_info[p];
    const std::string name = dot_escape(g.pass_name(PassId{p}));
    if (info.culled) {
      out += cat("  p", p, " [shape=box, style=\"rounded,dashed\", color=gray50, fontcolor=gray50, label=\"", name,
                 "\\nculled\"];\n");
    } else {
      out += cat("  p", p, " [shape=box, style=\"rounded,filled\", fillcolor=\"", info.root ? "#ffe0b2" : "#dbe9ff",
                 "\", label=\"", name, "\\n#", info.order, " ", queue_name(info.queue), "\"];\n");
    }
  }
  for (std::uint32_t id = 0; id < g.resources.size(); ++id) {
    const CompiledResource& r = g.resources[id];
    std::string label = dot_escape(g.name(r.name));
    if (r.kind == ResourceKind::texture) {
      label += cat("\\n", format_name(r.texture.format), " ", r.texture.width, "x", r.texture.height);
    } else {
      label += cat("\\n", r.buffer.size, " bytes");
    }
    if (r.placement.heap != kInvalidIndex) label += cat("\\nheap ", r.placement.heap, " @ ", r.placement.offset);
    out += cat("  r", id, " [shape=", r.kind == ResourceKind::texture ? "ellipse" : "cylinder",
               r.imported ? ", peripheries=2" : "", r.used() ? "" : ", color=gray50, fontcolor=gray50",
               ", label=\"", label, "\"];\n");
  }
  for (std::uint32_t p = 0; p < g.pass_info.size(); ++p) {
    const bool culled = g.pass_info[p].culled;
    const char* style = culled ? ", style=dashed, color=gray50" : "";
    for (const PassAccess& a : g.accesses_of(PassId{p})) {
      const std::string usages = usage_label(a.usages);
      if (a.writes) {
        out += cat("  p", p, " -> r", a.resource.index, " [label=\"", usages, " v", a.version + 1, "\"", style, "];\n");
      } else {
        out += cat("  r", a.resource.index, " -> p", p, " [label=\"", usages, " v", a.version, "\"", style, "];\n");
      }
    }
  }
  out += "}\n";
  return out;
}

}  // namespace kagami::graph
