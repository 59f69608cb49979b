#pragma once
// Animation import: the skeleton and clips of a file, without its meshes.
// BVH motion capture (the CMU clips) comes this way, as do the animations of a
// glTF or FBX file. Same process isolation, limits and error rules as
// import_model (model_import.h); a skinned model's skeleton and clips also
// come with import_model, in ModelData.
#include <filesystem>
#include <string>
#include <vector>

#include "kagami/anim/clip.h"
#include "kagami/anim/skeleton.h"
#include "kagami/asset/model_import.h"

namespace kagami::asset {

struct AnimationData {
  std::filesystem::path source;
  anim::Skeleton skeleton;        // never empty
  std::vector<anim::Clip> clips;  // each validated against skeleton
  std::vector<std::string> warnings;
};

// .bvh .gltf .glb .fbx (case-insensitive)
bool is_supported_animation_extension(const std::filesystem::path& path);

Result<AnimationData> import_animation(const std::filesystem::path& path, const ImportLimits& limits = {});

}  // namespace kagami::asset
