#include <doctest/doctest.h>

#include "huella/language.h"
#include "lex_support.h"

using namespace huella;
using huella::test::sym;

TEST_CASE("markdown: prose words are lower-cased and punctuation and markup vanish") {
  const auto a = test::symbols(lex_markdown, "# Mi Reflexión\n\n**Aprendí** que *Kafka* es rápido.", Channel::prose);
  const auto b = test::symbols(lex_markdown, "mi reflexión aprendí que kafka es rápido", Channel::prose);
  CHECK(a == b);
  CHECK(a.front() == sym("mi"));
}

TEST_CASE("markdown: fenced code goes to the channel of its language, with file lines") {
  const std::string text =
      "Texto inicial\n"
      "```python\n"
      "x = 1\n"
      "```\n"
      "```hcl\n"
      "resource \"aws_s3_bucket\" \"b\" {}\n"
      "```\n"
      "fin\n";
  const auto file = tokenize(text, Channel::prose, lex_markdown);
  REQUIRE(file.segments.size() == 4);
  CHECK(file.segments[0].channel == Channel::prose);
  CHECK(file.segments[1].channel == Channel::code);
  CHECK(file.segments[2].channel == Channel::terraform);
  CHECK(file.segments[3].channel == Channel::prose);
  CHECK(file.tokens[file.segments[1].begin].line == 3);
  CHECK(file.tokens[file.segments[2].begin].line == 6);
  CHECK(file.tokens[file.segments[3].begin].line == 8);
}

TEST_CASE("markdown: untagged and unknown fences stay prose, an unclosed fence runs to the end") {
  const auto file = tokenize("a\n```\nTraceback error\n```\n```\nnunca cierra", Channel::prose,
                             lex_markdown);
  REQUIRE(file.segments.size() == 1);
  CHECK(file.segments[0].channel == Channel::prose);
  CHECK(file.tokens.size() == 5);
}

TEST_CASE("markdown: plain text numbers are one class") {
  CHECK(test::symbols(lex_plain_text, "magnitud 4", Channel::prose) ==
        test::symbols(lex_plain_text, "Magnitud 6", Channel::prose));
}
