#include "prose_words.h"

#include "huella/normalize.h"

namespace huella {

void lex_prose_words(std::string_view text, TokenSink& sink) {
  for_each_word(text, [&](std::string_view at, const std::string& folded, bool is_number) {
    if (is_number)
      sink.number(at);
    else
      sink.keep_as(at, folded);
  });
}

}  // namespace huella
