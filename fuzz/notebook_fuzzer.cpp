// The notebook reader on its own, so that mutations stay close to notebook JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "huella/lex.h"
#include "huella/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto read = huella::decode_text(std::string(reinterpret_cast<const char*>(data), size));
  if (!read.ok) return 0;
  huella::tokenize(read.decoded.text, huella::Channel::code, huella::lex_jupyter);
  return 0;
}
