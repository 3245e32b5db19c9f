#include "huella/watermark.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "huella/ascii.h"
#include "huella/line_counter.h"

namespace huella {
namespace {

constexpr std::string_view kFrame = "\xEF\xBB\xBF";      // U+FEFF
constexpr std::string_view kZero = "\xE2\x80\x8B";       // U+200B
constexpr std::string_view kOne = "\xE2\x80\x8C";        // U+200C
constexpr std::string_view kSeparator = "\xE2\x80\x8D";  // U+200D
constexpr std::string_view kCommentKey = "TodoEconometria:watermark";

std::string hex_of(const unsigned char* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 15];
  }
  return out;
}

std::string digest_hex(const EVP_MD* md, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr);
  return hex_of(out.data(), size);
}

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// "TE:<16 hex>:<YYYYMMDD>:<8 hex>": fills the date and tag of a zero-width mark; true when the
// whole payload has that form.
bool parse_zero_width_payload(Watermark& mark) {
  std::vector<std::string_view> fields;
  std::string_view rest = mark.payload;
  for (std::size_t colon; (colon = rest.find(':')) != std::string_view::npos; rest.remove_prefix(colon + 1))
    fields.push_back(rest.substr(0, colon));
  fields.push_back(rest);
  const auto all = [](std::string_view s, auto pred) { return std::all_of(s.begin(), s.end(), pred); };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (fields.size() >= 3 && fields[2].size() == 8 && all(fields[2], digit))
    mark.date = std::string(fields[2].substr(0, 4)) + "-" + std::string(fields[2].substr(4, 2)) +
                "-" + std::string(fields[2].substr(6, 2));
  if (fields.size() >= 4 && fields[3].size() == 8 && all(fields[3], is_hex))
    mark.file_name = std::string(fields[3]);
  return fields.size() == 4 && fields[0] == "TE" && fields[1].size() == 16 && all(fields[1], is_hex) &&
         !mark.date.empty() && !mark.file_name.empty();
}

// Decodes the zero-width characters from `begin`: a frame, bits and separators, up to the
// closing frame or the first other character.
struct ZeroWidthRun {
  std::size_t end;
  Watermark mark;
};

ZeroWidthRun decode_run(std::string_view text, std::size_t begin) {
  ZeroWidthRun run{begin, {WatermarkKind::zero_width, 0, "", "", "", false, 0}};
  const bool opened = text.substr(begin).starts_with(kFrame);
  if (opened) run.end += kFrame.size();
  bool closed = false, clean = true;
  std::uint32_t bits = 0, value = 0;
  const auto end_byte = [&] {
    if (bits == 8 && value >= 0x20 && value < 0x7F) {
      run.mark.payload += static_cast<char>(value);
      ++run.mark.bytes_recovered;
    } else if (bits > 0) {
      run.mark.payload += '?';
      clean = false;
    }
    bits = value = 0;
  };
  while (run.end < text.size()) {
    const auto rest = text.substr(run.end);
    if (rest.starts_with(kZero) || rest.starts_with(kOne)) {
      value = value << 1 | (rest.starts_with(kOne) ? 1 : 0);
      ++bits;
    } else if (rest.starts_with(kSeparator)) {
      end_byte();
    } else if (rest.starts_with(kFrame)) {
      closed = true;
      run.end += kFrame.size();
      break;
    } else {
      break;
    }
    run.end += kZero.size();
  }
  end_byte();
  run.mark.intact = opened && closed && clean && parse_zero_width_payload(run.mark);
  return run;
}

// The `Key: value` lines of the watermark comment.
Watermark decode_comment(std::string_view comment) {
  Watermark mark{WatermarkKind::html_comment, 0, "", "", "", false, 0};
  std::map<std::string, std::string, std::less<>> fields;
  for (std::size_t start = 0; start < comment.size();) {
    const auto end = std::min(comment.find('\n', start), comment.size());
    auto line = comment.substr(start, end - start);
    start = end + 1;
    const auto colon = line.find(": ");
    if (colon == std::string_view::npos) continue;
    const auto trim = [](std::string_view s) {
      while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
      while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
      return std::string(s);
    };
    fields[trim(line.substr(0, colon))] = trim(line.substr(colon + 2));
  }
  const auto field = [&](std::string_view key) {
    const auto it = fields.find(key);
    return it == fields.end() ? std::string() : it->second;
  };
  const auto file = field("Archivo"), hash = field("Hash ID"), time = field("Timestamp");
  mark.file_name = file;
  mark.date = time;
  mark.payload = file + ":" + hash + ":" + time;
  const auto check = ascii_lowered(field("Verificacion"));
  mark.intact = !file.empty() && hash.size() == 64 && !time.empty() && check.size() == 32 &&
                check == watermark_check(file, hash, time);
  return mark;
}

// Comment by comment, so that hostile text (the key repeated, comments never closed) costs one
// pass.
void find_comments(std::string_view text, LineCounter& lines, std::vector<Watermark>& out,
                   std::vector<std::pair<std::size_t, std::size_t>>& spans) {
  for (std::size_t open = 0; (open = text.find("<!--", open)) != std::string_view::npos;) {
    const auto close = text.find("-->", open + 4);
    const auto end = close == std::string_view::npos ? text.size() : close + 3;
    const auto comment = text.substr(open, end - open);
    if (const auto key = comment.find(kCommentKey); key != std::string_view::npos) {
      auto mark = decode_comment(comment.substr(key + kCommentKey.size()));
      mark.line = lines.line_at(open);
      out.push_back(std::move(mark));
      spans.emplace_back(open, end);
    }
    open = end;
  }
}

