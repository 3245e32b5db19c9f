#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lex_support.h"

namespace huella::test {
namespace {

std::vector<std::uint64_t> html(std::string_view text) { return symbols(lex_html, text); }

TEST_CASE("html: tags, attribute names and values, and text words") {
  CHECK(html("<div class=\"card\">Temperatura actual</div>") ==
        std::vector{sym("<div"), sym("class"), str(), sym("temperatura"), sym("actual"),
                    sym("</div")});
  CHECK(html("<input disabled value=42>") ==
        std::vector{sym("<input"), sym("disabled"), sym("value"), str()});
}

TEST_CASE("html: renamed ids, classes and script names give the same symbols") {
  CHECK(html("<div id=\"mapa\" class=\"a b\"><script>let m = L.map('mapa')</script></div>") ==
        html("<div id='map' class=tarjeta><script>let x = L.map('map')</script></div>"));
}

TEST_CASE("html: case of tags and attributes, layout, comments and doctype do not matter") {
  CHECK(html("<!DOCTYPE html>\n<HTML><Body CLASS=\"x\">\n  <!-- menu -->\n  <P>Hola</P>\n"
             "</Body></HTML>") == html("<html><body class=\"y\"><p>Hola</p></body></html>"));
}

TEST_CASE("html: visible text is evidence, compared without case") {
  CHECK(html("<h1>Panel de Sensores</h1>") == html("<h1>panel de SENSORES</h1>"));
  CHECK(html("<h1>Panel de sensores</h1>") != html("<h1>Panel de lecturas</h1>"));
  CHECK(html("<p>Año&nbsp;2024 &amp; más</p>") ==
        std::vector{sym("<p"), sym("año"), num(), sym("mas"), sym("</p")});
  CHECK(html("<p>a < b</p>") == std::vector{sym("<p"), sym("a"), sym("b"), sym("</p")});
}

TEST_CASE("html: tags and attributes are kept") {
  CHECK(html("<ul><li>x</li></ul>") != html("<ol><li>x</li></ol>"));
  CHECK(html("<a href=\"#\">x</a>") != html("<a title=\"#\">x</a>"));
}

TEST_CASE("html: scripts are JavaScript and styles are CSS, with the file's lines") {
  const std::string_view page =
      "<style>\n.card { color: red }\n</style>\n"
      "<script>\nconst t = 1;\nfetch(url)\n</script>";
  CHECK(html(page) == std::vector{sym("<style"), sym("."), id(), sym("{"), sym("color"), sym(":"),
                                  sym("red"), sym("}"), sym("</style"), sym("<script"),
                                  sym("const"), id(), sym("="), num(), sym("fetch"), sym("("), id(),
                                  sym(")"), sym("</script")});
  CHECK(lines(lex_html, page) ==
        std::vector<std::uint32_t>{1, 2, 2, 2, 2, 2, 2, 2, 3, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7});
}

TEST_CASE("html: style attributes are CSS and event handlers are JavaScript") {
  CHECK(html("<p style=\"color: red; margin: 0\">") ==
        std::vector{sym("<p"), sym("style"), sym("color"), sym(":"), sym("red"), sym("margin"),
                    sym(":"), num()});
  CHECK(html("<button onclick=\"cargar(1)\" @click='x++'>") ==
        std::vector{sym("<button"), sym("onclick"), id(), sym("("), num(), sym(")"), sym("@click"),
                    id(), sym("++")});
  CHECK(lines(lex_html, "<div\n  onclick=\"a();\n  b()\">").back() == 3);
}

TEST_CASE("html: a data script is one string, a script with src has no body") {
  CHECK(html("<script type=\"application/json\">{\"a\": [1, 2]}</script>") ==
        std::vector{sym("<script"), sym("type"), str(), str(), sym("</script")});
  CHECK(html("<SCRIPT Type=\"text/javascript\">x()</Script>") ==
        std::vector{sym("<script"), sym("type"), str(), id(), sym("("), sym(")"), sym("</script")});
  CHECK(html("<script type=\"module\">x()</script>") ==
        std::vector{sym("<script"), sym("type"), str(), id(), sym("("), sym(")"), sym("</script")});
  CHECK(html("<script src=\"app.js\"></script>") ==
        std::vector{sym("<script"), sym("src"), str(), sym("</script")});
}

TEST_CASE("html: markup planted in scripts and text is not a problem") {
  // As in browsers, a script ends at the first `</script`, even inside a string.
  CHECK(html("<script>s = \"</script>\"; x</script>") == std::vector{sym("<script"), id(), sym("="),
                                                                     str(), sym("</script"),
                                                                     sym("x"), sym("</script")});
  CHECK(html("<p>Usa &lt;script&gt; aqui</p>") ==
        std::vector{sym("<p"), sym("usa"), sym("script"), sym("aqui"), sym("</p")});
  CHECK(html("<script>if (a < b) c()</script><p>ok</p>").back() == sym("</p"));
}

TEST_CASE("html: a dashboard page with a Leaflet map") {
  const std::string_view page = R"(<!DOCTYPE html>
<html lang="es">
<head>
  <link rel="stylesheet" href="https://unpkg.com/leaflet/dist/leaflet.css">
  <style>#mapa { height: 400px; }</style>
</head>
<body>
  <h1>Estaciones</h1>
  <div id="mapa"></div>
  <script>
    const mapa = L.map('mapa').setView([40.4, -3.7], 6);
    L.tileLayer('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png').addTo(mapa);
  </script>
</body>
</html>
)";
  const auto s = html(page);
  REQUIRE(s.size() == 64);
  CHECK(std::vector(s.begin(), s.begin() + 9) == std::vector{sym("<html"), sym("lang"), str(),
                                                             sym("<head"), sym("<link"), sym("rel"),
                                                             str(), sym("href"), str()});
  CHECK(std::count(s.begin(), s.end(), sym("estaciones")) == 1);
  const auto l = lines(lex_html, page);
  CHECK(l[std::find(s.begin(), s.end(), sym("setView")) - s.begin()] == 11);
  CHECK(l[std::find(s.begin(), s.end(), sym("tileLayer")) - s.begin()] == 12);
}

TEST_CASE("html: hostile input ends with sane tokens") {
  std::vector<std::string> inputs = {
      "<a href=\"never closed",
      "<div",
      "<!-- never closed",
      "<script>never closed",
      "<style>a { never",
      "<",
      "</",
      "<p onclick='",
      std::string(100000, '<'),
      std::string(50000, '&') + ";",
      std::string(20000, 'x') + std::string(100, 'X'),
      "<" + std::string(1000, 'a') + " " + std::string(1000, 'b') + "=c>",
      std::string("<p>\0a\0</p>", 10),
      "\x01\x02\x7f\xc3\xa9\xff\xfe\\<\x80>",
  };
  std::string many_scripts;
  for (int i = 0; i < 20000; ++i) many_scripts += "<script>a</scr<style>b</sty";
  inputs.push_back(many_scripts);
  for (const auto& text : inputs) check_sane_tokens(tokenize(text, Channel::code, lex_html), text);
  CHECK(html("<a href=\"x") == std::vector{sym("<a"), sym("href"), str()});
}

}  // namespace
}  // namespace huella::test
