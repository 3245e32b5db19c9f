// Text: reading a file as UTF-8 within limits, and the content key that caches it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace huella {

// A hash of a file's bytes: equal keys mean equal content (XXH3-128, 32 hex digits).
std::string content_key(std::string_view bytes);

struct TextLimits {
  std::uint64_t max_file_bytes = 2u << 20;  // larger text files are skipped, not truncated
};

struct DecodedText {
  std::string text;                  // valid UTF-8, without byte-order mark
  std::string key;                   // content_key of the bytes as read
  std::uint32_t replaced_bytes = 0;  // invalid UTF-8 bytes replaced with U+FFFD
  std::uint32_t invisible_chars = 0;  // zero-width and other default-ignorable characters
  bool converted_from_utf16 = false;
};

struct TextReadResult {
  bool ok = false;
  DecodedText decoded;
  std::string reason;  // why the file was not read, when !ok
};

// Reads `path` as text; binary content, oversize and unreadable files give a reason instead.
TextReadResult read_text_file(const std::filesystem::path& path, const TextLimits& limits);

// Decodes bytes that should be text: UTF-16 with a BOM is converted, a UTF-8 BOM dropped,
// invalid UTF-8 replaced. Returns ok=false with a reason for binary content.
TextReadResult decode_text(std::string bytes);

// Replaces each invalid UTF-8 sequence with U+FFFD; returns how many bytes were replaced.
std::uint32_t repair_utf8(std::string& text);

}  // namespace huella
