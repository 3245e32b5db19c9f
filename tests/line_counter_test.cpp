#include <doctest/doctest.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "huella/line_counter.h"

using namespace huella;

namespace {

// The line of every offset from 0 to past the end, asked in increasing order.
std::vector<std::uint32_t> lines_of_every_offset(std::string_view text) {
  LineCounter lines(text);
  std::vector<std::uint32_t> out;
  for (std::size_t offset = 0; offset <= text.size() + 1; ++offset) out.push_back(lines.line_at(offset));
  return out;
}

}  // namespace

TEST_CASE("line counter: a newline belongs to the line it ends") {
  CHECK(lines_of_every_offset("ab\nc\n\nd") == std::vector<std::uint32_t>{1, 1, 1, 2, 2, 3, 4, 4, 4});
}

TEST_CASE("line counter: text without newlines is one line") {
  CHECK(lines_of_every_offset("") == std::vector<std::uint32_t>{1, 1});
  CHECK(lines_of_every_offset("abc") == std::vector<std::uint32_t>{1, 1, 1, 1, 1});
}

TEST_CASE("line counter: offsets past a final newline are on the line after it") {
  LineCounter lines("a\n");
  CHECK(lines.line_at(1) == 1);
  CHECK(lines.line_at(2) == 2);
  CHECK(lines.line_at(100) == 2);
}

TEST_CASE("line counter: offsets may skip lines and go back") {
  LineCounter lines("one\ntwo\nthree\nfour");
  CHECK(lines.line_at(15) == 4);
  CHECK(lines.line_at(5) == 2);
  CHECK(lines.line_at(0) == 1);
  CHECK(lines.line_at(9) == 3);
  CHECK(lines.line_at(9) == 3);
}
