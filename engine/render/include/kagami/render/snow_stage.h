#pragma once
// A small stage for looking at the effects before they are wired into the
// frame: a ground plane and a sphere, covered by shaders/shared/snow_cover.glsl
// and lit by the ambient and lights of a ParticleLook (so lamp cones show on
// the ground as they do on the flakes). It clears and writes the colour target
// and a depth buffer it creates, which the effect passes then test against.
#include <array>
#include <memory>

#include "kagami/core/result.h"
#include "kagami/gpu/device.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/particle_draw.h"

namespace kagami::render {

struct SnowStageSettings {
  glm::vec3 sphere_center{0.0f, 1.0f, 0.0f};
  float sphere_radius = 1.0f;
  float snow_amount = 0.7f;        // snow_cover's amount, 0..1
  glm::vec2 height_range{0.0f};    // snow_cover's height range (equal: no height term)
  float ground_half_size = 40.0f;
  float ground_height = 0.0f;
};

struct StageTargets {
  graph::TextureHandle color;
  graph::TextureHandle depth;
};

class SnowStage {
 public:
  static constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;
  static Result<std::unique_ptr<SnowStage>> create(gpu::Device& device, VkFormat color_format);
  ~SnowStage();
  SnowStage(const SnowStage&) = delete;
  SnowStage& operator=(const SnowStage&) = delete;

  // "snow stage": draws into `color` (cleared with its import's clear value) and a new depth buffer.
  StageTargets add_pass(FrameGraph& frame, std::uint32_t slot, const SnowStageSettings& settings,
                        const ParticleLook& lighting, const Camera& camera, graph::TextureHandle color,
                        VkExtent2D extent);

 private:
  explicit SnowStage(gpu::Device& device) : device_(device) {}
  gpu::Device& device_;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> uniforms_;
};

}  // namespace kagami::render
