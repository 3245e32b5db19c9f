#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "huella/watermark.h"

using huella::find_watermarks;
using huella::Watermark;
using huella::WatermarkKind;

namespace {

const std::string kFrame = "\xEF\xBB\xBF", kZero = "\xE2\x80\x8B", kOne = "\xE2\x80\x8C",
                  kSeparator = "\xE2\x80\x8D";

// The professor's zero-width encoding, written independently of the decoder.
std::string zero_width(std::string_view payload) {
  std::string out = kFrame;
  for (std::size_t i = 0; i < payload.size(); ++i) {
    if (i > 0) out += kSeparator;
    for (int bit = 7; bit >= 0; --bit) out += (payload[i] >> bit & 1) ? kOne : kZero;
  }
  return out + kFrame;
}

std::string read(const std::string& relative) {
  std::ifstream in(std::string(HUELLA_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kPayload = "TE:0123456789abcdef:20260213:" + huella::base_name_tag("pagina.md");

}  // namespace

TEST_CASE("an intact zero-width run gives its payload, line, date and file tag") {
  const auto marks = find_watermarks("# Titulo\nTexto copiado" + zero_width(kPayload) + " y mas\n");
  REQUIRE(marks.size() == 1);
  CHECK(marks[0].kind == WatermarkKind::zero_width);
  CHECK(marks[0].line == 2);
  CHECK(marks[0].payload == kPayload);
  CHECK(marks[0].date == "2026-02-13");
  CHECK(marks[0].file_name == huella::base_name_tag("pagina.md"));
  CHECK(marks[0].intact);
  CHECK(marks[0].bytes_recovered == kPayload.size());
}

TEST_CASE("a damaged zero-width run still gives the bytes that survived") {
  auto run = zero_width(kPayload);
  SUBCASE("a bit lost in the third byte") {
    const auto third = kFrame.size() + 2 * (8 * kZero.size() + kSeparator.size());
    run.erase(third, kZero.size());
    const auto marks = find_watermarks(run);
    REQUIRE(marks.size() == 1);
    CHECK_FALSE(marks[0].intact);
    CHECK(marks[0].bytes_recovered == kPayload.size() - 1);
    CHECK(marks[0].payload == "TE?" + kPayload.substr(3));
  }
  SUBCASE("frames stripped and the tail cut off") {
    run = run.substr(kFrame.size(), 10 * (8 * kZero.size() + kSeparator.size()));
    const auto marks = find_watermarks("texto " + run + " texto");
    REQUIRE(marks.size() == 1);
    CHECK_FALSE(marks[0].intact);
    CHECK(marks[0].bytes_recovered == 10);
    CHECK(marks[0].payload == kPayload.substr(0, 10));
  }
}

TEST_CASE("lone invisible characters are no watermark") {
  CHECK(find_watermarks("a" + kZero + "b" + kFrame + "c" + kSeparator + kOne + "d").empty());
}

TEST_CASE("the HTML comment is verified by its SHA-256 check") {
  const std::string hash(64, 'a');
  const auto check = huella::watermark_check("panel.html", hash, "2026-02-13 09:30:00");
  CHECK(check.size() == 32);
  auto page = "<!DOCTYPE html>\n<!--\n  TodoEconometria:watermark\n  Autor: Alguien\n  Hash ID: " +
              hash + "\n  Archivo: panel.html\n  Timestamp: 2026-02-13 09:30:00\n  Verificacion: " +
              check + "\n-->\n<html></html>\n";
  auto marks = find_watermarks(page);
  REQUIRE(marks.size() == 1);  // the comment's "Hash ID" line is not a visible footer
  CHECK(marks[0].kind == WatermarkKind::html_comment);
  CHECK(marks[0].line == 2);
  CHECK(marks[0].file_name == "panel.html");
  CHECK(marks[0].date == "2026-02-13 09:30:00");
  CHECK(marks[0].intact);
  page.replace(page.find("panel.html"), 10, "mipanel.html");
  marks = find_watermarks(page);
  REQUIRE(marks.size() == 1);
  CHECK_FALSE(marks[0].intact);
}

TEST_CASE("rights meta tags count when a dcterms tag is there, an author tag alone does not") {
  CHECK(find_watermarks("<head><meta name=\"author\" content=\"Ana\"></head>").empty());
  const auto marks = find_watermarks(
      "<head>\n<meta name=\"author\" content=\"P\">\n<meta name=\"dcterms.license\" content=\"CC\">\n");
  REQUIRE(marks.size() == 1);
  CHECK(marks[0].kind == WatermarkKind::html_meta);
  CHECK(marks[0].line == 2);
  CHECK(marks[0].payload == "author=P; dcterms.license=CC");
  CHECK_FALSE(marks[0].intact);
}

TEST_CASE("a visible Hash ID footer pasted into student text") {
  const std::string hash = "07ae34c37184ad4776c15ac535ce461a2cbc503c24dcd985275d4259e218a065";
  const auto marks = find_watermarks("Mi trabajo.\n\n**Hash ID de Certificacion:** `" + hash + "`\n");
  REQUIRE(marks.size() == 1);
  CHECK(marks[0].kind == WatermarkKind::visible_hash_id);
  CHECK(marks[0].line == 3);
  CHECK(marks[0].payload == hash);
  CHECK(marks[0].intact);
  CHECK(find_watermarks("El hash id de la imagen es distinto de cada dia.").empty());
}

TEST_CASE("the reference pages carry their marks where the course pages do") {
  const auto page = find_watermarks(read("reference_dashboards/dashboard_iss.md"));
  REQUIRE(page.size() == 4);  // title, first paragraph, before the footer; the footer
  for (int i = 0; i < 3; ++i) {
    CHECK(page[i].kind == WatermarkKind::zero_width);
    CHECK(page[i].intact);
    CHECK(page[i].file_name == huella::base_name_tag("dashboard_iss.md"));
  }
  CHECK(page[0].line == 1);
  CHECK(page[3].kind == WatermarkKind::visible_hash_id);
  const auto html = find_watermarks(read("reference_dashboards/dashboard_sismos.html"));
  REQUIRE(html.size() == 2);
  CHECK(html[0].kind == WatermarkKind::html_comment);
  CHECK(html[0].intact);
  CHECK(html[1].kind == WatermarkKind::html_meta);
  CHECK(html[1].intact);
}

TEST_CASE("sources: the reference carrying the mark, else the one its name designates") {
  huella::WatermarkSources sources;
  Watermark own{WatermarkKind::zero_width, 1, kPayload, "", "", true, 0};
  sources.add("apuntes/pagina.md", "pagina.md", std::span(&own, 1));
  sources.add("apuntes/otra.md", "otra.md", {});
  Watermark damaged = own;
  damaged.payload[5] = '?';
  CHECK(sources.source_of(damaged) == "apuntes/pagina.md");
  Watermark by_tag{WatermarkKind::zero_width, 1, "TE:ffff", huella::base_name_tag("otra.md"), "",
                   false, 7};
  CHECK(sources.source_of(by_tag) == "apuntes/otra.md");
  CHECK(sources.source_of({WatermarkKind::zero_width, 1, "TE:x", "00000000", "", false, 4}).empty());
}

TEST_CASE("hostile text: repeated keys, tags and markers cost one pass") {
  std::string text;
  for (int i = 0; i < 40000; ++i) text += "TodoEconometria:watermark <meta Hash ID " + kZero + kFrame;
  text += "<!--";
  const auto start = std::chrono::steady_clock::now();
  const auto marks = find_watermarks(text);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK(marks.empty());  // keys outside comments, tags without names, single bits: no mark
}
