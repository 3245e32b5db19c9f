// The HTML report: what it embeds, how the embedded data is escaped, the Content-Security-Policy
// that lets only its own script and stylesheet run, and the screenshots' thumbnails.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "huella/html_report.h"
#include "huella/pipeline.h"
#include "temp_folder.h"

using namespace huella;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(HUELLA_SOURCE_DIR) / "fixtures";
const std::string kHostileId = "<img src=x onerror=window.__xss=1>";

// The hostile cohort: its two students share code, prose and a screenshot under hostile names.
const CohortResult& hostile_result() {
  static const CohortResult result = [] {
    auto cohort = discover_cohort(kFixtures / "xss_cohort", DiscoveryOptions{});
    return analyze(std::move(cohort.submissions), PipelineOptions{});
  }();
  return result;
}

std::string page(const CohortResult& result, ReportLanguage language) {
  std::ostringstream out;
  HtmlOptions options;
  options.language = language;
  write_html(out, result, options);
  return out.str();
}

// The text between the opening tag that starts with `open` and the next "</script>" or "</style>".
std::string element_text(const std::string& html, const std::string& open, const std::string& close) {
  const auto start = html.find(open);
  REQUIRE(start != std::string::npos);
  const auto body = html.find('>', start) + 1;
  return html.substr(body, html.find(close, body) - body);
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("html: embedded JSON cannot end its script element and reads back unchanged") {
  const nlohmann::ordered_json hostile = {
      {"id", "</script><script>window.__xss=1</script>"},
      {"text", "<!-- a & b > c \u2028 line \u2029 paragraph ]]>"}};
  const std::string safe = script_safe_json(hostile);
  for (const char* raw : {"<", ">", "&", "\u2028", "\u2029"}) CHECK(safe.find(raw) == std::string::npos);
  CHECK(safe.find("\\u003c/script\\u003e") != std::string::npos);
  CHECK(safe.find("\\u2028") != std::string::npos);
  CHECK(nlohmann::ordered_json::parse(safe) == hostile);
}

TEST_CASE("html: invalid UTF-8 in the data is replaced, never a failure") {
  const nlohmann::ordered_json data = {{"file", std::string("caf\xE9.py")}};
  CHECK(nlohmann::json::parse(script_safe_json(data))["file"] == "caf\xEF\xBF\xBD.py");
}

TEST_CASE("html: a CSP hash source is the base64 SHA-256 of the exact text") {
  CHECK(csp_hash_source("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  CHECK(csp_hash_source("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
}

TEST_CASE("html: the page allows only its own script and style, and holds no raw student text") {
  const std::string html = page(hostile_result(), ReportLanguage::en);
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  const std::string script = element_text(html, "<script>", "</script>");
  const std::string style = element_text(html, "<style>", "</style>");
  const std::string policy = "default-src 'none'; script-src " + csp_hash_source(script) +
                             "; style-src " + csp_hash_source(style) + "; img-src data:;";
  CHECK(html.find(policy) != std::string::npos);
  // Two script elements (the data and the program): no payload opened or closed another.
  CHECK(count(html, "<script") == 2);
  CHECK(count(html, "</script>") == 2);
  const std::string data = element_text(html, "<script type=\"application/json\"", "</script>");
  CHECK(data.find('<') == std::string::npos);
  CHECK(data.find("onerror") != std::string::npos);
  const auto parsed = nlohmann::json::parse(data);
  CHECK(parsed["lang"] == "en");
  CHECK(parsed["report"]["pairs"][0]["a"] == kHostileId);
}

TEST_CASE("html: the page embeds the text of the files fragments point to, and only those") {
  const auto& result = hostile_result();
  const auto data = html_data(result, HtmlOptions{});
  std::set<std::pair<std::string, std::string>> expected, embedded;
  for (const auto& p : result.pairs)
    for (const auto& f : p.fragments) {
      expected.emplace(result.submissions[p.a].id, result.submissions[p.a].files[f.a_file].path);
      expected.emplace(result.submissions[p.b].id, result.submissions[p.b].files[f.b_file].path);
    }
  for (const auto& s : data["sources"]) {
    embedded.emplace(s["submission"], s["file"]);
    CHECK_FALSE(s["text"].get<std::string>().empty());
  }
  CHECK_FALSE(expected.empty());
  CHECK(embedded == expected);
  for (const auto& s : data["sources"]) CHECK(s["submission"] != "javascript:window.__xss=2");
}

TEST_CASE("html: each matched screenshot is embedded once as a JPEG thumbnail") {
  const auto data = html_data(hostile_result(), HtmlOptions{});
  REQUIRE(data["thumbnails"].size() == 2);
  std::set<std::string> files;
  for (const auto& t : data["thumbnails"]) {
    files.insert(t["file"].get<std::string>());
    CHECK(t["src"].get<std::string>().rfind("data:image/jpeg;base64,/9j/", 0) == 0);
  }
  CHECK(files == std::set<std::string>{"capturas/kafka_ui.png", "capturas/<img src=x onerror=window.__xss=4>.png"});
}

TEST_CASE("html: thumbnails are reduced to the longest side, never enlarged, and refuse bad files") {
  const auto capture = kFixtures / "cohort" / "alvarez_lucia" / "kafka" / "capturas" / "kafka_ui_mensajes.png";
  const auto small = make_thumbnail(capture, ImageParams{}, 200);
  REQUIRE(small.ok);
  CHECK(std::max(small.width, small.height) == 200);
  CHECK(small.jpeg.rfind("\xFF\xD8\xFF", 0) == 0);
  const auto full = make_thumbnail(capture, ImageParams{}, 5000);
  REQUIRE(full.ok);
  CHECK(full.width == 1280);
  test::TempFolder folder;
  const auto broken = folder.write("rota.png", "\x89PNG\r\n\x1a\n not an image");
  const auto refused = make_thumbnail(broken, ImageParams{}, 200);
  CHECK_FALSE(refused.ok);
  CHECK_FALSE(refused.reason.empty());
}

TEST_CASE("html: --lang es gives a Spanish page") {
  const std::string es = page(hostile_result(), ReportLanguage::es);
  CHECK(es.find("<html lang=\"es\">") != std::string::npos);
  CHECK(nlohmann::json::parse(element_text(es, "<script type=\"application/json\"", "</script>"))["lang"] == "es");
}
