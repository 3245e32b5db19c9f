// Helpers for lexer tests: the symbol and line sequences a lexer produces for a text.
#pragma once

#include <cstdint>
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

}  // namespace huella::test
