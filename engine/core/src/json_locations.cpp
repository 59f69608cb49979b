#include "kagami/core/json_locations.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <unordered_set>

#include "kagami/core/file_io.h"

namespace kagami {
namespace {

// An input iterator over the text that publishes how far nlohmann's lexer has
// read. The SAX callbacks receive no positions in nlohmann 3.11, but each one
// fires right after its token was scanned, so "how much was read" plus a short
// look back at the text gives where the token started.
class TrackingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator(const char* p, const char** cursor) : p_(p), cursor_(cursor) {}
  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    *cursor_ = ++p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const TrackingIterator& other) const { return p_ == other.p_; }
  bool operator!=(const TrackingIterator& other) const { return p_ != other.p_; }

 private:
  const char* p_;
  const char** cursor_;
};

bool is_number_char(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

std::string clean_library_message(std::string what) {
  // "[json.exception.parse_error.101] parse error at line 3, column 8: syntax error ..." -> "syntax error ..."
  if (what.starts_with("[json.exception")) {
    auto close = what.find("] ");
    if (close != std::string::npos) what = what.substr(close + 2);
  }
  if (what.starts_with("parse error")) {
    auto colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
  }
  return what;
}

}  // namespace

// Builds the document and its location tables from SAX events.
class LocatingSaxParser {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  LocatingSaxParser(std::string_view text, const char* const* cursor, LocatedJson& out, int max_depth)
      : text_(text), cursor_(cursor), out_(out), max_depth_(max_depth) {}

  bool null() { return scalar(Json(nullptr), consumed() - 4); }
  bool boolean(bool value) { return scalar(Json(value), consumed() - (value ? 4 : 5)); }
  bool number_integer(number_integer_t value) { return scalar(Json(value), number_start()); }
  bool number_unsigned(number_unsigned_t value) { return scalar(Json(value), number_start()); }
  bool number_float(number_float_t value, const string_t&) { return scalar(Json(value), number_start()); }
  bool string(string_t& value) { return scalar(Json(std::move(value)), string_start()); }
  bool binary(binary_t&) { return fail(consumed(), "binary values are not JSON"); }

