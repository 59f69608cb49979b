#include "kagami/editor/sequence_keys.h"

#include <algorithm>
#include <map>
#include <type_traits>

#include "kagami/core/strings.h"

namespace kagami::editor {

using namespace sequencer;

namespace {

using CurvePtr = std::variant<FloatCurve*, Vec3Curve*, Vec4Curve*>;

// Component `c` of a float, vector or colour (keys and slopes of every type edit the same way).
template <typename T>
float& component(T& v, int c) {
  if constexpr (std::is_same_v<T, float>) return v;
  else return v[c];
}
template <typename T>
constexpr int components_of() {
  if constexpr (std::is_same_v<T, float>) return 1;
  else return T::length();
}

std::string_view kind_name(ChannelKind kind) {
  switch (kind) {
    case ChannelKind::translation: return "translation";
    case ChannelKind::rotation: return "rotation";
    case ChannelKind::fov_y: return "fov_y";
    case ChannelKind::focus_distance: return "focus_distance";
    case ChannelKind::parameter: return "value";
  }
  return "?";
}

struct Place {
  Timeline* timeline = nullptr;
  double duration = 0.0;
};

Result<Place> timeline_of(Sequence& s, const ChannelRef& c) {
  Place p{&s.timeline, s.duration};
  for (std::uint32_t i : c.shots) {
    if (i >= p.timeline->shots.size()) return make_error("no shot ", i, " in the timeline");
    Shot& shot = p.timeline->shots[i];
    p = {&shot.timeline, shot.duration};
  }
  return p;
}

Result<CurvePtr> find_curve(Sequence& s, const ChannelRef& c) {
  auto place = timeline_of(s, c);
  if (!place) return place.error();
  Timeline& tl = *place->timeline;
  auto missing = [&] { return make_error("no ", kind_name(c.kind), " channel on track ", c.track); };
  switch (c.kind) {
    case ChannelKind::translation:
    case ChannelKind::rotation: {
      if (c.track >= tl.transforms.size()) return missing();
      auto& curve = c.kind == ChannelKind::translation ? tl.transforms[c.track].translation
                                                       : tl.transforms[c.track].rotation;
      if (!curve) return missing();
      return CurvePtr(&*curve);
    }
    case ChannelKind::fov_y:
    case ChannelKind::focus_distance: {
      if (c.track >= tl.lenses.size()) return missing();
      auto& curve = c.kind == ChannelKind::fov_y ? tl.lenses[c.track].fov_y : tl.lenses[c.track].focus_distance;
      if (!curve) return missing();
      return CurvePtr(&*curve);
    }
    case ChannelKind::parameter: {
      if (c.track >= tl.parameters.size()) return missing();
      ParameterTrack& p = tl.parameters[c.track];
      switch (p.type) {
        case ParameterType::scalar: return CurvePtr(&p.scalar);
        case ParameterType::vec3: return CurvePtr(&p.vec3);
        case ParameterType::color: return CurvePtr(&p.color);
      }
    }
  }
  return missing();
}

// Read-only lookups go through the same path: nothing is written through it.
Result<CurvePtr> find_curve(const Sequence& s, const ChannelRef& c) { return find_curve(const_cast<Sequence&>(s), c); }

void add_channels(const Sequence& seq, const Timeline& tl, const std::vector<std::uint32_t>& shots,
                  const std::string& prefix, double offset, double duration, double from, double to,
                  std::vector<ChannelInfo>& out) {
  auto add = [&](ChannelKind kind, std::uint32_t track, const std::string& name, int components) {
    out.push_back({ChannelRef{shots, kind, track}, cat(prefix, name, ".", kind_name(kind)), components, offset,
                   duration, from, to});
  };
  auto binding_name = [&](BindingIndex b, const std::string& track_name) {
    if (!track_name.empty()) return track_name;
    return b < seq.bindings.size() ? seq.bindings[b].name : std::string("?");
  };
  for (std::uint32_t i = 0; i < tl.transforms.size(); ++i) {
    const TransformTrack& t = tl.transforms[i];
    if (t.translation) add(ChannelKind::translation, i, binding_name(t.binding, t.name), 3);
    if (t.rotation) add(ChannelKind::rotation, i, binding_name(t.binding, t.name), 3);
  }
  for (std::uint32_t i = 0; i < tl.lenses.size(); ++i) {
    const CameraLensTrack& l = tl.lenses[i];
    if (l.fov_y) add(ChannelKind::fov_y, i, binding_name(l.binding, l.name), 1);
    if (l.focus_distance) add(ChannelKind::focus_distance, i, binding_name(l.binding, l.name), 1);
  }
  for (std::uint32_t i = 0; i < tl.parameters.size(); ++i) {
    const ParameterTrack& p = tl.parameters[i];
    add(ChannelKind::parameter, i, p.name.empty() ? p.path : p.name,
        p.type == ParameterType::scalar ? 1 : p.type == ParameterType::vec3 ? 3 : 4);
  }
  for (std::uint32_t i = 0; i < tl.shots.size(); ++i) {
    const Shot& shot = tl.shots[i];
    std::vector<std::uint32_t> path = shots;
    path.push_back(i);
    const double shot_offset = offset + shot.start - shot.trim_start;
    add_channels(seq, shot.timeline, path, cat(prefix, shot.name, "/"), shot_offset, shot.duration,
                 std::max(from, offset + shot.start), std::min(to, offset + shot.end()), out);
  }
}

std::int64_t frame_of(double t, FrameRate rate) { return FrameTime::nearest(t, rate).frame; }
// The last frame inside a timeline of `duration` seconds.
std::int64_t last_frame(double duration, FrameRate rate) { return FrameTime::at_or_before(duration, rate).frame; }

std::map<ChannelRef, std::vector<std::uint32_t>> by_channel(std::span<const KeyRef> keys) {
  std::map<ChannelRef, std::vector<std::uint32_t>> out;
  for (const KeyRef& k : keys) out[k.channel].push_back(k.index);
  for (auto& [channel, indices] : out) {
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
  }
  return out;
}

std::size_t size_of(const KeyList& keys) {
  return std::visit([](const auto& v) { return v.size(); }, keys);
}

// Applies `edit(key, curve, index)` to each listed key (curve: the channel as it was, for resolved slopes).
template <typename Fn>
KeyEdit edit_each(const Sequence& seq, std::span<const KeyRef> keys, std::string what, std::string merge_key,
                  Fn&& edit) {
  if (keys.empty()) return make_error(what, ": no keys selected");
  std::vector<EditKeys::Change> changes;
  for (const auto& [channel, indices] : by_channel(keys)) {
    auto before = channel_keys(seq, channel);
    if (!before) return make_error(what, ": ", before.error().message);
    if (indices.back() >= size_of(*before)) return make_error(what, ": no key ", indices.back(), " in the channel");
    KeyList after = *before;
    std::visit(
        [&](auto& list) {
          const Curve curve(list);
          for (std::uint32_t i : indices) edit(list[i], curve, i);
        },
        after);
    changes.push_back({channel, std::move(*before), std::move(after)});
  }
  return std::make_unique<EditKeys>(std::move(what), std::move(changes), std::move(merge_key));
}

}  // namespace

std::vector<ChannelInfo> list_channels(const Sequence& sequence) {
  std::vector<ChannelInfo> out;
  add_channels(sequence, sequence.timeline, {}, "", 0.0, sequence.duration, 0.0, sequence.duration, out);
  return out;
}

Result<KeyList> channel_keys(const Sequence& sequence, const ChannelRef& channel) {
  auto curve = find_curve(sequence, channel);
  if (!curve) return curve.error();
  return std::visit(
      [](auto* c) {
        using K = typename std::decay_t<decltype(c->keys())>::element_type;
        return KeyList(std::vector<std::remove_const_t<K>>(c->keys().begin(), c->keys().end()));
      },
      *curve);
}

Result<void> set_channel_keys(Sequence& sequence, const ChannelRef& channel, const KeyList& keys) {
  auto curve = find_curve(sequence, channel);
  if (!curve) return curve.error();
  return std::visit(
      [&](auto* c) -> Result<void> {
        using K = std::remove_const_t<typename std::decay_t<decltype(c->keys())>::element_type>;
        const auto* list = std::get_if<std::vector<K>>(&keys);
        if (!list) return make_error("keys of the wrong value type for the ", kind_name(channel.kind), " channel");
        c->set_keys(*list);
        return {};
      },
      *curve);
}

Result<ChannelCurve> ChannelCurve::of(const Sequence& sequence, const ChannelRef& channel) {
  auto curve = find_curve(sequence, channel);
  if (!curve) return curve.error();
  ChannelCurve out;
  std::visit([&](auto* c) { out.curve_ = c; }, *curve);
  return out;
}

int ChannelCurve::components() const {
  return std::visit([](auto* c) { return components_of<std::decay_t<decltype(c->evaluate(0.0))>>(); }, curve_);
}
std::size_t ChannelCurve::size() const { return std::visit([](auto* c) { return c->keys().size(); }, curve_); }
double ChannelCurve::time(std::size_t k) const { return std::visit([&](auto* c) { return c->keys()[k].time; }, curve_); }
float ChannelCurve::value(std::size_t k, int comp) const {
  return std::visit([&](auto* c) { auto v = c->keys()[k].value; return component(v, comp); }, curve_);
}
Interp ChannelCurve::interp(std::size_t k) const {
  return std::visit([&](auto* c) { return c->keys()[k].interp; }, curve_);
}
TangentMode ChannelCurve::tangent(std::size_t k) const {
  return std::visit([&](auto* c) { return c->keys()[k].tangent; }, curve_);
}
float ChannelCurve::in_slope(std::size_t k, int comp) const {
  return std::visit([&](auto* c) { auto v = c->in_slope(k); return component(v, comp); }, curve_);
}
float ChannelCurve::out_slope(std::size_t k, int comp) const {
  return std::visit([&](auto* c) { auto v = c->out_slope(k); return component(v, comp); }, curve_);
}
float ChannelCurve::evaluate(double t, int comp) const {
  return std::visit([&](auto* c) { auto v = c->evaluate(t); return component(v, comp); }, curve_);
}

Result<void> EditKeys::apply(Sequence& sequence, bool forward) {
  // Check every channel first so a failure changes nothing.
  for (const Change& c : changes_)
    if (auto found = find_curve(sequence, c.channel); !found) return make_error(what_, ": ", found.error().message);
  for (const Change& c : changes_)
    if (auto set = set_channel_keys(sequence, c.channel, forward ? c.after : c.before); !set)
      return make_error(what_, ": ", set.error().message);
  return {};
}

bool EditKeys::merge(const SequenceCommand& next) {
  const auto* other = dynamic_cast<const EditKeys*>(&next);
  if (!other || other->changes_.size() != changes_.size()) return false;
  for (std::size_t i = 0; i < changes_.size(); ++i)
    if (changes_[i].channel != other->changes_[i].channel) return false;
  for (std::size_t i = 0; i < changes_.size(); ++i) changes_[i].after = other->changes_[i].after;
  return true;
}

KeyEdit add_key(const Sequence& seq, const ChannelRef& channel, double time) {
  auto before = channel_keys(seq, channel);
  if (!before) return make_error("Add key: ", before.error().message);
  auto place = timeline_of(const_cast<Sequence&>(seq), channel);
  const std::int64_t frame = std::clamp<std::int64_t>(frame_of(time, seq.frame_rate), 0,
                                                      last_frame(place->duration, seq.frame_rate));
  const double t = seq.frame_time(frame);
  KeyList after = *before;
  Result<void> placed = std::visit(
      [&](auto& list) -> Result<void> {
        for (const auto& k : list)
          if (frame_of(k.time, seq.frame_rate) == frame) return make_error("Add key: a key is already on frame ", frame);
        using K = typename std::decay_t<decltype(list)>::value_type;
        K key;
        key.time = t;
        key.value = Curve(list).evaluate(t);
        auto at = std::find_if(list.begin(), list.end(), [&](const K& k) { return k.time > t; });
        list.insert(at, key);
        return {};
      },
      after);
  if (!placed) return placed.error();
  std::vector<EditKeys::Change> changes;
  changes.push_back({channel, std::move(*before), std::move(after)});
  return std::make_unique<EditKeys>("Add key", std::move(changes));
}

KeyEdit delete_keys(const Sequence& seq, std::span<const KeyRef> keys) {
  if (keys.empty()) return make_error("Delete keys: no keys selected");
  std::vector<EditKeys::Change> changes;
  for (const auto& [channel, indices] : by_channel(keys)) {
    auto before = channel_keys(seq, channel);
    if (!before) return make_error("Delete keys: ", before.error().message);
    const std::size_t n = size_of(*before);
    if (indices.back() >= n) return make_error("Delete keys: no key ", indices.back(), " in the channel");
    if (indices.size() == n) return make_error("Delete keys: a channel keeps at least one key (delete its track instead)");
    KeyList after = *before;
    std::visit(
        [&](auto& list) {
          for (auto it = indices.rbegin(); it != indices.rend(); ++it) list.erase(list.begin() + *it);
        },
        after);
    changes.push_back({channel, std::move(*before), std::move(after)});
  }
  return std::make_unique<EditKeys>("Delete keys", std::move(changes));
}

Result<MovedKeys> move_keys(const Sequence& start, std::span<const KeyRef> keys, double delta) {
  if (keys.empty()) return make_error("Move keys: no keys selected");
  const FrameRate rate = start.frame_rate;
  auto groups = by_channel(keys);
  // Whole frames, clamped so every moving key stays inside its timeline.
  std::int64_t df = frame_of(delta, rate);
  std::map<ChannelRef, KeyList> before;
  for (const auto& [channel, indices] : groups) {
    auto list = channel_keys(start, channel);
    if (!list) return make_error("Move keys: ", list.error().message);
    if (indices.back() >= size_of(*list)) return make_error("Move keys: no key ", indices.back(), " in the channel");
    const std::int64_t last = last_frame(timeline_of(const_cast<Sequence&>(start), channel)->duration, rate);
    std::visit(
        [&](const auto& l) {
          for (std::uint32_t i : indices) {
            const std::int64_t f = frame_of(l[i].time, rate);
            df = std::clamp(df, -f, last - f);
          }
        },
        *list);
    before.emplace(channel, std::move(*list));
  }

  MovedKeys out;
  std::map<KeyRef, KeyRef> moved_to;
  std::vector<EditKeys::Change> changes;
  for (const auto& [channel, indices] : groups) {
    const KeyList& old = before.at(channel);
    KeyList after = old;
    Result<void> done = std::visit(
        [&](auto& list) -> Result<void> {
          using K = typename std::decay_t<decltype(list)>::value_type;
          std::vector<std::pair<K, std::int64_t>> tagged;  // key, old index if moving else -1
          for (std::size_t i = 0; i < list.size(); ++i) {
            const bool moving = std::binary_search(indices.begin(), indices.end(), std::uint32_t(i));
            K k = list[i];
            if (moving) k.time = start.frame_time(frame_of(k.time, rate) + df);
            tagged.push_back({k, moving ? std::int64_t(i) : -1});
          }
          std::stable_sort(tagged.begin(), tagged.end(), [](auto& a, auto& b) { return a.first.time < b.first.time; });
          for (std::size_t i = 1; i < tagged.size(); ++i)
            if (frame_of(tagged[i].first.time, rate) == frame_of(tagged[i - 1].first.time, rate))
              return make_error("Move keys: another key is already on frame ", frame_of(tagged[i].first.time, rate));
          list.clear();
          for (std::size_t i = 0; i < tagged.size(); ++i) {
            list.push_back(tagged[i].first);
            if (tagged[i].second >= 0)
              moved_to[KeyRef{channel, std::uint32_t(tagged[i].second)}] = KeyRef{channel, std::uint32_t(i)};
          }
          return {};
        },
        after);
    if (!done) return done.error();
    changes.push_back({channel, old, std::move(after)});
  }
  for (const KeyRef& k : keys) out.keys.push_back(moved_to.at(k));
  out.delta = double(df) / rate.fps();
  out.command = std::make_unique<EditKeys>("Move keys", std::move(changes), "keys.move");
  return out;
}

KeyEdit set_interpolation(const Sequence& seq, std::span<const KeyRef> keys, Interp interp) {
  return edit_each(seq, keys, cat("Interpolation ", to_string(interp)), "",
                   [&](auto& key, const auto&, std::size_t) { key.interp = interp; });
}

KeyEdit set_tangent_mode(const Sequence& seq, std::span<const KeyRef> keys, TangentMode mode) {
  return edit_each(seq, keys, cat("Tangents ", to_string(mode)), "", [&](auto& key, const auto& curve, std::size_t i) {
    const bool explicit_before = key.tangent == TangentMode::user || key.tangent == TangentMode::broken;
    if (!explicit_before && (mode == TangentMode::user || mode == TangentMode::broken)) {
      key.in_slope = curve.in_slope(i);
      key.out_slope = curve.out_slope(i);
    }
    if (mode == TangentMode::broken && key.tangent == TangentMode::user) key.out_slope = key.in_slope;
    key.tangent = mode;
  });
}

KeyEdit set_key_value(const Sequence& seq, const KeyRef& key, int c, float value) {
  auto curve = ChannelCurve::of(seq, key.channel);
  if (!curve) return make_error("Key value: ", curve.error().message);
  if (c < 0 || c >= curve->components()) return make_error("Key value: no component ", c);
  const KeyRef one[] = {key};
  return edit_each(seq, one, "Key value", "keys.value",
                   [&](auto& k, const auto&, std::size_t) { component(k.value, c) = value; });
}

KeyEdit set_key_slope(const Sequence& seq, const KeyRef& key, int c, TangentSide side, float slope) {
  auto curve = ChannelCurve::of(seq, key.channel);
  if (!curve) return make_error("Key tangent: ", curve.error().message);
  if (c < 0 || c >= curve->components()) return make_error("Key tangent: no component ", c);
  const KeyRef one[] = {key};
  return edit_each(seq, one, "Key tangent", "keys.slope", [&](auto& k, const auto& resolved, std::size_t i) {
    if (k.tangent == TangentMode::broken) {
      component(side == TangentSide::in ? k.in_slope : k.out_slope, c) = slope;
      return;
    }
    if (k.tangent != TangentMode::user) k.in_slope = resolved.in_slope(i);
    k.tangent = TangentMode::user;
    component(k.in_slope, c) = slope;
  });
}

}  // namespace kagami::editor
