#include "kagami/asset/streaming_scheduler.h"

#include <algorithm>
#include <utility>

#include "kagami/core/log.h"

namespace kagami::asset {

const char* to_string(Residency r) {
  switch (r) {
    case Residency::unloaded: return "unloaded";
    case Residency::loading: return "loading";
    case Residency::resident: return "resident";
    case Residency::evicting: return "evicting";
  }
  return "?";
}

float camera_priority(float distance) { return 1.0f / (1.0f + std::max(distance, 0.0f) * 0.01f); }

StreamingScheduler::StreamingScheduler(StreamingBudget budget) : budget_(budget) {}

AssetKey StreamingScheduler::add_asset(std::string name, std::uint64_t bytes) {
  assets_.push_back(Asset{std::move(name), bytes});
  return AssetKey(assets_.size() - 1);
}

void StreamingScheduler::request(AssetKey key, float priority) {
  Asset& a = assets_[key];
  a.priority = std::max(a.priority, std::max(priority, 1e-6f));
}

void StreamingScheduler::release(AssetKey key) { assets_[key].released = true; }

void StreamingScheduler::on_load_finished(AssetKey key) {
  Asset& a = assets_[key];
  if (a.state == Residency::loading) a.cpu_ready = true;  // a cancelled load's late report is ignored
}

void StreamingScheduler::on_load_failed(AssetKey key, const Error& error) {
  Asset& a = assets_[key];
  if (a.state != Residency::loading) return;
  log::error("streaming ", a.name, ": ", error.message);
  a.error = error.message;
  committed_ -= a.bytes;
  a.state = Residency::unloaded;
  a.cpu_ready = false;
  a.uploaded = 0;
}

void StreamingScheduler::on_evicted(AssetKey key) {
  Asset& a = assets_[key];
  if (a.state != Residency::evicting) return;
  committed_ -= a.bytes;
  a.state = Residency::unloaded;
}

std::uint64_t StreamingScheduler::resident_bytes() const {
  std::uint64_t total = 0;
  for (const Asset& a : assets_)
    if (a.state == Residency::resident) total += a.bytes;
  return total;
}

void StreamingScheduler::evict(AssetKey key, StreamingActions& actions) {
  Asset& a = assets_[key];
  a.state = Residency::evicting;
  a.cpu_ready = false;
  a.uploaded = 0;
  actions.evict.push_back(key);
}

// Evicts resident assets nobody asked for this frame, least recently requested
// first, until `bytes` more fit. Evicting memory is still held, so a load that
// needs it waits for the next frames; returns whether it fits now.
bool StreamingScheduler::make_room(std::uint64_t bytes, float priority, std::uint64_t frame,
                                   StreamingActions& actions) {
  if (committed_ + bytes <= budget_.memory_bytes) return true;
  scratch_.clear();
  for (AssetKey k = 0; k < assets_.size(); ++k) {
    const Asset& a = assets_[k];
    if (a.state == Residency::resident && a.priority < priority && a.last_requested != frame) scratch_.push_back(k);
  }
  std::sort(scratch_.begin(), scratch_.end(), [this](AssetKey x, AssetKey y) {
    const Asset& a = assets_[x];
    const Asset& b = assets_[y];
    return a.last_requested != b.last_requested ? a.last_requested < b.last_requested : x < y;
  });
  std::uint64_t freeable = 0;
  for (AssetKey k : scratch_) freeable += assets_[k].bytes;
  std::uint64_t evicting_held = 0;
  for (const Asset& a : assets_)
    if (a.state == Residency::evicting) evicting_held += a.bytes;
  // Only evict when that (plus memory already on its way out) makes the load fit.
  if (committed_ - freeable - evicting_held + bytes > budget_.memory_bytes) return false;
  std::uint64_t need = committed_ + bytes - budget_.memory_bytes;
  std::uint64_t released = evicting_held;
  for (AssetKey k : scratch_) {
    if (released >= need) break;
    released += assets_[k].bytes;
    evict(k, actions);
  }
  return false;  // the evicted memory frees once its frames retire
}

StreamingActions StreamingScheduler::update(std::uint64_t frame) {
  StreamingActions actions;
  for (Asset& a : assets_)
    if (a.priority > 0.0f) {
      a.last_requested = frame;
      a.requested_ever = true;
    }

  // Released assets go now; loads that nobody has wanted for a while are cancelled.
  for (AssetKey k = 0; k < assets_.size(); ++k) {
    Asset& a = assets_[k];
    const bool released = std::exchange(a.released, false) && a.priority == 0.0f;
    if (released && a.state == Residency::resident) {
      evict(k, actions);
      continue;
    }
    if (a.state != Residency::loading || a.priority > 0.0f) continue;
    if (!released && frame - a.last_requested < budget_.cancel_after_frames) continue;
    if (a.uploaded > 0) {
      evict(k, actions);  // part of it is on the GPU already: free that the safe way
    } else {
      committed_ -= a.bytes;
      a.state = Residency::unloaded;
      a.cpu_ready = false;
      actions.cancel_loads.push_back(k);
    }
  }

  // Requests in priority order (ties: lower key first, so the order is deterministic).
  scratch_.clear();
  for (AssetKey k = 0; k < assets_.size(); ++k)
    if (assets_[k].priority > 0.0f) scratch_.push_back(k);
  std::vector<AssetKey> wanted = scratch_;
  std::sort(wanted.begin(), wanted.end(), [this](AssetKey x, AssetKey y) {
    return assets_[x].priority != assets_[y].priority ? assets_[x].priority > assets_[y].priority : x < y;
  });

  std::uint32_t in_flight = 0;
  for (const Asset& a : assets_)
    if (a.state == Residency::loading && !a.cpu_ready) ++in_flight;
  for (AssetKey k : wanted) {
    Asset& a = assets_[k];
    if (a.state != Residency::unloaded || in_flight >= budget_.max_concurrent_loads) continue;
    if (a.bytes > budget_.memory_bytes) {
      if (a.error.empty()) {
        a.error = "larger than the whole streaming memory budget";
        log::error("streaming ", a.name, ": ", a.error);
      }
      continue;
    }
    if (!make_room(a.bytes, a.priority, frame, actions)) break;  // keep priority order: nothing lower jumps ahead
    a.state = Residency::loading;
    a.cpu_ready = false;
    a.uploaded = 0;
    a.error.clear();
    committed_ += a.bytes;
    ++in_flight;
    actions.start_loads.push_back(k);
  }

  // This frame's upload budget, most urgent first; unrequested loads upload last.
  std::vector<AssetKey> uploading;
  for (AssetKey k = 0; k < assets_.size(); ++k)
    if (assets_[k].state == Residency::loading && assets_[k].cpu_ready) uploading.push_back(k);
  std::stable_sort(uploading.begin(), uploading.end(),
                   [this](AssetKey x, AssetKey y) { return assets_[x].priority > assets_[y].priority; });
  std::uint64_t budget = budget_.upload_bytes_per_frame;
  for (AssetKey k : uploading) {
    Asset& a = assets_[k];
    std::uint64_t n = std::min(budget, a.bytes - a.uploaded);
    if (n > 0) actions.uploads.push_back({k, a.uploaded, n});
    a.uploaded += n;
    budget -= n;
    if (a.uploaded == a.bytes) {
      a.state = Residency::resident;
      a.cpu_ready = false;
      actions.became_resident.push_back(k);
    }
    if (budget == 0) break;
  }

  for (Asset& a : assets_) a.priority = 0.0f;
  return actions;
}

}  // namespace kagami::asset
