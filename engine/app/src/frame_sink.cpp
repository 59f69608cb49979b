#include "frame_sink.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "kagami/core/log.h"
#include "kagami/core/strings.h"

namespace kagami::app {
namespace {

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

class PngFolder final : public FrameSink {
 public:
  explicit PngFolder(std::filesystem::path folder) : folder_(std::move(folder)) {}
  Result<void> write(unsigned frame, const ImageRgba8& image) override {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%06u.png", frame);
    return write_png(folder_ / name, image);
  }
  Result<void> finish() override { return {}; }
  std::filesystem::path location() const override { return folder_; }

 private:
  std::filesystem::path folder_;
};

// Raw RGBA frames piped into ffmpeg; the file appears under its name only
// once the encoder has finished cleanly.
class Mp4 final : public FrameSink {
 public:
  Mp4(std::filesystem::path out, FILE* pipe, std::filesystem::path partial)
      : out_(std::move(out)), pipe_(pipe), partial_(std::move(partial)) {}
  ~Mp4() override {
    if (pipe_) pclose(pipe_);
  }
  Result<void> write(unsigned, const ImageRgba8& image) override {
    if (std::fwrite(image.pixels.data(), 1, image.pixels.size(), pipe_) != image.pixels.size())
      return make_error(out_.string(), ": ffmpeg stopped taking frames");
    return {};
  }
  Result<void> finish() override {
    const int status = pclose(pipe_);
    pipe_ = nullptr;
    if (status != 0) return make_error(out_.string(), ": ffmpeg failed (exit status ", status, ")");
    std::error_code ec;
    std::filesystem::rename(partial_, out_, ec);
    if (ec) return make_error(out_.string(), ": ", ec.message());
    return {};
  }
  std::filesystem::path location() const override { return out_; }

 private:
  std::filesystem::path out_;
  FILE* pipe_;
  std::filesystem::path partial_;
};

}  // namespace

bool ffmpeg_available() { return std::system("command -v ffmpeg >/dev/null 2>&1") == 0; }

Result<std::unique_ptr<FrameSink>> open_frame_sink(const std::filesystem::path& out, int width, int height,
                                                   unsigned fps) {
  std::error_code ec;
  if (out.extension() == ".mp4" && ffmpeg_available()) {
    if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path(), ec);
    if (ec) return make_error(out.string(), ": cannot create its folder: ", ec.message());
    std::filesystem::path partial = out;
    partial += ".partial.mp4";
    const std::string command =
        cat("ffmpeg -y -loglevel error -f rawvideo -pix_fmt rgba -s ", width, "x", height, " -framerate ", fps,
            " -i - -c:v libx264 -preset medium -crf 18 -pix_fmt yuv420p -movflags +faststart '", partial.string(), "'");
    FILE* pipe = popen(command.c_str(), "w");
    if (!pipe) return make_error(out.string(), ": could not start ffmpeg");
    return std::unique_ptr<FrameSink>(new Mp4(out, pipe, partial));
  }
  std::filesystem::path folder = out;
  if (out.extension() == ".mp4") {
    folder.replace_extension();
    log::warn("ffmpeg is not installed: writing PNG frames to ", folder.string(), " instead of ", out.string(),
              " (apt-get install ffmpeg for video)");
  }
  std::filesystem::create_directories(folder, ec);
  if (ec) return make_error(folder.string(), ": cannot create the output folder: ", ec.message());
  return std::unique_ptr<FrameSink>(new PngFolder(folder));
}

ProgressLine::ProgressLine(const char* label, unsigned total)
    : label_(label), total_(total), start_(now_seconds()), tty_(isatty(STDERR_FILENO)) {}

void ProgressLine::frame_done() {
  ++done_;
  const double elapsed = now_seconds() - start_;
  const double fps = elapsed > 0.0 ? done_ / elapsed : 0.0;
  const unsigned left = fps > 0.0 ? unsigned((total_ - done_) / fps) : 0;
  const unsigned decile = total_ ? done_ * 10 / total_ : 10;
  if (!tty_ && decile == last_decile_ && done_ != total_) return;
  last_decile_ = decile;
  std::fprintf(stderr, "%s%s %5u/%u frames  %5.2f fps  %u:%02u left%s", tty_ ? "\r" : "", label_, done_, total_, fps,
               left / 60, left % 60, tty_ ? "   " : "\n");
  std::fflush(stderr);
}

void ProgressLine::finish() {
  if (tty_) std::fprintf(stderr, "\n");
}

}  // namespace kagami::app
