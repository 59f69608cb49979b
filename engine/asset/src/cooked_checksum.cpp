// The three checksums of a cooked file (see CookedFileHeader). Written by
// cook_model through seal_cooked_file and recomputed by the reader; both use
// these functions, so what is covered is defined once.
#include <cstring>

#include "kagami/asset/cooked_model.h"
#include "kagami/core/content_hash.h"

namespace kagami::asset {
namespace {

bool read_header(std::span<const std::uint8_t> bytes, CookedFileHeader& header) {
  if (bytes.size() < sizeof header) return false;
  std::memcpy(&header, bytes.data(), sizeof header);
  return true;
}

}  // namespace

std::uint64_t cooked_header_checksum(std::span<const std::uint8_t> bytes) {
  return content_hash64(bytes.first(std::min(bytes.size(), offsetof(CookedFileHeader, header_checksum))));
}

std::uint64_t cooked_payload_checksum(std::span<const std::uint8_t> bytes) {
  return bytes.size() < sizeof(CookedFileHeader) ? 0 : content_hash64(bytes.subspan(sizeof(CookedFileHeader)));
}

// The table's bytes, then each non-bulk section's bytes in table order, each
// hash seeding the next. Entries outside the bytes (a damaged table) add nothing.
std::uint64_t cooked_metadata_checksum(std::span<const std::uint8_t> bytes) {
  CookedFileHeader header;
  if (!read_header(bytes, header)) return 0;
  const std::uint64_t count = std::min<std::uint64_t>(header.section_count, kCookedMaxSections);
  const std::uint64_t table_bytes = count * sizeof(CookedSectionEntry);
  if (header.section_table_offset > bytes.size() || table_bytes > bytes.size() - header.section_table_offset) return 0;
  std::uint64_t h = content_hash64(bytes.subspan(header.section_table_offset, table_bytes));
  for (std::uint64_t i = 0; i < count; ++i) {
    CookedSectionEntry e;
    std::memcpy(&e, bytes.data() + header.section_table_offset + i * sizeof e, sizeof e);
    if (is_bulk_section(e.kind) || e.offset > bytes.size() || e.bytes > bytes.size() - e.offset) continue;
    h = content_hash64(bytes.subspan(e.offset, e.bytes), h);
  }
  return h;
}

void seal_cooked_file(std::span<std::uint8_t> bytes) {
  CookedFileHeader header;
  if (!read_header(bytes, header)) return;
  header.metadata_checksum = cooked_metadata_checksum(bytes);
  header.payload_checksum = cooked_payload_checksum(bytes);
  std::memcpy(bytes.data(), &header, sizeof header);
  header.header_checksum = cooked_header_checksum(bytes);
  std::memcpy(bytes.data(), &header, sizeof header);
}

}  // namespace kagami::asset
