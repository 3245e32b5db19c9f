#include <doctest/doctest.h>

#include "huella/text.h"
#include "temp_folder.h"

using huella::decode_text;
using huella::repair_utf8;
using namespace std::string_literals;

TEST_CASE("text: valid UTF-8 is left alone") {
  std::string s = "año: conexión 😀";
  CHECK(repair_utf8(s) == 0);
  CHECK(s == "año: conexión 😀");
}

TEST_CASE("text: each invalid byte becomes one U+FFFD and is counted") {
  std::string s = "a\xFF" "b\xC3";  // a stray byte and a truncated sequence at the end
  CHECK(repair_utf8(s) == 2);
  CHECK(s == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

TEST_CASE("text: overlong encodings and surrogates are invalid") {
  std::string overlong = "\xC0\xAF";
  CHECK(repair_utf8(overlong) == 2);
  std::string surrogate = "\xED\xA0\x80";
  CHECK(repair_utf8(surrogate) == 3);
}

TEST_CASE("text: NUL bytes mark binary content") {
  const auto r = decode_text(std::string("import os\0\x01\x02", 12));
  CHECK_FALSE(r.ok);
  CHECK(r.reason.find("binary") != std::string::npos);
}

TEST_CASE("text: a UTF-8 byte-order mark is dropped") {
  const auto r = decode_text("\xEF\xBB\xBFprint(1)");
  REQUIRE(r.ok);
  CHECK(r.decoded.text == "print(1)");
}

TEST_CASE("text: UTF-16 with a byte-order mark is converted") {
  const std::string le("\xFF\xFEh\0i\0", 6);
  const auto r = decode_text(le);
  REQUIRE(r.ok);
  CHECK(r.decoded.text == "hi");
  CHECK(r.decoded.converted_from_utf16);
  const std::string be("\xFE\xFF\0h\0i", 6);
  CHECK(decode_text(be).decoded.text == "hi");
}

// UTF-16 code units of `ascii`, little- or big-endian, as Windows tools save text without a BOM.
std::string utf16(std::string_view ascii, bool little_endian) {
  std::string out;
  for (const char c : ascii) {
    out += little_endian ? c : '\0';
    out += little_endian ? '\0' : c;
  }
  return out;
}

TEST_CASE("text: UTF-16 without a byte-order mark is recognised and converted") {
  const std::string text = "print('año')\n";
  const auto le = decode_text(utf16("print('a", true) + "\xF1\0"s + utf16("o')\n", true));
  REQUIRE(le.ok);
  CHECK(le.decoded.text == text);
  CHECK(le.decoded.converted_from_utf16);
  const auto be = decode_text(utf16("import os\n", false));
  REQUIRE(be.ok);
  CHECK(be.decoded.text == "import os\n");
  // Binary with NUL pairs, or NULs on both sides, is not UTF-16.
  CHECK_FALSE(decode_text(utf16("abcd", true) + std::string(4, '\0') + utf16("efgh", true)).ok);
  CHECK_FALSE(decode_text(std::string("\x01\0\0\x02\x03\0\0\x04\x05\0", 10)).ok);
}

TEST_CASE("text: the content key depends on the bytes only") {
  CHECK(huella::content_key("abc") == huella::content_key("abc"));
  CHECK(huella::content_key("abc") != huella::content_key("abd"));
  CHECK(huella::content_key("abc").size() == 32);
}

TEST_CASE("text: files over the size limit are refused with the sizes in the reason") {
  huella::test::TempFolder folder;
  const auto path = folder.write("big.py", std::string(2000, 'x'));
  const auto r = huella::read_text_file(path, huella::TextLimits{1000});
  CHECK_FALSE(r.ok);
  CHECK(r.reason == "too large: 2000 bytes (limit 1000)");
  CHECK(huella::read_text_file(path, huella::TextLimits{4000}).ok);
}

TEST_CASE("text: a missing file gives a reason, not an exception") {
  const auto r = huella::read_text_file("/nonexistent/file.py", huella::TextLimits{});
  CHECK_FALSE(r.ok);
  CHECK(r.reason.rfind("cannot read", 0) == 0);
}

TEST_CASE("text: invisible characters are counted when the file is read") {
  const auto r = decode_text("ho\u200Bla\u00ADmun\u200Ddo \uFEFFx");
  REQUIRE(r.ok);
  CHECK(r.decoded.invisible_chars == 4);
  CHECK(decode_text("año niño").decoded.invisible_chars == 0);
}
