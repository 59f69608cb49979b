#include "kagami/sequencer/sequence.h"

#include <array>
#include <utility>

namespace kagami::sequencer {
namespace {

// One name table per enum, read both ways.
template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [e, name] : table)
    if (e == value) return name;
  return "?";
}
template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name) {
  for (const auto& [e, n] : table)
    if (n == name) return e;
  return std::nullopt;
}

constexpr std::array<std::pair<Interp, std::string_view>, 6> kInterps{{{Interp::constant, "constant"},
                                                                       {Interp::linear, "linear"},
                                                                       {Interp::cubic, "cubic"},
                                                                       {Interp::ease_in, "ease_in"},
                                                                       {Interp::ease_out, "ease_out"},
                                                                       {Interp::ease_in_out, "ease_in_out"}}};
constexpr std::array<std::pair<TangentMode, std::string_view>, 4> kTangents{{{TangentMode::automatic, "auto"},
                                                                             {TangentMode::auto_clamped, "auto_clamped"},
                                                                             {TangentMode::user, "user"},
                                                                             {TangentMode::broken, "broken"}}};
constexpr std::array<std::pair<EventKind, std::string_view>, 4> kEventKinds{
    {{EventKind::fade, "fade"}, {EventKind::flash, "flash"}, {EventKind::shake, "shake"}, {EventKind::custom, "custom"}}};
constexpr std::array<std::pair<ParameterType, std::string_view>, 3> kParameterTypes{
    {{ParameterType::scalar, "float"}, {ParameterType::vec3, "vec3"}, {ParameterType::color, "color"}}};

}  // namespace

glm::quat rotation_from_euler(const glm::vec3& e) {
  return glm::angleAxis(e.y, glm::vec3(0, 1, 0)) * glm::angleAxis(e.x, glm::vec3(1, 0, 0)) *
         glm::angleAxis(e.z, glm::vec3(0, 0, 1));
}

std::size_t Timeline::track_count() const {
  return camera_cuts.size() + transforms.size() + lenses.size() + animations.size() + look_ats.size() +
         events.size() + subtitles.size() + parameters.size() + streaming.size();
}

bool Timeline::operator==(const Timeline& o) const {
  return camera_cuts == o.camera_cuts && transforms == o.transforms && lenses == o.lenses &&
         animations == o.animations && look_ats == o.look_ats && events == o.events && subtitles == o.subtitles &&
         parameters == o.parameters && streaming == o.streaming && shots == o.shots;
}

std::optional<BindingIndex> Sequence::find_binding(std::string_view binding) const {
  for (std::size_t i = 0; i < bindings.size(); ++i)
    if (bindings[i].name == binding) return BindingIndex(i);
  return std::nullopt;
}

std::optional<std::uint32_t> Sequence::find_speaker(std::string_view id) const {
  for (std::size_t i = 0; i < speakers.size(); ++i)
    if (speakers[i].id == id) return std::uint32_t(i);
  return std::nullopt;
}

bool Sequence::operator==(const Sequence& o) const {
  return name == o.name && scene == o.scene && frame_rate == o.frame_rate && duration == o.duration &&
         bindings == o.bindings && speakers == o.speakers && timeline == o.timeline;
}

std::string_view to_string(Interp v) { return name_of(kInterps, v); }
std::string_view to_string(TangentMode v) { return name_of(kTangents, v); }
std::string_view to_string(EventKind v) { return name_of(kEventKinds, v); }
std::string_view to_string(ParameterType v) { return name_of(kParameterTypes, v); }
std::optional<Interp> interp_from_string(std::string_view n) { return parse(kInterps, n); }
std::optional<TangentMode> tangent_mode_from_string(std::string_view n) { return parse(kTangents, n); }
std::optional<EventKind> event_kind_from_string(std::string_view n) { return parse(kEventKinds, n); }
std::optional<ParameterType> parameter_type_from_string(std::string_view n) { return parse(kParameterTypes, n); }

}  // namespace kagami::sequencer
