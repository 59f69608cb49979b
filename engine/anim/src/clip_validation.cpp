#include <cmath>

#include "kagami/anim/clip.h"

namespace kagami::anim {

Result<void> validate(const Clip& clip, std::size_t joint_count, std::string_view source) {
  const std::string label = clip.name.empty() ? std::string("clip") : cat("clip \"", clip.name, "\"");
  if (!std::isfinite(clip.duration) || clip.duration < 0.0f)
    return make_error(source, ": ", label, " has an invalid duration ", clip.duration);
  for (std::size_t i = 0; i < clip.channels.size(); ++i) {
    const Channel& c = clip.channels[i];
    const std::string where = cat(source, ": ", label, ", channel ", i, " (", to_string(c.path), " of joint ", c.joint, ")");
    if (c.joint >= joint_count) return make_error(where, ": the joint does not exist (", joint_count, " joints)");
    if (std::size_t(c.interpolation) > std::size_t(Interpolation::cubic_spline) ||
        std::size_t(c.path) > std::size_t(ChannelPath::scale))
      return make_error(where, ": unknown interpolation or path");
    if (c.times.empty()) return make_error(where, ": has no keys");
    if (c.values.size() != c.times.size() * c.values_per_key())
      return make_error(where, ": has ", c.values.size(), " values for ", c.times.size(), " ", to_string(c.interpolation),
                        " keys (expected ", c.times.size() * c.values_per_key(), ")");
    for (std::size_t k = 0; k < c.times.size(); ++k) {
      if (!std::isfinite(c.times[k])) return make_error(where, ": key ", k, " has a time that is not finite");
      if (k > 0 && !(c.times[k] > c.times[k - 1]))
        return make_error(where, ": key times are not strictly increasing at key ", k, " (", c.times[k - 1], " then ",
                          c.times[k], ")");
    }
    if (c.times.back() > clip.duration + 1e-4f)
      return make_error(where, ": its last key at ", c.times.back(), " s lies past the clip's duration ", clip.duration, " s");
    for (std::size_t v = 0; v < c.values.size(); ++v) {
      const glm::vec4& x = c.values[v];
      if (!std::isfinite(x.x) || !std::isfinite(x.y) || !std::isfinite(x.z) || !std::isfinite(x.w))
        return make_error(where, ": value ", v, " is not finite");
    }
    // A zero quaternion has no rotation to normalise to.
    if (c.path == ChannelPath::rotation)
      for (std::size_t k = 0; k < c.times.size(); ++k) {
        if (glm::dot(c.key_value(k), c.key_value(k)) < 1e-8f)
          return make_error(where, ": key ", k, " holds a zero-length rotation");
      }
  }
  return {};
}

}  // namespace kagami::anim
