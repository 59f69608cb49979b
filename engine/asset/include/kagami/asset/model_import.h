#pragma once
// Model import through Assimp (glTF 2.0 .gltf/.glb first; Wavefront .obj and
// Autodesk .fbx through the same path). Only those three Assimp importers are
// enabled, so a file is never silently read by some other format's parser, and
// Assimp runs in a child process (see ImportLimits::isolate).
//
// Files come from artists and the internet: every failure (unreadable, malformed,
// over a limit, inconsistent data) comes back as an Error whose message starts
// with the file's path and says what is wrong. Nothing a file contains may crash
// the process.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "kagami/asset/model.h"
#include "kagami/core/result.h"

namespace kagami::asset {

struct ImportLimits {
  std::size_t max_vertices = 16u << 20;        // over all meshes
  std::size_t max_indices = 64u << 20;         // over all meshes
  std::size_t max_meshes = 16384;
  std::size_t max_instances = 1u << 20;        // mesh placements after flattening nodes
  int max_node_depth = 256;                    // nesting of the node hierarchy
  int max_texture_dimension = 8192;            // pixels, either side
  std::uintmax_t max_file_bytes = 512u << 20;  // each file read: model, buffers, images
  std::size_t max_animation_keys = 16u << 20;  // per clip, all channels

  // Assimp runs in a forked child process, so that a crash or a hang inside it
  // becomes an Error instead of taking the caller down: Assimp 5.2 aborts with
  // a double free on some damaged FBX files, and leaks memory on many error
  // paths. The child gets max_import_time, then is killed. Turn isolation off
  // only for trusted files or to debug the importer itself.
  bool isolate = true;
  std::chrono::milliseconds max_import_time{120000};
};

// True for the extensions import_model accepts (case-insensitive): .gltf .glb .obj .fbx
bool is_supported_model_extension(const std::filesystem::path& path);

Result<ModelData> import_model(const std::filesystem::path& path, const ImportLimits& limits = {});

// The consistency and limit checks import_model runs on what the importer
// produced, usable on any ModelData (a cooked file, a generated mesh): array
// lengths agree, every index is in range, index count is a multiple of three,
// positions/normals/uvs are finite, material, image and mesh references are in
// range, images have the right byte size and fit the texture limit, and the
// totals fit the limits. `source_name` starts every message.
Result<void> check_model(const ModelData& model, const ImportLimits& limits, std::string_view source_name);

// The part of check_model about animation (check_model runs it too): the
// skeleton and every clip pass anim::validate, each mesh's skin is empty or
// has one entry per vertex, its joints exist and its weights are finite.
Result<void> check_rig(const ModelData& model, std::string_view source_name);

}  // namespace kagami::asset
