// Loading a .kgmc file: one read, then validation of every field before any of
// it is used. Nothing is parsed per vertex; the only pass over bulk data is
// the index range check (and, when asked for, the bulk data checksum).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iomanip>

#include "kagami/asset/cooked_model.h"

namespace kagami::asset {
namespace detail {
namespace {

struct SectionSpec {
  std::uint32_t kind;
  std::uint32_t record_bytes;
  bool required;
};
constexpr std::array<SectionSpec, 12> kSections = {{
    {section::strings, 1, true},
    {section::model, sizeof(CookedModelRecord), true},
    {section::meshes, sizeof(CookedMeshRecord), true},
    {section::vertices, sizeof(CookedVertex), true},
    {section::indices, sizeof(std::uint32_t), true},
    {section::tangents, sizeof(glm::vec4), false},
    {section::materials, sizeof(CookedMaterialRecord), true},
    {section::textures, sizeof(CookedTextureRecord), true},
    {section::mips, sizeof(CookedMipRecord), true},
    {section::texels, 1, true},
    {section::instances, sizeof(CookedInstanceRecord), true},
    {section::dependencies, sizeof(CookedDependencyRecord), true},
}};

// "MESH", or the hex value when the kind is not printable (a damaged table).
std::string kind_name(std::uint32_t kind) {
  std::string name;
  for (int i = 0; i < 4; ++i) {
    const char c = char((kind >> (8 * i)) & 0xff);
    if (c < 0x20 || c > 0x7e) return cat("0x", std::hex, std::setw(8), std::setfill('0'), kind);
    name += c;
  }
  return name;
}

bool finite(const float* v, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(v[i])) return false;
  return true;
}

glm::vec3 vec3_of(const float (&v)[3]) { return {v[0], v[1], v[2]}; }

// Whether any of `count` uint32 indices is >= limit: the one pass over bulk
// data a default load makes. An OR of comparisons, not a max, so the
// vectorised loop has no long dependency chain (SSE2 has no unsigned max):
// about four times faster, near memory speed.
bool indices_reach(const std::uint8_t* bytes, std::size_t count, std::uint32_t limit) {
  std::uint32_t reached = 0;
  for (std::size_t k = 0; k < count; ++k) {
    std::uint32_t index;
    std::memcpy(&index, bytes + k * 4, 4);
    reached |= index >= limit ? 1u : 0u;
  }
  return reached != 0;
}

}  // namespace

// Fills a CookedModel from its bytes. Each check_* stops at the first problem
// and records it; parse() turns that into the Error.
struct CookedReader {
  CookedModel& m;
  const std::uint8_t* data;
  std::size_t size;
  std::optional<Error> error;
  std::array<std::optional<CookedSectionEntry>, kSections.size()> found{};

  template <typename... Parts>
  bool fail(const Parts&... parts) {
    if (!error) error = make_error(m.path_, ": ", parts...);
    return false;
  }

  const CookedSectionEntry& get(std::uint32_t kind) const {
    for (std::size_t i = 0; i < kSections.size(); ++i)
      if (kSections[i].kind == kind) return *found[i];
    std::abort();  // only called with kinds from kSections
  }
  bool has(std::uint32_t kind) const {
    for (std::size_t i = 0; i < kSections.size(); ++i)
      if (kSections[i].kind == kind) return found[i].has_value();
    return false;
  }
  std::uint64_t count(std::uint32_t kind) const {
    if (!has(kind)) return 0;
    const CookedSectionEntry& e = get(kind);
    return e.bytes / e.record_bytes;
  }
  template <typename T>
  T record(std::uint32_t kind, std::uint64_t i) const {
    T value;
    std::memcpy(&value, data + get(kind).offset + i * sizeof(T), sizeof(T));
    return value;
  }
  std::span<const std::uint8_t> elements(std::uint32_t kind, std::uint64_t first, std::uint64_t n) const {
    const CookedSectionEntry& e = get(kind);
    return {data + e.offset + first * e.record_bytes, n * e.record_bytes};
  }
  // [first, first + n) lies within the kind's `total` elements, without overflow.
  static bool within(std::uint64_t first, std::uint64_t n, std::uint64_t total) { return first <= total && n <= total - first; }

