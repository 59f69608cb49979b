// Suidoubashi's street: lamps, bicycles, vending machines, utility poles and
// wires, parked cars, snow-covered ground and roads, drifts and footprints,
// and the buildings around (the off-track betting tower among them).
#include <algorithm>
#include <cmath>

#include "sdb.h"
#include "shapes.h"
#include "structures.h"

namespace kagami::locgen::sdb {

namespace {
void cap_on(Model& model, const glm::vec3& centre_top, const glm::vec2& half, float thickness, Rng& rng) {
  model.with(palette().snow).append(snow_cap(half, thickness, rng), trs(centre_top));
}
}  // namespace

Model make_street_lamp() {
  const Palette& c = palette();
  Rng rng(23, "lamp");
  Model model("street_lamp");
  model.with(c.steel_dark).append(cylinder(0.16f, 0.1f, 7.0f, 8));
  model.with(c.steel_dark).append(beam({0, 6.8f, 0}, {0, 7.3f, 1.2f}, 0.09f, 0.09f));
  model.with(c.steel_dark).append(beam({0, 7.3f, 1.2f}, {0, 7.35f, 2.2f}, 0.09f, 0.09f));
  model.with(c.steel_dark).append(box({-0.3f, 7.2f, 2.0f}, {0.3f, 7.45f, 3.1f}));  // lamp housing
  cap_on(model, {0, 7.45f, 2.55f}, {0.3f, 0.55f}, 0.1f, rng);
  cap_on(model, {0, 7.38f, 1.6f}, {0.06f, 0.5f}, 0.05f, rng);
  return model;
}

Model make_street_lamp_glass() {
  // The diffuser under the housing, around the light at (0, 7.15, 2.55).
  Model model("street_lamp_glass");
  model.with(palette().lamp_glow).append(box({-0.25f, 7.12f, 2.05f}, {0.25f, 7.2f, 3.05f}));
  return model;
}

Model make_bicycle(const char* id, const Material& frame, Rng& rng) {
  // A mamachari (city bike) facing +X, wheels in the XY plane, on y = 0.
  const Palette& c = palette();
  Model model(id);
  constexpr float kR = 0.33f;
  const glm::vec3 rear(-0.52f, kR, 0), front(0.52f, kR, 0);
  for (const glm::vec3& w : {rear, front}) {
    model.with(c.tyre).append(torus(kR, 0.025f, 14, 4), trs(w));
    model.with(c.bike_silver).append(cylinder(0.04f, 0.04f, 0.1f, 6), trs(w - glm::vec3(0, 0, 0.05f), glm::angleAxis(kPi * 0.5f, glm::vec3(1, 0, 0))));
  }
  const glm::vec3 bb(-0.05f, 0.3f, 0), seat(-0.22f, 0.82f, 0), head(0.38f, 0.86f, 0);
  Mesh& f = model.with(frame);
  f.append(beam(bb, seat, 0.04f, 0.04f, {0, 0, 1}));
  f.append(beam(bb, head, 0.045f, 0.045f, {0, 0, 1}));  // step-through down tube
  f.append(beam(bb, rear, 0.03f, 0.03f, {0, 0, 1}));
  f.append(beam(seat, rear, 0.03f, 0.03f, {0, 0, 1}));
  f.append(beam(head, front, 0.035f, 0.035f, {0, 0, 1}));
  model.with(c.bike_silver).append(beam(head, head + glm::vec3(-0.08f, 0.16f, 0), 0.03f, 0.03f, {0, 0, 1}));
  model.with(c.bike_silver).append(box({0.26f, 1.0f, -0.28f}, {0.32f, 1.03f, 0.28f}));  // handlebar
  model.with(c.tyre).append(box({-0.33f, 0.86f, -0.08f}, {-0.1f, 0.92f, 0.08f}));      // saddle
  model.with(c.bike_silver).append(box({0.42f, 0.7f, -0.17f}, {0.72f, 0.95f, 0.17f}));  // front basket
  model.with(c.bike_silver).append(box({-0.78f, 0.72f, -0.1f}, {-0.38f, 0.74f, 0.1f}));  // rear rack
  // Snow settled on the saddle, in the basket, on the rack and the handlebar.
  cap_on(model, {-0.215f, 0.92f, 0}, {0.11f, 0.08f}, 0.05f, rng);
  cap_on(model, {0.57f, 0.95f, 0}, {0.15f, 0.17f}, 0.07f, rng);
  cap_on(model, {-0.58f, 0.74f, 0}, {0.2f, 0.1f}, 0.05f, rng);
  cap_on(model, {0.29f, 1.03f, 0}, {0.03f, 0.28f}, 0.03f, rng);
  return model;
}

Model make_vending_machine(const char* id, const Material& body, const Material& front, Rng& rng) {
  // 1.0 x 1.85 x 0.75 m, front +Z: a glowing display of drinks above the slot.
  const Palette& c = palette();
  Model model(id);
  model.with(body).append(box({-0.5f, 0, -0.375f}, {0.5f, 1.85f, 0.375f}));
  model.with(front).append(box({-0.44f, 0.95f, 0.375f}, {0.44f, 1.75f, 0.39f}));
  const Material* cans[3] = {&c.vend_red, &c.vend_blue, &c.vend_white};
  for (int row = 0; row < 3; ++row)
    for (int k = 0; k < 6; ++k)
      model.with(*cans[rng.integer(0, 2)])
          .append(box({-0.4f + 0.135f * float(k), 1.02f + 0.25f * float(row), 0.39f},
                      {-0.3f + 0.135f * float(k), 1.2f + 0.25f * float(row), 0.41f}));
  model.with(c.train_dark).append(box({-0.35f, 0.15f, 0.375f}, {0.35f, 0.4f, 0.42f}));  // take-out slot
  model.with(front).append(box({0.22f, 0.55f, 0.375f}, {0.38f, 0.8f, 0.4f}));         // coin panel
  cap_on(model, {0, 1.85f, 0}, {0.5f, 0.375f}, 0.12f, rng);
  return model;
}

Model make_snow_ground(const char* id, Rng& rng) {
  // 20 x 20 m of settled snow, gently uneven (edges flat so tiles meet).
  const Palette& c = palette();
  Model model(id);
  constexpr int kN = 8;
  float h[kN + 1][kN + 1];
  for (int i = 0; i <= kN; ++i)
    for (int j = 0; j <= kN; ++j) h[i][j] = (i == 0 || j == 0 || i == kN || j == kN) ? 0.0f : rng.range(0.0f, 0.07f);
  Mesh& m = model.with(c.snow_ground);
  auto p = [&](int i, int j) { return glm::vec3(-10 + 20.0f * float(i) / kN, h[i][j], -10 + 20.0f * float(j) / kN); };
  for (int i = 0; i < kN; ++i)
    for (int j = 0; j < kN; ++j) m.flat_quad(p(i, j), p(i, j + 1), p(i + 1, j + 1), p(i + 1, j));
  return model;
}

Model make_snow_road(Rng& rng) {
  // 20 x 20 m, lanes along Z: slushy white with dark wet tyre tracks, kerbs
  // heaped with ploughed snow.
  const Palette& c = palette();
  Model model("snow_road");
  model.with(c.slush).append(quad_xz(20, 20), trs({0, 0.02f, 0}));
  // Packed tracks where the wheels run, wet asphalt showing only in their cores.
  const Material packed = matte("slush_packed", {0.36f, 0.37f, 0.41f}, 0.35f);
  for (float lane : {-4.5f, -1.5f, 1.5f, 4.5f})
    for (float wheel : {-0.8f, 0.8f}) {
      const float x = lane + wheel + rng.jitter(0.05f);
      model.with(packed).append(quad_xz(0.34f, 20), trs({x, 0.03f, 0}));
      model.with(c.asphalt_wet).append(quad_xz(0.1f, 20), trs({x, 0.035f, 0}));
    }
  for (float s : {-1.0f, 1.0f}) {
    model.with(c.concrete).append(box({s * 9.7f - 0.15f, 0, -10}, {s * 9.7f + 0.15f, 0.18f, 10}));
    model.with(c.snow).append(snow_cap({0.5f, 10.0f}, 0.35f, rng), trs({s * 9.3f, 0.02f, 0}));
  }
  return model;
}

Model make_snow_drift(Rng& rng) {
  Model model("snow_drift");
  model.with(palette().snow).append(blob(1.0f, 1, 0.18f, rng), trs({0, -0.25f, 0}, glm::quat(1, 0, 0, 0), {2.4f, 0.55f, 0.9f}));
  return model;
}

Model make_footprints(Rng& rng) {
  // A walker's trail, 12 m along +X: alternating left/right prints pressed into the snow.
  const Palette& c = palette();
  Model model("footprints");
  for (int k = 0; k < 16; ++k) {
    const float side = k % 2 ? 0.14f : -0.14f;
    const glm::vec3 p(0.75f * float(k) + rng.jitter(0.05f), 0.075f, side + rng.jitter(0.03f));
    Mesh print = cylinder(0.1f, 0.1f, 0.005f, 8);
    model.with(c.footprint).append(print, trs(p, yaw(rng.jitter(0.15f)), {1.45f, 1, 0.55f}));
  }
  return model;
}

Model make_utility_pole(Rng& rng) {
  const Palette& c = palette();
  Model model("utility_pole");
  model.with(c.concrete).append(cylinder(0.2f, 0.13f, 11.0f, 8));
  for (float y : {9.2f, 10.4f}) {
    model.with(c.steel_dark).append(box({-0.05f, y, -1.1f}, {0.05f, y + 0.1f, 1.1f}));
    cap_on(model, {0, y + 0.1f, 0}, {0.05f, 1.1f}, 0.05f, rng);
  }
  model.with(c.concrete).append(cylinder(0.32f, 0.32f, 0.9f, 10), trs({0.45f, 7.6f, 0}));  // transformer
  cap_on(model, {0.45f, 8.5f, 0}, {0.25f, 0.25f}, 0.1f, rng);
  return model;
}

Model make_power_lines() {
  // Three sagging wires from one pole's crossarms to the next, 30 m along +X.
  Model model("power_lines");
  for (float z : {-1.0f, 0.0f, 1.0f})
    for (float y : {9.3f, 10.5f})
      for (int i = 0; i < 10; ++i) {
        auto at = [&](float u) { return glm::vec3(30.0f * u, y - 0.7f * 4.0f * u * (1.0f - u), z); };
        model.with(palette().steel_dark).append(beam(at(float(i) / 10), at(float(i + 1) / 10), 0.03f, 0.03f));
      }
  return model;
}

Model make_parked_car(const char* id, const Material& body, Rng& rng) {
  // A compact car facing +X, buried under a thick cap of snow.
  const Palette& c = palette();
  Model model(id);
  model.with(body).append(box({-2.0f, 0.3f, -0.85f}, {2.0f, 1.0f, 0.85f}));
  model.with(c.glass_dark).append(slab({1.2f, 0.8f}, {0.9f, 0.72f}, 0.5f), trs({-0.2f, 1.0f, 0}));
  for (float x : {-1.35f, 1.35f})
    for (float z : {-0.8f, 0.8f}) model.with(c.tyre).append(disc_z(0.32f, 0.2f, 10), trs({x, 0.32f, z}));
  model.with(c.taillight).append(box({-2.02f, 0.7f, -0.8f}, {-2.0f, 0.85f, -0.5f}));
  model.with(c.taillight).append(box({-2.02f, 0.7f, 0.5f}, {-2.0f, 0.85f, 0.8f}));
  cap_on(model, {-0.2f, 1.5f, 0}, {0.95f, 0.75f}, 0.22f, rng);
  cap_on(model, {1.45f, 1.0f, 0}, {0.5f, 0.82f}, 0.15f, rng);
  cap_on(model, {-1.7f, 1.0f, 0}, {0.28f, 0.82f}, 0.12f, rng);
  return model;
}

Model make_city_building(const char* id, const glm::vec3& size, Rng& rng) {
  // A mid-rise with lit shops at street level, a vertical sign, snow on the roof.
  const Palette& c = palette();
  Model model(id);
  const Material* walls[3] = {&c.wall_a, &c.wall_b, &c.wall_c};
  TowerStyle style{*walls[rng.integer(0, 2)], c.glass_dark, rng.chance(0.6f) ? c.window_warm : c.window_cool};
  style.floor_height = 3.3f;
  style.window_width = 1.8f;
  style.band_height = 1.6f;
  style.lit_fraction = 0.35f;
  style.base_height = 4.0f;
  window_tower(model, size, style, rng);
  const float hw = size.x * 0.5f, hd = size.z * 0.5f;
  model.with(c.window_warm).append(box({-hw + 0.8f, 0.2f, hd}, {hw - 0.8f, 3.2f, hd + 0.06f}));  // shopfront
  model.with(c.steel_dark).append(box({-hw, 3.3f, hd}, {hw, 3.5f, hd + 1.5f}));               // awning
  cap_on(model, {0, 3.5f, hd + 0.75f}, {hw, 0.75f}, 0.12f, rng);
  const Material* signs[5] = {&c.sign_red, &c.sign_green, &c.sign_blue, &c.sign_white, &c.sign_yellow};
  const float sx = hw - 1.0f, sh = std::min(size.y - 6.0f, 12.0f);
  model.with(*signs[rng.integer(0, 4)]).append(box({sx - 0.5f, 5.0f, hd + 0.2f}, {sx + 0.5f, 5.0f + sh, hd + 0.6f}));
  cap_on(model, {sx, 5.0f + sh, hd + 0.4f}, {0.5f, 0.2f}, 0.08f, rng);
  cap_on(model, {0, size.y + 1.0f, 0}, {hw + 0.3f, hd + 0.3f}, 0.3f, rng);
  return model;
}

Model make_wins_tower(Rng& rng) {
  // The off-track betting tower: a tall box with dense window bands, a crown
  // and a big glowing sign down one corner.
  const Palette& c = palette();
  Model model("wins_tower");
  TowerStyle style{c.wall_b, c.glass_dark, c.window_cool};
  style.floor_height = 4.2f;
  style.window_width = 2.0f;
  style.band_height = 2.8f;
  style.lit_fraction = 0.55f;
  style.base_height = 6.0f;
  window_tower(model, {30, 86, 30}, style, rng);
  model.with(c.window_warm).append(box({-13, 0.3f, 15}, {13, 5.2f, 15.08f}));
  model.with(c.sign_green).append(box({12.5f, 50, 15.0f}, {14.5f, 80, 15.8f}));
  model.with(c.sign_white).append(box({-12, 82, 15.0f}, {12, 86, 15.4f}));
  model.with(c.wall_b).append(box({-9, 87, -9}, {9, 92, 9}));
  cap_on(model, {0, 87, 0}, {15.3f, 15.3f}, 0.35f, rng);
  cap_on(model, {0, 92, 0}, {9, 9}, 0.3f, rng);
  model.with(c.sign_red).append(box({-0.3f, 92, -0.3f}, {0.3f, 97, 0.3f}));  // aircraft warning mast
  return model;
}

Model make_guard_rail(Rng& rng) {
  const Palette& c = palette();
  Model model("guard_rail");
  for (int k = 0; k <= 5; ++k) model.with(c.vend_white).append(box({2.0f * float(k) - 0.05f, 0, -0.05f}, {2.0f * float(k) + 0.05f, 0.8f, 0.05f}));
  model.with(c.vend_white).append(box({0, 0.55f, -0.08f}, {10, 0.8f, 0.08f}));
  cap_on(model, {5, 0.8f, 0}, {5, 0.08f}, 0.08f, rng);
  return model;
}

}  // namespace kagami::locgen::sdb
