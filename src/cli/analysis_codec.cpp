#include <cstring>
#include <type_traits>

#include "analyzed_file.h"

namespace huella {
namespace {

// Fixed-width fields as the machine stores them: the cache never leaves the machine.
class Writer {
 public:
  template <typename T>
    requires std::is_trivially_copyable_v<T>
  void put(const T& value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void put(const std::string& s) {
    put(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename A, typename B>
  void put(const std::pair<A, B>& p) {
    put(p.first);
    put(p.second);
  }
  void put(const MarkdownSection& s) {
    put(s.title);
    put(s.level);
    put(s.first_line);
    put(s.last_line);
  }
  void put(const MetadataField& m) {
    put(m.key);
    put(m.value);
  }
  template <typename T>
  void put(const std::vector<T>& items) {
    put(static_cast<std::uint32_t>(items.size()));
    for (const auto& item : items) put(item);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  template <typename T>
    requires std::is_trivially_copyable_v<T>
  void get(T& value) {
    if (take(sizeof value)) std::memcpy(&value, in_.data() + at_ - sizeof value, sizeof value);
  }
  void get(std::string& s) {
    std::uint32_t n = 0;
    get(n);
    if (take(n)) s.assign(in_.substr(at_ - n, n));
  }
  template <typename A, typename B>
  void get(std::pair<A, B>& p) {
    get(p.first);
    get(p.second);
  }
  void get(MarkdownSection& s) {
    get(s.title);
    get(s.level);
    get(s.first_line);
    get(s.last_line);
  }
  void get(MetadataField& m) {
    get(m.key);
    get(m.value);
  }
  template <typename T>
  void get(std::vector<T>& items) {
    std::uint32_t n = 0;
    get(n);
    if (n > in_.size() - at_) failed_ = true;  // every item takes at least one byte
    if (failed_) return;
    items.resize(n);
    for (auto& item : items) get(item);
  }
  bool failed() const { return failed_; }
  bool at_end() const { return at_ == in_.size(); }

 private:
  bool take(std::size_t n) {
    if (failed_ || n > in_.size() - at_) failed_ = true;
    if (failed_) return false;
    at_ += n;
    return true;
  }
  std::string_view in_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

void write_file(Writer& w, const AnalyzedFile& f) {
  w.put(f.ok);
  w.put(f.reason);
  w.put(f.key);
  for (auto n : {f.tokens, f.replaced_bytes, f.invisible_chars, f.base_tokens, f.hidden_line}) w.put(n);
  w.put(f.fingerprints);
  for (const auto* channels : {&f.features.ngrams, &f.features.literals})
    for (const auto& bag : *channels) w.put(bag);
  w.put(f.sections);
  const auto& image = f.image;
  w.put(image.format);
  w.put(image.width);
  w.put(image.height);
  w.put(image.bytes_key);
  w.put(image.pixels_key);
  w.put(image.pdq);
  w.put(image.featureless);
  w.put(image.metadata);
  w.put(f.hidden_text);
  w.put(static_cast<std::uint32_t>(f.hidden.size()));
  for (const auto& h : f.hidden) write_file(w, h);
}

void read_file(Reader& r, AnalyzedFile& f, bool decoded) {
  r.get(f.ok);
  r.get(f.reason);
  r.get(f.key);
  for (auto* n : {&f.tokens, &f.replaced_bytes, &f.invisible_chars, &f.base_tokens, &f.hidden_line})
    r.get(*n);
  r.get(f.fingerprints);
  for (auto* channels : {&f.features.ngrams, &f.features.literals})
    for (auto& bag : *channels) r.get(bag);
  r.get(f.sections);
  auto& image = f.image;
  r.get(image.format);
  r.get(image.width);
  r.get(image.height);
  r.get(image.bytes_key);
  r.get(image.pixels_key);
  r.get(image.pdq);
  r.get(image.featureless);
  r.get(image.metadata);
  r.get(f.hidden_text);
  std::uint32_t hidden = 0;
  r.get(hidden);
  // Hidden text is looked for in the text a file shows, never inside text decoded from it: a
  // nested entry leaves bytes unread and the entry is refused.
  const std::uint32_t readable = decoded ? 0 : hidden;
  for (std::uint32_t i = 0; i < readable && !r.failed(); ++i) read_file(r, f.hidden.emplace_back(), true);
}

}  // namespace

std::string encode_analysis(const AnalyzedFile& file) {
  Writer w;
  w.put(kAnalysisEncoding);
  write_file(w, file);
  return w.take();
}

bool decode_analysis(std::string_view bytes, AnalyzedFile& out) {
  Reader r(bytes);
  std::uint32_t encoding = 0;
  r.get(encoding);
  if (r.failed() || encoding != kAnalysisEncoding) return false;
  out = {};
  read_file(r, out, false);
  return !r.failed() && r.at_end();
}

}  // namespace huella
