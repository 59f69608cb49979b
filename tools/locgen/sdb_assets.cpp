// Suidoubashi's railway and waterside: canal segments, the plate-girder and
// truss spans of the elevated railway and their piers, the road bridge, the
// station (platform segments and street-level building) and the train. Every
// upward surface carries a snow cap: the storm has been going for hours.
#include <algorithm>
#include <cmath>

#include "sdb.h"
#include "shapes.h"
#include "structures.h"

namespace kagami::locgen::sdb {

const Palette& palette() {
  static const Palette p = [] {
    Palette c;
    c.snow = matte("snow", {0.9f, 0.92f, 0.97f}, 0.75f);
    c.snow_ground = matte("snow_ground", {0.84f, 0.87f, 0.93f}, 0.8f);
    c.footprint = matte("footprint", {0.5f, 0.55f, 0.66f}, 0.7f);
    c.slush = matte("slush", {0.55f, 0.57f, 0.62f}, 0.5f);
    c.asphalt_wet = matte("asphalt_wet", {0.06f, 0.06f, 0.07f}, 0.25f);
    c.road_line = matte("road_line", {0.8f, 0.8f, 0.78f}, 0.6f);
    c.steel_bridge = matte("steel_bridge", {0.28f, 0.36f, 0.4f}, 0.55f);  // painted girders
    c.steel_dark = matte("steel_dark", {0.14f, 0.15f, 0.17f}, 0.5f);
    c.rail_steel = metal("rail_steel", {0.55f, 0.55f, 0.57f}, 0.35f);
    c.concrete = matte("concrete", {0.48f, 0.48f, 0.47f}, 0.9f);
    c.stone = matte("stone", {0.36f, 0.35f, 0.33f}, 0.9f);
    c.water = matte("water", {0.015f, 0.03f, 0.045f}, 0.06f);
    c.train_body = matte("train_body", {0.74f, 0.76f, 0.79f}, 0.3f);
    c.train_stripe = matte("train_stripe", {0.96f, 0.78f, 0.05f}, 0.4f);  // the Chuo-Sobu line's yellow
    c.train_window = glow("train_window", {1.0f, 0.96f, 0.88f}, 2.5f);
    c.train_dark = matte("train_dark", {0.08f, 0.08f, 0.09f}, 0.4f);
    c.headlight = glow("headlight", {1.0f, 0.97f, 0.9f}, 20.0f);
    c.taillight = glow("taillight", {1.0f, 0.1f, 0.08f}, 6.0f);
    c.lamp_glow = glow("lamp_glow", {1.0f, 0.9f, 0.72f}, 14.0f);
    c.vend_front = glow("vend_front", {0.85f, 0.93f, 1.0f}, 3.0f);
    c.vend_front_b = glow("vend_front_b", {1.0f, 0.95f, 0.85f}, 3.0f);
    c.vend_red = matte("vend_red", {0.72f, 0.06f, 0.07f}, 0.4f);
    c.vend_blue = matte("vend_blue", {0.08f, 0.2f, 0.6f}, 0.4f);
    c.vend_white = matte("vend_white", {0.85f, 0.86f, 0.88f}, 0.4f);
    c.wall_a = matte("wall_a", {0.62f, 0.58f, 0.52f}, 0.85f);
    c.wall_b = matte("wall_b", {0.45f, 0.46f, 0.48f}, 0.85f);
    c.wall_c = matte("wall_c", {0.7f, 0.68f, 0.64f}, 0.85f);
    c.glass_dark = matte("glass_dark", {0.06f, 0.08f, 0.1f}, 0.12f);
    c.window_warm = glow("window_warm", {1.0f, 0.8f, 0.52f}, 2.0f);
    c.window_cool = glow("window_cool", {0.78f, 0.88f, 1.0f}, 2.0f);
    c.sign_red = glow("sign_red", {1.0f, 0.15f, 0.12f}, 5.0f);
    c.sign_green = glow("sign_green", {0.15f, 1.0f, 0.45f}, 5.0f);
    c.sign_blue = glow("sign_blue", {0.2f, 0.5f, 1.0f}, 5.0f);
    c.sign_white = glow("sign_white", {1.0f, 1.0f, 0.97f}, 5.0f);
    c.sign_yellow = glow("sign_yellow", {1.0f, 0.8f, 0.15f}, 5.0f);
    c.bike_black = matte("bike_black", {0.05f, 0.05f, 0.06f}, 0.5f);
    c.bike_silver = matte("bike_silver", {0.7f, 0.72f, 0.74f}, 0.35f);
    c.bike_red = matte("bike_red", {0.6f, 0.06f, 0.08f}, 0.4f);
    c.bike_blue = matte("bike_blue", {0.1f, 0.22f, 0.55f}, 0.4f);
    c.tyre = matte("tyre", {0.03f, 0.03f, 0.03f}, 0.8f);
    c.platform_yellow = matte("platform_yellow", {0.9f, 0.75f, 0.1f}, 0.6f);
    c.canopy_light = glow("canopy_light", {0.92f, 0.97f, 1.0f}, 8.0f);
    c.car_white = matte("car_white", {0.82f, 0.82f, 0.8f}, 0.3f);
    c.car_dark = matte("car_dark", {0.1f, 0.12f, 0.16f}, 0.3f);
    return c;
  }();
  return p;
}

namespace {

// A snow cap over the box top from lo to hi (its top face at hi.y).
void cap(Model& model, const glm::vec3& lo, const glm::vec3& hi, float thickness, Rng& rng) {
  const glm::vec2 half((hi.x - lo.x) * 0.5f, (hi.z - lo.z) * 0.5f);
  model.with(palette().snow).append(snow_cap(half, thickness, rng), trs({(lo.x + hi.x) * 0.5f, hi.y, (lo.z + hi.z) * 0.5f}));
}

// The deck shared by both span types: slab, ballast under snow, rails, parapets.
void deck(Model& model, float length, Rng& rng) {
  const Palette& c = palette();
  model.with(c.concrete).append(box({0, -0.45f, -kDeckHalf}, {length, 0, kDeckHalf}));
  for (float track : {-2.0f, 2.0f}) {
    // Ballast is buried: the snow lies flush with the rail heads.
    cap(model, {0, 0, track - 1.6f}, {length, 0.0f, track + 1.6f}, 0.34f, rng);
    for (float rail : {-0.72f, 0.72f})
      model.with(c.rail_steel).append(box({0, 0.28f, track + rail - 0.04f}, {length, 0.42f, track + rail + 0.04f}));
  }
  for (float s : {-1.0f, 1.0f}) {
    const float z0 = s * kDeckHalf, z1 = s * (kDeckHalf - 0.25f);
    model.with(c.concrete).append(box({0, 0, std::min(z0, z1)}, {length, 1.1f, std::max(z0, z1)}));
    cap(model, {0, 0, std::min(z0, z1)}, {length, 1.1f, std::max(z0, z1)}, 0.12f, rng);
  }
  // Overhead line portal at the span's start, with snow on its beam.
  Mesh& mast = model.with(c.steel_dark);
  for (float s : {-1.0f, 1.0f}) mast.append(box({0.2f, 0, s * kDeckHalf - 0.2f}, {0.5f, 6.8f, s * kDeckHalf + 0.2f}));
  mast.append(box({0.2f, 6.5f, -kDeckHalf}, {0.5f, 6.8f, kDeckHalf}));
  cap(model, {0.2f, 6.5f, -kDeckHalf}, {0.5f, 6.8f, kDeckHalf}, 0.08f, rng);
  for (float track : {-2.0f, 2.0f})
    mast.append(box({0, 5.4f, track - 0.015f}, {length, 5.43f, track + 0.015f}));  // contact wire
}

}  // namespace

Model make_canal_segment() {
  // 40 m along X, centred; the canal spans z in [-kCanalHalf, kCanalHalf].
  const Palette& c = palette();
  Rng rng(7, "canal");
  Model model("canal_segment");
  model.with(c.water).append(quad_xz(40, 2 * kCanalHalf), trs({0, kWaterY, 0}));
  for (float s : {-1.0f, 1.0f}) {
    const float inner = s * kCanalHalf, outer = s * (kCanalHalf + 0.6f);
    const glm::vec3 lo(-20, kCanalBed, std::min(inner, outer)), hi(20, 0.15f, std::max(inner, outer));
    model.with(c.stone).append(box(lo, hi));
    cap(model, {lo.x, 0, lo.z}, hi, 0.1f, rng);
    // Railing along the top of the wall, each top rail under a ridge of snow.
    Mesh rail;
    railing(rail, {-20, 0.15f, s * (kCanalHalf + 0.3f)}, {20, 0.15f, s * (kCanalHalf + 0.3f)}, 1.1f, 2.0f, 0.06f);
    model.with(c.steel_dark).append(rail);
    cap(model, {-20, 0.15f + 1.1f, s * (kCanalHalf + 0.3f) - 0.05f}, {20, 0.15f + 1.19f, s * (kCanalHalf + 0.3f) + 0.05f},
        0.06f, rng);
  }
  return model;
}

Model make_girder_span() {
  const Palette& c = palette();
  Rng rng(11, "girder");
  Model model("girder_span");
  deck(model, kSpan, rng);
  Mesh& steel = model.with(c.steel_bridge);
  for (float s : {-1.0f, 1.0f}) {
    const float z = s * (kDeckHalf + 0.3f);
    steel.append(box({0, -kGirderDepth, z - 0.06f}, {kSpan, 0.3f, z + 0.06f}));                 // web
    steel.append(box({0, 0.3f, z - 0.3f}, {kSpan, 0.42f, z + 0.3f}));                            // top flange
    steel.append(box({0, -kGirderDepth - 0.12f, z - 0.3f}, {kSpan, -kGirderDepth, z + 0.3f}));  // bottom flange
    cap(model, {0, 0.3f, z - 0.3f}, {kSpan, 0.42f, z + 0.3f}, 0.14f, rng);
    for (int k = 0; k <= 10; ++k) {  // web stiffeners
      const float x = kSpan * float(k) / 10.0f;
      steel.append(box({x - 0.08f, -kGirderDepth, z + s * 0.06f - 0.12f}, {x + 0.08f, 0.3f, z + s * 0.06f + 0.12f}));
    }
  }
  for (int k = 0; k <= 5; ++k) {  // cross girders under the deck
    const float x = kSpan * float(k) / 5.0f;
    steel.append(box({std::max(0.0f, x - 0.2f), -1.3f, -kDeckHalf}, {std::min(kSpan, x + 0.2f), -0.45f, kDeckHalf}));
  }
  return model;
}

Model make_truss_span() {
  const Palette& c = palette();
  Rng rng(13, "truss");
  Model model("truss_span");
  deck(model, kTrussSpan, rng);
  Mesh& steel = model.with(c.steel_bridge);
  truss(steel, {0, -0.6f, 0}, {kTrussSpan, -0.6f, 0}, 7.2f, 2 * kDeckHalf + 1.0f, 6, 0.4f);
  steel.append(box({0, -1.6f, -kDeckHalf - 0.5f}, {kTrussSpan, -0.45f, kDeckHalf + 0.5f}));  // floor beams
  // Snow along both top chords and on the top ties.
  for (float s : {-1.0f, 1.0f})
    cap(model, {0, 6.92f, s * (kDeckHalf + 0.5f) - 0.32f}, {kTrussSpan, 6.92f, s * (kDeckHalf + 0.5f) + 0.32f}, 0.14f, rng);
  for (int i = 0; i <= 6; ++i) {
    const float x = kTrussSpan * float(i) / 6.0f;
    cap(model, {x - 0.2f, 6.8f, -kDeckHalf}, {x + 0.2f, 6.8f, kDeckHalf}, 0.1f, rng);
  }
  return model;
}

Model make_rail_pier() {
  // Origin at the top centre, right under the girders; reaches the canal bed.
  const Palette& c = palette();
  Model model("rail_pier");
  const float top = 0.0f, bottom = kCanalBed - (kDeckY - kGirderDepth - 0.12f);
  model.with(c.concrete).append(box({-0.9f, top - 1.4f, -kDeckHalf - 0.8f}, {0.9f, top, kDeckHalf + 0.8f}));
  for (float z : {-3.6f, 3.6f}) model.with(c.concrete).append(cylinder(0.85f, 0.85f, -1.4f - bottom, 14, false), trs({0, bottom, z}));
  return model;
}

Model make_road_bridge() {
  // Hakusan-dori over the canal: 20 m wide along X, 21.2 m across the water.
  const Palette& c = palette();
  Rng rng(17, "road_bridge");
  Model model("road_bridge");
  const float half_z = kCanalHalf + 0.6f;
  model.with(c.concrete).append(box({-10, -1.2f, -half_z}, {10, 0.0f, half_z}));
  for (float s : {-1.0f, 1.0f}) {
    const float x = s * 9.6f;
    model.with(c.stone).append(box({x - 0.4f, 0, -half_z}, {x + 0.4f, 1.0f, half_z}));  // parapets
    cap(model, {x - 0.4f, 0, -half_z}, {x + 0.4f, 1.0f, half_z}, 0.14f, rng);
  }
  // Arched fascia girders seen from the canal.
  for (int k = 0; k < 12; ++k) {
    const float z0 = -half_z + 2 * half_z * float(k) / 12, z1 = -half_z + 2 * half_z * float(k + 1) / 12;
    // Shallow at mid-span, deep at the abutments: reads as an arch.
    const auto depth = [&](float z) { return 1.2f + 1.3f * (z / half_z) * (z / half_z); };
    for (float x : {-10.05f, 10.05f})
      oriented_quad(model.with(c.stone), {x, -depth(z0), z0}, {x, -depth(z1), z1}, {x, -1.2f, z1}, {x, -1.2f, z0},
                    {x, 0, 0});
  }
  return model;
}

Model make_platform_segment(Rng& rng) {
  // 20 m of the south platform along +X from x = 0. Origin on the viaduct's
  // centre line at deck level: place at (x, kDeckY, kRailZ).
  const Palette& c = palette();
  Model model("platform_segment");
  const float z0 = kPlatformZ0 - kRailZ, z1 = kPlatformZ1 - kRailZ, top = kPlatformY - kDeckY;
  model.with(c.concrete).append(box({0, -0.6f, z0}, {20, top, z1}));
  model.with(c.platform_yellow).append(quad_xz(20, 0.3f), trs({10, top + 0.005f, z0 + 0.8f}));
  // Wind-blown snow reaches the platform's outer strip and the back wall.
  model.with(c.snow).append(snow_cap({10, 0.35f}, 0.08f, rng), trs({10, top, z0 + 0.35f}));
  Mesh fence;
  railing(fence, {0, top, z1 - 0.1f}, {20, top, z1 - 0.1f}, 1.3f, 2.0f, 0.07f);
  model.with(c.steel_dark).append(fence);
  model.with(c.snow).append(snow_cap({10, 0.06f}, 0.06f, rng), trs({10, top + 1.3f, z1 - 0.1f}));
  for (float x : {5.0f, 15.0f}) {
    model.with(c.steel_dark).append(cylinder(0.14f, 0.14f, 3.6f, 8, false), trs({x, top, z1 - 2.0f}));
    model.with(c.steel_bridge).append(cylinder(0.35f, 0.35f, kDeckY - 0.6f, 10, false), trs({x, -kDeckY, z1 - 1.0f}));
  }
  // Canopy with its lights underneath and the storm's snow on top.
  model.with(c.steel_dark).append(box({0, top + 3.6f, z0 - 0.2f}, {20, top + 3.85f, z1 + 0.2f}));
  model.with(c.snow).append(snow_cap({10, (z1 - z0) * 0.5f + 0.2f}, 0.28f, rng), trs({10, top + 3.85f, (z0 + z1) * 0.5f}));
  for (float z : {z0 + 1.5f, z1 - 2.8f}) model.with(c.canopy_light).append(box({0.5f, top + 3.5f, z - 0.1f}, {19.5f, top + 3.6f, z + 0.1f}));
  model.with(c.sign_white).append(box({9, top + 2.6f, z0 + 2.6f}, {11, top + 3.1f, z0 + 2.7f}));
  model.with(c.steel_dark).append(box({2, top, z1 - 1.0f}, {4, top + 0.45f, z1 - 0.6f}));  // bench
  return model;
}

Model make_station_building() {
  // Street-level station, 24 x 10.5 m, entrance facing +Z.
  const Palette& c = palette();
  Rng rng(19, "station");
  Model model("station_building");
  model.with(c.wall_c).append(box({-12, 0, -5.25f}, {12, 7.0f, 5.25f}));
  model.with(c.window_warm).append(box({-8, 0.1f, 5.25f}, {8, 3.4f, 5.32f}));  // lit concourse behind glass
  model.with(c.glass_dark).append(box({-11.5f, 4.0f, 5.25f}, {11.5f, 6.2f, 5.3f}));
  model.with(c.sign_white).append(box({-6, 3.7f, 6.9f}, {6, 4.5f, 7.05f}));     // station name board
  model.with(c.sign_green).append(box({6.3f, 3.7f, 6.9f}, {7.1f, 4.5f, 7.05f}));  // the railway's logo square
  model.with(c.steel_dark).append(box({-9, 3.5f, 5.25f}, {9, 3.7f, 7.2f}));       // entrance canopy
  cap(model, {-9, 3.5f, 5.25f}, {9, 3.7f, 7.2f}, 0.16f, rng);
  cap(model, {-12, 0, -5.25f}, {12, 7.0f, 5.25f}, 0.3f, rng);
  return model;
}

Model make_train_car(const char* id, int cab, Rng& rng) {
  // 20 m stainless car with the Chuo-Sobu line's yellow band; origin at the
  // rail-top centre, facing +X. cab: 0 = middle car, 1 = leading (headlights
  // lit), 2 = trailing (tail lights lit).
  const Palette& c = palette();
  Model model(id);
  for (float x : {-6.8f, 6.8f}) model.with(c.train_dark).append(box({x - 1.3f, 0.1f, -1.2f}, {x + 1.3f, 1.0f, 1.2f}));
  model.with(c.train_dark).append(box({-5, 0.5f, -1.25f}, {5, 1.1f, 1.25f}));
  model.with(c.train_body).append(box({-10, 1.1f, -1.45f}, {10, 3.9f, 1.45f}));
  model.with(c.train_body).append(slab({10, 1.45f}, {9.8f, 1.15f}, 0.35f), trs({0, 3.9f, 0}));
  model.with(c.train_stripe).append(box({-10.02f, 3.35f, -1.47f}, {10.02f, 3.6f, 1.47f}));
  for (float s : {-1.0f, 1.0f}) {
    const float z = s * 1.46f;
    for (int d = 0; d < 4; ++d) {  // four doors a side, windows between
      const float x = -7.5f + 5.0f * float(d);
      oriented_quad(model.with(c.train_dark), {x - 0.65f, 1.2f, z}, {x + 0.65f, 1.2f, z}, {x + 0.65f, 3.25f, z},
                    {x - 0.65f, 3.25f, z}, {0, 0, s});
      oriented_quad(model.with(c.train_window), {x - 0.45f, 2.3f, z * 1.001f}, {x + 0.45f, 2.3f, z * 1.001f},
                    {x + 0.45f, 3.1f, z * 1.001f}, {x - 0.45f, 3.1f, z * 1.001f}, {0, 0, s});
      if (d < 3)
        oriented_quad(model.with(c.train_window), {x + 1.0f, 2.2f, z}, {x + 4.0f, 2.2f, z}, {x + 4.0f, 3.2f, z},
                      {x + 1.0f, 3.2f, z}, {0, 0, s});
    }
  }
  model.with(c.snow).append(snow_cap({9.7f, 1.2f}, 0.16f, rng), trs({0, 4.25f, 0}));
  if (cab != 0) {
    oriented_quad(model.with(c.train_dark), {10.01f, 2.3f, -1.2f}, {10.01f, 2.3f, 1.2f}, {10.01f, 3.5f, 1.2f},
                  {10.01f, 3.5f, -1.2f}, {1, 0, 0});
    const Material& lamp = cab == 1 ? c.headlight : c.taillight;
    for (float z : {-0.9f, 0.9f}) model.with(lamp).append(box({10.0f, 1.5f, z - 0.25f}, {10.08f, 1.8f, z + 0.25f}));
  } else {
    // Pantograph: a folded diamond on the roof.
    Mesh& pan = model.with(c.steel_dark);
    const glm::vec3 base(3, 4.25f, 0);
    for (float z : {-0.6f, 0.6f}) {
      pan.append(beam(base + glm::vec3(-0.9f, 0, z), base + glm::vec3(0, 1.0f, z), 0.05f, 0.05f));
      pan.append(beam(base + glm::vec3(0.9f, 0, z), base + glm::vec3(0, 1.0f, z), 0.05f, 0.05f));
    }
    pan.append(box(base + glm::vec3(-0.1f, 1.0f, -0.9f), base + glm::vec3(0.1f, 1.06f, 0.9f)));
  }
  return model;
}

}  // namespace kagami::locgen::sdb
