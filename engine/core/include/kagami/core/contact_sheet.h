#pragma once
// A contact sheet: one small frame per shot on a grid, so a whole film can be
// judged at a glance from one PNG.
#include <array>
#include <span>

#include "kagami/core/image.h"

namespace kagami {

// Box-filters `image` down to `width` pixels wide, keeping its aspect ratio
// (never enlarges: a narrower image comes back as it is).
ImageRgba8 shrink_image(const ImageRgba8& image, int width);

// Lays `frames` out left to right, top to bottom, `columns` to a row, each
// shrunk to `thumb_width`, separated and framed by `gap` pixels of `background`.
ImageRgba8 make_contact_sheet(std::span<const ImageRgba8> frames, int columns, int thumb_width, int gap = 8,
                              std::array<std::uint8_t, 4> background = {16, 16, 20, 255});

}  // namespace kagami
