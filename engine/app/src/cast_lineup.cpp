// `kagami render --cast [--clip NAME] --out IMAGE.png`: the four characters of
// assets/characters posed by one clip of the library (at a fixed time), in a
// row facing the camera and again turned to show their profiles, so each can
// be judged at a glance. Skinning here is on the CPU (asset::pose_model): the
// posed copies go through the ordinary renderer.
#include <filesystem>
#include <string>
#include <vector>

#include "commands.h"
#include "kagami/asset/animation_import.h"
#include "kagami/asset/model_import.h"
#include "kagami/asset/model_pose.h"
#include "kagami/core/log.h"
#include "kagami/render/forward_renderer.h"
#include "model_view.h"

namespace kagami::app {
namespace {

struct Member {
  const char* file;
  float scale;  // Camui is the tallest; the shared skeleton is one size
};
constexpr Member kLineup[] = {{"len_vocaloid", 1.0f}, {"rin", 0.97f}, {"miku", 1.0f}, {"camui", 1.1f}};
constexpr float kSpacing = 0.8f;
constexpr float kClipTime = 0.3f;  // seconds into the clip

// Appends `part` to `into` (meshes, materials, instances) placed by `world`.
void append_model(asset::ModelData& into, const asset::ModelData& part, const glm::mat4& world) {
  const auto mesh_base = std::uint32_t(into.meshes.size());
  const auto material_base = std::uint32_t(into.materials.size());
  for (asset::MeshData mesh : part.meshes) {
    mesh.material += material_base;
    into.meshes.push_back(std::move(mesh));
  }
  into.materials.insert(into.materials.end(), part.materials.begin(), part.materials.end());
  for (asset::MeshInstance instance : part.instances) {
    instance.mesh += mesh_base;
    instance.world = world * instance.world;
    into.instances.push_back(std::move(instance));
  }
}

}  // namespace

Result<void> render_cast_lineup(const Options& options) {
  if (!options.out) return make_error("render --cast needs --out IMAGE.png");
  const std::filesystem::path folder = std::filesystem::path(KAGAMI_SOURCE_ROOT) / "assets" / "characters";
  auto library = asset::import_animation(folder / "clips.gltf");
  if (!library) return library.error();
  const std::string clip_name = options.clip.value_or("idle");
  const anim::Clip* clip = nullptr;
  for (const anim::Clip& c : library->clips)
    if (c.name == clip_name) clip = &c;
  if (!clip) return make_error((folder / "clips.gltf").string(), ": no clip named \"", clip_name, "\"");

  asset::ModelData lineup;
  lineup.source = folder;
  const float count = float(std::size(kLineup));
  for (std::size_t i = 0; i < std::size(kLineup); ++i) {
    auto model = asset::import_model(folder / (std::string(kLineup[i].file) + ".gltf"));
    if (!model) return model.error();
    auto posed = asset::pose_model(*model, library->skeleton, *clip, kClipTime);
    if (!posed) return posed.error();
    const glm::vec3 scale(kLineup[i].scale);
    // Front row on the left half, profiles (turned to face +X) on the right.
    const float front_x = (float(i) - count) * kSpacing + kSpacing * 0.5f;
    const float side_x = (float(i) + 0.5f) * kSpacing + 0.2f;
    append_model(lineup, *posed, glm::translate(glm::mat4(1), {front_x, 0, 0}) * glm::scale(glm::mat4(1), scale));
    append_model(lineup, *posed,
                 glm::translate(glm::mat4(1), {side_x, 0, 0}) *
                     glm::rotate(glm::mat4(1), glm::radians(90.0f), glm::vec3(0, 1, 0)) *
                     glm::scale(glm::mat4(1), scale));
  }

  auto device = gpu::Device::create(context_options(options));
  if (!device) return device.error();
  LoadedModel loaded;
  loaded.device = std::move(*device);
  loaded.model = render::upload_model(*loaded.device, lineup);

  const Size size = options.size.value_or(Size{1600, 600});
  const float aspect = float(size.width) / float(size.height);
  render::Camera camera;
  camera.fov_y = glm::radians(24.0f);
  const float half_width = count * kSpacing + 0.4f;
  const float distance = half_width / (std::tan(camera.fov_y * 0.5f) * aspect);
  camera.target = {0.1f, 0.95f, 0.0f};
  camera.position = {0.1f, 1.1f, distance};
  render::Lighting lighting;
  lighting.sun_direction = glm::normalize(glm::vec3(-0.3f, -0.8f, -0.6f));
  auto image = render::render_offscreen(*loaded.device, render::draw_model(loaded.model), camera, lighting,
                                        {size.width, size.height});
  if (!image) return image.error();
  const std::filesystem::path out = *options.out;
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
  if (auto written = write_png(out, *image); !written) return written.error();
  log::info("wrote ", out.string(), " (the cast posed by \"", clip_name, "\" at ", kClipTime, " s, ",
            loaded.model.triangle_count, " triangles)");
  if (int errors = loaded.device->context().validation_log().error_count(); errors > 0)
    return make_error("the validation layer reported ", errors, " errors");
  return {};
}

}  // namespace kagami::app
