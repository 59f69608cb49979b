// Animation benchmarks.
//   anim/evaluate_pose/N   N characters of a 64-joint skeleton, each frame:
//                          two clips sampled and blended (a walk/run mix),
//                          local -> model space, skinning matrices. The
//                          per_character counter is the time for one.
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "kagami/anim/blend.h"
#include "kagami/anim/pose.h"

namespace {

using namespace kagami::anim;

constexpr int kJoints = 64;

// A humanoid-shaped tree: a spine of 8 with four limbs of 14 hanging off it.
Skeleton humanoid() {
  Skeleton s;
  for (int i = 0; i < kJoints; ++i) {
    Joint j;
    j.name = "joint" + std::to_string(i);
    if (i == 0) j.parent = kNoParent;
    else if (i < 8) j.parent = i - 1;
    else if ((i - 8) % 14 == 0) j.parent = (i - 8) / 14 < 2 ? 6 : 0;  // arms off the chest, legs off the hips
    else j.parent = i - 1;
    j.rest.translation = i == 0 ? glm::vec3(0, 1, 0) : glm::vec3(0.02f * float(i % 3), 0.1f, 0.0f);
    j.inverse_bind = glm::translate(glm::mat4(1.0f), glm::vec3(0, -0.1f * float(i), 0));
    s.joints.push_back(j);
  }
  return s;
}

// One second at 30 keys per second: a rotation on every joint, translation on the root.
Clip cycle(const char* name, float amplitude, float phase) {
  Clip clip{name, 1.0f, {}};
  for (int j = 0; j < kJoints; ++j) {
    Channel c{std::uint32_t(j), ChannelPath::rotation, Interpolation::linear, {}, {}};
    for (int k = 0; k <= 30; ++k) {
      const float t = float(k) / 30.0f;
      c.times.push_back(t);
      const float angle = amplitude * std::sin(6.2831853f * t + phase + 0.1f * float(j));
      c.values.push_back(xyzw_from_quat(glm::angleAxis(angle, glm::normalize(glm::vec3(1, 0.3f * float(j % 4), 0.2f)))));
    }
    clip.channels.push_back(std::move(c));
  }
  Channel root{0, ChannelPath::translation, Interpolation::linear, {}, {}};
  for (int k = 0; k <= 30; ++k) {
    root.times.push_back(float(k) / 30.0f);
    root.values.push_back(glm::vec4(0, 1 + 0.05f * std::sin(float(k)), 2.0f * float(k) / 30.0f, 0));
  }
  clip.channels.push_back(std::move(root));
  return clip;
}

struct Character {
  std::vector<Transform> local, scratch;
  std::vector<glm::mat4> model, skin;
  float time_offset;
};

void evaluate_pose(benchmark::State& state) {
  const int n = int(state.range(0));
  const Skeleton skeleton = humanoid();
  const Clip walk = cycle("walk", 0.4f, 0.0f), run = cycle("run", 0.8f, 1.0f);
  std::vector<Character> characters(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    Character& c = characters[std::size_t(i)];
    c.local.resize(kJoints);
    c.scratch.resize(kJoints);
    c.model.resize(kJoints);
    c.skin.resize(kJoints);
    c.time_offset = 0.137f * float(i);
  }
  PoseBlender blender(kJoints);
  float time = 0.0f;
  for (auto _ : state) {
    time += 1.0f / 60.0f;
    for (Character& c : characters) {
      const float t = time + c.time_offset;
      const float mix = 0.5f + 0.5f * std::sin(t * 0.3f);
      const WeightedClip clips[2] = {{&walk, t, 1.0f - mix}, {&run, t * 1.3f, mix}};
      blend_clips(skeleton, clips, Wrap::loop, blender, c.scratch, c.local);
      local_to_model(skeleton, c.local, c.model);
      skinning_matrices(skeleton, c.model, c.skin);
      benchmark::DoNotOptimize(c.skin.data());
    }
    benchmark::ClobberMemory();
  }
  state.counters["per_character"] =
      benchmark::Counter(double(n), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(evaluate_pose)->Name("anim/evaluate_pose")->Arg(1)->Arg(4)->Arg(64)->Arg(200)->Unit(benchmark::kMicrosecond);

}  // namespace
