// Scanning primitives shared by the lexers: byte classes, comments, literals, operators, word
// tables, and the position every lexer keeps in its text.
//
// Everything is inline or constexpr: the lexers call these in their innermost loops.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <span>
#include <string_view>

#include "huella/lex.h"

namespace huella::scan {

// A set of bytes, tested with one table look-up.
class ByteSet {
 public:
  constexpr ByteSet() = default;
  constexpr explicit ByteSet(std::string_view bytes) {
    for (const char c : bytes) members_[static_cast<unsigned char>(c)] = true;
  }
  // The bytes from `first` to `last`, both included.
  static constexpr ByteSet range(unsigned char first, unsigned char last) {
    ByteSet set;
    for (unsigned c = first; c <= last; ++c) set.members_[c] = true;
    return set;
  }

  constexpr bool contains(unsigned char c) const { return members_[c]; }

  constexpr ByteSet operator|(const ByteSet& other) const {
    ByteSet set;
    for (std::size_t c = 0; c < members_.size(); ++c)
      set.members_[c] = members_[c] || other.members_[c];
    return set;
  }
  constexpr ByteSet operator|(std::string_view bytes) const { return *this | ByteSet(bytes); }
  // The ASCII members only: number literals take no byte >= 0x80.
  constexpr ByteSet ascii() const {
    ByteSet set = *this;
    for (std::size_t c = 0x80; c < members_.size(); ++c) set.members_[c] = false;
    return set;
  }

