#include "kagami/asset/model_pose.h"

#include <vector>

#include "kagami/anim/pose.h"
#include "kagami/core/frustum.h"
#include "kagami/core/strings.h"

namespace kagami::asset {

Result<ModelData> pose_model(const ModelData& model, std::span<const glm::mat4> skinning) {
  if (skinning.size() != model.skeleton.size())
    return make_error(model.source.string(), ": ", skinning.size(), " skinning matrices for a skeleton of ",
                      model.skeleton.size(), " joints");
  ModelData posed = model;
  posed.bounds = Aabb{};
  for (MeshData& mesh : posed.meshes) {
    if (!mesh.skin.empty()) {
      for (std::size_t v = 0; v < mesh.vertex_count(); ++v) {
        const anim::VertexSkin& s = mesh.skin[v];
        glm::mat4 m(0.0f);
        for (int k = 0; k < anim::kMaxInfluences; ++k)
          if (s.weights[k] > 0.0f) m += s.weights[k] * skinning[s.joints[k]];
        mesh.positions[v] = glm::vec3(m * glm::vec4(mesh.positions[v], 1.0f));
        const glm::vec3 n = glm::vec3(m * glm::vec4(mesh.normals[v], 0.0f));
        const float len = glm::length(n);
        mesh.normals[v] = len > 1e-12f ? n / len : mesh.normals[v];
        if (!mesh.tangents.empty()) {
          const glm::vec3 t = glm::vec3(m * glm::vec4(glm::vec3(mesh.tangents[v]), 0.0f));
          const float tl = glm::length(t);
          if (tl > 1e-12f) mesh.tangents[v] = glm::vec4(t / tl, mesh.tangents[v].w);
        }
      }
      mesh.skin.clear();
    }
    mesh.bounds = Aabb{};
    for (const glm::vec3& p : mesh.positions) mesh.bounds.extend(p);
  }
  for (const MeshInstance& instance : posed.instances) {
    const Aabb b = transform_aabb(posed.meshes[instance.mesh].bounds, instance.world);
    posed.bounds.extend(b.min);
    posed.bounds.extend(b.max);
  }
  return posed;
}

Result<ModelData> pose_model(const ModelData& model, const anim::Skeleton& clip_skeleton, const anim::Clip& clip,
                             float t) {
  if (clip_skeleton.size() != model.skeleton.size())
    return make_error(model.source.string(), ": clip \"", clip.name, "\" is for a skeleton of ", clip_skeleton.size(),
                      " joints, the model has ", model.skeleton.size());
  for (std::size_t j = 0; j < clip_skeleton.size(); ++j)
    if (clip_skeleton.joints[j].name != model.skeleton.joints[j].name)
      return make_error(model.source.string(), ": joint ", j, " is \"", model.skeleton.joints[j].name,
                        "\", clip \"", clip.name, "\" expects \"", clip_skeleton.joints[j].name, "\"");
  const std::size_t n = model.skeleton.size();
  std::vector<anim::Transform> local(n);
  std::vector<glm::mat4> world(n), skin(n);
  anim::sample_pose(model.skeleton, clip, t, anim::Wrap::loop, local);
  anim::local_to_model(model.skeleton, local, world);
  anim::skinning_matrices(model.skeleton, world, skin);
  return pose_model(model, skin);
}

}  // namespace kagami::asset
