// convert_rig: Assimp's bones, node hierarchy and animations -> our skeleton,
// per-vertex skin weights and clips.
//
// Which nodes become joints: every node a mesh bone names, every node an
// animation channel targets, and every ancestor of those up to the scene root
// (so parents are real joints and model-space transforms include every node
// transform above the skeleton). The scene root itself is left out when it
// has an identity transform and is neither a bone nor animated: it is
// Assimp's container node for glTF's scene, or the mesh node.
//
// Assimp 5.2 keeps only key values, not glTF's interpolation mode (cubic
// spline keys arrive as their values, step keys as plain keys), so imported
// channels are linear; the anim module samples all three for clips made here.
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include <assimp/anim.h>
#include <assimp/scene.h>

#include "assimp_bridge.h"

namespace kagami::asset::detail {
namespace {


struct NodeInfo {
  const aiNode* node;
  std::int32_t parent;  // index into the visit order, or -1
};

class RigBuilder {
 public:
  RigBuilder(const aiScene& scene, const ImportContext& ctx) : scene_(scene), ctx_(ctx) {}

  Result<void> build(ModelData& model, bool meshes_converted) {
    if (auto r = collect_nodes(*scene_.mRootNode, -1, 0); !r) return r;
    if (auto r = collect_wanted(); !r) return r;
    if (wanted_.empty()) return {};
    select_joints(model.skeleton);
    if (auto r = anim::validate(model.skeleton, ctx_.name); !r) return r;
    if (meshes_converted)
      for (unsigned m = 0; m < scene_.mNumMeshes; ++m)
        if (auto r = convert_skin(*scene_.mMeshes[m], m, model.meshes[m]); !r) return r;
    for (unsigned a = 0; a < scene_.mNumAnimations; ++a) {
      auto clip = convert_clip(a);
      if (!clip) return clip.error();
      model.clips.push_back(std::move(*clip));
    }
    return {};
  }

 private:
  Result<void> collect_nodes(const aiNode& node, std::int32_t parent, int depth) {
    if (depth > ctx_.limits.max_node_depth)
      return make_error(ctx_.name, ": node \"", node.mName.C_Str(), "\" is nested deeper than the limit of ",
                        ctx_.limits.max_node_depth, " levels");
    if (nodes_.size() >= anim::kMaxJoints * 4)
      return make_error(ctx_.name, ": the node hierarchy is too large for a skeleton");
    const std::int32_t index = std::int32_t(nodes_.size());
    nodes_.push_back({&node, parent});
    // The first node of a name wins; glTF joints have unique names in practice,
    // and a duplicate among the joints is refused by validate().
    by_name_.emplace(node.mName.C_Str(), index);
    if (node.mNumChildren > 0 && !node.mChildren)
      return make_error(ctx_.name, ": node \"", node.mName.C_Str(), "\" has a broken child list");
    for (unsigned c = 0; c < node.mNumChildren; ++c) {
      if (!node.mChildren[c]) return make_error(ctx_.name, ": node \"", node.mName.C_Str(), "\" has a missing child");
      if (auto r = collect_nodes(*node.mChildren[c], index, depth + 1); !r) return r;
    }
    return {};
  }

  Result<void> want(const aiString& name, const char* what) {
    const auto it = by_name_.find(name.C_Str());
    if (it == by_name_.end())
      return make_error(ctx_.name, ": ", what, " \"", name.C_Str(), "\" names no node of the scene");
    wanted_.insert(it->second);
    return {};
  }

  Result<void> collect_wanted() {
    for (unsigned m = 0; m < scene_.mNumMeshes; ++m) {
      const aiMesh& mesh = *scene_.mMeshes[m];
      if (mesh.mNumBones > 0 && !mesh.mBones) return make_error(ctx_.name, ": mesh ", m, " has a broken bone list");
      for (unsigned b = 0; b < mesh.mNumBones; ++b) {
        if (!mesh.mBones[b]) return make_error(ctx_.name, ": mesh ", m, " has a missing bone");
        if (auto r = want(mesh.mBones[b]->mName, "bone"); !r) return r;
        bind_.emplace(mesh.mBones[b]->mName.C_Str(), to_glm(mesh.mBones[b]->mOffsetMatrix));
      }
    }
    if (scene_.mNumAnimations > 0 && !scene_.mAnimations) return make_error(ctx_.name, ": broken animation list");
    for (unsigned a = 0; a < scene_.mNumAnimations; ++a) {
      const aiAnimation* anim = scene_.mAnimations[a];
      if (!anim || (anim->mNumChannels > 0 && !anim->mChannels))
        return make_error(ctx_.name, ": animation ", a, " is damaged");
      for (unsigned c = 0; c < anim->mNumChannels; ++c) {
        if (!anim->mChannels[c]) return make_error(ctx_.name, ": animation ", a, " has a missing channel");
        if (auto r = want(anim->mChannels[c]->mNodeName, "animation channel for node"); !r) return r;
      }
    }
    return {};
  }

