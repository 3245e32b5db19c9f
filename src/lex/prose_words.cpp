#include "prose_words.h"

#include <string>

namespace huella {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
         c == '_';
}

bool is_digits(std::string_view word) {
  for (unsigned char c : word)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

void lex_prose_words(std::string_view text, TokenSink& sink) {
  std::string lowered;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    const std::string_view word = text.substr(start, i - start);
    if (is_digits(word)) {
      sink.number(word);
      continue;
    }
    lowered.assign(word);
    for (char& c : lowered)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    sink.keep_as(word, lowered);
  }
}

}  // namespace huella
