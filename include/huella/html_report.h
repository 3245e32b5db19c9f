// The HTML report: one self-contained page that opens from disk with no network. It embeds the
// report JSON, the text of the files that fragments point to and thumbnails of matched
// screenshots; its inline script renders them with DOM text APIs only, under a
// Content-Security-Policy that allows nothing but that script and stylesheet (by hash) and
// data: images.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "huella/images.h"
#include "huella/report.h"

namespace huella {

struct HtmlOptions {
  ReportLanguage language = ReportLanguage::es;
  std::uint32_t thumbnail_side = 360;  // longest side of an embedded screenshot, in pixels
  ImageParams images;                  // limits for decoding the screenshots again
};

// What the page embeds: {"lang", "report": to_json(result, language), "sources": [{"submission", "file",
// "text"}] for every file a fragment points to, "thumbnails": [{"submission", "file", "src"}]
// (data: URLs) for every image of an image match}.
nlohmann::ordered_json html_data(const CohortResult& result, const HtmlOptions& options);

// JSON text that cannot end or confuse a <script> element: <, >, & and U+2028/U+2029 written as
// \uXXXX escapes, invalid UTF-8 replaced.
std::string script_safe_json(const nlohmann::ordered_json& data);

// The CSP source that allows exactly this inline script or style: 'sha256-<base64>'.
std::string csp_hash_source(std::string_view text);

void write_html(std::ostream& out, const CohortResult& result, const HtmlOptions& options);

}  // namespace huella
