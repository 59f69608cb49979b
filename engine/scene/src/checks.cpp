#include "checks.h"

#include <cmath>
#include <filesystem>
#include <numbers>

namespace kagami::scene::checks {
namespace {

template <int N>
std::string show(const glm::vec<N, float>& v) {
  std::string text = "[";
  for (int i = 0; i < N; ++i) text += cat(i ? ", " : "", v[i]);
  return text + "]";
}

template <typename... Args>
MaybeIssue issue(std::string_view field, const Args&... parts) {
  return Issue{std::string(field), cat(parts...)};
}

template <int N>
bool all_finite(const glm::vec<N, float>& v) {
  for (int i = 0; i < N; ++i)
    if (!std::isfinite(v[i])) return false;
  return true;
}

MaybeIssue in_range(std::string_view field, float v, float lo, float hi) {
  if (!std::isfinite(v)) return issue(field, "must be a finite number");
  if (v < lo || v > hi) return issue(field, "must be in [", lo, ", ", hi, "], got ", v);
  return std::nullopt;
}

MaybeIssue at_least(std::string_view field, float v, float lo) {
  if (!std::isfinite(v)) return issue(field, "must be a finite number");
  if (v < lo) return issue(field, "must be >= ", lo, ", got ", v);
  return std::nullopt;
}

MaybeIssue above(std::string_view field, float v, float lo) {
  if (!std::isfinite(v)) return issue(field, "must be a finite number");
  if (!(v > lo)) return issue(field, "must be > ", lo, ", got ", v);
  return std::nullopt;
}

template <int N>
MaybeIssue finite(std::string_view field, const glm::vec<N, float>& v) {
  if (!all_finite(v)) return issue(field, "must hold finite numbers, got ", show(v));
  return std::nullopt;
}

// Colours and emission: finite, no negative channel.
template <int N>
MaybeIssue colour(std::string_view field, const glm::vec<N, float>& v) {
  if (auto i = finite(field, v)) return i;
  for (int k = 0; k < N; ++k)
    if (v[k] < 0.0f) return issue(field, "must not be negative, got ", show(v));
  return std::nullopt;
}

}  // namespace

MaybeIssue within(std::string_view prefix, MaybeIssue inner) {
  if (!inner) return inner;
  bool index = !inner->field.empty() && inner->field.front() == '[';
  inner->field = cat(prefix, inner->field.empty() || index ? "" : ".", inner->field);
  return inner;
}

bool is_identifier(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool is_valid_utf8(std::string_view text) {
  static constexpr std::uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};  // rejects overlong forms
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xe0) == 0xc0) {
      extra = 1, cp = c & 0x1fu;
    } else if ((c & 0xf0) == 0xe0) {
      extra = 2, cp = c & 0x0fu;
    } else if ((c & 0xf8) == 0xf0) {
      extra = 3, cp = c & 0x07u;
    } else {
      return false;
    }
    if (text.size() - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3fu);
    }
    if (cp < kMinimum[extra] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += extra + 1;
  }
  return true;
}

MaybeIssue check_string(std::string_view field, std::string_view text, const SceneLimits& limits) {
  if (text.size() > limits.max_string_bytes)
    return issue(field, "is ", text.size(), " bytes long, over the limit of ", limits.max_string_bytes);
  if (!is_valid_utf8(text)) return issue(field, "is not valid UTF-8");
  return std::nullopt;
}

MaybeIssue check_identifier(std::string_view field, std::string_view text, const SceneLimits& limits,
                            bool allow_empty) {
  if (auto i = check_string(field, text, limits)) return i;
  if (text.empty() && allow_empty) return std::nullopt;
  if (!is_identifier(text))
    return issue(field, "must be a non-empty identifier (letters, digits, _ and -), got \"", text, "\"");
  return std::nullopt;
}

MaybeIssue check_aabb(const Aabb& box) {
  if (auto i = finite("min", box.min)) return i;
  if (auto i = finite("max", box.max)) return i;
  if (!box.valid()) return issue("max", "must be >= min on every axis (min ", show(box.min), ", max ", show(box.max), ")");
  return std::nullopt;
}