  // `what` and `index` name the owner in a message; built only on failure (this runs per record).
  bool string(CookedStringRef ref, std::string_view& out, const char* what, std::uint64_t index) {
    const CookedSectionEntry& strings = get(section::strings);
    if (!within(ref.offset, ref.length, strings.bytes))
      return fail(what, " ", index, " name lies outside the string table (", ref.offset, "+", ref.length, " of ",
                  strings.bytes, " bytes)");
    out = std::string_view(reinterpret_cast<const char*>(data + strings.offset + ref.offset), ref.length);
    return true;
  }

  bool check_header(const CookedLoadOptions& options, CookedFileHeader& h) {
    if (size < 8) return fail("not a Kagami cooked model (", size, " bytes, too short for a header)");
    if (std::memcmp(data, kCookedMagic, sizeof kCookedMagic) != 0) {
      std::ostringstream magic;
      for (int i = 0; i < 4; ++i) magic << (i ? " " : "") << std::hex << std::setw(2) << std::setfill('0') << int(data[i]);
      return fail("not a Kagami cooked model (starts with bytes ", magic.str(), ", not \"KGMC\")");
    }
    std::uint32_t version = 0;
    std::memcpy(&version, data + offsetof(CookedFileHeader, format_version), sizeof version);
    if (version != kCookedFormatVersion)
      return fail("was cooked by format version ", version, "; this build reads version ", kCookedFormatVersion, " (the file is ",
                  version < kCookedFormatVersion ? "older" : "newer", "): re-cook it");
    if (size < sizeof(CookedFileHeader))
      return fail("truncated: ", size, " bytes, shorter than the ", sizeof(CookedFileHeader), "-byte header; re-cook it");
    std::memcpy(&h, data, sizeof h);
    if (h.header_checksum != cooked_header_checksum({data, size}))
      return fail("header is damaged (checksum mismatch); re-cook it");
    if (h.header_bytes != sizeof(CookedFileHeader) || h.flags != 0)
      return fail("header has size ", h.header_bytes, " and flags ", h.flags, "; this build expects ", sizeof(CookedFileHeader),
                  " and 0");
    if (h.file_bytes != size)
      return fail("is ", size, " bytes but its header says ", h.file_bytes, " (",
                  size < h.file_bytes ? "truncated" : "bytes were appended", "); re-cook it");
    if (options.verify_bulk_data && cooked_payload_checksum({data, size}) != h.payload_checksum)
      return fail("contents are damaged (checksum mismatch); re-cook it");
    return true;
  }

  bool check_sections(const CookedFileHeader& h) {
    if (h.section_count > kCookedMaxSections) return fail("has ", h.section_count, " sections, over the limit of ", kCookedMaxSections);
    const std::uint64_t table_bytes = std::uint64_t(h.section_count) * sizeof(CookedSectionEntry);
    if (h.section_table_offset < sizeof(CookedFileHeader) || !within(h.section_table_offset, table_bytes, size))
      return fail("section table (", h.section_count, " entries at offset ", h.section_table_offset, ") lies outside the file");
    for (std::uint32_t i = 0; i < h.section_count; ++i) {
      CookedSectionEntry e;
      std::memcpy(&e, data + h.section_table_offset + i * sizeof e, sizeof e);
      std::size_t spec = 0;
      while (spec < kSections.size() && kSections[spec].kind != e.kind) ++spec;
      const std::string kind = kind_name(e.kind);
      if (spec == kSections.size()) return fail("has an unknown section ", kind);
      if (found[spec]) return fail("has two ", kind, " sections");
      if (e.record_bytes != kSections[spec].record_bytes)
        return fail("section ", kind, " has ", e.record_bytes, "-byte records; this build expects ", kSections[spec].record_bytes);
      if (e.bytes % e.record_bytes != 0) return fail("section ", kind, " is ", e.bytes, " bytes, not whole records");
      if (e.offset % kCookedSectionAlignment != 0 || e.offset < sizeof(CookedFileHeader) || !within(e.offset, e.bytes, size))
        return fail("section ", kind, " (", e.bytes, " bytes at offset ", e.offset, ") is misaligned or runs past the end of the ",
                    size, "-byte file");
      found[spec] = e;
    }
    for (std::size_t spec = 0; spec < kSections.size(); ++spec)
      if (kSections[spec].required && !found[spec]) return fail("has no ", kind_name(kSections[spec].kind), " section");
    if (!check_layout(h)) return false;
    // Every section is in bounds now, so the checksum of all but the bulk data
    // can be computed: from here on, every record and name is as cooked.
    if (cooked_metadata_checksum({data, size}) != h.metadata_checksum)
      return fail("section table or records are damaged (checksum mismatch); re-cook it");
    if (count(section::model) != 1) return fail("has ", count(section::model), " MODL records, not 1");
    return true;
  }

