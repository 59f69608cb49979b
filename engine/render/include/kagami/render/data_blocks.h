#pragma once
// The data world's drifting data blocks: a few hundred glowing cubes floating
// slowly around the camera, each tumbling, placed as a pure function of (time,
// seed, camera position) and drawn as ordinary lit, emissive draws of the mesh
// pass (so they shade, fog, bloom and pulse with the grid like the scenery).
// The field tiles space: a block leaving the box around the camera comes back
// in on the far side, out in the fog.
#include <cstdint>
#include <vector>

#include "kagami/gpu/device.h"
#include "kagami/render/draw_list.h"

namespace kagami::render {

struct DataBlockSettings {
  float amount = 0.0f;          // 0..1: the share of `count` shown (0: none)
  std::uint32_t count = 240;    // blocks at amount 1
  std::uint32_t seed = 1;
  float extent = 120.0f;        // side of the square the field tiles, centred on the camera (m)
  float min_height = 1.5f, max_height = 36.0f;  // the band they float in (world y, m)
  float min_size = 0.35f, max_size = 2.2f;      // cube edge (m)
  float speed = 0.8f;           // the fastest drift (m/s)
  glm::vec3 glow{0.4f, 3.8f, 3.4f};  // emitted radiance at full brightness (the data world's teal, as bright as its grid)
};

struct DataBlock {
  glm::mat4 world{1.0f};  // a unit cube (-0.5..0.5) -> world
  float brightness = 1.0f;  // scales DataBlockSettings::glow
};

// The blocks at `seconds` around `eye`, into `out` (cleared first). Blocks
// closer to the eye than a few metres shrink away rather than fill the view.
void place_data_blocks(const DataBlockSettings& settings, float seconds, glm::vec3 eye, std::vector<DataBlock>& out);

// The cube the blocks are drawn with, and their draws.
class DataBlocks {
 public:
  explicit DataBlocks(gpu::Device& device);
  ~DataBlocks();
  DataBlocks(const DataBlocks&) = delete;
  DataBlocks& operator=(const DataBlocks&) = delete;

  // One draw per block into `out` (cleared first); they point at the cube,
  // which lives as long as this object.
  void add_draws(const DataBlockSettings& settings, float seconds, glm::vec3 eye, std::vector<DrawItem>& out);

 private:
  gpu::Device& device_;
  GpuModel cube_;
  std::vector<DataBlock> blocks_;
};

}  // namespace kagami::render
