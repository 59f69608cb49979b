#include "kagami/render/dissolve_fragments.h"

#include <array>
#include <cstring>
#include <tuple>

#include "kagami/core/log.h"
#include "kagami/core/strings.h"
#include "kagami/gpu/barriers.h"
#include "kagami/gpu/descriptor_writes.h"
#include "kagami/gpu/host_buffer.h"
#include "kagami/gpu/pipeline.h"
#include "kagami/gpu/pipeline_objects.h"
#include "kagami/gpu/upload.h"
#include "kagami/render/particle_shader_types.h"
#include "kagami/render/shader_paths.h"

namespace kagami::render {
namespace {

constexpr graph::ResourceState kBetweenFrames{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                                              VK_ACCESS_2_SHADER_STORAGE_READ_BIT |
                                                  VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT};

template <typename T>
std::span<const std::uint8_t> bytes_of(const std::vector<T>& v) {
  return {reinterpret_cast<const std::uint8_t*>(v.data()), v.size() * sizeof(T)};
}

// The joints of one corner (anim/skin.h's VertexSkin, widened for std430).
void corner_skin(const asset::MeshData& mesh, std::uint32_t vertex, glm::uvec4& joints, glm::vec4& weights) {
  const anim::VertexSkin& skin = mesh.skin.at(vertex);
  joints = glm::uvec4(skin.joints);
  weights = skin.weights;
}

}  // namespace

Result<DissolveTable> dissolve_triangles(const asset::MeshData& mesh) {
  DissolveTable table;
  table.triangles.reserve(mesh.indices.size() / 3);
  const bool skinned = !mesh.skin.empty();
  double total = 0.0;
  std::vector<double> cumulative;
  for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const std::uint32_t corners[3] = {mesh.indices[i], mesh.indices[i + 1], mesh.indices[i + 2]};
    const glm::vec3 a = mesh.positions.at(corners[0]);
    const glm::vec3 b = mesh.positions.at(corners[1]);
    const glm::vec3 c = mesh.positions.at(corners[2]);
    const double area = 0.5 * double(glm::length(glm::cross(b - a, c - a)));
    if (!(area > 0.0)) continue;  // degenerate triangles are never picked
    total += area;
    cumulative.push_back(total);
    table.triangles.push_back({glm::vec4(a, 0.0f), glm::vec4(b, 0.0f), glm::vec4(c, 0.0f)});
    if (!skinned) continue;
    shader::FxTriangleSkin skin{};
    corner_skin(mesh, corners[0], skin.joints0, skin.weights0);
    corner_skin(mesh, corners[1], skin.joints1, skin.weights1);
    corner_skin(mesh, corners[2], skin.joints2, skin.weights2);
    table.skin.push_back(skin);
  }
  if (table.triangles.empty())
    return make_error("mesh '", mesh.name, "' has no triangle with an area to emit from");
  for (std::size_t i = 0; i < table.triangles.size(); ++i) table.triangles[i].p0.w = float(cumulative[i] / total);
  table.triangles.back().p0.w = 1.0f;  // the search always finds a triangle, whatever the rounding
  return table;
}

Result<DissolveSource> make_dissolve_source(gpu::Device& device, const asset::MeshData& mesh) {
  auto table = dissolve_triangles(mesh);
  if (!table) return table.error();
  DissolveSource source;
  source.count = std::uint32_t(table->triangles.size());
  source.triangles = gpu::upload_buffer(device, bytes_of(table->triangles),
                                        VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, cat("dissolve source ", mesh.name));
  if (!table->skin.empty())
    source.skin = gpu::upload_buffer(device, bytes_of(table->skin), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                                     cat("dissolve source skin ", mesh.name));
  return source;
}

void release_dissolve_source(gpu::Device& device, DissolveSource& source) {
  if (source.triangles) device.retire(source.triangles);
  if (source.skin) device.retire(source.skin);
  source.count = 0;
}

