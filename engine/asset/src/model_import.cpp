// import_model: Assimp scene -> ModelData (meshes, node instances, bounds), with
// our own file checks before Assimp sees the file and check_model after.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <exception>
#include <memory>
#include <new>

#include <assimp/BaseImporter.h>
#include <assimp/Importer.hpp>
#include <assimp/config.h>
#include <assimp/importerdesc.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "assimp_bridge.h"
#include "kagami/asset/animation_import.h"
#include "kagami/asset/model_import.h"
#include "kagami/core/log.h"

namespace kagami::asset {
namespace fs = std::filesystem;

namespace {

constexpr std::array<const char*, 4> kExtensions = {".gltf", ".glb", ".obj", ".fbx"};
constexpr std::array<const char*, 4> kAnimationExtensions = {".bvh", ".gltf", ".glb", ".fbx"};
// Assimp's own names for the importers we allow; every other importer is
// unregistered so that its signature-based fallback can never pick up a file.
// BVH only for import_animation: it holds no meshes.
constexpr std::array<std::string_view, 4> kImporters = {"glTF2 Importer", "Wavefront Object Importer",
                                                        "Autodesk FBX Importer", "BVH Importer (MoCap)"};
constexpr std::string_view kAnimationOnlyImporter = "BVH Importer (MoCap)";
// Visiting more nodes than this means a hostile hierarchy, whatever the instance count.
constexpr std::size_t kMaxNodeVisits = 1u << 22;

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::unique_ptr<Assimp::Importer> make_restricted_importer(bool animation_only) {
  auto importer = std::make_unique<Assimp::Importer>();
  std::vector<Assimp::BaseImporter*> unwanted;
  for (std::size_t i = 0; i < importer->GetImporterCount(); ++i) {
    const aiImporterDesc* desc = importer->GetImporterInfo(i);
    const std::string_view name = desc && desc->mName ? desc->mName : "";
    const bool wanted = std::find(kImporters.begin(), kImporters.end(), name) != kImporters.end() &&
                        (animation_only || name != kAnimationOnlyImporter);
    if (!wanted) unwanted.push_back(importer->GetImporter(i));
  }
  // UnregisterLoader hands ownership back to us (the Importer only deletes what it still holds).
  for (Assimp::BaseImporter* loader : unwanted) {
    if (importer->UnregisterLoader(loader) == AI_SUCCESS) delete loader;
  }
  return importer;
}

std::string mesh_label(unsigned index, const aiMesh& mesh) {
  return mesh.mName.length ? cat("mesh ", index, " \"", mesh.mName.C_Str(), "\"") : cat("mesh ", index);
}

// Unit vector in the direction of v, computed without overflow or underflow
// (a file may hold 1e38 or 1e-30 components). Zero gives `fallback`; a
// non-finite vector is returned unchanged so check_model reports it.
glm::vec3 unit_or(const glm::vec3& v, const glm::vec3& fallback) {
  const float m = std::max({std::abs(v.x), std::abs(v.y), std::abs(v.z)});
  if (!std::isfinite(m)) return v;
  if (m == 0.0f) return fallback;
  const glm::vec3 scaled = v / m;  // largest component is now +-1
  return scaled / glm::length(scaled);
}

// A tangent for vertices where the source gives none or a broken one: any unit
// vector perpendicular to the (unit) normal.
glm::vec3 any_perpendicular(const glm::vec3& n) {
  glm::vec3 axis = std::abs(n.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
  return glm::normalize(glm::cross(n, axis));
}

Result<MeshData> convert_mesh(const aiMesh& in, unsigned index, const detail::ImportContext& ctx) {
  const std::string label = mesh_label(index, in);
  if (!in.mVertices || in.mNumVertices == 0) return make_error(ctx.name, ": ", label, ": has no vertices");
  if (!in.mFaces || in.mNumFaces == 0) return make_error(ctx.name, ": ", label, ": has no faces");

  // Triangles only: the renderer draws triangle lists. Assimp has already split
  // polygons; what is left over is points or lines, which we do not draw.
  std::size_t points = 0, lines = 0, polygons = 0;
  for (unsigned f = 0; f < in.mNumFaces; ++f) {
    const unsigned n = in.mFaces[f].mNumIndices;
    if (n == 3 && in.mFaces[f].mIndices) continue;
    if (n == 1) ++points;
    else if (n == 2) ++lines;
    else ++polygons;
  }
  if (points + lines + polygons > 0)
    return make_error(ctx.name, ": ", label, ": has ", points, " point, ", lines, " line and ", polygons,
                      " other non-triangle primitives; only triangles are supported");

  const std::size_t n = in.mNumVertices;
  MeshData out;
  out.name = in.mName.C_Str();
  out.material = in.mMaterialIndex;
  out.positions.resize(n);
  out.normals.resize(n);
  out.uv0.resize(n, glm::vec2(0.0f));
  out.indices.reserve(std::size_t(in.mNumFaces) * 3);
  for (std::size_t v = 0; v < n; ++v) {
    const aiVector3D& p = in.mVertices[v];
    out.positions[v] = glm::vec3(p.x, p.y, p.z);
    out.bounds.extend(out.positions[v]);
  }
  if (!in.mNormals) return make_error(ctx.name, ": ", label, ": has no normals and none could be generated");
  for (std::size_t v = 0; v < n; ++v) {
    // A zero normal (a vertex used only by degenerate triangles) gets an arbitrary one.
    out.normals[v] = unit_or(glm::vec3(in.mNormals[v].x, in.mNormals[v].y, in.mNormals[v].z), glm::vec3(0, 1, 0));
  }
  if (in.mTextureCoords[0]) {
    out.has_uv0 = true;
    for (std::size_t v = 0; v < n; ++v) out.uv0[v] = glm::vec2(in.mTextureCoords[0][v].x, in.mTextureCoords[0][v].y);
  }
  if (out.has_uv0 && in.mTangents && in.mBitangents) {
    out.tangents.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
      const glm::vec3& nv = out.normals[v];
      if (!std::isfinite(nv.x + nv.y + nv.z)) continue;  // check_model refuses the normal
      // Gram-Schmidt against the normal. Assimp leaves NaN where uvs are
      // degenerate; those vertices get an arbitrary perpendicular tangent.
      glm::vec3 t = unit_or(glm::vec3(in.mTangents[v].x, in.mTangents[v].y, in.mTangents[v].z), glm::vec3(0.0f));
      glm::vec3 b = unit_or(glm::vec3(in.mBitangents[v].x, in.mBitangents[v].y, in.mBitangents[v].z), glm::vec3(0.0f));
      t = t - nv * glm::dot(nv, t);
      const float len = glm::length(t);
      t = std::isfinite(len) && len > 1e-4f ? t / len : any_perpendicular(nv);
      const float handedness = glm::dot(glm::cross(nv, t), b);
      out.tangents[v] = glm::vec4(t, std::isfinite(handedness) && handedness < 0.0f ? -1.0f : 1.0f);
    }
  }
  for (unsigned f = 0; f < in.mNumFaces; ++f) {
    const aiFace& face = in.mFaces[f];
    out.indices.insert(out.indices.end(), face.mIndices, face.mIndices + 3);
  }
  return out;
}

class NodeFlattener {
 public:
  NodeFlattener(const detail::ImportContext& ctx, ModelData& model) : ctx_(ctx), model_(model) {}

