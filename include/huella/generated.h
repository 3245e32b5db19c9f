// Generated content: text no student wrote, excluded from similarity and reported.
//
// - A whole HTML page exported by Plotly (a "plotly-graph-div" and its Plotly.newPlot call) or
//   Bokeh (embed_items over a JSON document): the figure's code is in the script that wrote it.
// - An embedded library or minified script in HTML: a <script> body with a line of 1,000 bytes
//   or more, or of 2,000 bytes or more averaging 200 bytes a line (Plotly and Bokeh exports
//   carry several hundred KB of this). A licence banner naming the library gives the reason.
// - A whole JavaScript or CSS file shaped so (minified with another name than *.min.js).
// - Base64 `data:` URIs of 200 or more characters (images inlined in HTML, CSS, Markdown).
// Notebook outputs need no rule: the Jupyter lexer reads cell sources only.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace huella {

struct GeneratedRegion {
  std::uint32_t begin, end;  // byte range
  std::uint32_t first_line, last_line;
  // "Plotly export", "Bokeh export", "embedded library plotly.js", "minified script",
  // "minified code" or "base64 data"
  std::string reason;
};

// The generated regions of a file in language `language` (the registry's name), in order.
std::vector<GeneratedRegion> find_generated(std::string_view text, std::string_view language);

// Replaces each region's bytes with spaces, line breaks kept, so that the rest keeps its lines
// and offsets.
void blank_regions(std::string& text, std::span<const GeneratedRegion> regions);

}  // namespace huella
