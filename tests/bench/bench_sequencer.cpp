// Sequencer benchmarks.
//   sequencer/evaluate/10000  one evaluate() of a generated 60 s sequence with
//                             10,000 tracks of mixed kinds (transforms, lenses,
//                             animation, look-at, parameters of each type,
//                             subtitles, events, cuts, streaming), each
//                             iteration at the next frame, reusing the state
//                             as a player does
//   sequencer/evaluate_parameter/10000  one evaluate_parameter() of the same
//                             sequence (what the film's fragment replay asks at
//                             each of its ~60 steps a frame instead of evaluate())
#include <benchmark/benchmark.h>

#include <random>

#include "kagami/sequencer/evaluate.h"

namespace {

using namespace kagami::sequencer;

template <typename T, typename Make>
Curve<T> curve(std::mt19937& rng, double duration, int keys, Make make) {
  std::vector<Key<T>> out;
  for (int i = 0; i < keys; ++i) {
    Key<T> k;
    k.time = duration * i / (keys - 1);
    k.value = make(rng);
    k.interp = static_cast<Interp>(rng() % 6);
    k.tangent = rng() % 2 ? TangentMode::auto_clamped : TangentMode::automatic;
    out.push_back(k);
  }
  return Curve<T>(std::move(out));
}

Sequence generate(int tracks, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> value(-10.0f, 10.0f);
  auto f = [&](std::mt19937&) { return value(rng); };
  auto v3 = [&](std::mt19937&) { return glm::vec3(value(rng), value(rng), value(rng)); };
  auto v4 = [&](std::mt19937&) { return glm::vec4(value(rng), value(rng), value(rng), 1.0f); };
  Sequence seq;
  seq.duration = 60.0;
  const int bindings = tracks / 5;
  for (int i = 0; i < bindings; ++i) seq.bindings.push_back(Binding{"b" + std::to_string(i), "e", "len", "", false});
  seq.speakers.push_back(Speaker{"len", "Len", glm::vec3(1.0f)});
  Timeline& tl = seq.timeline;
  const double d = seq.duration;
  for (int i = 0; i < tracks; ++i) {
    const BindingIndex b = BindingIndex(rng() % bindings);
    switch (i % 20) {
      case 0: case 1: case 2: case 3: case 4: case 5: {  // 30% transforms
        TransformTrack t{"", b, curve<glm::vec3>(rng, d, 12, v3), std::nullopt, curve<glm::vec3>(rng, d, 12, v3)};
        tl.transforms.push_back(std::move(t));
        break;
      }
      case 6: case 7: tl.lenses.push_back({"", b, curve<float>(rng, d, 8, f), curve<float>(rng, d, 8, f)}); break;
      case 8: case 9: case 10: {  // animation: 6 sections, overlapping crossfades
        AnimationTrack a{"", b, {}};
        for (int s = 0; s < 6; ++s) a.sections.push_back({"clip", s * 10.0, s * 10.0 + 12.0, 1.0, 1.0, 1.0f, 0.0, true});
        tl.animations.push_back(std::move(a));
        break;
      }
      case 11: tl.look_ats.push_back({"", b, {{0.0, 20.0, 1.0, 0, {}}, {25.0, 50.0, 1.0, kNoBinding, {1, 2, 3}}}}); break;
      case 12: case 13: case 14: tl.parameters.push_back({"", "p.scalar", ParameterType::scalar, curve<float>(rng, d, 16, f), {}, {}}); break;
      case 15: tl.parameters.push_back({"", "p.vec3", ParameterType::vec3, {}, curve<glm::vec3>(rng, d, 16, v3), {}}); break;
      case 16: tl.parameters.push_back({"", "p.color", ParameterType::color, {}, {}, curve<glm::vec4>(rng, d, 16, v4)}); break;
      case 17: {
        SubtitleTrack s;
        for (int l = 0; l < 20; ++l) s.lines.push_back({0, "line", l * 3.0, l * 3.0 + 2.5});
        tl.subtitles.push_back(std::move(s));
        break;
      }
      case 18: {
        EventTrack e;  // not evaluated (events fire on playback), but present as in a real file
        for (int k = 0; k < 10; ++k) e.events.push_back(Event{k * 6.0, EventKind::flash, "", 0.5, 1.0f, {}, {}});
        tl.events.push_back(std::move(e));
        break;
      }
      default:
        if (i % 40 == 19) {
          CameraCutTrack c;
          for (int k = 0; k < 30; ++k) c.cuts.push_back({k * 2.0, BindingIndex(rng() % bindings), k % 3 ? 0.0 : 0.5});
          tl.camera_cuts.push_back(std::move(c));
        } else {
          tl.streaming.push_back({"", {{"dome", 0.0, 30.0}, {"station", 25.0, 60.0}}});
        }
    }
  }
  return seq;
}

void evaluate_tracks(benchmark::State& state) {
  const int tracks = static_cast<int>(state.range(0));
  const Sequence seq = generate(tracks, 42);
  SequenceState out;
  const std::int64_t frames = seq.frame_count();
  std::int64_t frame = 0;
  for (auto _ : state) {
    evaluate(seq, seq.frame_time(frame), out);
    benchmark::DoNotOptimize(out.bindings.data());
    frame = (frame + 1) % frames;
  }
  state.counters["tracks"] = double(seq.timeline.track_count());
  state.counters["anim_layers"] = double(out.anim_layers.size());
}
BENCHMARK(evaluate_tracks)->Name("sequencer/evaluate")->Arg(10000)->Unit(benchmark::kMicrosecond);

void evaluate_one_parameter(benchmark::State& state) {
  const Sequence seq = generate(static_cast<int>(state.range(0)), 42);
  const std::int64_t frames = seq.frame_count();
  std::int64_t frame = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(evaluate_parameter(seq, seq.frame_time(frame), "p.vec3"));
    frame = (frame + 1) % frames;
  }
}
BENCHMARK(evaluate_one_parameter)->Name("sequencer/evaluate_parameter")->Arg(10000)->Unit(benchmark::kMicrosecond);

}  // namespace
