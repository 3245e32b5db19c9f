#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> js(std::string_view text) { return symbols(lex_javascript, text); }

TEST_CASE("javascript: renamed identifiers give the same symbols") {
  CHECK(js("function media(valores) { let total = 0; for (const v of valores) total += v; "
           "return total / valores.length; }") ==
        js("function promedio(xs) { let suma = 0; for (const x of xs) suma += x; "
           "return suma / xs.length; }"));
}

TEST_CASE("javascript: comments, whitespace and line breaks vanish") {
  CHECK(js("const a = f(1, 2); // sum\n/* block\ncomment */ a.push(3);") ==
        js("const a=f(1,2);\n\n\n\ta.push(3)"));
}

TEST_CASE("javascript: optional semicolons and trailing commas vanish") {
  CHECK(js("const a = [1, 2, 3];\nconsole.log(a);\n") == js("const a = [1, 2, 3]\nconsole.log(a)"));
  CHECK(js("f({ x: 1, y: 2, }, [3, 4,],)") == js("f({ x: 1, y: 2 }, [3, 4])"));
  CHECK(js("f(a, b)") != js("f(a b)"));
}

TEST_CASE("javascript: literal values do not matter, their kind does") {
  CHECK(js("const url = 'http://a/api'; const n = 10; const re = /ab+c/g;") ==
        js("const url = \"https://b/x\"; const n = 0x1F; const re = /[0-9]{2}/i;"));
  CHECK(js("x = 1.5e-3 + 1_000n") == js("x = 2 + 3"));
  CHECK(js("x = `temp: ${t} C`") == js("x = `temperatura ${t}°`"));
  CHECK(js("x = 'a'") != js("x = 1"));
}

TEST_CASE("javascript: keywords and operators are kept as written") {
  CHECK(js("if (a === b) x++") != js("if (a == b) x++"));
  CHECK(js("let a = 1") != js("const a = 1"));
  CHECK(js("while (a) f()") != js("if (a) f()"));
  CHECK(js("a >>>= b ?? c") == std::vector{id(), sym(">>>="), id(), sym("??"), id()});
}

TEST_CASE("javascript: well-known globals are kept, members only after a dot") {
  CHECK(js("console.log(data.map(f))") == std::vector{sym("console"), sym("."), sym("log"),
                                                      sym("("), id(), sym("."), sym("map"),
                                                      sym("("), id(), sym(")"), sym(")")});
  // A student's variable called `map` is a name like any other; so is a property `misDatos`.
  CHECK(js("let map = L.map('m')") == std::vector{sym("let"), id(), sym("="), sym("L"), sym("."),
                                                  sym("map"), sym("("), str(), sym(")")});
  CHECK(js("x.misDatos") == js("x.y"));
}

TEST_CASE("javascript: a slash is a regex or a division by the previous token") {
  CHECK(js("a = b / c / d") == std::vector{id(), sym("="), id(), sym("/"), id(), sym("/"), id()});
  CHECK(js("a = (b) / 2 / c") == js("a = (b) / 2 / c"));
  CHECK(js("x.replace(/\\s+/g, '')") ==
        std::vector{id(), sym("."), sym("replace"), sym("("), str(), sym(","), str(), sym(")")});
  CHECK(js("return /a[/]b/.test(s)") ==
        std::vector{sym("return"), str(), sym("."), id(), sym("("), id(), sym(")")});
  CHECK(js("i++ / 2") == std::vector{id(), sym("++"), sym("/"), num()});
}

TEST_CASE("javascript: template literals are one string with their expressions lexed") {
  CHECK(js("el.innerHTML = `<b>${s.name}</b>: ${v.toFixed(1)} °C`") ==
        std::vector{id(), sym("."), sym("innerHTML"), sym("="), str(), sym("${"), id(), sym("."),
                    id(), sym("}"), sym("${"), id(), sym("."), sym("toFixed"), sym("("), num(),
                    sym(")"), sym("}")});
  // Nested templates and object braces inside a substitution.
  CHECK(js("`a${ f({k: `b${c}`}) }d` + 1") ==
        std::vector{str(), sym("${"), id(), sym("("), sym("{"), id(), sym(":"), str(), sym("${"),
                    id(), sym("}"), sym("}"), sym(")"), sym("}"), sym("+"), num()});
}

