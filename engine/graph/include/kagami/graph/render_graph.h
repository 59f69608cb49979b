#pragma once
// RenderGraph: the declaration side of the frame graph. Each pass names what
// it creates, reads and writes; nothing here records commands. The executor
// (render module) keeps one record callback per PassId and asks compile() for
// the order, barriers, attachments and memory placement.
//
//   RenderGraph graph;
//   TextureHandle swapchain = graph.import_texture("swapchain", {...});
//   TextureHandle hdr;
//   graph.add_pass("lighting", QueueKind::raster, [&](PassBuilder& pass) {
//     hdr = pass.create_texture("hdr", {VK_FORMAT_R16G16B16A16_SFLOAT, 1920, 1080});
//     hdr = pass.write(hdr, Usage::color_attachment);
//   });
//
// Misuse (a stale handle, a second writer of one version, reading something
// nobody wrote, writing a read-only import) is recorded as it is declared and
// returned by compile(), with the pass and the resource named.
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kagami/core/result.h"
#include "kagami/graph/types.h"

namespace kagami::graph {

struct PassDecl {
  NameRef name;
  QueueKind queue = QueueKind::raster;
  bool side_effects = false;
  Range accesses;  // into RenderGraph::accesses(), one entry per resource the pass touches
};

// One pass's use of one resource. All usages of the same resource in a pass
// merge into one entry (sampled + depth_read_only, storage read + write).
struct AccessDecl {
  ResourceId resource;
  PassId pass;
  std::uint32_t version = 0;  // the version read, or consumed by the write
  bool writes = false;        // the pass produces version + 1
  UsageMask usages = 0;
  VkPipelineStageFlags2 shader_stages = 0;  // explicit shader stages (0: derived from the queue kind)
  std::uint32_t producer = kInvalidIndex;   // access that wrote `version`; none for imports / fresh transients
  std::uint32_t next_reader = kInvalidIndex;  // list of readers of one version, newest first
  std::uint32_t readers = kInvalidIndex;      // writes: head of the reader list of the consumed version
};

struct ResourceDecl {
  NameRef name;
  ResourceKind kind = ResourceKind::texture;
  TextureDesc texture;
  BufferDesc buffer;
  bool imported = false;
  bool read_only = false;
  bool exported = false;
  ResourceState initial;  // imports only
  std::optional<ResourceState> final_state;
  PassId creator;  // transients: the pass that created it
  std::uint32_t version = 0;                // latest version
  std::uint32_t last_write = kInvalidIndex;  // access that produced `version`
  std::uint32_t readers = kInvalidIndex;     // readers of `version`, newest first
  PassId presented_by;  // after a present, the image belongs to the presentation engine

  // Whether version 0 holds anything: imports do unless their layout is UNDEFINED.
  bool initial_contents() const {
    return imported && (kind == ResourceKind::buffer || initial.layout != VK_IMAGE_LAYOUT_UNDEFINED);
  }
};

// "`before` runs before `after` if both run" (ordering without data flow,
// e.g. between side-effect passes). Does not keep `before` alive.
struct Dependency {
  PassId before;
  PassId after;
};

class RenderGraph;

class PassBuilder {
 public:
  TextureHandle create_texture(std::string_view name, const TextureDesc& desc);
  BufferHandle create_buffer(std::string_view name, const BufferDesc& desc);

  // Reads return the handle they were given. `shader_stages` names the shader
  // stages of a shader usage (sampled, storage, uniform) when the default is
  // not right, e.g. VERTEX_SHADER for a storage buffer read by a vertex shader.
  TextureHandle read(TextureHandle texture, Usage usage, VkPipelineStageFlags2 shader_stages = 0);
  BufferHandle read(BufferHandle buffer, Usage usage, VkPipelineStageFlags2 shader_stages = 0);
  // Writes return the next version; the handle given becomes stale for later passes.
  TextureHandle write(TextureHandle texture, Usage usage, VkPipelineStageFlags2 shader_stages = 0);
  BufferHandle write(BufferHandle buffer, Usage usage, VkPipelineStageFlags2 shader_stages = 0);

  PassId id() const { return pass_; }

 private:
  friend class RenderGraph;
  PassBuilder(RenderGraph& graph, PassId pass) : graph_(&graph), pass_(pass) {}
  RenderGraph* graph_;
  PassId pass_;
};

class RenderGraph {
 public:
  // Runs `setup(PassBuilder&)` at once; the graph keeps no callback.
  template <typename Setup>
  PassId add_pass(std::string_view name, QueueKind queue, Setup&& setup, PassFlags flags = PassFlags::none) {
    PassBuilder builder = begin_pass(name, queue, flags);
    std::forward<Setup>(setup)(builder);
    end_pass(builder.id());
    return builder.id();
  }

  TextureHandle import_texture(std::string_view name, const ImportedTexture& texture);
  BufferHandle import_buffer(std::string_view name, const ImportedBuffer& buffer);
  void add_dependency(PassId before, PassId after);

  // Forget every declaration but keep the storage: build one graph per frame.
  void clear();
  void reserve(std::size_t passes, std::size_t resources, std::size_t accesses);

  std::span<const PassDecl> passes() const { return passes_; }
  std::span<const ResourceDecl> resources() const { return resources_; }
  std::span<const AccessDecl> accesses() const { return accesses_; }
  std::span<const AccessDecl> accesses(PassId pass) const {
    const Range r = passes_[pass.index].accesses;
    return std::span<const AccessDecl>(accesses_).subspan(r.begin, r.count);
  }
  std::span<const Dependency> dependencies() const { return dependencies_; }

  std::string_view names() const { return names_; }  // the arena every NameRef points into
  std::string_view name(NameRef ref) const { return std::string_view(names_).substr(ref.offset, ref.size); }
  std::string_view pass_name(PassId pass) const { return name(passes_[pass.index].name); }
  std::string_view resource_name(ResourceId resource) const { return name(resources_[resource.index].name); }

  // Misuse found while declaring, in order. compile() fails with the first.
  const std::vector<Error>& errors() const { return errors_; }

 private:
  friend class PassBuilder;
  PassBuilder begin_pass(std::string_view name, QueueKind queue, PassFlags flags);
  void end_pass(PassId pass);
  NameRef store_name(std::string_view name);
  ResourceId add_resource(std::string_view name, ResourceKind kind);
  // Shared by read/write of both handle kinds; returns the version to hand back.
  std::uint32_t use(PassId pass, ResourceKind kind, std::uint32_t index, std::uint32_t version, Usage usage,
                    VkPipelineStageFlags2 shader_stages, bool write);
  template <typename... Args>
  void fail(const Args&... parts) { errors_.push_back(make_error(parts...)); }

  std::vector<PassDecl> passes_;
  std::vector<ResourceDecl> resources_;
  std::vector<AccessDecl> accesses_;
  std::vector<Dependency> dependencies_;
  std::vector<Error> errors_;
  std::string names_;
  PassId open_pass_;
};

}  // namespace kagami::graph
