// Assimp materials -> MaterialData (glTF metal-rough), and the images they use,
// decoded once each through core's stb decoder.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <map>
#include <optional>

#include <assimp/GltfMaterial.h>
#include <assimp/material.h>
#include <assimp/scene.h>
#include <assimp/texture.h>

#include "assimp_bridge.h"
#include "kagami/core/file_io.h"

namespace kagami::asset::detail {
namespace fs = std::filesystem;

namespace {

// "%20" -> " " (glTF uris are URI-encoded; Assimp passes them through as written).
std::string percent_decode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(char(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string material_label(unsigned index, const aiMaterial& mat) {
  aiString name;
  if (mat.Get(AI_MATKEY_NAME, name) == AI_SUCCESS && name.length)
    return cat("material ", index, " \"", name.C_Str(), "\"");
  return cat("material ", index);
}

class ImageTable {
 public:
  ImageTable(const aiScene& scene, const ImportContext& ctx, ModelData& model)
      : scene_(scene), ctx_(ctx), model_(model) {}

  // Loads (or finds already loaded) the image a material's texture path names.
  // `what` ("material 0 \"Body\": base colour texture") prefixes any error.
  Result<std::uint32_t> get(const std::string& texture_path, const std::string& what) {
    if (texture_path.empty()) return make_error(ctx_.name, ": ", what, " has an empty path");
    const auto [embedded, embedded_index] = scene_.GetEmbeddedTextureAndIndex(texture_path.c_str());
    if (embedded) return get_embedded(*embedded, unsigned(embedded_index), what);
    if (texture_path[0] == '*')
      return make_error(ctx_.name, ": ", what, " refers to embedded image ", texture_path,
                        ", which does not exist (the file embeds ", scene_.mNumTextures, ")");
    return get_file(texture_path, what);
  }

 private:
  Result<std::uint32_t> add(std::string key, std::string source, ImageRgba8 image) {
    const auto index = std::uint32_t(model_.images.size());
    model_.images.push_back(ModelImage{std::move(source), std::move(image)});
    by_key_.emplace(std::move(key), index);
    return index;
  }

  Result<std::uint32_t> get_embedded(const aiTexture& tex, unsigned index, const std::string& what) {
    const std::string key = cat("*", index);
    if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
    const std::string source = cat(ctx_.name, "#embedded ", index);
    const int max_dim = ctx_.limits.max_texture_dimension;
    if (!tex.pcData) return make_error(ctx_.name, ": ", what, ": embedded image ", index, " has no data");
    if (tex.mHeight == 0) {
      // Compressed: pcData holds mWidth bytes of a PNG/JPEG/... file.
      const auto* bytes = reinterpret_cast<const std::uint8_t*>(tex.pcData);
      auto image = decode_image(std::span<const std::uint8_t>(bytes, tex.mWidth), source, max_dim);
      if (!image) return make_error(ctx_.name, ": ", what, ": ", image.error().message);
      return add(key, source, std::move(*image));
    }
    // Uncompressed: mWidth x mHeight aiTexels, stored b, g, r, a.
    if (tex.mWidth > unsigned(max_dim) || tex.mHeight > unsigned(max_dim))
      return make_error(ctx_.name, ": ", what, ": embedded image ", index, " is ", tex.mWidth, "x", tex.mHeight,
                        ", over the limit of ", max_dim, " pixels a side");
    ImageRgba8 image{int(tex.mWidth), int(tex.mHeight), {}};
    const std::size_t count = std::size_t(tex.mWidth) * tex.mHeight;
    image.pixels.resize(count * 4);
    for (std::size_t p = 0; p < count; ++p) {
      const aiTexel& t = tex.pcData[p];
      image.pixels[p * 4 + 0] = t.r;
      image.pixels[p * 4 + 1] = t.g;
      image.pixels[p * 4 + 2] = t.b;
      image.pixels[p * 4 + 3] = t.a;
    }
    return add(key, source, std::move(image));
  }

  // Texture files are looked for relative to the model, as written, URI-decoded,
  // and finally by bare file name next to the model (FBX files often carry the
  // artist's absolute Windows paths; OBJ material files use backslashes).
  Result<std::uint32_t> get_file(const std::string& texture_path, const std::string& what) {
    std::string written = texture_path;
    std::replace(written.begin(), written.end(), '\\', '/');
    const fs::path folder = ctx_.path.parent_path();
    std::vector<fs::path> candidates;
    for (const std::string& variant : {written, percent_decode(written)}) {
      const fs::path p(variant);
      for (const fs::path& c : {p.is_absolute() ? p : folder / p, folder / p.filename()})
        if (std::find(candidates.begin(), candidates.end(), c.lexically_normal()) == candidates.end())
          candidates.push_back(c.lexically_normal());
    }
    std::optional<fs::path> found;
    std::error_code ec;
    for (const fs::path& c : candidates) {
      if (c.has_filename() && fs::is_regular_file(c, ec)) {
        found = c;
        break;
      }
    }
    if (!found) {
      std::string looked;
      for (const fs::path& c : candidates) looked += (looked.empty() ? "" : ", ") + c.string();
      return make_error(ctx_.name, ": ", what, " \"", texture_path, "\" not found (looked for ", looked, ")");
    }
    const std::string key = found->string();
    if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;

    const std::uintmax_t size = fs::file_size(*found, ec);
    if (!ec && size > ctx_.limits.max_file_bytes)
      return make_error(ctx_.name, ": ", what, ": ", key, " is ", size, " bytes, over the limit of ",
                        ctx_.limits.max_file_bytes);
    auto bytes = read_file_bytes(*found);
    if (!bytes) return make_error(ctx_.name, ": ", what, ": ", bytes.error().message);
    auto image = decode_image(*bytes, key, ctx_.limits.max_texture_dimension);
    if (!image) return make_error(ctx_.name, ": ", what, ": ", image.error().message);
    return add(key, key, std::move(*image));
  }

  const aiScene& scene_;
  const ImportContext& ctx_;
  ModelData& model_;
  std::map<std::string, std::uint32_t> by_key_;
};

struct Slot {
  aiTextureType type;
  unsigned index;
};

// The first texture the material has among `slots` (Assimp stores the same glTF
// texture under several types; other formats use only the classic ones).
std::optional<std::pair<Slot, std::string>> find_texture(const aiMaterial& mat, std::initializer_list<Slot> slots) {
  for (const Slot& s : slots) {
    aiString path;
    if (mat.GetTextureCount(s.type) > s.index && mat.GetTexture(s.type, s.index, &path) == AI_SUCCESS)
      return std::pair{s, std::string(path.C_Str())};
  }
  return std::nullopt;
}

Result<std::optional<TextureRef>> load_slot(const aiMaterial& mat, std::initializer_list<Slot> slots, bool srgb,
                                            const std::string& what, ImageTable& images, const ImportContext& ctx) {
  auto found = find_texture(mat, slots);
  if (!found) return std::optional<TextureRef>{};
  int uv_set = 0;
  if (mat.Get(AI_MATKEY_UVWSRC(found->first.type, found->first.index), uv_set) == AI_SUCCESS && uv_set != 0)
    ctx.warnings.push_back(
        cat(ctx.name, ": ", what, " uses uv set ", uv_set, "; only uv set 0 is imported, so it is sampled with uv0"));
  auto image = images.get(found->second, what);
  if (!image) return image.error();
  return std::optional<TextureRef>{TextureRef{*image, srgb}};
}

// AI_MATKEY_TWOSIDED is written as an int by some importers and as a one-byte
// bool buffer by glTF2; reading the latter as an int reads past the property.
bool read_two_sided(const aiMaterial& mat) {
  const aiMaterialProperty* prop = nullptr;
  if (aiGetMaterialProperty(&mat, AI_MATKEY_TWOSIDED, &prop) != AI_SUCCESS || !prop || !prop->mData) return false;
  if (prop->mType == aiPTI_Float && prop->mDataLength >= sizeof(float)) {
    float f;
    std::memcpy(&f, prop->mData, sizeof f);
    return f != 0.0f;
  }
  for (unsigned i = 0; i < prop->mDataLength; ++i)
    if (prop->mData[i] != 0) return true;
  return false;
}

glm::vec4 to_vec4(const aiColor4D& c) { return {c.r, c.g, c.b, c.a}; }

Result<MaterialData> convert_material(const aiMaterial& mat, unsigned index, ImageTable& images,
                                      const ImportContext& ctx) {
  const std::string label = material_label(index, mat);
  MaterialData out;
  aiString name;
  if (mat.Get(AI_MATKEY_NAME, name) == AI_SUCCESS) out.name = name.C_Str();

  aiColor4D color;
  const bool pbr = mat.Get(AI_MATKEY_BASE_COLOR, color) == AI_SUCCESS;
  if (pbr) {
    out.base_color_factor = to_vec4(color);
  } else {
    // Classic (OBJ/FBX) material: diffuse colour and opacity.
    if (mat.Get(AI_MATKEY_COLOR_DIFFUSE, color) == AI_SUCCESS) out.base_color_factor = to_vec4(color);
    float opacity = 1.0f;
    if (mat.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS) out.base_color_factor.a *= opacity;
  }
  float value = 0.0f;
  out.metallic_factor = mat.Get(AI_MATKEY_METALLIC_FACTOR, value) == AI_SUCCESS ? value : (pbr ? 1.0f : 0.0f);
  if (mat.Get(AI_MATKEY_ROUGHNESS_FACTOR, value) == AI_SUCCESS) {
    out.roughness_factor = value;
  } else if (!pbr && mat.Get(AI_MATKEY_SHININESS, value) == AI_SUCCESS && value > 0.0f) {
    // Blinn-Phong exponent -> roughness (the usual alpha = sqrt(2 / (n + 2)) mapping).
    out.roughness_factor = std::clamp(std::sqrt(2.0f / (value + 2.0f)), 0.04f, 1.0f);
  } else {
    out.roughness_factor = 1.0f;
  }
  out.metallic_factor = std::clamp(out.metallic_factor, 0.0f, 1.0f);
  out.roughness_factor = std::clamp(out.roughness_factor, 0.0f, 1.0f);

  if (mat.Get(AI_MATKEY_COLOR_EMISSIVE, color) == AI_SUCCESS) out.emissive_factor = glm::vec3(color.r, color.g, color.b);
  if (mat.Get(AI_MATKEY_EMISSIVE_INTENSITY, value) == AI_SUCCESS) out.emissive_factor *= value;

  aiString alpha_mode;
  if (mat.Get(AI_MATKEY_GLTF_ALPHAMODE, alpha_mode) == AI_SUCCESS) {
    const std::string_view mode = alpha_mode.C_Str();
    if (mode == "MASK") out.alpha_mode = AlphaMode::mask;
    else if (mode == "BLEND") out.alpha_mode = AlphaMode::blend;
    else if (mode == "OPAQUE") out.alpha_mode = AlphaMode::opaque;
    else return make_error(ctx.name, ": ", label, ": unknown alphaMode \"", mode, "\"");
    if (mat.Get(AI_MATKEY_GLTF_ALPHACUTOFF, value) == AI_SUCCESS) out.alpha_cutoff = value;
  } else if (out.base_color_factor.a < 1.0f) {
    out.alpha_mode = AlphaMode::blend;
  }
  out.double_sided = read_two_sided(mat);

  auto base = load_slot(mat, {{aiTextureType_BASE_COLOR, 0}, {aiTextureType_DIFFUSE, 0}}, true,
                        cat(label, ": base colour texture"), images, ctx);
  if (!base) return base.error();
  out.base_color_texture = *base;
  // glTF's packed metal-rough image (G roughness, B metallic) is stored by Assimp
  // under the glTF key (aiTextureType_UNKNOWN, which other importers use for
  // anything they cannot classify, so it is read only for PBR materials).
  // Separate metalness/roughness maps of other formats do not fit this channel
  // layout and are not imported.
  if (pbr) {
    auto metal_rough = load_slot(mat, {{AI_MATKEY_GLTF_PBRMETALLICROUGHNESS_METALLICROUGHNESS_TEXTURE}}, false,
                                 cat(label, ": metal-rough texture"), images, ctx);
    if (!metal_rough) return metal_rough.error();
    out.metal_rough_texture = *metal_rough;
  }
  auto normal = load_slot(mat, {{aiTextureType_NORMALS, 0}, {aiTextureType_NORMAL_CAMERA, 0}}, false,
                          cat(label, ": normal texture"), images, ctx);
  if (!normal) return normal.error();
  out.normal_texture = *normal;
  auto emissive = load_slot(mat, {{aiTextureType_EMISSIVE, 0}, {aiTextureType_EMISSION_COLOR, 0}}, true,
                            cat(label, ": emissive texture"), images, ctx);
  if (!emissive) return emissive.error();
  out.emissive_texture = *emissive;
  return out;
}

}  // namespace

Result<void> convert_materials(const aiScene& scene, const ImportContext& ctx, ModelData& model) {
  ImageTable images(scene, ctx, model);
  model.materials.clear();
  if (scene.mNumMaterials > 0 && !scene.mMaterials) return make_error(ctx.name, ": material list is missing");
  for (unsigned m = 0; m < scene.mNumMaterials; ++m) {
    if (!scene.mMaterials[m]) return make_error(ctx.name, ": material ", m, " is missing");
    auto mat = convert_material(*scene.mMaterials[m], m, images, ctx);
    if (!mat) return mat.error();
    model.materials.push_back(std::move(*mat));
  }
  // Every mesh needs a material; Assimp normally adds a default one itself.
  if (model.materials.empty()) model.materials.push_back(MaterialData{.name = "default"});
  return {};
}

}  // namespace kagami::asset::detail
