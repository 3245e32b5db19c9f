// Forensics: the professor's watermarks in a text, and the reference file each one points to.
//
// Four kinds (formats in README "Watermarks"):
// - zero_width: U+FEFF, then each payload byte as 8 bits, most significant first (U+200B = 0,
//   U+200C = 1), bytes separated by U+200D, then U+FEFF. Runs damaged by editing (a lost
//   delimiter, a byte missing bits, stray characters) still give every byte with 8 bits; the
//   others read as '?'. A run needs at least one whole byte to count.
// - html_comment: a `<!-- TodoEconometria:watermark ... -->` comment of `Key: value` lines; its
//   `Verificacion` must be the first 32 hex digits of SHA-256("Archivo:Hash ID:Timestamp").
// - html_meta: the rights meta tags (author, copyright, dcterms.rightsHolder, dcterms.license);
//   reported when a dcterms tag is present, since an `author` tag alone is common in any page.
// - visible_hash_id: a "Hash ID" label followed by 16 or more hex digits, outside the comment.
// Works on decoded text (the text stage) and knows nothing of submissions or pairs.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace huella {

enum class WatermarkKind : std::uint8_t { zero_width, html_comment, html_meta, visible_hash_id };

std::string_view watermark_kind_name(WatermarkKind kind);

struct Watermark {
  WatermarkKind kind;
  std::uint32_t line;  // 1-based line where the mark starts
  // zero_width: the decoded bytes; html_comment: "Archivo:Hash ID:Timestamp"; html_meta:
  // "name=content" of each tag found, joined by "; "; visible_hash_id: the hex digits.
  std::string payload;
  std::string file_name;  // html_comment: Archivo; zero_width: the payload's MD5 tag of the name
  std::string date;       // YYYY-MM-DD (zero_width) or the Timestamp (html_comment); may be ""
  bool intact = false;    // complete, well-formed and, for the comment, verified
  std::uint32_t bytes_recovered = 0;  // zero_width: payload bytes decoded whole
};

// Every watermark in `text`, in order of position.
std::vector<Watermark> find_watermarks(std::string_view text);

// First 8 hex digits of the MD5 of a file's base name: the tag zero-width payloads end with.
std::string base_name_tag(std::string_view base_name);

// First 32 hex digits of SHA-256(Archivo:Hash ID:Timestamp): the comment's `Verificacion`.
std::string watermark_check(std::string_view file_name, std::string_view hash_id,
                            std::string_view timestamp);

// The reference files the marks found in student text can point to, learnt from the marks the
// reference files carry themselves and from their base names.
class WatermarkSources {
 public:
  // `reference_file` names the file in reports; `base_name` is its name without folders.
  void add(const std::string& reference_file, std::string_view base_name,
           std::span<const Watermark> own_marks);
  // The reference files carrying the same mark (a damaged zero-width payload matches where its
  // bytes survived), else the file its name or tag designates; sorted, joined by ", "; "" when
  // none is known.
  std::string source_of(const Watermark& mark) const;

 private:
  std::map<std::string, std::string> by_name_tag_;  // base_name_tag → reference file
  std::map<std::string, std::string> by_base_name_;
  std::vector<std::pair<Watermark, std::string>> marks_;  // a reference's own mark, its file
};

}  // namespace huella
