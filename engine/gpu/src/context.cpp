#include "kagami/gpu/context.h"

#include <algorithm>
#include <cstring>

#include "kagami/core/log.h"
#include "kagami/gpu/check.h"

namespace kagami::gpu {
namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

VKAPI_ATTR VkBool32 VKAPI_CALL debug_callback(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                              VkDebugUtilsMessageTypeFlagsEXT,
                                              const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
  auto* validation = static_cast<ValidationLog*>(user);
  std::string message = data && data->pMessage ? data->pMessage : "(no message)";
  if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) {
    validation->add_error(message);
    log::error("validation: ", message);
  } else if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) {
    validation->add_warning(message);
    log::warn("validation: ", message);
  }
  return VK_FALSE;
}

bool has_layer(const char* name) {
  std::uint32_t count = 0;
  vkEnumerateInstanceLayerProperties(&count, nullptr);
  std::vector<VkLayerProperties> layers(count);
  vkEnumerateInstanceLayerProperties(&count, layers.data());
  return std::any_of(layers.begin(), layers.end(), [&](auto& l) { return std::strcmp(l.layerName, name) == 0; });
}

bool device_has_extension(VkPhysicalDevice device, const char* name) {
  std::uint32_t count = 0;
  vkEnumerateDeviceExtensionProperties(device, nullptr, &count, nullptr);
  std::vector<VkExtensionProperties> extensions(count);
  vkEnumerateDeviceExtensionProperties(device, nullptr, &count, extensions.data());
  return std::any_of(extensions.begin(), extensions.end(),
                     [&](auto& e) { return std::strcmp(e.extensionName, name) == 0; });
}

const char* type_name(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return "discrete";
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return "integrated";
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return "virtual";
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return "cpu";
    default: return "other";
  }
}

}  // namespace

float Context::material_anisotropy() const {
  // llvmpipe's anisotropic filter takes as many taps as the footprint asks
  // for: a distant sliver triangle (a sign seen edge-on) has UV derivatives so
  // long that one frame of Suidoubashi at 1280x720 took over two minutes. CPU
  // devices filter trilinearly; GPUs, where it is nearly free, get 8x.
  if (properties_.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU) return 1.0f;
  return std::min(8.0f, properties_.limits.maxSamplerAnisotropy);
}

int device_type_rank(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 4;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 3;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return 1;
    default: return 0;
  }
}

Result<std::uint32_t> choose_device(const std::vector<PhysicalDeviceInfo>& devices, const std::string& selector) {
  if (devices.empty())
    return make_error("no Vulkan device found; for the CPU driver install Mesa's lavapipe: apt-get install mesa-vulkan-drivers");
  auto listing = [&] {
    std::string s;
    for (auto& d : devices) s += cat("\n  ", d.index, ": ", d.name, " (", type_name(d.type), ")");
    return s;
  };
  if (!selector.empty()) {
    bool numeric = std::all_of(selector.begin(), selector.end(), [](char c) { return c >= '0' && c <= '9'; });
    for (auto& d : devices) {
      if (numeric ? std::to_string(d.index) == selector : d.name.find(selector) != std::string::npos) return d.index;
    }
    return make_error("no Vulkan device matches --device ", selector, "; devices:", listing());
  }
  const PhysicalDeviceInfo* best = &devices.front();
  for (auto& d : devices)
    if (device_type_rank(d.type) > device_type_rank(best->type)) best = &d;
  return best->index;
}

Result<std::unique_ptr<Context>> Context::create(const ContextOptions& options) {
  std::unique_ptr<Context> ctx(new Context());
  if (auto r = ctx->create_instance(options); !r) return r.error();
  if (auto r = ctx->pick_physical_device(options); !r) return r.error();
  if (auto r = ctx->create_device(options); !r) return r.error();
  return ctx;
}

