#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> css(std::string_view text) { return symbols(lex_css, text); }

TEST_CASE("css: renamed classes, ids and custom properties give the same symbols") {
  CHECK(css(".card #mapa { --fondo: #fff; color: var(--fondo) }") ==
        css(".tarjeta #map { --bg: #fff; color: var(--bg) }"));
  CHECK(css(".card { color: red }") ==
        std::vector{sym("."), id(), sym("{"), sym("color"), sym(":"), sym("red"), sym("}")});
}

TEST_CASE("css: comments, whitespace and the last semicolon vanish") {
  CHECK(css("/* tarjetas */\n.card {\n  padding: 1rem; // scss\n  margin: 0;\n}\n") ==
        css(".card{padding:1rem;margin:0}"));
}

TEST_CASE("css: values of numbers, colors and strings do not matter, units do") {
  CHECK(css("a { width: 12.5px; color: #ff0000; font-family: 'Inter'; }") ==
        css("a { width: -3px; color: #abc; font-family: \"Roboto Slab\"; }"));
  CHECK(css("a { margin: 1e3px }") == css("a { margin: 2px }"));
  CHECK(css("a { width: 10px }") != css("a { width: 10% }"));
  CHECK(css("a { width: 10px }") ==
        std::vector{sym("a"), sym("{"), sym("width"), sym(":"), num(), sym("px"), sym("}")});
}

TEST_CASE("css: property names, keyword values and selectors are kept") {
  CHECK(css("a { display: flex }") != css("a { display: grid }"));
  CHECK(css("a { display: flex }") != css("a { position: flex }"));
  CHECK(css("ul > li:hover { }") != css("ul li:hover { }"));
  CHECK(css("li:nth-child(2n+1)::before { }") ==
        std::vector{sym("li"), sym(":"), sym("nth-child"), sym("("), num(), sym("n"), num(),
                    sym(")"), sym(":"), sym(":"), sym("before"), sym("{"), sym("}")});
}

TEST_CASE("css: a bare declaration list, as in a style attribute") {
  CHECK(css("color: red; margin: 0 auto") == std::vector{sym("color"), sym(":"), sym("red"),
                                                         sym("margin"), sym(":"), num(),
                                                         sym("auto")});
}

TEST_CASE("css: at-rules, functions, urls and nesting") {
  CHECK(css("@media (max-width: 600px) { .a { display: none } }") ==
        std::vector{sym("@media"), sym("("), sym("max-width"), sym(":"), num(), sym("px"), sym(")"),
                    sym("{"), sym("."), id(), sym("{"), sym("display"), sym(":"), sym("none"),
                    sym("}"), sym("}")});
  CHECK(css("@keyframes latido { 0% { opacity: 1 } 100% { opacity: .2 } }").size() == 18);
  CHECK(css("a { background: url(//cdn.x/img.png) no-repeat }") ==
        css("a { background: url(\"otra.png\") no-repeat }"));
  CHECK(css("a { color: rgb(10, 20, 30) }") == css("a { color: rgb(1, 2, 3) }"));
  CHECK(css(".a { &:hover { color: red } color: blue }") ==
        std::vector{sym("."), id(), sym("{"), sym("&"), sym(":"), sym("hover"), sym("{"),
                    sym("color"), sym(":"), sym("red"), sym("}"), sym("color"), sym(":"),
                    sym("blue"), sym("}")});
  CHECK(css("a { content: \"{\"; color: red }") == std::vector{sym("a"), sym("{"), sym("content"),
                                                               sym(":"), str(), sym("color"),
                                                               sym(":"), sym("red"), sym("}")});
}

TEST_CASE("css: token lines are 1-based") {
  CHECK(lines(lex_css, "a {\n  color: red;\n  /* x\n  */ top: 0 }") ==
        std::vector<std::uint32_t>{1, 1, 2, 2, 2, 4, 4, 4, 4});
}

TEST_CASE("css: a card layout") {
  const std::string_view sheet = R"(
.tarjetas {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
  gap: 1rem;
}
.tarjeta {
  background: #ffffff;
  border-radius: 8px;
  box-shadow: 0 2px 4px rgba(0, 0, 0, 0.1);
}
)";
  const auto s = css(sheet);
  REQUIRE(s.size() == 54);
  CHECK(std::vector(s.begin(), s.begin() + 7) == std::vector{sym("."), id(), sym("{"),
                                                             sym("display"), sym(":"), sym("grid"),
                                                             sym("grid-template-columns")});
  CHECK(std::count(s.begin(), s.end(), id()) == 2);
  CHECK(lines(lex_css, sheet).back() == 11);
}

TEST_CASE("css: hostile input ends with sane tokens") {
  std::vector<std::string> inputs = {
      "a { content: 'unterminated",
      "/* never closed",
      "a { background: url(never closed",
      "@",
      "--",
      "#",
      "\\",
      std::string(100000, '{'),
      std::string(100000, ';'),
      std::string(100000, '"'),
      std::string(50000, 'a') + std::string(50000, ':'),
      std::string("a\0b\0\0c", 6),
      "\x01\x02\x7f\xc3\xa9\xff\xfe\\",
  };
  for (const auto& text : inputs) check_sane_tokens(tokenize(text, Channel::code, lex_css), text);
  CHECK(css("a { b /* c") == std::vector{sym("a"), sym("{"), sym("b")});
}

}  // namespace
}  // namespace huella::test
