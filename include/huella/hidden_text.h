// Hidden text: prose a submission carries as base64, so it can be compared like any other prose.
//
// A blob is a run of base64 characters, standard (+/) or URL-safe (-_) alphabet, with or without
// `=` padding. It may be wrapped over consecutive lines when every line but the last holds the
// same number of characters (at least 24) and each line carries only the blob between opening
// and closing marks: indentation, quotes, `>` of a Markdown quote, `#` or `//` of a comment,
// `<!--` and `-->`, a trailing `,` `+` or `\`. That covers base64 tool output pasted into code
// fences, HTML comments and quotes, and Python strings split per line or triple-quoted.
//
// A blob counts as text when its decoded bytes are valid UTF-8, at least 98% printable (tabs and
// line breaks included) and hold at least 20 letters and 10 different characters. Long tokens
// that only look like base64 (hex digests, identifiers, paths) fail that test: their bytes are
// not text. Deliberately ignored as well: the payload of a `data:` URI whose media type is not
// text/* (images, SVG included, fonts). Text that itself holds base64 text is reported with those
// inner blobs decoded in place (one level).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace huella {

struct HiddenTextLimits {
  std::uint32_t min_encoded_bytes = 80;       // base64 characters, line breaks not counted
  std::uint64_t max_decoded_bytes = 1 << 20;  // decoded text beyond this is cut
};

struct HiddenText {
  std::uint32_t line;           // 1-based line where the blob starts
  std::uint32_t encoded_bytes;  // length of the blob as written, line breaks and marks included
  std::string text;             // the decoded text: valid UTF-8
};

// The base64 blobs in `text` that decode to text, in order; linear in the size of `text`.
std::vector<HiddenText> find_hidden_text(std::string_view text,
                                         const HiddenTextLimits& limits = {});

}  // namespace huella
