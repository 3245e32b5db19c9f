#include "huella/normalize.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <memory>
#include <unordered_map>
#include <vector>

namespace huella {
namespace {

constexpr char32_t kSmallEnye = 0x00F1;

void append_utf8(std::string& out, char32_t c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

void append_utf8(std::string& out, const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) append_utf8(out, s.char32At(i));
}

// ICU objects are built once per thread: normalizers are shared singletons, the spoof checker
// and break iterator are not thread-safe to share.
struct IcuTools {
  const icu::Normalizer2* casefold = nullptr;
  const icu::Normalizer2* decompose = nullptr;
  USpoofChecker* spoof = nullptr;
  std::unique_ptr<icu::BreakIterator> words;
  std::unordered_map<char32_t, std::string> folded;  // per code point, filled lazily

  IcuTools() {
    UErrorCode status = U_ZERO_ERROR;
    casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    decompose = icu::Normalizer2::getNFDInstance(status);
    spoof = uspoof_open(&status);
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale("es"), status));
  }
  ~IcuTools() {
    if (spoof != nullptr) uspoof_close(spoof);
  }
  IcuTools(const IcuTools&) = delete;
  IcuTools& operator=(const IcuTools&) = delete;

  // The Latin prototype of a look-alike letter, or the letter itself.
  icu::UnicodeString skeleton(char32_t c) {
    const icu::UnicodeString one(static_cast<UChar32>(c));
    if (spoof == nullptr || c < 0x80) return one;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out;
    uspoof_getSkeletonUnicodeString(spoof, 0, one, out, &status);
    return U_SUCCESS(status) ? out : one;
  }

  const std::string& fold(char32_t c) {
    if (const auto it = folded.find(c); it != folded.end()) return it->second;
    std::string out;
    if (!is_invisible(c)) {
      UErrorCode status = U_ZERO_ERROR;
      const auto cased = casefold->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
      for (int32_t i = 0; U_SUCCESS(status) && i < cased.length(); i = cased.moveIndex32(i, 1)) {
        const char32_t base = static_cast<char32_t>(cased.char32At(i));
        if (base == kSmallEnye) {  // ñ is a letter of its own in Spanish
          append_utf8(out, base);
          continue;
        }
        const auto parts = decompose->normalize(icu::UnicodeString(static_cast<UChar32>(base)), status);
        for (int32_t j = 0; U_SUCCESS(status) && j < parts.length(); j = parts.moveIndex32(j, 1)) {
          const auto part = static_cast<char32_t>(parts.char32At(j));
          if (u_charType(static_cast<UChar32>(part)) == U_NON_SPACING_MARK) continue;  // accents
          const auto prototype = casefold->normalize(skeleton(part), status);
          append_utf8(out, prototype);
        }
      }
    }
    return folded.emplace(c, std::move(out)).first->second;
  }
};

IcuTools& tools() {
  thread_local IcuTools instance;
  return instance;
}

// Appends the matching form of the word to `out` (see fold_word).
void append_folded(std::string& out, std::string_view word) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {  // ASCII: lower-case, nothing else to fold
      const char c = static_cast<char>(s[i++]);
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0) out += tools().fold(static_cast<char32_t>(c));
  }
}

}  // namespace

bool is_invisible(char32_t c) {
  return c >= 0x80 && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

std::uint32_t count_invisible(std::string_view text) {
  std::uint32_t count = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && is_invisible(static_cast<char32_t>(c))) ++count;
  }
  return count;
}

std::string fold_word(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  append_folded(out, word);
  return out;
}

void for_each_word(std::string_view text,
                   const std::function<void(std::string_view, const std::string&, bool)>& visit) {
  // The text without invisible characters, in UTF-16 for the break iterator, and for each of
  // its code units the byte offset it came from. Written in place: no sequence of UTF-8 bytes
  // needs more UTF-16 units than bytes.
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  icu::UnicodeString visible;
  char16_t* units = visible.getBuffer(length + 1);
  std::vector<std::int32_t> offset_of(text.size() + 1);
  int32_t count = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    if (s[i] < 0x80) {  // ASCII: one unit, never invisible
      offset_of[static_cast<std::size_t>(count)] = start;
      units[count++] = s[i++];
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || is_invisible(static_cast<char32_t>(c))) continue;
    offset_of[static_cast<std::size_t>(count)] = start;
    if (c > 0xFFFF) offset_of[static_cast<std::size_t>(count) + 1] = start;  // second surrogate
    U16_APPEND_UNSAFE(units, count, c);
  }
  offset_of[static_cast<std::size_t>(count)] = length;
  visible.releaseBuffer(count);

  auto& words = *tools().words;
  words.setText(visible);
  std::string folded;
  for (int32_t start = words.first(), end = words.next(); end != icu::BreakIterator::DONE;
       start = end, end = words.next()) {
    const int32_t status = words.getRuleStatus();
    if (status < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
    const auto first = static_cast<std::size_t>(offset_of[static_cast<std::size_t>(start)]);
    const auto last = static_cast<std::size_t>(offset_of[static_cast<std::size_t>(end)]);
    const std::string_view at = text.substr(first, last - first);
    folded.clear();  // reused: its capacity outlives the word
    append_folded(folded, at);
    if (folded.empty()) continue;
    visit(at, folded, status < UBRK_WORD_LETTER);
  }
}

}  // namespace huella
