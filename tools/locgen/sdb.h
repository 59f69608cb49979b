#pragma once
// Suidoubashi in snow: palette, layout constants shared by meshes and
// placements, and the mesh builders (sdb_assets.cpp: railway, canal, station,
// train; sdb_street.cpp: street furniture, ground, buildings).
//
// Layout (metres; x east, z south, y up): the canal (Kanda River) runs along X
// over z in [-10, 10]; the elevated railway runs along it on a girder viaduct
// over the water; Hakusan-dori crosses north-south at x in [-10, 10], over the
// canal on a road bridge and under the railway's truss span; the station's
// platform hangs off the viaduct's south side above a street-level station.
#include "location.h"
#include "rng.h"

namespace kagami::locgen::sdb {

constexpr float kCanalHalf = 10.0f;    // canal z extent
constexpr float kWaterY = -3.2f;
constexpr float kCanalBed = -6.0f;
constexpr float kRailZ = 4.0f;         // viaduct centre line
constexpr float kDeckY = 9.0f;         // deck top (rail base)
constexpr float kDeckHalf = 5.5f;      // deck half width (two tracks at kRailZ +- 2)
constexpr float kGirderDepth = 2.0f;   // below the deck top
constexpr float kSpan = 20.0f;         // plate girder span
constexpr float kTrussSpan = 30.0f;    // the span over Hakusan-dori
constexpr float kPlatformY = 10.1f;    // platform top
constexpr float kPlatformZ0 = kRailZ + kDeckHalf + 0.1f, kPlatformZ1 = 16.5f;

struct Palette {
  Material snow, snow_ground, footprint, slush, asphalt_wet, road_line;
  Material steel_bridge, steel_dark, rail_steel, concrete, stone, water;
  Material train_body, train_stripe, train_window, train_dark, headlight, taillight;
  Material lamp_glow, vend_front, vend_front_b, vend_red, vend_blue, vend_white;
  Material wall_a, wall_b, wall_c, glass_dark, window_warm, window_cool;
  Material sign_red, sign_green, sign_blue, sign_white, sign_yellow;
  Material bike_black, bike_silver, bike_red, bike_blue, tyre;
  Material platform_yellow, canopy_light, car_white, car_dark;
};
const Palette& palette();

// sdb_assets.cpp
Model make_canal_segment();  // 40 m of canal along X: water, stone walls, railings
Model make_girder_span();    // kSpan along +X from x = 0, deck top at y = 0, centred on z = 0
Model make_truss_span();     // kTrussSpan along +X from x = 0, through truss
Model make_rail_pier();      // origin at the top centre (under the girders), reaches the canal bed
Model make_road_bridge();    // 20 x 21 m over the canal, centred
Model make_platform_segment(Rng& rng);  // 20 m of platform along +X from x = 0 (origin at the viaduct centre line, deck level)
Model make_station_building();
Model make_train_car(const char* id, int cab, Rng& rng);  // 20 m, origin at rail top centre, facing +X

// sdb_street.cpp
Model make_street_lamp();        // pole at origin, arm toward +Z; lamp head at (0, 7.2, 2.6)
Model make_street_lamp_glass();  // the head's glowing diffuser, around the light (placed with the lamp)
Model make_bicycle(const char* id, const Material& frame, Rng& rng);
Model make_vending_machine(const char* id, const Material& body, const Material& front, Rng& rng);
Model make_snow_ground(const char* id, Rng& rng);  // 20 x 20 m
Model make_snow_road(Rng& rng);                    // 20 x 20 m, lanes along Z
Model make_snow_drift(Rng& rng);
Model make_footprints(Rng& rng);                   // a 12 m trail along +X
Model make_utility_pole(Rng& rng);
Model make_power_lines();                          // 30 m along +X between two poles
Model make_parked_car(const char* id, const Material& body, Rng& rng);
Model make_city_building(const char* id, const glm::vec3& size, Rng& rng);
Model make_wins_tower(Rng& rng);                   // the off-track betting tower
Model make_guard_rail(Rng& rng);                   // 10 m along +X

// suidoubashi.cpp
Location build(std::uint32_t seed);

}  // namespace kagami::locgen::sdb
