#include <algorithm>
#include <set>

#include "huella/watermark.h"

namespace huella {
namespace {

// Equal payloads; a damaged zero-width one ('?' for a lost byte) matches where its bytes
// survived, and a cut one matches the start or the end of the whole payload.
bool same_payload(const Watermark& found, const Watermark& own) {
  if (found.kind != own.kind) return false;
  if (found.kind != WatermarkKind::zero_width) return found.payload == own.payload;
  const auto& f = found.payload;
  const auto& o = own.payload;
  if (f.size() > o.size()) return false;
  const auto matches_at = [&](std::size_t offset) {
    return std::equal(f.begin(), f.end(), o.begin() + static_cast<std::ptrdiff_t>(offset),
                      [](char x, char y) { return x == '?' || x == y; });
  };
  return matches_at(0) || matches_at(o.size() - f.size());
}

}  // namespace

void WatermarkSources::add(const std::string& reference_file, std::string_view base_name,
                           std::span<const Watermark> own_marks) {
  by_name_tag_.emplace(base_name_tag(base_name), reference_file);
  by_base_name_.emplace(std::string(base_name), reference_file);
  for (const auto& mark : own_marks) marks_.emplace_back(mark, reference_file);
}

std::string WatermarkSources::source_of(const Watermark& mark) const {
  std::set<std::string> carriers;
  for (const auto& [own, file] : marks_)
    if (same_payload(mark, own)) carriers.insert(file);
  if (carriers.empty()) {
    const auto& names = mark.kind == WatermarkKind::zero_width ? by_name_tag_ : by_base_name_;
    if (const auto it = names.find(mark.file_name); !mark.file_name.empty() && it != names.end())
      carriers.insert(it->second);
  }
  std::string out;
  for (const auto& file : carriers) out += (out.empty() ? "" : ", ") + file;
  return out;
}

}  // namespace huella