Result<std::unique_ptr<DissolveFragments>> DissolveFragments::create(gpu::Device& device, VkFormat color_format,
                                                                     VkFormat depth_format) {
  std::unique_ptr<DissolveFragments> f(new DissolveFragments(device));
  f->set_layout_ = gpu::create_set_layout(
      device,
      {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_COMPUTE_BIT},
       {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_COMPUTE_BIT},
       {2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_COMPUTE_BIT},
       {3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, VK_SHADER_STAGE_COMPUTE_BIT}},
      /*push=*/true, "dissolve emit set");
  f->layout_ = gpu::create_pipeline_layout(
      device, {{f->set_layout_}, {{VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(shader::DissolveEmitPush)}}},
      "dissolve emit layout");
  auto emit = gpu::create_compute_pipeline(device, {"dissolve emit", shader_path("dissolve_emit.comp"), f->layout_});
  if (!emit) return emit.error();
  f->emit_ = *emit;
  auto draw = ParticleDraw::create(device, color_format, depth_format, ParticleDraw::Blend::additive);
  if (!draw) return draw.error();
  f->draw_ = std::move(*draw);
  return f;
}

DissolveFragments::~DissolveFragments() {
  gpu::retire(device_, {{emit_}, layout_, set_layout_});
  if (particles_) device_.retire(particles_);
  for (gpu::Buffer& poses : poses_)
    if (poses) device_.retire(poses);
}

bool DissolveFragments::ensure_capacity(std::uint32_t count) {
  count = std::max(count, 1u);
  if (particles_ && count_ == count) return false;
  if (particles_) device_.retire(particles_);
  particles_ = device_.create_buffer({VkDeviceSize(count) * sizeof(shader::Particle),
                                      VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                                      gpu::MemoryUsage::gpu_only, "dissolve fragments"});
  count_ = count;
  written_ = false;
  return true;
}

shader::DissolveEmitPush DissolveFragments::make_push(const DissolveSource& source, const glm::mat4& world,
                                                      const DissolveSettings& dissolve,
                                                      const FragmentSettings& settings, std::uint32_t seed,
                                                      const FxTime& time) const {
  shader::DissolveEmitPush push{};
  push.model = world;
  push.dissolve = dissolve_vector(dissolve);
  push.motion = glm::vec4(time.delta, settings.rise_speed, settings.life_seconds, settings.size);
  push.seed = seed;
  push.frame = time.frame;
  push.count = count_;
  push.triangles = source.count;
  push.time = time.seconds;
  push.spawn_chance = settings.spawn_chance;
  return push;
}

graph::BufferHandle DissolveFragments::import_particles(FrameGraph& frame, bool keep_contents) {
  graph::ImportedBuffer desc;
  desc.desc.size = particles_.size;
  desc.initial = keep_contents && written_ ? kBetweenFrames : graph::ResourceState{};
  desc.final_state = kBetweenFrames;
  written_ = true;
  return frame.import_buffer("dissolve fragments", desc, particles_.handle);
}

DissolveFragments::StepBuffers DissolveFragments::step_buffers(std::uint32_t slot, const DissolveSource& source,
                                                              std::span<const glm::mat4> poses, std::size_t steps) {
  StepBuffers buffers{source.triangles.handle, source.triangles.handle, source.triangles.handle, 0};
  if (!source.skinned() || poses.empty()) return buffers;
  if (poses.size() % steps != 0) {
    log::error("dissolve fragments: ", poses.size(), " pose matrices do not split into ", steps,
               " steps; emitting from the bind pose");
    return buffers;
  }
  gpu::Buffer& upload = poses_.at(slot);
  gpu::reserve_host_buffer(device_, upload, poses.size_bytes(), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT,
                           "dissolve fragment poses");
  std::memcpy(upload.mapped(), poses.data(), poses.size_bytes());
  buffers.skin = source.skin.handle;
  buffers.joints = upload.handle;
  buffers.joints_per_step = std::uint32_t(poses.size() / steps);
  return buffers;
}

void DissolveFragments::record_step(PassContext& ctx, graph::BufferHandle particles, const StepBuffers& buffers,
                                    const shader::DissolveEmitPush& push) const {
  const VkDescriptorBufferInfo infos[4] = {{ctx.buffer(particles), 0, VK_WHOLE_SIZE},
                                           {buffers.triangles, 0, VK_WHOLE_SIZE},
                                           {buffers.skin, 0, VK_WHOLE_SIZE},
                                           {buffers.joints, 0, VK_WHOLE_SIZE}};
  const std::array<VkWriteDescriptorSet, 4> writes = {
      gpu::storage_buffer_write(0, &infos[0]), gpu::storage_buffer_write(1, &infos[1]),
      gpu::storage_buffer_write(2, &infos[2]), gpu::storage_buffer_write(3, &infos[3])};
  vkCmdBindPipeline(ctx.cmd, VK_PIPELINE_BIND_POINT_COMPUTE, emit_);
  device_.push_descriptors(ctx.cmd, VK_PIPELINE_BIND_POINT_COMPUTE, layout_, 0, writes);
  vkCmdPushConstants(ctx.cmd, layout_, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof push, &push);
  vkCmdDispatch(ctx.cmd, (push.count + KAGAMI_PARTICLE_GROUP - 1) / KAGAMI_PARTICLE_GROUP, 1, 1);
}

