// Lights and shadows as a viewer sees them: a point and a spot light light
// the ground where they should and nowhere else, clustered culling gives the
// same image as evaluating every light per pixel (and a full cluster keeps its
// strongest lights), directional lights beyond the sun count, fog shows a
// spot's beam, the ground under an occluder is darker in the sun (and less so
// as the occluder dissolves), and a shadowed spot or point light's caster
// darkens the ground only where it blocks.
#include <optional>
#include <random>
#include <string>

#include "ground_and_cube.h"
#include "kagami/render/dissolve_pass.h"
#include "lighting_test_rig.h"

namespace kagami {
namespace {

using testing::add_face;
using testing::dark;
using testing::dark_fog;
using testing::LightingRenderTest;
using testing::spot_down;
using testing::test_scene;
using testing::top_down;

// A bright sun travelling along `direction` over faint ambient light.
render::Lighting sunlit(glm::vec3 direction) {
  render::Lighting l;
  l.sun_direction = glm::normalize(direction);
  l.sun_radiance = glm::vec3(3.0f);
  l.ambient_sky = glm::vec3(0.05f);
  l.ambient_ground = glm::vec3(0.02f);
  return l;
}

TEST_F(LightingRenderTest, PointAndSpotLightsLightTheirOwnPatchOfGround) {
  render::Lighting lighting = dark();
  render::PunctualLight point;
  point.position = {-8.0f, 1.0f, 0.0f};
  point.radiant_intensity = glm::vec3(1.0f, 0.6f, 0.3f) * 6.0f;
  point.range = 5.0f;
  const render::PunctualLight spot = spot_down({8.0f, 6.0f, 0.0f}, glm::vec3(0.3f, 0.6f, 1.0f) * 60.0f, 20.0f, 10.0f, 20.0f);
  lighting.lights = {point, spot};
  const render::Camera camera = top_down();
  ImageRgba8 image = render(test_scene(false), camera, lighting, true, "lighting_point_spot.png");
  ASSERT_FALSE(image.pixels.empty());

  const int dark_level = brightness_at(image, camera, {0.0f, 0.0f, 0.0f});
  EXPECT_LT(dark_level, 60) << "between the lights only the faint ambient";
  EXPECT_GT(brightness_at(image, camera, {-8.0f, 0.0f, 0.0f}), dark_level + 200) << "under the point light";
  EXPECT_GT(brightness_at(image, camera, {8.0f, 0.0f, 0.0f}), dark_level + 200) << "inside the spot's cone";
  // The spot's cone (20 degrees from 6 m up) ends about 2.2 m from its axis;
  // the point light's range ends 5 m away.
  EXPECT_LT(brightness_at(image, camera, {8.0f, 0.0f, 4.0f}), dark_level + 10) << "outside the cone";
  EXPECT_LT(brightness_at(image, camera, {-8.0f, 0.0f, 6.0f}), dark_level + 10) << "beyond the point's range";
}

TEST_F(LightingRenderTest, ClusteredCullingMatchesEveryLightPerPixel) {
  render::Lighting lighting = dark();
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  for (int i = 0; i < 300; ++i) {
    render::PunctualLight l;
    l.spot = i % 3 == 0;
    l.position = {unit(rng) * 40.0f - 20.0f, 0.3f + unit(rng) * 4.0f, unit(rng) * 40.0f - 20.0f};
    l.direction = glm::normalize(glm::vec3(unit(rng) - 0.5f, -1.0f, unit(rng) - 0.5f));
    l.radiant_intensity = glm::vec3(unit(rng), unit(rng), unit(rng)) * 3.0f;
    l.range = 1.0f + unit(rng) * 4.0f;
    l.outer_cone = glm::radians(15.0f + 50.0f * unit(rng));
    l.inner_cone = l.outer_cone * 0.5f;
    lighting.lights.push_back(l);
  }
  render::Camera camera = top_down();
  camera.position = {-5.0f, 12.0f, 18.0f};  // oblique: clusters at many depths
  ImageRgba8 clustered = render(test_scene(true), camera, lighting, true, "lighting_many_clustered.png");
  ImageRgba8 brute = render(test_scene(true), camera, lighting, false, "lighting_many_brute_force.png");
  ASSERT_EQ(clustered.pixels.size(), brute.pixels.size());
  int worst = 0;
  std::size_t lit = 0;
  for (std::size_t i = 0; i < clustered.pixels.size(); ++i) {
    worst = std::max(worst, std::abs(int(clustered.pixels[i]) - int(brute.pixels[i])));
    if (i % 4 == 0 && clustered.pixels[i] > 40) ++lit;
  }
  EXPECT_LE(worst, 1) << "a light missing from a cluster shows as a hard-edged dark block";
  EXPECT_GT(lit, clustered.pixels.size() / 4 / 10) << "the lights must light a good part of the ground";
}

TEST_F(LightingRenderTest, TheGroundUnderAnOccluderIsInShadow) {
  render::Lighting lighting = sunlit({0.05f, -1.0f, 0.02f});
  render::Camera camera;
  camera.position = {0.0f, 10.0f, 15.0f};
  camera.target = {0.0f, 0.0f, 0.0f};
  camera.fov_y = glm::radians(60.0f);
  camera.near_plane = 0.3f;
  camera.far_plane = 200.0f;
  ImageRgba8 shadowed = render(test_scene(true), camera, lighting, true, "lighting_shadow.png");
  lighting.sun_shadows = false;
  ImageRgba8 unshadowed = render(test_scene(true), camera, lighting, true, "lighting_no_shadow.png");
  ASSERT_FALSE(shadowed.pixels.empty());
  ASSERT_FALSE(unshadowed.pixels.empty());

  const glm::vec3 under{0.0f, 0.0f, 0.0f}, beside{5.0f, 0.0f, 2.0f};
  const int in_shadow = brightness_at(shadowed, camera, under);
  const int in_sun = brightness_at(shadowed, camera, beside);
  EXPECT_LT(in_shadow * 2, in_sun) << "under the cube is much darker than open ground";
  EXPECT_NEAR(brightness_at(unshadowed, camera, under), in_sun, 12) << "without shadows the same spot is lit";
  EXPECT_NEAR(brightness_at(unshadowed, camera, beside), in_sun, 3) << "shadows do not darken open ground";
}

// A dissolving caster's shadow dissolves with it: the shadow map cuts the
// same holes as the visible surface. The sun comes in at 45 degrees, so the
// floating cube's shadow falls beside it (x 1..5), clear of the cube itself
// as the top-down camera sees it.
TEST_F(LightingRenderTest, ADissolvingCastersShadowDissolvesWithIt) {
  const render::Lighting lighting = sunlit({1.0f, -1.0f, 0.0f});
  const render::Camera camera = top_down();
  asset::ModelData cube_data = test_scene(false);
  cube_data.meshes[0] = {};
  testing::add_cube(cube_data.meshes[0], {0, 3, 0});
  cube_data.bounds = {};
  cube_data.bounds.extend(cube_data.meshes[0].bounds.min);
  cube_data.bounds.extend(cube_data.meshes[0].bounds.max);
  render::GpuModel ground = render::upload_model(*device, test_scene(false));
  render::GpuModel cube = render::upload_model(*device, cube_data);
  constexpr std::uint64_t kCube = 7;
  auto render_cube = [&](std::optional<float> progress) {
    render::DrawList draws;
    draws.add_model(ground);
    if (progress) {
      draws.add_model(cube, glm::mat4(1.0f), {}, kCube);
      render::DissolveSettings dissolve;
      dissolve.progress = *progress;
      if (*progress > 0.0f) {
        EXPECT_EQ(draws.set_dissolve(kCube, render::dissolve_vector(dissolve)), 1u);
      }
    }
    draws.sort();
    const std::string png = progress ? "dissolve_shadow_" + std::to_string(int(*progress * 100.0f)) + ".png"
                                     : std::string("dissolve_shadow_no_cube.png");
    return render(draws, camera, lighting, true, png.c_str());
  };
  const ImageRgba8 open = render_cube(std::nullopt);
  const ImageRgba8 solid = render_cube(0.0f);
  const ImageRgba8 half = render_cube(0.5f);
  const ImageRgba8 gone = render_cube(1.0f);
  render::release_model(*device, ground);
  render::release_model(*device, cube);
  ASSERT_FALSE(open.pixels.empty() || solid.pixels.empty() || half.pixels.empty() || gone.pixels.empty());

  // Ground points well inside the solid cube's shadow (x 1..5, z -1..1), on a grid; shadowed: less
  // than half as bright as the same point with no cube at all.
  auto shadowed = [&](const ImageRgba8& image) {
    int count = 0;
    for (float x = 1.5f; x <= 4.5f; x += 0.25f)
      for (float z = -0.5f; z <= 0.5f; z += 0.25f)
        count += brightness_at(image, camera, {x, 0.0f, z}) * 2 < brightness_at(open, camera, {x, 0.0f, z});
    return count;
  };
  constexpr int kPoints = 13 * 5;
  const int at_solid = shadowed(solid), at_half = shadowed(half), at_gone = shadowed(gone);
  EXPECT_EQ(at_solid, kPoints) << "the whole cube shadows its footprint";
  EXPECT_EQ(at_gone, 0) << "a dissolved cube casts no shadow";
  EXPECT_GT(at_half, kPoints / 10) << "half dissolved still shadows in part";
  EXPECT_LT(at_half, kPoints * 9 / 10) << "half dissolved lets the sun through its holes";
  int worst = 0;
  for (float x = 1.5f; x <= 4.5f; x += 0.5f)
    worst = std::max(worst, std::abs(brightness_at(gone, camera, {x, 0.0f, 0.0f}) - brightness_at(open, camera, {x, 0.0f, 0.0f})));
  EXPECT_LE(worst, 3) << "under a dissolved cube the ground is as bright as with no cube";
}

// While the whole scene dissolves into data (FrameEffects::dissolve), the
// shadows dissolve with it: a sheet far overhead (where the dissolve, biased
// by distance from the camera, has eaten a good part of it) lets the sun
// through its holes onto the nearer ground, which is still whole and not yet
// glowing (so any light on it in the shadow comes through a hole).
TEST_F(LightingRenderTest, ShadowsDissolveWithTheWholeScene) {
  const render::Lighting lighting = sunlit({0.05f, -1.0f, 0.0f});
  const render::Camera camera = top_down();
  asset::ModelData sheet_data = test_scene(false);
  sheet_data.meshes[0] = {};
  // One face (shadows are cast by both sides): a hole in it is a hole.
  testing::add_face(sheet_data.meshes[0], {0, 110, 0}, {6, 0, 0}, {0, 0, -6});  // its shadow: x -0.5..11.5, z -6..6
  sheet_data.bounds = {};
  sheet_data.bounds.extend(sheet_data.meshes[0].bounds.min);
  sheet_data.bounds.extend(sheet_data.meshes[0].bounds.max);
  render::GpuModel ground = render::upload_model(*device, test_scene(false));
  render::GpuModel sheet = render::upload_model(*device, sheet_data);
  auto render_at = [&](bool with_sheet, float dissolve) {
    render::DrawList draws;
    draws.add_model(ground);
    if (with_sheet) draws.add_model(sheet);
    draws.sort();
    render::FrameEffects effects;
    effects.dissolve = dissolve;
    const std::string png = std::string("scene_dissolve_shadow_") + (with_sheet ? "sheet_" : "open_") +
                            std::to_string(int(dissolve * 100.0f)) + ".png";
    return render(draws, camera, lighting, true, png.c_str(), &effects);
  };
  const ImageRgba8 open = render_at(false, 0.0f), solid = render_at(true, 0.0f);
  constexpr float kDissolve = 0.18f;  // the ground, 30-35 m from the camera, starts to glow at 0.19
  const ImageRgba8 open_cut = render_at(false, kDissolve), cut = render_at(true, kDissolve);
  render::release_model(*device, ground);
  render::release_model(*device, sheet);
  ASSERT_FALSE(open.pixels.empty() || solid.pixels.empty() || open_cut.pixels.empty() || cut.pixels.empty());

  // Ground points well inside the sheet's shadow; shadowed: less than half as
  // bright as the same point, at the same dissolve, with no sheet.
  auto shadowed = [&](const ImageRgba8& image, const ImageRgba8& reference) {
    int count = 0, lit_ground = 0;
    for (float x = 1.0f; x <= 10.0f; x += 0.5f)
      for (float z = -4.5f; z <= 4.5f; z += 0.5f) {
        const int bright = brightness_at(reference, camera, {x, 0.0f, z});
        lit_ground += bright > 60;
        count += brightness_at(image, camera, {x, 0.0f, z}) * 2 < bright;
      }
    EXPECT_EQ(lit_ground, 19 * 19) << "the ground must be there, in the sun, for the shadow to show on it";
    return count;
  };
  constexpr int kPoints = 19 * 19;
  EXPECT_EQ(shadowed(solid, open), kPoints) << "the whole sheet shadows its footprint";
  const int through_holes = kPoints - shadowed(cut, open_cut);
  EXPECT_GT(through_holes, kPoints / 10) << "the sun shines through the dissolved sheet's holes";
  EXPECT_LT(through_holes, kPoints * 9 / 10) << "what is left of the sheet still shadows";
}

// Point and spot light shadows: a light marked `shadows` above (or beside)
// the floating cube darkens the ground where the cube stands between them, by
// comparison with the same frame with local shadows off, and leaves the
// ground the cube does not block as it was.
class LocalShadowTest : public LightingRenderTest {
 protected:
  struct Pair {
    ImageRgba8 shadowed, unshadowed;
  };
  Pair render_pair(const render::PunctualLight& light, const char* name) {
    render::Lighting lighting = dark();
    lighting.lights = {light};
    lighting.lights[0].shadows = true;
    Pair p;
    p.shadowed = render(test_scene(true), camera, lighting, true, (std::string(name) + "_shadowed.png").c_str());
    lighting.local_shadows = false;
    p.unshadowed = render(test_scene(true), camera, lighting, true, (std::string(name) + "_unshadowed.png").c_str());
    return p;
  }
  // Oblique, so the ground right under the cube is in sight.
  render::Camera camera = [] {
    render::Camera c = top_down();
    c.position = {0.0f, 14.0f, 12.0f};
    return c;
  }();
};

TEST_F(LocalShadowTest, ASpotLightsCasterDarkensTheGroundBelowItAndNothingElse) {
  const Pair p =
      render_pair(spot_down({0.0f, 9.0f, 0.0f}, glm::vec3(1.0f, 0.9f, 0.8f) * 300.0f, 20.0f, 35.0f, 45.0f), "local_shadow_spot");
  ASSERT_FALSE(p.shadowed.pixels.empty());
  ASSERT_FALSE(p.unshadowed.pixels.empty());
  // The cube (x, z in [-1, 1], y 2..4) shades the ground within about 1.8 m of
  // the axis (its top edge seen from 9 m up); beyond that the cone is open.
  for (glm::vec3 under : {glm::vec3(0.0f, 0.0f, 0.0f), glm::vec3(-1.2f, 0.0f, 0.3f), glm::vec3(1.0f, 0.0f, 0.6f)}) {
    const int lit = brightness_at(p.unshadowed, camera, under);
    EXPECT_GT(lit, 200) << "the spot lights the ground under the cube when unshadowed";
    EXPECT_LT(brightness_at(p.shadowed, camera, under) * 3, lit) << "under the cube is in the spot's shadow";
  }
  for (glm::vec3 open : {glm::vec3(2.8f, 0.0f, 0.0f), glm::vec3(-3.0f, 0.0f, 2.5f), glm::vec3(0.0f, 0.0f, -3.5f),
                         glm::vec3(4.5f, 0.0f, -4.0f)})
    EXPECT_NEAR(brightness_at(p.shadowed, camera, open), brightness_at(p.unshadowed, camera, open), 3)
        << "open ground keeps its light";
}

TEST_F(LocalShadowTest, APointLightShadowsThroughTheCubeFaceThatLooksAtTheCaster) {
  // Beside the cube at its height: the cube shadows the ground on its far
  // side through the -X face; the ground under the light (the -Y face) and
  // the ground the cube does not block stay lit.
  render::PunctualLight point;
  point.position = {3.0f, 3.5f, 0.0f};
  point.radiant_intensity = glm::vec3(0.8f, 0.9f, 1.0f) * 400.0f;
  point.range = 20.0f;
  const Pair p = render_pair(point, "local_shadow_point");
  ASSERT_FALSE(p.shadowed.pixels.empty());
  ASSERT_FALSE(p.unshadowed.pixels.empty());
  const glm::vec3 behind{-6.0f, 0.0f, 0.0f};
  const int lit = brightness_at(p.unshadowed, camera, behind);
  EXPECT_GT(lit, 60) << "the light reaches the ground behind the cube when unshadowed";
  EXPECT_LT(brightness_at(p.shadowed, camera, behind) * 2, lit) << "behind the cube is in its shadow";
  for (glm::vec3 open : {glm::vec3(3.0f, 0.0f, 0.0f), glm::vec3(-6.0f, 0.0f, 6.0f), glm::vec3(6.0f, 0.0f, -3.0f),
                         glm::vec3(3.0f, 0.0f, 5.0f)})
    EXPECT_NEAR(brightness_at(p.shadowed, camera, open), brightness_at(p.unshadowed, camera, open), 3)
        << "open ground keeps its light";
}

// Materials: a normal map tilting the ground's normals away from an overhead
// sun darkens it; a blended red sheet tints what is behind it; a masked sheet
// whose alpha is under its cutoff leaves no trace.
TEST_F(LightingRenderTest, NormalMapsAlphaBlendAndMaskShadeAsTheMaterialsSay) {
  render::Lighting lighting;
  lighting.sun_direction = {0.0f, -1.0f, 0.0f};
  lighting.sun_radiance = glm::vec3(2.0f);
  lighting.ambient_sky = lighting.ambient_ground = glm::vec3(0.02f);
  lighting.sun_shadows = false;
  const render::Camera camera = top_down();

  asset::ModelData flat = test_scene(false);
  asset::ModelData bumped = flat;
  // Tangent-space normal tilted 60 degrees from the surface normal: N.L = 0.5.
  ImageRgba8 normal_image;
  normal_image.width = normal_image.height = 1;
  normal_image.pixels = {std::uint8_t(127.5f + 127.5f * 0.866f), 128, std::uint8_t(127.5f + 127.5f * 0.5f), 255};
  bumped.images.push_back({"tilted normal", normal_image});
  bumped.materials[0].normal_texture = asset::TextureRef{0, false};
  const int flat_level = brightness_at(render(flat, camera, lighting, true, "material_flat.png"), camera, {3, 0, 3});
  const int bumped_level =
      brightness_at(render(bumped, camera, lighting, true, "material_normal_map.png"), camera, {3, 0, 3});
  EXPECT_LT(bumped_level + 40, flat_level) << "the tilted normal receives half the sun";
  EXPECT_GT(bumped_level, 60) << "but still some";

  asset::ModelData sheets = test_scene(false);
  asset::MaterialData red;
  red.base_color_factor = {1.0f, 0.0f, 0.0f, 0.5f};
  red.metallic_factor = 0.0f;
  red.alpha_mode = asset::AlphaMode::blend;
  asset::MaterialData masked = red;
  masked.base_color_factor = {0.0f, 0.0f, 1.0f, 0.3f};
  masked.alpha_mode = asset::AlphaMode::mask;
  masked.alpha_cutoff = 0.5f;
  sheets.materials.push_back(red);
  sheets.materials.push_back(masked);
  for (std::uint32_t m : {1u, 2u}) {
    asset::MeshData sheet;
    add_face(sheet, {m == 1 ? -6.0f : 6.0f, 2.0f, 0.0f}, {3, 0, 0}, {0, 0, -3});
    sheet.material = m;
    sheets.meshes.push_back(sheet);
    sheets.instances.push_back({std::uint32_t(sheets.meshes.size() - 1), glm::mat4(1.0f), "sheet"});
  }
  ImageRgba8 image = render(sheets, camera, lighting, true, "material_blend_mask.png");
  ImageRgba8 ground = render(flat, camera, lighting, true, "material_ground.png");
  auto rgb = [&](const ImageRgba8& img, glm::vec3 world) {
    glm::vec4 clip = camera.view_projection(float(kExtent.width) / float(kExtent.height)) * glm::vec4(world, 1.0f);
    int x = int((clip.x / clip.w * 0.5f + 0.5f) * float(kExtent.width));
    int y = int((clip.y / clip.w * 0.5f + 0.5f) * float(kExtent.height));
    const std::uint8_t* p = &img.pixels[(std::size_t(y) * img.width + std::size_t(x)) * 4];
    return glm::ivec3(p[0], p[1], p[2]);
  };
  glm::ivec3 behind_red = rgb(image, {-6, 2, 0}), open_ground = rgb(ground, {-6, 0, 0});
  EXPECT_GT(behind_red.r, behind_red.g + 30) << "the sheet tints red";
  EXPECT_GT(behind_red.g, 30) << "and the ground shows through";
  EXPECT_LT(behind_red.g, open_ground.g - 20);
  glm::vec3 delta = glm::vec3(rgb(image, {6, 2, 0}) - rgb(ground, {6, 0, 0}));
  EXPECT_LE(glm::length(delta), 2.0f) << "the masked sheet is cut away entirely";
}

// A directional light entity (a moon) lights what faces it, clustered or not;
// one shining from below leaves the ground dark.
TEST_F(LightingRenderTest, DirectionalLightsLightWhatFacesThem) {
  render::Lighting lighting = dark();
  const render::Camera camera = top_down();
  const int unlit = brightness_at(render(test_scene(false), camera, lighting, true, "directional_none.png"), camera, {3, 0, 3});
  lighting.directional_lights.push_back({glm::normalize(glm::vec3(0.3f, -1.0f, 0.2f)), glm::vec3(0.4f, 0.45f, 0.6f)});
  const int clustered = brightness_at(render(test_scene(false), camera, lighting, true, "directional_moon.png"), camera, {3, 0, 3});
  const int brute = brightness_at(render(test_scene(false), camera, lighting, false, "directional_moon_brute.png"), camera, {3, 0, 3});
  EXPECT_GT(clustered, unlit + 100) << "the moon lights the ground";
  EXPECT_NEAR(clustered, brute, 1);
  lighting.directional_lights[0].direction = {0.0f, 1.0f, 0.0f};
  EXPECT_NEAR(brightness_at(render(test_scene(false), camera, lighting, true, "directional_below.png"), camera, {3, 0, 3}),
              unlit, 1) << "light from below the ground does not light its top";
}

// More lights reach a cluster than it can list: the cluster keeps the bright
// lamp right above the ground and drops dim far ones, so the lamp's pool of
// light survives (it came last, and used to be the one dropped).
TEST_F(LightingRenderTest, AFullClusterKeepsItsBrightestNearLight) {
  render::Lighting lighting = dark();
  for (int i = 0; i < KAGAMI_MAX_CLUSTER_LIGHTS + 60; ++i) {
    render::PunctualLight dim;
    float angle = float(i) * 0.37f;
    dim.position = {std::cos(angle) * 12.0f, 6.0f, std::sin(angle) * 12.0f};
    dim.radiant_intensity = glm::vec3(0.01f);
    dim.range = 40.0f;
    lighting.lights.push_back(dim);
  }
  render::PunctualLight lamp;
  lamp.position = {0.0f, 1.5f, 0.0f};
  lamp.radiant_intensity = glm::vec3(4.0f, 3.0f, 2.0f);
  lamp.range = 6.0f;
  lighting.lights.push_back(lamp);
  const render::Camera camera = top_down();
  ImageRgba8 clustered = render(test_scene(false), camera, lighting, true, "lighting_full_cluster.png");
  ImageRgba8 brute = render(test_scene(false), camera, lighting, false, "lighting_full_cluster_brute.png");
  const int dark_level = brightness_at(clustered, camera, {-15.0f, 0.0f, -15.0f});
  const int under_lamp = brightness_at(clustered, camera, {0.5f, 0.0f, 0.5f});
  EXPECT_GT(under_lamp, dark_level + 200) << "the lamp's pool of light";
  EXPECT_NEAR(under_lamp, brightness_at(brute, camera, {0.5f, 0.0f, 0.5f}), 12) << "dropped lights are the faint ones";
}

// Fog shows a spot light's beam: seen from the side against a black sky, the
// air inside the cone glows and the air beside it does not.
TEST_F(LightingRenderTest, FogShowsASpotLightsBeam) {
  render::Lighting lighting = dark_fog(0.05f);
  render::PunctualLight spot;
  spot.spot = true;
  spot.position = {0.0f, 8.0f, 0.0f};
  spot.direction = {0.0f, -1.0f, 0.0f};
  spot.radiant_intensity = glm::vec3(400.0f);
  spot.range = 12.0f;
  spot.inner_cone = glm::radians(12.0f);
  spot.outer_cone = glm::radians(18.0f);
  lighting.lights.push_back(spot);
  render::Camera camera;
  camera.position = {0.0f, 4.0f, 14.0f};
  camera.target = {0.0f, 4.0f, 0.0f};
  camera.fov_y = glm::radians(60.0f);
  camera.near_plane = 0.3f;
  camera.far_plane = 100.0f;
  ImageRgba8 image = render(test_scene(false), camera, lighting, true, "fog_spot_beam.png");
  ASSERT_FALSE(image.pixels.empty());
  const int in_beam = brightness_at(image, camera, {0.0f, 5.0f, 0.0f});
  const int beside = brightness_at(image, camera, {4.0f, 5.0f, 0.0f});
  EXPECT_GT(in_beam, beside + 60) << "the cone glows in the fog";
  EXPECT_LT(beside, 20) << "the air outside the cone stays dark";
}

}  // namespace
}  // namespace kagami
