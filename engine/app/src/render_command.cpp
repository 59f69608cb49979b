#include <filesystem>

#include "commands.h"
#include "kagami/asset/model_import.h"
#include "kagami/core/log.h"
#include "kagami/render/forward_renderer.h"
#include "model_view.h"

namespace kagami::app {

Result<void> run_render(const Options& options) {
  if (!options.model) return make_error("render needs --model FILE (sequences arrive with the sequencer)");
  if (!options.out) return make_error("render needs --out IMAGE.png");
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
  std::filesystem::path out = *options.out;
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
  if (auto written = write_png(out, *image); !written) return written.error();
  if (loaded.device->context().validation_log().error_count() > 0)
    return make_error("the validation layer reported ", loaded.device->context().validation_log().error_count(),
                      " errors");
  log::info("wrote ", out.string(), " (", size.width, "x", size.height, ", ", loaded.model.triangle_count,
            " triangles)");
  return {};
}

}  // namespace kagami::app
