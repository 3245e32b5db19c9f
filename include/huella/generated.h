// Generated content: text no student wrote, excluded from similarity and reported.
//
// - A whole HTML page exported by Plotly (a "plotly-graph-div" and its Plotly.newPlot call) or
//   Bokeh (embed_items over a JSON document): the figure's code is in the script that wrote it.
// - An embedded library or minified script in HTML: a <script> body with a long line, or a
//   long body whose lines are long on average (GeneratedLimits; Plotly and Bokeh exports carry
//   several hundred KB of this). A licence banner naming the library gives the reason.
// - A whole JavaScript or CSS file shaped so (minified with another name than *.min.js).
// - Long base64 `data:` URIs (images inlined in HTML, CSS, Markdown).
// Notebook outputs need no rule: the Jupyter lexer reads cell sources only.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace huella {

struct GeneratedLimits {
  std::uint32_t long_line = 1000;             // bytes: no hand-written line is this long
  std::uint32_t min_minified_bytes = 2000;    // a body this long...
  std::uint32_t minified_average_line = 200;  // ...with lines this long on average
  std::uint32_t min_data_uri = 200;           // base64 characters of an inlined file
};

struct GeneratedRegion {
  std::uint32_t begin, end;  // byte range
  std::uint32_t first_line, last_line;
  // "Plotly export", "Bokeh export", "embedded library plotly.js", "minified script",
  // "minified code" or "base64 data"
  std::string reason;
};

// The generated regions of a file in language `language` (the registry's name), in order.
std::vector<GeneratedRegion> find_generated(std::string_view text, std::string_view language,
                                            const GeneratedLimits& limits = {});

// Replaces each region's bytes with spaces, line breaks kept, so that the rest keeps its lines
// and offsets.
void blank_regions(std::string& text, std::span<const GeneratedRegion> regions);

}  // namespace huella
