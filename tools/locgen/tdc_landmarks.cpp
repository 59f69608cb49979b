// Tokyo Dome City landmarks: the Dome (quilted air-supported roof on a
// rounded-square stadium), its gates, the LaQua-like tower with the coaster
// tunnel, the hotel tower, office blocks and a shop row.
#include <algorithm>
#include <cmath>

#include "shapes.h"
#include "structures.h"
#include "tdc.h"

namespace kagami::locgen::tdc {

const Palette& palette() {
  static const Palette p = [] {
    Palette c;
    c.roof = matte("dome_roof", {0.93f, 0.93f, 0.9f}, 0.55f);
    c.roof.emissive = {0.05f, 0.05f, 0.06f};  // floodlit from below at night; reads against the dusk sky
    c.roof_ring = matte("dome_ring", {0.7f, 0.71f, 0.72f}, 0.7f);
    c.dome_wall = matte("dome_wall", {0.78f, 0.77f, 0.74f}, 0.8f);
    c.dome_glass = glow("dome_glass", {0.25f, 0.32f, 0.4f}, 0.6f);
    c.led_cool = glow("led_cool", {0.55f, 0.8f, 1.0f}, 6.0f);
    c.concrete = matte("concrete", {0.55f, 0.55f, 0.53f}, 0.9f);
    // Painted steel is a dielectric (the paint is what we see): metallic 0.
    c.steel_white = matte("steel_white", {0.88f, 0.89f, 0.9f}, 0.4f);
    c.steel_grey = matte("steel_grey", {0.5f, 0.52f, 0.55f}, 0.5f);
    c.track_blue = matte("track_blue", {0.1f, 0.32f, 0.62f}, 0.4f);
    c.steel_dark = matte("steel_dark", {0.16f, 0.17f, 0.19f}, 0.5f);
    c.glass_dark = matte("glass_dark", {0.1f, 0.13f, 0.17f}, 0.12f);
    c.window_warm = glow("window_warm", {1.0f, 0.82f, 0.55f}, 2.5f);
    c.window_cool = glow("window_cool", {0.75f, 0.85f, 1.0f}, 2.0f);
    c.paving_a = matte("paving_a", {0.56f, 0.53f, 0.49f}, 0.85f);
    c.paving_b = matte("paving_b", {0.42f, 0.4f, 0.38f}, 0.85f);
    c.paving_grout = matte("paving_grout", {0.3f, 0.29f, 0.28f}, 0.95f);
    c.grass = matte("grass", {0.13f, 0.24f, 0.1f}, 0.95f);
    c.asphalt = matte("asphalt", {0.12f, 0.12f, 0.13f}, 0.9f);
    c.road_line = matte("road_line", {0.85f, 0.85f, 0.8f}, 0.7f);
    c.bark = matte("bark", {0.26f, 0.18f, 0.12f}, 0.95f);
    c.leaf_a = matte("leaf_a", {0.12f, 0.3f, 0.12f}, 0.9f);
    c.leaf_b = matte("leaf_b", {0.2f, 0.36f, 0.13f}, 0.9f);
    c.leaf_c = matte("leaf_c", {0.09f, 0.22f, 0.14f}, 0.9f);
    c.bulb_warm = glow("bulb_warm", {1.0f, 0.72f, 0.38f}, 8.0f);
    c.bulb_gold = glow("bulb_gold", {1.0f, 0.85f, 0.45f}, 8.0f);
    c.bulb_pink = glow("bulb_pink", {1.0f, 0.45f, 0.75f}, 8.0f);
    c.bulb_blue = glow("bulb_blue", {0.35f, 0.6f, 1.0f}, 8.0f);
    c.lamp_glass = glow("lamp_glass", {1.0f, 0.88f, 0.65f}, 10.0f);
    c.awning_red = matte("awning_red", {0.72f, 0.1f, 0.1f}, 0.7f);
    c.awning_white = matte("awning_white", {0.9f, 0.9f, 0.88f}, 0.7f);
    c.kiosk_wood = matte("kiosk_wood", {0.45f, 0.3f, 0.18f}, 0.8f);
    c.sign_glow = glow("sign_glow", {1.0f, 0.35f, 0.25f}, 4.0f);
    c.sign_glow_b = glow("sign_glow_b", {0.3f, 0.9f, 1.0f}, 4.0f);
    c.bench_wood = matte("bench_wood", {0.5f, 0.34f, 0.2f}, 0.8f);
    c.gondola_body = matte("gondola_body", {0.92f, 0.92f, 0.94f}, 0.3f);
    c.gondola_window = glow("gondola_window", {1.0f, 0.9f, 0.7f}, 1.5f);
    c.car_red = matte("car_red", {0.75f, 0.08f, 0.1f}, 0.35f);
    c.seat_dark = matte("seat_dark", {0.08f, 0.08f, 0.09f}, 0.8f);
    return c;
  }();
  return p;
}

float dome_radius(float theta) {
  const float c = std::abs(std::cos(theta)), s = std::abs(std::sin(theta));
  return kDomeHalf * std::pow(std::pow(c, kDomeExponent) + std::pow(s, kDomeExponent), -1.0f / kDomeExponent);
}

namespace {

// Roof surface: a low dome over the superellipse plan (the real roof rises
// only ~1/10 of its span) plus pillow bulges between a diagonal cable net,
// which is what makes the Dome's roof read as "quilted" from the air.
float roof_height(float x, float z) {
  const float theta = std::atan2(z, x);
  const float rho = std::min(std::sqrt(x * x + z * z) / dome_radius(theta), 1.0f);
  const float edge = kDomeWallTop + 2.0f;
  const float base = edge + (kDomeCrown - edge) * (1.0f - std::pow(rho, 2.2f));
  constexpr float kCable = 11.0f;  // cable spacing
  const float u = (x + z) * 0.7071f, v = (x - z) * 0.7071f;
  const float pillow = std::sqrt(std::abs(std::sin(kPi * u / kCable)) * std::abs(std::sin(kPi * v / kCable)));
  const float fade = std::clamp((1.0f - rho) / 0.05f, 0.0f, 1.0f);
  return base + 1.2f * pillow * fade;
}

glm::vec3 roof_normal(float x, float z) {
  constexpr float e = 0.3f;
  const float dx = (roof_height(x + e, z) - roof_height(x - e, z)) / (2 * e);
  const float dz = (roof_height(x, z + e) - roof_height(x, z - e)) / (2 * e);
  return glm::normalize(glm::vec3(-dx, 1.0f, -dz));
}

glm::vec3 plan_point(float theta, float scale, float y) {
  const float r = dome_radius(theta) * scale;
  return {r * std::cos(theta), y, r * std::sin(theta)};
}

// Closed perimeter path of the plan at a scale and height.
std::vector<glm::vec3> perimeter(int samples, float scale, float y) {
  std::vector<glm::vec3> path;
  for (int k = 0; k < samples; ++k) path.push_back(plan_point(2 * kPi * float(k) / float(samples), scale, y));
  return path;
}

}  // namespace

Model make_dome_roof() {
  const Palette& c = palette();
  Model model("dome_roof");
  Mesh& m = model.with(c.roof);
  constexpr int kRings = 72, kSegments = 240;
  const auto centre = m.vertex({0, roof_height(0, 0), 0}, roof_normal(0, 0), {0.5f, 0.5f});
  for (int i = 1; i <= kRings; ++i) {
    const float rho = float(i) / float(kRings);
    for (int j = 0; j < kSegments; ++j) {
      const float theta = 2 * kPi * float(j) / float(kSegments);
      const glm::vec3 p = plan_point(theta, rho, 0);
      m.vertex({p.x, roof_height(p.x, p.z), p.z}, roof_normal(p.x, p.z),
               {0.5f + p.x / (2 * kDomeHalf), 0.5f + p.z / (2 * kDomeHalf)});
    }
  }
  auto at = [&](int ring, int seg) { return centre + 1 + std::uint32_t((ring - 1) * kSegments + (seg % kSegments)); };
  const glm::vec3 up(0, 1, 0);
  for (int j = 0; j < kSegments; ++j) oriented_triangle(m, centre, at(1, j), at(1, j + 1), up);
  for (int i = 1; i < kRings; ++i)
    for (int j = 0; j < kSegments; ++j) {
      oriented_triangle(m, at(i, j), at(i + 1, j), at(i + 1, j + 1), up);
      oriented_triangle(m, at(i, j), at(i + 1, j + 1), at(i, j + 1), up);
    }
  // A skirt down from the roof edge to the ring beam, so no gap shows at grazing angles.
  for (int j = 0; j < kSegments; ++j) {
    const float t0 = 2 * kPi * float(j) / float(kSegments), t1 = 2 * kPi * float(j + 1) / float(kSegments);
    const glm::vec3 a = m.positions[at(kRings, j)], b = m.positions[at(kRings, j + 1)];
    oriented_quad(m, a, b, plan_point(t1, 1.0f, kDomeWallTop), plan_point(t0, 1.0f, kDomeWallTop),
                  plan_point(t0, 1.0f, 0));
  }
  return model;
}

Model make_dome_body() {
  const Palette& c = palette();
  Model model("dome_body");
  constexpr int kN = 192;
  const glm::vec3 up(0, 1, 0);
  Mesh& wall = model.with(c.dome_wall);
  Mesh& glass = model.with(c.dome_glass);
  Mesh& ring = model.with(c.roof_ring);
  for (int k = 0; k < kN; ++k) {
    const float t0 = 2 * kPi * float(k) / kN, t1 = 2 * kPi * float(k + 1) / kN;
    const glm::vec3 out = plan_point(t0 + kPi / kN, 1.0f, 0) * glm::vec3(1, 0, 1);
    // Lower wall (leaning in), glass band, upper wall.
    oriented_quad(wall, plan_point(t0, 1.035f, 0), plan_point(t1, 1.035f, 0), plan_point(t1, 1.02f, 17),
                  plan_point(t0, 1.02f, 17), out);
    oriented_quad(glass, plan_point(t0, 1.02f, 17), plan_point(t1, 1.02f, 17), plan_point(t1, 1.01f, 24),
                  plan_point(t0, 1.01f, 24), out);
    oriented_quad(wall, plan_point(t0, 1.01f, 24), plan_point(t1, 1.01f, 24), plan_point(t1, 1.0f, kDomeWallTop),
                  plan_point(t0, 1.0f, kDomeWallTop), out);
    // Concourse deck at the second level: top, edge and underside.
    oriented_quad(wall, plan_point(t0, 1.03f, 9), plan_point(t1, 1.03f, 9), plan_point(t1, 1.11f, 9),
                  plan_point(t0, 1.11f, 9), up);
    oriented_quad(wall, plan_point(t0, 1.11f, 8), plan_point(t1, 1.11f, 8), plan_point(t1, 1.11f, 10.2f),
                  plan_point(t0, 1.11f, 10.2f), out);
    oriented_quad(wall, plan_point(t0, 1.03f, 8), plan_point(t1, 1.03f, 8), plan_point(t1, 1.11f, 8),
                  plan_point(t0, 1.11f, 8), -up);
    if (k % 6 == 0) {
      // Ribs: the structural columns that pattern the Dome's wall.
      wall.append(beam(plan_point(t0, 1.045f, 0), plan_point(t0, 1.008f, kDomeWallTop), 1.4f, 1.4f));
      // Deck columns.
      wall.append(cylinder(0.5f, 0.5f, 8.0f, 8, false), trs(plan_point(t0, 1.1f, 0)));
    }
  }
  // Ring beam that the roof cables anchor to, with a cool LED line along it.
  const auto frames = frames_along(perimeter(kN, 1.0f, kDomeWallTop + 1.0f), true);
  ring.append(sweep(frames, true, rect_profile(1.8f, 1.2f)));
  model.with(c.led_cool).append(sweep(frames_along(perimeter(kN, 1.0f, kDomeWallTop + 0.2f), true), true,
                                      rect_profile(0.12f, 0.12f), {0.0f, 0.0f}),
                                trs({0, 0, 0}, glm::quat(1, 0, 0, 0), {1.018f, 1.0f, 1.018f}));
  return model;
}

Model make_dome_gate() {
  // Faces +Z (outward when placed); base centred at the origin. The gates sit
  // under the concourse deck (its underside is at 8 m), canopies reaching out.
  const Palette& c = palette();
  Model model("dome_gate");
  Mesh& wall = model.with(c.dome_wall);
  wall.append(box({-9, 0, -4}, {-7, 7.4f, 4}));
  wall.append(box({7, 0, -4}, {9, 7.4f, 4}));
  wall.append(box({-9.5f, 6.0f, -4.5f}, {9.5f, 7.9f, 4.5f}));
  model.with(c.concrete).append(box({-12, 6.6f, 4.5f}, {12, 7.2f, 10}));  // canopy
  model.with(c.glass_dark).append(box({-7, 0, -1}, {7, 6.0f, -0.8f}));
  model.with(c.window_warm).append(box({-6.8f, 0.2f, -0.79f}, {6.8f, 3.2f, -0.7f}));  // lit doors
  model.with(c.sign_glow_b).append(box({-5, 6.2f, 4.5f}, {5, 7.5f, 4.7f}));         // gate number sign
  model.with(c.led_cool).append(box({-12, 6.45f, 9.6f}, {12, 6.6f, 10.0f}));
  return model;
}

Model make_laqua_tower(Rng& rng) {
  const Palette& c = palette();
  Model model("laqua_tower");
  TowerStyle style{c.concrete, c.glass_dark, c.window_warm};
  style.wall = matte("tower_wall", {0.8f, 0.8f, 0.82f}, 0.6f);
  style.floor_height = 4.0f;
  style.band_height = 2.6f;
  style.lit_fraction = 0.6f;
  const float hx = kTowerSize.x * 0.5f, hz = kTowerSize.z * 0.5f, top = kTowerSize.y;
  const float w = kTunnelHalfWidth;
  // The coaster's tunnel runs along X between kTunnelBottom and kTunnelTop.
  window_block(model, {-hx, 0, -hz}, {hx, kTunnelBottom, hz}, style, rng);
  window_block(model, {-hx, kTunnelTop, -hz}, {hx, top, hz}, style, rng);
  window_block(model, {-hx, kTunnelBottom, -hz}, {hx, kTunnelTop, -w}, style, rng, kFacePosX | kFaceNegX | kFaceNegZ);
  window_block(model, {-hx, kTunnelBottom, w}, {hx, kTunnelTop, hz}, style, rng, kFacePosX | kFaceNegX | kFacePosZ);
  // Light rings inside the tunnel: what the camera sees as the train dives through.
  Mesh& led = model.with(c.led_cool);
  for (int i = 0; i < 7; ++i) {
    const float x = -hx + 1.5f + float(i) * (kTowerSize.x - 3.0f) / 6.0f;
    led.append(box({x - 0.15f, kTunnelTop - 0.25f, -w}, {x + 0.15f, kTunnelTop, w}));
    led.append(box({x - 0.15f, kTunnelBottom, -w}, {x + 0.15f, kTunnelTop, -w + 0.25f}));
    led.append(box({x - 0.15f, kTunnelBottom, w - 0.25f}, {x + 0.15f, kTunnelTop, w}));
  }
  // Portal frames that outline the opening from afar.
  for (float x : {-hx - 0.4f, hx}) {
    led.append(box({x, kTunnelTop, -w - 0.4f}, {x + 0.4f, kTunnelTop + 0.4f, w + 0.4f}));
    led.append(box({x, kTunnelBottom - 0.4f, -w - 0.4f}, {x + 0.4f, kTunnelBottom, w + 0.4f}));
  }
  // Roof: plant boxes and a glowing name sign.
  model.with(c.concrete).append(box({-hx, top, -hz}, {hx, top + 1.2f, hz}));
  model.with(c.steel_grey).append(box({-8, top + 1.2f, -14}, {6, top + 5, 2}));
  model.with(c.sign_glow).append(box({hx - 1.0f, top - 8, -12}, {hx + 0.3f, top - 2, 12}));
  return model;
}

Model make_hotel_tower(Rng& rng) {
  const Palette& c = palette();
  Model model("hotel_tower");
  TowerStyle style{matte("hotel_wall", {0.72f, 0.7f, 0.66f}, 0.7f), c.glass_dark, c.window_warm};
  style.floor_height = 3.5f;
  style.lit_fraction = 0.5f;
  window_block(model, {-40, 0, -20}, {40, 14, 20}, style, rng);  // podium: lobby, banquet halls
  style.window_width = 1.8f;
  window_block(model, {-26, 14, -11}, {26, 150, 11}, style, rng);
  // Rounded ends of the slab, with glass bands like the faces.
  for (float x : {-26.0f, 26.0f}) {
    model.with(style.wall).append(cylinder(11, 11, 136, 16), trs({x, 14, 0}));
    for (int f = 0; f < 38; ++f)
      model.with(f % 3 ? c.window_warm : c.glass_dark)
          .append(cylinder(11.05f, 11.05f, 2.0f, 16, false), trs({x, 15.0f + 3.5f * float(f), 0}));
  }
  model.with(c.concrete).append(box({-24, 150, -9}, {24, 156, 9}));  // crown
  model.with(c.sign_glow_b).append(box({-15, 152, 9}, {15, 155, 9.3f}));
  model.with(c.bulb_pink).append(box({-0.3f, 156, -0.3f}, {0.3f, 162, 0.3f}));  // aircraft warning mast
  return model;
}

Model make_office(const char* id, const glm::vec3& size, float lit, Rng& rng) {
  const Palette& c = palette();
  Model model(id);
  TowerStyle style{matte(std::string(id) + "_wall", {0.5f + rng.range(0, 0.25f), 0.5f, 0.52f}, 0.8f), c.glass_dark,
                   rng.chance(0.5f) ? c.window_warm : c.window_cool};
  style.lit_fraction = lit;
  style.base_height = 4.0f;
  window_tower(model, size, style, rng);
  model.with(c.window_warm).append(box({-size.x * 0.45f, 0.3f, size.z * 0.5f}, {size.x * 0.45f, 3.5f, size.z * 0.5f + 0.1f}));
  model.with(c.bulb_pink).append(box({-0.3f, size.y + 1, -0.3f}, {0.3f, size.y + 3, 0.3f}));
  return model;
}

Model make_shop_row(Rng& rng) {
  // A 40 m low building facing +Z: shopfronts, awnings and signs.
  const Palette& c = palette();
  Model model("shop_row");
  model.with(c.dome_wall).append(box({-20, 0, -6}, {20, 8, 6}));
  model.with(c.concrete).append(box({-20.3f, 8, -6.3f}, {20.3f, 8.8f, 6.3f}));
  for (int i = 0; i < 5; ++i) {
    const float x0 = -20 + 8.0f * float(i);
    model.with(c.window_warm).append(box({x0 + 0.6f, 0.2f, 6}, {x0 + 7.4f, 3.6f, 6.08f}));
    const Material& aw = rng.chance(0.5f) ? c.awning_red : c.awning_white;
    model.with(aw).append(slab({3.6f, 0.3f}, {3.6f, 1.2f}, 0.9f), trs({x0 + 4, 3.9f, 7.1f}, glm::angleAxis(0.35f, glm::vec3(1, 0, 0))));
    model.with(rng.chance(0.5f) ? c.sign_glow : c.sign_glow_b).append(box({x0 + 1.5f, 5.2f, 6}, {x0 + 6.5f, 6.6f, 6.25f}));
  }
  return model;
}

}  // namespace kagami::locgen::tdc
