#pragma once
// Tokyo Dome City: shared palette, the layout constants the meshes and the
// placement code must agree on (where the coaster threads the building and the
// wheel), and the mesh builders split across tdc_*.cpp.
#include <vector>

#include "location.h"
#include "rng.h"

namespace kagami::locgen::tdc {

// --- Layout (metres; x east, z south, y up; the Dome's centre is the origin) ---
constexpr float kDomeHalf = 105.0f;      // superellipse half size of the stadium
constexpr float kDomeExponent = 3.2f;    // 2 = circle; higher = squarer
constexpr float kDomeWallTop = 30.0f;
constexpr float kDomeCrown = 52.0f;

// LaQua-like tower the coaster runs through: footprint centre, size, and the
// tunnel through it along X.
constexpr glm::vec3 kTowerCentre{250.0f, 0.0f, -60.0f};
constexpr glm::vec3 kTowerSize{30.0f, 50.0f, 60.0f};  // x (tunnel length), height, z
constexpr float kTunnelBottom = 22.0f, kTunnelTop = 34.0f, kTunnelHalfWidth = 7.0f;

// The hub-less wheel: ring centre (world) and radii; the ring's axis is X, so
// the coaster passes through it running along X.
constexpr glm::vec3 kWheelCentre{250.0f, 40.0f, 20.0f};
constexpr float kWheelRadius = 30.0f;       // centre line of the ring truss
constexpr float kGondolaRadius = 33.5f;     // where gondolas hang from
constexpr int kGondolas = 40;

// --- Palette ---
struct Palette {
  Material roof, roof_ring, dome_wall, dome_glass, led_cool, concrete;
  Material steel_white, steel_grey, track_blue, steel_dark;
  Material glass_dark, window_warm, window_cool;
  Material paving_a, paving_b, paving_grout, grass, asphalt, road_line;
  Material bark, leaf_a, leaf_b, leaf_c;
  Material bulb_warm, bulb_gold, bulb_pink, bulb_blue, lamp_glass;
  Material awning_red, awning_white, kiosk_wood, sign_glow, sign_glow_b;
  Material bench_wood, gondola_body, gondola_window, car_red, seat_dark;
};
const Palette& palette();

// Superellipse radius of the Dome's plan in direction `theta` (radians).
float dome_radius(float theta);

// tdc_landmarks.cpp
Model make_dome_roof();
Model make_dome_body();
Model make_dome_gate();
Model make_laqua_tower(Rng& rng);
Model make_hotel_tower(Rng& rng);
Model make_office(const char* id, const glm::vec3& size, float lit, Rng& rng);
Model make_shop_row(Rng& rng);

// tdc_wheel.cpp
Model make_wheel_ring();
Model make_wheel_support();
Model make_gondola(const char* id, const Material& accent);
Model make_carousel(Rng& rng);

// tdc_coaster.cpp
struct CoasterLayout {
  std::vector<Frame> frames;          // the track centre line, ~1 m apart, closed
  std::vector<std::size_t> supports;  // frame indices that get a column
  std::size_t station_frame = 0;      // where the train waits
};
CoasterLayout coaster_layout();
Model make_coaster_track(const CoasterLayout& layout);
Model make_coaster_support();
Model make_coaster_car();
Model make_coaster_station();

// tdc_park.cpp
Model make_tree(const char* id, int kind, Rng& rng);
Model make_illuminated_tree(Rng& rng);
Model make_lamp_post();   // base, post and cap; the light sits at (0, 4.6, 0)
Model make_lamp_globe();  // the glass globe around the light (placed with the post)
Model make_festoon();       // a 12 m string of bulbs between two posts, along +X
Model make_light_arch();    // one arch of an illumination tunnel, spanning X
Model make_kiosk(const char* id, const Material& awning, Rng& rng);
Model make_bench();
Model make_paving_tile(const char* id, int pattern);  // 20 x 20 m
Model make_grass_tile();                               // 20 x 20 m
Model make_road_tile();                                // 20 x 20 m, lanes along Z
Model make_floodlight();

// tokyo_dome_city.cpp
Location build(std::uint32_t seed);

}  // namespace kagami::locgen::tdc
