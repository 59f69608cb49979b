#pragma once
// Debug names and command labels (VK_EXT_debug_utils), so validation messages
// and RenderDoc captures name our objects and passes.
#include <cstdint>

#include <vulkan/vulkan.h>

namespace kagami::gpu {

struct DebugUtils {
  PFN_vkSetDebugUtilsObjectNameEXT set_name_fn = nullptr;
  PFN_vkCmdBeginDebugUtilsLabelEXT begin_label_fn = nullptr;
  PFN_vkCmdEndDebugUtilsLabelEXT end_label_fn = nullptr;
  VkDevice device = VK_NULL_HANDLE;

  void load(VkInstance instance, VkDevice device);
  void name(VkObjectType type, std::uint64_t handle, const char* name) const;
  template <typename T>
  void name(VkObjectType type, T handle, const char* text) const {
    name(type, reinterpret_cast<std::uint64_t>(handle), text);
  }
  void begin_label(VkCommandBuffer cmd, const char* label, const float color[4] = nullptr) const;
  void end_label(VkCommandBuffer cmd) const;
};

}  // namespace kagami::gpu
