// Markdown structure: the sections of a document, by headings and label lines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace huella {

// A section runs from its heading to the line before the next heading of the same or a higher
// level. PROMPTS.md's parts are `##` headings, its challenges `###`, and the answer and result
// of each challenge are bold label lines (`**Respuesta de la IA:**`), taken as level 4.
struct MarkdownSection {
  std::string title;  // headings from level 2 down, joined by " › ", without Markdown marks
  std::uint32_t level;
  std::uint32_t first_line, last_line;  // 1-based, inclusive
};

// Sections in document order; headings inside fenced code blocks are not headings.
std::vector<MarkdownSection> markdown_sections(std::string_view text);

}  // namespace huella
