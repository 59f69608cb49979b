// kagami_castgen: writes the cast (skinned glTF 2.0 characters on one shared
// skeleton) and the clip library under <out-root>/assets/characters/. The
// output depends only on this code (no randomness is needed), so two runs give
// byte-identical files.
//
//   kagami_castgen --out-root <repo root> [--check] [--compare DIR]
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "cast.h"
#include "check.h"
#include "clips.h"

namespace {

using namespace kagami;
using namespace kagami::castgen;
namespace fs = std::filesystem;

int usage(const char* why) {
  std::fprintf(stderr,
               "kagami_castgen: %s\n"
               "usage: kagami_castgen --out-root DIR [--check] [--compare COMMITTED_DIR]\n",
               why);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path out_root, compare;
  bool check = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--out-root" && i + 1 < argc) out_root = argv[++i];
    else if (arg == "--compare" && i + 1 < argc) compare = argv[++i];
    else if (arg == "--check") check = true;
    else return usage(("unknown or incomplete argument " + arg).c_str());
  }
  if (out_root.empty()) return usage("--out-root is required");
  const fs::path folder = out_root / "assets" / "characters";
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) {
    std::fprintf(stderr, "kagami_castgen: %s: %s\n", folder.string().c_str(), ec.message().c_str());
    return 1;
  }
  for (const CastEntry& entry : cast()) {
    const Body body = entry.build();
    auto written = write_gltf_skinned(&body.model(), body.weights(), skeleton(), {}, entry.id, folder);
    if (!written) {
      std::fprintf(stderr, "kagami_castgen: %s\n", written.error().message.c_str());
      return 1;
    }
    std::printf("%-16s %6zu triangles  %7ju bytes\n", entry.id, body.model().triangle_count(),
                written->gltf_bytes + written->bin_bytes);
  }
  auto clips = write_gltf_skinned(nullptr, {}, skeleton(), build_clips(), "clips", folder);
  if (!clips) {
    std::fprintf(stderr, "kagami_castgen: %s\n", clips.error().message.c_str());
    return 1;
  }
  std::printf("clips            %zu clips    %7ju bytes\n", clip_names().size(), clips->gltf_bytes + clips->bin_bytes);
  if (check) {
    auto report = check_cast(folder);
    if (!report) {
      std::fprintf(stderr, "kagami_castgen: check failed: %s\n", report.error().message.c_str());
      return 1;
    }
    std::printf("check: %zu files import on one %zu-joint skeleton, %zu clips\n", report->files, report->joints,
                report->clips);
  }
  if (!compare.empty()) {
    if (auto r = compare_folders(folder, compare); !r) {
      std::fprintf(stderr, "kagami_castgen: %s\n", r.error().message.c_str());
      return 1;
    }
    std::printf("compare: identical to %s\n", compare.string().c_str());
  }
  return 0;
}
