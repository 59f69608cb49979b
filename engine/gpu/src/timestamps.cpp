#include "kagami/gpu/timestamps.h"

#include "kagami/gpu/check.h"
#include "kagami/gpu/device.h"

namespace kagami::gpu {

TimestampQueries::TimestampQueries(Device& device, std::uint32_t frame_slots, std::uint32_t capacity)
    : device_(device), capacity_(capacity), names_(frame_slots) {
  period_ns_ = device.context().properties().limits.timestampPeriod;
  VkQueryPoolCreateInfo info{VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO};
  info.queryType = VK_QUERY_TYPE_TIMESTAMP;
  info.queryCount = frame_slots * capacity * 2;
  KAGAMI_VK(vkCreateQueryPool(device.vk(), &info, nullptr, &pool_));
  device.debug().name(VK_OBJECT_TYPE_QUERY_POOL, pool_, "timestamps");
}

TimestampQueries::~TimestampQueries() {
  VkQueryPool pool = pool_;
  VkDevice vk = device_.vk();
  device_.retire([vk, pool] { vkDestroyQueryPool(vk, pool, nullptr); });
}

std::vector<TimedScope> TimestampQueries::begin_frame(VkCommandBuffer cmd, std::uint32_t slot) {
  slot_ = slot;
  std::vector<TimedScope> scopes;
  auto& names = names_[slot];
  if (!names.empty()) {
    std::vector<std::uint64_t> values(names.size() * 2 * 2);  // value + availability per query
    VkResult r = vkGetQueryPoolResults(device_.vk(), pool_, slot * capacity_ * 2, std::uint32_t(names.size() * 2),
                                       values.size() * sizeof(std::uint64_t), values.data(),
                                       2 * sizeof(std::uint64_t),
                                       VK_QUERY_RESULT_64_BIT | VK_QUERY_RESULT_WITH_AVAILABILITY_BIT);
    KAGAMI_VK(r);
    for (std::size_t i = 0; i < names.size(); ++i) {
      std::uint64_t begin = values[i * 4], end = values[i * 4 + 2];
      bool available = values[i * 4 + 1] && values[i * 4 + 3];
      scopes.push_back({names[i], available ? double(end - begin) * period_ns_ * 1e-6 : 0.0});
    }
  }
  names.clear();
  open_index_ = 0;
  vkCmdResetQueryPool(cmd, pool_, slot * capacity_ * 2, capacity_ * 2);
  return scopes;
}

void TimestampQueries::begin_scope(VkCommandBuffer cmd, const std::string& name) {
  auto& names = names_[slot_];
  open_index_ = std::uint32_t(names.size());
  if (open_index_ >= capacity_) return;
  names.push_back(name);
  vkCmdWriteTimestamp2(cmd, VK_PIPELINE_STAGE_2_TOP_OF_PIPE_BIT, pool_, (slot_ * capacity_ + open_index_) * 2);
}

void TimestampQueries::end_scope(VkCommandBuffer cmd) {
  if (open_index_ >= capacity_) return;
  vkCmdWriteTimestamp2(cmd, VK_PIPELINE_STAGE_2_BOTTOM_OF_PIPE_BIT, pool_, (slot_ * capacity_ + open_index_) * 2 + 1);
}

}  // namespace kagami::gpu
