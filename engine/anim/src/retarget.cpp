#include "kagami/anim/retarget.h"

#include <algorithm>
#include <cmath>

#include "kagami/anim/pose.h"

namespace kagami::anim {
namespace {

struct JointPair {
  std::uint32_t source;
  std::uint32_t target;
};

// glTF's cubic-spline tangents are derivatives: a map x -> a*x + b sends a
// value to a*v + b but a tangent to a*m. The rotation transfer (a fixed
// quaternion times q) is linear, so both use the same matrix.
Channel map_channel(const Channel& in, std::uint32_t target_joint, const auto& map_value, const auto& map_tangent) {
  Channel out = in;
  out.joint = target_joint;
  const std::size_t per_key = in.values_per_key();
  for (std::size_t v = 0; v < in.values.size(); ++v) {
    const bool tangent = per_key == 3 && v % 3 != 1;
    out.values[v] = tangent ? map_tangent(in.values[v]) : map_value(in.values[v]);
  }
  return out;
}

bool descends_from_mapped(const Skeleton& s, std::uint32_t joint, const std::vector<bool>& mapped) {
  for (std::int32_t p = s.joints[joint].parent; p != kNoParent; p = s.joints[std::size_t(p)].parent)
    if (mapped[std::size_t(p)]) return true;
  return false;
}

}  // namespace

float hip_height(const Skeleton& skeleton) {
  if (skeleton.empty()) return 0.0f;
  std::vector<Transform> local(skeleton.size());
  std::vector<glm::mat4> model(skeleton.size());
  rest_pose(skeleton, local);
  local_to_model(skeleton, local, model);
  float lowest = model[0][3].y;
  for (const glm::mat4& m : model) lowest = std::min(lowest, m[3].y);
  return model[0][3].y - lowest;
}

Result<JointNameMap> match_joints_by_name(const Skeleton& source, const Skeleton& target) {
  JointNameMap map;
  for (const Joint& j : source.joints)
    if (target.find(j.name)) map.emplace_back(j.name, j.name);
  if (map.empty()) return make_error("the skeletons share no joint name");
  return map;
}

Result<Clip> retarget(const Clip& clip, const Skeleton& source, const Skeleton& target, const JointNameMap& map,
                      std::string_view source_name) {
  std::vector<std::int32_t> target_of(source.size(), -1);
  std::vector<bool> target_used(target.size(), false), mapped(source.size(), false);
  for (const auto& [from, to] : map) {
    const auto s = source.find(from);
    if (!s) return make_error(source_name, ": the joint map names source joint \"", from, "\", which the source skeleton lacks");
    const auto t = target.find(to);
    if (!t) return make_error(source_name, ": the joint map names target joint \"", to, "\", which the target skeleton lacks");
    if (target_used[*t]) return make_error(source_name, ": the joint map sends two joints to target joint \"", to, "\"");
    target_used[*t] = true;
    target_of[*s] = std::int32_t(*t);
    mapped[*s] = true;
  }
  const float src_height = hip_height(source), dst_height = hip_height(target);
  const float ratio = src_height > 1e-6f && dst_height > 1e-6f ? dst_height / src_height : 1.0f;

  Clip out;
  out.name = clip.name;
  out.duration = clip.duration;
  for (const Channel& c : clip.channels) {
    if (c.joint >= source.size() || target_of[c.joint] < 0) continue;
    const std::uint32_t dst = std::uint32_t(target_of[c.joint]);
    const Transform& src_rest = source.joints[c.joint].rest;
    const Transform& dst_rest = target.joints[dst].rest;
    switch (c.path) {
      case ChannelPath::rotation: {
        const glm::quat offset = dst_rest.rotation * glm::inverse(src_rest.rotation);
        const auto rotate = [&](const glm::vec4& q) { return xyzw_from_quat(offset * quat_from_xyzw(q)); };
        out.channels.push_back(map_channel(c, dst, rotate, rotate));
        break;
      }
      case ChannelPath::translation: {
        // Only the root travels; other joints keep the target's bone lengths.
        if (descends_from_mapped(source, c.joint, mapped)) break;
        const auto value = [&](const glm::vec4& v) {
          return glm::vec4(dst_rest.translation + (glm::vec3(v) - src_rest.translation) * ratio, 0.0f);
        };
        const auto tangent = [&](const glm::vec4& m) { return glm::vec4(glm::vec3(m) * ratio, 0.0f); };
        out.channels.push_back(map_channel(c, dst, value, tangent));
        break;
      }
      case ChannelPath::scale: {
        glm::vec3 factor(1.0f);  // a zero source rest scale has no ratio: copied as is
        for (int k = 0; k < 3; ++k)
          if (src_rest.scale[k] != 0.0f) factor[k] = dst_rest.scale[k] / src_rest.scale[k];
        const auto scale = [&](const glm::vec4& v) { return glm::vec4(glm::vec3(v) * factor, 0.0f); };
        out.channels.push_back(map_channel(c, dst, scale, scale));
        break;
      }
    }
  }
  if (auto r = validate(out, target.size(), source_name); !r) return r.error();
  return out;
}

}  // namespace kagami::anim
