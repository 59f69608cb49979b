// The data world (inside Rin): an endless dark plane with a glowing grid,
// columns of drifting data blocks, glyph panels and strips, monoliths and
// vertical data streams. Dark, fog-friendly bodies; cyan and green light
// lives only in the emissive edges, so the fog can swallow the distance and
// the glow still reads.
#include <algorithm>
#include <cmath>
#include <string>

#include "footprints.h"
#include "location.h"
#include "shapes.h"

namespace kagami::locgen::dw {

namespace {

constexpr float kTile = 100.0f;   // grid tile size
constexpr int kTilesHalf = 5;     // 11 x 11 tiles: 1.1 km of floor around the origin
constexpr float kArena = 28.0f;   // kept clear around the origin for the fight

struct Palette {
  Material floor, line, line_major, cell, body, edge_cyan, edge_green, panel, glyph_cyan, glyph_green, monolith,
      monolith_edge, stream;
};

const Palette& palette() {
  static const Palette p = [] {
    Palette c;
    c.floor = matte("dw_floor", {0.01f, 0.012f, 0.018f}, 0.35f);
    c.line = glow("dw_grid_line", {0.1f, 0.75f, 0.95f}, 3.0f);
    c.line_major = glow("dw_grid_major", {0.3f, 1.0f, 0.85f}, 6.0f);
    c.cell = glow("dw_grid_cell", {0.03f, 0.2f, 0.25f}, 1.0f);
    c.body = matte("dw_block_body", {0.02f, 0.028f, 0.04f}, 0.4f);
    c.edge_cyan = glow("dw_edge_cyan", {0.0f, 0.85f, 1.0f}, 5.0f);
    c.edge_green = glow("dw_edge_green", {0.25f, 1.0f, 0.55f}, 5.0f);
    c.panel = matte("dw_panel", {0.012f, 0.02f, 0.03f}, 0.3f);
    c.glyph_cyan = glow("dw_glyph_cyan", {0.35f, 0.95f, 1.0f}, 6.0f);
    c.glyph_green = glow("dw_glyph_green", {0.4f, 1.0f, 0.6f}, 6.0f);
    c.monolith = matte("dw_monolith", {0.006f, 0.006f, 0.01f}, 0.12f);
    c.monolith_edge = glow("dw_monolith_edge", {0.5f, 1.0f, 0.95f}, 10.0f);
    c.stream = glow("dw_stream", {0.1f, 0.6f, 1.0f}, 3.0f);
    return c;
  }();
  return p;
}

Model grid_tile(const char* id, bool lit_cells, Rng& rng) {
  // 100 x 100 m; each tile draws its own west and north lines, so tiles laid
  // edge to edge make one unbroken grid. Minor lines every 5 m, major every 25 m.
  const Palette& c = palette();
  Model model(id);
  model.with(c.floor).append(quad_xz(kTile, kTile));
  for (int k = 0; k < 20; ++k) {
    const bool major = k % 5 == 0;
    const float o = -kTile * 0.5f + 5.0f * float(k), w = major ? 0.3f : 0.12f, y = major ? 0.012f : 0.01f;
    const Material& m = major ? c.line_major : c.line;
    model.with(m).append(quad_xz(w, kTile), trs({o, y, 0}));
    model.with(m).append(quad_xz(kTile, w), trs({0, y, o}));
  }
  if (lit_cells)
    for (int k = 0; k < 14; ++k) {
      const float x = -kTile * 0.5f + 5.0f * float(rng.integer(0, 19)) + 2.5f;
      const float z = -kTile * 0.5f + 5.0f * float(rng.integer(0, 19)) + 2.5f;
      model.with(c.cell).append(quad_xz(4.6f, 4.6f), trs({x, 0.005f, z}));
    }
  return model;
}

// One data block: a dark cube with glowing vertical edges, a glowing inset on
// top and a band round its middle. Base centred on the origin.
void data_block(Model& model, const glm::vec3& at, float size, float turn, const Material& edge) {
  const Palette& c = palette();
  const glm::mat4 xf = trs(at, yaw(turn));
  const float h = size * 0.5f, e = std::max(0.04f, size * 0.035f);
  model.with(c.body).append(box({-h, 0, -h}, {h, size, h}), xf);
  Mesh& glowing = model.with(edge);
  for (float sx : {-1.0f, 1.0f})
    for (float sz : {-1.0f, 1.0f})
      glowing.append(box({sx * h - e, 0, sz * h - e}, {sx * h + e, size, sz * h + e}), xf);
  glowing.append(quad_xz(size * 0.6f, size * 0.6f), xf * trs({0, size + 0.01f, 0}));
  glowing.append(box({-h - 0.01f, size * 0.47f, -h - 0.01f}, {h + 0.01f, size * 0.53f, h + 0.01f}), xf);
}

Model data_column(const char* id, int blocks, Rng& rng) {
  // A stack of blocks drifting apart: jittered gaps, offsets and turns, the
  // stack thinning out toward the top.
  const Palette& c = palette();
  Model model(id);
  float y = 0.3f;
  for (int k = 0; k < blocks; ++k) {
    const float size = rng.range(1.2f, 2.2f) * (1.0f - 0.35f * float(k) / float(blocks));
    const glm::vec3 at(rng.jitter(0.5f), y, rng.jitter(0.5f));
    data_block(model, at, size, rng.range(0, kPi * 0.5f), rng.chance(0.75f) ? c.edge_cyan : c.edge_green);
    y += size + rng.range(0.15f, 1.2f) * (1.0f + 1.5f * float(k) / float(blocks));
  }
  return model;
}

Model single_block(const char* id, const Material& edge) {
  Model model(id);
  data_block(model, {0, -0.5f, 0}, 1.0f, 0, edge);
  return model;
}

// A random glyph on a 5 x 7 grid built from 2-4 strokes (not a real script:
// something that reads as writing from across a plaza).
std::vector<std::uint8_t> glyph(Rng& rng) {
  std::vector<std::uint8_t> g(35, 0);
  const int strokes = rng.integer(2, 4);
  for (int s = 0; s < strokes; ++s) {
    const int kind = rng.integer(0, 2);
    if (kind == 0) {  // horizontal
      const int r = rng.integer(0, 6), c0 = rng.integer(0, 2), c1 = rng.integer(c0 + 1, 4);
      for (int col = c0; col <= c1; ++col) g[std::size_t(r * 5 + col)] = 1;
    } else if (kind == 1) {  // vertical
      const int col = rng.integer(0, 4), r0 = rng.integer(0, 3), r1 = rng.integer(r0 + 2, 6);
      for (int r = r0; r <= r1; ++r) g[std::size_t(r * 5 + col)] = 1;
    } else {  // diagonal sweep
      const int r0 = rng.integer(0, 3), dir = rng.chance(0.5f) ? 1 : -1;
      int col = dir > 0 ? 0 : 4;
      for (int r = r0; r < 7 && col >= 0 && col <= 4; ++r, col += dir) g[std::size_t(r * 5 + col)] = 1;
    }
  }
  return g;
}

// Glyph pixels as extruded runs (one box per horizontal run, not per pixel).
void glyph_boxes(Mesh& out, const std::vector<std::uint8_t>& g, const glm::vec3& origin, float pixel, float depth) {
  for (int r = 0; r < 7; ++r)
    for (int col = 0; col < 5;) {
      if (!g[std::size_t(r * 5 + col)]) { ++col; continue; }
      int end = col;
      while (end + 1 < 5 && g[std::size_t(r * 5 + end + 1)]) ++end;
      const glm::vec3 lo = origin + glm::vec3(pixel * float(col), -pixel * float(r + 1), 0);
      out.append(box(lo, lo + glm::vec3(pixel * float(end - col + 1), pixel, depth)));
      col = end + 1;
    }
}

Model glyph_panel(const char* id, int columns, int rows, const Material& ink, Rng& rng) {
  // A thin dark panel in the XY plane (facing +Z, glyphs on both faces' edge
  // of view) with rows of glowing glyphs; base centred on the origin.
  const Palette& c = palette();
  Model model(id);
  const float pixel = 0.11f, cell_w = pixel * 7.0f, cell_h = pixel * 9.0f;
  const float w = cell_w * float(columns) + 0.4f, h = cell_h * float(rows) + 0.4f;
  model.with(c.panel).append(box({-w * 0.5f, 0, -0.04f}, {w * 0.5f, h, 0.04f}));
  Mesh& glyphs = model.with(ink);
  for (int r = 0; r < rows; ++r)
    for (int k = 0; k < columns; ++k) {
      if (rng.chance(0.12f)) continue;  // spaces
      const glm::vec3 o(-w * 0.5f + 0.2f + cell_w * float(k), h - 0.2f - cell_h * float(r), 0.04f);
      glyph_boxes(glyphs, glyph(rng), o, pixel, 0.05f);
    }
  // Frame: thin glowing border.
  Mesh& frame = model.with(c.edge_cyan);
  frame.append(box({-w * 0.5f, h, -0.05f}, {w * 0.5f, h + 0.05f, 0.05f}));
  frame.append(box({-w * 0.5f, -0.05f, -0.05f}, {w * 0.5f, 0, 0.05f}));
  return model;
}

Model monolith(Rng& rng) {
  const Palette& c = palette();
  Model model("monolith");
  model.with(c.monolith).append(box({-2, 0, -0.6f}, {2, 26, 0.6f}));
  Mesh& edge = model.with(c.monolith_edge);
  for (float x : {-2.0f, 2.0f})
    for (float z : {-0.6f, 0.6f}) edge.append(box({x - 0.05f, 0, z - 0.05f}, {x + 0.05f, 26, z + 0.05f}));
  edge.append(box({-2.05f, 25.95f, -0.65f}, {2.05f, 26.05f, 0.65f}));
  Mesh& ink = model.with(c.glyph_cyan);
  for (int k = 0; k < 14; ++k) glyph_boxes(ink, glyph(rng), {-0.28f, 22.0f - 1.05f * float(k), 0.6f}, 0.11f, 0.04f);
  return model;
}

Model data_stream() {
  // A vertical beam of data rising out of the floor: thin core, brighter packets.
  const Palette& c = palette();
  Model model("data_stream");
  model.with(c.stream).append(box({-0.06f, 0, -0.06f}, {0.06f, 90, 0.06f}));
  for (int k = 0; k < 18; ++k) {
    const float y = 3.0f + 4.9f * float(k);
    model.with(c.edge_cyan).append(box({-0.14f, y, -0.14f}, {0.14f, y + 0.9f, 0.14f}));
  }
  return model;
}

Light point_light(const glm::vec3& offset, const glm::vec3& colour, float candela, float range) {
  Light l;
  l.color = colour;
  l.intensity = candela;
  l.range = range;
  l.offset = offset;
  return l;
}

}  // namespace

Location build(std::uint32_t seed) {
  const Palette& c = palette();
  Location loc;
  loc.name = "data_world";
  loc.description = "The data world inside Rin: a glowing grid floor in dark fog, drifting data columns, glyphs, monoliths";
  Rng assets(seed, "dw.assets");
  loc.add_asset(grid_tile("grid_tile", false, assets));
  loc.add_asset(grid_tile("grid_tile_cells", true, assets));
  loc.ground_assets = {"grid_tile", "grid_tile_cells"};
  const int heights[4] = {8, 12, 18, 26};
  for (int k = 0; k < 4; ++k) loc.add_asset(data_column(("data_column_" + std::to_string(k)).c_str(), heights[k], assets));
  loc.add_asset(single_block("data_block_cyan", c.edge_cyan));
  loc.add_asset(single_block("data_block_green", c.edge_green));
  loc.add_asset(glyph_panel("glyph_panel_wide", 10, 6, c.glyph_cyan, assets));
  loc.add_asset(glyph_panel("glyph_panel_tall", 4, 14, c.glyph_green, assets));
  loc.add_asset(glyph_panel("glyph_strip", 1, 24, c.glyph_cyan, assets));
  loc.add_asset(monolith(assets));
  loc.add_asset(data_stream());

  // --- Floor: tiles edge to edge, some with lit cells ---
  Rng floor(seed, "dw.floor");
  for (int i = -kTilesHalf; i <= kTilesHalf; ++i)
    for (int j = -kTilesHalf; j <= kTilesHalf; ++j)
      loc.place(floor.chance(0.35f) ? "grid_tile_cells" : "grid_tile", {kTile * float(i), 0, kTile * float(j)});

  // --- Monoliths: a broken ring round the arena, each with its own light ---
  Footprints taken;
  taken.add_circle({0, 0}, kArena);
  Rng ring(seed, "dw.monoliths");
  for (int k = 0; k < 7; ++k) {
    const float a = 2 * kPi * float(k) / 7.0f + ring.jitter(0.2f);
    const glm::vec2 p = glm::vec2(std::cos(a), std::sin(a)) * (62.0f + ring.jitter(8));
    Placement& m = loc.place("monolith", {p.x, 0, p.y}, yaw(-a + kPi * 0.5f + ring.jitter(0.3f)));
    m.name = "monolith_" + std::to_string(k);
    m.light = point_light({0, 14, 1.5f}, {0.45f, 1.0f, 0.95f}, 800, 40);
    taken.add_circle(p, 4);
  }

  // --- Data columns: dense near the arena, thinning into the fog ---
  Rng cols(seed, "dw.columns");
  int placed = 0;
  for (int attempt = 0; attempt < 4000 && placed < 200; ++attempt) {
    const float r = kArena + 6.0f + 480.0f * std::pow(cols.unit(), 1.6f);
    const float a = cols.range(0, 2 * kPi);
    const glm::vec2 p(std::cos(a) * r, std::sin(a) * r);
    if (taken.blocked(p, 3.5f)) continue;
    const int kind = cols.integer(0, 3);
    Placement& col = loc.place("data_column_" + std::to_string(kind), {p.x, cols.range(0.0f, 6.0f), p.y},
                               yaw(cols.range(0, 2 * kPi)), glm::vec3(cols.range(0.8f, 1.3f)));
    if (placed % 20 == 0) col.light = point_light({0, 8, 0}, {0.2f, 1.0f, 0.6f}, 300, 25);
    taken.add_circle(p, 4.0f);
    ++placed;
  }

  // --- Loose blocks drifting between the columns ---
  Rng loose(seed, "dw.blocks");
  for (int k = 0; k < 320; ++k) {
    const float r = kArena * 0.6f + 300.0f * std::pow(loose.unit(), 1.3f);
    const float a = loose.range(0, 2 * kPi);
    const glm::vec3 p(std::cos(a) * r, loose.range(1.5f, 30.0f), std::sin(a) * r);
    const glm::quat q = glm::angleAxis(loose.range(0, kPi), glm::normalize(glm::vec3(loose.jitter(1), 1, loose.jitter(1))));
    loc.place(loose.chance(0.7f) ? "data_block_cyan" : "data_block_green", p, q, glm::vec3(loose.range(0.3f, 1.2f)));
  }

  // --- Glyph panels floating upright, strips hanging like falling code ---
  Rng glyphs(seed, "dw.glyphs");
  for (int k = 0; k < 90; ++k) {
    const float r = kArena + 4.0f + 220.0f * std::pow(glyphs.unit(), 1.4f);
    const float a = glyphs.range(0, 2 * kPi);
    const glm::vec3 p(std::cos(a) * r, glyphs.range(2.0f, 24.0f), std::sin(a) * r);
    const char* kind = k % 3 == 0 ? "glyph_strip" : (k % 3 == 1 ? "glyph_panel_wide" : "glyph_panel_tall");
    // Panels turn roughly toward the arena, so the camera there reads them.
    loc.place(kind, p, yaw(std::atan2(-p.x, -p.z) + glyphs.jitter(0.6f)), glm::vec3(glyphs.range(1.0f, 2.2f)));
  }

  // --- Data streams rising out of the floor ---
  Rng streams(seed, "dw.streams");
  for (int k = 0; k < 48; ++k) {
    const float r = kArena + 10.0f + 400.0f * streams.unit();
    const float a = streams.range(0, 2 * kPi);
    loc.place("data_stream", {std::cos(a) * r, 0, std::sin(a) * r});
  }

  loc.viewpoints = {{"arena", {2.5f, 1.7f, 22}, {0, 6, -60}, 60},
                    {"monolith_ring", {40, 8, 40}, {0, 10, -20}, 60},
                    {"overview", {90, 45, 90}, {0, 0, 0}, 60}};

  Environment& e = loc.environment;
  e.time_of_day = "none";
  e.weather = "data_fog";
  e.sun_direction = {0, -1, 0};
  e.sun_color = {0.4f, 0.9f, 1.0f};
  e.sun_intensity = 0.0f;  // nothing lights this place but itself
  e.sky_zenith = {0.0f, 0.004f, 0.008f};
  e.sky_horizon = {0.01f, 0.035f, 0.045f};
  e.ambient = {0.015f, 0.025f, 0.03f};
  e.fog_color = {0.01f, 0.04f, 0.05f};
  e.fog_density = 0.018f;
  e.fog_height_falloff = 0.015f;
  e.exposure_ev = 0.0f;
  loc.compute_bounds(5.0f);
  return loc;
}

}  // namespace kagami::locgen::dw
