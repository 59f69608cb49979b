// cook_model: ModelData -> the bytes of a .kgmc file (layout in cooked_format.h).
#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <tuple>

#include "cooked_cook.h"
#include "kagami/asset/cooked_model.h"
#include "kagami/asset/model_import.h"
#include "kagami/core/file_io.h"

namespace kagami::asset {
namespace {

using detail::TextureUsage;

std::uint64_t align_up(std::uint64_t value, std::uint64_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

template <typename T>
void append(std::vector<std::uint8_t>& out, const T* data, std::size_t count) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(data);
  out.insert(out.end(), bytes, bytes + count * sizeof(T));
}

class StringTable {
 public:
  CookedStringRef add(std::string_view text) {
    CookedStringRef ref{std::uint32_t(bytes_.size()), std::uint32_t(text.size())};
    bytes_.insert(bytes_.end(), text.begin(), text.end());
    return ref;
  }
  std::vector<std::uint8_t>& bytes() { return bytes_; }

 private:
  std::vector<std::uint8_t> bytes_;
};

struct Section {
  std::uint32_t kind;
  std::uint32_t record_bytes;
  std::vector<std::uint8_t> bytes;
};

// A texture as materials use it: the same image used for colour and for data
// becomes two textures (their formats and filtering differ).
using TextureKey = std::tuple<std::uint32_t, bool, TextureUsage>;  // image, sRGB, usage

void copy3(float (&to)[3], const glm::vec3& v) { std::memcpy(to, &v.x, sizeof to); }

std::vector<std::uint8_t> assemble(std::vector<Section>& sections, const CookOptions& options) {
  const std::uint64_t table_bytes = sections.size() * sizeof(CookedSectionEntry);
  std::uint64_t offset = align_up(sizeof(CookedFileHeader) + table_bytes, kCookedSectionAlignment);
  std::vector<CookedSectionEntry> table;
  for (const Section& s : sections) {
    table.push_back(CookedSectionEntry{s.kind, s.record_bytes, offset, s.bytes.size()});
    offset = align_up(offset + s.bytes.size(), kCookedSectionAlignment);
  }

  std::vector<std::uint8_t> file(offset, 0);  // zero padding: the bytes are deterministic
  CookedFileHeader header{};
  std::memcpy(header.magic, kCookedMagic, sizeof header.magic);
  header.format_version = kCookedFormatVersion;
  header.cooker_version = options.cooker_version;
  header.header_bytes = sizeof(CookedFileHeader);
  header.content_hash = options.content_hash;
  header.file_bytes = offset;
  header.section_table_offset = sizeof(CookedFileHeader);
  header.section_count = std::uint32_t(sections.size());
  std::memcpy(file.data() + sizeof header, table.data(), table_bytes);
  for (std::size_t i = 0; i < sections.size(); ++i)
    if (!sections[i].bytes.empty())
      std::memcpy(file.data() + table[i].offset, sections[i].bytes.data(), sections[i].bytes.size());

  std::memcpy(file.data(), &header, sizeof header);
  seal_cooked_file(file);
  return file;
}

}  // namespace

Result<std::vector<std::uint8_t>> cook_model(const ModelData& model, const CookOptions& options) {
  const std::string name = model.source.string();
  // The cooker writes only models that pass the import's own consistency
  // checks; the size limits are the format's, not the import's defaults.
  ImportLimits limits;
  limits.max_vertices = limits.max_indices = limits.max_meshes = limits.max_instances =
      std::numeric_limits<std::size_t>::max();
  limits.max_texture_dimension = int(kCookedMaxTextureDimension);
  if (auto checked = check_model(model, limits, name); !checked) return checked.error();
  for (const MeshData& mesh : model.meshes)
    if (mesh.vertex_count() > std::numeric_limits<std::uint32_t>::max() ||
        mesh.indices.size() > std::numeric_limits<std::uint32_t>::max())
      return make_error(name, ": mesh \"", mesh.name, "\" has over 2^32 vertices or indices");

  StringTable strings;
  Section meshes{section::meshes, sizeof(CookedMeshRecord), {}};
  Section vertices{section::vertices, sizeof(CookedVertex), {}};
  Section indices{section::indices, sizeof(std::uint32_t), {}};
  Section tangents{section::tangents, sizeof(glm::vec4), {}};
  std::uint64_t vertex_total = 0, index_total = 0, tangent_total = 0;
  for (const MeshData& mesh : model.meshes) {
    const detail::OptimisedMesh opt = detail::optimise_mesh(mesh, options.overdraw_threshold);
    CookedMeshRecord r{};
    r.name = strings.add(mesh.name);
    r.material = mesh.material;
    r.flags = (mesh.has_uv0 ? mesh_flags::has_uv0 : 0u) | (opt.tangents.empty() ? 0u : mesh_flags::has_tangents);
    r.vertex_count = std::uint32_t(opt.vertices.size());
    r.index_count = std::uint32_t(opt.indices.size());
    r.first_vertex = vertex_total;
    r.first_index = index_total;
    r.first_tangent = opt.tangents.empty() ? 0 : tangent_total;
    copy3(r.bounds_min, mesh.bounds.min);
    copy3(r.bounds_max, mesh.bounds.max);
    append(meshes.bytes, &r, 1);
    append(vertices.bytes, opt.vertices.data(), opt.vertices.size());
    append(indices.bytes, opt.indices.data(), opt.indices.size());
    append(tangents.bytes, opt.tangents.data(), opt.tangents.size());
    vertex_total += opt.vertices.size();
    index_total += opt.indices.size();
    tangent_total += opt.tangents.size();
  }

  // Materials, collecting the textures they use (each distinct use cooked once).
  Section materials{section::materials, sizeof(CookedMaterialRecord), {}};
  std::map<TextureKey, std::uint32_t> texture_index;
  std::vector<TextureKey> texture_order;
  auto texture_for = [&](const std::optional<TextureRef>& ref, TextureUsage usage) -> std::uint32_t {
    if (!ref) return kCookedNoTexture;
    const TextureKey key{ref->image, ref->srgb, usage};
    auto [it, added] = texture_index.emplace(key, std::uint32_t(texture_order.size()));
    if (added) texture_order.push_back(key);
    return it->second;
  };
  for (const MaterialData& m : model.materials) {
    CookedMaterialRecord r{};
    r.name = strings.add(m.name);
    std::memcpy(r.base_color_factor, &m.base_color_factor.x, sizeof r.base_color_factor);
    r.metallic_factor = m.metallic_factor;
    r.roughness_factor = m.roughness_factor;
    copy3(r.emissive_factor, m.emissive_factor);
    r.alpha_cutoff = m.alpha_cutoff;
    r.alpha_mode = std::uint32_t(m.alpha_mode);
    r.flags = m.double_sided ? material_flags::double_sided : 0u;
    // Usage follows the slot; colour vs data filtering follows the reference's sRGB flag.
    auto usage_of = [](const std::optional<TextureRef>& ref) {
      return ref && ref->srgb ? TextureUsage::color : TextureUsage::data;
    };
    r.textures[std::uint32_t(MaterialSlot::base_color)] = texture_for(m.base_color_texture, usage_of(m.base_color_texture));
    r.textures[std::uint32_t(MaterialSlot::metal_rough)] = texture_for(m.metal_rough_texture, usage_of(m.metal_rough_texture));
    r.textures[std::uint32_t(MaterialSlot::normal)] = texture_for(m.normal_texture, TextureUsage::normal);
    r.textures[std::uint32_t(MaterialSlot::emissive)] = texture_for(m.emissive_texture, usage_of(m.emissive_texture));
    append(materials.bytes, &r, 1);
  }

  Section textures{section::textures, sizeof(CookedTextureRecord), {}};
  Section mips{section::mips, sizeof(CookedMipRecord), {}};
  Section texels{section::texels, 1, {}};
  std::uint32_t mip_total = 0;
  for (const auto& [image_index, srgb, usage] : texture_order) {
    const ModelImage& source = model.images[image_index];
    auto cooked = detail::cook_texture(source.image, usage, srgb, options.compress_textures, cat(name, ": ", source.source));
    if (!cooked) return cooked.error();
    CookedTextureRecord r{};
    r.name = strings.add(source.source);
    r.format = std::uint32_t(cooked->format);
    r.width = cooked->width;
    r.height = cooked->height;
    r.mip_count = std::uint32_t(cooked->levels.size());
    r.first_mip = mip_total;
    append(textures.bytes, &r, 1);
    for (std::uint32_t level = 0; level < r.mip_count; ++level) {
      texels.bytes.resize(align_up(texels.bytes.size(), kCookedSectionAlignment), 0);
      const std::vector<std::uint8_t>& data = cooked->levels[level];
      CookedMipRecord m{mip_extent(r.width, level), mip_extent(r.height, level), texels.bytes.size(), data.size()};
      append(mips.bytes, &m, 1);
      texels.bytes.insert(texels.bytes.end(), data.begin(), data.end());
    }
    mip_total += r.mip_count;
  }

  Section instances{section::instances, sizeof(CookedInstanceRecord), {}};
  for (const MeshInstance& inst : model.instances) {
    CookedInstanceRecord r{};
    r.mesh = inst.mesh;
    r.node_name = strings.add(inst.node_name);
    std::memcpy(r.world, glm::value_ptr(inst.world), sizeof r.world);
    append(instances.bytes, &r, 1);
  }

  Section dependencies{section::dependencies, sizeof(CookedDependencyRecord), {}};
  for (const CookedDependency& dep : options.dependencies) {
    CookedDependencyRecord r{strings.add(dep.path), dep.bytes, dep.hash};
    append(dependencies.bytes, &r, 1);
  }

  Section model_section{section::model, sizeof(CookedModelRecord), {}};
  CookedModelRecord record{};
  record.source = strings.add(model.source.filename().string());
  copy3(record.bounds_min, model.bounds.min);
  copy3(record.bounds_max, model.bounds.max);
  append(model_section.bytes, &record, 1);

  if (strings.bytes().size() > std::numeric_limits<std::uint32_t>::max())
    return make_error(name, ": names take over 4 GiB");
  std::vector<Section> sections;
  sections.push_back({section::strings, 1, std::move(strings.bytes())});
  sections.push_back(std::move(model_section));
  sections.push_back(std::move(meshes));
  sections.push_back(std::move(vertices));
  sections.push_back(std::move(indices));
  if (tangent_total > 0) sections.push_back(std::move(tangents));
  sections.push_back(std::move(materials));
  sections.push_back(std::move(textures));
  sections.push_back(std::move(mips));
  sections.push_back(std::move(texels));
  sections.push_back(std::move(instances));
  sections.push_back(std::move(dependencies));
  return assemble(sections, options);
}

Result<void> write_cooked_model(const ModelData& model, const std::filesystem::path& path, const CookOptions& options) {
  auto bytes = cook_model(model, options);
  if (!bytes) return bytes.error();
  return write_file_atomic(path, *bytes);
}

}  // namespace kagami::asset
