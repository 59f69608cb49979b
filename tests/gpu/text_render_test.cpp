// Engine text on a real device: glyphs land where the layout puts them, in
// their colour, with an outline, blended over what is already there.
#include "gpu_fixture.h"
#include "kagami/render/forward_renderer.h"
#include "kagami/render/readback.h"
#include "kagami/render/text_renderer.h"

namespace kagami {
namespace {

class TextRenderTest : public testing::GpuTest {
 protected:
  static constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_SRGB;

  // Clears a target to `clear`, lets `queue` add text, and reads it back.
  template <typename Queue>
  ImageRgba8 render(VkExtent2D extent, glm::vec4 clear, Queue&& queue) {
    auto text = render::TextRenderer::create(*device, kFormat);
    EXPECT_TRUE(text.ok()) << text.error().message;
    if (!text) return {};
    queue(**text);
    gpu::Image color = render::create_color_target(*device, kFormat, extent, "text target");
    render::Readback readback = render::make_readback(*device, kFormat, extent);
    render::FrameTarget target{color.handle, color.view, kFormat, extent};
    target.initial = {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
    target.final_state = {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE};
    render::FrameGraph frame;
    render::GraphExecutor executor(*device);
    graph::TextureHandle image = render::import_target(frame, target, clear);
    image = (*text)->add_pass(frame, 0, image);
    render::add_readback_pass(frame, image, readback);
    Result<void> executed;
    device->run_now([&](VkCommandBuffer cmd) { executed = executor.execute(frame, cmd, 0); });
    EXPECT_TRUE(executed.ok()) << executed.error().message;
    device->retire(color);
    auto pixels = render::finish_readback(*device, readback);
    EXPECT_TRUE(pixels.ok());
    return pixels.ok() ? *pixels : ImageRgba8{};
  }
};

int brightness(const ImageRgba8& image, int x, int y) {
  const std::uint8_t* p = &image.pixels[(std::size_t(y) * image.width + x) * 4];
  return p[0] + p[1] + p[2];
}

// The bounding box of pixels brighter than `threshold`.
struct Ink {
  int min_x = 1 << 30, min_y = 1 << 30, max_x = -1, max_y = -1, count = 0;
};
Ink find_ink(const ImageRgba8& image, int threshold) {
  Ink ink;
  for (int y = 0; y < int(image.height); ++y)
    for (int x = 0; x < int(image.width); ++x)
      if (brightness(image, x, y) > threshold) {
        ink = {std::min(ink.min_x, x), std::min(ink.min_y, y), std::max(ink.max_x, x), std::max(ink.max_y, y), ink.count + 1};
      }
  return ink;
}

TEST_F(TextRenderTest, GlyphsAppearWhereTheLayoutPutsThem) {
  glm::vec2 size;
  ImageRgba8 image = render({320, 120}, {0.02f, 0.02f, 0.03f, 1.0f}, [&](render::TextRenderer& text) {
    render::TextStyle style;
    style.size = 40.0f;
    size = text.add("Kagami", {160.0f, 30.0f}, style);
  });
  ASSERT_TRUE(write_png(std::filesystem::path(KAGAMI_TEST_OUTPUT_DIR) / "text_kagami.png", image).ok());
  Ink ink = find_ink(image, 3 * 128);
  ASSERT_GT(ink.count, 300) << "white text on a dark target";
  // Centred on x = 160, inside the laid-out block that starts at y = 30.
  EXPECT_NEAR((ink.min_x + ink.max_x) * 0.5, 160.0, 4.0);
  EXPECT_GE(ink.min_y, 30);
  EXPECT_LE(ink.max_y, 30 + int(size.y));
  // Ink is the block's width less the side bearings of the first and last glyphs.
  EXPECT_LE(ink.max_x - ink.min_x, size.x);
  EXPECT_GT(ink.max_x - ink.min_x, 0.85 * size.x);
  // Far from the text the clear colour (0.02 linear, about 39 in sRGB) is untouched.
  EXPECT_LT(brightness(image, 5, 110), 3 * 45);
}

TEST_F(TextRenderTest, OutlinesDarkenAroundTheGlyphsOnALightBackground) {
  auto draw = [&](glm::vec4 outline) {
    return render({200, 80}, {0.8f, 0.8f, 0.8f, 1.0f}, [&](render::TextRenderer& text) {
      render::TextStyle style;
      style.size = 36.0f;
      style.color = {1.0f, 0.85f, 0.1f, 1.0f};  // Len's yellow
      style.outline = outline;
      text.add("Len", {100.0f, 15.0f}, style);
    });
  };
  ImageRgba8 plain = draw({0.0f, 0.0f, 0.0f, 0.0f});
  ImageRgba8 outlined = draw({0.0f, 0.0f, 0.0f, 1.0f});
  ASSERT_TRUE(write_png(std::filesystem::path(KAGAMI_TEST_OUTPUT_DIR) / "text_outlined.png", outlined).ok());
  auto dark_pixels = [](const ImageRgba8& image) {
    int n = 0;
    for (std::size_t i = 0; i < image.pixels.size(); i += 4)
      n += image.pixels[i] + image.pixels[i + 1] + image.pixels[i + 2] < 3 * 80;
    return n;
  };
  EXPECT_EQ(dark_pixels(plain), 0) << "yellow on light grey has no dark pixels";
  EXPECT_GT(dark_pixels(outlined), 100) << "the black outline rings every glyph";
}

TEST_F(TextRenderTest, NothingQueuedAddsNoPass) {
  auto text = render::TextRenderer::create(*device, kFormat);
  ASSERT_TRUE(text.ok());
  render::FrameGraph frame;
  graph::TextureHandle before = frame.import_texture("t", {}, {});
  EXPECT_EQ((*text)->add_pass(frame, 0, before), before);
  EXPECT_TRUE(frame.graph().passes().empty());
}

}  // namespace
}  // namespace kagami
