#pragma once
// Staging uploads for loading time: data goes through a host-visible staging
// buffer and a copy on the GPU. Textures get their whole mip chain by blits.
#include <cstdint>
#include <span>
#include <string>

#include "kagami/gpu/device.h"

namespace kagami::gpu {

// Creates a device-local buffer holding `bytes`.
Buffer upload_buffer(Device& device, std::span<const std::uint8_t> bytes, VkBufferUsageFlags usage,
                     const std::string& name);

// Creates a sampled texture from tightly packed RGBA8 pixels, generates mips,
// and leaves it in SHADER_READ_ONLY_OPTIMAL.
Image upload_texture_rgba8(Device& device, std::uint32_t width, std::uint32_t height,
                           std::span<const std::uint8_t> pixels, bool srgb, const std::string& name);

}  // namespace kagami::gpu