  // The table and the sections tile the file without overlapping, and the
  // alignment padding between them is zero: with that, every byte of a file is
  // either checked by a checksum a default load verifies, or bulk data.
  bool check_layout(const CookedFileHeader& h) {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> spans;  // offset, bytes
    spans.emplace_back(h.section_table_offset, std::uint64_t(h.section_count) * sizeof(CookedSectionEntry));
    for (const auto& e : found)
      if (e) spans.emplace_back(e->offset, e->bytes);
    std::sort(spans.begin(), spans.end());
    std::uint64_t cursor = sizeof(CookedFileHeader);
    auto zeros = [&](std::uint64_t from, std::uint64_t to) {
      for (std::uint64_t i = from; i < to; ++i)
        if (data[i] != 0) return false;
      return true;
    };
    for (const auto& [offset, bytes] : spans) {
      if (offset < cursor) return fail("sections overlap at offset ", offset);
      if (!zeros(cursor, offset)) return fail("padding between sections (bytes ", cursor, " to ", offset, ") is not zero");
      cursor = offset + bytes;
    }
    if (!zeros(cursor, size)) return fail("padding after the last section is not zero");
    return true;
  }

  bool read_model() {
    const auto r = record<CookedModelRecord>(section::model, 0);
    if (!string(r.source, m.source_, "model", 0)) return false;
    if (!finite(r.bounds_min, 3) || !finite(r.bounds_max, 3)) return fail("model bounds are not finite");
    m.bounds_ = Aabb{vec3_of(r.bounds_min), vec3_of(r.bounds_max)};
    return true;
  }

  bool read_textures() {
    const std::uint64_t mip_count = count(section::mips), texel_bytes = get(section::texels).bytes;
    const std::uint64_t n = count(section::textures);
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // into levels_; spans made once it stops growing
    for (std::uint64_t t = 0; t < n; ++t) {
      const auto r = record<CookedTextureRecord>(section::textures, t);
      CookedTexture tex;
      if (!string(r.name, tex.name, "texture", t)) return false;
      if (r.format >= kTextureFormatCount) return fail("texture ", t, " has unknown format ", r.format);
      tex.format = TextureFormat(r.format);
      tex.width = r.width;
      tex.height = r.height;
      if (r.width < 1 || r.height < 1 || r.width > kCookedMaxTextureDimension || r.height > kCookedMaxTextureDimension)
        return fail("texture ", t, " is ", r.width, "x", r.height, ", outside 1..", kCookedMaxTextureDimension);
      if (r.mip_count != full_mip_count(r.width, r.height) || !within(r.first_mip, r.mip_count, mip_count))
        return fail("texture ", t, " lists mips ", r.first_mip, "+", r.mip_count, " (of ", mip_count, "); a full chain of a ",
                    r.width, "x", r.height, " texture has ", full_mip_count(r.width, r.height));
      ranges.emplace_back(m.levels_.size(), r.mip_count);
      for (std::uint32_t level = 0; level < r.mip_count; ++level) {
        const auto mip = record<CookedMipRecord>(section::mips, r.first_mip + level);
        const std::uint32_t w = mip_extent(r.width, level), h = mip_extent(r.height, level);
        const std::uint64_t bytes = texture_level_bytes(tex.format, w, h);
        if (mip.width != w || mip.height != h || mip.bytes != bytes)
          return fail("texture ", t, " level ", level, " is ", mip.width, "x", mip.height, " in ", mip.bytes, " bytes; expected ", w,
                      "x", h, " in ", bytes);
        if (mip.offset % kCookedSectionAlignment != 0 || !within(mip.offset, mip.bytes, texel_bytes))
          return fail("texture ", t, " level ", level, " (", mip.bytes, " bytes at ", mip.offset,
                      ") is misaligned or lies outside the texel data");
        m.levels_.push_back(CookedMipLevel{w, h, elements(section::texels, mip.offset, mip.bytes)});
      }
      m.textures_.push_back(tex);
    }
    for (std::size_t t = 0; t < ranges.size(); ++t)
      m.textures_[t].levels = std::span<const CookedMipLevel>(m.levels_).subspan(ranges[t].first, ranges[t].second);
    return true;
  }

