#pragma once
// A model as the engine sees it after import: triangle meshes in arrays ready to
// interleave and upload, PBR metal-rough materials with their decoded images, and
// the node hierarchy flattened into mesh instances with world matrices.
//
// Conventions (whatever the source format):
//   - uv0 origin is the top-left of the image, matching ImageRgba8 rows stored
//     top to bottom (glTF's convention; OBJ/FBX coordinates are flipped on import).
//   - triangles are counter-clockwise when seen from the front.
//   - units and axes are the file's own (glTF: metres, +Y up).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kagami/anim/clip.h"
#include "kagami/anim/skeleton.h"
#include "kagami/anim/skin.h"
#include "kagami/core/image.h"
#include "kagami/core/math.h"

namespace kagami::asset {

struct MeshData {
  std::string name;
  // positions, normals and uv0 always have the same length (the vertex count);
  // tangents has that length too, or is empty when the mesh has no uv0 to derive
  // them from.
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;   // unit length (generated when the file has none)
  std::vector<glm::vec2> uv0;       // zeros when the file has none (has_uv0 == false)
  std::vector<glm::vec4> tangents;  // xyz unit tangent, w = bitangent sign (+1 or -1)
  bool has_uv0 = false;
  std::vector<std::uint32_t> indices;  // triangle list, every index < vertex_count()
  std::uint32_t material = 0;          // index into ModelData::materials
  Aabb bounds;                         // object space (the bind pose for a skinned mesh)
  // Skinned meshes: one entry per vertex (joints index ModelData::skeleton,
  // see anim/skin.h); empty for a rigid mesh.
  std::vector<anim::VertexSkin> skin;

  std::size_t vertex_count() const { return positions.size(); }
  std::size_t triangle_count() const { return indices.size() / 3; }
};

enum class AlphaMode : std::uint8_t { opaque, mask, blend };
const char* to_string(AlphaMode mode);

// A decoded image shared by any number of materials (each is decoded once).
struct ModelImage {
  std::string source;  // the file it came from, or "<model>#embedded N"
  ImageRgba8 image;
};

struct TextureRef {
  std::uint32_t image = 0;  // index into ModelData::images
  bool srgb = false;        // true for colour (base colour, emissive), false for data
};

// glTF 2.0 metal-rough. OBJ/FBX materials are mapped onto it: diffuse colour and
// opacity become the base colour, metallic is 0, roughness comes from shininess.
struct MaterialData {
  std::string name;
  glm::vec4 base_color_factor{1.0f};
  float metallic_factor = 1.0f;
  float roughness_factor = 1.0f;
  glm::vec3 emissive_factor{0.0f};
  AlphaMode alpha_mode = AlphaMode::opaque;
  float alpha_cutoff = 0.5f;  // used when alpha_mode == mask
  bool double_sided = false;

  std::optional<TextureRef> base_color_texture;   // sRGB; multiplies base_color_factor
  std::optional<TextureRef> metal_rough_texture;  // linear; G = roughness, B = metallic
  std::optional<TextureRef> normal_texture;       // linear; tangent space
  std::optional<TextureRef> emissive_texture;     // sRGB; multiplies emissive_factor
};

// One placement of a mesh: a node of the source hierarchy that references it.
struct MeshInstance {
  std::uint32_t mesh = 0;  // index into ModelData::meshes
  glm::mat4 world{1.0f};   // object space -> model space
  std::string node_name;
};

struct ModelData {
  std::filesystem::path source;
  std::vector<MeshData> meshes;
  std::vector<MaterialData> materials;  // never empty when meshes is not empty
  std::vector<ModelImage> images;
  std::vector<MeshInstance> instances;
  Aabb bounds;  // model space: every instance's mesh bounds, transformed
  // The joints that skin the meshes or that the clips animate (empty for a
  // rigid model), and the file's animations, sampled onto those joints.
  anim::Skeleton skeleton;
  std::vector<anim::Clip> clips;
  // What the import could not honour but did not refuse the file for (a
  // texture on uv set 1, ...); each message starts with the file's path and is
  // also logged as a warning.
  std::vector<std::string> warnings;

  std::size_t total_vertices() const;
  std::size_t total_indices() const;
  // Triangles drawn when every instance is drawn once.
  std::size_t instanced_triangles() const;
};

}  // namespace kagami::asset
