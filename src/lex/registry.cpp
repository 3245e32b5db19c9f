#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "huella/language.h"

namespace huella {
namespace {

// name, channel, lexer, extensions, exact file names, Markdown fence aliases
constexpr std::array kLanguages = {
    Language{"python", Channel::code, lex_python, ".py .pyw .pyi", "", "py python python3"},
    Language{"jupyter", Channel::code, lex_jupyter, ".ipynb", "", ""},
    Language{"javascript", Channel::code, lex_javascript, ".js .mjs .cjs .jsx .ts .tsx .mts", "",
             "js javascript jsx ts typescript tsx node"},
    Language{"html", Channel::code, lex_html, ".html .htm .xhtml .vue .svelte", "", "html htm"},
    Language{"css", Channel::code, lex_css, ".css .scss .less", "", "css scss"},
    Language{"sql", Channel::code, lex_sql, ".sql", "", "sql sqlite postgresql mysql"},
    Language{"shell", Channel::code, lex_shell, ".sh .bash .zsh .bat .cmd .ps1", "",
             "sh bash shell zsh console shell-session bat powershell ps1"},
    Language{"c-family", Channel::code, lex_c_family,
             ".java .c .h .cc .cpp .cxx .hpp .hh .cs .scala .kt .go", "",
             "java c cpp c++ csharp cs scala kotlin go"},
    Language{"terraform", Channel::terraform, lex_hcl, ".tf .tfvars .hcl", "",
             "hcl terraform tf tfvars"},
    Language{"yaml", Channel::config, lex_yaml, ".yml .yaml", "", "yaml yml"},
    Language{"json", Channel::config, lex_javascript, ".json .geojson", "", "json jsonc"},
    Language{"dockerfile", Channel::config, lex_dockerfile, ".dockerfile",
             "dockerfile containerfile", "dockerfile docker"},
    Language{"requirements", Channel::config, lex_requirements, "",
             "requirements.txt requirements-dev.txt constraints.txt", "requirements pip"},
    Language{"markdown", Channel::prose, lex_markdown, ".md .markdown .mdx .rst", "",
             "markdown md"},
    Language{"text", Channel::prose, lex_plain_text, ".txt .text", "", "text txt plain"},
    Language{"image", Channel::images, nullptr, ".png .jpg .jpeg .gif .webp .bmp", "", ""},
};

bool contains_word(std::string_view words, std::string_view word) {
  while (!words.empty()) {
    auto space = words.find(' ');
    if (words.substr(0, space) == word) return true;
    if (space == std::string_view::npos) break;
    words.remove_prefix(space + 1);
  }
  return false;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

const Language* language_for_file(std::string_view file_name) {
  const std::string name = lower(file_name);
  for (const auto& language : kLanguages)
    if (contains_word(language.file_names, name)) return &language;
  // Dockerfile.dev, Dockerfile.prod: the name, not the extension, says what it is.
  if (name.rfind("dockerfile", 0) == 0) return language_for_file("dockerfile");
  const auto dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return nullptr;
  const std::string_view extension = std::string_view(name).substr(dot);
  for (const auto& language : kLanguages)
    if (contains_word(language.extensions, extension)) return &language;
  return nullptr;
}

const Language* language_by_alias(std::string_view alias) {
  const std::string name = lower(alias);
  if (name.empty()) return nullptr;
  for (const auto& language : kLanguages)
    if (contains_word(language.aliases, name)) return &language;
  return nullptr;
}

}  // namespace huella
