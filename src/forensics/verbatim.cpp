#include "huella/verbatim.h"

#include <cstdint>
#include <unordered_map>

namespace huella {
namespace {

// Calls `visit` with each non-blank line, without the spaces at its ends.
template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
  constexpr std::string_view kSpaces = " \t\r\f\v";
  for (std::size_t start = 0; start < text.size();) {
    const auto end = std::min(text.find('\n', start), text.size());
    auto line = text.substr(start, end - start);
    start = end + 1;
    const auto first = line.find_first_not_of(kSpaces);
    if (first == std::string_view::npos) continue;
    visit(line.substr(first, line.find_last_not_of(kSpaces) - first + 1));
  }
}

}  // namespace

double verbatim_line_share(std::string_view text, std::string_view original) {
  std::unordered_map<std::string_view, std::uint32_t> available;
  for_each_line(original, [&](std::string_view line) { ++available[line]; });
  std::uint32_t lines = 0, found = 0;
  for_each_line(text, [&](std::string_view line) {
    ++lines;
    if (auto it = available.find(line); it != available.end() && it->second > 0) {
      --it->second;
      ++found;
    }
  });
  return lines == 0 ? 0.0 : static_cast<double>(found) / lines;
}

}  // namespace huella
