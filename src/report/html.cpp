#include <openssl/sha.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <ostream>
#include <set>
#include <utility>
#include <vector>

#include "assets.h"
#include "file_text.h"
#include "huella/html_report.h"

namespace huella {
namespace {

std::string base64(std::string_view bytes) {
  static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t group = 0;
    for (std::size_t j = 0; j < 3; ++j)
      group = group << 8 | (j < n ? static_cast<unsigned char>(bytes[i + j]) : 0u);
    for (std::size_t j = 0; j < 4; ++j) out += j <= n ? digits[group >> (18 - 6 * j) & 63] : '=';
  }
  return out;
}

// (submission, file) of both sides of every item of `list` (fragments or image matches) of the pairs.
using FileRef = std::pair<std::uint32_t, std::uint32_t>;

template <typename Item>
std::set<FileRef> files_of(const CohortResult& result, std::vector<Item> PairResult::*list) {
  std::set<FileRef> files;
  for (const auto& p : result.pairs)
    for (const auto& item : p.*list) {
      files.emplace(p.a, item.a_file);
      files.emplace(p.b, item.b_file);
    }
  return files;
}

const char* language_code(ReportLanguage language) {
  return language == ReportLanguage::en ? "en" : "es";
}

}  // namespace

nlohmann::ordered_json html_data(const CohortResult& result, const HtmlOptions& options) {
  nlohmann::ordered_json data;
  data["lang"] = language_code(options.language);
  data["report"] = to_json(result, options.language);
  auto& sources = data["sources"] = nlohmann::ordered_json::array();
  for (const auto& [s, f] : files_of(result, &PairResult::fragments)) {
    const auto& submission = result.submissions[s];
    sources.push_back({{"submission", submission.id},
                       {"file", submission.files[f].path},
                       {"text", analyzed_text(submission.files[f])}});
  }
  const auto images = files_of(result, &PairResult::image_matches);
  const std::vector<FileRef> image_list(images.begin(), images.end());
  std::vector<Thumbnail> made(image_list.size());
  tbb::parallel_for(std::size_t{0}, image_list.size(), [&](std::size_t i) {
    const auto& [s, f] = image_list[i];
    made[i] = make_thumbnail(result.submissions[s].files[f].absolute, options.images,
                             options.thumbnail_side);
  });
  auto& thumbnails = data["thumbnails"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < image_list.size(); ++i) {
    if (!made[i].ok) continue;
    const auto& submission = result.submissions[image_list[i].first];
    thumbnails.push_back({{"submission", submission.id},
                          {"file", submission.files[image_list[i].second].path},
                          {"src", "data:image/jpeg;base64," + base64(made[i].jpeg)}});
  }
  return data;
}

std::string script_safe_json(const nlohmann::ordered_json& data) {
  const std::string json = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      // Line and paragraph separators end a line in older JavaScript parsers.
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string csp_hash_source(std::string_view text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  return "'sha256-" + base64({reinterpret_cast<const char*>(digest), sizeof digest}) + "'";
}

void write_html(std::ostream& out, const CohortResult& result, const HtmlOptions& options) {
  const std::string_view css = assets::report_css, js = assets::report_js;
  // Nothing loads from outside: only this script and stylesheet run, images are data: URLs.
  out << "<!DOCTYPE html>\n<html lang=\"" << language_code(options.language) << "\">\n<head>\n"
      << "<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
      << csp_hash_source(js) << "; style-src " << csp_hash_source(css)
      << "; img-src data:; base-uri 'none'; form-action 'none'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>huella</title>\n<style>" << css << "</style>\n</head>\n<body>\n"
      << "<noscript>huella: JavaScript</noscript>\n"
      << "<script type=\"application/json\" id=\"huella-data\">"
      << script_safe_json(html_data(result, options)) << "</script>\n"
      << "<script>" << js << "</script>\n</body>\n</html>\n";
}

}  // namespace huella
