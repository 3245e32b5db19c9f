// Reading an image's header: format, dimensions, text metadata and structural checks, without
// decoding pixel data, so a bomb or a broken file is refused before any allocation.
#include <algorithm>
#include <array>
#include <cmath>

#include "image_detail.h"

namespace huella {
namespace {

std::uint32_t be16(std::string_view s, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 8 |
         static_cast<unsigned char>(s[at + 1]);
}
std::uint32_t be32(std::string_view s, std::size_t at) { return be16(s, at) << 16 | be16(s, at + 2); }
std::uint32_t le16(std::string_view s, std::size_t at) {
  return static_cast<unsigned char>(s[at]) | static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1]))
                                                 << 8;
}
std::uint32_t le24(std::string_view s, std::size_t at) {
  return le16(s, at) | static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2])) << 16;
}
std::uint32_t le32(std::string_view s, std::size_t at) { return le16(s, at) | le16(s, at + 2) << 16; }

ImageProbe refused(std::string reason) {
  ImageProbe p;
  p.reason = std::move(reason);
  return p;
}

ImageProbe sized(ImageFormat format, std::uint32_t width, std::uint32_t height) {
  if (width == 0 || height == 0) return refused("corrupt header: zero width or height");
  ImageProbe p;
  p.ok = true;
  p.format = format;
  p.width = width;
  p.height = height;
  return p;
}

// Metadata values are evidence for people: printable, bounded, without padding.
void add_field(std::vector<MetadataField>& out, std::string key, std::string_view value) {
  constexpr std::size_t kMaxFields = 32, kMaxValue = 200;
  while (!value.empty() && (value.back() == '\0' || value.back() == ' ' || value.back() == '\n'))
    value.remove_suffix(1);
  if (value.empty() || out.size() >= kMaxFields) return;
  std::string clean;
  for (const char c : value.substr(0, kMaxValue)) clean += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  out.push_back({std::move(key), std::move(clean)});
}

