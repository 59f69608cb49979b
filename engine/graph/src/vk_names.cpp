#include "kagami/graph/vk_names.h"

#include <cstdint>

#include "kagami/core/strings.h"

namespace kagami::graph {
namespace {

struct BitName {
  std::uint64_t bit;
  const char* name;
};

#define KAGAMI_STAGE(name) {VK_PIPELINE_STAGE_2_##name##_BIT, #name}
constexpr BitName kStages[] = {
    KAGAMI_STAGE(TOP_OF_PIPE),
    KAGAMI_STAGE(DRAW_INDIRECT),
    KAGAMI_STAGE(VERTEX_INPUT),
    KAGAMI_STAGE(VERTEX_SHADER),
    KAGAMI_STAGE(TESSELLATION_CONTROL_SHADER),
    KAGAMI_STAGE(TESSELLATION_EVALUATION_SHADER),
    KAGAMI_STAGE(GEOMETRY_SHADER),
    KAGAMI_STAGE(FRAGMENT_SHADER),
    KAGAMI_STAGE(EARLY_FRAGMENT_TESTS),
    KAGAMI_STAGE(LATE_FRAGMENT_TESTS),
    KAGAMI_STAGE(COLOR_ATTACHMENT_OUTPUT),
    KAGAMI_STAGE(COMPUTE_SHADER),
    KAGAMI_STAGE(ALL_TRANSFER),
    KAGAMI_STAGE(BOTTOM_OF_PIPE),
    KAGAMI_STAGE(HOST),
    KAGAMI_STAGE(ALL_GRAPHICS),
    KAGAMI_STAGE(ALL_COMMANDS),
    KAGAMI_STAGE(COPY),
    KAGAMI_STAGE(RESOLVE),
    KAGAMI_STAGE(BLIT),
    KAGAMI_STAGE(CLEAR),
    KAGAMI_STAGE(INDEX_INPUT),
    KAGAMI_STAGE(VERTEX_ATTRIBUTE_INPUT),
    KAGAMI_STAGE(PRE_RASTERIZATION_SHADERS),
};
#undef KAGAMI_STAGE

#define KAGAMI_ACCESS(name) {VK_ACCESS_2_##name##_BIT, #name}
constexpr BitName kAccesses[] = {
    KAGAMI_ACCESS(INDIRECT_COMMAND_READ),
    KAGAMI_ACCESS(INDEX_READ),
    KAGAMI_ACCESS(VERTEX_ATTRIBUTE_READ),
    KAGAMI_ACCESS(UNIFORM_READ),
    KAGAMI_ACCESS(INPUT_ATTACHMENT_READ),
    KAGAMI_ACCESS(SHADER_READ),
    KAGAMI_ACCESS(SHADER_WRITE),
    KAGAMI_ACCESS(COLOR_ATTACHMENT_READ),
    KAGAMI_ACCESS(COLOR_ATTACHMENT_WRITE),
    KAGAMI_ACCESS(DEPTH_STENCIL_ATTACHMENT_READ),
    KAGAMI_ACCESS(DEPTH_STENCIL_ATTACHMENT_WRITE),
    KAGAMI_ACCESS(TRANSFER_READ),
    KAGAMI_ACCESS(TRANSFER_WRITE),
    KAGAMI_ACCESS(HOST_READ),
    KAGAMI_ACCESS(HOST_WRITE),
    KAGAMI_ACCESS(MEMORY_READ),
    KAGAMI_ACCESS(MEMORY_WRITE),
    KAGAMI_ACCESS(SHADER_SAMPLED_READ),
    KAGAMI_ACCESS(SHADER_STORAGE_READ),
    KAGAMI_ACCESS(SHADER_STORAGE_WRITE),
};
#undef KAGAMI_ACCESS

template <std::size_t N>
std::string mask_names(std::uint64_t mask, const BitName (&table)[N]) {
  if (mask == 0) return "NONE";
  std::string out;
  std::uint64_t named = 0;
  for (const BitName& b : table) {
    if ((mask & b.bit) == 0) continue;
    if (!out.empty()) out += '|';
    out += b.name;
    named |= b.bit;
  }
  if ((mask & ~named) != 0) {
    if (!out.empty()) out += '|';
    out += cat("0x", std::hex, mask & ~named);
  }
  return out;
}

}  // namespace

std::string stage_names(VkPipelineStageFlags2 stages) { return mask_names(stages, kStages); }
std::string access_names(VkAccessFlags2 access) { return mask_names(access, kAccesses); }

std::string aspect_names(VkImageAspectFlags aspect) {
  static constexpr BitName kAspects[] = {{VK_IMAGE_ASPECT_COLOR_BIT, "COLOR"},
                                         {VK_IMAGE_ASPECT_DEPTH_BIT, "DEPTH"},
                                         {VK_IMAGE_ASPECT_STENCIL_BIT, "STENCIL"}};
  return mask_names(aspect, kAspects);
}

const char* layout_name(VkImageLayout layout) {
  switch (layout) {
    case VK_IMAGE_LAYOUT_UNDEFINED: return "UNDEFINED";
    case VK_IMAGE_LAYOUT_GENERAL: return "GENERAL";
    case VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL: return "COLOR_ATTACHMENT_OPTIMAL";
    case VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL: return "DEPTH_STENCIL_ATTACHMENT_OPTIMAL";
    case VK_IMAGE_LAYOUT_DEPTH_STENCIL_READ_ONLY_OPTIMAL: return "DEPTH_STENCIL_READ_ONLY_OPTIMAL";
    case VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL: return "SHADER_READ_ONLY_OPTIMAL";
    case VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL: return "TRANSFER_SRC_OPTIMAL";
    case VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL: return "TRANSFER_DST_OPTIMAL";
    case VK_IMAGE_LAYOUT_PREINITIALIZED: return "PREINITIALIZED";
    case VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL: return "DEPTH_ATTACHMENT_OPTIMAL";
    case VK_IMAGE_LAYOUT_DEPTH_READ_ONLY_OPTIMAL: return "DEPTH_READ_ONLY_OPTIMAL";
    case VK_IMAGE_LAYOUT_STENCIL_ATTACHMENT_OPTIMAL: return "STENCIL_ATTACHMENT_OPTIMAL";
    case VK_IMAGE_LAYOUT_STENCIL_READ_ONLY_OPTIMAL: return "STENCIL_READ_ONLY_OPTIMAL";
    case VK_IMAGE_LAYOUT_READ_ONLY_OPTIMAL: return "READ_ONLY_OPTIMAL";
    case VK_IMAGE_LAYOUT_ATTACHMENT_OPTIMAL: return "ATTACHMENT_OPTIMAL";
    case VK_IMAGE_LAYOUT_PRESENT_SRC_KHR: return "PRESENT_SRC_KHR";
    default: return "UNKNOWN_LAYOUT";
  }
}

const char* load_op_name(VkAttachmentLoadOp op) {
  switch (op) {
    case VK_ATTACHMENT_LOAD_OP_LOAD: return "LOAD";
    case VK_ATTACHMENT_LOAD_OP_CLEAR: return "CLEAR";
    case VK_ATTACHMENT_LOAD_OP_DONT_CARE: return "DONT_CARE";
    case VK_ATTACHMENT_LOAD_OP_NONE_EXT: return "NONE";
    default: return "UNKNOWN_LOAD_OP";
  }
}

const char* store_op_name(VkAttachmentStoreOp op) {
  switch (op) {
    case VK_ATTACHMENT_STORE_OP_STORE: return "STORE";
    case VK_ATTACHMENT_STORE_OP_DONT_CARE: return "DONT_CARE";
    case VK_ATTACHMENT_STORE_OP_NONE: return "NONE";
    default: return "UNKNOWN_STORE_OP";
  }
}

}  // namespace kagami::graph
