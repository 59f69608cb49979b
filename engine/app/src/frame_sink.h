#pragma once
// Where an offline render's frames go: a folder of PNGs named by absolute
// frame number (so renders of separate ranges drop into one folder and join),
// or an MP4 encoded by the ffmpeg command when it is installed.
#include <filesystem>
#include <memory>

#include "kagami/core/image.h"
#include "kagami/core/result.h"

namespace kagami::app {

class FrameSink {
 public:
  virtual ~FrameSink() = default;
  virtual Result<void> write(unsigned frame, const ImageRgba8& image) = 0;
  // Completes the output (closes the encoder, renames into place).
  virtual Result<void> finish() = 0;
  // What the user should open, for the closing message.
  virtual std::filesystem::path location() const = 0;
};

bool ffmpeg_available();

// `out` ending in .mp4 encodes with ffmpeg at `fps`; without ffmpeg it falls
// back to a PNG folder beside it (OUT without the extension) and says so.
// Anything else is a folder of PNGs.
Result<std::unique_ptr<FrameSink>> open_frame_sink(const std::filesystem::path& out, int width, int height, unsigned fps);

// One line on stderr that keeps itself up to date: frames done, frames per
// second, time left. On a terminal it redraws in place; otherwise it prints a
// line every tenth of the way.
class ProgressLine {
 public:
  ProgressLine(const char* label, unsigned total);
  void frame_done();
  void finish();

 private:
  const char* label_;
  unsigned total_, done_ = 0, last_decile_ = 0;
  double start_;
  bool tty_;
};

}  // namespace kagami::app
