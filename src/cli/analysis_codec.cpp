#include <cstring>
#include <type_traits>

#include "analyzed_file.h"

namespace huella {
namespace {

// Every field of a file in one order, for both directions: `io` is a Writer or a Reader.
template <typename IO, typename File>
void transfer(IO& io, File& f) {
  io.field(f.ok);
  io.field(f.reason);
  io.field(f.key);
  io.field(f.tokens);
  io.field(f.replaced_bytes);
  io.field(f.invisible_chars);
  io.field(f.base_tokens);
  io.field(f.hidden_line);
  io.field(f.fingerprints);
  for (auto& bag : f.features.ngrams) io.field(bag);
  for (auto& bag : f.features.literals) io.field(bag);
  io.field(f.sections);
  io.field(f.image.format);
  io.field(f.image.width);
  io.field(f.image.height);
  io.field(f.image.bytes_key);
  io.field(f.image.pixels_key);
  io.field(f.image.pdq);
  io.field(f.image.featureless);
  io.field(f.image.metadata);
  io.field(f.watermarks);
  io.field(f.generated);
  io.field(f.hidden_text);
  io.field(f.hidden);
}

template <typename IO, typename Section>
void transfer_section(IO& io, Section& s) {
  io.field(s.title);
  io.field(s.level);
  io.field(s.first_line);
  io.field(s.last_line);
}

template <typename IO, typename Mark>
void transfer_watermark(IO& io, Mark& w) {
  io.field(w.kind);
  io.field(w.line);
  io.field(w.payload);
  io.field(w.file_name);
  io.field(w.date);
  io.field(w.intact);
  io.field(w.bytes_recovered);
}

template <typename IO, typename Region>
void transfer_region(IO& io, Region& r) {
  io.field(r.begin);
  io.field(r.end);
  io.field(r.first_line);
  io.field(r.last_line);
  io.field(r.reason);
}

// Fixed-width fields as the machine stores them: the cache never leaves the machine.
class Writer {
 public:
  template <typename T>
    requires std::is_trivially_copyable_v<T>
  void field(const T& value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void field(const std::string& s) {
    field(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename A, typename B>
  void field(const std::pair<A, B>& p) {
    field(p.first);
    field(p.second);
  }
  void field(const MarkdownSection& s) { transfer_section(*this, s); }
  void field(const Watermark& w) { transfer_watermark(*this, w); }
  void field(const GeneratedRegion& r) { transfer_region(*this, r); }
  void field(const MetadataField& m) {
    field(m.key);
    field(m.value);
  }
  void field(const AnalyzedFile& f) { transfer(*this, f); }
  template <typename T>
  void field(const std::vector<T>& items) {
    field(static_cast<std::uint32_t>(items.size()));
    for (const auto& item : items) field(item);
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
  void field(T& value) {
    if (take(sizeof value)) std::memcpy(&value, in_.data() + at_ - sizeof value, sizeof value);
  }
  void field(std::string& s) {
    std::uint32_t n = 0;
    field(n);
    if (take(n)) s.assign(in_.substr(at_ - n, n));
  }
  template <typename A, typename B>
  void field(std::pair<A, B>& p) {
    field(p.first);
    field(p.second);
  }
  void field(MarkdownSection& s) { transfer_section(*this, s); }
  void field(Watermark& w) { transfer_watermark(*this, w); }
  void field(GeneratedRegion& r) { transfer_region(*this, r); }
  void field(MetadataField& m) {
    field(m.key);
    field(m.value);
  }
  void field(AnalyzedFile& f) {
    // Hidden text is looked for in the text a file shows, never in text decoded from it.
    if (++depth_ > 2) failed_ = true;
    if (!failed_) transfer(*this, f);
    --depth_;
  }
  template <typename T>
  void field(std::vector<T>& items) {
    std::uint32_t n = 0;
    field(n);
    if (n > in_.size() - at_) failed_ = true;  // every item takes at least one byte
    if (failed_) return;
    items.resize(n);
    for (auto& item : items) field(item);
  }
  bool complete() const { return !failed_ && at_ == in_.size(); }

 private:
  bool take(std::size_t n) {
    if (failed_ || n > in_.size() - at_) failed_ = true;
    if (failed_) return false;
    at_ += n;
    return true;
  }
  std::string_view in_;
  std::size_t at_ = 0;
  int depth_ = 0;
  bool failed_ = false;
};

}  // namespace

std::string encode_analysis(const AnalyzedFile& file) {
  Writer w;
  w.field(kAnalysisEncoding);
  w.field(file);
  return w.take();
}

bool decode_analysis(std::string_view bytes, AnalyzedFile& out) {
  Reader r(bytes);
  std::uint32_t encoding = 0;
  r.field(encoding);
  if (encoding != kAnalysisEncoding) return false;
  out = {};
  r.field(out);
  return r.complete();
}

}  // namespace huella
