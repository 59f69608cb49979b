#include "structures.h"

#include <algorithm>
#include <cmath>

#include "shapes.h"

namespace kagami::locgen {
using namespace ::kagami::gen;  // the shared generator toolkit (tools/gen)

void truss(Mesh& out, const glm::vec3& a, const glm::vec3& b, float height, float width, int panels, float member) {
  const glm::vec3 along = b - a;
  const glm::vec3 t = glm::normalize(along);
  const glm::vec3 side = glm::normalize(glm::cross(glm::vec3(0, 1, 0), t)) * (width * 0.5f);
  const glm::vec3 up(0, height, 0);
  for (float s : {-1.0f, 1.0f}) {
    const glm::vec3 o = a + side * s;
    out.append(beam(o, o + along, member * 1.6f, member * 1.6f));            // bottom chord
    out.append(beam(o + up, o + along + up, member * 1.6f, member * 1.6f));  // top chord
    for (int i = 0; i <= panels; ++i) {
      const glm::vec3 p = o + along * (float(i) / float(panels));
      out.append(beam(p, p + up, member, member));
      if (i < panels) {
        const glm::vec3 q = o + along * (float(i + 1) / float(panels));
        // Warren pattern: diagonals alternate direction panel by panel.
        if (i % 2 == 0) out.append(beam(p, q + up, member, member));
        else out.append(beam(p + up, q, member, member));
      }
    }
  }
  for (int i = 0; i <= panels; ++i) {
    const glm::vec3 p = a + along * (float(i) / float(panels));
    out.append(beam(p - side + up, p + side + up, member, member));  // top lateral tie
  }
}

void lattice_column(Mesh& out, const glm::vec3& base, float height, float width, float bay, float member) {
  const float h = width * 0.5f;
  const glm::vec3 corners[4] = {{-h, 0, -h}, {h, 0, -h}, {h, 0, h}, {-h, 0, h}};
  for (const glm::vec3& c : corners) out.append(beam(base + c, base + c + glm::vec3(0, height, 0), member, member, {0, 0, 1}));
  const int bays = std::max(1, int(std::round(height / bay)));
  const float step = height / float(bays);
  for (int k = 0; k < bays; ++k) {
    for (int f = 0; f < 4; ++f) {
      const glm::vec3 c0 = base + corners[f], c1 = base + corners[(f + 1) % 4];
      const glm::vec3 y0(0, step * float(k), 0), y1(0, step * float(k + 1), 0);
      out.append(beam(c0 + ((k % 2) ? y0 : y1), c1 + ((k % 2) ? y1 : y0), member * 0.7f, member * 0.7f));
      out.append(beam(c0 + y1, c1 + y1, member * 0.7f, member * 0.7f));
    }
  }
}

void railing(Mesh& out, const glm::vec3& a, const glm::vec3& b, float height, float spacing, float post) {
  const float len = glm::length(b - a);
  const int posts = std::max(1, int(std::round(len / spacing)));
  const glm::vec3 up(0, height, 0);
  for (int i = 0; i <= posts; ++i) {
    const glm::vec3 p = glm::mix(a, b, float(i) / float(posts));
    out.append(beam(p, p + up, post, post, {0, 0, 1}));
  }
  out.append(beam(a + up, b + up, post * 1.4f, post * 1.2f));
  out.append(beam(a + up * 0.5f, b + up * 0.5f, post * 0.8f, post * 0.8f));
}

void stairs(Mesh& out, float width, float rise, float run, int steps) {
  for (int i = 0; i < steps; ++i)
    out.append(box({-width * 0.5f, 0, run * float(i)}, {width * 0.5f, rise * float(i + 1), run * float(i + 1)}));
}

Mesh snow_cap(const glm::vec2& half, float thickness, Rng& rng) {
  // A 4x4 grid top whose inner points bulge (wind-heaped snow) and whose rim
  // slumps to the edge of the surface it rests on.
  constexpr int kN = 4;
  glm::vec3 top[kN + 1][kN + 1];
  for (int i = 0; i <= kN; ++i)
    for (int j = 0; j <= kN; ++j) {
      const float u = float(i) / kN * 2.0f - 1.0f, v = float(j) / kN * 2.0f - 1.0f;
      const bool rim = i == 0 || j == 0 || i == kN || j == kN;
      const float inset = std::min(thickness * 0.8f, std::min(half.x, half.y) * 0.3f);
      const float y = rim ? thickness * 0.35f : thickness * (0.85f + rng.range(0.0f, 0.3f));
      top[i][j] = {u * (half.x - (rim ? inset * 0.3f : 0.0f)), y, v * (half.y - (rim ? inset * 0.3f : 0.0f))};
    }
  Mesh m;
  for (int i = 0; i < kN; ++i)
    for (int j = 0; j < kN; ++j) m.flat_quad(top[i][j], top[i][j + 1], top[i + 1][j + 1], top[i + 1][j]);
  // Skirt down to y = 0 all round.
  for (int k = 0; k < kN; ++k) {
    const glm::vec3 edges[4][2] = {{top[k + 1][0], top[k][0]},
                                   {top[kN][k + 1], top[kN][k]},
                                   {top[k][kN], top[k + 1][kN]},
                                   {top[0][k], top[0][k + 1]}};
    for (const auto& e : edges) {
      const glm::vec3 b0(e[0].x, 0, e[0].z), b1(e[1].x, 0, e[1].z);
      m.flat_quad(b0, b1, e[1], e[0]);
    }
  }
  return m;
}

void window_tower(Model& out, const glm::vec3& size, const TowerStyle& style, Rng& rng) {
  const float hw = size.x * 0.5f, hd = size.z * 0.5f;
  window_block(out, {-hw, 0, -hd}, {hw, size.y, hd}, style, rng);
  out.with(style.wall).append(box({-hw - 0.3f, size.y, -hd - 0.3f}, {hw + 0.3f, size.y + 1.0f, hd + 0.3f}));  // parapet
}

void window_block(Model& out, const glm::vec3& lo, const glm::vec3& hi, const TowerStyle& style, Rng& rng,
                  unsigned faces) {
  out.with(style.wall).append(box(lo, hi));
  Mesh& dark = out.with(style.glass_dark);
  Mesh& lit = out.with(style.glass_lit);
  const float usable = hi.y - lo.y - style.base_height;
  const int floors = int(usable / style.floor_height);
  const float proud = 0.06f;  // glass sits just proud of the wall so it never z-fights
  // Facades: which bit, origin corner, direction along the facade, outward normal, length.
  struct Facade { unsigned bit; glm::vec3 origin, along, normal; float length; };
  const glm::vec3 size = hi - lo;
  const Facade facades[4] = {{kFacePosZ, {lo.x, 0, hi.z}, {1, 0, 0}, {0, 0, 1}, size.x},
                             {kFaceNegZ, {hi.x, 0, lo.z}, {-1, 0, 0}, {0, 0, -1}, size.x},
                             {kFacePosX, {hi.x, 0, hi.z}, {0, 0, -1}, {1, 0, 0}, size.z},
                             {kFaceNegX, {lo.x, 0, lo.z}, {0, 0, 1}, {-1, 0, 0}, size.z}};
  for (const Facade& f : facades) {
    if (!(faces & f.bit)) continue;
    const int windows = std::max(1, int(f.length / style.window_width));
    const float w = f.length / float(windows);
    for (int fl = 0; fl < floors; ++fl) {
      const float y0 = lo.y + style.base_height + style.floor_height * float(fl) +
                       (style.floor_height - style.band_height) * 0.5f;
      // Lit windows come in runs (an office floor, a family's rooms), not as noise.
      bool on = rng.chance(style.lit_fraction);
      for (int k = 0; k < windows; ++k) {
        if (rng.chance(0.3f)) on = rng.chance(style.lit_fraction);
        const glm::vec3 p0 = f.origin + f.along * (w * float(k) + 0.15f) + f.normal * proud + glm::vec3(0, y0, 0);
        const glm::vec3 p1 = p0 + f.along * (w - 0.3f);
        const glm::vec3 up(0, style.band_height, 0);
        (on ? lit : dark).flat_quad(p0, p1, p1 + up, p0 + up);
      }
    }
  }
}

void oriented_quad(Mesh& m, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c, const glm::vec3& d,
                   const glm::vec3& outward) {
  if (glm::dot(glm::cross(c - a, d - b), outward) >= 0.0f) m.flat_quad(a, b, c, d);
  else m.flat_quad(a, d, c, b);
}

void oriented_triangle(Mesh& m, std::uint32_t a, std::uint32_t b, std::uint32_t c, const glm::vec3& outward) {
  const glm::vec3 n = glm::cross(m.positions[b] - m.positions[a], m.positions[c] - m.positions[a]);
  if (glm::dot(n, outward) >= 0.0f) m.triangle(a, b, c);
  else m.triangle(a, c, b);
}

}  // namespace kagami::locgen
