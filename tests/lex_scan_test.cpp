// The scanning primitives the lexers share.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "../src/lex/scan.h"
#include "lex_support.h"

namespace huella::scan {
namespace {

TEST_CASE("scan: byte classes") {
  for (const unsigned char c : std::string_view("azAZ_\x80\xc3\xff")) {
    CHECK(is_identifier_start(c));
    CHECK(kIdentifierChar.contains(c));
  }
  for (const unsigned char c : std::string_view("09$- .\x7f\0", 8))
    CHECK_FALSE(is_identifier_start(c));
  CHECK(kIdentifierChar.contains('7'));
  CHECK_FALSE(kIdentifierChar.contains('$'));
  CHECK(is_digit('0'));
  CHECK_FALSE(is_digit('a'));
  CHECK(is_ascii_letter('q'));
  CHECK_FALSE(is_ascii_letter(0xe9));
  for (const unsigned char c : std::string_view("\0\x01\t\n\r \x7f", 7))
    CHECK(is_blank_or_control(c));
  for (const unsigned char c : std::string_view("!a\x80")) CHECK_FALSE(is_blank_or_control(c));
  CHECK(is_inline_blank('\r'));
  CHECK_FALSE(is_inline_blank('\n'));
  CHECK(is_line_break('\r'));
  CHECK_FALSE(is_line_break('\t'));
  constexpr auto kHex = kDigits | "abcdef";
  CHECK(kHex.contains('c'));
  CHECK_FALSE(kHex.ascii().contains('g'));
  CHECK_FALSE((kIdentifierStart.ascii()).contains(0x80));
  CHECK((kIdentifierStart.ascii()).contains('_'));
}

TEST_CASE("scan: runs, lines and closing delimiters") {
  CHECK(run_end("abc1 x", 0, kIdentifierChar) == 4);
  CHECK(run_end("abc", 1, kIdentifierChar) == 3);
  CHECK(run_end("abc", 3, kIdentifierChar) == 3);
  CHECK(next_of("ab;c", 0, ByteSet(";")) == 2);
  CHECK(next_of("abc", 0, ByteSet(";")) == 3);
  CHECK(next_newline("a\r\nb", 0) == 2);
  CHECK(next_newline("ab", 1) == 2);
  CHECK(next_line_break("a\r\nb", 0) == 1);
  CHECK(next_line_break("ab", 0) == 2);
  CHECK(past_next("<!-- x --> y", 4, "-->") == 10);
  CHECK(past_next("<!-- x", 4, "-->") == 6);
  CHECK(block_comment_end("/* a */ b", 0) == 7);
  CHECK(block_comment_end("/*/ b", 0) == 5);  // the `*` of `/*` does not close it
  CHECK(block_comment_end("/* never", 0) == 8);
}

TEST_CASE("scan: identifier_end stops where run_end stops, at every byte and every position") {
  for (int stop = 0; stop < 256; ++stop)
    for (std::size_t at = 0; at < 20; ++at) {
      std::string text(24, 'a');
      text[at] = static_cast<char>(stop);
      for (std::size_t from = 0; from <= at; ++from) {
        CAPTURE(stop);
        CAPTURE(at);
        CAPTURE(from);
        CHECK(identifier_end(text, from) == run_end(text, from, kIdentifierChar));
      }
    }
}

TEST_CASE("scan: identifier_end takes letters, digits, `_` and bytes from 0x80 up") {
  CHECK(identifier_end("año_2024_ZZ9_Ωmega_name(x)", 0) == 25);
  CHECK(identifier_end("snake_case_names_are_long", 0) == 25);
  CHECK(identifier_end("a@b", 0) == 1);
  CHECK(identifier_end("ab[cdefghij", 0) == 2);
  CHECK(identifier_end("abcdefghij`", 0) == 10);
  CHECK(identifier_end("x", 1) == 1);
}

TEST_CASE("scan: quoted literals with backslash escapes") {
  CHECK(quoted_end(R"("a\"b" c)", 0) == 6);
  CHECK(closing_quote(R"("a\"b" c)", 0) == 5);
  CHECK(quoted_end("'a' 'b'", 4) == 7);
  // Unterminated: the first `ends` byte, or the end of the text.
  CHECK(quoted_end("\"ab\ncd\"", 0, kLineBreaks) == 3);
  CHECK(quoted_end("\"ab\ncd\"", 0) == 7);
  CHECK(quoted_end("\"ab\rcd", 0, kNewline) == 6);
  // An escaped line end does not end the literal, and an escape at the end stays inside.
  CHECK(quoted_end("\"a\\\nb\" c", 0, kLineBreaks) == 6);
  CHECK(closing_quote("\"ab\\", 0) == 4);
  CHECK(quoted_end("\"ab\\", 0) == 4);
}

TEST_CASE("scan: a closing quote is found as a left-to-right scan would find it") {
  // Every text of up to 9 bytes over quote, backslash and another byte, against the definition.
  const auto by_definition = [](std::string_view text) {
    std::size_t i = 1;
    while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
    return std::min(i, text.size());
  };
  bool all_equal = true;
  for (std::size_t size = 1; size <= 9; ++size) {
    std::string text(size, '"');
    std::size_t combinations = 1;
    for (std::size_t i = 1; i < size; ++i) combinations *= 3;
    for (std::size_t n = 0; n < combinations; ++n) {
      for (std::size_t i = 1, rest = n; i < size; ++i, rest /= 3) text[i] = "\"\\a"[rest % 3];
      all_equal = all_equal && closing_quote(text, 0) == by_definition(text) &&
                  closing_quote(text, 0, kLineBreaks) == by_definition(text);
    }
  }
  CHECK(all_equal);
}

TEST_CASE("scan: quoted literals escaped by doubling the quote") {
  CHECK(doubled_quote_end("'it''s' x", 0) == 7);
  CHECK(closing_doubled_quote("'it''s' x", 0) == 6);
  CHECK(doubled_quote_end("\"a\nb\" x", 0) == 5);  // spans lines
  CHECK(doubled_quote_end("'never''", 0) == 8);
  CHECK(closing_doubled_quote("'never''", 0) == 8);
  CHECK(doubled_quote_end("'a\\'", 0) == 4);  // a backslash escapes nothing
}

TEST_CASE("scan: number literals") {
  constexpr auto kNameStart = kIdentifierStart | "$";
  constexpr auto kNameChar = kNameStart | kDigits;
  constexpr NumberSyntax kCpp{kNameChar.ascii(), kNameStart, kNameChar};
  constexpr NumberSyntax kSql{kNameChar.ascii(), ByteSet("xX"), kNoBytes};
  constexpr NumberSyntax kPython{kAsciiLetters | kDigits | "_.", ByteSet("xX"), kNoBytes};
  const auto number = [](std::string_view text, const NumberSyntax& syntax) {
    return text.substr(0, number_end(text, 0, syntax));
  };
  CHECK(number("0x1Fu+2", kCpp) == "0x1Fu");
  CHECK(number("1.5e-3f;", kCpp) == "1.5e-3f");
  CHECK(number("1'000'000)", kCpp) == "1'000'000");
  CHECK(number("1'", kCpp) == "1");
  CHECK(number("1..2", kCpp) == "1");
  CHECK(number(".5E+2", kCpp) == ".5E+2");
  CHECK(number("0e+5", kCpp) == "0e");  // a radix prefix: its `e` is a digit
  CHECK(number("0e+5", kSql) == "0e+5");
  CHECK(number("0xE+5", kSql) == "0xE");
  CHECK(number("1'000", kSql) == "1");
  CHECK(number("1\xc3\xa9", kCpp) == "1");
  CHECK(number("1.2.3j x", kPython) == "1.2.3j");
}

TEST_CASE("scan: exponents and operators") {
  CHECK(exponent_end("1e5x", 1) == 3);
  CHECK(exponent_end("1E-10", 1) == 5);
  CHECK(exponent_end("1e+", 1) == 1);
  CHECK(exponent_end("1em", 1) == 1);
  CHECK(exponent_end("1", 1) == 1);
  constexpr std::string_view kOperators[] = {">>=", ">>", "->"};
  CHECK(operator_length(">>= x", kOperators) == 3);
  CHECK(operator_length(">> x", kOperators) == 2);
  CHECK(operator_length("> x", kOperators) == 1);
  CHECK(operator_length("-", kOperators) == 1);
}

TEST_CASE("scan: word tables") {
  constexpr std::string_view kKeywords[] = {"if", "else", "while", "return"};
  constexpr std::string_view kBuiltins[] = {"print", "len", "return"};
  constexpr WordTable<16> kWords = {{kKeywords, 1}, {kBuiltins, 2}};
  static_assert(kWords.flags("while") == 1);  // built and usable at compile time
  CHECK(kWords.flags("if") == 1);
  CHECK(kWords.flags("len") == 2);
  CHECK(kWords.flags("return") == 3);
  CHECK(kWords.contains("print"));
  for (const auto word : {"", "i", "iff", "If", "els", "elsewhere", "returns", "printer"})
    CHECK_FALSE(kWords.contains(word));
  CHECK(kWords.longest() == 6);
}

TEST_CASE("scan: a large word table finds every word and no other") {
  static constexpr auto kMany = [] {
    std::array<std::array<char, 4>, 400> words{};
    for (std::size_t i = 0; i < words.size(); ++i)
      words[i] = {static_cast<char>('a' + i % 26), static_cast<char>('a' + i / 26 % 26), 'x',
                  static_cast<char>('0' + i % 7)};
    return words;
  }();
  static constexpr auto kViews = [] {
    std::array<std::string_view, kMany.size()> views{};
    for (std::size_t i = 0; i < views.size(); ++i) views[i] = {kMany[i].data(), kMany[i].size()};
    return views;
  }();
  constexpr WordTable<1024> kTable = {{kViews, 1}};
  for (const auto word : kViews) CHECK(kTable.contains(word));
  CHECK_FALSE(kTable.contains("aax7"));
  CHECK_FALSE(kTable.contains("zzy0"));
}

TEST_CASE("scan: a held comma vanishes only before a closing bracket") {
  const std::string_view text = "a,b,)";
  TokenSink sink(text, Channel::code);
  HeldComma comma(sink);
  comma.hold(text.substr(1, 1));
  comma.release(false);  // before `b`: kept
  comma.hold(text.substr(3, 1));
  comma.release(true);   // before `)`: a trailing comma
  comma.release(false);  // nothing is held any more
  comma.hold(text.substr(1, 1));
  comma.hold(text.substr(3, 1));  // a second comma releases the first
  const auto tokens = std::move(sink).finish().tokens;
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].offset == 1);
  CHECK(tokens[1].offset == 1);
  CHECK(tokens[0].symbol == test::sym(","));
}

}  // namespace
}  // namespace huella::scan
