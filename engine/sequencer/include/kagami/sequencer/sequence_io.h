#pragma once
// Sequence files: JSON, scenes/<name>.sequence.json.
//
//   {
//     "schema": "kagami.sequence",            required, exactly this
//     "version": 1,                           required; newer versions are refused
//     "name": "test_shot",
//     "scene": "tokyo_dome_city.json",        the scene it is written against (relative to this file)
//     "frame_rate": 24,                       a whole number, or [numerator, denominator] (30000/1001)
//     "duration": 12.0,                       seconds, > 0
//     "speakers": [ { "id": "len", "name": "Len", "color": [r, g, b] } ],
//     "bindings": [
//       { "name": "cam_a", "entity": "view_dome_to_wheel" },             a scene entity by name
//       { "name": "len", "character": "len", "entity": "len_01",         a character in the scene, or
//         "spawn": true, "outfit": "coat" }                              spawned when missing
//     ],                                      "entity" defaults to the binding's name
//     "tracks": [ TRACK, ... ],
//     "shots": [ { "name": "shot_010", "start": 0.0, "duration": 6.0,   placed at parent time `start`,
//                  "trim_start": 0.0, "trim_end": 6.0,                  playing local [trim_start, trim_end)
//                  "tracks": [ ... ], "shots": [ ... ] } ]              nested shots allowed (depth limit)
//   }
//
// TRACK is an object with "type" and an optional "name" (used in messages):
//   camera_cuts  "cuts": [ { "time": 0.0, "camera": BINDING, "blend": 0.5 } ]
//   transform    "binding", "translation": CURVE3 | "path": [ { "time": t, "position": [x, y, z] } ],
//                "rotation": CURVE3 (Euler [pitch, yaw, roll], radians)
//   camera       "binding", "fov_y": CURVE, "focus_distance": CURVE
//   animation    "binding", "sections": [ { "clip": "walk", "start": 0, "end": 4, "blend_in": 0.2,
//                "blend_out": 0.2, "play_rate": 1.0, "clip_start": 0.0, "loop": false } ]
//   look_at      "binding", "sections": [ { "start", "end", "blend", "target": BINDING | [x, y, z] } ]
//   events       "events": [ { "time": 1.0, "kind": "fade|flash|shake|custom", "name": "bell",
//                "duration": 0.5, "intensity": 1.0, "color": [r, g, b], "payload": ANY } ]
//   subtitles    "lines": [ { "speaker": SPEAKER_ID, "text": "...", "in": 1.0, "out": 3.5 } ]
//   parameter    "path": "snow.intensity", "value_type": "float|vec3|color", "keys": KEYS
//   streaming    "cues": [ { "location": "suidoubashi", "from": 10.0, "to": 40.0 } ]
// CURVE is { "keys": KEYS }; KEYS is [ { "time": t, "value": V, "interp": "constant|linear|cubic|
// ease_in|ease_out|ease_in_out", "tangent": "auto|auto_clamped|user|broken", "in": V, "out": V } ]
// (V a number, or 3 / 4 numbers for vec3 / color; interp defaults to cubic, tangent to
// auto_clamped; "in" is the slope for user and broken, "out" the out slope for broken).
//
// Times are seconds, snapped to the nearest frame on load; key times strictly
// increase; sections, lines and cues have from < to; everything lies in
// [0, duration] of its timeline. Every error is "file:line:column: field.path: what is wrong",
// with the track named by index and name ("tracks[3] (dolly).translation.keys[2].time").
// Unknown fields are logged as warnings with their location and ignored.
// Writing: fixed key order, defaults omitted, tracks grouped by type;
// save -> load -> save is byte-identical.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "kagami/core/json_reader.h"
#include "kagami/core/result.h"
#include "kagami/sequencer/sequence.h"

namespace kagami::sequencer {

inline constexpr std::string_view kSequenceSchema = "kagami.sequence";
inline constexpr int kSequenceVersion = 1;

struct SequenceLimits {
  JsonLimits json{16u << 20, 48};  // file size and nesting depth
  json_read::ReadLimits read;      // string length, warnings shown
  std::size_t max_bindings = 100'000;
  std::size_t max_tracks = 100'000;  // per timeline
  std::size_t max_items = 1'000'000;  // keys, cuts, sections, events, lines, cues per track
  std::size_t max_shots = 10'000;     // per timeline
  int max_shot_depth = 8;
  double max_duration = 24.0 * 3600.0;
};

Result<Sequence> parse_sequence(std::string_view text, std::string_view source_name, const SequenceLimits& limits = {});
// Also sets Sequence::source_path.
Result<Sequence> load_sequence(const std::filesystem::path& path, const SequenceLimits& limits = {});

std::string serialize_sequence(const Sequence& sequence);
// Refuses a sequence the reader would refuse (the message locates the problem
// in the text that would have been written); otherwise writes through
// write_file_atomic, keeping the previous file as <path>.bak.
Result<void> save_sequence(const Sequence& sequence, const std::filesystem::path& path);

}  // namespace kagami::sequencer
