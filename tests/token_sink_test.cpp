#include <doctest/doctest.h>

#include "huella/lex.h"

using namespace huella;

namespace {

// A toy lexer: words are identifiers, quoted runs strings, digit runs numbers.
void lex_toy(std::string_view text, TokenSink& sink) {
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    std::size_t j = i + 1;
    if (c == '"' || c == '\'') {
      while (j < text.size() && text[j] != c) ++j;
      sink.string_literal(text.substr(i, ++j - i));
    } else if (c >= '0' && c <= '9') {
      while (j < text.size() && ((text[j] >= '0' && text[j] <= '9') || text[j] == '.')) ++j;
      sink.number(text.substr(i, j - i));
    } else if (c != ' ' && c != '\n') {
      while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
      sink.identifier(text.substr(i, j - i));
    }
    i = j;
  }
}

std::vector<std::uint64_t> literal_values(std::string_view text) {
  std::vector<std::uint64_t> out;
  for (const auto& l : tokenize(text, Channel::code, lex_toy).literals) out.push_back(l.value);
  return out;
}

}  // namespace

TEST_CASE("token sink: lines are computed from offsets") {
  const auto file = tokenize("a b\n\nc \"x\ny\" d", Channel::code, lex_toy);
  std::vector<std::uint32_t> lines;
  for (const auto& t : file.tokens) lines.push_back(t.line);
  CHECK(lines == std::vector<std::uint32_t>{1, 1, 3, 3, 4});
}

TEST_CASE("token sink: literal values ignore quotes and ASCII case, short ones are not kept") {
  CHECK(literal_values("\"Sismos\" 'sismos'") == std::vector{literal_values("'SISMOS'")[0], literal_values("'SISMOS'")[0]});
  CHECK(literal_values("4.5") != literal_values("5.4"));
  CHECK(literal_values("'a' 1 ''").empty());
  const auto file = tokenize("x 'topic' y 9092", Channel::code, lex_toy);
  REQUIRE(file.literals.size() == 2);
  CHECK(file.literals[0].token == 1);
  CHECK(file.literals[1].token == 3);
}

TEST_CASE("token sink: sorting items moves their literals along") {
  const std::string_view text = "b 'uno' a 'dos'";
  TokenSink sink(text, Channel::code);
  lex_toy(text, sink);
  // Items: [b 'uno'] with key 2, [a 'dos'] with key 1: sorted, the second comes first.
  const std::uint32_t starts[] = {0, 2};
  const std::uint64_t keys[] = {2, 1};
  sink.sort_items(starts, keys);
  const auto file = std::move(sink).finish();
  REQUIRE(file.literals.size() == 2);
  CHECK(file.literals[0].token == 3);  // 'uno' moved from token 1 to 3
  CHECK(file.literals[1].token == 1);  // 'dos' moved from token 3 to 1
  CHECK(file.tokens[1].offset == 10);
}

TEST_CASE("token sink: a file past the token limit is refused whole, not cut") {
  LexLimits limits;
  limits.max_tokens = 3;
  CHECK(tokenize("a b c", Channel::code, lex_toy, limits).tokens.size() == 3);
  const auto file = tokenize("a b c d", Channel::code, lex_toy, limits);
  CHECK(file.tokens.empty());
  CHECK(file.segments.empty());
  CHECK(file.refused == "too many tokens (limit 3)");
}

TEST_CASE("token sink: a file still lexing at its deadline is refused") {
  LexLimits limits;
  limits.deadline = std::chrono::steady_clock::now();  // already past
  std::string many;
  for (int i = 0; i < 5000; ++i) many += "x ";
  const auto file = tokenize(many, Channel::code, lex_toy, limits);
  CHECK(file.tokens.empty());
  CHECK(file.refused == "took too long to read (time limit per file)");
  CHECK(tokenize("x y", Channel::code, lex_toy, limits).refused.empty());  // checked every 4096 tokens
}
