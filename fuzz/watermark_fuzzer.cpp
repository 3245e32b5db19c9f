// The watermark decoder (zero-width runs and HTML comments), on raw bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "huella/watermark.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  huella::find_watermarks(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