Result<void> Context::create_instance(const ContextOptions& options) {
  std::uint32_t loader_version = 0;
  if (vkEnumerateInstanceVersion(&loader_version) != VK_SUCCESS || loader_version < VK_API_VERSION_1_3)
    return make_error("the Vulkan loader is older than 1.3; install libvulkan1 from Debian 12 or newer");

  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = options.app_name.c_str();
  app.pEngineName = "Kagami";
  app.apiVersion = VK_API_VERSION_1_3;

  std::vector<const char*> extensions = options.instance_extensions;
  std::vector<const char*> layers;
  if (options.validation) {
    if (!has_layer(kValidationLayer))
      return make_error("validation was asked for but ", kValidationLayer,
                        " is not installed; apt-get install vulkan-validationlayers");
    layers.push_back(kValidationLayer);
  }
  // Debug utils gives object names and labels (readable RenderDoc captures) and the messenger.
  extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);

  VkValidationFeatureEnableEXT enables[] = {VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT};
  VkValidationFeaturesEXT features{VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT};
  features.enabledValidationFeatureCount = 1;
  features.pEnabledValidationFeatures = enables;

  VkDebugUtilsMessengerCreateInfoEXT messenger_info{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
  messenger_info.messageSeverity =
      VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  messenger_info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                               VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                               VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
  messenger_info.pfnUserCallback = debug_callback;
  messenger_info.pUserData = &validation_;
  if (options.validation) {
    // Chained so that instance creation and destruction are validated too.
    features.pNext = &messenger_info;
  }

  VkInstanceCreateInfo info{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  info.pNext = options.validation ? &features : nullptr;
  info.pApplicationInfo = &app;
  info.enabledLayerCount = std::uint32_t(layers.size());
  info.ppEnabledLayerNames = layers.data();
  info.enabledExtensionCount = std::uint32_t(extensions.size());
  info.ppEnabledExtensionNames = extensions.data();
  VkResult result = vkCreateInstance(&info, nullptr, &instance_);
  if (result == VK_ERROR_INCOMPATIBLE_DRIVER)
    return make_error("no Vulkan driver found; for the CPU driver install Mesa's lavapipe: apt-get install mesa-vulkan-drivers");
  if (result != VK_SUCCESS) return make_error("vkCreateInstance failed: ", to_string(result));

  if (options.validation) {
    auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance_, "vkCreateDebugUtilsMessengerEXT"));
    KAGAMI_VK(create(instance_, &messenger_info, nullptr, &messenger_));
  }
  return {};
}

Result<void> Context::pick_physical_device(const ContextOptions& options) {
  std::uint32_t count = 0;
  vkEnumeratePhysicalDevices(instance_, &count, nullptr);
  std::vector<VkPhysicalDevice> physical(count);
  vkEnumeratePhysicalDevices(instance_, &count, physical.data());
  std::vector<PhysicalDeviceInfo> infos;
  for (std::uint32_t i = 0; i < count; ++i) {
    VkPhysicalDeviceProperties p;
    vkGetPhysicalDeviceProperties(physical[i], &p);
    infos.push_back({i, p.deviceName, p.deviceType, p.apiVersion});
  }
  auto chosen = choose_device(infos, options.device);
  if (!chosen) return chosen.error();
  physical_ = physical[*chosen];
  vkGetPhysicalDeviceProperties(physical_, &properties_);
  vkGetPhysicalDeviceMemoryProperties(physical_, &memory_properties_);
  device_name_ = properties_.deviceName;
  if (properties_.apiVersion < VK_API_VERSION_1_3)
    return make_error("Vulkan device '", device_name_, "' supports only Vulkan ", VK_API_VERSION_MAJOR(properties_.apiVersion),
                      ".", VK_API_VERSION_MINOR(properties_.apiVersion), "; Kagami needs 1.3");
  return {};
}

