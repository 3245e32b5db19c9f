// The language registry: which channel and lexer a file gets, by its name or extension.
// Adding a language means adding its lexer file and one line in src/lex/registry.cpp.
#pragma once

#include <string_view>

#include "huella/channel.h"
#include "huella/lex.h"

namespace huella {

struct Language {
  std::string_view name;        // e.g. "python"
  Channel channel;              // where its files are compared
  LexFunction lex;              // nullptr for images
  std::string_view extensions;  // space-separated, lower case, with the dot: ".py .pyw"
  std::string_view file_names;  // exact lower-case names that win over extensions: "dockerfile"
  std::string_view aliases;     // names used in Markdown code fences: "py python3"
};

// The language of a file from its base name, or nullptr when huella does not read it.
const Language* language_for_file(std::string_view file_name);

// The language a Markdown code fence names ("py", "terraform", "bash"...), or nullptr.
const Language* language_by_alias(std::string_view alias);

}  // namespace huella