  bool start_object(std::size_t) { return open(Json::object()); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(string_t& key) {
    std::size_t start = string_start();
    Frame& frame = stack_.back();
    if (!frame.keys.insert(key).second) return fail(start, cat("duplicate key \"", key, "\""));
    pending_key_ = std::move(key);
    pending_key_offset_ = static_cast<std::uint32_t>(start);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    return fail(position > 0 ? position - 1 : 0, clean_library_message(ex.what()));
  }

  std::optional<Error>& error() { return error_; }

 private:
  struct Frame {
    Json* container;
    std::uint32_t index;
    std::unordered_set<std::string> keys;  // objects only: duplicate detection in O(1)
  };

  std::size_t consumed() const { return static_cast<std::size_t>(*cursor_ - text_.data()); }

  // The lexer reads one character past a number (and puts it back): skip it if
  // present, then walk back over the number's characters.
  std::size_t number_start() const {
    std::size_t i = consumed();
    if (i > 0 && !is_number_char(text_[i - 1])) --i;
    while (i > 0 && is_number_char(text_[i - 1])) --i;
    return i;
  }

  // The closing quote was the last character read; the opening one is the
  // nearest earlier quote not escaped by an odd number of backslashes.
  std::size_t string_start() const {
    std::size_t close = consumed() - 1;
    std::size_t i = close;
    while (i > 0) {
      --i;
      if (text_[i] != '"') continue;
      std::size_t backslashes = 0;
      while (i > backslashes && text_[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return 0;
  }

  std::uint32_t begin_value(std::size_t start) {
    auto index = static_cast<std::uint32_t>(out_.value_offsets_.size());
    bool in_object = !stack_.empty() && stack_.back().container->is_object();
    out_.value_offsets_.push_back(static_cast<std::uint32_t>(start));
    out_.key_offsets_.push_back(in_object ? pending_key_offset_ : LocatedJson::kNoKey);
    out_.subtree_sizes_.push_back(1);
    return index;
  }

  // Appends to the innermost open container. Only that container changes while
  // it is open, so the pointers to the outer ones held in stack_ stay valid.
  Json* place(Json value) {
    if (stack_.empty()) {
      out_.json_ = std::move(value);
      return &out_.json_;
    }
    Json& parent = *stack_.back().container;
    if (parent.is_array()) {
      auto& elements = *parent.get_ptr<Json::array_t*>();
      elements.push_back(std::move(value));
      return &elements.back();
    }
    // ordered_map is a vector of pairs; keys were checked unique in key(), so
    // append directly instead of the map's own linear search.
    auto& members = static_cast<Json::object_t::Container&>(*parent.get_ptr<Json::object_t*>());
    members.emplace_back(std::move(pending_key_), std::move(value));
    return &members.back().second;
  }

  bool scalar(Json value, std::size_t start) {
    begin_value(start);
    place(std::move(value));
    return true;
  }

  bool open(Json empty) {
    std::size_t start = consumed() - 1;
    if (static_cast<int>(stack_.size()) + 1 > max_depth_)
      return fail(start, cat("nesting deeper than ", max_depth_, " levels"));
    std::uint32_t index = begin_value(start);
    Json* container = place(std::move(empty));
    stack_.push_back(Frame{container, index, {}});
    return true;
  }

  bool close() {
    std::uint32_t index = stack_.back().index;
    out_.subtree_sizes_[index] = static_cast<std::uint32_t>(out_.value_offsets_.size()) - index;
    stack_.pop_back();
    return true;
  }

  bool fail(std::size_t offset, const std::string& message) {
    if (!error_) error_ = make_error(out_.where(out_.location_of_offset(offset)), ": ", message);
    return false;
  }

  std::string_view text_;
  const char* const* cursor_;
  LocatedJson& out_;
  int max_depth_;
  std::vector<Frame> stack_;
  std::string pending_key_;
  std::uint32_t pending_key_offset_ = LocatedJson::kNoKey;
  std::optional<Error> error_;
};

TextLocation LocatedJson::location_of_offset(std::size_t offset) const {
  if (line_starts_.empty()) return {};
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<std::size_t>(next - line_starts_.begin());  // 1-based: the line holding offset
  TextLocation loc;
  loc.line = static_cast<int>(line);
  loc.column = static_cast<int>(offset - line_starts_[line - 1]) + 1;
  return loc;
}

std::string LocatedJson::where(TextLocation location) const {
  return cat(source_name_, ":", location.line, ":", location.column);
}

LocatedJson::Found LocatedJson::resolve(std::string_view pointer) const {
  Found found;
  if (value_offsets_.empty()) return found;
  const Json* node = &json_;
  std::uint32_t index = 0;
  if (pointer.empty()) return {0, true};
  if (pointer.front() != '/') return {0, false};
  pointer.remove_prefix(1);
  while (true) {
    std::size_t slash = pointer.find('/');
    std::string_view raw = pointer.substr(0, slash);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token += raw[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        token += raw[i];
      }
    }
    std::uint32_t child = index + 1;
    const Json* next = nullptr;
    if (node->is_object()) {
      for (auto it = node->begin(); it != node->end(); ++it) {
        if (it.key() == token) {
          next = &it.value();
          break;
        }
        child += subtree_sizes_[child];
      }
    } else if (node->is_array()) {
      std::size_t element = 0;
      auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), element);
      if (ec == std::errc() && end == token.data() + token.size() && !token.empty() && element < node->size()) {
        for (std::size_t i = 0; i < element; ++i) child += subtree_sizes_[child];
        next = &(*node)[element];
      }
    }
    if (!next) return {index, false};
    node = next;
    index = child;
    if (slash == std::string_view::npos) return {index, true};
    pointer.remove_prefix(slash + 1);
  }
}

std::optional<std::size_t> LocatedJson::value_offset(std::string_view pointer) const {
  Found found = resolve(pointer);
  if (!found.complete) return std::nullopt;
  return value_offsets_[found.index];
}

std::optional<std::size_t> LocatedJson::key_offset(std::string_view pointer) const {
  Found found = resolve(pointer);
  if (!found.complete || key_offsets_[found.index] == kNoKey) return std::nullopt;
  return key_offsets_[found.index];
}

TextLocation LocatedJson::value_location(std::string_view pointer) const {
  if (value_offsets_.empty()) return {};
  return location_of_offset(value_offsets_[resolve(pointer).index]);
}

TextLocation LocatedJson::key_location(std::string_view pointer) const {
  if (value_offsets_.empty()) return {};
  Found found = resolve(pointer);
  std::uint32_t key = found.complete ? key_offsets_[found.index] : kNoKey;
  return location_of_offset(key != kNoKey ? key : value_offsets_[found.index]);
}

Result<LocatedJson> parse_json_located(std::string_view text, std::string_view source_name, JsonLimits limits) {
  if (text.size() > limits.max_bytes)
    return make_error(source_name, ": file is ", text.size(), " bytes, over the limit of ", limits.max_bytes);
  if (text.size() >= LocatedJson::kNoKey)
    return make_error(source_name, ": file is ", text.size(), " bytes, too large to parse with locations");

  LocatedJson out;
  out.source_name_ = source_name;
  out.line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') out.line_starts_.push_back(i + 1);

  static const char kEmpty[] = "";
  const char* begin = text.empty() ? kEmpty : text.data();
  const char* cursor = begin;
  LocatingSaxParser sax(std::string_view(begin, text.size()), &cursor, out, limits.max_depth);
  TrackingIterator first(begin, &cursor), last(begin + text.size(), &cursor);
  bool ok = Json::sax_parse(first, last, &sax, Json::input_format_t::json, /*strict=*/true,
                            /*ignore_comments=*/false);
  if (!ok || sax.error()) {
    if (sax.error()) return std::move(*sax.error());
    return make_error(source_name, ": not valid JSON");
  }
  return out;
}

Result<LocatedJson> load_json_located(const std::filesystem::path& path, JsonLimits limits) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes)
    return make_error(path.string(), ": file is ", size, " bytes, over the limit of ", limits.max_bytes);
  auto text = read_file_text(path);
  if (!text) return text.error();
  return parse_json_located(*text, path.string(), limits);
}

std::string json_pointer_append(std::string_view parent, std::string_view key) {
  std::string out;
  out.reserve(parent.size() + key.size() + 1);
  out += parent;
  out += '/';
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string json_pointer_append(std::string_view parent, std::size_t index) {
  return cat(parent, "/", index);
}

}  // namespace kagami
