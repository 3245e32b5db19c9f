// Jupyter notebook lexer.
//
// Code cells are lexed as Python and markdown cells as prose; outputs, metadata and raw cells
// are ignored. Cell text is JSON-unescaped, so it is lexed as an embedded source whose tokens
// get the notebook line where the cell's source starts (plus the line within the cell: with
// Jupyter's one-string-per-line layout that is the exact notebook line). Broken JSON yields no
// tokens.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "huella/lex.h"
#include "huella/line_counter.h"
#include "scan.h"

namespace huella {
namespace {

constexpr std::size_t kNoSource = std::string_view::npos;

constexpr scan::ByteSet kJsonBlanks(" \t\n\r");

// Where each cell's source starts in the notebook text, in cell order (kNoSource for a cell
// without one): the first string of a `"source": [...]` array, or the `"source"` string.
// A structural scan: only keys of the root object and of the objects in `cells` count, so a
// "source" key inside outputs or metadata is not mistaken for one.
std::vector<std::size_t> cell_source_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  std::size_t depth = 0;
  std::size_t cells_depth = 0;  // depth inside the cells array, 0 outside it
  bool cells_value_next = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      const std::size_t end = scan::quoted_end(text, i);
      const std::size_t after = scan::run_end(text, end, kJsonBlanks);
      if (after < text.size() && text[after] == ':') {
        const auto key = text.substr(i + 1, end - i - 2);
        cells_value_next = depth == 1 && key == "cells";
        if (cells_depth != 0 && depth == cells_depth + 1 && key == "source" && !offsets.empty()) {
          std::size_t value = scan::run_end(text, after + 1, kJsonBlanks);
          if (value < text.size() && text[value] == '[')
            value = scan::run_end(text, value + 1, kJsonBlanks);
          offsets.back() = value;
        }
      }
      i = end - 1;
    } else if (c == '{' || c == '[') {
      ++depth;
      if (c == '[' && cells_value_next) cells_depth = depth;
      if (c == '{' && cells_depth != 0 && depth == cells_depth + 1) offsets.push_back(kNoSource);
      cells_value_next = false;
    } else if (c == '}' || c == ']') {
      if (depth == cells_depth) cells_depth = 0;
      if (depth > 0) --depth;
    }
  }
  return offsets;
}

// A cell's source is a string or an array of strings (one per line, each ending in "\n").
void join_source(const nlohmann::json& source, std::string& out) {
  out.clear();
  if (source.is_string()) {
    out = source.get_ref<const std::string&>();
  } else if (source.is_array()) {
    for (const auto& line : source)
      if (line.is_string()) out += line.get_ref<const std::string&>();
  }
}

void lex_cells(std::string_view text, const nlohmann::json& cells, TokenSink& sink) {
  const auto offsets = cell_source_offsets(text);
  const Channel channel = sink.channel();
  LineCounter lines(text);
  std::string source;
  std::size_t index = 0;
  for (const auto& cell : cells) {
    const std::size_t offset = index < offsets.size() ? offsets[index] : kNoSource;
    ++index;
    if (!cell.is_object()) continue;
    const auto type = cell.find("cell_type");
    const auto cell_source = cell.find("source");
    if (type == cell.end() || !type->is_string() || cell_source == cell.end()) continue;
    const auto& kind = type->get_ref<const std::string&>();
    if (kind != "code" && kind != "markdown") continue;
    join_source(*cell_source, source);
    // Without a located source (an unusual layout) the cell is placed at the notebook's start.
    const std::size_t at = offset == kNoSource ? 0 : offset;
    TokenSink::EmbeddedSource embedded(sink, source, lines.line_at(at),
                                       static_cast<std::uint32_t>(at));
    if (kind == "code") {
      lex_python(source, sink);
    } else {
      sink.switch_channel(Channel::prose);
      lex_markdown(source, sink);
      sink.switch_channel(channel);
    }
  }
}

}  // namespace

void lex_jupyter(std::string_view text, TokenSink& sink) {
  const auto notebook = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (notebook.is_discarded() || !notebook.is_object()) return;
  const auto cells = notebook.find("cells");
  if (cells == notebook.end() || !cells->is_array()) return;
  lex_cells(text, *cells, sink);  // every typed access in it is guarded: nothing throws
}

}  // namespace huella
