// `kagami graph`: compiles a frame's render graph and shows it: a summary on
// stdout, and the whole compiled graph (passes, culled passes, resources,
// lifetimes, aliasing, barriers, per-pass times) as JSON and Graphviz DOT.
#include <cstdio>
#include <filesystem>

#include "commands.h"
#include "kagami/asset/model_import.h"
#include "kagami/core/file_io.h"
#include "kagami/graph/demo_frame.h"
#include "kagami/graph/graph_export.h"
#include "kagami/core/job_system.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/scene_models.h"
#include "kagami/render/scene_view.h"
#include "kagami/scene/scene_io.h"
#include "model_view.h"

namespace kagami::app {
namespace {

Result<void> write_text(const std::string& path, const std::string& text) {
  std::filesystem::path p(path);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  return write_file_atomic(p, text);
}

void print_summary(const graph::CompiledGraph& g, const std::vector<graph::PassTiming>& timings) {
  std::printf("%-20s %10s %10s %8s\n", "pass", "gpu ms", "cpu ms", "barriers");
  for (const graph::CompiledPass& pass : g.passes) {
    std::size_t barriers = 0;
    for (const auto& batch : g.batches_of(pass)) barriers += batch.images.count + batch.buffers.count;
    graph::PassTiming t = pass.id.index < timings.size() ? timings[pass.id.index] : graph::PassTiming{};
    std::string name(g.pass_name(pass.id));
    std::printf("%-20s %10.3f %10.3f %8zu\n", name.c_str(), t.gpu_ms, t.cpu_ms, barriers);
  }
  for (graph::PassId culled : g.culled_passes()) {
    std::string name(g.pass_name(culled));
    std::printf("%-20s culled\n", name.c_str());
  }
  std::printf("transient memory: %s with aliasing, %s without\n", format_bytes(g.bytes_with_aliasing).c_str(),
              format_bytes(g.bytes_without_aliasing).c_str());
}

// A location's frame from its establishing survey view, run twice so GPU times are known.
Result<render::FrameReport> scene_frame(const Options& options, const graph::CompileOptions& compile, Size size) {
  auto scene = scene::load_scene(*options.scene);
  if (!scene) return scene.error();
  auto device = gpu::Device::create(context_options(options));
  if (!device) return device.error();
  render::FrameReport report;
  {
    JobSystem jobs;
    auto models = render::SceneModels::load(**device, jobs, *scene);
    if (!models) return models.error();
    render::DrawList draws;
    render::add_scene_draws(draws, *scene, [&](std::string_view id) { return models->find(id); });
    draws.sort();
    const float aspect = float(size.width) / float(size.height);
    render::Camera camera = render::survey_cameras(scene->streaming.bounds.value_or(draws.bounds()), aspect)[0];
    auto image = render::render_offscreen(**device, draws, camera, render::scene_lighting(scene->environment),
                                          {size.width, size.height}, {compile, 2}, &report);
    if (!image) return image.error();
  }
  (*device)->wait_idle();
  return report;
}

}  // namespace

Result<void> run_graph(const Options& options) {
  graph::CompileOptions compile;
  compile.culling = !options.no_culling;
  compile.aliasing = !options.no_aliasing;
  compile.batch_barriers = !options.no_batching;
  Size size = options.size.value_or(Size{1920, 1080});

  graph::CompiledGraph compiled;
  std::vector<graph::PassTiming> timings;
  if (options.demo) {
    // The reference frame, with estimated memory sizes: no device needed.
    graph::RenderGraph g;
    graph::add_demo_frame(g, size.width, size.height);
    auto result = graph::compile(g, compile, graph::fake_memory_requirements());
    if (!result) return result.error();
    compiled = std::move(*result);
  } else if (options.scene) {
    auto report = scene_frame(options, compile, size);
    if (!report) return report.error();
    compiled = std::move(report->compiled);
    timings = std::move(report->timings);
  } else {
    // The model viewer's real frame, run twice on the device so GPU times are known.
    auto model = asset::import_model(options.model.value_or(KAGAMI_DEFAULT_MODEL));
    if (!model) return model.error();
    auto device = gpu::Device::create(context_options(options));
    if (!device) return device.error();
    LoadedModel loaded;
    loaded.device = std::move(*device);
    loaded.model = render::upload_model(*loaded.device, *model);
    render::Camera camera = orbit_camera(loaded.model.bounds, float(size.width) / float(size.height), 0.0);
    render::FrameReport report;
    auto image = render::render_offscreen(*loaded.device, render::draw_model(loaded.model), camera, render::Lighting{},
                                                {size.width, size.height}, {compile, 2}, &report);
    if (!image) return image.error();
    compiled = std::move(report.compiled);
    timings = std::move(report.timings);
  }

  print_summary(compiled, timings);
  if (options.json)
    if (auto w = write_text(*options.json, dump_json(graph::to_json(compiled, timings))); !w) return w.error();
  if (options.dot)
    if (auto w = write_text(*options.dot, graph::to_dot(compiled)); !w) return w.error();
  return {};
}

}  // namespace kagami::app
