// CPU posing of skinned models (asset::pose_model) against hand-computed
// vertices, and the committed cast: every character on the clip library's
// skeleton, the library complete, and its clips actually moving the body.
#include <algorithm>

#include "kagami/anim/pose.h"
#include "kagami/asset/animation_import.h"
#include "kagami/asset/model_import.h"
#include "kagami/asset/model_pose.h"

namespace kagami::asset {
namespace {

namespace fs = std::filesystem;
const fs::path kCast = fs::path(KAGAMI_SOURCE_DIR) / "assets" / "characters";

// Two joints (root, child one metre up), one mesh of three vertices: on the
// root, on the child, and shared half and half.
ModelData two_joint_model() {
  ModelData m;
  m.skeleton.joints.resize(2);
  m.skeleton.joints[0].name = "root";
  m.skeleton.joints[1].name = "child";
  m.skeleton.joints[1].parent = 0;
  m.skeleton.joints[1].rest.translation = {0, 1, 0};
  m.skeleton.joints[1].inverse_bind = glm::translate(glm::mat4(1), {0, -1, 0});
  MeshData mesh;
  mesh.positions = {{0, 0, 0}, {0, 1, 0}, {0, 0.5f, 0}};
  mesh.normals = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
  mesh.uv0.assign(3, glm::vec2(0));
  mesh.indices = {0, 1, 2};
  mesh.skin.resize(3);
  mesh.skin[0].weights = {1, 0, 0, 0};
  mesh.skin[1].joints = {1, 0, 0, 0};
  mesh.skin[1].weights = {1, 0, 0, 0};
  mesh.skin[2].joints = {0, 1, 0, 0};
  mesh.skin[2].weights = {0.5f, 0.5f, 0, 0};
  m.meshes.push_back(mesh);
  m.materials.emplace_back();
  m.instances.push_back({0, glm::mat4(1), "mesh"});
  return m;
}

TEST(AssetPoseModel, BlendsJointMatricesByWeight) {
  const ModelData model = two_joint_model();
  // The child moves one metre along +X and turns 90 degrees about Y.
  const glm::mat4 turn = glm::rotate(glm::mat4(1), glm::radians(90.0f), glm::vec3(0, 1, 0));
  const std::vector<glm::mat4> skin = {glm::mat4(1), glm::translate(glm::mat4(1), {1, 0, 0}) * turn};
  auto posed = pose_model(model, skin);
  ASSERT_TRUE(posed) << posed.error().message;
  const MeshData& mesh = posed->meshes[0];
  EXPECT_TRUE(mesh.skin.empty());
  EXPECT_NEAR(glm::distance(mesh.positions[0], glm::vec3(0, 0, 0)), 0.0f, 1e-5f);
  EXPECT_NEAR(glm::distance(mesh.positions[1], glm::vec3(1, 1, 0)), 0.0f, 1e-5f);
  EXPECT_NEAR(glm::distance(mesh.positions[2], glm::vec3(0.5f, 0.5f, 0)), 0.0f, 1e-5f);
  // Normal of the child's vertex turned from +Z to +X; the shared one halfway, renormalised.
  EXPECT_NEAR(glm::distance(mesh.normals[1], glm::vec3(1, 0, 0)), 0.0f, 1e-5f);
  EXPECT_NEAR(glm::distance(mesh.normals[2], glm::normalize(glm::vec3(0.5f, 0, 0.5f))), 0.0f, 1e-5f);
  EXPECT_NEAR(posed->bounds.max.x, 1.0f, 1e-5f);
}

TEST(AssetPoseModel, WrongMatrixCountIsAnError) {
  const ModelData model = two_joint_model();
  const std::vector<glm::mat4> skin(3, glm::mat4(1));
  auto posed = pose_model(model, skin);
  ASSERT_FALSE(posed);
  EXPECT_NE(posed.error().message.find("3 skinning matrices for a skeleton of 2 joints"), std::string::npos);
}

TEST(CastClipLibrary, HasEveryStoryboardClip) {
  auto library = import_animation(kCast / "clips.gltf");
  ASSERT_TRUE(library) << library.error().message;
  for (const char* name : {"idle", "walk", "run", "stop", "hug", "take_hand", "look_away", "collapse", "cry", "punch",
                           "grapple", "suplex", "fall_get_up", "aim_fire"}) {
    const auto it = std::find_if(library->clips.begin(), library->clips.end(),
                                 [&](const anim::Clip& c) { return c.name == name; });
    ASSERT_NE(it, library->clips.end()) << "missing clip " << name;
    EXPECT_GT(it->duration, 0.3f) << name;
    // Every joint's rotation is animated, and the hips' position.
    std::vector<bool> rotated(library->skeleton.size(), false);
    bool hips_moves = false;
    for (const anim::Channel& c : it->channels) {
      if (c.path == anim::ChannelPath::rotation) rotated[c.joint] = true;
      if (c.path == anim::ChannelPath::translation && library->skeleton.joints[c.joint].name == "hips")
        hips_moves = c.times.size() > 1;
    }
    EXPECT_EQ(std::count(rotated.begin(), rotated.end(), true), std::ptrdiff_t(rotated.size())) << name;
    EXPECT_TRUE(hips_moves) << name;
  }
}

// Highest and lowest point of the posed body, and the hands' height.
struct Extent {
  float top = -1e9f, bottom = 1e9f;
};
Extent extent(const ModelData& m) {
  Extent e;
  for (const MeshData& mesh : m.meshes)
    for (const glm::vec3& p : mesh.positions) {
      e.top = std::max(e.top, p.y);
      e.bottom = std::min(e.bottom, p.y);
    }
  return e;
}

TEST(CastClipLibrary, ClipsPoseEveryCharacter) {
  auto library = import_animation(kCast / "clips.gltf");
  ASSERT_TRUE(library) << library.error().message;
  auto clip = [&](const char* name) {
    return *std::find_if(library->clips.begin(), library->clips.end(),
                         [&](const anim::Clip& c) { return c.name == name; });
  };
  for (const char* file : {"len_vocaloid", "len_hooded_coat", "len_greatcoat", "rin", "miku", "miku_act2", "camui"}) {
    auto model = import_model(kCast / (std::string(file) + ".gltf"));
    ASSERT_TRUE(model) << model.error().message;
    auto idle = pose_model(*model, library->skeleton, clip("idle"), 0.5f);
    ASSERT_TRUE(idle) << idle.error().message;
    // Standing: feet on the ground (within 3 cm), head at a human height.
    const Extent standing = extent(*idle);
    EXPECT_NEAR(standing.bottom, 0.0f, 0.03f) << file;
    EXPECT_GT(standing.top, 1.6f) << file;
    EXPECT_LT(standing.top, 2.0f) << file;
    // Collapsed near the end of the clip (pose_model loops, so not at its very end): everything near the floor.
    auto down = pose_model(*model, library->skeleton, clip("collapse"), 1.5f);
    ASSERT_TRUE(down) << down.error().message;
    EXPECT_LT(extent(*down).top, 0.9f) << file;
  }
}

}  // namespace
}  // namespace kagami::asset
