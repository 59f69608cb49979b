#pragma once
// Every GPU test runs on a real Vulkan device (lavapipe in CI) with the
// Khronos validation layer and synchronization validation on. A missing
// device fails the test; any validation message of error severity fails it.
#include <gtest/gtest.h>

#include <memory>

#include "kagami/gpu/device.h"

namespace kagami::testing {

class GpuTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gpu::ContextOptions options;
    options.app_name = "kagami-gpu-test";
    options.validation = true;
    auto created = gpu::Device::create(options);
    ASSERT_TRUE(created.ok()) << created.error().message;
    device = std::move(*created);
  }

  void TearDown() override {
    if (!device) return;
    device->wait_idle();
    const auto& log = device->context().validation_log();
    EXPECT_EQ(log.error_count(), 0) << log.error_report();
    device.reset();
  }

  std::unique_ptr<gpu::Device> device;
};

}  // namespace kagami::testing
