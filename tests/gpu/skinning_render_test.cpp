// GPU skinning as a viewer sees it: a character skinned by the vertex shaders
// (mesh_skinned.vert, shadow_skinned.vert) gives the image the CPU-posed copy
// (asset::pose_model) gives, shadow on the ground included; the skinned draw's
// bounds hold the posed mesh; the cast registry's characters pose and draw.
#include <filesystem>

#include "gpu_fixture.h"
#include "skinning_test_support.h"
#include "kagami/core/image.h"
#include "kagami/render/character_models.h"
#include "kagami/render/forward_renderer.h"

namespace kagami {
namespace {

using testing::ground;
using testing::kCast;
using testing::pose;
using testing::Posed;
namespace fs = std::filesystem;

void save(const ImageRgba8& image, const std::string& name) {
  fs::create_directories(KAGAMI_TEST_OUTPUT_DIR);
  (void)write_png(fs::path(KAGAMI_TEST_OUTPUT_DIR) / (name + ".png"), image);
}

using SkinningTest = testing::GpuTest;

// Len mid-punch: GPU skinning against the CPU-posed copy, lit by the sun with
// shadows on a ground, and against the unposed model (so the comparison can fail).
TEST_F(SkinningTest, GpuSkinnedPoseMatchesCpuPose) {
  Posed p = pose("len_vocaloid.gltf", "punch", 0.35f);
  ASSERT_FALSE(p.skinning.empty());
  render::GpuModel floor = render::upload_model(*device, ground());
  render::GpuModel skinned = render::upload_model(*device, p.model);
  render::GpuModel cpu = render::upload_model(*device, p.cpu);
  ASSERT_EQ(skinned.joint_count, p.model.skeleton.size());
  EXPECT_EQ(cpu.joint_count, 0u) << "pose_model drops the skin";

  const VkExtent2D extent{240, 320};
  render::Camera camera = render::frame_bounds(p.cpu.bounds, 240.0f / 320.0f, {-0.5f, -0.3f, -0.85f});
  render::Lighting lighting;
  lighting.sun_direction = glm::normalize(glm::vec3(0.5f, -0.8f, -0.4f));  // a long shadow to the camera's right
  auto draw = [&](auto&& add) {
    render::DrawList list;
    list.add_model(floor);
    add(list);
    list.sort();
    auto image = render::render_offscreen(*device, list, camera, lighting, extent);
    EXPECT_TRUE(image.ok()) << image.error().message;
    return image ? *image : ImageRgba8{};
  };
  ImageRgba8 gpu_image = draw([&](render::DrawList& l) {
    auto added = l.add_skinned(skinned, p.skinning, glm::mat4(1.0f));
    EXPECT_TRUE(added.ok()) << added.error().message;
    EXPECT_EQ(l.joint_matrices().size(), p.skinning.size());
  });
  ImageRgba8 cpu_image = draw([&](render::DrawList& l) { l.add_model(cpu); });
  ImageRgba8 bind_image = draw([&](render::DrawList& l) { l.add_model(skinned); });
  save(gpu_image, "skinning_gpu");
  save(cpu_image, "skinning_cpu");
  save(bind_image, "skinning_bind");

  ImageDiff same = compare_images(cpu_image, gpu_image, 4);
  ASSERT_TRUE(same.same_size);
  EXPECT_GE(same.fraction_within(), 0.997) << same.pixels_over_tolerance << " pixels differ (max "
                                           << same.max_channel_difference << ")";
  save(same.visual, "skinning_gpu_vs_cpu_diff");
  ImageDiff moved = compare_images(bind_image, gpu_image, 4);
  EXPECT_GT(moved.pixels_over_tolerance, moved.pixel_count / 50) << "the pose must change the image";

  render::release_model(*device, floor);
  render::release_model(*device, skinned);
  render::release_model(*device, cpu);
}

// The skinned draw's world bounds hold every posed vertex, for clips that
// swing limbs far from the bind pose.
TEST_F(SkinningTest, SkinnedBoundsHoldThePosedMesh) {
  for (const char* clip : {"run", "punch", "collapse", "suplex", "aim_fire"}) {
    Posed p = pose("miku.gltf", clip, 0.6f);
    ASSERT_FALSE(p.skinning.empty());
    render::GpuModel model = render::upload_model(*device, p.model);
    const glm::mat4 world = glm::translate(glm::mat4(1.0f), {2, 0, -1}) *
                            glm::rotate(glm::mat4(1.0f), 0.7f, glm::vec3(0, 1, 0));
    render::DrawList list;
    ASSERT_TRUE(list.add_skinned(model, p.skinning, world).ok());
    ASSERT_EQ(list.items().size(), p.cpu.instances.size());
    for (std::size_t i = 0; i < list.items().size(); ++i) {
      const render::DrawItem& item = list.items()[i];
      const Aabb posed = transform_aabb(p.cpu.meshes[p.cpu.instances[i].mesh].bounds, item.world);
      for (int axis = 0; axis < 3; ++axis) {
        EXPECT_LE(item.world_bounds.min[axis], posed.min[axis] + 1e-4f) << clip << " mesh " << i;
        EXPECT_GE(item.world_bounds.max[axis], posed.max[axis] - 1e-4f) << clip << " mesh " << i;
      }
      EXPECT_EQ(item.skinned(), !p.model.meshes[p.model.instances[i].mesh].skin.empty());
    }
    const Aabb all = transform_aabb(p.cpu.bounds, world);
    EXPECT_LE(list.bounds().min.y, all.min.y + 1e-4f);
    EXPECT_GE(list.bounds().max.y, all.max.y - 1e-4f);
    // Conservative but not wild: within a metre of the posed box on each side.
    EXPECT_LT(glm::length(list.bounds().max - all.max) + glm::length(list.bounds().min - all.min), 2.0f) << clip;
    render::release_model(*device, model);
  }
}

TEST_F(SkinningTest, AddSkinnedRefusesAWrongMatrixCount) {
  Posed p = pose("rin.gltf", "idle", 0.0f);
  ASSERT_FALSE(p.skinning.empty());
  render::GpuModel model = render::upload_model(*device, p.model);
  render::DrawList list;
  p.skinning.pop_back();
  auto added = list.add_skinned(model, p.skinning, glm::mat4(1.0f));
  ASSERT_FALSE(added.ok());
  EXPECT_NE(added.error().message.find("skinning matrices for a skeleton of"), std::string::npos);
  EXPECT_TRUE(list.items().empty());
  render::GpuModel rigid = render::upload_model(*device, ground());
  EXPECT_FALSE(list.add_skinned(rigid, {}, glm::mat4(1.0f)).ok());
  render::release_model(*device, model);
  render::release_model(*device, rigid);
}

// The registry's characters through CharacterModels: loaded once per file,
// every clip of the library retargeted, layers blended, unknown names refused.
TEST_F(SkinningTest, CharacterModelsPoseAndDrawTheCast) {
  auto cast = render::CharacterModels::load(*device, kCast / "cast.json");
  ASSERT_TRUE(cast.ok()) << cast.error().message;
  render::CharacterModels& models = **cast;
  auto rin = models.get("rin", "");
  ASSERT_TRUE(rin.ok()) << rin.error().message;
  auto rin_blank = models.get("rin", "blank_slate");
  ASSERT_TRUE(rin_blank.ok());
  EXPECT_EQ(*rin, *rin_blank) << "outfits sharing a file share the model";
  EXPECT_EQ((*rin)->clips().size(), models.library().size());

  const render::ClipLayer walk[] = {{"walk", 0.3, 1.0f, true}};
  const render::ClipLayer half[] = {{"walk", 0.3, 0.5f, true}};
  auto walking = (*rin)->pose(walk, 0.0);
  ASSERT_TRUE(walking.ok());
  const std::vector<glm::mat4> walk_pose(walking->begin(), walking->end());
  auto idling = (*rin)->pose({}, 0.3);
  ASSERT_TRUE(idling.ok());
  const std::vector<glm::mat4> idle_pose(idling->begin(), idling->end());
  auto blended = (*rin)->pose(half, 0.3);  // half walk, half idle
  ASSERT_TRUE(blended.ok());
  float walk_idle = 0.0f, blend_walk = 0.0f, blend_idle = 0.0f;
  for (std::size_t j = 0; j < walk_pose.size(); ++j)
    for (int c = 0; c < 4; ++c) {
      walk_idle += glm::length(walk_pose[j][c] - idle_pose[j][c]);
      blend_walk += glm::length((*blended)[j][c] - walk_pose[j][c]);
      blend_idle += glm::length((*blended)[j][c] - idle_pose[j][c]);
    }
  EXPECT_GT(walk_idle, 0.1f);
  EXPECT_GT(blend_walk, 0.2f * walk_idle);
  EXPECT_GT(blend_idle, 0.2f * walk_idle);

  const render::ClipLayer unknown[] = {{"moonwalk", 0.0, 1.0f, true}};
  auto refused = (*rin)->pose(unknown, 0.0);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("moonwalk"), std::string::npos);
  auto nobody = models.get("kaito", "");
  ASSERT_FALSE(nobody.ok());
  EXPECT_NE(nobody.error().message.find("cast.json"), std::string::npos);
  EXPECT_NE(nobody.error().message.find("kaito"), std::string::npos);

  render::DrawList list;
  ASSERT_TRUE(models.add_draw(list, "camui", "", walk, 0.0, glm::mat4(1.0f), 7).ok());
  ASSERT_FALSE(list.items().empty());
  EXPECT_EQ(list.items().front().entity, 7u);
  auto camui = models.get("camui", "");
  ASSERT_TRUE(camui.ok());
  const asset::MeshInstance& first = (*camui)->gpu().instances.front();
  EXPECT_NEAR(glm::length(glm::vec3(list.items().front().world[1])), 1.1f * glm::length(glm::vec3(first.world[1])),
              1e-4f)
      << "Camui is drawn at the registry's scale";
}

}  // namespace
}  // namespace kagami