MaybeIssue check_transform(const Transform& t) {
  if (auto i = finite("translation", t.translation)) return i;
  glm::vec4 q(t.rotation.x, t.rotation.y, t.rotation.z, t.rotation.w);
  if (auto i = finite("rotation", q)) return i;
  float length = glm::length(q);
  if (std::abs(length - 1.0f) > 1e-3f)
    return issue("rotation", "must be a unit quaternion [x, y, z, w], got length ", length);
  if (auto i = finite("scale", t.scale)) return i;
  if (t.scale.x == 0.0f || t.scale.y == 0.0f || t.scale.z == 0.0f)
    return issue("scale", "must not have a zero component, got ", show(t.scale));
  return std::nullopt;
}

MaybeIssue check_material_override(const MaterialOverride& o) {
  if (o.base_color) {
    if (auto i = colour("base_color", *o.base_color)) return i;
    if (o.base_color->a > 1.0f) return issue("base_color", "alpha must be in [0, 1], got ", o.base_color->a);
  }
  if (o.emissive)
    if (auto i = colour("emissive", *o.emissive)) return i;
  if (o.metallic)
    if (auto i = in_range("metallic", *o.metallic, 0.0f, 1.0f)) return i;
  if (o.roughness)
    if (auto i = in_range("roughness", *o.roughness, 0.0f, 1.0f)) return i;
  return std::nullopt;
}

MaybeIssue check_mesh(const MeshComponent& mesh, const SceneLimits& limits) {
  if (auto i = check_identifier("asset", mesh.asset, limits)) return i;
  if (mesh.material_overrides.size() > limits.max_material_overrides)
    return issue("material_overrides", mesh.material_overrides.size(), " overrides, over the limit of ",
                 limits.max_material_overrides);
  for (std::size_t k = 0; k < mesh.material_overrides.size(); ++k) {
    const auto& o = mesh.material_overrides[k];
    std::string at = cat("material_overrides[", k, "]");
    if (auto i = within(at, check_material_override(o))) return i;
    for (std::size_t j = 0; j < k; ++j)
      if (mesh.material_overrides[j].material == o.material)
        return issue(at + ".material", "material ", o.material, " is already overridden by material_overrides[",
                     j, "]");
  }
  return std::nullopt;
}

MaybeIssue check_light(const LightComponent& light) {
  if (auto i = colour("color", light.color)) return i;
  if (auto i = at_least("intensity", light.intensity, 0.0f)) return i;
  if (auto i = at_least("range", light.range, 0.0f)) return i;
  const float quarter_turn = std::numbers::pi_v<float> / 2.0f;
  if (auto i = in_range("inner_cone", light.inner_cone, 0.0f, quarter_turn)) return i;
  if (auto i = in_range("outer_cone", light.outer_cone, 0.0f, quarter_turn)) return i;
  if (light.outer_cone < light.inner_cone)
    return issue("outer_cone", "must be >= inner_cone (", light.inner_cone, "), got ", light.outer_cone);
  return std::nullopt;
}

MaybeIssue check_camera(const CameraComponent& c) {
  if (auto i = above("fov_y", c.fov_y, 0.0f)) return i;
  if (c.fov_y >= std::numbers::pi_v<float>) return issue("fov_y", "must be < pi, got ", c.fov_y);
  if (auto i = above("near", c.near_plane, 0.0f)) return i;
  if (auto i = above("far", c.far_plane, c.near_plane)) return i;
  if (auto i = above("focus_distance", c.focus_distance, 0.0f)) return i;
  if (auto i = at_least("aperture", c.aperture, 0.0f)) return i;
  return std::nullopt;
}

MaybeIssue check_character(const CharacterComponent& c, const SceneLimits& limits) {
  if (auto i = check_identifier("character", c.character, limits)) return i;
  return check_identifier("outfit", c.outfit, limits, /*allow_empty=*/true);
}

