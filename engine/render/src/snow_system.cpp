#include "kagami/render/snow_system.h"

#include <array>
#include <tuple>

#include "kagami/gpu/barriers.h"
#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/gpu/upload.h"
#include "kagami/render/particle_shader_types.h"
#include "kagami/render/shader_paths.h"

namespace kagami::render {
namespace {

// Where every frame leaves the particle buffer, and so where the next frame's
// import starts: a barrier into the simulate pass's stage and accesses.
constexpr graph::ResourceState kBetweenFrames{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                                              VK_ACCESS_2_SHADER_STORAGE_READ_BIT |
                                                  VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT};

}  // namespace

Result<std::unique_ptr<SnowSystem>> SnowSystem::create(gpu::Device& device, VkFormat color_format,
                                                       VkFormat depth_format) {
  std::unique_ptr<SnowSystem> s(new SnowSystem(device));
  s->set_layout_ = gpu::create_set_layout(
      device,
      {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_COMPUTE_BIT},
       {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, VK_SHADER_STAGE_COMPUTE_BIT}},
      /*push=*/true, "snow simulate set");
  s->layout_ = gpu::create_pipeline_layout(
      device, {{s->set_layout_}, {{VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(shader::SnowSimPush)}}},
      "snow simulate layout");
  auto simulate = gpu::create_compute_pipeline(device, {"snow simulate", shader_path("snow_sim.comp"), s->layout_});
  if (!simulate) return simulate.error();
  s->simulate_ = *simulate;

  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = sampler.minFilter = VK_FILTER_LINEAR;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  s->sampler_ = device.create_sampler(sampler, "snow heightfield sampler");
  const std::array<std::uint8_t, 4> flat = {0, 0, 0, 255};
  s->flat_ = gpu::upload_texture_rgba8(device, 1, 1, flat, false, "snow flat heightfield");

  auto draw = ParticleDraw::create(device, color_format, depth_format, ParticleDraw::Blend::alpha);
  if (!draw) return draw.error();
  s->draw_ = std::move(*draw);
  return s;
}

SnowSystem::~SnowSystem() {
  gpu::retire(device_, {{simulate_}, layout_, set_layout_, {sampler_}});
  device_.retire(flat_);
  if (particles_) device_.retire(particles_);
}

void SnowSystem::ensure_capacity(std::uint32_t count) {
  count = std::max(count, 1u);
  if (particles_ && count_ == count) return;
  if (particles_) device_.retire(particles_);
  particles_ = device_.create_buffer({VkDeviceSize(count) * sizeof(shader::Particle),
                                      VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                                      gpu::MemoryUsage::gpu_only, "snow particles"});
  count_ = count;
  restart_ = true;
  written_ = false;
}

shader::SnowSimPush SnowSystem::make_push(const SnowSettings& settings, const FxTime& time,
                                          const Camera& camera) const {
  shader::SnowSimPush push{};
  push.camera = glm::vec4(camera.position, time.delta);
  push.volume = glm::vec4(settings.half_width, settings.top, settings.ground_height, 0.0f);
  push.wind = glm::vec4(settings.wind, settings.gust, settings.turbulence);
  push.flake = glm::vec4(settings.fall_speed, settings.flake_size, settings.settle_seconds,
                         glm::clamp(settings.intensity, 0.0f, 1.0f));
  const SnowHeightfield& height = settings.heightfield;
  push.height_rect = glm::vec4(height.min_corner, glm::max(height.size, glm::vec2(1e-3f)));
  push.seed = settings.seed;
  push.frame = time.frame;
  push.count = count_;
  push.flags = height.view ? KAGAMI_SIM_HEIGHTFIELD : 0u;
  push.time = time.seconds;
  push.height_scale = height.height_scale;
  push.drag = settings.drag;
  return push;
}

graph::BufferHandle SnowSystem::import_particles(FrameGraph& frame, bool keep_contents) {
  graph::ImportedBuffer desc;
  desc.desc.size = particles_.size;
  desc.initial = keep_contents && written_ ? kBetweenFrames : graph::ResourceState{};
  desc.final_state = kBetweenFrames;
  written_ = true;
  return frame.import_buffer("snow particles", desc, particles_.handle);
}

