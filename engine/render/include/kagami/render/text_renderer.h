#pragma once
// Text drawn by the engine into a frame: subtitles, the title card, credits
// and overlays. Text is queued during the frame in target pixels, then one
// render-graph pass draws every queued glyph from the font's distance-field
// atlas, alpha-blended over the target, with an optional outline.
#include <array>
#include <memory>
#include <string_view>
#include <vector>

#include "kagami/asset/font.h"
#include "kagami/gpu/device.h"
#include "kagami/gpu/frames.h"
#include "kagami/render/frame_graph.h"
#include "shared/text_types.h"

namespace kagami::render {

struct TextStyle {
  float size = 32.0f;                    // pixels per em-ish (the font's pixel height)
  glm::vec4 color{1.0f};                 // linear RGB, alpha = opacity
  glm::vec4 outline{0.0f, 0.0f, 0.0f, 0.0f};  // rgb + opacity; a = 0: no outline
  asset::TextAlign align = asset::TextAlign::center;
  float wrap_width = 0.0f;               // pixels; 0: only explicit line breaks
};

class TextRenderer {
 public:
  static Result<std::unique_ptr<TextRenderer>> create(gpu::Device& device, VkFormat color_format,
                                                      const std::filesystem::path& font = asset::kDefaultFontPath);
  ~TextRenderer();

  // Queues `utf8` with the top of its block at `anchor.y` and, by alignment,
  // its left edge, centre or right edge at `anchor.x`. Returns the block size.
  glm::vec2 add(std::string_view utf8, glm::vec2 anchor, const TextStyle& style);
  // The size `utf8` would take, without queueing it.
  glm::vec2 measure(std::string_view utf8, const TextStyle& style) const;

  // Draws everything queued since the last call over `target` and empties the
  // queue. `slot` picks the frame's vertex buffer. Returns the target's new version.
  graph::TextureHandle add_pass(FrameGraph& frame, std::uint32_t slot, graph::TextureHandle target);

  const asset::Font& font() const { return font_; }

 private:
  TextRenderer(gpu::Device& device, asset::Font font) : device_(device), font_(std::move(font)) {}
  void record(VkCommandBuffer cmd, std::uint32_t slot, std::uint32_t vertex_count, VkExtent2D extent) const;

  gpu::Device& device_;
  asset::Font font_;
  gpu::Image atlas_;
  VkSampler sampler_ = VK_NULL_HANDLE;
  VkDescriptorSetLayout set_layout_ = VK_NULL_HANDLE;
  VkPipelineLayout layout_ = VK_NULL_HANDLE;
  VkPipeline pipeline_ = VK_NULL_HANDLE;
  std::vector<shader::TextVertex> queued_;
  std::array<gpu::Buffer, gpu::FrameRing::kSlots> vertices_;  // grown on demand
};

}  // namespace kagami::render
