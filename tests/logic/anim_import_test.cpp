// Skinned glTF and BVH motion capture through the asset import: skeleton,
// inverse binds, weights, clips; damaged files give errors naming the file.
#include <fstream>
#include <regex>
#include <sstream>

#include "anim_test_support.h"
#include "asset_test_support.h"
#include "kagami/anim/blend.h"
#include "kagami/anim/retarget.h"
#include "kagami/asset/animation_import.h"

namespace kagami::asset {
namespace {
using anim::test::Near;
using anim::test::SameRotation;
using test::Contains;
namespace fs = std::filesystem;

const fs::path kSimpleSkin = test::kGltf2 / "simple_skin" / "simple_skin.gltf";
const fs::path kBvh = test::kModels / "BVH";

// "Frames:" and "Frame Time:" and the joint count, read from the BVH text
// itself, independently of Assimp.
struct BvhHeader {
  int frames = 0;
  double frame_time = 0.0;
  int joints = 0;
};
BvhHeader read_header(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  BvhHeader h;
  std::smatch m;
  if (std::regex_search(s, m, std::regex(R"(Frames:\s*(\d+))"))) h.frames = std::stoi(m[1]);
  if (std::regex_search(s, m, std::regex(R"(Frame Time:\s*([0-9.]+))"))) h.frame_time = std::stod(m[1]);
  const std::regex joint(R"((^|\n)\s*(ROOT|JOINT)\s)");
  h.joints = int(std::distance(std::sregex_iterator(s.begin(), s.end(), joint), std::sregex_iterator()));
  return h;
}

TEST(AnimImport, SimpleSkinSkeletonWeightsAndInverseBinds) {
  auto model = import_model(kSimpleSkin);
  ASSERT_TRUE(model.ok()) << model.error().message;
  const anim::Skeleton& s = model->skeleton;
  ASSERT_EQ(s.size(), 2u);  // the two joint nodes; the mesh node above them is not a joint
  EXPECT_EQ(s.joints[0].parent, anim::kNoParent);
  EXPECT_EQ(s.joints[1].parent, 0);
  EXPECT_TRUE(Near(s.joints[0].rest.translation, {0, 1, 0}));
  // Both inverse bind matrices in this file are translate(-0.5, -1, 0).
  const glm::mat4 expected = glm::translate(glm::mat4(1.0f), glm::vec3(-0.5f, -1.0f, 0.0f));
  for (const anim::Joint& j : s.joints)
    for (int c = 0; c < 4; ++c) EXPECT_TRUE(Near(glm::vec3(j.inverse_bind[c]), glm::vec3(expected[c]))) << j.name;

  ASSERT_EQ(model->meshes.size(), 1u);
  const MeshData& mesh = model->meshes[0];
  ASSERT_EQ(mesh.skin.size(), mesh.vertex_count());
  for (std::size_t v = 0; v < mesh.vertex_count(); ++v) {
    const anim::VertexSkin& skin = mesh.skin[v];
    EXPECT_NEAR(skin.weights.x + skin.weights.y + skin.weights.z + skin.weights.w, 1.0f, 1e-6f);
    // The file weights joint 1 by height: y / 2 (0 at the bottom, 1 at the top).
    float upper = 0.0f;
    for (int k = 0; k < 4; ++k)
      if (skin.joints[k] == 1) upper += skin.weights[k];
    EXPECT_NEAR(upper, mesh.positions[v].y / 2.0f, 1e-6f) << "vertex " << v;
  }
}

TEST(AnimImport, SimpleSkinClipBendsTheUpperJoint) {
  auto model = import_model(kSimpleSkin);
  ASSERT_TRUE(model.ok()) << model.error().message;
  ASSERT_EQ(model->clips.size(), 1u);
  const anim::Clip& clip = model->clips[0];
  EXPECT_NEAR(clip.duration, 5.5f, 1e-4f);
  std::vector<anim::Transform> pose(2);
  // Key 2 (t = 1 s): 90 degrees about Z on the second joint; t = 0.5 s: 45.
  anim::sample_pose(model->skeleton, clip, 1.0f, anim::Wrap::clamp, pose);
  EXPECT_TRUE(SameRotation(pose[1].rotation, glm::quat(0.7071f, 0, 0, 0.7071f), 1e-3f));
  anim::sample_pose(model->skeleton, clip, 0.5f, anim::Wrap::clamp, pose);
  EXPECT_TRUE(SameRotation(pose[1].rotation, glm::quat(0.924f, 0, 0, 0.383f), 1e-3f));
  // Skinning the top vertex (x=1, y=2, bound fully to joint 1) at 90 degrees:
  // it swings around joint 1 at model (0, 1) ... rotated by 90 degrees about Z.
  std::vector<glm::mat4> model_space(2), skin(2);
  anim::sample_pose(model->skeleton, clip, 1.0f, anim::Wrap::clamp, pose);
  anim::local_to_model(model->skeleton, pose, model_space);
  anim::skinning_matrices(model->skeleton, model_space, skin);
  // Bind space of the top vertex: (1, 2) - (0.5, 1) = (0.5, 1); rotated 90 degrees: (-1, 0.5); + joint at (0, 1).
  EXPECT_TRUE(Near(glm::vec3(skin[1] * glm::vec4(1, 2, 0, 1)), {-1.0f, 1.5f, 0.0f}, 2e-3f));
}

TEST(AnimImport, BvhSkeletonFramesAndDuration) {
  for (const char* name : {"01_01.bvh", "Boxing_Toes.bvh"}) {
    SCOPED_TRACE(name);
    const fs::path path = kBvh / name;
    const BvhHeader header = read_header(path);
    ASSERT_GT(header.frames, 0);
    auto animation = import_animation(path);
    ASSERT_TRUE(animation.ok()) << animation.error().message;
    // Every ROOT and JOINT is a joint; Assimp's end-site nodes may add leaves.
    EXPECT_GE(animation->skeleton.size(), std::size_t(header.joints));
    EXPECT_TRUE(animation->skeleton.find("Hips").has_value());
    ASSERT_EQ(animation->clips.size(), 1u);
    const anim::Clip& clip = animation->clips[0];
    std::size_t rotation_channels = 0;
    for (const anim::Channel& c : clip.channels) {
      if (c.path != anim::ChannelPath::rotation) continue;
      ++rotation_channels;
      EXPECT_EQ(c.times.size(), std::size_t(header.frames)) << animation->skeleton.joints[c.joint].name;
    }
    EXPECT_EQ(rotation_channels, std::size_t(header.joints));
    EXPECT_NEAR(clip.duration, (header.frames - 1) * header.frame_time, 2.0 * header.frame_time);
  }
}

TEST(AnimImport, BvhRetargetsOntoAScaledCopyOfItsSkeleton) {
  auto animation = import_animation(kBvh / "01_01.bvh");
  ASSERT_TRUE(animation.ok()) << animation.error().message;
  anim::Skeleton small = animation->skeleton;
  for (anim::Joint& j : small.joints) j.rest.translation *= 0.5f;
  auto map = anim::match_joints_by_name(animation->skeleton, small);
  ASSERT_TRUE(map.ok());
  auto clip = anim::retarget(animation->clips[0], animation->skeleton, small, *map, "01_01.bvh");
  ASSERT_TRUE(clip.ok()) << clip.error().message;
  std::vector<anim::Transform> big_pose(small.size()), small_pose(small.size());
  const std::uint32_t hips = *small.find("Hips");
  anim::sample_pose(animation->skeleton, animation->clips[0], 3.0f, anim::Wrap::clamp, big_pose);
  anim::sample_pose(small, *clip, 3.0f, anim::Wrap::clamp, small_pose);
  EXPECT_TRUE(Near(small_pose[hips].translation, big_pose[hips].translation * 0.5f, 1e-3f));
  for (std::size_t j = 0; j < small.size(); ++j)
    EXPECT_TRUE(SameRotation(small_pose[j].rotation, big_pose[j].rotation, 1e-5f)) << small.joints[j].name;
}

TEST(AnimImport, TruncatedAndGarbageFilesNameTheFile) {
  const fs::path dir = test::scratch_folder();
  // The skin's JSON cut in half.
  const std::vector<std::uint8_t> skin = test::bytes_of(kSimpleSkin);
  const fs::path truncated = dir / "truncated_skin.gltf";
  test::write_bytes(truncated, std::span(skin).first(skin.size() / 2));
  const std::string m1 = test::import_error(truncated);
  EXPECT_FALSE(m1.empty());

  // A BVH that stops in the middle of its hierarchy.
  const std::vector<std::uint8_t> bvh = test::bytes_of(kBvh / "01_01.bvh");
  const fs::path cut = dir / "cut.bvh";
  test::write_bytes(cut, std::span(bvh).first(600));
  auto r = import_animation(cut);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().message.starts_with(cut.string() + ": ")) << r.error().message;

  // Not a BVH at all.
  const fs::path garbage = dir / "garbage.bvh";
  const std::string noise = "HIERARCHY\nROOT {{{ 1 2 3 MOTION Frames: -4\n\x01\x02\xff";
  test::write_bytes(garbage, std::span(reinterpret_cast<const std::uint8_t*>(noise.data()), noise.size()));
  auto g = import_animation(garbage);
  ASSERT_FALSE(g.ok());
  EXPECT_TRUE(g.error().message.starts_with(garbage.string() + ": ")) << g.error().message;

  // A BVH is no model, and a model file without bones is no animation.
  EXPECT_TRUE(Contains(test::import_error(kBvh / "01_01.bvh"), "unsupported model format \".bvh\""));
  auto rigid = import_animation(test::kBoxTextured);
  ASSERT_FALSE(rigid.ok());
  EXPECT_TRUE(Contains(rigid.error().message, "contains no skeleton and no animation"));
}

}  // namespace
}  // namespace kagami::asset
