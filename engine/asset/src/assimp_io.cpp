// LimitedIOSystem: the only way Assimp reaches the file system during an import.
#include <assimp/IOStream.hpp>

#include "assimp_bridge.h"

namespace kagami::asset::detail {
namespace fs = std::filesystem;

namespace {

// Forwards to the real stream and tells the IO system when it goes away.
class TrackedStream final : public Assimp::IOStream {
 public:
  TrackedStream(Assimp::IOStream* inner, LimitedIOSystem* owner) : inner_(inner), owner_(owner) {}
  ~TrackedStream() override {
    owner_->forget(this);
    delete inner_;
  }
  size_t Read(void* buffer, size_t size, size_t count) override { return inner_->Read(buffer, size, count); }
  size_t Write(const void* buffer, size_t size, size_t count) override { return inner_->Write(buffer, size, count); }
  aiReturn Seek(size_t offset, aiOrigin origin) override { return inner_->Seek(offset, origin); }
  size_t Tell() const override { return inner_->Tell(); }
  size_t FileSize() const override { return inner_->FileSize(); }
  void Flush() override { inner_->Flush(); }

 private:
  Assimp::IOStream* inner_;
  LimitedIOSystem* owner_;
};

}  // namespace

LimitedIOSystem::~LimitedIOSystem() {
  // Whatever the importer leaked. Each destructor calls forget(), so iterate on a copy.
  const std::set<Assimp::IOStream*> leaked = open_;
  for (Assimp::IOStream* stream : leaked) delete stream;
}

Assimp::IOStream* LimitedIOSystem::Open(const char* file, const char* mode) {
  if (!file) return nullptr;
  const std::string_view m = mode ? mode : "rb";
  if (m.find_first_of("wa+") != std::string_view::npos) {
    refusals_.push_back(cat("the importer tried to open \"", file, "\" for writing"));
    return nullptr;
  }
  std::error_code ec;
  const fs::path p(file);
  const fs::file_status status = fs::status(p, ec);
  if (!fs::exists(status)) return nullptr;  // the importer reports the missing file by name
  if (!fs::is_regular_file(status)) {
    refusals_.push_back(cat("\"", file, "\" is not a regular file"));
    return nullptr;
  }
  const std::uintmax_t size = fs::file_size(p, ec);
  if (!ec && size > max_file_bytes_) {
    refusals_.push_back(cat("\"", file, "\" is ", size, " bytes, over the limit of ", max_file_bytes_));
    return nullptr;
  }
  Assimp::IOStream* inner = Assimp::DefaultIOSystem::Open(file, mode);
  if (!inner) return nullptr;
  auto* stream = new TrackedStream(inner, this);
  open_.insert(stream);
  return stream;
}

void LimitedIOSystem::Close(Assimp::IOStream* stream) { delete stream; }

bool LimitedIOSystem::Exists(const char* file) const {
  std::error_code ec;
  return file && fs::is_regular_file(fs::path(file), ec);
}

}  // namespace kagami::asset::detail
