#pragma once
// GPU timestamps: a query pool with room for `capacity` scopes per frame slot.
// Results for a slot are read once that slot's frame has retired, so reading
// never stalls the GPU.
#include <cstdint>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

namespace kagami::gpu {

class Device;

struct TimedScope {
  std::string name;
  double gpu_ms = 0.0;
};

class TimestampQueries {
 public:
  TimestampQueries(Device& device, std::uint32_t frame_slots, std::uint32_t capacity);
  ~TimestampQueries();
  TimestampQueries(const TimestampQueries&) = delete;
  TimestampQueries& operator=(const TimestampQueries&) = delete;

  // Call at the start of recording for `slot`, after that slot's previous frame has retired.
  // Returns the scopes measured the last time this slot was used.
  std::vector<TimedScope> begin_frame(VkCommandBuffer cmd, std::uint32_t slot);
  // Brackets a scope; scopes past the capacity are not timed.
  void begin_scope(VkCommandBuffer cmd, const std::string& name);
  void end_scope(VkCommandBuffer cmd);

 private:
  Device& device_;
  VkQueryPool pool_ = VK_NULL_HANDLE;
  std::uint32_t capacity_;
  double period_ns_;
  std::uint32_t slot_ = 0;
  std::vector<std::vector<std::string>> names_;  // per slot, scopes in order
  std::uint32_t open_index_ = 0;
};

}  // namespace kagami::gpu
