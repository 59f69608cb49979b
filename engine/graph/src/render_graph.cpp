#include "kagami/graph/render_graph.h"

#include <bit>

#include "kagami/graph/usage.h"

namespace kagami::graph {
namespace {

bool valid_sample_count(VkSampleCountFlagBits samples) {
  const auto n = static_cast<std::uint32_t>(samples);
  return n >= 1 && n <= 64 && std::has_single_bit(n);
}

}  // namespace

NameRef RenderGraph::store_name(std::string_view name) {
  NameRef ref{static_cast<std::uint32_t>(names_.size()), static_cast<std::uint32_t>(name.size())};
  names_.append(name);
  return ref;
}

ResourceId RenderGraph::add_resource(std::string_view name, ResourceKind kind) {
  ResourceDecl& r = resources_.emplace_back();
  r.name = store_name(name);
  r.kind = kind;
  return ResourceId{static_cast<std::uint32_t>(resources_.size() - 1)};
}

PassBuilder RenderGraph::begin_pass(std::string_view name, QueueKind queue, PassFlags flags) {
  if (open_pass_.valid()) {
    // Each pass's accesses are one contiguous range: no pass inside another's setup.
    fail("pass '", name, "' is declared inside the setup of pass '", pass_name(open_pass_), "'");
  }
  PassDecl& pass = passes_.emplace_back();
  pass.name = store_name(name);
  pass.queue = queue;
  pass.side_effects = (static_cast<unsigned>(flags) & static_cast<unsigned>(PassFlags::side_effects)) != 0;
  pass.accesses = Range{static_cast<std::uint32_t>(accesses_.size()), 0};
  open_pass_ = PassId{static_cast<std::uint32_t>(passes_.size() - 1)};
  return PassBuilder(*this, open_pass_);
}

void RenderGraph::end_pass(PassId pass) {
  PassDecl& decl = passes_[pass.index];
  decl.accesses.count = static_cast<std::uint32_t>(accesses_.size()) - decl.accesses.begin;
  open_pass_ = PassId{};
}

TextureHandle RenderGraph::import_texture(std::string_view name, const ImportedTexture& texture) {
  const ResourceId id = add_resource(name, ResourceKind::texture);
  ResourceDecl& r = resources_[id.index];
  r.texture = texture.desc;
  r.imported = true;
  r.read_only = texture.read_only;
  r.exported = texture.exported;
  r.initial = texture.initial;
  r.final_state = texture.final_state;
  if (texture.desc.format == VK_FORMAT_UNDEFINED) fail("imported texture '", name, "' has no format");
  return TextureHandle{id.index, 0};
}

BufferHandle RenderGraph::import_buffer(std::string_view name, const ImportedBuffer& buffer) {
  const ResourceId id = add_resource(name, ResourceKind::buffer);
  ResourceDecl& r = resources_[id.index];
  r.buffer = buffer.desc;
  r.imported = true;
  r.read_only = buffer.read_only;
  r.exported = buffer.exported;
  r.initial = buffer.initial;
  r.final_state = buffer.final_state;
  r.initial.layout = VK_IMAGE_LAYOUT_UNDEFINED;
  if (r.final_state) r.final_state->layout = VK_IMAGE_LAYOUT_UNDEFINED;
  return BufferHandle{id.index, 0};
}

void RenderGraph::add_dependency(PassId before, PassId after) {
  if (before.index >= passes_.size() || after.index >= passes_.size()) {
    fail("add_dependency: pass id ", before.index, " or ", after.index, " does not exist (", passes_.size(),
         " passes)");
    return;
  }
  dependencies_.push_back({before, after});
}

void RenderGraph::clear() {
  passes_.clear();
  resources_.clear();
  accesses_.clear();
  dependencies_.clear();
  errors_.clear();
  names_.clear();
  open_pass_ = PassId{};
}

void RenderGraph::reserve(std::size_t passes, std::size_t resources, std::size_t accesses) {
  passes_.reserve(passes);
  resources_.reserve(resources);
  accesses_.reserve(accesses);
  names_.reserve(16 * (passes + resources));
}

std::uint32_t RenderGraph::use(PassId pass, ResourceKind kind, std::uint32_t index, std::uint32_t version,
                               Usage usage, VkPipelineStageFlags2 shader_stages, bool write) {
  const std::string_view pass_label = pass_name(pass);
  if (pass != open_pass_) {
    fail("pass '", pass_label, "' declares an access after its setup returned");
    return version;
  }
  if (index >= resources_.size() || resources_[index].kind != kind) {
    fail("pass '", pass_label, "' uses an invalid ", resource_kind_name(kind), " handle (index ",
         index == kInvalidIndex ? -1 : static_cast<long long>(index), ")");
    return version;
  }
  ResourceDecl& r = resources_[index];
  const std::string_view res = name(r.name);
  if (write != is_write_usage(usage)) {
    fail("pass '", pass_label, "' ", write ? "writes" : "reads", " '", res, "' with usage ", usage_name(usage),
         ", which ", write ? "only reads: use read()" : "writes: use write()");
    return version;
  }
  if (r.presented_by.valid() && r.presented_by != pass) {
    fail("pass '", pass_label, "' uses '", res, "' after pass '", pass_name(r.presented_by), "' presented it");
    return version;
  }
  if (version > r.version) {
    fail("pass '", pass_label, "' uses '", res, "' version ", version, ", which does not exist (latest is ",
         r.version, ")");
    return version;
  }

  // The entry this pass already has for the resource, if any.
  const PassDecl& decl = passes_[pass.index];
  std::uint32_t existing = kInvalidIndex;
  for (std::uint32_t i = decl.accesses.begin; i < accesses_.size(); ++i) {
    if (accesses_[i].resource.index == index) {
      existing = i;
      break;
    }
  }

  if (existing != kInvalidIndex) {
    AccessDecl& e = accesses_[existing];
    if (write && e.writes) {
      fail("pass '", pass_label, "' writes '", res, "' twice");
      return version;
    }
    if (version != e.version) {
      if (e.writes && version == e.version + 1) {
        fail("pass '", pass_label, "' reads '", res, "' version ", version, ", which it writes itself");
      } else {
        fail("pass '", pass_label, "' uses '", res, "' as version ", e.version, " and version ", version,
             " (a stale handle)");
      }
      return version;
    }
    if (!write && version == 0 && !r.initial_contents()) {
      fail("pass '", pass_label, "' reads '", res, "', which no pass writes before it");
      return version;
    }
    // Another usage of the version this pass already touches: merge.
    e.usages |= usage_bit(usage);
    e.shader_stages |= shader_stages;
    if (usage == Usage::present) r.presented_by = pass;
    if (write) {
      if (r.read_only) {
        fail("pass '", pass_label, "' writes '", res, "', an import declared read-only");
        return version;
      }
      e.writes = true;
      e.readers = r.readers;
      r.readers = kInvalidIndex;
      r.last_write = existing;
      ++r.version;
      return r.version;
    }
    return version;
  }

  if (version < r.version) {
    const std::string_view writer =
        r.last_write != kInvalidIndex ? pass_name(accesses_[r.last_write].pass) : std::string_view("?");
    if (write && version + 1 == r.version) {
      fail("pass '", pass_label, "' writes '", res, "' version ", version, ", which pass '", writer,
           "' already wrote (two writers of one version; use the handle its write returned)");
    } else {
      fail("pass '", pass_label, "' uses a stale handle to '", res, "' (version ", version,
           "; the latest is version ", r.version, ", written by pass '", writer, "')");
    }
    return version;
  }
  if (write && r.read_only) {
    fail("pass '", pass_label, "' writes '", res, "', an import declared read-only");
    return version;
  }
  if (!write && version == 0 && !r.initial_contents()) {
    fail("pass '", pass_label, "' reads '", res, "', which no pass writes before it");
    return version;
  }

  const auto access_index = static_cast<std::uint32_t>(accesses_.size());
  AccessDecl& a = accesses_.emplace_back();
  a.resource = ResourceId{index};
  a.pass = pass;
  a.version = version;
  a.writes = write;
  a.usages = usage_bit(usage);
  a.shader_stages = shader_stages;
  a.producer = r.last_write;
  if (write) {
    a.readers = r.readers;
    r.readers = kInvalidIndex;
    r.last_write = access_index;
    ++r.version;
    return r.version;
  }
  a.next_reader = r.readers;
  r.readers = access_index;
  if (usage == Usage::present) r.presented_by = pass;
  return version;
}

TextureHandle PassBuilder::create_texture(std::string_view name, const TextureDesc& desc) {
  RenderGraph& g = *graph_;
  const std::string_view pass = g.pass_name(pass_);
  const std::uint32_t largest = desc.width > desc.height ? desc.width : desc.height;
  const std::uint32_t max_mips = largest == 0 ? 0 : static_cast<std::uint32_t>(std::bit_width(largest));
  if (desc.format == VK_FORMAT_UNDEFINED) {
    g.fail("pass '", pass, "' creates texture '", name, "' without a format");
  } else if (desc.width == 0 || desc.height == 0) {
    g.fail("pass '", pass, "' creates texture '", name, "' with an empty extent ", desc.width, "x", desc.height);
  } else if (desc.mip_levels == 0 || desc.mip_levels > max_mips) {
    g.fail("pass '", pass, "' creates texture '", name, "' with ", desc.mip_levels, " mip levels (1 to ",
           max_mips, " fit ", desc.width, "x", desc.height, ")");
  } else if (desc.array_layers == 0) {
    g.fail("pass '", pass, "' creates texture '", name, "' with no array layers");
  } else if (!valid_sample_count(desc.samples) || (desc.samples != VK_SAMPLE_COUNT_1_BIT && desc.mip_levels > 1)) {
    g.fail("pass '", pass, "' creates texture '", name, "' with an invalid sample count ",
           static_cast<int>(desc.samples), desc.mip_levels > 1 ? " for a mipmapped texture" : "");
  } else {
    const ResourceId id = g.add_resource(name, ResourceKind::texture);
    g.resources_[id.index].texture = desc;
    g.resources_[id.index].creator = pass_;
    return TextureHandle{id.index, 0};
  }
  return TextureHandle{};
}

BufferHandle PassBuilder::create_buffer(std::string_view name, const BufferDesc& desc) {
  RenderGraph& g = *graph_;
  if (desc.size == 0) {
    g.fail("pass '", g.pass_name(pass_), "' creates buffer '", name, "' with size 0");
    return BufferHandle{};
  }
  const ResourceId id = g.add_resource(name, ResourceKind::buffer);
  g.resources_[id.index].buffer = desc;
  g.resources_[id.index].creator = pass_;
  return BufferHandle{id.index, 0};
}

TextureHandle PassBuilder::read(TextureHandle texture, Usage usage, VkPipelineStageFlags2 shader_stages) {
  graph_->use(pass_, ResourceKind::texture, texture.index, texture.version, usage, shader_stages, false);
  return texture;
}

BufferHandle PassBuilder::read(BufferHandle buffer, Usage usage, VkPipelineStageFlags2 shader_stages) {
  graph_->use(pass_, ResourceKind::buffer, buffer.index, buffer.version, usage, shader_stages, false);
  return buffer;
}

TextureHandle PassBuilder::write(TextureHandle texture, Usage usage, VkPipelineStageFlags2 shader_stages) {
  const std::uint32_t v =
      graph_->use(pass_, ResourceKind::texture, texture.index, texture.version, usage, shader_stages, true);
  return TextureHandle{texture.index, v};
}

BufferHandle PassBuilder::write(BufferHandle buffer, Usage usage, VkPipelineStageFlags2 shader_stages) {
  const std::uint32_t v =
      graph_->use(pass_, ResourceKind::buffer, buffer.index, buffer.version, usage, shader_stages, true);
  return BufferHandle{buffer.index, v};
}

}  // namespace kagami::graph

