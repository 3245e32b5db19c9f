#include "huella/hidden_text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <optional>
#include <span>

#include "huella/text.h"

namespace huella {
namespace {

constexpr std::size_t kMinWrapWidth = 24;  // narrower "wrapped lines" are a column of words
constexpr std::uint64_t kMinLetters = 20;
constexpr std::size_t kMinDistinctCharacters = 10;  // a repeated base64 character decodes to one
constexpr std::uint64_t kMaxUnprintablePercent = 2;
constexpr std::size_t kMaxDataUriPrefix = 128;  // "data:" + media type + parameters

// Sextet of each character of either alphabet (standard +/, URL-safe -_), -1 for the rest.
constexpr std::array<std::int8_t, 256> kSextet = [] {
  std::array<std::int8_t, 256> table{};
  table.fill(-1);
  for (int i = 0; i < 26; ++i) {
    table['A' + i] = static_cast<std::int8_t>(i);
    table['a' + i] = static_cast<std::int8_t>(26 + i);
  }
  for (int i = 0; i < 10; ++i) table['0' + i] = static_cast<std::int8_t>(52 + i);
  table['+'] = table['-'] = 62;
  table['/'] = table['_'] = 63;
  return table;
}();

int sextet(char c) { return kSextet[static_cast<unsigned char>(c)]; }

// What may stand before a wrapped blob on its line: indentation, quotes, Markdown quotes and
// bullets, comment leaders, `<!--`.
bool is_opening_mark(char c) {
  return std::string_view(" \t\"'`([{>#*/-+<!").find(c) != std::string_view::npos;
}

// What may follow it: closing quotes, separators, string continuations, `-->`, `*/`.
bool is_closing_mark(char c) {
  return std::string_view(" \t\r\"'`)]},;\\+-*/>").find(c) != std::string_view::npos;
}

bool opens_string(char c) { return std::string_view("\"'`(").find(c) != std::string_view::npos; }

// The payload of a `data:` URI whose media type is not text/* (images, fonts, SVG): never prose.
bool is_non_text_data_uri(std::string_view line_before_payload) {
  constexpr std::string_view kMarker = ";base64,";
  if (!line_before_payload.ends_with(kMarker)) return false;
  const std::string_view prefix = line_before_payload.substr(
      line_before_payload.size() - std::min(line_before_payload.size(), kMaxDataUriPrefix));
  const std::size_t data = prefix.rfind("data:");
  if (data == std::string_view::npos) return false;
  return !prefix.substr(data + 5).starts_with("text/");
}

struct Piece {
  std::string_view chars;  // base64 characters and padding, on one line
  bool padded = false;
  bool starts_line = false;    // only opening marks before it on its line
  bool ends_line = false;      // only closing marks after it
  bool follows_quote = false;  // opens a string literal, which may go on in the next lines
};

// A blob being read: one piece per line, all of them full lines of `width` except the last.
struct Blob {
  std::vector<std::string_view> pieces;
  std::uint32_t line = 0;       // of the first piece
  std::uint32_t last_line = 0;  // of the last piece
  std::size_t width = 0;        // characters per wrapped line, 0 until known
  bool continues = false;       // its last piece is a full line, so the next line may go on
};

struct FoundBlob {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint32_t line = 0;
  std::string text;
};

struct Decoded {
  std::string bytes;
  bool cut = false;
};

// Decodes the pieces as one base64 stream (padding ends it), up to `max_bytes` bytes.
Decoded decode_base64(std::span<const std::string_view> pieces, std::uint64_t max_bytes) {
  Decoded decoded;
  std::uint32_t bits = 0;
  int pending_bits = 0;
  for (const std::string_view piece : pieces) {
    for (const char c : piece) {
      if (c == '=') return decoded;
      bits = (bits << 6) | static_cast<std::uint32_t>(sextet(c));
      pending_bits += 6;
      if (pending_bits < 8) continue;
      pending_bits -= 8;
      if (decoded.bytes.size() >= max_bytes) {
        decoded.cut = true;
        return decoded;
      }
      decoded.bytes.push_back(static_cast<char>((bits >> pending_bits) & 0xFF));
    }
  }
  return decoded;
}

// Drops the UTF-8 sequence a cut left incomplete at the end of `bytes`.
void drop_incomplete_tail(std::string& bytes) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  std::size_t lead = bytes.size();
  while (lead > 0 && bytes.size() - lead < 3 && (byte(lead - 1) & 0xC0) == 0x80) --lead;
  if (lead == 0) return;
  const unsigned char c = byte(lead - 1);
  const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (bytes.size() - (lead - 1) < length) bytes.resize(lead - 1);
}

bool is_printable(char32_t c) {
  if (c == '\t' || c == '\n' || c == '\r') return true;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_CONTROL_CHAR:
    case U_UNASSIGNED:
    case U_PRIVATE_USE_CHAR:
    case U_SURROGATE:
      return false;
    default:
      return true;
  }
}

