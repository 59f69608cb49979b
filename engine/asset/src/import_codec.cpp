// The import result as bytes, for the pipe between the importing child process
// and its parent. Native byte order and float layout: both ends are the same
// binary. The decoder checks every count against the bytes left, so a child
// that died half-way through writing yields an Error, never a bad read.
#include <cstring>
#include <type_traits>

#include "assimp_bridge.h"

namespace kagami::asset::detail {
namespace {

constexpr std::uint32_t kMagic = 0x4b494d50;  // "KIMP"
constexpr std::uint32_t kVersion = 2;  // 2: skeleton, clips, skins

class Writer {
 public:
  template <typename T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* b = reinterpret_cast<const std::uint8_t*>(&value);
    out_.insert(out_.end(), b, b + sizeof(T));
  }
  template <typename T>
  void put_array(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    put(std::uint64_t(values.size()));
    if (values.empty()) return;
    const auto* b = reinterpret_cast<const std::uint8_t*>(values.data());
    out_.insert(out_.end(), b, b + values.size() * sizeof(T));
  }
  void put_string(const std::string& s) {
    put(std::uint64_t(s.size()));
    out_.insert(out_.end(), s.begin(), s.end());
  }
  void put_texture(const std::optional<TextureRef>& ref) {
    put(std::uint8_t(ref.has_value()));
    put(ref ? ref->image : 0u);
    put(std::uint8_t(ref && ref->srgb));
  }
  std::vector<std::uint8_t> take() { return std::move(out_); }

 private:
  std::vector<std::uint8_t> out_;
};

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  template <typename T>
  bool get(T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (bytes_.size() - at_ < sizeof(T)) return fail();
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return true;
  }
  template <typename T>
  bool get_array(std::vector<T>& values) {
    std::uint64_t count = 0;
    if (!get(count)) return false;
    if (count > (bytes_.size() - at_) / sizeof(T)) return fail();
    values.resize(std::size_t(count));
    if (count > 0) std::memcpy(values.data(), bytes_.data() + at_, std::size_t(count) * sizeof(T));
    at_ += std::size_t(count) * sizeof(T);
    return true;
  }
  bool get_string(std::string& s) {
    std::uint64_t size = 0;
    if (!get(size)) return false;
    if (size > bytes_.size() - at_) return fail();
    s.assign(reinterpret_cast<const char*>(bytes_.data() + at_), std::size_t(size));
    at_ += std::size_t(size);
    return true;
  }
  bool get_texture(std::optional<TextureRef>& ref) {
    std::uint8_t present = 0, srgb = 0;
    std::uint32_t image = 0;
    if (!get(present) || !get(image) || !get(srgb)) return false;
    if (present) ref = TextureRef{image, srgb != 0};
    else ref.reset();
    return true;
  }
  // A count of items each taking at least `min_bytes`: bounded by what is left,
  // so a corrupt count cannot make us reserve absurd amounts of memory.
  bool get_count(std::uint64_t& count, std::size_t min_bytes) {
    if (!get(count)) return false;
    if (count > (bytes_.size() - at_) / min_bytes) return fail();
    return true;
  }
  bool at_end() const { return ok_ && at_ == bytes_.size(); }

 private:
  bool fail() {
    ok_ = false;
    return false;
  }
  std::span<const std::uint8_t> bytes_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

bool read_mesh(Reader& r, MeshData& m) {
  std::uint8_t has_uv0 = 0;
  return r.get_string(m.name) && r.get_array(m.positions) && r.get_array(m.normals) && r.get_array(m.uv0) &&
         r.get_array(m.tangents) && r.get(has_uv0) && r.get_array(m.indices) && r.get(m.material) &&
         r.get(m.bounds) && r.get_array(m.skin) && ((m.has_uv0 = has_uv0 != 0), true);
}

// Enum values are not checked here: check_rig (anim::validate) refuses
// out-of-range paths and interpolations.
bool read_rig(Reader& r, ModelData& model) {
  std::uint64_t count = 0;
  if (!r.get_count(count, 8)) return false;
  model.skeleton.joints.resize(std::size_t(count));
  for (anim::Joint& j : model.skeleton.joints)
    if (!(r.get_string(j.name) && r.get(j.parent) && r.get(j.rest) && r.get(j.inverse_bind))) return false;
  if (!r.get_count(count, 8)) return false;
  model.clips.resize(std::size_t(count));
  for (anim::Clip& clip : model.clips) {
    if (!(r.get_string(clip.name) && r.get(clip.duration) && r.get_count(count, 8))) return false;
    clip.channels.resize(std::size_t(count));
    for (anim::Channel& c : clip.channels)
      if (!(r.get(c.joint) && r.get(c.path) && r.get(c.interpolation) && r.get_array(c.times) && r.get_array(c.values)))
        return false;
  }
  return true;
}

bool read_material(Reader& r, MaterialData& m) {
  std::uint8_t alpha_mode = 0, double_sided = 0;
  if (!(r.get_string(m.name) && r.get(m.base_color_factor) && r.get(m.metallic_factor) &&
        r.get(m.roughness_factor) && r.get(m.emissive_factor) && r.get(alpha_mode) && r.get(m.alpha_cutoff) &&
        r.get(double_sided) && r.get_texture(m.base_color_texture) && r.get_texture(m.metal_rough_texture) &&
        r.get_texture(m.normal_texture) && r.get_texture(m.emissive_texture)))
    return false;
  if (alpha_mode > std::uint8_t(AlphaMode::blend)) return false;
  m.alpha_mode = AlphaMode(alpha_mode);
  m.double_sided = double_sided != 0;
  return true;
}

bool read_model(Reader& r, ModelData& model) {
  std::string source;
  std::uint64_t count = 0;
  if (!r.get_string(source)) return false;
  model.source = source;
  if (!r.get_count(count, 8)) return false;
  model.meshes.resize(std::size_t(count));
  for (MeshData& m : model.meshes)
    if (!read_mesh(r, m)) return false;
  if (!r.get_count(count, 8)) return false;
  model.materials.resize(std::size_t(count));
  for (MaterialData& m : model.materials)
    if (!read_material(r, m)) return false;
  if (!r.get_count(count, 8)) return false;
  model.images.resize(std::size_t(count));
  for (ModelImage& img : model.images)
    if (!(r.get_string(img.source) && r.get(img.image.width) && r.get(img.image.height) &&
          r.get_array(img.image.pixels)))
      return false;
  if (!r.get_count(count, sizeof(std::uint32_t) + sizeof(glm::mat4))) return false;
  model.instances.resize(std::size_t(count));
  for (MeshInstance& inst : model.instances)
    if (!(r.get(inst.mesh) && r.get(inst.world) && r.get_string(inst.node_name))) return false;
  if (!r.get(model.bounds) || !read_rig(r, model)) return false;
  if (!r.get_count(count, 8)) return false;
  model.warnings.resize(std::size_t(count));
  for (std::string& w : model.warnings)
    if (!r.get_string(w)) return false;
  return true;
}

}  // namespace