TEST_CASE("javascript: token lines are 1-based and follow multi-line tokens") {
  CHECK(lines(lex_javascript, "a\n/* x\ny */ b\n`1\n2` c") ==
        std::vector<std::uint32_t>{1, 3, 4, 5});
}

TEST_CASE("javascript: TypeScript, private names and a hashbang") {
  CHECK(js("#!/usr/bin/env node\nx") == std::vector{id()});
  CHECK(js("interface Lectura { valor: number }") == js("interface Reading { value2: string }"));
  CHECK(js("class A { #n = 1; get() { return this.#n } }") ==
        js("class B { #count = 2; get() { return this.#count } }"));
}

TEST_CASE("javascript: JSON keys and values are strings, literals are kept") {
  CHECK(symbols(lex_javascript, R"({"id": 7, "ok": true, "tags": ["a", null]})", Channel::config) ==
        std::vector{sym("{"), str(), sym(":"), num(), sym(","), str(), sym(":"), sym("true"),
                    sym(","), str(), sym(":"), sym("["), str(), sym(","), sym("null"), sym("]"),
                    sym("}")});
}

TEST_CASE("javascript: a dashboard's fetch and chart code") {
  const std::string_view code = R"(
async function cargar() {
  const res = await fetch('/api/lecturas');
  const datos = await res.json();
  chart.data.labels = datos.map(d => d.ts);
  chart.update();
}
setInterval(cargar, 5000);
)";
  const auto s = js(code);
  REQUIRE(s.size() == 51);
  CHECK(std::vector(s.begin(), s.begin() + 16) ==
        std::vector{sym("async"), sym("function"), id(), sym("("), sym(")"), sym("{"), sym("const"),
                    id(), sym("="), sym("await"), sym("fetch"), sym("("), str(), sym(")"),
                    sym("const"), id()});
  CHECK(std::vector(s.end() - 7, s.end()) ==
        std::vector{sym("}"), sym("setInterval"), sym("("), id(), sym(","), num(), sym(")")});
  CHECK(lines(lex_javascript, code).back() == 8);
}

TEST_CASE("javascript: a Leaflet map is lexed with its API names kept") {
  const auto s =
      js("const mapa = L.map('mapa').setView([40.4, -3.7], 6);\n"
         "L.tileLayer(url).addTo(mapa);");
  CHECK(std::count(s.begin(), s.end(), sym("L")) == 2);
  CHECK(std::count(s.begin(), s.end(), sym("setView")) == 1);
  CHECK(std::count(s.begin(), s.end(), sym("addTo")) == 1);
  CHECK(std::count(s.begin(), s.end(), num()) == 3);
}

TEST_CASE("javascript: hostile input ends with sane tokens") {
  std::string minified;
  for (int i = 0; i < 40000; ++i) minified += "a=b/c;d=(/[/]x/g);e=`${f}`;";
  std::vector<std::string> inputs = {
      "'unterminated",
      "\"abc\\",
      "/* never closed",
      "`open ${ a + `inner ${",
      "x = /[never closed\n y",
      "}}}}}} )))) `a}`",
      std::string("a\0b\0\0c", 6),
      "\x01\x02\x7f\xc3\xa9\xff\xfe/\\",
      std::string(100000, '/'),
      std::string(100000, '(') + std::string(100000, '/'),
      std::string(50000, '`') + "${" + std::string(50000, '{'),
      minified,
  };
  for (const auto& text : inputs)
    check_sane_tokens(tokenize(text, Channel::code, lex_javascript), text);
  CHECK(js("a /* b") == std::vector{id()});
  CHECK(js("'abc\nx") == std::vector{str(), id()});
  CHECK(js(std::string("a\0b", 3)) == std::vector{id(), id()});
}

}  // namespace
}  // namespace huella::test