struct CodePointCounts {
  std::uint64_t all = 0;
  std::uint64_t unprintable = 0;
  std::uint64_t letters = 0;
  std::size_t distinct = 0;  // counted up to kMinDistinctCharacters
};

// Counts the code points of valid UTF-8 that may start inside a sequence cut before `utf8`.
CodePointCounts count_code_points(std::string_view utf8) {
  CodePointCounts counts;
  std::array<char32_t, kMinDistinctCharacters> seen{};
  std::size_t i = 0;
  while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) ++i;
  while (i < utf8.size()) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    char32_t c = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k)
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += length;
    ++counts.all;
    if (!is_printable(c)) ++counts.unprintable;
    if (u_isalpha(static_cast<UChar32>(c))) ++counts.letters;
    const auto seen_end = seen.begin() + static_cast<std::ptrdiff_t>(counts.distinct);
    if (counts.distinct < seen.size() && std::find(seen.begin(), seen_end, c) == seen_end)
      seen[counts.distinct++] = c;
  }
  return counts;
}

// Valid UTF-8, mostly printable, with enough letters to be prose rather than numbers or noise.
bool reads_as_text(std::string& bytes) {
  if (repair_utf8(bytes) != 0) return false;
  const CodePointCounts counts = count_code_points(bytes);
  return counts.letters >= kMinLetters && counts.distinct >= kMinDistinctCharacters &&
         counts.unprintable * 100 <= counts.all * kMaxUnprintablePercent;
}

std::uint64_t count_characters(std::span<const std::string_view> pieces) {
  std::uint64_t characters = 0;
  for (const std::string_view piece : pieces) characters += piece.size();
  return characters;
}

// The text the pieces decode to, when they are base64 of text.
std::optional<std::string> blob_text(std::span<const std::string_view> pieces,
                                     const HiddenTextLimits& limits) {
  if (count_characters(pieces) < limits.min_encoded_bytes) return std::nullopt;
  Decoded decoded = decode_base64(pieces, limits.max_decoded_bytes);
  if (decoded.cut) drop_incomplete_tail(decoded.bytes);
  if (!reads_as_text(decoded.bytes)) return std::nullopt;
  return std::move(decoded.bytes);
}

class BlobFinder {
 public:
  BlobFinder(std::string_view text, const HiddenTextLimits& limits, bool expand_nested)
      : text_(text), limits_(limits), expand_nested_(expand_nested) {}

  std::vector<FoundBlob> run() {
    std::uint32_t line = 1;
    for (std::size_t start = 0; start <= text_.size(); ++line) {
      const std::size_t newline = text_.find('\n', start);
      const std::size_t end = newline == std::string_view::npos ? text_.size() : newline;
      read_line(start, end, line);
      start = end + 1;
    }
    close();
    return std::move(found_);
  }

