#include "kagami/render/character_models.h"

#include <algorithm>

#include "kagami/anim/pose.h"
#include "kagami/anim/retarget.h"
#include "kagami/asset/animation_import.h"
#include "kagami/asset/model_import.h"
#include "kagami/core/strings.h"

namespace kagami::render {
namespace {

// The model's meshes as one, each instance placed in model space, with their
// skin: where a dissolve's fragments can leave from, posed as the draws are.
// The mesh shader's dissolve noise reads mesh-space positions, the same as
// these where instances are unplaced (the cast's meshes all sit at the
// model's origin). A mesh without a skin among skinned ones stays rigid (its
// vertices get no weights).
asset::MeshData bind_pose_surface(const asset::ModelData& model) {
  asset::MeshData all;
  all.name = model.source.filename().string();
  bool skinned = false;
  for (const asset::MeshInstance& instance : model.instances) {
    const asset::MeshData& mesh = model.meshes.at(instance.mesh);
    const auto first = std::uint32_t(all.positions.size());
    for (const glm::vec3& p : mesh.positions) all.positions.push_back(glm::vec3(instance.world * glm::vec4(p, 1.0f)));
    for (std::uint32_t i : mesh.indices) all.indices.push_back(first + i);
    skinned = skinned || !mesh.skin.empty();
    if (mesh.skin.empty()) all.skin.resize(all.positions.size());
    else all.skin.insert(all.skin.end(), mesh.skin.begin(), mesh.skin.end());
  }
  if (!skinned) all.skin.clear();
  return all;
}

DissolveSource make_character_source(gpu::Device& device, const asset::ModelData& model) {
  auto source = make_dissolve_source(device, bind_pose_surface(model));
  return source ? std::move(*source) : DissolveSource{};  // no area: nothing to emit from, nothing to see either
}

}  // namespace

CharacterModel::CharacterModel(gpu::Device& device, const asset::ModelData& model, std::vector<anim::Clip> clips,
                               float scale)
    : device_(device),
      source_(model.source),
      gpu_(upload_model(device, model)),
      dissolve_source_(make_character_source(device, model)),
      skeleton_(model.skeleton),
      clips_(std::move(clips)),
      scale_(scale),
      blender_(model.skeleton.size()),
      scratch_(model.skeleton.size()),
      local_(model.skeleton.size()),
      model_space_(model.skeleton.size()),
      skinning_(model.skeleton.size()) {}

CharacterModel::~CharacterModel() {
  release_model(device_, gpu_);
  release_dissolve_source(device_, dissolve_source_);
}

const anim::Clip* CharacterModel::clip(std::string_view name) const {
  for (const anim::Clip& c : clips_)
    if (c.name == name) return &c;
  return nullptr;
}

Result<std::span<const glm::mat4>> CharacterModel::pose(std::span<const ClipLayer> layers, double idle_time) {
  blender_.begin();
  float total = 0.0f;
  auto add = [&](const anim::Clip& clip, double time, float weight, bool loop) {
    anim::rest_pose(skeleton_, scratch_);
    anim::sample_pose(skeleton_, clip, float(time), loop ? anim::Wrap::loop : anim::Wrap::clamp, scratch_);
    blender_.add(scratch_, weight);
    total += weight;
  };
  for (const ClipLayer& layer : layers) {
    if (!(layer.weight > 0.0f)) continue;
    const anim::Clip* c = clip(layer.clip);
    if (!c)
      return make_error(source_.string(), ": no clip \"", layer.clip, "\" in the clip library this character plays");
    add(*c, layer.time, layer.weight, layer.loop);
  }
  if (total < 1.0f) {
    if (const anim::Clip* idle = clip(kIdleClip)) add(*idle, idle_time, 1.0f - total, true);
  }
  if (!blender_.finish(local_)) anim::rest_pose(skeleton_, local_);
  anim::local_to_model(skeleton_, local_, model_space_);
  anim::skinning_matrices(skeleton_, model_space_, skinning_);
  return std::span<const glm::mat4>(skinning_);
}

Result<std::unique_ptr<CharacterModels>> CharacterModels::load(gpu::Device& device,
                                                               const std::filesystem::path& registry) {
  auto reg = asset::load_character_registry(registry);
  if (!reg) return reg.error();
  auto library = asset::import_animation(reg->clips);
  if (!library) return make_error(reg->source.string(), ": the clip library: ", library.error().message);
  std::unique_ptr<CharacterModels> models(new CharacterModels(device));
  models->registry_ = std::move(*reg);
  models->library_skeleton_ = std::move(library->skeleton);
  models->library_clips_ = std::move(library->clips);
  return models;
}

Result<CharacterModel*> CharacterModels::get(std::string_view character, std::string_view outfit) {
  auto resolved = registry_.resolve(character, outfit);
  if (!resolved) return resolved.error();
  if (auto it = models_.find(resolved->model); it != models_.end()) return it->second.get();
  auto model = asset::import_model(resolved->model);
  if (!model) return model.error();
  if (model->skeleton.empty())
    return make_error(resolved->model.string(), ": character \"", character, "\" has no skeleton to animate");
  // Every clip of the library, re-expressed for this character's skeleton.
  auto map = anim::match_joints_by_name(library_skeleton_, model->skeleton);
  if (!map) return make_error(resolved->model.string(), ": ", map.error().message);
  std::vector<anim::Clip> clips;
  for (const anim::Clip& clip : library_clips_) {
    auto retargeted = anim::retarget(clip, library_skeleton_, model->skeleton, *map, registry_.clips.string());
    if (!retargeted) return retargeted.error();
    clips.push_back(std::move(*retargeted));
  }
  auto loaded = std::make_unique<CharacterModel>(device_, *model, std::move(clips), resolved->scale);
  return (models_[resolved->model] = std::move(loaded)).get();
}

Result<void> CharacterModels::add_draw(DrawList& draws, std::string_view character, std::string_view outfit,
                                       std::span<const ClipLayer> layers, double idle_time, const glm::mat4& world,
                                       std::uint64_t entity) {
  auto model = get(character, outfit);
  if (!model) return model.error();
  auto skinning = (*model)->pose(layers, idle_time);
  if (!skinning) return skinning.error();
  const glm::mat4 placed = glm::scale(world, glm::vec3((*model)->scale()));
  return draws.add_skinned((*model)->gpu(), *skinning, placed, entity);
}

Result<std::size_t> add_character_draws(DrawList& draws, const scene::Scene& scene, CharacterModels& characters,
                                        double time, const CharacterLayersFn& layers) {
  std::size_t drawn = 0;
  const std::vector<glm::mat4> world = scene.world_transforms();
  const std::span<const scene::Entity> entities = scene.entities();
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const scene::Entity& e = entities[i];
    if (!e.character) continue;
    const std::span<const ClipLayer> playing = layers ? layers(e.id()) : std::span<const ClipLayer>{};
    auto added = characters.add_draw(draws, e.character->character, e.character->outfit, playing, time, world[i], e.id());
    if (!added) return make_error("entity \"", e.name, "\" (id ", e.id(), "): ", added.error().message);
    ++drawn;
  }
  return drawn;
}

}  // namespace kagami::render
