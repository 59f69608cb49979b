#pragma once
// Instance, physical-device choice, logical device and its one queue.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

#include "kagami/core/result.h"
#include "kagami/gpu/validation.h"

namespace kagami::gpu {

struct ContextOptions {
  std::string app_name = "kagami";
  bool validation = false;       // Khronos validation + synchronization validation + debug messenger
  std::string device;            // "" = best; a decimal index, or a substring of the device name
  std::vector<const char*> instance_extensions;  // e.g. what GLFW needs for a surface
  bool want_swapchain = false;   // enable VK_KHR_swapchain on the device
};

struct PhysicalDeviceInfo {
  std::uint32_t index = 0;
  std::string name;
  VkPhysicalDeviceType type = VK_PHYSICAL_DEVICE_TYPE_OTHER;
  std::uint32_t api_version = 0;
};

// Ranking used when no device is named: discrete > integrated > virtual > CPU > other.
int device_type_rank(VkPhysicalDeviceType type);
// Picks from `devices` by the user's selector (index or name substring) or by rank.
Result<std::uint32_t> choose_device(const std::vector<PhysicalDeviceInfo>& devices, const std::string& selector);

class Context {
 public:
  static Result<std::unique_ptr<Context>> create(const ContextOptions& options);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  VkInstance instance() const { return instance_; }
  VkPhysicalDevice physical_device() const { return physical_; }
  VkDevice device() const { return device_; }
  VkQueue queue() const { return queue_; }
  std::uint32_t queue_family() const { return queue_family_; }
  const VkPhysicalDeviceProperties& properties() const { return properties_; }
  const VkPhysicalDeviceMemoryProperties& memory_properties() const { return memory_properties_; }
  const std::string& device_name() const { return device_name_; }
  bool has_swapchain() const { return swapchain_enabled_; }
  // The anisotropy material samplers should ask for; 1 means off.
  float material_anisotropy() const;

  // Messages from the validation layer seen so far (empty without validation).
  const ValidationLog& validation_log() const { return validation_; }
  ValidationLog& validation_log() { return validation_; }

  void wait_idle() const;

 private:
  Context() = default;
  Result<void> create_instance(const ContextOptions& options);
  Result<void> pick_physical_device(const ContextOptions& options);
  Result<void> create_device(const ContextOptions& options);

  VkInstance instance_ = VK_NULL_HANDLE;
  VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
  VkPhysicalDevice physical_ = VK_NULL_HANDLE;
  VkDevice device_ = VK_NULL_HANDLE;
  VkQueue queue_ = VK_NULL_HANDLE;
  std::uint32_t queue_family_ = 0;
  VkPhysicalDeviceProperties properties_{};
  VkPhysicalDeviceMemoryProperties memory_properties_{};
  std::string device_name_;
  bool swapchain_enabled_ = false;
  ValidationLog validation_;
};

}  // namespace kagami::gpu
