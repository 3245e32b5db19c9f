// Shared by the prose lexers: words lower-cased, numbers as one class, punctuation dropped.
#pragma once

#include <string_view>

#include "huella/lex.h"

namespace huella {

void lex_prose_words(std::string_view text, TokenSink& sink);

}  // namespace huella
