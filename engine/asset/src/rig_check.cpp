// check_rig: the skeleton, clips and skins of a ModelData agree.
#include <cmath>

#include "kagami/asset/model_import.h"

namespace kagami::asset {

Result<void> check_rig(const ModelData& model, std::string_view source_name) {
  if (auto r = anim::validate(model.skeleton, source_name); !r) return r;
  if (!model.clips.empty() && model.skeleton.empty())
    return make_error(source_name, ": has animation clips but no skeleton for them");
  for (const anim::Clip& clip : model.clips)
    if (auto r = anim::validate(clip, model.skeleton.size(), source_name); !r) return r;
  for (std::size_t m = 0; m < model.meshes.size(); ++m) {
    const MeshData& mesh = model.meshes[m];
    if (mesh.skin.empty()) continue;
    if (mesh.skin.size() != mesh.vertex_count())
      return make_error(source_name, ": mesh ", m, " has ", mesh.skin.size(), " skin entries for ", mesh.vertex_count(),
                        " vertices");
    for (std::size_t v = 0; v < mesh.skin.size(); ++v) {
      const anim::VertexSkin& s = mesh.skin[v];
      for (int k = 0; k < anim::kMaxInfluences; ++k) {
        if (!std::isfinite(s.weights[k]) || s.weights[k] < 0.0f)
          return make_error(source_name, ": mesh ", m, ", vertex ", v, " has an invalid skin weight");
        if (s.weights[k] > 0.0f && s.joints[k] >= model.skeleton.size())
          return make_error(source_name, ": mesh ", m, ", vertex ", v, " is skinned to joint ", s.joints[k],
                            ", which does not exist (", model.skeleton.size(), " joints)");
      }
    }
  }
  return {};
}

}  // namespace kagami::asset
