#include <algorithm>

#include "huella/markdown.h"

namespace huella {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool is_fence(std::string_view line) {
  const auto t = trim(line);
  return t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~";
}

// `## Title` gives (2, "Title"); `**Label:**` alone on a line gives (4, "Label"); else level 0.
std::pair<std::uint32_t, std::string_view> heading_of(std::string_view line) {
  const auto t = trim(line);
  std::uint32_t hashes = 0;
  while (hashes < t.size() && t[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6 && (hashes == t.size() || t[hashes] == ' ')) {
    auto title = trim(t.substr(hashes));
    while (!title.empty() && title.back() == '#') title.remove_suffix(1);  // closing hashes
    return {hashes, trim(title)};
  }
  if (t.size() > 4 && t.substr(0, 2) == "**" && t.substr(t.size() - 2) == "**") {
    auto label = trim(t.substr(2, t.size() - 4));
    if (!label.empty() && label.back() == ':') label.remove_suffix(1);
    if (!label.empty() && label.find("**") == std::string_view::npos) return {4, trim(label)};
  }
  return {0, {}};
}

}  // namespace

std::vector<MarkdownSection> markdown_sections(std::string_view text) {
  std::vector<MarkdownSection> sections;
  std::vector<std::size_t> open;  // indices of the enclosing sections, outermost first
  std::uint32_t line = 0;
  bool in_fence = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const auto content = text.substr(pos, eol - pos);
    ++line;
    if (is_fence(content)) {
      in_fence = !in_fence;
    } else if (!in_fence) {
      if (const auto [level, title] = heading_of(content); level > 0) {
        while (!open.empty() && sections[open.back()].level >= level) {
          sections[open.back()].last_line = line - 1;
          open.pop_back();
        }
        // The document's own title (level 1) would prefix every path: it is left out.
        std::string full = open.empty() || sections[open.back()].level < 2
                               ? std::string()
                               : sections[open.back()].title + " › ";
        full += title;
        sections.push_back({std::move(full), level, line, line});
        open.push_back(sections.size() - 1);
      }
    }
    pos = eol + 1;
  }
  for (const auto i : open) sections[i].last_line = line;
  return sections;
}

}  // namespace huella