 private:
  std::array<bool, 256> members_{};
};

inline constexpr ByteSet kNoBytes;
inline constexpr ByteSet kDigits = ByteSet::range('0', '9');
inline constexpr ByteSet kAsciiLetters = ByteSet::range('a', 'z') | ByteSet::range('A', 'Z');
// Letters, `_` and every byte >= 0x80, so that non-ASCII names such as `año` are names too.
inline constexpr ByteSet kIdentifierStart = kAsciiLetters | ByteSet::range(0x80, 0xff) | "_";
inline constexpr ByteSet kIdentifierChar = kIdentifierStart | kDigits;
// Layout and control bytes, NUL included: they separate tokens and are otherwise ignored.
inline constexpr ByteSet kBlankOrControl = ByteSet::range(0, ' ') | "\x7f";
// Blanks inside a line, for the lexers to which a newline means something.
inline constexpr ByteSet kInlineBlanks(" \t\r");
inline constexpr ByteSet kNewline("\n");
// `\r` alone ends a line too in the C-like lexers (old Mac files).
inline constexpr ByteSet kLineBreaks("\n\r");

constexpr bool is_digit(unsigned char c) { return kDigits.contains(c); }
constexpr bool is_ascii_letter(unsigned char c) { return kAsciiLetters.contains(c); }
constexpr bool is_identifier_start(unsigned char c) { return kIdentifierStart.contains(c); }
constexpr bool is_blank_or_control(unsigned char c) { return kBlankOrControl.contains(c); }
constexpr bool is_inline_blank(unsigned char c) { return kInlineBlanks.contains(c); }
constexpr bool is_line_break(unsigned char c) { return kLineBreaks.contains(c); }

// One past the run of `set` bytes that starts at `from`.
constexpr std::size_t run_end(std::string_view text, std::size_t from, const ByteSet& set) {
  while (from < text.size() && set.contains(text[from])) ++from;
  return from;
}

// Eight bytes at a time in one 64-bit word (SWAR), for the hottest runs.
namespace swar {

inline constexpr std::uint64_t kOnes = 0x0101010101010101u;
inline constexpr std::uint64_t kHighBits = 0x8080808080808080u;

// 0x80 in each byte of `bytes` within [low, high]; every byte of `bytes` must be below 0x80,
// so that no byte carries or borrows into the next.
constexpr std::uint64_t in_range(std::uint64_t bytes, unsigned char low, unsigned char high) {
  return (bytes + kOnes * (0x80u - low)) & (kOnes * (0x80u + high) - bytes) & kHighBits;
}

// 0x80 in each byte of `bytes` that is not in kIdentifierChar.
constexpr std::uint64_t non_identifier_bytes(std::uint64_t bytes) {
  const std::uint64_t ascii = bytes & ~kHighBits;
  const std::uint64_t letters = in_range(ascii | kOnes * 0x20u, 'a', 'z');
  const std::uint64_t digits = in_range(ascii, '0', '9');
  const std::uint64_t underscores = in_range(ascii ^ kOnes * '_', 0, 0);
  return ~(bytes | letters | digits | underscores) & kHighBits;
}

}  // namespace swar

// run_end(text, from, kIdentifierChar), eight bytes at a time: names are most of the bytes
// lexers look at one by one.
inline std::size_t identifier_end(std::string_view text, std::size_t from) {
  if constexpr (std::endian::native == std::endian::little) {
    for (; from + 8 <= text.size(); from += 8) {
      std::uint64_t bytes;
      std::memcpy(&bytes, text.data() + from, sizeof bytes);
      if (const auto stops = swar::non_identifier_bytes(bytes); stops != 0)
        return from + static_cast<std::size_t>(std::countr_zero(stops)) / 8;
    }
  }
  return run_end(text, from, kIdentifierChar);
}

// The first `set` byte at or after `from`, or the text's size.
constexpr std::size_t next_of(std::string_view text, std::size_t from, const ByteSet& set) {
  while (from < text.size() && !set.contains(text[from])) ++from;
  return from;
}

// The `\n` that ends the line holding `from`, or the text's size.
inline std::size_t next_newline(std::string_view text, std::size_t from) {
  const auto newline = text.find('\n', from);
  return newline == std::string_view::npos ? text.size() : newline;
}

// The `\n` or `\r` that ends the line holding `from`, or the text's size.
constexpr std::size_t next_line_break(std::string_view text, std::size_t from) {
  return next_of(text, from, kLineBreaks);
}

// One past the first `close` at or after `from`; the text's size when there is none.
inline std::size_t past_next(std::string_view text, std::size_t from, std::string_view close) {
  const auto found = text.find(close, from);
  return found == std::string_view::npos ? text.size() : found + close.size();
}

// One past the `*/` of the block comment whose `/*` is at `open`; unclosed, the text's size.
inline std::size_t block_comment_end(std::string_view text, std::size_t open) {
  return past_next(text, open + 2, "*/");
}

// The closing quote of the literal whose opening quote is at `open`, a backslash escaping the
// byte after it; it may span lines. Unterminated: the text's size.
constexpr std::size_t closing_quote(std::string_view text, std::size_t open) {
  // Each quote found is escaped when an odd run of backslashes stands before it.
  for (std::size_t from = open + 1;;) {
    const auto close = text.find(text[open], from);
    if (close == std::string_view::npos) return text.size();
    auto run = close;
    while (run > open + 1 && text[run - 1] == '\\') --run;
    if ((close - run) % 2 == 0) return close;
    from = close + 1;
  }
}

// The same for a literal that ends at its line: unterminated, at the first `ends` byte after the
// opening quote (an escaped one does not count), or at the text's size.
constexpr std::size_t closing_quote(std::string_view text, std::size_t open, const ByteSet& ends) {
  const char quote = text[open];
  std::size_t i = open + 1;
  while (i < text.size() && text[i] != quote && !ends.contains(text[i]))
    i += text[i] == '\\' ? 2 : 1;
  return std::min(i, text.size());
}

// One past the literal whose opening quote is at `open` and whose closing_quote is `close`.
constexpr std::size_t past_quote(std::string_view text, std::size_t open, std::size_t close) {
  return close < text.size() && text[close] == text[open] ? close + 1 : close;
}

// One past the literal whose opening quote is at `open` (see closing_quote).
constexpr std::size_t quoted_end(std::string_view text, std::size_t open) {
  return past_quote(text, open, closing_quote(text, open));
}
constexpr std::size_t quoted_end(std::string_view text, std::size_t open, const ByteSet& ends) {
  return past_quote(text, open, closing_quote(text, open, ends));
}

// The closing quote of a literal whose quote is escaped by doubling it (SQL `"a""b"`, C#
// `@"a""b"`, YAML `'it''s'`); it may span lines. Unterminated: the text's size.
constexpr std::size_t closing_doubled_quote(std::string_view text, std::size_t open) {
  const char quote = text[open];
  std::size_t i = open + 1;
  while (i < text.size() && !(text[i] == quote && (i + 1 >= text.size() || text[i + 1] != quote)))
    i += text[i] == quote ? 2 : 1;
  return i;
}

// One past the literal of closing_doubled_quote.
constexpr std::size_t doubled_quote_end(std::string_view text, std::size_t open) {
  return std::min(closing_doubled_quote(text, open) + 1, text.size());
}

// What continues a number literal in a C-like language.
struct NumberSyntax {
  // Bytes that always continue it: digits, letters (radix, suffix), `_`.
  ByteSet body;
  // After a leading `0` they make a radix prefix, whose `e` is a digit rather than an exponent.
  ByteSet radix_letters;
  // Bytes a `'` digit separator may stand before (C++14); none: no separators.
  ByteSet separated;
};

// One past the number literal starting at `begin`: body bytes, a `.` before a digit, `'`
// separators, and a sign after an exponent's `e`.
constexpr std::size_t number_end(std::string_view text, std::size_t begin,
                                 const NumberSyntax& syntax) {
  const auto at = [&](std::size_t i) { return i < text.size() ? text[i] : '\0'; };
  const bool radix_prefix = text[begin] == '0' && syntax.radix_letters.contains(at(begin + 1));
  std::size_t i = begin;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (syntax.body.contains(c)) {
      ++i;
      if (!radix_prefix && (c | 0x20) == 'e' && (at(i) == '+' || at(i) == '-')) ++i;
    } else if ((c == '.' && is_digit(at(i + 1))) ||
               (c == '\'' && syntax.separated.contains(at(i + 1)))) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// One past the digits of an exponent (`e5`, `E-3`) at `at`, or `at` when there is none.
constexpr std::size_t exponent_end(std::string_view text, std::size_t at) {
  if (at >= text.size() || (text[at] | 0x20) != 'e') return at;
  std::size_t digits = at + 1;
  if (digits < text.size() && (text[digits] == '+' || text[digits] == '-')) ++digits;
  if (digits >= text.size() || !is_digit(text[digits])) return at;
  return run_end(text, digits, kDigits);
}

// The length of the first of `operators` (longest listed first) that `rest` starts with, or 1.
constexpr std::size_t operator_length(std::string_view rest,
                                      std::span<const std::string_view> operators) {
  for (const auto op : operators)
    if (rest.starts_with(op)) return op.size();
  return 1;
}

// Words a lexer keeps (keywords, builtins), all marked with the same non-zero `flags`.
struct WordList {
  std::span<const std::string_view> words;
  std::uint8_t flags;
};

// A static table of words and their flags: open addressing over `kSlots` slots (a power of two,
// at least twice the words), built at compile time. A look-up hashes three bytes and the length
// of the word and usually compares it with one entry; a word longer or shorter than every entry
// is not even hashed.
template <std::size_t kSlots>
class WordTable {
  static_assert(kSlots >= 2 && std::has_single_bit(kSlots), "slots: a power of two");

 public:
  // A word in several lists gets the flags of each.
  constexpr WordTable(std::initializer_list<WordList> lists) {
    for (const auto& list : lists)
      for (const auto word : list.words) add(word, list.flags);
  }

  // The word's flags, 0 when it is in no list.
  constexpr std::uint8_t flags(std::string_view word) const {
    if (word.size() < shortest_ || word.size() > longest_) return 0;
    for (auto slot = slot_of(word);; slot = (slot + 1) % kSlots) {
      if (words_[slot].empty()) return 0;
      if (words_[slot] == word) return flags_[slot];
    }
  }
  constexpr bool contains(std::string_view word) const { return flags(word) != 0; }
  constexpr std::size_t longest() const { return longest_; }

 private:
  // First, middle and last byte and the length: these tell apart the keywords of a language.
  static constexpr std::size_t slot_of(std::string_view word) {
    const auto byte = [&](std::size_t i) {
      return static_cast<std::uint64_t>(static_cast<unsigned char>(word[i]));
    };
    const std::uint64_t key = byte(0) | byte(word.size() / 2) << 8 | byte(word.size() - 1) << 16 |
                              std::uint64_t{word.size()} << 24;
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15u) >> (64 - std::countr_zero(kSlots)));
  }

