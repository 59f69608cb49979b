#include "kagami/sequencer/curve.h"

#include <algorithm>
#include <cmath>

namespace kagami::sequencer {
namespace {

// Per-component access so one set of rules serves floats, vectors and colours.
template <typename T>
constexpr int kComponents = T::length();
template <>
constexpr int kComponents<float> = 1;

template <typename T>
float& component(T& v, int i) { return v[i]; }
template <>
float& component<float>(float& v, int) { return v; }
template <typename T>
float component(const T& v, int i) { return v[i]; }
template <>
float component<float>(const float& v, int) { return v; }

// Fritsch-Butland: a weighted harmonic mean of the neighbouring secants, zero
// at a local extreme. It never exceeds three times the smaller secant, which is
// the Fritsch-Carlson condition for a monotone Hermite segment.
float clamped_slope(float d0, float d1, double h0, double h1) {
  if (!(d0 * d1 > 0.0f)) return 0.0f;
  double w0 = 2.0 * h1 + h0, w1 = h1 + 2.0 * h0;
  return static_cast<float>((w0 + w1) / (w0 / d0 + w1 / d1));
}

template <typename T>
void resolve(const std::vector<Key<T>>& keys, std::size_t i, T& in, T& out) {
  const Key<T>& k = keys[i];
  if (k.tangent == TangentMode::user) {
    in = out = k.in_slope;
    return;
  }
  if (k.tangent == TangentMode::broken) {
    in = k.in_slope;
    out = k.out_slope;
    return;
  }
  const std::size_t n = keys.size();
  const bool first = i == 0, last = i + 1 == n;
  T slope{};
  if (n > 1) {
    for (int c = 0; c < kComponents<T>; ++c) {
      float v = component(k.value, c);
      double h0 = first ? 0.0 : k.time - keys[i - 1].time;
      double h1 = last ? 0.0 : keys[i + 1].time - k.time;
      float d0 = first ? 0.0f : static_cast<float>((v - component(keys[i - 1].value, c)) / h0);
      float d1 = last ? 0.0f : static_cast<float>((component(keys[i + 1].value, c) - v) / h1);
      float s = 0.0f;
      if (k.tangent == TangentMode::auto_clamped) {
        s = (first || last) ? 0.0f : clamped_slope(d0, d1, h0, h1);
      } else if (first) {
        s = d1;
      } else if (last) {
        s = d0;
      } else {
        s = static_cast<float>((component(keys[i + 1].value, c) - component(keys[i - 1].value, c)) / (h0 + h1));
      }
      component(slope, c) = s;
    }
  }
  in = out = slope;
}

// A cubic Hermite segment; m0_dt and m1_dt are the end slopes times the segment's duration.
template <typename T>
T hermite(const T& v0, const T& m0_dt, const T& v1, const T& m1_dt, float u) {
  float u2 = u * u, u3 = u2 * u;
  float h00 = 2 * u3 - 3 * u2 + 1, h10 = u3 - 2 * u2 + u, h01 = -2 * u3 + 3 * u2, h11 = u3 - u2;
  return v0 * h00 + m0_dt * h10 + v1 * h01 + m1_dt * h11;
}

template <typename T>
T clamp_between(const T& v, const T& a, const T& b) {
  T out = v;
  for (int c = 0; c < kComponents<T>; ++c) {
    float lo = std::min(component(a, c), component(b, c)), hi = std::max(component(a, c), component(b, c));
    component(out, c) = std::clamp(component(v, c), lo, hi);
  }
  return out;
}

}  // namespace

float ease(Interp preset, float u) {
  switch (preset) {
    case Interp::ease_in: return u * u * u;
    case Interp::ease_out: {
      float r = 1.0f - u;
      return 1.0f - r * r * r;
    }
    case Interp::ease_in_out: {
      if (u < 0.5f) return 4.0f * u * u * u;
      float r = 2.0f - 2.0f * u;
      return 1.0f - r * r * r * 0.5f;
    }
    default: return u;
  }
}

template <typename T>
void Curve<T>::set_keys(std::vector<Key<T>> keys) {
  keys_ = std::move(keys);
  in_.assign(keys_.size(), T{});
  out_.assign(keys_.size(), T{});
  for (std::size_t i = 0; i < keys_.size(); ++i) resolve(keys_, i, in_[i], out_[i]);
  times_.resize(keys_.size());
  for (std::size_t i = 0; i < keys_.size(); ++i) times_[i] = keys_[i].time;
  segments_.clear();
  for (std::size_t i = 0; i + 1 < keys_.size(); ++i) {
    const Key<T>& a = keys_[i];
    const Key<T>& b = keys_[i + 1];
    const float dt = static_cast<float>(b.time - a.time);
    segments_.push_back(Segment{a.value, b.value, out_[i] * dt, in_[i + 1] * dt, a.interp,
                                a.tangent == TangentMode::auto_clamped && b.tangent == TangentMode::auto_clamped});
  }
}

template <typename T>
T Curve<T>::evaluate(double t) const {
  if (times_.empty()) return T{};
  if (t <= times_.front()) return keys_.front().value;
  if (t >= times_.back()) return keys_.back().value;
  const std::size_t i = std::size_t(std::upper_bound(times_.begin(), times_.end(), t) - times_.begin()) - 1;
  const Segment& s = segments_[i];
  const float u = static_cast<float>((t - times_[i]) / (times_[i + 1] - times_[i]));
  switch (s.interp) {
    case Interp::constant: return s.v0;
    case Interp::linear: return s.v0 + (s.v1 - s.v0) * u;
    case Interp::cubic: {
      T v = hermite(s.v0, s.m0_dt, s.v1, s.m1_dt, u);
      // Exact arithmetic keeps a clamped segment in range; this removes float rounding.
      return s.clamp ? clamp_between(v, s.v0, s.v1) : v;
    }
    default: return s.v0 + (s.v1 - s.v0) * ease(s.interp, u);
  }
}

template class Curve<float>;
template class Curve<glm::vec3>;
template class Curve<glm::vec4>;

}  // namespace kagami::sequencer
