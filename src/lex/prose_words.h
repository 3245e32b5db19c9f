// Shared by the prose lexers: words in their folded form (see normalize.h), numbers as one
// class, punctuation dropped.
#pragma once

#include <string_view>

#include "huella/lex.h"

namespace huella {

void lex_prose_words(std::string_view text, TokenSink& sink);

}  // namespace huella
