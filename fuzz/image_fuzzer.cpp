// The image header check, then the decoding it admits (the GIF decoder is huella's own), with a
// small pixel limit so that a header can never make one execution slow.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "huella/images.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!huella::probe_image(bytes).ok) return 0;
  huella::ImageParams params;
  params.max_pixels = 1 << 16;
  huella::read_image_bytes(bytes, params);
  return 0;
}