  void select_joints(anim::Skeleton& skeleton) {
    std::vector<bool> chosen(nodes_.size(), false);
    for (const std::int32_t index : wanted_)
      for (std::int32_t n = index; n >= 0 && !chosen[std::size_t(n)]; n = nodes_[std::size_t(n)].parent)
        chosen[std::size_t(n)] = true;
    if (!wanted_.count(0) && nodes_[0].node->mTransformation.IsIdentity()) chosen[0] = false;
    // nodes_ is in depth-first pre-order, so parents come first here too.
    joint_of_node_.assign(nodes_.size(), -1);
    std::vector<glm::mat4> model_rest;
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
      if (!chosen[n]) continue;
      const aiNode& node = *nodes_[n].node;
      anim::Joint joint;
      joint.name = node.mName.C_Str();
      if (joint.name.empty()) joint.name = cat("node ", n);  // an unnamed ancestor still needs a unique name
      const std::int32_t p = nodes_[n].parent;
      joint.parent = p >= 0 ? joint_of_node_[std::size_t(p)] : anim::kNoParent;
      aiVector3D scale, position;
      aiQuaternion rotation;
      node.mTransformation.Decompose(scale, rotation, position);
      joint.rest.translation = glm::vec3(position.x, position.y, position.z);
      joint.rest.rotation = glm::normalize(glm::quat(rotation.w, rotation.x, rotation.y, rotation.z));
      joint.rest.scale = glm::vec3(scale.x, scale.y, scale.z);
      const glm::mat4 local = to_glm(node.mTransformation);
      model_rest.push_back(joint.parent >= 0 ? model_rest[std::size_t(joint.parent)] * local : local);
      // A joint no mesh binds to gets the inverse of its rest placement, so its
      // skinning matrix is the identity in the rest pose.
      const auto bind = bind_.find(joint.name);
      joint.inverse_bind = bind != bind_.end() ? bind->second : glm::inverse(model_rest.back());
      joint_of_node_[n] = std::int32_t(skeleton.joints.size());
      skeleton.joints.push_back(std::move(joint));
    }
  }

  std::int32_t joint_named(const char* name) const {
    const auto it = by_name_.find(name);
    return it == by_name_.end() ? -1 : joint_of_node_[std::size_t(it->second)];
  }

  Result<void> convert_skin(const aiMesh& in, unsigned index, MeshData& out) {
    if (in.mNumBones == 0) return {};
    std::vector<std::vector<anim::Influence>> per_vertex(in.mNumVertices);
    for (unsigned b = 0; b < in.mNumBones; ++b) {
      const aiBone& bone = *in.mBones[b];
      const std::int32_t joint = joint_named(bone.mName.C_Str());
      if (bone.mNumWeights > 0 && !bone.mWeights)
        return make_error(ctx_.name, ": mesh ", index, ", bone \"", bone.mName.C_Str(), "\" has a broken weight list");
      for (unsigned w = 0; w < bone.mNumWeights; ++w) {
        const aiVertexWeight& vw = bone.mWeights[w];
        if (vw.mVertexId >= in.mNumVertices)
          return make_error(ctx_.name, ": mesh ", index, ", bone \"", bone.mName.C_Str(), "\" weights vertex ",
                            vw.mVertexId, ", which does not exist (", in.mNumVertices, " vertices)");
        per_vertex[vw.mVertexId].push_back({std::uint32_t(joint), vw.mWeight});
      }
    }
    out.skin.resize(in.mNumVertices);
    std::size_t unweighted = 0;
    for (std::size_t v = 0; v < per_vertex.size(); ++v) {
      if (per_vertex[v].empty()) ++unweighted;
      out.skin[v] = anim::pack_influences(per_vertex[v], 0);
    }
    if (unweighted > 0)
      ctx_.warnings.push_back(cat(ctx_.name, ": mesh ", index, ": ", unweighted,
                                  " vertices have no skin weight and follow the root joint"));
    return {};
  }

