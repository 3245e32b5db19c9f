#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

#include "huella/generated.h"
#include "huella/verbatim.h"

using huella::find_generated;

namespace {

std::string minified_bundle(std::string_view banner) {
  std::string body(banner);
  for (int i = 0; i < 200; ++i) body += "function f" + std::to_string(i) + "(t){return t+" + std::to_string(i) + "};";
  return body;
}

}  // namespace

TEST_CASE("generated: a minified library in a page is left out, its banner naming it") {
  const std::string page = "<html>\n<script>" + minified_bundle("/*! plotly.js v2 | MIT */") +
                           "</script>\n<script>\nconst mine = 1;\n</script>\n";
  const auto regions = find_generated(page, "html");
  REQUIRE(regions.size() == 1);
  CHECK(regions[0].reason == "embedded library plotly.js");
  CHECK(regions[0].first_line == 2);
  CHECK(page.substr(regions[0].begin, 8) == "/*! plot");
  CHECK(page.substr(regions[0].end, 9) == "</script>");
  CHECK(find_generated(page.substr(page.find("\n<script>\nconst")), "html").empty());
}

TEST_CASE("generated: a minified script without a banner, and a minified file by any name") {
  const auto script = "<script>" + minified_bundle("") + "</script>";
  REQUIRE(find_generated(script, "html").size() == 1);
  CHECK(find_generated(script, "html")[0].reason == "minified script");
  const auto bundle = minified_bundle("");
  const auto whole = find_generated(bundle, "javascript");
  REQUIRE(whole.size() == 1);
  CHECK(whole[0].reason == "minified code");
  CHECK(whole[0].end == bundle.size());
  CHECK(find_generated(bundle, "json").empty());  // a compact data file is data, not generated code
}

TEST_CASE("generated: a Plotly export is generated as a whole") {
  const std::string page =
      "<div id=\"x\" class=\"plotly-graph-div\"></div>\n<script>Plotly.newPlot(\"x\", [], {})</script>\n";
  const auto regions = find_generated(page, "html");
  REQUIRE(regions.size() == 1);
  CHECK(regions[0].reason == "Plotly export");
  CHECK(regions[0].first_line == 1);
  CHECK(regions[0].last_line == 2);
}

TEST_CASE("generated: inline base64 images, not short data URIs") {
  const std::string image = "data:image/png;base64," + std::string(400, 'A');
  const auto markdown = "Mi captura:\n![panel](" + image + ")\n";
  const auto regions = find_generated(markdown, "markdown");
  REQUIRE(regions.size() == 1);
  CHECK(regions[0].reason == "base64 data");
  CHECK(regions[0].first_line == 2);
  CHECK(find_generated("url(data:image/png;base64,AAAA)", "css").empty());
}

TEST_CASE("generated: blanking keeps every line where it was") {
  std::string page = "<script>" + minified_bundle("") + "\n" + minified_bundle("") + "</script>\nok\n";
  const auto regions = find_generated(page, "html");
  const auto size = page.size();
  huella::blank_regions(page, regions);
  CHECK(page.size() == size);
  CHECK(std::count(page.begin(), page.end(), '\n') == 3);
  CHECK(page.find("function") == std::string::npos);
  CHECK(page.ends_with("</script>\nok\n"));
}

TEST_CASE("verbatim: the share of lines held by the original as written") {
  const std::string original = "a = 1\nb = 2\n\nc = 3\n";
  CHECK(huella::verbatim_line_share("  a = 1\nb = 2\n  c = 3  \n", original) == doctest::Approx(1.0));
  CHECK(huella::verbatim_line_share("a = 1\na = 1\nx = 9\nc = 3\n", original) == doctest::Approx(0.5));
  CHECK(huella::verbatim_line_share("\n\n", original) == 0.0);
}

TEST_CASE("generated: hostile text with markers everywhere costs one pass") {
  std::string text;
  for (int i = 0; i < 60000; ++i) text += ";base64,AAAA<script>";
  const auto start = std::chrono::steady_clock::now();
  const auto regions = find_generated(text, "html");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK(regions.size() == 1);  // the first script runs to the end: one long line
}
