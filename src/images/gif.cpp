// The first frame of a GIF (OpenCV 4.6 reads no GIF): blocks, colour tables, LZW, interlacing.
#include <array>

#include "image_detail.h"

namespace huella {
namespace {

class GifReader {
 public:
  explicit GifReader(std::string_view s) : s_(s) {}

  bool has(std::size_t n) const { return at_ + n <= s_.size(); }
  unsigned byte() { return static_cast<unsigned char>(s_[at_++]); }
  unsigned le16() {
    const unsigned lo = byte();
    return lo | byte() << 8;
  }
  std::string_view take(std::size_t n) {
    const auto out = s_.substr(at_, n);
    at_ += n;
    return out;
  }
  // The data of a run of sub-blocks (each a length byte and that many bytes), up to the empty one.
  bool sub_blocks(std::string* out) {
    while (has(1)) {
      const unsigned n = byte();
      if (n == 0) return true;
      if (!has(n)) return false;
      const auto data = take(n);
      if (out != nullptr) out->append(data);
    }
    return false;
  }

 private:
  std::string_view s_;
  std::size_t at_ = 0;
};

// Decodes `count` colour indices; false when the code stream is corrupt or ends early.
bool decode_lzw(std::string_view data, unsigned min_code_size, std::size_t count,
                std::vector<std::uint8_t>& out) {
  if (min_code_size < 2 || min_code_size > 11) return false;
  constexpr unsigned kMaxCodes = 4096;
  const unsigned clear = 1u << min_code_size, end = clear + 1;
  std::array<std::uint16_t, kMaxCodes> prefix{};
  std::array<std::uint8_t, kMaxCodes> suffix{}, first{};
  std::array<std::uint8_t, kMaxCodes> stack{};
  for (unsigned c = 0; c < clear; ++c) suffix[c] = first[c] = static_cast<std::uint8_t>(c);
  unsigned size = min_code_size + 1, next = clear + 2, previous = kMaxCodes;
  std::uint32_t bits = 0;
  unsigned bit_count = 0;
  std::size_t at = 0;
  out.clear();
  out.reserve(count);
  while (out.size() < count) {
    while (bit_count < size) {
      if (at >= data.size()) return false;
      bits |= static_cast<std::uint32_t>(static_cast<unsigned char>(data[at++])) << bit_count;
      bit_count += 8;
    }
    unsigned code = bits & ((1u << size) - 1);
    bits >>= size;
    bit_count -= size;
    if (code == clear) {
      size = min_code_size + 1;
      next = clear + 2;
      previous = kMaxCodes;
      continue;
    }
    if (code == end) return false;
    if (previous == kMaxCodes) {  // first code after a clear: a plain colour
      if (code >= clear) return false;
      out.push_back(static_cast<std::uint8_t>(code));
      previous = code;
      continue;
    }
    unsigned depth = 0, walk = code;
    if (code >= next) {  // the code being defined now: previous string plus its own first colour
      if (code > next) return false;
      stack[depth++] = first[previous];
      walk = previous;
    }
    while (walk >= clear) {
      stack[depth++] = suffix[walk];
      walk = prefix[walk];
    }
    stack[depth++] = static_cast<std::uint8_t>(walk);
    while (depth > 0 && out.size() < count) out.push_back(stack[--depth]);
    if (next < kMaxCodes) {
      prefix[next] = static_cast<std::uint16_t>(previous);
      suffix[next] = static_cast<std::uint8_t>(walk);
      first[next] = first[previous];
      ++next;
      if (next == 1u << size && size < 12) ++size;
    }
    previous = code;
  }
  return true;
}

}  // namespace

cv::Mat decode_gif(std::string_view bytes, std::uint64_t max_pixels, std::string& reason) {
  const auto fail = [&](std::string why) {
    reason = std::move(why);
    return cv::Mat();
  };
  const std::string truncated = "truncated GIF: ends before its first image is complete";
  GifReader in(bytes);
  if (!in.has(13)) return fail(truncated);
  in.take(6);
  const unsigned width = in.le16(), height = in.le16(), flags = in.byte();
  const unsigned background = in.byte();
  in.byte();  // pixel aspect ratio
  std::string_view global;
  if (flags & 0x80) {
    const std::size_t n = 3u << ((flags & 7) + 1);
    if (!in.has(n)) return fail(truncated);
    global = in.take(n);
  }
  int transparent = -1;
  while (in.has(1)) {
    const unsigned block = in.byte();
    if (block == 0x21) {  // extension: only the graphic control's transparent colour matters
      if (!in.has(1)) return fail(truncated);
      const unsigned label = in.byte();
      std::string data;
      if (!in.sub_blocks(label == 0xF9 ? &data : nullptr)) return fail(truncated);
      if (label == 0xF9 && data.size() >= 4 && (data[0] & 1))
        transparent = static_cast<unsigned char>(data[3]);
      continue;
    }
    if (block != 0x2C) return fail("corrupt GIF: no image before the trailer");
    if (!in.has(10)) return fail(truncated);
    const unsigned left = in.le16(), top = in.le16(), w = in.le16(), h = in.le16(), image_flags = in.byte();
    std::string_view palette = global;
    if (image_flags & 0x80) {
      const std::size_t n = 3u << ((image_flags & 7) + 1);
      if (!in.has(n)) return fail(truncated);
      palette = in.take(n);
    }
    if (palette.empty()) return fail("corrupt GIF: no colour table");
    if (static_cast<std::uint64_t>(w) * h > max_pixels)
      return fail("too large: the first frame has " + std::to_string(w) + "×" + std::to_string(h) +
                  " pixels");
    std::string data;
    if (!in.has(1)) return fail(truncated);
    const unsigned min_code_size = in.byte();
    if (!in.sub_blocks(&data)) return fail(truncated);
    std::vector<std::uint8_t> indices;
    if (!decode_lzw(data, min_code_size, static_cast<std::size_t>(w) * h, indices))
      return fail("corrupt GIF: bad image data");
    // Rows of an interlaced frame arrive in four passes: every 8th from 0, from 4, every 4th from 2, odd.
    std::vector<unsigned> row_of(h);
    if (image_flags & 0x40) {
      unsigned r = 0;
      for (const auto& [start, step] : {std::pair{0u, 8u}, {4u, 8u}, {2u, 4u}, {1u, 2u}})
        for (unsigned y = start; y < h; y += step) row_of[r++] = y;
    } else {
      for (unsigned y = 0; y < h; ++y) row_of[y] = y;
    }
    const auto colour = [&](unsigned index) {
      index = 3 * index + 2 < palette.size() ? index : 0;
      return cv::Vec3b(static_cast<unsigned char>(palette[3 * index + 2]),
                       static_cast<unsigned char>(palette[3 * index + 1]),
                       static_cast<unsigned char>(palette[3 * index]));
    };
    cv::Mat canvas(static_cast<int>(height), static_cast<int>(width), CV_8UC3,
                   global.empty() ? cv::Vec3b(0, 0, 0) : colour(background));
    for (unsigned r = 0; r < h; ++r)
      for (unsigned x = 0; x < w; ++x) {
        const unsigned cx = left + x, cy = top + row_of[r];
        const unsigned index = indices[static_cast<std::size_t>(r) * w + x];
        if (cx < width && cy < height && static_cast<int>(index) != transparent)
          canvas.at<cv::Vec3b>(static_cast<int>(cy), static_cast<int>(cx)) = colour(index);
      }
    return canvas;
  }
  return fail(truncated);
}

}  // namespace huella
