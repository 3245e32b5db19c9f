// Helpers for lexer tests: the symbol and line sequences a lexer produces for a text, the class
// symbols, and the checks every lexer must pass on hostile input.
#pragma once

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "huella/lex.h"

namespace huella::test {

inline std::vector<std::uint64_t> symbols(LexFunction lex, std::string_view text,
                                          Channel channel = Channel::code) {
  std::vector<std::uint64_t> out;
  for (const auto& t : tokenize(text, channel, lex).tokens) out.push_back(t.symbol);
  return out;
}

inline std::vector<std::uint32_t> lines(LexFunction lex, std::string_view text,
                                        Channel channel = Channel::code) {
  std::vector<std::uint32_t> out;
  for (const auto& t : tokenize(text, channel, lex).tokens) out.push_back(t.line);
  return out;
}

inline std::uint64_t sym(std::string_view form) { return TokenSink::symbol_of(form); }

// The class symbols, read at each call: they are initialized in another translation unit, so a
// copy made during this one's static initialization could still be zero.
inline std::uint64_t id() { return TokenSink::kIdentifierSymbol; }
inline std::uint64_t num() { return TokenSink::kNumberSymbol; }
inline std::uint64_t str() { return TokenSink::kStringSymbol; }

// What a lexer may do that others do not, as far as check_sane_tokens is concerned.
struct TokenLeeway {
  bool reordered = false;           // Terraform puts items in canonical order
  bool empty_token_at_end = false;  // shell: an empty heredoc body where the text ends
};

// What a lexer must give for any input: no more tokens than bytes, each at an offset inside the
// text and on a line from 1; unless reordered, offsets and lines never go back. Returns the
// number of tokens.
inline std::size_t check_sane_tokens(const TokenizedFile& file, std::string_view text,
                                     TokenLeeway leeway = {}) {
  const auto& tokens = file.tokens;
  const std::size_t end = leeway.empty_token_at_end ? text.size() + 1 : text.size();
  bool inside = tokens.size() <= text.size();
  bool in_order = true;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    inside = inside && tokens[i].offset < end && tokens[i].line >= 1;
    if (!leeway.reordered && i > 0)
      in_order = in_order && tokens[i - 1].offset <= tokens[i].offset &&
                 tokens[i - 1].line <= tokens[i].line;
  }
  CHECK(inside);
  CHECK(in_order);
  return tokens.size();
}

// `head`, `piece` repeated until the text holds at least 1 MiB, then `tail`.
inline std::string long_input(std::string_view head, std::string_view piece,
                              std::string_view tail = {}) {
  std::string text(head);
  while (text.size() < (1 << 20)) text += piece;
  text += tail;
  return text;
}

// `size` bytes of noise, the same for the same seed.
inline std::string random_bytes(std::uint32_t seed, std::size_t size) {
  std::mt19937 random(seed);
  std::string noise(size, '\0');
  for (auto& byte : noise) byte = static_cast<char>(random());
  return noise;
}

}  // namespace huella::test