  constexpr void add(std::string_view word, std::uint8_t flags) {
    if (word.empty() || flags == 0) throw "a word table holds non-empty words with flags";
    auto slot = slot_of(word);
    while (!words_[slot].empty() && words_[slot] != word) slot = (slot + 1) % kSlots;
    if (words_[slot].empty() && ++size_ * 2 > kSlots) throw "a word table needs more slots";
    words_[slot] = word;
    flags_[slot] |= flags;
    shortest_ = std::min(shortest_, word.size());
    longest_ = std::max(longest_, word.size());
  }

  std::array<std::string_view, kSlots> words_{};
  std::array<std::uint8_t, kSlots> flags_{};
  std::size_t size_ = 0;
  std::size_t shortest_ = std::numeric_limits<std::size_t>::max();
  std::size_t longest_ = 0;
};

// A comma waits for the next token: before `)`, `]` or `}` it is a trailing comma and vanishes,
// so that formatter habits and required trailing commas (Go) do not show.
class HeldComma {
 public:
  explicit HeldComma(TokenSink& sink) : sink_(sink) {}

  // Holds `comma` back, emitting a comma held before it.
  void hold(std::string_view comma) {
    release(false);
    comma_ = comma;
  }
  // Emits a held comma unless the token about to be emitted closes a bracket.
  void release(bool next_closes_bracket) {
    if (comma_.empty()) return;
    if (!next_closes_bracket) sink_.keep(comma_);
    comma_ = {};
  }

