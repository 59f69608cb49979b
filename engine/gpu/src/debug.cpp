#include "kagami/gpu/debug.h"

namespace kagami::gpu {

void DebugUtils::load(VkInstance instance, VkDevice dev) {
  device = dev;
  set_name_fn = reinterpret_cast<PFN_vkSetDebugUtilsObjectNameEXT>(
      vkGetInstanceProcAddr(instance, "vkSetDebugUtilsObjectNameEXT"));
  begin_label_fn = reinterpret_cast<PFN_vkCmdBeginDebugUtilsLabelEXT>(
      vkGetInstanceProcAddr(instance, "vkCmdBeginDebugUtilsLabelEXT"));
  end_label_fn = reinterpret_cast<PFN_vkCmdEndDebugUtilsLabelEXT>(
      vkGetInstanceProcAddr(instance, "vkCmdEndDebugUtilsLabelEXT"));
}

void DebugUtils::name(VkObjectType type, std::uint64_t handle, const char* text) const {
  if (!set_name_fn || !text || !*text || !handle) return;
  VkDebugUtilsObjectNameInfoEXT info{VK_STRUCTURE_TYPE_DEBUG_UTILS_OBJECT_NAME_INFO_EXT};
  info.objectType = type;
  info.objectHandle = handle;
  info.pObjectName = text;
  set_name_fn(device, &info);
}

void DebugUtils::begin_label(VkCommandBuffer cmd, const char* label, const float color[4]) const {
  if (!begin_label_fn) return;
  VkDebugUtilsLabelEXT info{VK_STRUCTURE_TYPE_DEBUG_UTILS_LABEL_EXT};
  info.pLabelName = label;
  if (color)
    for (int i = 0; i < 4; ++i) info.color[i] = color[i];
  begin_label_fn(cmd, &info);
}

void DebugUtils::end_label(VkCommandBuffer cmd) const {
  if (end_label_fn) end_label_fn(cmd);
}

}  // namespace kagami::gpu
