#include "shapes.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>

namespace kagami::gen {

Mesh box(const glm::vec3& lo, const glm::vec3& hi) {
  Mesh m;
  const glm::vec3 c[8] = {{lo.x, lo.y, lo.z}, {hi.x, lo.y, lo.z}, {hi.x, hi.y, lo.z}, {lo.x, hi.y, lo.z},
                          {lo.x, lo.y, hi.z}, {hi.x, lo.y, hi.z}, {hi.x, hi.y, hi.z}, {lo.x, hi.y, hi.z}};
  m.flat_quad(c[4], c[5], c[6], c[7]);  // +Z
  m.flat_quad(c[1], c[0], c[3], c[2]);  // -Z
  m.flat_quad(c[5], c[1], c[2], c[6]);  // +X
  m.flat_quad(c[0], c[4], c[7], c[3]);  // -X
  m.flat_quad(c[3], c[7], c[6], c[2]);  // +Y
  m.flat_quad(c[0], c[1], c[5], c[4]);  // -Y
  return m;
}

Mesh beam(const glm::vec3& a, const glm::vec3& b, float w, float h, const glm::vec3& up) {
  const glm::vec3 d = b - a;
  const float len = glm::length(d);
  if (len < 1e-6f) return {};
  const glm::vec3 t = d / len;
  glm::vec3 side = glm::cross(up, t);
  if (glm::length(side) < 1e-4f) side = glm::cross(glm::vec3(1, 0, 0), t);
  side = glm::normalize(side);
  const glm::vec3 u = glm::cross(t, side);  // (side, u, t) is right-handed
  // Local box: x = side, y = up, z = along the beam, mapped by a basis matrix.
  glm::mat4 basis(glm::vec4(side, 0), glm::vec4(u, 0), glm::vec4(t, 0), glm::vec4(a, 1));
  Mesh m;
  m.append(box({-w * 0.5f, -h * 0.5f, 0}, {w * 0.5f, h * 0.5f, len}), basis);
  return m;
}

Mesh slab(const glm::vec2& bottom, const glm::vec2& top, float height) {
  Mesh m;
  const glm::vec3 b[4] = {{-bottom.x, 0, -bottom.y}, {bottom.x, 0, -bottom.y}, {bottom.x, 0, bottom.y}, {-bottom.x, 0, bottom.y}};
  const glm::vec3 t[4] = {{-top.x, height, -top.y}, {top.x, height, -top.y}, {top.x, height, top.y}, {-top.x, height, top.y}};
  m.flat_quad(t[0], t[3], t[2], t[1]);  // top, facing +Y
  m.flat_quad(b[0], b[1], b[2], b[3]);  // bottom, facing -Y
  for (int i = 0; i < 4; ++i) {
    const int j = (i + 1) % 4;
    m.flat_quad(b[j], b[i], t[i], t[j]);
  }
  return m;
}

Mesh cylinder(float r0, float r1, float h, int segments, bool caps) {
  Mesh m;
  // Side normal of a frustum: radial, tilted by the slope.
  const float slope = (r0 - r1) / std::max(h, 1e-6f);
  for (int i = 0; i <= segments; ++i) {
    const float a = 2.0f * kPi * float(i) / float(segments);
    const glm::vec3 dir(std::cos(a), 0, -std::sin(a));
    const glm::vec3 n = glm::normalize(glm::vec3(dir.x, slope, dir.z));
    const float u = float(i) / float(segments);
    m.vertex(dir * r0, n, {u, 0});
    m.vertex(dir * r1 + glm::vec3(0, h, 0), n, {u, h});
  }
  for (int i = 0; i < segments; ++i) {
    // Quad bottom_i, bottom_i+1, top_i+1, top_i; a cone (or an inverted cone)
    // keeps only the triangle that is not degenerate.
    const auto a = std::uint32_t(2 * i);
    if (r0 > 0.0f) m.triangle(a, a + 2, a + 3);
    if (r1 > 0.0f) m.triangle(a, a + 3, a + 1);
  }
  if (caps) {
    for (int cap = 0; cap < 2; ++cap) {
      const float r = cap ? r1 : r0;
      if (r <= 0.0f) continue;
      const float y = cap ? h : 0.0f;
      const glm::vec3 n(0, cap ? 1.0f : -1.0f, 0);
      const auto centre = m.vertex({0, y, 0}, n, {0.5f, 0.5f});
      for (int i = 0; i <= segments; ++i) {
        const float a = 2.0f * kPi * float(i) / float(segments);
        m.vertex({std::cos(a) * r, y, -std::sin(a) * r}, n, {0.5f + 0.5f * std::cos(a), 0.5f + 0.5f * std::sin(a)});
      }
      for (int i = 0; i < segments; ++i) {
        const std::uint32_t a = centre + 1 + std::uint32_t(i);
        if (cap) m.triangle(centre, a, a + 1);
        else m.triangle(centre, a + 1, a);
      }
    }
  }
  return m;
}

Mesh sphere(float r, int segments, int rings) {
  Mesh m;
  for (int j = 0; j <= rings; ++j) {
    const float v = float(j) / float(rings);
    const float phi = kPi * v;
    for (int i = 0; i <= segments; ++i) {
      const float u = float(i) / float(segments);
      const float th = 2.0f * kPi * u;
      const glm::vec3 n(std::sin(phi) * std::cos(th), std::cos(phi), -std::sin(phi) * std::sin(th));
      m.vertex(n * r, n, {u, v});
    }
  }
  const auto row = std::uint32_t(segments + 1);
  for (int j = 0; j < rings; ++j)
    for (int i = 0; i < segments; ++i) {
      const std::uint32_t a = std::uint32_t(j) * row + std::uint32_t(i), b = a + row;
      if (j != 0) m.triangle(a, b, a + 1);
      if (j != rings - 1) m.triangle(a + 1, b, b + 1);
    }
  return m;
}

Mesh blob(float r, int subdivisions, float jitter, Rng& rng) {
  const float g = (1.0f + std::sqrt(5.0f)) * 0.5f;
  std::vector<glm::vec3> v = {{-1, g, 0}, {1, g, 0}, {-1, -g, 0}, {1, -g, 0}, {0, -1, g}, {0, 1, g},
                              {0, -1, -g}, {0, 1, -g}, {g, 0, -1}, {g, 0, 1}, {-g, 0, -1}, {-g, 0, 1}};
  std::vector<std::array<std::uint32_t, 3>> f = {{0, 11, 5}, {0, 5, 1},  {0, 1, 7},  {0, 7, 10}, {0, 10, 11},
                                                 {1, 5, 9},  {5, 11, 4}, {11, 10, 2}, {10, 7, 6}, {7, 1, 8},
                                                 {3, 9, 4},  {3, 4, 2},  {3, 2, 6},  {3, 6, 8},  {3, 8, 9},
                                                 {4, 9, 5},  {2, 4, 11}, {6, 2, 10}, {8, 6, 7},  {9, 8, 1}};
  for (glm::vec3& p : v) p = glm::normalize(p);
  for (int s = 0; s < subdivisions; ++s) {
    // Ordered map: midpoints are created in a fixed order, so jitter is reproducible.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> mid;
    auto midpoint = [&](std::uint32_t a, std::uint32_t b) {
      const auto key = std::minmax(a, b);
      if (auto it = mid.find(key); it != mid.end()) return it->second;
      v.push_back(glm::normalize(v[a] + v[b]));
      return mid[key] = std::uint32_t(v.size() - 1);
    };
    std::vector<std::array<std::uint32_t, 3>> next;
    for (const auto& t : f) {
      const auto ab = midpoint(t[0], t[1]), bc = midpoint(t[1], t[2]), ca = midpoint(t[2], t[0]);
      next.insert(next.end(), {{t[0], ab, ca}, {t[1], bc, ab}, {t[2], ca, bc}, {ab, bc, ca}});
    }
    f = std::move(next);
  }
  for (glm::vec3& p : v) p *= r * (1.0f + rng.jitter(jitter));
  Mesh m;
  for (const auto& t : f) m.flat_triangle(v[t[0]], v[t[1]], v[t[2]]);
  return m;
}

Mesh gem(float r) {
  Mesh m;
  const glm::vec3 top(0, r, 0), bottom(0, -r, 0);
  const glm::vec3 ring[4] = {{r, 0, 0}, {0, 0, -r}, {-r, 0, 0}, {0, 0, r}};
  for (int i = 0; i < 4; ++i) {
    m.flat_triangle(ring[i], ring[(i + 1) % 4], top);
    m.flat_triangle(ring[(i + 1) % 4], ring[i], bottom);
  }
  return m;
}

Mesh torus(float R, float r, int major_segments, int minor_segments) {
  Mesh m;
  for (int i = 0; i <= major_segments; ++i) {
    const float a = 2.0f * kPi * float(i) / float(major_segments);
    const glm::vec3 radial(std::cos(a), std::sin(a), 0);
    for (int j = 0; j <= minor_segments; ++j) {
      const float b = 2.0f * kPi * float(j) / float(minor_segments);
      const glm::vec3 n = radial * std::cos(b) + glm::vec3(0, 0, std::sin(b));
      m.vertex(radial * R + n * r, n, {float(i) / float(major_segments), float(j) / float(minor_segments)});
    }
  }
  const auto row = std::uint32_t(minor_segments + 1);
  for (int i = 0; i < major_segments; ++i)
    for (int j = 0; j < minor_segments; ++j) {
      const std::uint32_t a = std::uint32_t(i) * row + std::uint32_t(j), b = a + row;
      m.triangle(a, b, b + 1);
      m.triangle(a, b + 1, a + 1);
    }
  return m;
}

Mesh quad_xz(float width, float depth) {
  Mesh m;
  const float x = width * 0.5f, z = depth * 0.5f;
  m.flat_quad({-x, 0, z}, {x, 0, z}, {x, 0, -z}, {-x, 0, -z});
  return m;
}

Mesh disc_z(float r, float thickness, int segments) {
  Mesh m;
  // A cylinder along Y, turned so its axis is Z.
  m.append(cylinder(r, r, thickness, segments),
           trs({0, 0, thickness * 0.5f}, glm::angleAxis(-kPi * 0.5f, glm::vec3(1, 0, 0))));
  return m;
}

std::vector<glm::vec3> catmull_rom(const std::vector<glm::vec3>& pts, bool closed, int samples) {
  std::vector<glm::vec3> out;
  const int n = int(pts.size());
  if (n < 2) return pts;
  auto at = [&](int i) {
    if (closed) return pts[std::size_t((i % n + n) % n)];
    return pts[std::size_t(std::clamp(i, 0, n - 1))];
  };
  const int segments = closed ? n : n - 1;
  for (int s = 0; s < segments; ++s) {
    const glm::vec3 p0 = at(s - 1), p1 = at(s), p2 = at(s + 1), p3 = at(s + 2);
    // Centripetal parameterisation (alpha = 0.5).
    auto knot = [](float t, const glm::vec3& a, const glm::vec3& b) {
      return t + std::max(std::sqrt(glm::length(b - a)), 1e-4f);
    };
    const float t0 = 0, t1 = knot(t0, p0, p1), t2 = knot(t1, p1, p2), t3 = knot(t2, p2, p3);
    for (int k = 0; k < samples; ++k) {
      const float t = t1 + (t2 - t1) * float(k) / float(samples);
      const glm::vec3 a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1;
      const glm::vec3 a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2;
      const glm::vec3 a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3;
      const glm::vec3 b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2;
      const glm::vec3 b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3;
      out.push_back((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2);
    }
  }
  if (!closed) out.push_back(pts.back());
  return out;
}

std::vector<glm::vec3> resample(const std::vector<glm::vec3>& path, bool closed, float spacing) {
  if (path.size() < 2) return path;
  std::vector<glm::vec3> pts = path;
  if (closed) pts.push_back(path.front());
  float total = 0;
  for (std::size_t i = 1; i < pts.size(); ++i) total += glm::length(pts[i] - pts[i - 1]);
  const int count = std::max(2, int(std::round(total / spacing)));
  const float step = total / float(count);
  std::vector<glm::vec3> out;
  std::size_t seg = 1;
  float seg_start = 0, seg_len = glm::length(pts[1] - pts[0]);
  for (int k = 0; k < (closed ? count : count + 1); ++k) {
    const float d = std::min(step * float(k), total);
    while (seg + 1 < pts.size() && d > seg_start + seg_len) {
      seg_start += seg_len;
      ++seg;
      seg_len = glm::length(pts[seg] - pts[seg - 1]);
    }
    const float f = seg_len > 0 ? std::clamp((d - seg_start) / seg_len, 0.0f, 1.0f) : 0.0f;
    out.push_back(glm::mix(pts[seg - 1], pts[seg], f));
  }
  return out;
}

std::vector<Frame> frames_along(const std::vector<glm::vec3>& path, bool closed, const std::vector<float>& bank,
                                const glm::vec3& up_hint) {
  std::vector<Frame> frames;
  const std::size_t n = path.size();
  for (std::size_t i = 0; i < n; ++i) {
    const glm::vec3 prev = (i > 0) ? path[i - 1] : (closed ? path[n - 1] : path[i]);
    const glm::vec3 next = (i + 1 < n) ? path[i + 1] : (closed ? path[0] : path[i]);
    const glm::vec3 t = glm::normalize(next - prev);
    glm::vec3 side = glm::normalize(glm::cross(t, up_hint));
    glm::vec3 up = glm::cross(side, t);
    if (!bank.empty()) {
      const glm::quat q = glm::angleAxis(bank[i], t);
      side = q * side;
      up = q * up;
    }
    frames.push_back({path[i], t, up, side});
  }
  return frames;
}

Mesh sweep(const std::vector<Frame>& frames, bool closed, const std::vector<glm::vec2>& profile,
           const glm::vec2& offset) {
  Mesh m;
  const std::size_t n = frames.size(), k = profile.size();
  if (n < 2 || k < 3) return m;
  const std::size_t rings = closed ? n + 1 : n;
  float along = 0;
  for (std::size_t i = 0; i < rings; ++i) {
    const Frame& f = frames[i % n];
    if (i > 0) along += glm::length(f.p - frames[(i - 1) % n].p);
    for (std::size_t j = 0; j <= k; ++j) {
      const glm::vec2 q = profile[j % k];
      // Smooth normal of a convex profile: from the profile's centre outwards.
      const glm::vec3 n3 = glm::normalize(f.side * q.x + f.up * q.y);
      m.vertex(f.p + f.side * (q.x + offset.x) + f.up * (q.y + offset.y), n3, {float(j) / float(k), along});
    }
  }
  const auto row = std::uint32_t(k + 1);
  for (std::size_t i = 0; i + 1 < rings; ++i)
    for (std::size_t j = 0; j < k; ++j) {
      const std::uint32_t a = std::uint32_t(i) * row + std::uint32_t(j), b = a + row;
      // (side, up, tangent) is left-handed, hence this winding for outward fronts.
      m.triangle(a, b + 1, a + 1);
      m.triangle(a, b, b + 1);
    }
  return m;
}

std::vector<glm::vec2> circle_profile(float r, int sides) {
  std::vector<glm::vec2> out;
  for (int i = 0; i < sides; ++i) {
    const float a = 2.0f * kPi * float(i) / float(sides);
    out.push_back({std::cos(a) * r, std::sin(a) * r});
  }
  return out;
}

std::vector<glm::vec2> rect_profile(float w, float h) { return {{w, -h}, {w, h}, {-w, h}, {-w, -h}}; }

}  // namespace kagami::gen