MaybeIssue check_emitter(const EmitterComponent& e, const SceneLimits& limits) {
  if (auto i = in_range("rate", e.rate, 0.0f, 1e7f)) return i;
  if (e.bounds)
    if (auto i = within("bounds", check_aabb(*e.bounds))) return i;
  if (e.params.size() > limits.max_emitter_params)
    return issue("params", e.params.size(), " parameters, over the limit of ", limits.max_emitter_params);
  for (std::size_t k = 0; k < e.params.size(); ++k) {
    const auto& p = e.params[k];
    if (auto i = check_identifier("params", p.name, limits)) return i;
    std::string at = "params." + p.name;
    if (k > 0 && !(e.params[k - 1].name < p.name))
      return issue(at, "parameters must have unique names, sorted (after \"", e.params[k - 1].name, "\")");
    if (p.values.empty() || p.values.size() > 4) return issue(at, "must be a number or 1 to 4 numbers");
    for (float v : p.values)
      if (!std::isfinite(v)) return issue(at, "must hold finite numbers");
  }
  return std::nullopt;
}

MaybeIssue check_sky(const Sky& sky, const SceneLimits& limits) {
  if (auto i = check_identifier("preset", sky.preset, limits)) return i;
  if (auto i = finite("sun_direction", sky.sun_direction)) return i;
  if (glm::length(sky.sun_direction) < 1e-6f) return issue("sun_direction", "must not be zero");
  if (auto i = colour("sun_color", sky.sun_color)) return i;
  if (auto i = at_least("sun_intensity", sky.sun_intensity, 0.0f)) return i;
  return in_range("turbidity", sky.turbidity, 1.0f, 32.0f);
}

MaybeIssue check_fog(const Fog& fog) {
  if (auto i = colour("color", fog.color)) return i;
  if (auto i = at_least("density", fog.density, 0.0f)) return i;
  if (auto i = at_least("height_falloff", fog.height_falloff, 0.0f)) return i;
  return in_range("scattering", fog.scattering, 0.0f, 1.0f);
}

MaybeIssue check_environment(const Environment& env, const SceneLimits& limits) {
  if (auto i = within("sky", check_sky(env.sky, limits))) return i;
  if (auto i = within("fog", check_fog(env.fog))) return i;
  return in_range("exposure", env.exposure, -64.0f, 64.0f);
}

MaybeIssue check_streaming(const StreamingSettings& s) {
  if (s.bounds)
    if (auto i = within("bounds", check_aabb(*s.bounds))) return i;
  if (s.priority < -1000 || s.priority > 1000) return issue("priority", "must be in [-1000, 1000], got ", s.priority);
  return std::nullopt;
}

MaybeIssue check_asset_entry(std::string_view id, std::string_view path, const SceneLimits& limits) {
  std::string field = std::string(id);
  if (auto i = check_identifier(field, id, limits)) return issue(field, "asset id ", i->message);
  if (auto i = check_string(field, path, limits)) return i;
  if (path.empty()) return issue(field, "path must not be empty");
  if (std::filesystem::path(path).is_absolute() || path.find('\\') != std::string_view::npos)
    return issue(field, "path must be relative to the scene file, with '/' separators, got \"", path, "\"");
  return std::nullopt;
}

MaybeIssue check_entity(const Entity& e, const SceneLimits& limits) {
  if (auto i = check_string("name", e.name, limits)) return i;
  if (auto i = within("transform", check_transform(e.transform))) return i;
  if (e.mesh)
    if (auto i = within("mesh", check_mesh(*e.mesh, limits))) return i;
  if (e.light)
    if (auto i = within("light", check_light(*e.light))) return i;
  if (e.camera)
    if (auto i = within("camera", check_camera(*e.camera))) return i;
  if (e.character)
    if (auto i = within("character", check_character(*e.character, limits))) return i;
  if (e.emitter)
    if (auto i = within("emitter", check_emitter(*e.emitter, limits))) return i;
  if (e.streaming_bounds)
    if (auto i = within("streaming.bounds", check_aabb(*e.streaming_bounds))) return i;
  return std::nullopt;
}

}  // namespace kagami::scene::checks