 private:
  void read_line(std::size_t start, std::size_t end, std::uint32_t line) {
    std::size_t first_content = start;
    while (first_content < end && is_opening_mark(text_[first_content])) ++first_content;
    std::size_t last_content = end;
    while (last_content > first_content && is_closing_mark(text_[last_content - 1])) --last_content;
    bool first_piece = true;
    for (std::size_t i = start; i < end;) {
      if (sextet(text_[i]) < 0) {
        ++i;
        continue;
      }
      std::size_t begin = i;
      while (i < end && sextet(text_[i]) >= 0) ++i;
      std::size_t stop = i;
      // `<!--` and `-->` may touch the blob; their dashes are URL-safe base64 characters.
      if (stop - begin >= 2 && i < end && text_[i] == '>' && text_.substr(stop - 2, 2) == "--")
        stop -= 2;
      if (stop - begin >= 2 && begin >= 2 && text_.substr(begin - 2, 4) == "<!--") begin += 2;
      std::size_t padded_stop = stop;
      if (stop == i)
        while (padded_stop < end && text_[padded_stop] == '=' && padded_stop - stop < 2)
          ++padded_stop;
      i = std::max(i, padded_stop);
      // Runs among the marks are bullets, comment leaders and `-->`, not data.
      if (stop <= begin || stop <= first_content || begin >= last_content) continue;
      if (is_non_text_data_uri(text_.substr(start, begin - start))) {
        close();
        first_piece = false;
        continue;
      }
      const Piece piece{
          .chars = text_.substr(begin, padded_stop - begin),
          .padded = padded_stop > stop,
          .starts_line = begin <= first_content,
          .ends_line = padded_stop >= last_content,
          .follows_quote = begin > start && opens_string(text_[begin - 1]),
      };
      add(piece, first_piece, line);
      first_piece = false;
    }
  }

  void add(const Piece& piece, bool first_on_line, std::uint32_t line) {
    const std::size_t length = piece.chars.size();
    if (open_ && first_on_line && open_->continues && open_->last_line + 1 == line &&
        piece.starts_line && (open_->width == 0 || length <= open_->width)) {
      if (open_->width == 0) open_->width = length;
      open_->pieces.push_back(piece.chars);
      open_->last_line = line;
      open_->continues =
          piece.ends_line && !piece.padded && length == open_->width && length >= kMinWrapWidth;
      return;
    }
    close();
    open_.emplace();
    open_->pieces.push_back(piece.chars);
    open_->line = open_->last_line = line;
    // A blob that starts its line sets the wrap width; one that opens a string gets it from the
    // next line, since the assignment before it shortens its first line.
    open_->width = piece.starts_line ? length : 0;
    open_->continues = piece.ends_line && !piece.padded &&
                       (piece.starts_line ? length >= kMinWrapWidth
                                          : piece.follows_quote || length >= kMinWrapWidth);
  }

  void close() {
    if (!open_) return;
    const Blob blob = std::move(*open_);
    open_.reset();
    std::span<const std::string_view> pieces(blob.pieces);
    std::optional<std::string> text = blob_text(pieces, limits_);
    // A short last line may be a word that follows the blob: keep it only if it decodes cleanly.
    if (pieces.size() > 1 && pieces.back().size() < blob.width) {
      const auto full_lines = pieces.first(pieces.size() - 1);
      const std::size_t full_lines_bytes = count_characters(full_lines) * 6 / 8;
      if (!text ||
          (full_lines_bytes < text->size() &&
           count_code_points(std::string_view(*text).substr(full_lines_bytes)).unprintable > 0)) {
        pieces = full_lines;
        text = blob_text(pieces, limits_);
      }
    }
    if (!text) return;
    FoundBlob& found = found_.emplace_back();
    found.begin = static_cast<std::size_t>(pieces.front().data() - text_.data());
    found.end =
        static_cast<std::size_t>(pieces.back().data() + pieces.back().size() - text_.data());
    found.line = blob.line;
    found.text = expand_nested_ ? with_nested_decoded(std::move(*text)) : std::move(*text);
  }

  // The text with the base64 text blobs it holds replaced by their decoded text.
  std::string with_nested_decoded(std::string text) const {
    const std::vector<FoundBlob> nested = BlobFinder(text, limits_, false).run();
    if (nested.empty()) return text;
    std::string expanded;
    std::size_t copied = 0;
    for (const FoundBlob& blob : nested) {
      expanded.append(text, copied, blob.begin - copied);
      expanded += blob.text;
      copied = blob.end;
    }
    expanded.append(text, copied);
    return expanded;
  }

  std::string_view text_;
  const HiddenTextLimits& limits_;
  bool expand_nested_;
  std::optional<Blob> open_;
  std::vector<FoundBlob> found_;
};

}  // namespace

std::vector<HiddenText> find_hidden_text(std::string_view text, const HiddenTextLimits& limits) {
  std::vector<HiddenText> hidden;
  for (FoundBlob& blob : BlobFinder(text, limits, true).run())
    hidden.push_back(
        {blob.line, static_cast<std::uint32_t>(blob.end - blob.begin), std::move(blob.text)});
  return hidden;
}

}  // namespace huella
