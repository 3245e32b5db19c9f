#include "huella/generated.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "huella/ascii.h"
#include "huella/line_counter.h"

namespace huella {
namespace {

// Libraries whose bundles land in exported dashboards, as their banners name them.
constexpr std::array<std::string_view, 8> kLibraries = {"plotly.js", "bokeh", "vega", "d3.js",
                                                        "leaflet", "chart.js", "jquery", "echarts"};

// Markers the exporters write and people do not: a page holding one is a generated figure.
struct Exporter {
  std::string_view first, second, reason;
};
constexpr std::array<Exporter, 2> kExporters = {
    Exporter{"class=\"plotly-graph-div\"", "Plotly.newPlot(", "Plotly export"},
    Exporter{"Bokeh.embed.embed_items", "application/json", "Bokeh export"}};

bool minified(std::string_view body, const GeneratedLimits& limits) {
  std::size_t lines = 1, longest = 0, current = 0;
  for (const char c : body) {
    if (c == '\n') {
      ++lines;
      longest = std::max(longest, current);
      current = 0;
    } else {
      ++current;
    }
  }
  longest = std::max(longest, current);
  return longest >= limits.long_line ||
         (body.size() >= limits.min_minified_bytes && body.size() / lines >= limits.minified_average_line);
}

// "embedded library <name>" when the first comment names a known library, else `otherwise`.
std::string reason_for(std::string_view body, std::string_view otherwise) {
  const auto head = ascii_lowered(body.substr(0, 400));
  if (head.find("/*") != std::string::npos)
    for (const auto library : kLibraries)
      if (head.find(library) != std::string::npos) return "embedded library " + std::string(library);
  return std::string(otherwise);
}

void add(std::vector<GeneratedRegion>& out, std::size_t begin, std::size_t end, std::string reason) {
  out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), 0, 0,
                 std::move(reason)});
}

void find_scripts(std::string_view text, const GeneratedLimits& limits,
                  std::vector<GeneratedRegion>& out) {
  for (std::size_t at = 0; (at = find_ignoring_case(text, "<script", at)) != std::string_view::npos;) {
    const auto open_end = text.find('>', at);
    if (open_end == std::string_view::npos) return;
    const auto close = std::min(find_ignoring_case(text, "</script", open_end), text.size());
    const auto body = text.substr(open_end + 1, close - open_end - 1);
    if (minified(body, limits)) add(out, open_end + 1, close, reason_for(body, "minified script"));
    at = close;
  }
}

void find_data_uris(std::string_view text, const GeneratedLimits& limits,
                    std::vector<GeneratedRegion>& out) {
  constexpr std::string_view kMarker = ";base64,";
  for (std::size_t at = 0; (at = text.find(kMarker, at)) != std::string_view::npos;) {
    constexpr std::size_t kMaxMediaType = 100;  // "data:image/svg+xml;charset=utf-8" and the like
    const auto window = std::min(at, kMaxMediaType);
    const auto found = text.substr(at - window, window).rfind("data:");
    const auto scheme = found == std::string_view::npos ? found : at - window + found;
    auto end = at + kMarker.size();
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                 text[end] == '+' || text[end] == '/' || text[end] == '='))
      ++end;
    const bool is_uri = scheme != std::string_view::npos &&
                        text.substr(scheme, at - scheme).find_first_of(" \n\"'") == std::string_view::npos;
    const bool in_script = std::any_of(out.begin(), out.end(), [&](const auto& r) {
      return at >= r.begin && at < r.end;
    });
    if (is_uri && !in_script && end - at - kMarker.size() >= limits.min_data_uri) add(out, at + kMarker.size(), end, "base64 data");
    at = end;
  }
}

}  // namespace

std::vector<GeneratedRegion> find_generated(std::string_view text, std::string_view language,
                                            const GeneratedLimits& limits) {
  std::vector<GeneratedRegion> out;
  const auto exporter = std::find_if(kExporters.begin(), kExporters.end(), [&](const Exporter& e) {
    return text.find(e.first) != std::string_view::npos && text.find(e.second) != std::string_view::npos;
  });
  if (language == "html" && exporter != kExporters.end()) {
    add(out, 0, text.size(), std::string(exporter->reason));
  } else if ((language == "javascript" || language == "css") && minified(text, limits)) {
    add(out, 0, text.size(), reason_for(text, "minified code"));
  } else {
    if (language == "html") find_scripts(text, limits, out);
    if (language == "html" || language == "css" || language == "markdown")
      find_data_uris(text, limits, out);
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.begin < y.begin; });
  LineCounter lines(text);
  for (auto& region : out) {
    region.first_line = lines.line_at(region.begin);
    region.last_line = lines.line_at(std::max(region.begin, region.end - 1));
  }
  return out;
}

void blank_regions(std::string& text, std::span<const GeneratedRegion> regions) {
  for (const auto& region : regions)
    for (auto i = region.begin; i < region.end; ++i)
      if (text[i] != '\n') text[i] = ' ';
}

}  // namespace huella
