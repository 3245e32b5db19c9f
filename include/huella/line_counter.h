// Lines of byte offsets in a text, counted forward as offsets grow, so a text is scanned once.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace huella {

class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text), line_end_(newline_from(0)) {}

  // The 1-based line of the byte at `offset` (the end of the text for larger offsets); cheap
  // when offsets grow, a rescan from the start when one goes back.
  std::uint32_t line_at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < line_start_) {
      line_start_ = 0;
      line_end_ = newline_from(0);
      line_ = 1;
    }
    // Lexers ask for many offsets per line: most calls stop at this comparison.
    while (offset > line_end_) {
      line_start_ = line_end_ + 1;
      line_end_ = newline_from(line_start_);
      ++line_;
    }
    return line_;
  }

 private:
  // The first `\n` at or after `from`, or the text's size.
  std::size_t newline_from(std::size_t from) const {
    const auto found = text_.find('\n', from);
    return found == std::string_view::npos ? text_.size() : found;
  }

  std::string_view text_;
  std::size_t line_start_ = 0;  // first byte of line `line_`
  std::size_t line_end_;        // its `\n`, or the text's size on the last line
  std::uint32_t line_ = 1;
};

}  // namespace huella