std::string latin1_to_utf8(std::string_view s) {
  std::string out;
  for (const unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | c >> 6);
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

ImageProbe probe_png(std::string_view s) {
  if (s.size() < 33 || s.substr(12, 4) != "IHDR" || be32(s, 8) != 13)
    return refused("corrupt PNG: no IHDR chunk");
  auto p = sized(ImageFormat::png, be32(s, 16), be32(s, 20));
  if (!p.ok) return p;
  for (std::size_t at = 8;;) {
    if (at + 12 > s.size()) return refused("truncated PNG: no IEND chunk");
    const std::uint64_t length = be32(s, at);
    const auto type = s.substr(at + 4, 4);
    if (at + 12 + length > s.size())
      return refused("truncated PNG: chunk " + std::string(type) + " runs past the end of the file");
    const auto data = s.substr(at + 8, length);
    if (type == "IEND") break;
    const auto nul = data.find('\0');
    if (type == "tEXt" && nul != std::string_view::npos) {
      add_field(p.metadata, "png:" + latin1_to_utf8(data.substr(0, nul)),
                latin1_to_utf8(data.substr(nul + 1)));
    } else if (type == "iTXt" && nul != std::string_view::npos && nul + 2 < data.size() &&
               data[nul + 1] == 0) {
      // Uncompressed international text: keyword, flags, language and translated keyword, text.
      const auto language_end = data.find('\0', nul + 3);
      const auto translated_end =
          language_end == std::string_view::npos ? language_end : data.find('\0', language_end + 1);
      if (translated_end != std::string_view::npos)
        add_field(p.metadata, "png:" + latin1_to_utf8(data.substr(0, nul)), data.substr(translated_end + 1));
    } else if (type == "eXIf") {
      read_exif(data, p.metadata);
    }
    at += 12 + length;
  }
  return p;
}

bool is_start_of_frame(unsigned char marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

ImageProbe probe_jpeg(std::string_view s) {
  ImageProbe p = refused("corrupt JPEG: no frame header before the image data");
  std::size_t at = 2;
  while (true) {
    while (at < s.size() && static_cast<unsigned char>(s[at]) == 0xFF) ++at;  // fill bytes
    if (at >= s.size() || at < 3 || static_cast<unsigned char>(s[at - 1]) != 0xFF)
      return refused(at >= s.size() ? "truncated JPEG: ends inside the header"
                                    : "corrupt JPEG: marker expected");
    const auto marker = static_cast<unsigned char>(s[at++]);
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // no length
    if (marker == 0xD9) return refused("corrupt JPEG: ends before any image data");
    if (at + 2 > s.size()) return refused("truncated JPEG: ends inside the header");
    const std::size_t length = be16(s, at);
    if (length < 2 || at + length > s.size()) return refused("truncated JPEG: ends inside a header segment");
    const auto data = s.substr(at + 2, length - 2);
    if (is_start_of_frame(marker) && data.size() >= 5) {
      auto metadata = std::move(p.metadata);
      p = sized(ImageFormat::jpeg, be16(data, 3), be16(data, 1));
      if (!p.ok) return p;
      p.metadata = std::move(metadata);
    } else if (marker == 0xE1 && data.substr(0, 6) == std::string_view("Exif\0\0", 6)) {
      read_exif(data.substr(6), p.metadata);
    } else if (marker == 0xDA) {
      if (!p.ok) return p;
      // Entropy-coded data never holds FF D9 (FF is stuffed), so the last one is the end marker.
      const auto end = s.rfind("\xFF\xD9");
      if (end == std::string_view::npos || end < at) return refused("truncated JPEG: no end-of-image marker");
      return p;
    }
    at += length;
  }
}

ImageProbe probe_gif(std::string_view s) {
  if (s.size() < 13) return refused("truncated GIF: ends inside the header");
  return sized(ImageFormat::gif, le16(s, 6), le16(s, 8));
}

ImageProbe probe_webp(std::string_view s) {
  if (s.size() < 20) return refused("truncated WebP: ends inside the header");
  if (static_cast<std::uint64_t>(le32(s, 4)) + 8 > s.size())
    return refused("truncated WebP: shorter than its RIFF header says");
  ImageProbe p = refused("corrupt WebP: no VP8, VP8L or VP8X chunk");
  std::vector<MetadataField> metadata;
  for (std::size_t at = 12; at + 8 <= s.size();) {
    const auto type = s.substr(at, 4);
    const std::uint64_t length = le32(s, at + 4);
    if (at + 8 + length > s.size())
      return refused("truncated WebP: chunk " + std::string(type) + " runs past the end");
    const auto data = s.substr(at + 8, length);
    if (!p.ok && type == "VP8 " && data.size() >= 10 && data.substr(3, 3) == "\x9d\x01\x2a") {
      p = sized(ImageFormat::webp, le16(data, 6) & 0x3FFF, le16(data, 8) & 0x3FFF);
    } else if (!p.ok && type == "VP8L" && data.size() >= 5 && data[0] == 0x2F) {
      const auto bits = le32(data, 1);
      p = sized(ImageFormat::webp, (bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1);
    } else if (!p.ok && type == "VP8X" && data.size() >= 10) {
      if (data[0] & 0x02) return refused("animated WebP: not compared");
      p = sized(ImageFormat::webp, le24(data, 4) + 1, le24(data, 7) + 1);
    } else if (type == "EXIF") {
      read_exif(data.substr(data.substr(0, 6) == std::string_view("Exif\0\0", 6) ? 6 : 0), metadata);
    }
    at += 8 + length + (length & 1);
  }
  p.metadata = std::move(metadata);
  return p;
}

ImageProbe probe_bmp(std::string_view s) {
  if (s.size() < 26) return refused("truncated BMP: ends inside the header");
  const auto header = le32(s, 14);
  const bool core = header == 12;
  if (!core && (header < 40 || s.size() < 34)) return refused("corrupt BMP: unknown header");
  // Signed in the long header: a negative height means rows stored top-down.
  const auto signed32 = [&](std::size_t at) -> std::int64_t {
    return static_cast<std::int32_t>(le32(s, at));
  };
  const std::int64_t width = core ? le16(s, 18) : signed32(18);
  const std::int64_t height = core ? le16(s, 20) : signed32(22);
  if (width <= 0 || height == 0) return refused("corrupt BMP: bad dimensions");
  auto p = sized(ImageFormat::bmp, static_cast<std::uint32_t>(width),
                 static_cast<std::uint32_t>(height < 0 ? -height : height));
  const double bits = le16(s, core ? 24 : 28);
  const bool uncompressed = core || le32(s, 30) == 0 || le32(s, 30) == 3;
  const double row = std::ceil(bits * p.width / 32) * 4;  // rows are padded to 4 bytes
  if (uncompressed && le32(s, 10) + row * p.height > static_cast<double>(s.size()))
    return refused("truncated BMP: fewer bytes than its rows need");
  return p;
}

}  // namespace

void read_exif(std::string_view tiff, std::vector<MetadataField>& out) {
  if (tiff.size() < 8 || (tiff.substr(0, 4) != std::string_view("II*\0", 4) &&
                          tiff.substr(0, 4) != std::string_view("MM\0*", 4)))
    return;
  const bool little = tiff[0] == 'I';
  const auto u16 = [&](std::size_t at) { return little ? le16(tiff, at) : be16(tiff, at); };
  const auto u32 = [&](std::size_t at) { return little ? le32(tiff, at) : be32(tiff, at); };
  struct Tag {
    std::uint16_t id;
    std::string_view name;
  };
  // The text fields that can tie two files to one camera, one person or one moment.
  constexpr std::array<Tag, 12> kTags = {{{0x010F, "Make"},
                                          {0x0110, "Model"},
                                          {0x0131, "Software"},
                                          {0x0132, "DateTime"},
                                          {0x013B, "Artist"},
                                          {0x8298, "Copyright"},
                                          {0x9003, "DateTimeOriginal"},
                                          {0x9004, "DateTimeDigitized"},
                                          {0xA420, "ImageUniqueID"},
                                          {0xA430, "CameraOwnerName"},
                                          {0xA431, "BodySerialNumber"},
                                          {0xA434, "LensModel"}}};
  constexpr std::uint16_t kExifIfd = 0x8769, kAscii = 2;
  std::uint32_t ifd = u32(4), exif_ifd = 0;
  for (int depth = 0; depth < 2 && ifd != 0; ++depth) {
    if (static_cast<std::uint64_t>(ifd) + 2 > tiff.size()) return;
    const std::uint32_t entries = u16(ifd);
    for (std::uint32_t e = 0; e < entries; ++e) {
      const std::uint64_t at = ifd + 2 + 12ull * e;
      if (at + 12 > tiff.size()) return;
      const auto id = u16(at), type = u16(at + 2);
      const auto count = u32(at + 4);
      if (id == kExifIfd) exif_ifd = u32(at + 8);
      const auto tag = std::find_if(kTags.begin(), kTags.end(), [&](const Tag& t) { return t.id == id; });
      if (tag == kTags.end() || type != kAscii) continue;
      const std::uint64_t value_at = count <= 4 ? at + 8 : u32(at + 8);  // short strings sit in place
      if (value_at + count > tiff.size()) continue;
      add_field(out, "exif:" + std::string(tag->name), tiff.substr(value_at, count));
    }
    ifd = exif_ifd;
    exif_ifd = 0;
  }
}

std::string_view image_format_name(ImageFormat format) {
  constexpr std::array<std::string_view, 5> names = {"png", "jpeg", "gif", "webp", "bmp"};
  return names[static_cast<std::size_t>(format)];
}

ImageProbe probe_image(std::string_view s) {
  if (s.starts_with("\x89PNG\r\n\x1a\n")) return probe_png(s);
  if (s.starts_with("\xFF\xD8\xFF")) return probe_jpeg(s);
  if (s.starts_with("GIF87a") || s.starts_with("GIF89a")) return probe_gif(s);
  if (s.size() >= 12 && s.starts_with("RIFF") && s.substr(8, 4) == "WEBP") return probe_webp(s);
  if (s.starts_with("BM")) return probe_bmp(s);
  return refused(s.empty() ? "empty file" : "not a PNG, JPEG, GIF, WebP or BMP image");
}

}  // namespace huella
