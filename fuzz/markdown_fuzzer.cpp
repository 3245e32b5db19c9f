// The Markdown splitter, on raw bytes: it must not rely on valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "huella/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  huella::markdown_sections(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
