// The bottom panel's tabs: the timeline (timeline_panel.cpp), the asset browser (assets/ and scenes/, drag a
// model into the viewport, double-click a scene to open it), stats (frame
// time, GPU memory, streaming), the render-graph viewer (passes, resources,
// barriers, aliasing, per-pass GPU time) and the log console.
#include <algorithm>
#include <filesystem>

#include "editor_state.h"
#include "kagami/graph/usage.h"
#include "kagami/graph/vk_names.h"

namespace kagami::editor {

namespace {

namespace fs = std::filesystem;

bool is_model(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".gltf" || ext == ".glb" || ext == ".obj" || ext == ".fbx";
}

// The files under a folder, sorted, found once and kept (a rescan button refreshes).
struct Listing {
  std::vector<fs::path> models, scenes;
  bool scanned = false;
};

void scan(Listing& l, const fs::path& root) {
  l = {};
  l.scanned = true;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root / "assets", ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file() && is_model(it->path())) l.models.push_back(it->path());
  for (auto it = fs::directory_iterator(root / "scenes", ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    if (it->path().extension() == ".json") l.scenes.push_back(it->path());
  std::sort(l.models.begin(), l.models.end());
  std::sort(l.scenes.begin(), l.scenes.end());
}

void asset_browser(Editor::State& s, Listing& listing) {
  if (!listing.scanned || ImGui::SmallButton("Rescan")) scan(listing, s.options.project_root);
  ImGui::SameLine();
  ImGui::TextDisabled("drag a model into the viewport; double-click a scene to open it");
  ImGui::Columns(2);
  ImGui::Text("scenes/");
  for (const fs::path& p : listing.scenes) {
    ImGui::Selectable(p.filename().string().c_str(), p == s.doc.path());
    if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) request_open(s, p);
  }
  ImGui::NextColumn();
  ImGui::Text("assets/ (%zu models)", listing.models.size());
  ImGui::BeginChild("models");
  for (const fs::path& p : listing.models) {
    const std::string shown = fs::relative(p, s.options.project_root / "assets").generic_string();
    ImGui::Selectable(shown.c_str());
    if (ImGui::BeginDragDropSource()) {
      const std::string path = p.string();
      ImGui::SetDragDropPayload("KAGAMI_ASSET", path.data(), path.size());
      ImGui::Text("place %s", p.stem().string().c_str());
      ImGui::EndDragDropSource();
    }
  }
  ImGui::EndChild();
  ImGui::Columns(1);
}

void stats(Editor::State& s) {
  std::vector<double> times(s.frame_ms.begin(), s.frame_ms.end());
  std::vector<float> plot(times.begin(), times.end());
  std::sort(times.begin(), times.end());
  const double median = times.empty() ? 0.0 : times[times.size() / 2];
  const double p95 = times.empty() ? 0.0 : times[times.size() * 95 / 100];
  ImGui::Text("CPU frame  %.2f ms median, %.2f ms p95 (last %zu frames)   %s", median, p95, times.size(),
              s.device.context().device_name().c_str());
  ImGui::PlotLines("##frames", plot.data(), int(plot.size()), 0, nullptr, 0.0f, float(p95 * 1.5 + 1.0), ImVec2(-1, 40));
  const gpu::AllocatorStats mem = s.device.allocator().stats();
  ImGui::Text("GPU memory  %s used of %s reserved, %u blocks, %u dedicated, %llu vkAllocateMemory calls",
              format_bytes(mem.used_bytes).c_str(), format_bytes(mem.reserved_bytes).c_str(), mem.block_count,
              mem.dedicated_count, static_cast<unsigned long long>(mem.vk_allocate_calls));
  const render::TransientMemoryStats transient = s.renderer->executor().memory_stats();
  ImGui::Text("Transients  %s held, %s this frame with aliasing (%s without)", format_bytes(transient.heap_bytes).c_str(),
              format_bytes(transient.bytes_with_aliasing).c_str(), format_bytes(transient.bytes_without_aliasing).c_str());
  const render::StreamerStats st = s.streamer->stats();
  ImGui::Text("Streaming  %zu resident (%s), %zu loading, %zu unloaded, %zu evicting, %s uploaded this frame",
              st.resident, format_bytes(st.resident_bytes).c_str(), st.loading, st.unloaded, st.evicting,
              format_bytes(st.uploaded_this_frame).c_str());
  ImGui::Text("Scene  %zu entities, %zu draws, %llu triangles", s.doc.scene().size(), s.draws.items().size(),
              static_cast<unsigned long long>(s.draws.triangles()));
  ImGui::Text("History  %zu undo, %zu redo%s", s.doc.history().undo_count(), s.doc.history().redo_count(),
              s.doc.dirty() ? ", unsaved changes" : "");
}

void graph_viewer(Editor::State& s) {
  const graph::CompiledGraph& g = s.renderer->executor().compiled();
  const auto& timings = s.renderer->executor().timings();
  ImGui::Text("%zu passes live, %zu culled; transients %s with aliasing, %s without; %zu heaps", g.passes.size(),
              g.culled_passes().size(), format_bytes(g.bytes_with_aliasing).c_str(),
              format_bytes(g.bytes_without_aliasing).c_str(), g.heaps.size());
  ImGui::Columns(2);
  ImGui::BeginChild("passes");
  for (const graph::CompiledPass& pass : g.passes) {
    const double gpu = pass.id.index < timings.size() ? timings[pass.id.index].gpu_ms : 0.0;
    const double cpu = pass.id.index < timings.size() ? timings[pass.id.index].cpu_ms : 0.0;
    if (!ImGui::TreeNode(reinterpret_cast<void*>(std::uintptr_t(pass.id.index) + 1), "%.*s  gpu %.3f ms  cpu %.3f ms",
                         int(g.pass_name(pass.id).size()), g.pass_name(pass.id).data(), gpu, cpu))
      continue;
    for (const graph::PassAccess& a : g.accesses_of(pass.id))
      ImGui::BulletText("%s %.*s v%u  %s", a.writes ? "writes" : "reads", int(g.resource_name(a.resource).size()),
                        g.resource_name(a.resource).data(), a.version, graph::layout_name(a.layout));
    for (const graph::BarrierBatch& batch : g.batches_of(pass)) {
      for (const graph::ImageBarrier& b : g.images_of(batch))
        ImGui::BulletText("barrier %.*s: %s -> %s%s", int(g.resource_name(b.resource).size()),
                          g.resource_name(b.resource).data(), graph::layout_name(b.old_layout),
                          graph::layout_name(b.new_layout), b.aliasing ? " (aliasing)" : "");
      for (const graph::BufferBarrier& b : g.buffers_of(batch))
        ImGui::BulletText("barrier %.*s (buffer)%s", int(g.resource_name(b.resource).size()),
                          g.resource_name(b.resource).data(), b.aliasing ? " (aliasing)" : "");
    }
    ImGui::TreePop();
  }
  ImGui::EndChild();
  ImGui::NextColumn();
  ImGui::BeginChild("resources");
  for (std::size_t i = 0; i < g.resources.size(); ++i) {
    const graph::CompiledResource& r = g.resources[i];
    if (!r.used()) continue;
    const std::string_view name = g.name(r.name);
    if (r.imported) {
      ImGui::BulletText("%.*s  imported", int(name.size()), name.data());
    } else {
      ImGui::BulletText("%.*s  %ux%u  passes %u..%u  heap %u @ %llu  %s", int(name.size()), name.data(),
                        r.texture.width, r.texture.height, r.first_use, r.last_use, r.placement.heap,
                        static_cast<unsigned long long>(r.placement.offset),
                        format_bytes(r.requirements.size).c_str());
    }
  }
  ImGui::EndChild();
  ImGui::Columns(1);
}

void console(Editor::State& s) {
  static const ImVec4 kColors[] = {{0.6f, 0.6f, 0.6f, 1}, {0.85f, 0.85f, 0.85f, 1}, {1, 0.8f, 0.3f, 1}, {1, 0.4f, 0.4f, 1}};
  if (ImGui::SmallButton("Clear")) s.log.clear();
  ImGui::BeginChild("log");
  for (const LogLine& line : s.log.snapshot())
    ImGui::TextColored(kColors[int(line.level)], "%s", line.text.c_str());
  if (ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) ImGui::SetScrollHereY(1.0f);  // follow new lines
  ImGui::EndChild();
}

}  // namespace

void draw_tools(Editor::State& s) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float y = float(s.area.offset.y + std::int32_t(s.area.extent.height));
  ImGui::SetNextWindowPos(ImVec2(float(s.area.offset.x), y));
  ImGui::SetNextWindowSize(ImVec2(float(s.area.extent.width), display.y - y));
  ImGui::Begin("Tools", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoTitleBar);
  static Listing listing;
  if (ImGui::BeginTabBar("tools")) {
    if (ImGui::BeginTabItem("Timeline")) draw_timeline(s), ImGui::EndTabItem();
    if (ImGui::BeginTabItem("Assets")) asset_browser(s, listing), ImGui::EndTabItem();
    if (ImGui::BeginTabItem("Stats")) stats(s), ImGui::EndTabItem();
    if (ImGui::BeginTabItem("Render graph")) graph_viewer(s), ImGui::EndTabItem();
    if (ImGui::BeginTabItem("Log")) console(s), ImGui::EndTabItem();
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace kagami::editor