  Result<void> visit(const aiNode& node, const glm::mat4& parent, int depth) {
    const char* name = node.mName.C_Str();
    if (depth > ctx_.limits.max_node_depth)
      return make_error(ctx_.name, ": node \"", name, "\" is nested deeper than the limit of ",
                        ctx_.limits.max_node_depth, " levels");
    if (++visits_ > kMaxNodeVisits)
      return make_error(ctx_.name, ": the node hierarchy has more than ", kMaxNodeVisits, " nodes");
    const glm::mat4 world = parent * detail::to_glm(node.mTransformation);
    if (node.mNumMeshes > 0 && !node.mMeshes) return make_error(ctx_.name, ": node \"", name, "\" has a broken mesh list");
    for (unsigned i = 0; i < node.mNumMeshes; ++i) {
      const unsigned mesh = node.mMeshes[i];
      if (mesh >= model_.meshes.size())
        return make_error(ctx_.name, ": node \"", name, "\" refers to mesh ", mesh, ", which does not exist (the model has ",
                          model_.meshes.size(), ")");
      if (model_.instances.size() >= ctx_.limits.max_instances)
        return make_error(ctx_.name, ": places meshes more than ", ctx_.limits.max_instances, " times (the limit)");
      model_.instances.push_back(MeshInstance{mesh, world, name});
    }
    if (node.mNumChildren > 0 && !node.mChildren)
      return make_error(ctx_.name, ": node \"", name, "\" has a broken child list");
    for (unsigned c = 0; c < node.mNumChildren; ++c) {
      if (!node.mChildren[c]) return make_error(ctx_.name, ": node \"", name, "\" has a missing child");
      if (auto r = visit(*node.mChildren[c], world, depth + 1); !r) return r;
    }
    return {};
  }

