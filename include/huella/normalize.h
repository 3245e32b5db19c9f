// Normalization of prose for matching (ICU): words as a reader sees them, whatever the bytes.
//
// A word is folded with NFKC case folding, accents removed except the tilde of ñ (año is not
// ano), invisible characters dropped, and look-alike letters (Cyrillic а, Greek ο) mapped to
// their Latin prototype with ICU's confusable skeletons, so pasted text that hides its origin
// behind zero-width characters or homoglyphs still matches.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace huella {

// Default-ignorable code points (zero-width spaces and joiners, soft hyphens, BOMs, bidi
// controls): invisible in a rendered page, so never part of a word.
bool is_invisible(char32_t code_point);

// How many invisible code points the UTF-8 text holds (evidence on its own).
std::uint32_t count_invisible(std::string_view utf8);

// The matching form of one word (valid UTF-8 in, UTF-8 out).
std::string fold_word(std::string_view utf8_word);

// Calls `visit(at, folded, is_number)` for each word of valid UTF-8 `text`, found with ICU's
// word break rules after invisible characters are removed; `at` views the word in `text`.
void for_each_word(std::string_view text,
                   const std::function<void(std::string_view at, const std::string& folded,
                                            bool is_number)>& visit);

}  // namespace huella