 private:
  TokenSink& sink_;
  std::string_view comma_;
};

// A lexer's text, sink and position, with look-ahead that needs no bounds checks, and the two
// main loops lexers share. `Lexer` derives from it; if it runs one of the loops it befriends it
// and defines `token(c)`, which lexes what starts with the byte `c` at the position and must
// move past it. It may also hide skip_layout(), to learn where lines start.
template <typename Lexer>
class Scanner {
 public:
  Scanner(std::string_view text, TokenSink& sink) : text_(text), sink_(sink) {}

  // For languages where layout only separates tokens: runs of blank and control bytes are
  // skipped.
  void run_tokens() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (is_blank_or_control(c))
        lexer().skip_layout();
      else
        lexer().token(c);
    }
  }

  // For languages where a newline means something: blanks inside a line are skipped and
  // `Lexer::newline()` follows each `\n`.
  void run_lines() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (is_inline_blank(c)) {
        ++pos_;
      } else if (c == '\n') {
        ++pos_;
        lexer().newline();
      } else {
        lexer().token(c);
      }
    }
  }

 protected:
  // The byte at `i`, or NUL past the end of the text.
  char at(std::size_t i) const { return i < text_.size() ? text_[i] : '\0'; }
  char peek(std::size_t ahead) const { return at(pos_ + ahead); }
  // The text from `begin` up to the position.
  std::string_view from(std::size_t begin) const { return text_.substr(begin, pos_ - begin); }
  // Moves to the `\n` that ends the line, or to the `\n` or `\r`.
  void skip_to_newline() { pos_ = next_newline(text_, pos_); }
  void skip_to_line_break() { pos_ = next_line_break(text_, pos_); }
  void skip_layout() { pos_ = run_end(text_, pos_, kBlankOrControl); }

  std::string_view text_;
  TokenSink& sink_;
  std::size_t pos_ = 0;

 private:
  Lexer& lexer() { return static_cast<Lexer&>(*this); }
};

}  // namespace huella::scan
