#include "kagami/render/graph_executor.h"

#include <chrono>
#include <unordered_map>

#include "kagami/core/hash.h"
#include "kagami/gpu/check.h"

namespace kagami::render {
namespace {

constexpr std::uint32_t kMaxTimedPasses = 64;

VkImageCreateInfo image_info(const graph::TextureDesc& desc, VkImageUsageFlags usage) {
  gpu::ImageDesc d;
  d.format = desc.format;
  d.width = desc.width;
  d.height = desc.height;
  d.mip_levels = desc.mip_levels;
  d.array_layers = desc.array_layers;
  d.samples = desc.samples;
  d.usage = usage;
  return gpu::image_create_info(d);
}

VkBufferCreateInfo buffer_info(const graph::BufferDesc& desc, VkBufferUsageFlags usage) {
  VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  info.size = desc.size;
  info.usage = usage;
  info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  return info;
}

VkClearValue to_vk(const graph::ClearValue& clear, bool depth) {
  VkClearValue v{};
  if (depth) v.depthStencil = {clear.depth, clear.stencil};
  else v.color = {{clear.color[0], clear.color[1], clear.color[2], clear.color[3]}};
  return v;
}

}  // namespace

GraphExecutor::GraphExecutor(gpu::Device& device, std::uint32_t frame_slots)
    : device_(device), slots_(frame_slots), timestamps_(device, frame_slots, kMaxTimedPasses) {}

GraphExecutor::~GraphExecutor() {
  for (auto& slot : slots_) {
    for (auto& [key, cached] : slot.cache) destroy(cached.physical);
    for (auto& heap : slot.heaps) {
      gpu::Allocation a = heap.allocation;
      gpu::Device* device = &device_;  // the executor is gone when this runs
      device_.retire([device, a] { device->allocator().free(a); });
    }
  }
}

void GraphExecutor::destroy(const Physical& p) {
  VkDevice vk = device_.vk();
  device_.retire([vk, p] {
    if (p.view) vkDestroyImageView(vk, p.view, nullptr);
    if (p.image) vkDestroyImage(vk, p.image, nullptr);
    if (p.buffer) vkDestroyBuffer(vk, p.buffer, nullptr);
  });
}

graph::MemoryRequirements GraphExecutor::requirements(const graph::TransientInfo& info) const {
  // maintenance4 (core in 1.3) answers without creating the object.
  VkMemoryRequirements2 req{VK_STRUCTURE_TYPE_MEMORY_REQUIREMENTS_2};
  if (info.kind == graph::ResourceKind::texture) {
    VkImageCreateInfo create = image_info(*info.texture, info.image_usage);
    VkDeviceImageMemoryRequirements query{VK_STRUCTURE_TYPE_DEVICE_IMAGE_MEMORY_REQUIREMENTS};
    query.pCreateInfo = &create;
    vkGetDeviceImageMemoryRequirements(device_.vk(), &query, &req);
  } else {
    VkBufferCreateInfo create = buffer_info(*info.buffer, info.buffer_usage);
    VkDeviceBufferMemoryRequirements query{VK_STRUCTURE_TYPE_DEVICE_BUFFER_MEMORY_REQUIREMENTS};
    query.pCreateInfo = &create;
    vkGetDeviceBufferMemoryRequirements(device_.vk(), &query, &req);
  }
  return {req.memoryRequirements.size, req.memoryRequirements.alignment, req.memoryRequirements.memoryTypeBits};
}

void GraphExecutor::prepare_heaps(Slot& slot) {
  slot.heaps.resize(std::max(slot.heaps.size(), compiled_.heaps.size()));
  for (std::size_t i = 0; i < compiled_.heaps.size(); ++i) {
    const graph::Heap& want = compiled_.heaps[i];
    HeapMemory& have = slot.heaps[i];
    bool fits = have.allocation.valid() && have.size >= want.size &&
                (want.memory_type_bits & (1u << have.memory_type)) &&
                have.allocation.offset % want.alignment == 0;
    if (fits) continue;
    if (have.allocation.valid()) {
      gpu::Allocation old = have.allocation;
      gpu::Device* device = &device_;
      device_.retire([device, old] { device->allocator().free(old); });
    }
    VkMemoryRequirements req{want.size, want.alignment, want.memory_type_bits};
    auto kind = want.kind == graph::ResourceKind::texture ? gpu::ResourceKind::optimal : gpu::ResourceKind::linear;
    have.allocation = device_.allocator().allocate(req, gpu::MemoryUsage::gpu_only, kind);
    have.size = want.size;
    have.memory_type = have.allocation.memory_type;
    ++heap_allocations_;
  }
}

GraphExecutor::Physical GraphExecutor::transient(Slot& slot, const graph::CompiledResource& r) {
  const HeapMemory& heap = slot.heaps[r.placement.heap];
  // The key covers everything the object depends on, including which memory it is bound to.
  std::uint64_t key = fnv1a64(compiled_.name(r.name));
  auto mix = [&key](std::uint64_t v) { key = hash_combine(key, v); };
  mix(std::uint64_t(r.kind));
  mix(reinterpret_cast<std::uint64_t>(heap.allocation.memory));
  mix(heap.allocation.offset + r.placement.offset);
  if (r.kind == graph::ResourceKind::texture) {
    mix(r.texture.format); mix(r.texture.width); mix(r.texture.height); mix(r.texture.mip_levels);
    mix(r.texture.array_layers); mix(r.texture.samples); mix(r.image_usage);
  } else {
    mix(r.buffer.size); mix(r.buffer_usage);
  }
  auto found = slot.cache.find(key);
  if (found != slot.cache.end()) {
    found->second.last_used = frame_;
    return found->second.physical;
  }

  Physical p;
  std::string name(compiled_.name(r.name));
  VkDeviceSize offset = heap.allocation.offset + r.placement.offset;
  if (r.kind == graph::ResourceKind::texture) {
    VkImageCreateInfo info = image_info(r.texture, r.image_usage);
    KAGAMI_VK(vkCreateImage(device_.vk(), &info, nullptr, &p.image));
    KAGAMI_VK(vkBindImageMemory(device_.vk(), p.image, heap.allocation.memory, offset));
    VkImageViewCreateInfo view{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    view.image = p.image;
    view.viewType = r.texture.array_layers > 1 ? VK_IMAGE_VIEW_TYPE_2D_ARRAY : VK_IMAGE_VIEW_TYPE_2D;
    view.format = r.texture.format;
    view.subresourceRange = {r.aspect, 0, r.texture.mip_levels, 0, r.texture.array_layers};
    KAGAMI_VK(vkCreateImageView(device_.vk(), &view, nullptr, &p.view));
    device_.debug().name(VK_OBJECT_TYPE_IMAGE, p.image, name.c_str());
    device_.debug().name(VK_OBJECT_TYPE_IMAGE_VIEW, p.view, name.c_str());
  } else {
    VkBufferCreateInfo info = buffer_info(r.buffer, r.buffer_usage);
    KAGAMI_VK(vkCreateBuffer(device_.vk(), &info, nullptr, &p.buffer));
    KAGAMI_VK(vkBindBufferMemory(device_.vk(), p.buffer, heap.allocation.memory, offset));
    device_.debug().name(VK_OBJECT_TYPE_BUFFER, p.buffer, name.c_str());
  }
  slot.cache.emplace(key, CachedObject{p, frame_});
  return p;
}

void GraphExecutor::evict_unused(Slot& slot) {
  for (auto it = slot.cache.begin(); it != slot.cache.end();) {
    if (it->second.last_used != frame_) {
      destroy(it->second.physical);
      it = slot.cache.erase(it);
    } else {
      ++it;
    }
  }
}

void GraphExecutor::record_batches(VkCommandBuffer cmd, std::span<const graph::BarrierBatch> batches) {
  auto& images = image_scratch_;
  auto& buffers = buffer_scratch_;
  for (const graph::BarrierBatch& batch : batches) {
    images.clear();
    buffers.clear();
    for (const graph::ImageBarrier& b : compiled_.images_of(batch)) {
      VkImageMemoryBarrier2 v{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2};
      v.srcStageMask = b.src_stages;
      v.srcAccessMask = b.src_access;
      v.dstStageMask = b.dst_stages;
      v.dstAccessMask = b.dst_access;
      v.oldLayout = b.old_layout;
      v.newLayout = b.new_layout;
      v.srcQueueFamilyIndex = v.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
      v.image = physical_[b.resource.index].image;
      v.subresourceRange = {b.aspect, 0, VK_REMAINING_MIP_LEVELS, 0, VK_REMAINING_ARRAY_LAYERS};
      images.push_back(v);
    }
    for (const graph::BufferBarrier& b : compiled_.buffers_of(batch)) {
      VkBufferMemoryBarrier2 v{VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER_2};
      v.srcStageMask = b.src_stages;
      v.srcAccessMask = b.src_access;
      v.dstStageMask = b.dst_stages;
      v.dstAccessMask = b.dst_access;
      v.srcQueueFamilyIndex = v.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
      v.buffer = physical_[b.resource.index].buffer;
      v.size = VK_WHOLE_SIZE;
      buffers.push_back(v);
    }
    VkDependencyInfo dep{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
    dep.imageMemoryBarrierCount = std::uint32_t(images.size());
    dep.pImageMemoryBarriers = images.data();
    dep.bufferMemoryBarrierCount = std::uint32_t(buffers.size());
    dep.pBufferMemoryBarriers = buffers.data();
    vkCmdPipelineBarrier2(cmd, &dep);
  }
}

void GraphExecutor::begin_rendering(VkCommandBuffer cmd, const graph::CompiledPass& pass, VkExtent2D* extent) const {
  std::array<VkRenderingAttachmentInfo, 8> colors{};
  std::uint32_t color_count = 0;
  VkRenderingAttachmentInfo depth{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  bool has_depth = false;
  for (const graph::Attachment& a : compiled_.attachments_of(pass)) {
    const bool is_depth = a.usage != graph::Usage::color_attachment;
    VkRenderingAttachmentInfo info{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    info.imageView = physical_[a.resource.index].view;
    info.imageLayout = a.layout;
    info.loadOp = a.load_op;
    info.storeOp = a.store_op;
    if (a.clear) info.clearValue = to_vk(*a.clear, is_depth);
    const graph::TextureDesc& desc = compiled_.resources[a.resource.index].texture;
    *extent = {desc.width, desc.height};
    if (is_depth) {
      depth = info;
      has_depth = true;
    } else {
      colors.at(color_count++) = info;
    }
  }
  VkRenderingInfo rendering{VK_STRUCTURE_TYPE_RENDERING_INFO};
  rendering.renderArea = {{0, 0}, *extent};
  rendering.layerCount = 1;
  rendering.colorAttachmentCount = color_count;
  rendering.pColorAttachments = colors.data();
  rendering.pDepthAttachment = has_depth ? &depth : nullptr;
  vkCmdBeginRendering(cmd, &rendering);
}

Result<void> GraphExecutor::execute(FrameGraph& frame, VkCommandBuffer cmd, std::uint32_t slot_index,
                                    const graph::CompileOptions& options) {
  using clock = std::chrono::steady_clock;
  ++frame_;
  auto compiled = graph::compile_into(frame.graph(), options,
                                      [this](const graph::TransientInfo& info) { return requirements(info); },
                                      compiled_);
  if (!compiled) return compiled.error();

  Slot& slot = slots_.at(slot_index);
  prepare_heaps(slot);
  physical_.assign(compiled_.resources.size(), Physical{});
  for (std::size_t i = 0; i < compiled_.resources.size(); ++i) {
    const graph::CompiledResource& r = compiled_.resources[i];
    if (r.imported) {
      if (r.kind == graph::ResourceKind::texture) {
        physical_[i].image = frame.imported_images()[i].image;
        physical_[i].view = frame.imported_images()[i].view;
      } else {
        physical_[i].buffer = frame.imported_buffers()[i];
      }
    } else if (r.used()) {
      physical_[i] = transient(slot, r);
    }
  }
  evict_unused(slot);

  // GPU times of the last frame this slot ran, matched to passes by name.
  std::unordered_map<std::string, double> gpu_ms;
  for (auto& scope : timestamps_.begin_frame(cmd, slot_index)) gpu_ms[scope.name] = scope.gpu_ms;
  timings_.assign(compiled_.pass_info.size(), graph::PassTiming{});

  PassContext context;
  context.executor_ = this;
  context.cmd = cmd;
  for (const graph::CompiledPass& pass : compiled_.passes) {
    std::string name(compiled_.pass_name(pass.id));
    auto start = clock::now();
    device_.debug().begin_label(cmd, name.c_str());
    timestamps_.begin_scope(cmd, name);
    record_batches(cmd, compiled_.batches_of(pass));
    const bool raster = !compiled_.attachments_of(pass).empty();
    context.extent = {0, 0};
    if (raster) begin_rendering(cmd, pass, &context.extent);
    if (const RecordFn& record = frame.record(pass.id)) record(context);
    if (raster) vkCmdEndRendering(cmd);
    timestamps_.end_scope(cmd);
    device_.debug().end_label(cmd);
    double cpu = std::chrono::duration<double, std::milli>(clock::now() - start).count();
    auto g = gpu_ms.find(name);
    timings_[pass.id.index] = {g == gpu_ms.end() ? 0.0 : g->second, cpu};
  }
  record_batches(cmd, compiled_.final_batches_span());
  return {};
}

TransientMemoryStats GraphExecutor::memory_stats() const {
  TransientMemoryStats s;
  for (const Slot& slot : slots_) {
    for (const HeapMemory& heap : slot.heaps) s.heap_bytes += heap.allocation.valid() ? heap.size : 0;
    s.cached_images += slot.cache.size();
  }
  s.bytes_with_aliasing = compiled_.bytes_with_aliasing;
  s.bytes_without_aliasing = compiled_.bytes_without_aliasing;
  s.heap_allocations = heap_allocations_;
  return s;
}

}  // namespace kagami::render