std::vector<std::uint8_t> encode_import_result(const Result<ModelData>& result) {
  Writer w;
  w.put(kMagic);
  w.put(kVersion);
  w.put(std::uint8_t(result.ok()));
  if (!result.ok()) {
    w.put_string(result.error().message);
    return w.take();
  }
  const ModelData& model = *result;
  w.put_string(model.source.string());
  w.put(std::uint64_t(model.meshes.size()));
  for (const MeshData& m : model.meshes) {
    w.put_string(m.name);
    w.put_array(m.positions);
    w.put_array(m.normals);
    w.put_array(m.uv0);
    w.put_array(m.tangents);
    w.put(std::uint8_t(m.has_uv0));
    w.put_array(m.indices);
    w.put(m.material);
    w.put(m.bounds);
    w.put_array(m.skin);
  }
  w.put(std::uint64_t(model.materials.size()));
  for (const MaterialData& m : model.materials) {
    w.put_string(m.name);
    w.put(m.base_color_factor);
    w.put(m.metallic_factor);
    w.put(m.roughness_factor);
    w.put(m.emissive_factor);
    w.put(std::uint8_t(m.alpha_mode));
    w.put(m.alpha_cutoff);
    w.put(std::uint8_t(m.double_sided));
    w.put_texture(m.base_color_texture);
    w.put_texture(m.metal_rough_texture);
    w.put_texture(m.normal_texture);
    w.put_texture(m.emissive_texture);
  }
  w.put(std::uint64_t(model.images.size()));
  for (const ModelImage& img : model.images) {
    w.put_string(img.source);
    w.put(img.image.width);
    w.put(img.image.height);
    w.put_array(img.image.pixels);
  }
  w.put(std::uint64_t(model.instances.size()));
  for (const MeshInstance& inst : model.instances) {
    w.put(inst.mesh);
    w.put(inst.world);
    w.put_string(inst.node_name);
  }
  w.put(model.bounds);
  w.put(std::uint64_t(model.skeleton.joints.size()));
  for (const anim::Joint& j : model.skeleton.joints) {
    w.put_string(j.name);
    w.put(j.parent);
    w.put(j.rest);
    w.put(j.inverse_bind);
  }
  w.put(std::uint64_t(model.clips.size()));
  for (const anim::Clip& clip : model.clips) {
    w.put_string(clip.name);
    w.put(clip.duration);
    w.put(std::uint64_t(clip.channels.size()));
    for (const anim::Channel& c : clip.channels) {
      w.put(c.joint);
      w.put(c.path);
      w.put(c.interpolation);
      w.put_array(c.times);
      w.put_array(c.values);
    }
  }
  w.put(std::uint64_t(model.warnings.size()));
  for (const std::string& warning : model.warnings) w.put_string(warning);
  return w.take();
}

Result<ModelData> decode_import_result(std::span<const std::uint8_t> bytes, std::string_view source_name) {
  Reader r(bytes);
  std::uint32_t magic = 0, version = 0;
  std::uint8_t ok = 0;
  if (!r.get(magic) || !r.get(version) || !r.get(ok) || magic != kMagic || version != kVersion)
    return make_error(source_name, ": the import process sent no usable result");
  if (!ok) {
    std::string message;
    if (!r.get_string(message) || !r.at_end())
      return make_error(source_name, ": the import process sent a damaged error message");
    return Error{std::move(message)};
  }
  ModelData model;
  if (!read_model(r, model) || !r.at_end())
    return make_error(source_name, ": the import process sent an incomplete model (", bytes.size(), " bytes)");
  return model;
}

}  // namespace kagami::asset::detail