 private:
  const detail::ImportContext& ctx_;
  ModelData& model_;
  std::size_t visits_ = 0;
};

Aabb transformed_bounds(const Aabb& local, const glm::mat4& m) {
  Aabb out;
  for (int corner = 0; corner < 8; ++corner) {
    glm::vec3 p((corner & 1) ? local.max.x : local.min.x, (corner & 2) ? local.max.y : local.min.y,
                (corner & 4) ? local.max.z : local.min.z);
    out.extend(glm::vec3(m * glm::vec4(p, 1.0f)));
  }
  return out;
}

// Checks the file itself before Assimp opens it: Assimp's own messages for a
// missing file, a folder or an empty file are vague or misleading.
Result<void> check_source_file(const detail::ImportContext& ctx) {
  const std::string ext = lower_extension(ctx.path);
  if (!ctx.animation_only && !is_supported_model_extension(ctx.path))
    return make_error(ctx.name, ": unsupported model format \"", ext.empty() ? "(no extension)" : ext,
                      "\" (supported: .gltf, .glb, .obj, .fbx)");
  if (ctx.animation_only && !is_supported_animation_extension(ctx.path))
    return make_error(ctx.name, ": unsupported animation format \"", ext.empty() ? "(no extension)" : ext,
                      "\" (supported: .bvh, .gltf, .glb, .fbx)");
  std::error_code ec;
  const fs::file_status status = fs::status(ctx.path, ec);
  if (!fs::exists(status)) return make_error(ctx.name, ": file not found");
  if (fs::is_directory(status)) return make_error(ctx.name, ": is a folder, not a file");
  if (!fs::is_regular_file(status)) return make_error(ctx.name, ": is not a regular file");
  const std::uintmax_t size = fs::file_size(ctx.path, ec);
  if (ec) return make_error(ctx.name, ": cannot read its size (", ec.message(), ")");
  if (size == 0) return make_error(ctx.name, ": file is empty");
  if (size > ctx.limits.max_file_bytes)
    return make_error(ctx.name, ": file is ", size, " bytes, over the limit of ", ctx.limits.max_file_bytes);
  return {};
}

Result<ModelData> import_checked(const detail::ImportContext& ctx) {
  std::unique_ptr<Assimp::Importer> importer = make_restricted_importer(ctx.animation_only);
  auto* io = new detail::LimitedIOSystem(ctx.limits.max_file_bytes);
  importer->SetIOHandler(io);  // the importer owns it from here
  // Pivots become plain transforms instead of chains of helper nodes.
  importer->SetPropertyBool(AI_CONFIG_IMPORT_FBX_PRESERVE_PIVOTS, false);
  // No stick-figure meshes for bones: the skeleton comes through convert_rig.
  importer->SetPropertyBool(AI_CONFIG_IMPORT_NO_SKELETON_MESHES, true);

  // Assimp's validation refuses a scene without meshes, which is what a motion
  // file is; convert_rig checks every pointer and count it uses instead.
  const unsigned flags = ctx.animation_only
                             ? 0u
                             : aiProcess_ValidateDataStructure | aiProcess_Triangulate | aiProcess_GenSmoothNormals |
                                   aiProcess_JoinIdenticalVertices | aiProcess_CalcTangentSpace | aiProcess_FlipUVs;
  const aiScene* scene = importer->ReadFile(ctx.path.string(), flags);
  if (!io->refusals().empty()) return make_error(ctx.name, ": ", io->refusals().front());
  if (!scene) {
    std::string why = importer->GetErrorString();
    return make_error(ctx.name, ": import failed: ", why.empty() ? "unknown reason" : why);
  }
  // A motion-capture scene has no meshes, which Assimp marks as incomplete.
  if ((scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) && !ctx.animation_only)
    return make_error(ctx.name, ": import failed: the scene is incomplete");
  if (!scene->mRootNode) return make_error(ctx.name, ": import failed: the scene has no root node");
  if (ctx.animation_only) {
    ModelData model;
    model.source = ctx.path;
    if (auto r = detail::convert_rig(*scene, ctx, model, false); !r) return r.error();
    if (model.skeleton.empty()) return make_error(ctx.name, ": contains no skeleton and no animation");
    if (auto r = check_rig(model, ctx.name); !r) return r.error();
    return model;
  }
  if (scene->mNumMeshes == 0 || !scene->mMeshes) return make_error(ctx.name, ": contains no meshes");

  // Limits on what Assimp produced, before any of it is copied.
  if (scene->mNumMeshes > ctx.limits.max_meshes)
    return make_error(ctx.name, ": has ", scene->mNumMeshes, " meshes, over the limit of ", ctx.limits.max_meshes);
  std::size_t vertices = 0, indices = 0;
  for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
    if (!scene->mMeshes[m]) return make_error(ctx.name, ": mesh ", m, " is missing");
    vertices += scene->mMeshes[m]->mNumVertices;
    indices += std::size_t(scene->mMeshes[m]->mNumFaces) * 3;
  }
  if (vertices > ctx.limits.max_vertices)
    return make_error(ctx.name, ": has ", vertices, " vertices, over the limit of ", ctx.limits.max_vertices);
  if (indices > ctx.limits.max_indices)
    return make_error(ctx.name, ": has ", indices, " indices, over the limit of ", ctx.limits.max_indices);

