// Lines of byte offsets in a text, counted forward as offsets grow, so a text is scanned once.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace huella {

class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}

  // The 1-based line of the byte at `offset` (the end of the text for larger offsets); cheap
  // when offsets grow, a rescan from the start when one goes back.
  std::uint32_t line_at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < offset_) {
      offset_ = 0;
      line_ = 1;
    }
    line_ += static_cast<std::uint32_t>(
        std::count(text_.begin() + static_cast<std::ptrdiff_t>(offset_),
                   text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    offset_ = offset;
    return line_;
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::uint32_t line_ = 1;
};

}  // namespace huella
