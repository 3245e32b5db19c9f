#include <string_view>

#include "huella/language.h"
#include "huella/lex.h"
#include "prose_words.h"

namespace huella {
namespace {

// A fence opens with three or more backticks or tildes, indented by at most three spaces.
struct Fence {
  char mark = 0;
  std::size_t length = 0;
  std::string_view info;
};

Fence fence_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return {};
  const char mark = line[i];
  std::size_t run = 0;
  while (i + run < line.size() && line[i + run] == mark) ++run;
  if (run < 3) return {};
  std::string_view info = line.substr(i + run);
  while (!info.empty() && (info.front() == ' ' || info.front() == '{' || info.front() == '.'))
    info.remove_prefix(1);
  const auto end = info.find_first_of(" \t\r{}`,");
  return {mark, run, info.substr(0, end)};
}

bool closes(const Fence& open, std::string_view line) {
  const Fence f = fence_of(line);
  return f.mark == open.mark && f.length >= open.length && f.info.empty();
}

}  // namespace

void lex_markdown(std::string_view text, TokenSink& sink) {
  const Channel prose = sink.channel();
  std::size_t pos = 0;
  std::size_t prose_start = 0;
  while (pos < text.size()) {
    auto eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(pos, eol - pos);
    const Fence open = fence_of(line);
    if (open.mark == 0) {
      pos = eol + 1;
      continue;
    }
    lex_prose_words(text.substr(prose_start, pos - prose_start), sink);
    // The block runs to the closing fence, or to the end of the file if it never closes.
    std::size_t body_start = eol + 1 < text.size() ? eol + 1 : text.size();
    std::size_t scan = body_start;
    std::size_t body_end = text.size();
    std::size_t after = text.size();
    while (scan < text.size()) {
      auto next = text.find('\n', scan);
      if (next == std::string_view::npos) next = text.size();
      if (closes(open, text.substr(scan, next - scan))) {
        body_end = scan;
        after = next + 1 < text.size() ? next + 1 : text.size();
        break;
      }
      scan = next + 1;
    }
    const std::string_view body = text.substr(body_start, body_end - body_start);
    const Language* language = language_by_alias(open.info);
    if (language != nullptr && language->lex != nullptr && language->lex != lex_markdown) {
      sink.switch_channel(language->channel);
      language->lex(body, sink);
      sink.switch_channel(prose);
    } else {
      // Untagged blocks in student prose are pasted errors and logs: words, like the prose.
      lex_prose_words(body, sink);
    }
    pos = after;
    prose_start = after;
  }
  if (prose_start < text.size()) lex_prose_words(text.substr(prose_start), sink);
}

}  // namespace huella