  ModelData model;
  model.source = ctx.path;
  model.meshes.reserve(scene->mNumMeshes);
  for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
    auto mesh = convert_mesh(*scene->mMeshes[m], m, ctx);
    if (!mesh) return mesh.error();
    model.meshes.push_back(std::move(*mesh));
  }

  NodeFlattener flattener(ctx, model);
  if (auto r = flattener.visit(*scene->mRootNode, glm::mat4(1.0f), 0); !r) return r.error();

  if (auto r = detail::convert_materials(*scene, ctx, model); !r) return r.error();
  if (auto r = detail::convert_rig(*scene, ctx, model, true); !r) return r.error();
  if (auto r = check_model(model, ctx.limits, ctx.name); !r) return r.error();

  for (const MeshInstance& inst : model.instances) {
    const Aabb b = transformed_bounds(model.meshes[inst.mesh].bounds, inst.world);
    model.bounds.extend(b.min);
    model.bounds.extend(b.max);
  }
  if (!model.bounds.valid() || !std::isfinite(model.bounds.min.x + model.bounds.min.y + model.bounds.min.z +
                                              model.bounds.max.x + model.bounds.max.y + model.bounds.max.z))
    return make_error(ctx.name, ": the model's bounds are not finite");
  return model;
}

}  // namespace

bool is_supported_model_extension(const fs::path& path) {
  const std::string ext = lower_extension(path);
  return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

bool is_supported_animation_extension(const fs::path& path) {
  const std::string ext = lower_extension(path);
  return std::find(kAnimationExtensions.begin(), kAnimationExtensions.end(), ext) != kAnimationExtensions.end();
}

namespace detail {

Result<ModelData> import_in_process(const ImportContext& ctx) {
  // Assimp catches its own exceptions; this is for ours (allocation failure in
  // the conversion) so a hostile file never takes the process down.
  try {
    auto model = import_checked(ctx);
    if (model) model->warnings = ctx.warnings;
    return model;
  } catch (const std::bad_alloc&) {
    return make_error(ctx.name, ": out of memory while importing");
  } catch (const std::exception& e) {
    return make_error(ctx.name, ": import failed: ", e.what());
  }
}

}  // namespace detail

Result<ModelData> import_model(const fs::path& path, const ImportLimits& limits) {
  detail::ImportContext ctx{path, path.string(), limits, false, {}};
  if (auto r = check_source_file(ctx); !r) return r.error();
  auto model = limits.isolate ? detail::import_in_child_process(ctx) : detail::import_in_process(ctx);
  if (model)
    for (const std::string& warning : model->warnings) log::warn(warning);
  return model;
}

Result<AnimationData> import_animation(const fs::path& path, const ImportLimits& limits) {
  detail::ImportContext ctx{path, path.string(), limits, true, {}};
  if (auto r = check_source_file(ctx); !r) return r.error();
  auto model = limits.isolate ? detail::import_in_child_process(ctx) : detail::import_in_process(ctx);
  if (!model) return model.error();
  for (const std::string& warning : model->warnings) log::warn(warning);
  return AnimationData{path, std::move(model->skeleton), std::move(model->clips), std::move(model->warnings)};
}

}  // namespace kagami::asset