  bool read_materials() {
    const std::uint64_t texture_count = m.textures_.size();
    for (std::uint64_t i = 0, n = count(section::materials); i < n; ++i) {
      const auto r = record<CookedMaterialRecord>(section::materials, i);
      CookedMaterial mat;
      if (!string(r.name, mat.name, "material", i)) return false;
      if (r.alpha_mode > std::uint32_t(AlphaMode::blend) || (r.flags & ~material_flags::all) != 0)
        return fail("material ", i, " has alpha mode ", r.alpha_mode, " and flags ", r.flags, ", not known to this build");
      if (!finite(r.base_color_factor, 4) || !finite(&r.metallic_factor, 1) || !finite(&r.roughness_factor, 1) ||
          !finite(r.emissive_factor, 3) || !finite(&r.alpha_cutoff, 1))
        return fail("material ", i, " has a factor that is not finite");
      mat.base_color_factor = {r.base_color_factor[0], r.base_color_factor[1], r.base_color_factor[2], r.base_color_factor[3]};
      mat.metallic_factor = r.metallic_factor;
      mat.roughness_factor = r.roughness_factor;
      mat.emissive_factor = vec3_of(r.emissive_factor);
      mat.alpha_mode = AlphaMode(r.alpha_mode);
      mat.alpha_cutoff = r.alpha_cutoff;
      mat.double_sided = (r.flags & material_flags::double_sided) != 0;
      std::optional<std::uint32_t>* slots[kMaterialSlotCount] = {&mat.base_color_texture, &mat.metal_rough_texture,
                                                                  &mat.normal_texture, &mat.emissive_texture};
      for (std::uint32_t s = 0; s < kMaterialSlotCount; ++s) {
        if (r.textures[s] == kCookedNoTexture) continue;
        if (r.textures[s] >= texture_count)
          return fail("material ", i, " uses texture ", r.textures[s], "; the file has ", texture_count);
        *slots[s] = r.textures[s];
      }
      m.materials_.push_back(mat);
    }
    return true;
  }

  bool read_meshes() {
    const std::uint64_t vertex_total = count(section::vertices), index_total = count(section::indices);
    const std::uint64_t tangent_total = count(section::tangents);
    for (std::uint64_t i = 0, n = count(section::meshes); i < n; ++i) {
      const auto r = record<CookedMeshRecord>(section::meshes, i);
      CookedMesh mesh;
      if (!string(r.name, mesh.name, "mesh", i)) return false;
      if (r.material >= m.materials_.size())
        return fail("mesh ", i, " uses material ", r.material, "; the file has ", m.materials_.size());
      if ((r.flags & ~mesh_flags::all) != 0) return fail("mesh ", i, " has flags ", r.flags, ", not known to this build");
      if (r.index_count % 3 != 0) return fail("mesh ", i, " has ", r.index_count, " indices, not whole triangles");
      if (!within(r.first_vertex, r.vertex_count, vertex_total) || !within(r.first_index, r.index_count, index_total))
        return fail("mesh ", i, " vertices ", r.first_vertex, "+", r.vertex_count, " or indices ", r.first_index, "+", r.index_count,
                    " lie outside the file's ", vertex_total, " vertices and ", index_total, " indices");
      const bool tangents = (r.flags & mesh_flags::has_tangents) != 0;
      if (tangents && (!has(section::tangents) || !within(r.first_tangent, r.vertex_count, tangent_total)))
        return fail("mesh ", i, " tangents ", r.first_tangent, "+", r.vertex_count, " lie outside the file's ", tangent_total);
      if (!finite(r.bounds_min, 3) || !finite(r.bounds_max, 3)) return fail("mesh ", i, " bounds are not finite");
      mesh.material = r.material;
      mesh.vertex_count = r.vertex_count;
      mesh.index_count = r.index_count;
      mesh.has_uv0 = (r.flags & mesh_flags::has_uv0) != 0;
      mesh.bounds = Aabb{vec3_of(r.bounds_min), vec3_of(r.bounds_max)};
      mesh.vertex_bytes = elements(section::vertices, r.first_vertex, r.vertex_count);
      mesh.index_bytes = elements(section::indices, r.first_index, r.index_count);
      if (tangents) mesh.tangent_bytes = elements(section::tangents, r.first_tangent, r.vertex_count);
      if (indices_reach(mesh.index_bytes.data(), r.index_count, r.vertex_count)) {
        std::uint32_t k = 0;
        while (mesh.index(k) < r.vertex_count) ++k;
        return fail("mesh ", i, " has index ", mesh.index(k), " (at ", k, ") but only ", r.vertex_count, " vertices");
      }
      m.meshes_.push_back(mesh);
    }
    return true;
  }

