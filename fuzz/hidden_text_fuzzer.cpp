// The base64 decoder, on raw bytes; a low minimum lets short inputs reach the decoding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "huella/hidden_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  huella::HiddenTextLimits limits;
  limits.min_encoded_bytes = 8;
  limits.max_decoded_bytes = 4096;
  huella::find_hidden_text(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  return 0;
}