Result<void> Context::create_device(const ContextOptions& options) {
  // One queue that does graphics, compute and transfer: all that lavapipe offers and all we need.
  std::uint32_t family_count = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(physical_, &family_count, nullptr);
  std::vector<VkQueueFamilyProperties> families(family_count);
  vkGetPhysicalDeviceQueueFamilyProperties(physical_, &family_count, families.data());
  bool found = false;
  for (std::uint32_t i = 0; i < family_count && !found; ++i) {
    if ((families[i].queueFlags & (VK_QUEUE_GRAPHICS_BIT | VK_QUEUE_COMPUTE_BIT)) ==
        (VK_QUEUE_GRAPHICS_BIT | VK_QUEUE_COMPUTE_BIT)) {
      queue_family_ = i;
      found = true;
    }
  }
  if (!found) return make_error("Vulkan device '", device_name_, "' has no graphics+compute queue");

  // The features we use, checked by name so a missing one is reported clearly.
  VkPhysicalDeviceVulkan13Features have13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
  VkPhysicalDeviceVulkan12Features have12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
  VkPhysicalDeviceVulkan11Features have11{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES};
  have13.pNext = &have12;
  have12.pNext = &have11;
  VkPhysicalDeviceFeatures2 have{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
  have.pNext = &have13;
  vkGetPhysicalDeviceFeatures2(physical_, &have);

  std::vector<std::string> missing;
  auto need = [&](VkBool32 present, const char* name) { if (!present) missing.push_back(name); };
  need(have13.dynamicRendering, "dynamicRendering");
  need(have13.synchronization2, "synchronization2");
  need(have13.maintenance4, "maintenance4");
  need(have12.timelineSemaphore, "timelineSemaphore");
  need(have12.bufferDeviceAddress, "bufferDeviceAddress");
  need(have12.scalarBlockLayout, "scalarBlockLayout");
  need(have11.shaderDrawParameters, "shaderDrawParameters");
  need(have.features.multiDrawIndirect, "multiDrawIndirect");
  need(have.features.samplerAnisotropy, "samplerAnisotropy");
  need(device_has_extension(physical_, VK_KHR_PUSH_DESCRIPTOR_EXTENSION_NAME), VK_KHR_PUSH_DESCRIPTOR_EXTENSION_NAME);
  if (options.want_swapchain)
    need(device_has_extension(physical_, VK_KHR_SWAPCHAIN_EXTENSION_NAME), VK_KHR_SWAPCHAIN_EXTENSION_NAME);
  if (!missing.empty()) {
    std::string list;
    for (auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    return make_error("Vulkan device '", device_name_, "' lacks features Kagami needs: ", list);
  }

  VkPhysicalDeviceVulkan13Features use13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
  use13.dynamicRendering = VK_TRUE;
  use13.synchronization2 = VK_TRUE;
  use13.maintenance4 = VK_TRUE;
  VkPhysicalDeviceVulkan12Features use12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
  use12.timelineSemaphore = VK_TRUE;
  use12.bufferDeviceAddress = VK_TRUE;
  use12.scalarBlockLayout = VK_TRUE;
  use13.pNext = &use12;
  VkPhysicalDeviceVulkan11Features use11{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES};
  use11.shaderDrawParameters = VK_TRUE;
  use12.pNext = &use11;
  VkPhysicalDeviceFeatures2 use{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
  use.pNext = &use13;
  use.features.multiDrawIndirect = VK_TRUE;
  use.features.samplerAnisotropy = VK_TRUE;
  use.features.textureCompressionBC = have.features.textureCompressionBC;
  use.features.fillModeNonSolid = have.features.fillModeNonSolid;

  std::vector<const char*> extensions = {VK_KHR_PUSH_DESCRIPTOR_EXTENSION_NAME};
  if (options.want_swapchain) extensions.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);
  swapchain_enabled_ = options.want_swapchain;

  float priority = 1.0f;
  VkDeviceQueueCreateInfo queue_info{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  queue_info.queueFamilyIndex = queue_family_;
  queue_info.queueCount = 1;
  queue_info.pQueuePriorities = &priority;

  VkDeviceCreateInfo info{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  info.pNext = &use;
  info.queueCreateInfoCount = 1;
  info.pQueueCreateInfos = &queue_info;
  info.enabledExtensionCount = std::uint32_t(extensions.size());
  info.ppEnabledExtensionNames = extensions.data();
  VkResult result = vkCreateDevice(physical_, &info, nullptr, &device_);
  if (result != VK_SUCCESS) return make_error("vkCreateDevice on '", device_name_, "' failed: ", to_string(result));
  vkGetDeviceQueue(device_, queue_family_, 0, &queue_);
  log::info("Vulkan device: ", device_name_);
  return {};
}

void Context::wait_idle() const {
  if (device_) KAGAMI_VK(vkDeviceWaitIdle(device_));
}

Context::~Context() {
  if (device_) {
    vkDeviceWaitIdle(device_);
    vkDestroyDevice(device_, nullptr);
  }
  if (messenger_) {
    auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
    destroy(instance_, messenger_, nullptr);
  }
  if (instance_) vkDestroyInstance(instance_, nullptr);
}

}  // namespace kagami::gpu
