#include "kagami/anim/skin.h"

#include <algorithm>
#include <cmath>

namespace kagami::anim {

VertexSkin pack_influences(std::span<Influence> influences, std::uint32_t fallback_joint) {
  const auto usable = [](const Influence& i) { return std::isfinite(i.weight) && i.weight > 0.0f; };
  const auto end = std::partition(influences.begin(), influences.end(), usable);
  const std::size_t count = std::size_t(end - influences.begin());
  const std::size_t keep = std::min<std::size_t>(count, kMaxInfluences);
  std::partial_sort(influences.begin(), influences.begin() + std::ptrdiff_t(keep), end,
                    [](const Influence& a, const Influence& b) {
                      return a.weight != b.weight ? a.weight > b.weight : a.joint < b.joint;
                    });
  VertexSkin out;
  float total = 0.0f;
  for (std::size_t k = 0; k < keep; ++k) total += influences[k].weight;
  if (keep == 0 || !(total > 0.0f) || !std::isfinite(total)) {
    out.joints[0] = std::uint16_t(fallback_joint);
    out.weights[0] = 1.0f;
    return out;
  }
  for (std::size_t k = 0; k < keep; ++k) {
    out.joints[int(k)] = std::uint16_t(influences[k].joint);
    out.weights[int(k)] = influences[k].weight / total;
  }
  return out;
}

}  // namespace kagami::anim
