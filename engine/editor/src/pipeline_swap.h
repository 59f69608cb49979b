#pragma once
// Shader hot reload: a rebuilt pipeline takes the place of the old one, which
// is destroyed once the frames that may still use it have retired.
#include "kagami/gpu/device.h"

namespace kagami::editor {

inline void replace_pipeline(gpu::Device& device, VkPipeline& current, VkPipeline replacement) {
  if (current) {
    VkDevice vk = device.vk();
    VkPipeline old = current;
    device.retire([vk, old] { vkDestroyPipeline(vk, old, nullptr); });
  }
  current = replacement;
}

}  // namespace kagami::editor
