// ASCII case folding for markup and labels (tags, attribute names, "Hash ID"), without copies of
// whole files: student files can be large and these searches run on every one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace huella {

// `s` with ASCII letters lower-cased; other bytes as they are.
std::string ascii_lowered(std::string_view s);
// The same in place, for a buffer the caller reuses.
void lower_ascii(std::string& s);

// Where `lower_needle` (lower case) first occurs in `text` from `from` on, ASCII case ignored;
// std::string_view::npos when it does not.
std::size_t find_ignoring_case(std::string_view text, std::string_view lower_needle,
                               std::size_t from = 0);

}  // namespace huella
