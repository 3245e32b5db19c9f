#include <doctest/doctest.h>

#include <string>

#include "huella/ascii.h"

using namespace huella;

TEST_CASE("ascii: only the ASCII letters are lower-cased") {
  std::string s = "AZaz@[`{ Ñandú 0-9 HELLO";
  lower_ascii(s);
  CHECK(s == "azaz@[`{ Ñandú 0-9 hello");
  CHECK(ascii_lowered("Hash ID: ABC") == "hash id: abc");
}

TEST_CASE("ascii: every byte outside A-Z is left as it is") {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  std::string lowered = all;
  lower_ascii(lowered);
  for (int c = 0; c < 256; ++c) {
    CAPTURE(c);
    const char expected = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    CHECK(lowered[static_cast<std::size_t>(c)] == expected);
  }
}
