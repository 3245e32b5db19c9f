#include "huella/ascii.h"

#include <algorithm>

namespace huella {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string ascii_lowered(std::string_view s) {
  std::string out(s);
  lower_ascii(out);
  return out;
}

void lower_ascii(std::string& s) {
  // Without a branch per byte, so that the compiler vectorizes the loop.
  for (char& c : s) c = static_cast<char>(c + (c >= 'A' && c <= 'Z' ? 'a' - 'A' : 0));
}

std::size_t find_ignoring_case(std::string_view text, std::string_view lower_needle,
                               std::size_t from) {
  if (from > text.size()) return std::string_view::npos;
  const auto it = std::search(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(),
                              lower_needle.begin(), lower_needle.end(),
                              [](char x, char y) { return lower(x) == y; });
  return it == text.end() ? std::string_view::npos : static_cast<std::size_t>(it - text.begin());
}

}  // namespace huella
