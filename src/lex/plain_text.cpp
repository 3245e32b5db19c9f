#include <string>

#include "huella/lex.h"
#include "prose_words.h"

namespace huella {

void lex_plain_text(std::string_view text, TokenSink& sink) { lex_prose_words(text, sink); }

}  // namespace huella
