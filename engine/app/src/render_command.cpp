#include <filesystem>

#include "commands.h"
#include "kagami/asset/model_import.h"
#include "kagami/core/job_system.h"
#include "kagami/core/log.h"
#include "kagami/render/character_models.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/scene_models.h"
#include "kagami/render/scene_view.h"
#include "kagami/scene/queries.h"
#include "kagami/scene/scene_io.h"
#include "model_view.h"

namespace kagami::app {
namespace {

Result<void> check_validation(const gpu::Device& device) {
  if (int errors = device.context().validation_log().error_count(); errors > 0)
    return make_error("the validation layer reported ", errors, " errors");
  return {};
}

Result<void> save(const std::filesystem::path& out, const ImageRgba8& image) {
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
  return write_png(out, image);
}

// `render --scene FILE --out FOLDER`: every survey view and every camera entity.
Result<void> render_scene(const Options& options, gpu::Device& device) {
  auto scene = scene::load_scene(*options.scene);
  if (!scene) return scene.error();
  JobSystem jobs;
  auto models = render::SceneModels::load(device, jobs, *scene);
  if (!models) return models.error();

  render::DrawList draws;
  std::size_t skipped =
      render::add_scene_draws(draws, *scene, [&](std::string_view id) { return models->find(id); });
  if (skipped) log::warn(*options.scene, ": ", skipped, " mesh entities have no model");
  // Characters idle where the scene puts them (the cast registry beside the scene).
  std::unique_ptr<render::CharacterModels> characters;
  if (scene::count(*scene).characters > 0) {
    auto cast = render::CharacterModels::load(device, asset::cast_registry_near(*options.scene));
    if (!cast) return cast.error();
    characters = std::move(*cast);
    auto drawn = render::add_character_draws(draws, *scene, *characters, 0.0);
    if (!drawn) return make_error(*options.scene, ": ", drawn.error().message);
  }
  draws.sort();
  Size size = options.size.value_or(Size{1280, 720});
  const float aspect = float(size.width) / float(size.height);
  render::Lighting lighting = render::scene_lighting(*scene);
  Aabb bounds = scene->streaming.bounds.value_or(draws.bounds());

  std::vector<std::pair<std::string, render::Camera>> views;
  auto survey = render::survey_cameras(bounds, aspect);
  for (std::size_t i = 0; i < survey.size(); ++i) views.emplace_back(cat("view", i), survey[i]);
  for (const scene::WorldCamera& c : scene::world_cameras(*scene))
    views.emplace_back(c.source && !c.source->name.empty() ? c.source->name : cat("camera", c.entity),
                       render::camera_from(c));
  std::filesystem::path folder = *options.out;
  for (const auto& [name, camera] : views) {
    auto image = render::render_offscreen(device, draws, camera, lighting, {size.width, size.height});
    if (!image) return image.error();
    std::filesystem::path out = folder / (scene->name + "_" + name + ".png");
    if (auto written = save(out, *image); !written) return written.error();
    log::info("wrote ", out.string());
  }
  log::info(scene->name, ": ", draws.items().size(), " draws, ", draws.triangles(), " triangles");
  return check_validation(device);
}

}  // namespace

Result<void> run_render(const Options& options) {
  if (options.cast) return render_cast_lineup(options);
  if (!options.model && !options.scene) return render_film(options, FilmDefaults{});
  if (!options.out) return make_error("render needs --out PATH");

  if (options.scene) {
    auto device = gpu::Device::create(context_options(options));
    if (!device) return device.error();
    auto result = render_scene(options, **device);
    (*device)->wait_idle();
    return result;
  }

  auto model = asset::import_model(*options.model);
  if (!model) return model.error();
  auto device = gpu::Device::create(context_options(options));
  if (!device) return device.error();
  LoadedModel loaded;
  loaded.device = std::move(*device);
  loaded.model = render::upload_model(*loaded.device, *model);

  Size size = options.size.value_or(Size{1280, 720});
  render::Camera camera = orbit_camera(loaded.model.bounds, float(size.width) / float(size.height), 0.0);
  auto image = render::render_offscreen(*loaded.device, render::draw_model(loaded.model), camera, render::Lighting{},
                                        {size.width, size.height});
  if (!image) return image.error();
  if (auto written = save(*options.out, *image); !written) return written.error();
  log::info("wrote ", *options.out, " (", size.width, "x", size.height, ", ", loaded.model.triangle_count,
            " triangles)");
  return check_validation(*loaded.device);
}

}  // namespace kagami::app