void SnowSystem::record_step(PassContext& ctx, graph::BufferHandle particles, const shader::SnowSimPush& push,
                             VkImageView heightfield) const {
  VkDescriptorBufferInfo buffer{ctx.buffer(particles), 0, VK_WHOLE_SIZE};
  VkDescriptorImageInfo image{sampler_, heightfield, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const std::array<VkWriteDescriptorSet, 2> writes = {gpu::storage_buffer_write(0, &buffer),
                                                      gpu::image_write(1, &image)};
  vkCmdBindPipeline(ctx.cmd, VK_PIPELINE_BIND_POINT_COMPUTE, simulate_);
  device_.push_descriptors(ctx.cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout_, 0, writes);
  vkCmdPushConstants(ctx.cmd, layout_, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof push, &push);
  vkCmdDispatch(ctx.cmd, (push.count + KAGAMI_PARTICLE_GROUP - 1) / KAGAMI_PARTICLE_GROUP, 1, 1);
}

graph::BufferHandle SnowSystem::add_simulate_pass(FrameGraph& frame, const SnowSettings& settings,
                                                  const FxTime& time, const Camera& camera) {
  ensure_capacity(settings.count);
  if (settings.seed != seed_) restart_ = true;
  seed_ = settings.seed;
  shader::SnowSimPush push = make_push(settings, time, camera);
  if (restart_) push.flags |= KAGAMI_SIM_RESET;
  restart_ = false;

  graph::BufferHandle particles = import_particles(frame, true);
  VkImageView heightfield = settings.heightfield.view ? settings.heightfield.view : flat_.view;
  frame.add_pass(
      "snow simulate", graph::QueueKind::compute,
      [&](graph::PassBuilder& pass) {
        pass.read(particles, graph::Usage::storage_read);
        particles = pass.write(particles, graph::Usage::storage_write);
      },
      [this, push, particles, heightfield](PassContext& ctx) { record_step(ctx, particles, push, heightfield); });
  return particles;
}

graph::BufferHandle SnowSystem::add_replay_pass(FrameGraph& frame, const SnowSettings& settings, const FxTime& time,
                                                const Camera& camera, std::uint32_t steps, float seconds) {
  ensure_capacity(settings.count);
  seed_ = settings.seed;
  restart_ = false;
  steps = std::max(steps, 1u);
  const shader::SnowSimPush last = make_push(settings, time, camera);
  const float frame_delta = last.camera.w;
  const float early_delta = seconds > frame_delta && steps > 1 ? (seconds - frame_delta) / float(steps - 1) : frame_delta;
  graph::BufferHandle particles = import_particles(frame, false);  // the reset overwrites every slot
  VkImageView heightfield = settings.heightfield.view ? settings.heightfield.view : flat_.view;
  frame.add_pass(
      "snow replay", graph::QueueKind::compute,
      [&](graph::PassBuilder& pass) { particles = pass.write(particles, graph::Usage::storage_write); },
      [this, last, steps, early_delta, particles, heightfield](PassContext& ctx) {
        for (std::uint32_t i = 0; i < steps; ++i) {
          const std::uint32_t back = steps - 1 - i;  // steps before the last
          shader::SnowSimPush push = last;
          push.frame = last.frame - back;  // wraps below frame 0: still a distinct, fixed hash input
          if (back > 0) {
            // Time at the end of this step: the last step's start, less the early steps after this one.
            push.time = last.time - last.camera.w - float(back - 1) * early_delta;
            push.camera.w = early_delta;
          }
          if (i == 0) push.flags |= KAGAMI_SIM_RESET;
          // Each step reads what the previous one wrote (the graph only orders passes).
          if (i > 0)
            gpu::memory_barrier(ctx.cmd, {VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT},
                                {VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                                 VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT});
          record_step(ctx, particles, push, heightfield);
        }
      });
  return particles;
}

graph::TextureHandle SnowSystem::add_draw_pass(FrameGraph& frame, std::uint32_t slot, const SnowSettings& settings,
                                               const Camera& camera, graph::BufferHandle particles,
                                               graph::TextureHandle color, graph::TextureHandle depth,
                                               VkExtent2D extent) {
  return draw_->add_pass(frame, "snow draw", slot, particles, count_, settings.look, camera, color, depth, extent);
}

graph::TextureHandle SnowSystem::add_passes(FrameGraph& frame, std::uint32_t slot, const SnowSettings& settings,
                                            const FxTime& time, const Camera& camera, graph::TextureHandle color,
                                            graph::TextureHandle depth, VkExtent2D extent) {
  graph::BufferHandle particles = add_simulate_pass(frame, settings, time, camera);
  return add_draw_pass(frame, slot, settings, camera, particles, color, depth, extent);
}

}  // namespace kagami::render
