#pragma once
// Always-on checks for Vulkan calls. Failures that can really happen at run
// time (out of memory, device lost, out of date) must never vanish in release
// builds, so these throw VulkanError with the call and the result's name; the
// app turns that into a one-line message and a non-zero exit status.
#include <stdexcept>
#include <string>

#include <vulkan/vulkan.h>

namespace kagami::gpu {

class VulkanError : public std::runtime_error {
 public:
  VulkanError(const std::string& what, VkResult result) : std::runtime_error(what), result_(result) {}
  VkResult result() const { return result_; }

 private:
  VkResult result_;
};

const char* to_string(VkResult result);
[[noreturn]] void throw_vulkan_error(VkResult result, const char* call, const char* file, int line);

}  // namespace kagami::gpu

#define KAGAMI_VK(call)                                                              \
  do {                                                                               \
    VkResult kagami_vk_result_ = (call);                                             \
    if (kagami_vk_result_ < 0)                                                       \
      ::kagami::gpu::throw_vulkan_error(kagami_vk_result_, #call, __FILE__, __LINE__); \
  } while (0)
