#pragma once
// Readable names for the Vulkan enums the graph emits, for JSON, DOT, error
// messages and test failures. Masks print as "A|B" in bit order; 0 is "NONE".
#include <string>

#include <vulkan/vulkan_core.h>

namespace kagami::graph {

std::string stage_names(VkPipelineStageFlags2 stages);   // "FRAGMENT_SHADER|COMPUTE_SHADER"
std::string access_names(VkAccessFlags2 access);         // "SHADER_SAMPLED_READ"
std::string aspect_names(VkImageAspectFlags aspect);     // "DEPTH|STENCIL"
const char* layout_name(VkImageLayout layout);           // "COLOR_ATTACHMENT_OPTIMAL"
const char* load_op_name(VkAttachmentLoadOp op);         // "CLEAR"
const char* store_op_name(VkAttachmentStoreOp op);       // "DONT_CARE"

}  // namespace kagami::graph
