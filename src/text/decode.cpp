#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "huella/normalize.h"
#include "huella/text.h"

namespace huella {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid (RFC 3629).
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  const std::size_t left = s.size() - i;
  const auto cont = [&](std::size_t k) { return k < left && (b(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && b(1) >= 0x90) return 0;  // beyond U+10FFFF
    return 4;
  }
  return 0;
}

bool utf16_to_utf8(std::string_view bytes, const char* converter, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t capacity = static_cast<int32_t>(bytes.size() * 2 + 16);
  out.assign(static_cast<std::size_t>(capacity), '\0');
  const int32_t written = ucnv_convert("UTF-8", converter, out.data(), capacity, bytes.data(),
                                       static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  out.resize(static_cast<std::size_t>(written));
  return true;
}

// UTF-16 saved without a byte-order mark (some Windows tools do): mostly ASCII text, so one byte
// of nearly every code unit is NUL, always the same one, and no code unit is NUL. Judged on the
// first 4 KiB. Returns the ICU converter name, or nullptr.
const char* utf16_without_bom(std::string_view bytes) {
  if (bytes.size() < 8 || bytes.size() % 2 != 0) return nullptr;
  const std::size_t sample = std::min<std::size_t>(bytes.size(), 4096);
  std::size_t nul_first = 0, nul_second = 0;
  for (std::size_t i = 0; i < sample; i += 2) {
    const bool first = bytes[i] == '\0', second = bytes[i + 1] == '\0';
    if (first && second) return nullptr;
    nul_first += first;
    nul_second += second;
  }
  const std::size_t units = sample / 2;
  if (nul_first == 0 && nul_second * 10 >= units * 9) return "UTF-16LE";
  if (nul_second == 0 && nul_first * 10 >= units * 9) return "UTF-16BE";
  return nullptr;
}

}  // namespace

std::string content_key(std::string_view bytes) {
  const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

std::uint32_t repair_utf8(std::string& text) {
  std::size_t i = 0;
  // Fast path: most files are valid; copy only when a bad byte is found.
  while (i < text.size()) {
    const std::size_t n = valid_sequence_length(text, i);
    if (n == 0) break;
    i += n;
  }
  if (i == text.size()) return 0;
  std::string out(text, 0, i);
  std::uint32_t replaced = 0;
  while (i < text.size()) {
    const std::size_t n = valid_sequence_length(text, i);
    if (n == 0) {
      out += kReplacement;
      ++replaced;
      ++i;
    } else {
      out.append(text, i, n);
      i += n;
    }
  }
  text = std::move(out);
  return replaced;
}

TextReadResult decode_text(std::string bytes) {
  TextReadResult result;
  result.decoded.key = content_key(bytes);
  const std::string_view view(bytes);
  const bool utf16le = view.size() >= 2 && view[0] == '\xFF' && view[1] == '\xFE';
  const bool utf16be = view.size() >= 2 && view[0] == '\xFE' && view[1] == '\xFF';
  const char* bomless = utf16le || utf16be ? nullptr : utf16_without_bom(view);
  if (utf16le || utf16be || bomless != nullptr) {
    std::string converted;
    const char* converter = bomless != nullptr ? bomless : utf16le ? "UTF-16LE" : "UTF-16BE";
    if (!utf16_to_utf8(view.substr(bomless != nullptr ? 0 : 2), converter, converted)) {
      result.reason = "invalid UTF-16 text";
      return result;
    }
    bytes = std::move(converted);
    result.decoded.converted_from_utf16 = true;
  }
  if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
    result.reason = "binary content (NUL bytes) behind a text file name";
    return result;
  }
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  result.decoded.replaced_bytes = repair_utf8(bytes);
  result.decoded.invisible_chars = count_invisible(bytes);
  result.decoded.text = std::move(bytes);
  result.ok = true;
  return result;
}

TextReadResult read_text_file(const std::filesystem::path& path, const TextLimits& limits) {
  TextReadResult result;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    result.reason = "cannot read: " + ec.message();
    return result;
  }
  if (size > limits.max_file_bytes) {
    result.reason = "too large: " + std::to_string(size) + " bytes (limit " +
                    std::to_string(limits.max_file_bytes) + ")";
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.reason = "cannot open for reading";
    return result;
  }
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    result.reason = "read error";
    return result;
  }
  return decode_text(std::move(bytes));
}

}  // namespace huella
