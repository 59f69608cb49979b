#include "kagami/render/frame_graph.h"

#include "kagami/render/graph_executor.h"

namespace kagami::render {

graph::TextureHandle FrameGraph::import_texture(std::string_view name, const graph::ImportedTexture& desc,
                                                ImportedImage image) {
  graph::TextureHandle handle = graph_.import_texture(name, desc);
  if (images_.size() <= handle.index) images_.resize(handle.index + 1);
  images_[handle.index] = image;
  return handle;
}

graph::BufferHandle FrameGraph::import_buffer(std::string_view name, const graph::ImportedBuffer& desc,
                                              VkBuffer buffer) {
  graph::BufferHandle handle = graph_.import_buffer(name, desc);
  if (buffers_.size() <= handle.index) buffers_.resize(handle.index + 1, VK_NULL_HANDLE);
  buffers_[handle.index] = buffer;
  return handle;
}

void FrameGraph::clear() {
  graph_.clear();
  records_.clear();
  images_.clear();
  buffers_.clear();
}

VkImage PassContext::image(graph::TextureHandle texture) const { return executor_->physical_[texture.index].image; }
VkImageView PassContext::view(graph::TextureHandle texture) const { return executor_->physical_[texture.index].view; }
VkBuffer PassContext::buffer(graph::BufferHandle buffer) const { return executor_->physical_[buffer.index].buffer; }

}  // namespace kagami::render
