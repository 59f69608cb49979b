#pragma once
// Shared by the sequencer tests: sequences written as JSON text (what an
// author writes), parsed, and refusals checked by message.
#include <gtest/gtest.h>

#include <string>

#include "kagami/sequencer/evaluate.h"
#include "kagami/sequencer/sequence_io.h"
#include "scene_test_support.h"

namespace kagami::sequencer::test {

using scene::test::WarningCapture;
namespace fs = std::filesystem;

inline const fs::path kSequences = fs::path(KAGAMI_SOURCE_DIR) / "tests" / "data" / "sequences";

// A 24 fps, 10 s sequence with cameras cam_a/cam_b/cam_c, entity "lamp", character "len"
// and speakers len/rin, plus `body` (tracks, shots: JSON members starting with a comma).
inline std::string sequence_text(const std::string& body, double duration = 10.0) {
  return cat(R"({
  "schema": "kagami.sequence", "version": 1, "name": "t", "frame_rate": 24, "duration": )", duration, R"(,
  "speakers": [ { "id": "len", "name": "Len", "color": [0.2, 0.6, 1.0] }, { "id": "rin", "name": "Rin", "color": [1.0, 0.8, 0.1] } ],
  "bindings": [ { "name": "cam_a" }, { "name": "cam_b" }, { "name": "cam_c" }, { "name": "lamp" },
                { "name": "len", "character": "len", "spawn": true } ])",
             body, "\n}\n");
}

inline Sequence parse_ok(const std::string& text) {
  WarningCapture quiet;
  auto seq = parse_sequence(text, "test.sequence.json");
  EXPECT_TRUE(seq.ok()) << (seq.ok() ? "" : seq.error().message) << "\n" << text;
  return seq.ok() ? std::move(*seq) : Sequence{};
}

inline std::string refusal(const std::string& text) {
  WarningCapture quiet;
  auto seq = parse_sequence(text, "test.sequence.json");
  EXPECT_FALSE(seq.ok()) << "accepted:\n" << text;
  return seq.ok() ? std::string{} : seq.error().message;
}

}  // namespace kagami::sequencer::test
