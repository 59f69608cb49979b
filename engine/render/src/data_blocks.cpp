#include "kagami/render/data_blocks.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "kagami/render/particle_shader_types.h"

namespace kagami::render {
namespace {

// x in [0, period): a coordinate wrapped onto the tile.
float wrap(float x, float period) { return x - period * std::floor(x / period); }

// A unit cube, flat-shaded (24 vertices: each face its own normal).
asset::ModelData cube_model() {
  asset::ModelData model;
  model.source = "data block";
  asset::MeshData mesh;
  mesh.name = "data block";
  for (int axis = 0; axis < 3; ++axis)
    for (float sign : {-1.0f, 1.0f}) {
      glm::vec3 n(0.0f), u(0.0f), v(0.0f);
      n[axis] = sign;
      u[(axis + 1) % 3] = 1.0f;
      v[(axis + 2) % 3] = 1.0f;
      if (sign < 0.0f) std::swap(u, v);  // counter-clockwise seen from outside
      const auto first = std::uint32_t(mesh.positions.size());
      const glm::vec2 corners[4] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
      for (const glm::vec2& c : corners) {
        mesh.positions.push_back(0.5f * (n + c.x * u + c.y * v));
        mesh.normals.push_back(n);
        mesh.uv0.push_back(0.5f * (c + 1.0f));
      }
      for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) mesh.indices.push_back(first + i);
    }
  mesh.bounds = Aabb{glm::vec3(-0.5f), glm::vec3(0.5f)};
  model.meshes.push_back(std::move(mesh));
  asset::MaterialData material;
  material.name = "data block";
  material.base_color_factor = {0.02f, 0.06f, 0.07f, 1.0f};
  material.metallic_factor = 0.0f;
  material.roughness_factor = 0.35f;
  model.materials.push_back(material);
  model.instances.push_back({0, glm::mat4(1.0f), "data block"});
  model.bounds = model.meshes[0].bounds;
  return model;
}

}  // namespace

void place_data_blocks(const DataBlockSettings& s, float seconds, glm::vec3 eye, std::vector<DataBlock>& out) {
  out.clear();
  const float amount = std::clamp(s.amount, 0.0f, 1.0f);
  const auto shown = std::uint32_t(std::lround(double(s.count) * amount));
  const float extent = std::max(s.extent, 1.0f);
  const float band = std::max(s.max_height - s.min_height, 0.0f);
  for (std::uint32_t i = 0; i < shown; ++i) {
    // Each block's own random stream: where it started, how it drifts and tumbles.
    const std::uint32_t h = shader::fx_hash3(i, 0xDA7Au, s.seed);
    auto random = [&](std::uint32_t k) { return shader::fx_random(h, k); };
    const float heading = 6.2831853f * random(0);
    const float speed = s.speed * (0.25f + 0.75f * random(1));
    const glm::vec3 velocity(std::cos(heading) * speed, (random(2) - 0.5f) * 0.3f * speed, std::sin(heading) * speed);
    const glm::vec3 start(random(3) * extent, random(4) * band, random(5) * extent);
    const glm::vec3 p = start + velocity * seconds;
    // The tile around the eye: x and z wrap about it, height within the band.
    const float x = eye.x + wrap(p.x - eye.x + 0.5f * extent, extent) - 0.5f * extent;
    const float z = eye.z + wrap(p.z - eye.z + 0.5f * extent, extent) - 0.5f * extent;
    const float y = s.min_height + (band > 0.0f ? wrap(p.y, band) : 0.0f) +
                    0.4f * std::sin(seconds * (0.5f + random(6)) + 6.2831853f * random(7));  // a slow bob
    const glm::vec3 at(x, y, z);
    const float distance = glm::length(at - eye);
    const float near_fade = glm::smoothstep(2.0f, 6.0f, distance);
    const float size = glm::mix(s.min_size, s.max_size, random(8) * random(8)) * near_fade;  // mostly small
    if (size <= 0.0f) continue;
    const glm::vec3 axis = glm::normalize(glm::vec3(random(9), random(10), random(11)) - 0.5f + glm::vec3(0.0f, 1e-3f, 0.0f));
    const float angle = 6.2831853f * random(12) + seconds * (0.1f + 0.3f * random(13));
    DataBlock block;
    block.world = glm::scale(glm::rotate(glm::translate(glm::mat4(1.0f), at), angle, axis), glm::vec3(size));
    block.brightness = 0.35f + 0.65f * random(14);
    out.push_back(block);
  }
}

DataBlocks::DataBlocks(gpu::Device& device) : device_(device), cube_(upload_model(device, cube_model())) {}

DataBlocks::~DataBlocks() { release_model(device_, cube_); }

void DataBlocks::add_draws(const DataBlockSettings& settings, float seconds, glm::vec3 eye, std::vector<DrawItem>& out) {
  out.clear();
  place_data_blocks(settings, seconds, eye, blocks_);
  const GpuMesh& mesh = cube_.meshes[0];
  for (const DataBlock& block : blocks_) {
    DrawItem item;
    item.mesh = &mesh;
    item.material = cube_.materials[0];
    item.material.emissive = settings.glow * block.brightness;
    item.world = block.world;
    item.world_bounds = transform_aabb(mesh.bounds, block.world);
    out.push_back(item);
  }
}

}  // namespace kagami::render
