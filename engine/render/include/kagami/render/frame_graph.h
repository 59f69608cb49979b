#pragma once
// FrameGraph: one frame's render graph plus what the pure-logic graph module
// does not hold: each pass's record callback and the Vulkan objects behind
// imported resources. Build one per frame (clear() keeps the storage), then
// hand it to GraphExecutor.
#include <functional>
#include <string_view>
#include <vector>

#include <vulkan/vulkan.h>

#include "kagami/graph/render_graph.h"

namespace kagami::render {

class GraphExecutor;

// What a pass's record callback sees: its command buffer (inside dynamic
// rendering for raster passes with attachments) and the physical objects
// behind the handles it declared.
class PassContext {
 public:
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  VkExtent2D extent{0, 0};  // of the pass's attachments (raster passes)

  VkImage image(graph::TextureHandle texture) const;
  VkImageView view(graph::TextureHandle texture) const;
  VkBuffer buffer(graph::BufferHandle buffer) const;

 private:
  friend class GraphExecutor;
  const GraphExecutor* executor_ = nullptr;
};

using RecordFn = std::function<void(PassContext&)>;

struct ImportedImage {
  VkImage image = VK_NULL_HANDLE;
  VkImageView view = VK_NULL_HANDLE;
};

class FrameGraph {
 public:
  template <typename Setup>
  graph::PassId add_pass(std::string_view name, graph::QueueKind queue, Setup&& setup, RecordFn record,
                         graph::PassFlags flags = graph::PassFlags::none) {
    graph::PassId id = graph_.add_pass(name, queue, std::forward<Setup>(setup), flags);
    if (records_.size() <= id.index) records_.resize(id.index + 1);
    records_[id.index] = std::move(record);
    return id;
  }

  graph::TextureHandle import_texture(std::string_view name, const graph::ImportedTexture& desc, ImportedImage image);
  graph::BufferHandle import_buffer(std::string_view name, const graph::ImportedBuffer& desc, VkBuffer buffer);

  void clear();

  const graph::RenderGraph& graph() const { return graph_; }
  graph::RenderGraph& graph() { return graph_; }
  const RecordFn& record(graph::PassId pass) const { return records_[pass.index]; }
  // By ResourceId; null handles for transients.
  const std::vector<ImportedImage>& imported_images() const { return images_; }
  const std::vector<VkBuffer>& imported_buffers() const { return buffers_; }

 private:
  graph::RenderGraph graph_;
  std::vector<RecordFn> records_;
  std::vector<ImportedImage> images_;
  std::vector<VkBuffer> buffers_;
};

}  // namespace kagami::render