// The value of attribute `name` in a tag, "" when absent.
std::string attribute(std::string_view tag, std::string_view name) {
  const auto lower = ascii_lowered(tag);
  for (const char quote : {'"', '\''}) {
    const auto key = std::string(name) + "=" + quote;
    const auto at = lower.find(key);
    if (at == std::string::npos) continue;
    const auto start = at + key.size();
    const auto end = tag.find(quote, start);
    if (end != std::string_view::npos) return std::string(tag.substr(start, end - start));
  }
  return {};
}

void find_meta_tags(std::string_view text, LineCounter& lines, std::vector<Watermark>& out) {
  static constexpr std::array<std::string_view, 4> kNames = {"author", "copyright",
                                                             "dcterms.rightsholder", "dcterms.license"};
  constexpr std::size_t kMaxTag = 2000;  // a tag without '>' this soon is not a meta tag
  std::array<std::string, 4> contents;
  std::size_t first = std::string_view::npos;
  for (std::size_t at = 0; (at = find_ignoring_case(text, "<meta", at)) != std::string_view::npos;) {
    const auto tag = text.substr(at, std::min(text.substr(at, kMaxTag).find('>'), kMaxTag));
    at += tag.size();
    const auto name = ascii_lowered(attribute(tag, "name"));
    for (std::size_t i = 0; i < kNames.size(); ++i)
      if (name == kNames[i] && contents[i].empty()) {
        contents[i] = attribute(tag, "content");
        first = std::min(first, at);
      }
  }
  if (contents[2].empty() && contents[3].empty()) return;
  Watermark mark{WatermarkKind::html_meta, lines.line_at(first), "", "", "", true, 0};
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    mark.intact &= !contents[i].empty();
    if (contents[i].empty()) continue;
    if (!mark.payload.empty()) mark.payload += "; ";
    mark.payload += std::string(kNames[i]) + "=" + contents[i];
  }
  out.push_back(std::move(mark));
}

void find_visible_hash_ids(std::string_view text, LineCounter& lines,
                           std::span<const std::pair<std::size_t, std::size_t>> comments,
                           std::vector<Watermark>& out) {
  constexpr std::size_t kMaxGap = 40;  // "Hash ID de Certificacion: " and its markup
  for (std::size_t at = 0; (at = find_ignoring_case(text, "hash id", at)) != std::string_view::npos;) {
    const auto label = at;
    at += 7;
    if (std::any_of(comments.begin(), comments.end(),
                    [&](const auto& c) { return label >= c.first && label < c.second; }))
      continue;
    auto digits = at;
    while (digits < text.size() && digits < at + kMaxGap && !is_hex(text[digits]) &&
           text[digits] != '\n')
      ++digits;
    // Words between the label and the digits ("de Certificacion") start with hex letters too.
    while (digits < text.size() && digits < at + kMaxGap) {
      auto end = digits;
      while (end < text.size() && is_hex(text[end])) ++end;
      if (end - digits >= 16) {
        out.push_back({WatermarkKind::visible_hash_id, lines.line_at(label),
                       ascii_lowered(text.substr(digits, end - digits)), "", "", end - digits == 64, 0});
        at = end;
        break;
      }
      digits = end;
      while (digits < text.size() && !is_hex(text[digits]) && text[digits] != '\n') ++digits;
      if (digits < text.size() && text[digits] == '\n') break;
    }
  }
}

}  // namespace

std::string_view watermark_kind_name(WatermarkKind kind) {
  constexpr std::array<std::string_view, 4> names = {"zero_width", "html_comment", "html_meta",
                                                     "visible_hash_id"};
  return names[static_cast<std::size_t>(kind)];
}

std::string base_name_tag(std::string_view base_name) {
  return digest_hex(EVP_md5(), base_name).substr(0, 8);
}

std::string watermark_check(std::string_view file_name, std::string_view hash_id,
                            std::string_view timestamp) {
  const auto signed_text =
      std::string(file_name) + ":" + std::string(hash_id) + ":" + std::string(timestamp);
  return digest_hex(EVP_sha256(), signed_text).substr(0, 32);
}

std::vector<Watermark> find_watermarks(std::string_view text) {
  std::vector<Watermark> out;
  LineCounter lines(text);
  const auto is_zero_width = [&](std::size_t at) {
    const auto rest = text.substr(at);
    return rest.starts_with(kFrame) || rest.starts_with(kZero) || rest.starts_with(kOne) ||
           rest.starts_with(kSeparator);
  };
  for (std::size_t at = 0; at < text.size();) {
    if (static_cast<unsigned char>(text[at]) < 0xE2 || !is_zero_width(at)) {
      ++at;
      continue;
    }
    auto run = decode_run(text, at);
    if (run.mark.bytes_recovered > 0) {
      run.mark.line = lines.line_at(at);
      out.push_back(std::move(run.mark));
    }
    at = std::max(run.end, at + 1);
  }
  std::vector<std::pair<std::size_t, std::size_t>> comments;
  find_comments(text, lines, out, comments);
  find_meta_tags(text, lines, out);
  find_visible_hash_ids(text, lines, comments, out);
  std::stable_sort(out.begin(), out.end(),
                   [](const Watermark& x, const Watermark& y) { return x.line < y.line; });
  return out;
}

}  // namespace huella
