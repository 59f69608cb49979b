#include "kagami/graph/usage.h"

#include "kagami/graph/formats.h"

namespace kagami::graph {

VkPipelineStageFlags2 default_shader_stages(QueueKind queue, ResourceKind kind) {
  switch (queue) {
    case QueueKind::raster:
      return kind == ResourceKind::texture ? VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT
                                           : VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT | VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT;
    case QueueKind::compute: return VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT;
    case QueueKind::transfer: return VK_PIPELINE_STAGE_2_NONE;
  }
  return VK_PIPELINE_STAGE_2_NONE;
}

AccessInfo usage_access(Usage usage, QueueKind queue, ResourceKind kind, VkFormat format,
                        VkPipelineStageFlags2 shader_stages) {
  const bool texture = kind == ResourceKind::texture;
  const bool depth = texture && is_depth_stencil_format(format);
  const bool stencil = texture && is_stencil_format(format);
  const VkPipelineStageFlags2 shader = shader_stages != 0 ? shader_stages : default_shader_stages(queue, kind);
  constexpr VkPipelineStageFlags2 kFragmentTests =
      VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT;
  const VkImageLayout depth_read_layout =
      stencil ? VK_IMAGE_LAYOUT_DEPTH_STENCIL_READ_ONLY_OPTIMAL : VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL;
  auto image_layout = [&](VkImageLayout layout) { return texture ? layout : VK_IMAGE_LAYOUT_UNDEFINED; };

  switch (usage) {
    case Usage::color_attachment:
      // Read too: loadOp LOAD and blending read the attachment.
      return {VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
              VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
              VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    case Usage::depth_attachment:
      return {kFragmentTests,
              VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
              stencil ? VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL : VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL};
    case Usage::depth_read_only:
      return {kFragmentTests, VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT, depth_read_layout};
    case Usage::sampled:
      return {shader, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT,
              image_layout(depth ? depth_read_layout : VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL)};
    case Usage::storage_read:
      return {shader, VK_ACCESS_2_SHADER_STORAGE_READ_BIT, image_layout(VK_IMAGE_LAYOUT_GENERAL)};
    case Usage::storage_write:
      return {shader, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT, image_layout(VK_IMAGE_LAYOUT_GENERAL)};
    case Usage::transfer_src:
      return {VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_READ_BIT,
              image_layout(VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL)};
    case Usage::transfer_dst:
      return {VK_PIPELINE_STAGE_2_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
              image_layout(VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL)};
    case Usage::vertex:
      return {VK_PIPELINE_STAGE_2_VERTEX_ATTRIBUTE_INPUT_BIT, VK_ACCESS_2_VERTEX_ATTRIBUTE_READ_BIT,
              VK_IMAGE_LAYOUT_UNDEFINED};
    case Usage::index:
      return {VK_PIPELINE_STAGE_2_INDEX_INPUT_BIT, VK_ACCESS_2_INDEX_READ_BIT, VK_IMAGE_LAYOUT_UNDEFINED};
    case Usage::indirect:
      return {VK_PIPELINE_STAGE_2_DRAW_INDIRECT_BIT, VK_ACCESS_2_INDIRECT_COMMAND_READ_BIT,
              VK_IMAGE_LAYOUT_UNDEFINED};
    case Usage::uniform:
      return {shader, VK_ACCESS_2_UNIFORM_READ_BIT, VK_IMAGE_LAYOUT_UNDEFINED};
    case Usage::present:
      // The presentation engine is outside the pipeline: nothing to wait for
      // after the transition (the present semaphore orders it).
      return {VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR};
  }
  return {};
}

const char* usage_problem(Usage usage, QueueKind queue, ResourceKind kind, VkFormat format) {
  const bool texture = kind == ResourceKind::texture;
  switch (usage) {
    case Usage::color_attachment:
    case Usage::depth_attachment:
    case Usage::depth_read_only:
    case Usage::present:
      if (!texture) return "is a texture-only usage but the resource is a buffer";
      break;
    case Usage::sampled:
      if (!texture) return "is a texture-only usage but the resource is a buffer";
      break;
    case Usage::vertex:
    case Usage::index:
    case Usage::indirect:
    case Usage::uniform:
      if (texture) return "is a buffer-only usage but the resource is a texture";
      break;
    default: break;
  }
  switch (usage) {
    case Usage::color_attachment:
    case Usage::depth_attachment:
    case Usage::depth_read_only:
    case Usage::vertex:
    case Usage::index:
      if (queue != QueueKind::raster) return "needs a raster pass";
      break;
    case Usage::sampled:
    case Usage::storage_read:
    case Usage::storage_write:
    case Usage::uniform:
    case Usage::indirect:
      if (queue == QueueKind::transfer) return "needs a raster or compute pass";
      break;
    case Usage::present:
      if (queue == QueueKind::compute) return "needs a raster or transfer pass";
      break;
    default: break;
  }
  if (!texture) return nullptr;
  const bool depth = is_depth_stencil_format(format);
  switch (usage) {
    case Usage::color_attachment:
      if (depth) return "cannot be a colour attachment: the format is a depth/stencil format";
      if (is_compressed_format(format)) return "cannot be a colour attachment: the format is block-compressed";
      break;
    case Usage::depth_attachment:
    case Usage::depth_read_only:
      if (!depth) return "cannot be a depth attachment: the format has no depth or stencil aspect";
      break;
    case Usage::storage_read:
    case Usage::storage_write:
      if (depth) return "cannot be a storage image: the format is a depth/stencil format";
      if (is_compressed_format(format)) return "cannot be a storage image: the format is block-compressed";
      if (is_srgb_format(format)) return "cannot be a storage image: the format is sRGB";
      break;
    case Usage::present:
      if (depth) return "cannot be presented: the format is a depth/stencil format";
      break;
    default: break;
  }
  return nullptr;
}

VkImageUsageFlags image_usage_flags(UsageMask usages) {
  VkImageUsageFlags flags = 0;
  if (has_usage(usages, Usage::color_attachment)) flags |= VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
  if (has_usage(usages, Usage::depth_attachment) || has_usage(usages, Usage::depth_read_only))
    flags |= VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
  if (has_usage(usages, Usage::sampled)) flags |= VK_IMAGE_USAGE_SAMPLED_BIT;
  if (has_usage(usages, Usage::storage_read) || has_usage(usages, Usage::storage_write))
    flags |= VK_IMAGE_USAGE_STORAGE_BIT;
  if (has_usage(usages, Usage::transfer_src)) flags |= VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  if (has_usage(usages, Usage::transfer_dst)) flags |= VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  return flags;
}

VkBufferUsageFlags buffer_usage_flags(UsageMask usages) {
  VkBufferUsageFlags flags = 0;
  if (has_usage(usages, Usage::vertex)) flags |= VK_BUFFER_USAGE_VERTEX_BUFFER_BIT;
  if (has_usage(usages, Usage::index)) flags |= VK_BUFFER_USAGE_INDEX_BUFFER_BIT;
  if (has_usage(usages, Usage::indirect)) flags |= VK_BUFFER_USAGE_INDIRECT_BUFFER_BIT;
  if (has_usage(usages, Usage::uniform)) flags |= VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT;
  if (has_usage(usages, Usage::storage_read) || has_usage(usages, Usage::storage_write))
    flags |= VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
  if (has_usage(usages, Usage::transfer_src)) flags |= VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
  if (has_usage(usages, Usage::transfer_dst)) flags |= VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  return flags;
}

const char* usage_name(Usage usage) {
  static constexpr const char* kNames[kUsageCount] = {
      "color_attachment", "depth_attachment", "depth_read_only", "sampled", "storage_read",
      "storage_write",    "transfer_src",     "transfer_dst",    "vertex",  "index",
      "indirect",         "uniform",          "present"};
  const auto i = static_cast<unsigned>(usage);
  return i < kUsageCount ? kNames[i] : "unknown_usage";
}

const char* queue_name(QueueKind queue) {
  switch (queue) {
    case QueueKind::raster: return "raster";
    case QueueKind::compute: return "compute";
    case QueueKind::transfer: return "transfer";
  }
  return "unknown_queue";
}

const char* resource_kind_name(ResourceKind kind) { return kind == ResourceKind::texture ? "texture" : "buffer"; }

}  // namespace kagami::graph
