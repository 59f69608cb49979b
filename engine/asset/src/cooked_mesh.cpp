// Mesh optimisation for the cooked format (meshoptimizer 0.18).
#include <meshoptimizer.h>

#include "cooked_cook.h"

namespace kagami::asset::detail {

OptimisedMesh optimise_mesh(const MeshData& mesh, float overdraw_threshold) {
  OptimisedMesh out;
  const std::size_t index_count = mesh.indices.size();
  const std::size_t vertex_count = mesh.vertex_count();
  if (index_count == 0 || vertex_count == 0) return out;  // nothing drawn: nothing kept

  // Post-transform cache first; overdraw reorders clusters of that order
  // (meshoptimizer requires its input to be cache-optimised); fetch last, since
  // it renumbers vertices in the final index order.
  std::vector<std::uint32_t> cache_order(index_count);
  meshopt_optimizeVertexCache(cache_order.data(), mesh.indices.data(), index_count, vertex_count);
  out.indices.resize(index_count);
  meshopt_optimizeOverdraw(out.indices.data(), cache_order.data(), index_count, &mesh.positions[0].x, vertex_count,
                           sizeof(glm::vec3), overdraw_threshold);

  std::vector<std::uint32_t> remap(vertex_count);
  const std::size_t kept = meshopt_optimizeVertexFetchRemap(remap.data(), out.indices.data(), index_count, vertex_count);
  meshopt_remapIndexBuffer(out.indices.data(), out.indices.data(), index_count, remap.data());

  // Interleave straight into the new order (remap is ~0u for unused vertices).
  out.vertices.resize(kept);
  const bool tangents = !mesh.tangents.empty();
  if (tangents) out.tangents.resize(kept);
  for (std::size_t v = 0; v < vertex_count; ++v) {
    const std::uint32_t to = remap[v];
    if (to == ~0u) continue;
    out.vertices[to] = CookedVertex{mesh.positions[v], mesh.normals[v], mesh.uv0[v]};
    if (tangents) out.tangents[to] = mesh.tangents[v];
  }
  return out;
}

}  // namespace kagami::asset::detail