  // Assimp keys -> a channel; keys at the same or an earlier time than the
  // previous one are dropped (and counted), since sampling needs increasing times.
  template <typename Key, typename ToValue>
  void add_channel(anim::Clip& clip, std::uint32_t joint, anim::ChannelPath path, const Key* keys, unsigned count,
                   double ticks_per_second, const ToValue& to_value, std::size_t& dropped) {
    if (count == 0 || !keys) return;
    anim::Channel c{joint, path, anim::Interpolation::linear, {}, {}};
    c.times.reserve(count);
    c.values.reserve(count);
    for (unsigned k = 0; k < count; ++k) {
      const float t = float(keys[k].mTime / ticks_per_second);
      if (!c.times.empty() && !(t > c.times.back())) {
        ++dropped;
        continue;
      }
      c.times.push_back(t);
      c.values.push_back(to_value(keys[k].mValue));
    }
    clip.duration = std::max(clip.duration, c.times.back());
    clip.channels.push_back(std::move(c));
  }

  Result<anim::Clip> convert_clip(unsigned a) {
    const aiAnimation& in = *scene_.mAnimations[a];
    anim::Clip clip;
    clip.name = in.mName.length ? in.mName.C_Str() : cat("clip ", a);
    // Assimp's convention: 0 ticks per second means "unspecified", 25 then.
    const double tps = in.mTicksPerSecond > 0.0 ? in.mTicksPerSecond : 25.0;
    const double duration = in.mDuration / tps;
    if (!std::isfinite(duration) || duration < 0.0 || duration > 1e6)
      return make_error(ctx_.name, ": animation \"", clip.name, "\" has an invalid duration");
    clip.duration = float(duration);
    std::size_t keys = 0, dropped = 0;
    for (unsigned c = 0; c < in.mNumChannels; ++c) {
      const aiNodeAnim& ch = *in.mChannels[c];
      keys += std::size_t(ch.mNumPositionKeys) + ch.mNumRotationKeys + ch.mNumScalingKeys;
      if (keys > ctx_.limits.max_animation_keys)
        return make_error(ctx_.name, ": animation \"", clip.name, "\" has more than ", ctx_.limits.max_animation_keys,
                          " keys (the limit)");
      const std::int32_t joint = joint_named(ch.mNodeName.C_Str());
      const auto vec = [](const aiVector3D& v) { return glm::vec4(v.x, v.y, v.z, 0.0f); };
      const auto quat = [](const aiQuaternion& q) { return glm::vec4(q.x, q.y, q.z, q.w); };
      add_channel(clip, std::uint32_t(joint), anim::ChannelPath::translation, ch.mPositionKeys, ch.mNumPositionKeys,
                  tps, vec, dropped);
      add_channel(clip, std::uint32_t(joint), anim::ChannelPath::rotation, ch.mRotationKeys, ch.mNumRotationKeys, tps,
                  quat, dropped);
      add_channel(clip, std::uint32_t(joint), anim::ChannelPath::scale, ch.mScalingKeys, ch.mNumScalingKeys, tps, vec,
                  dropped);
    }
    if (dropped > 0)
      ctx_.warnings.push_back(cat(ctx_.name, ": animation \"", clip.name, "\": dropped ", dropped,
                                  " keys whose time did not increase"));
    return clip;
  }

  const aiScene& scene_;
  const ImportContext& ctx_;
  std::vector<NodeInfo> nodes_;
  std::unordered_map<std::string, std::int32_t> by_name_;
  std::unordered_set<std::int32_t> wanted_;
  std::unordered_map<std::string, glm::mat4> bind_;
  std::vector<std::int32_t> joint_of_node_;
};

}  // namespace

Result<void> convert_rig(const aiScene& scene, const ImportContext& ctx, ModelData& model, bool meshes_converted) {
  RigBuilder builder(scene, ctx);
  return builder.build(model, meshes_converted);
}

}  // namespace kagami::asset::detail
