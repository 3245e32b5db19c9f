// What the per-file stages produce for one file, and its encoding for the analysis cache.
// Private to the cli layer: the pipeline fills it, the cache stores it as opaque bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "huella/features.h"
#include "huella/fingerprint.h"
#include "huella/generated.h"
#include "huella/images.h"
#include "huella/markdown.h"
#include "huella/watermark.h"

namespace huella {

struct AnalyzedFile {
  bool ok = false;
  std::string reason;
  std::string key;
  std::uint32_t tokens = 0;
  std::uint32_t replaced_bytes = 0;
  std::uint32_t invisible_chars = 0;
  std::uint32_t base_tokens = 0;
  std::vector<Fingerprint> fingerprints;
  FileFeatures features;
  std::vector<MarkdownSection> sections;
  ImageSignature image;  // images only
  std::vector<Watermark> watermarks;
  std::vector<GeneratedRegion> generated;  // left out of lexing
  // Base64 text the file hides, analyzed as prose of its own: line of the blob, decoded text.
  std::uint32_t hidden_line = 0;
  std::string hidden_text;
  std::vector<AnalyzedFile> hidden;
};

// Bumped whenever AnalyzedFile or its encoding changes, so older cache entries are not read.
inline constexpr std::uint32_t kAnalysisEncoding = 2;

// A compact binary form; the image's path is not kept (the reader sets it).
std::string encode_analysis(const AnalyzedFile& file);

// Fills `out` from `bytes`; false when they are truncated or malformed.
bool decode_analysis(std::string_view bytes, AnalyzedFile& out);

}  // namespace huella
