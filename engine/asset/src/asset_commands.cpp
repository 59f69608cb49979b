// cook_paths and asset_info: the work behind `kagami cook` and `kagami info`.
#include <algorithm>
#include <cctype>
#include <chrono>

#include "kagami/asset/animation_import.h"
#include "kagami/asset/asset_commands.h"

namespace kagami::asset {
namespace fs = std::filesystem;
namespace {

// The models a command-line argument stands for; an argument that stands for
// none becomes a failed entry so the user hears about it.
void expand(const fs::path& path, std::vector<fs::path>& models, std::vector<CookFileResult>& failures) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && is_supported_model_extension(it->path())) found.push_back(it->path());
    if (ec) failures.push_back({path, {}, false, {}, cat(path.string(), ": cannot list the folder (", ec.message(), ")"), 0.0});
    std::sort(found.begin(), found.end());
    models.insert(models.end(), found.begin(), found.end());
  } else if (!fs::exists(path, ec)) {
    failures.push_back({path, {}, false, {}, cat(path.string(), ": no such file or folder"), 0.0});
  } else if (!is_supported_model_extension(path)) {
    failures.push_back({path, {}, false, {}, cat(path.string(), ": not a model file (.gltf .glb .obj .fbx)"), 0.0});
  } else {
    models.push_back(path);
  }
}

void count(const CookedModel& cooked, AssetInfo& info) {
  info.meshes = cooked.meshes().size();
  info.instances = cooked.instances().size();
  info.triangles = cooked.instanced_triangles();
  info.vertices = cooked.total_vertices();
  info.materials = cooked.materials().size();
  info.textures = cooked.textures().size();
  for (const CookedTexture& t : cooked.textures()) {
    info.texture_levels += t.levels.size();
    if (is_block_compressed(t.format)) ++info.compressed_textures;
  }
  info.gpu_bytes = cooked.gpu_bytes();
  info.bounds = cooked.bounds();
}

void count_rig(const anim::Skeleton& skeleton, const std::vector<anim::Clip>& clips, AssetInfo& info) {
  info.joints = skeleton.size();
  info.clips = clips.size();
  for (const anim::Clip& clip : clips) info.longest_clip_seconds = std::max(info.longest_clip_seconds, clip.duration);
}

}  // namespace

std::size_t CookReport::hits() const {
  return std::size_t(std::count_if(files.begin(), files.end(), [](const auto& f) { return !f.error && f.hit; }));
}
std::size_t CookReport::cooked() const {
  return std::size_t(std::count_if(files.begin(), files.end(), [](const auto& f) { return !f.error && !f.hit; }));
}
std::size_t CookReport::failed() const {
  return std::size_t(std::count_if(files.begin(), files.end(), [](const auto& f) { return f.error.has_value(); }));
}

CookReport cook_paths(std::span<const fs::path> paths, const fs::path& cache_dir, const CookProgress& progress,
                      const CacheOptions& options) {
  CookReport report;
  std::vector<fs::path> models;
  for (const fs::path& path : paths) expand(path, models, report.files);
  // The same model named twice (a file and its folder) is cooked once.
  std::vector<fs::path> unique;
  for (const fs::path& m : models)
    if (std::find(unique.begin(), unique.end(), m.lexically_normal()) == unique.end()) unique.push_back(m.lexically_normal());

  for (std::size_t i = 0; i < unique.size(); ++i) {
    if (progress) progress(i, unique.size(), unique[i]);
    const auto start = std::chrono::steady_clock::now();
    CookFileResult file{unique[i], {}, false, {}, std::nullopt, 0.0};
    auto result = cook_cached(unique[i], cache_dir, options);
    if (result) {
      file.cooked = result->cooked;
      file.hit = result->hit;
      file.reason = result->reason;
    } else {
      file.error = result.error().message;
    }
    file.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    report.files.push_back(std::move(file));
  }
  if (progress) progress(unique.size(), unique.size(), fs::path());
  return report;
}

Result<AssetInfo> asset_info(const fs::path& path, const ImportLimits& limits) {
  AssetInfo info;
  info.path = path;
  std::error_code ec;
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (ext == ".kgmc") {
    auto cooked = load_cooked_model(path, CookedLoadOptions{.verify_bulk_data = true});
    if (!cooked) return cooked.error();
    info.cooked = true;
    info.bytes_on_disk = cooked->file_bytes().size();
    count(*cooked, info);
    return info;
  }
  if (ext == ".bvh") {
    auto animation = import_animation(path, limits);
    if (!animation) return animation.error();
    info.animation_only = true;
    count_rig(animation->skeleton, animation->clips, info);
    info.bytes_on_disk = fs::file_size(path, ec);
    return info;
  }
  if (!is_supported_model_extension(path))
    return make_error(path.string(), ": not a model (.gltf .glb .obj .fbx), a cooked model (.kgmc) or a motion file (.bvh)");
  auto model = import_model(path, limits);
  if (!model) return model.error();
  count_rig(model->skeleton, model->clips, info);
  info.skinned_meshes = std::size_t(
      std::count_if(model->meshes.begin(), model->meshes.end(), [](const MeshData& m) { return !m.skin.empty(); }));
  auto bytes = cook_model(*model);
  if (!bytes) return bytes.error();
  auto cooked = parse_cooked_model(std::span<const std::uint8_t>(*bytes), path.string());
  if (!cooked) return cooked.error();
  count(*cooked, info);

  // On disk: the source and every file it references (each once).
  std::vector<fs::path> files{path.lexically_normal()};
  if (auto source = read_whole_file(path)) {
    if (auto referenced = find_referenced_files(path, {source->bytes.get(), source->size}))
      files.insert(files.end(), referenced->begin(), referenced->end());
  }
  for (const ModelImage& image : model->images)
    if (image.source.find("#embedded") == std::string::npos) files.push_back(fs::path(image.source).lexically_normal());
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  for (const fs::path& file : files) {
    const auto size = fs::file_size(file, ec);
    if (!ec) info.bytes_on_disk += size;
  }
  return info;
}

Json to_json(const AssetInfo& info) {
  Json j;
  j["path"] = info.path.generic_string();
  j["kind"] = info.cooked ? "cooked" : info.animation_only ? "animation" : "source";
  j["meshes"] = info.meshes;
  j["instances"] = info.instances;
  j["triangles"] = info.triangles;
  j["vertices"] = info.vertices;
  j["materials"] = info.materials;
  j["textures"] = info.textures;
  j["texture_levels"] = info.texture_levels;
  j["compressed_textures"] = info.compressed_textures;
  j["bytes_on_disk"] = info.bytes_on_disk;
  j["gpu_bytes"] = info.gpu_bytes;
  j["joints"] = info.joints;
  j["clips"] = info.clips;
  j["skinned_meshes"] = info.skinned_meshes;
  j["longest_clip_seconds"] = info.longest_clip_seconds;
  if (info.bounds.valid())
    j["bounds"] = {{"min", {info.bounds.min.x, info.bounds.min.y, info.bounds.min.z}},
                   {"max", {info.bounds.max.x, info.bounds.max.y, info.bounds.max.z}}};
  return j;
}

}  // namespace kagami::asset
