// Forensics: how much of a file is another file's text as written, for a professor's file handed
// in unchanged. Fingerprints see through renames and edits; this sees only what was not edited.
#pragma once

#include <string_view>

namespace huella {

// The share of the non-blank lines of `text` (spaces at both ends ignored) that `original`
// holds too, each line of `original` matching once. 0 when `text` has no such line.
double verbatim_line_share(std::string_view text, std::string_view original);

}  // namespace huella