graph::BufferHandle DissolveFragments::add_emit_pass(FrameGraph& frame, std::uint32_t slot,
                                                     const DissolveSource& source, const glm::mat4& world,
                                                     std::span<const glm::mat4> pose, const DissolveSettings& dissolve,
                                                     const FragmentSettings& settings, std::uint32_t seed,
                                                     const FxTime& time) {
  const bool reset = ensure_capacity(settings.count);
  shader::DissolveEmitPush push = make_push(source, world, dissolve, settings, seed, time);
  const StepBuffers buffers = step_buffers(slot, source, pose, 1);
  push.flags = (reset ? KAGAMI_SIM_RESET : 0u) | (buffers.joints_per_step > 0 ? KAGAMI_EMIT_SKINNED : 0u);
  graph::BufferHandle particles = import_particles(frame, true);
  frame.add_pass(
      "dissolve fragments", graph::QueueKind::compute,
      [&](graph::PassBuilder& pass) {
        pass.read(particles, graph::Usage::storage_read);
        particles = pass.write(particles, graph::Usage::storage_write);
      },
      [this, push, particles, buffers](PassContext& ctx) { record_step(ctx, particles, buffers, push); });
  return particles;
}

graph::BufferHandle DissolveFragments::add_replay_pass(FrameGraph& frame, std::uint32_t slot,
                                                       const DissolveSource& source, const glm::mat4& world,
                                                       std::span<const glm::mat4> poses,
                                                       const DissolveSettings& dissolve,
                                                       std::span<const float> progress,
                                                       const FragmentSettings& settings, std::uint32_t seed,
                                                       const FxTime& time) {
  ensure_capacity(settings.count);
  shader::DissolveEmitPush last = make_push(source, world, dissolve, settings, seed, time);
  graph::BufferHandle particles = import_particles(frame, false);  // the reset overwrites every slot
  std::vector<float> steps(progress.begin(), progress.end());
  if (steps.empty()) steps.push_back(dissolve.progress);
  const StepBuffers buffers = step_buffers(slot, source, poses, steps.size());
  if (buffers.joints_per_step > 0) last.flags |= KAGAMI_EMIT_SKINNED;
  frame.add_pass(
      "dissolve fragments replay", graph::QueueKind::compute,
      [&](graph::PassBuilder& pass) { particles = pass.write(particles, graph::Usage::storage_write); },
      [this, last, steps = std::move(steps), particles, buffers](PassContext& ctx) {
        for (std::size_t i = 0; i < steps.size(); ++i) {
          const std::uint32_t back = std::uint32_t(steps.size() - 1 - i);  // steps before the last
          shader::DissolveEmitPush push = last;
          push.frame = last.frame - back;  // wraps below frame 0: still a distinct, fixed hash input
          push.time = last.time - float(back) * last.motion.x;
          push.dissolve.x = steps[i];
          push.flags = last.flags | (i == 0 ? KAGAMI_SIM_RESET : 0u);
          push.joint_base = std::uint32_t(i) * buffers.joints_per_step;
          // Each step reads what the previous one wrote (the graph only orders passes).
          if (i > 0)
            gpu::memory_barrier(ctx.cmd, {VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT},
                                {VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                                 VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT});
          record_step(ctx, particles, buffers, push);
        }
      });
  return particles;
}

graph::TextureHandle DissolveFragments::add_draw_pass(FrameGraph& frame, std::uint32_t slot,
                                                      const DissolveSettings& dissolve,
                                                      const Camera& camera,
                                                      graph::BufferHandle particles, graph::TextureHandle color,
                                                      graph::TextureHandle depth, VkExtent2D extent) {
  ParticleLook look;
  look.ambient = glm::vec3(0.0f);
  look.opacity = 1.0f;
  look.emissive = dissolve.edge_color * 0.6f;
  look.streak_seconds = 0.02f;
  look.glow = true;
  return draw_->add_pass(frame, "dissolve fragments draw", slot, particles, count_, look, camera, color, depth,
                         extent);
}

}  // namespace kagami::render