  bool read_instances_and_dependencies() {
    for (std::uint64_t i = 0, n = count(section::instances); i < n; ++i) {
      const auto r = record<CookedInstanceRecord>(section::instances, i);
      CookedInstance inst;
      if (!string(r.node_name, inst.node_name, "instance", i)) return false;
      if (r.mesh >= m.meshes_.size()) return fail("instance ", i, " places mesh ", r.mesh, "; the file has ", m.meshes_.size());
      if (!finite(r.world, 16)) return fail("instance ", i, " has a matrix that is not finite");
      inst.mesh = r.mesh;
      inst.world = glm::make_mat4(r.world);
      m.instances_.push_back(inst);
    }
    for (std::uint64_t i = 0, n = count(section::dependencies); i < n; ++i) {
      const auto r = record<CookedDependencyRecord>(section::dependencies, i);
      std::string_view path;
      if (!string(r.path, path, "dependency", i)) return false;
      m.dependencies_.push_back(CookedDependency{std::string(path), r.bytes, r.hash});
    }
    return true;
  }

  static Result<CookedModel> parse(std::unique_ptr<std::uint8_t[]> bytes, std::size_t size, std::string name,
                                   const CookedLoadOptions& options) {
    CookedModel model;
    model.bytes_ = std::move(bytes);
    model.size_ = size;
    model.path_ = std::move(name);
    CookedReader reader{model, model.bytes_.get(), size, {}};
    CookedFileHeader header{};
    const bool ok = reader.check_header(options, header) && reader.check_sections(header) && reader.read_model() &&
                    reader.read_textures() && reader.read_materials() && reader.read_meshes() &&
                    reader.read_instances_and_dependencies();
    if (!ok) return *reader.error;
    if (!model.meshes_.empty() && model.materials_.empty()) return make_error(model.path_, ": has meshes but no materials");
    model.cooker_version_ = header.cooker_version;
    model.content_hash_ = header.content_hash;
    return model;
  }
};

}  // namespace detail

Result<FileBuffer> read_whole_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return make_error(path.string(), ": cannot open (", std::strerror(errno), ")");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return make_error(path.string(), ": not a regular file");
  }
  FileBuffer buffer;
  buffer.size = std::size_t(st.st_size);
  // Uninitialised on purpose: zeroing first would touch every page twice.
  buffer.bytes.reset(new (std::nothrow) std::uint8_t[buffer.size > 0 ? buffer.size : 1]);
  if (!buffer.bytes) {
    ::close(fd);
    return make_error(path.string(), ": cannot allocate ", buffer.size, " bytes to read it");
  }
  std::size_t done = 0;
  while (done < buffer.size) {
    const ssize_t n = ::read(fd, buffer.bytes.get() + done, buffer.size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int saved = errno;
      ::close(fd);
      return make_error(path.string(), ": read failed after ", done, " of ", buffer.size, " bytes",
                        n < 0 ? cat(" (", std::strerror(saved), ")") : std::string(" (the file shrank)"));
    }
    done += std::size_t(n);
  }
  ::close(fd);
  return buffer;
}

Result<CookedModel> load_cooked_model(const std::filesystem::path& path, const CookedLoadOptions& options) {
  auto file = read_whole_file(path);
  if (!file) return file.error();
  return parse_cooked_model(std::move(file->bytes), file->size, path.string(), options);
}

Result<CookedModel> parse_cooked_model(std::unique_ptr<std::uint8_t[]> bytes, std::size_t size, std::string name,
                                       const CookedLoadOptions& options) {
  return detail::CookedReader::parse(std::move(bytes), size, std::move(name), options);
}

Result<CookedModel> parse_cooked_model(std::span<const std::uint8_t> bytes, std::string name, const CookedLoadOptions& options) {
  std::unique_ptr<std::uint8_t[]> copy(new std::uint8_t[bytes.size() > 0 ? bytes.size() : 1]);
  if (!bytes.empty()) std::memcpy(copy.get(), bytes.data(), bytes.size());
  return parse_cooked_model(std::move(copy), bytes.size(), std::move(name), options);
}

}  // namespace kagami::asset
