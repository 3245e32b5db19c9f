// Every lexer through the registry: the input's first line is a file name that picks the language,
// the rest is the file, decoded as the pipeline decodes it before lexing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "huella/language.h"
#include "huella/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  const auto* language = huella::language_for_file(input.substr(0, newline));
  if (language == nullptr || language->lex == nullptr) return 0;
  auto read = huella::decode_text(std::string(input.substr(newline + 1)));
  if (!read.ok) return 0;
  huella::tokenize(read.decoded.text, language->channel, language->lex);
  return 0;
}
