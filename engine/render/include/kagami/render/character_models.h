#pragma once
// Characters on screen: the cast registry (asset/character_registry.h) turned
// into skinned GPU models, each loaded once, with the clip library retargeted
// onto its skeleton once; then, per frame, a pose from weighted clip layers
// (what a sequence's animation sections give) and a skinned draw
// (DrawList::add_skinned), skinned on the GPU.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kagami/anim/blend.h"
#include "kagami/anim/clip.h"
#include "kagami/anim/skeleton.h"
#include "kagami/asset/character_registry.h"
#include "kagami/render/dissolve_fragments.h"
#include "kagami/render/draw_list.h"
#include "kagami/scene/scene.h"

namespace kagami::render {

// One clip playing: sampled at `time` (wrapped when `loop`, else held at the
// ends) and blended in with `weight`.
struct ClipLayer {
  std::string_view clip;
  double time = 0.0;
  float weight = 1.0f;
  bool loop = true;
};

// The clip a character plays when no layer has weight, and what fills in
// while layers blend in (their weights summing below 1).
inline constexpr std::string_view kIdleClip = "idle";

// A character model with its retargeted clips and the scratch to pose it
// (sized once: posing allocates nothing).
class CharacterModel {
 public:
  CharacterModel(gpu::Device& device, const asset::ModelData& model, std::vector<anim::Clip> clips, float scale);
  ~CharacterModel();
  CharacterModel(const CharacterModel&) = delete;
  CharacterModel& operator=(const CharacterModel&) = delete;

  const GpuModel& gpu() const { return gpu_; }
  // Every triangle of the model in its bind pose (model space) with its skin,
  // for the fragments of a dissolve (count 0 when the model has no area).
  const DissolveSource& dissolve_source() const { return dissolve_source_; }
  const anim::Skeleton& skeleton() const { return skeleton_; }
  float scale() const { return scale_; }
  const anim::Clip* clip(std::string_view name) const;
  std::span<const anim::Clip> clips() const { return clips_; }

  // Skinning matrices (one per joint) for `layers` blended by weight; the
  // idle clip at `idle_time` makes up any weight below 1. A layer naming a
  // clip the library lacks is an Error naming the clip and the model.
  Result<std::span<const glm::mat4>> pose(std::span<const ClipLayer> layers, double idle_time);

 private:
  gpu::Device& device_;
  std::filesystem::path source_;
  GpuModel gpu_;
  DissolveSource dissolve_source_;
  anim::Skeleton skeleton_;
  std::vector<anim::Clip> clips_;
  float scale_ = 1.0f;
  anim::PoseBlender blender_;
  std::vector<anim::Transform> scratch_, local_;
  std::vector<glm::mat4> model_space_, skinning_;
};

class CharacterModels {
 public:
  // Reads the registry and the clip library it names (models load on first use).
  static Result<std::unique_ptr<CharacterModels>> load(gpu::Device& device, const std::filesystem::path& registry);

  // The model of `character` in `outfit` ("" = default), loaded and uploaded
  // on first use (outfits sharing a file share the model).
  Result<CharacterModel*> get(std::string_view character, std::string_view outfit);

  // Poses the character (CharacterModel::pose) and adds its skinned draw at
  // `world` (the registry's scale applied inside it).
  Result<void> add_draw(DrawList& draws, std::string_view character, std::string_view outfit,
                        std::span<const ClipLayer> layers, double idle_time, const glm::mat4& world,
                        std::uint64_t entity = 0);

  const asset::CharacterRegistry& registry() const { return registry_; }
  std::span<const anim::Clip> library() const { return library_clips_; }

 private:
  CharacterModels(gpu::Device& device) : device_(device) {}
  gpu::Device& device_;
  asset::CharacterRegistry registry_;
  anim::Skeleton library_skeleton_;
  std::vector<anim::Clip> library_clips_;
  std::map<std::filesystem::path, std::unique_ptr<CharacterModel>> models_;  // by model file
};

// The clip layers playing on a scene entity this frame (empty: idle).
using CharacterLayersFn = std::function<std::span<const ClipLayer>(scene::EntityId)>;

// A skinned draw for every entity with a CharacterComponent, at the entity's
// world transform, posed by `layers` (null: every character idles) with the
// idle clip at `time`. Returns how many characters were drawn; a character or
// outfit the registry lacks is an Error naming the registry and the entity.
Result<std::size_t> add_character_draws(DrawList& draws, const scene::Scene& scene, CharacterModels& characters,
                                        double time, const CharacterLayersFn& layers = {});

}  // namespace kagami::render
