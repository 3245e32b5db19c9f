// Features: the bag of token n-grams of a file, for TF-IDF cosine similarity.
//
// A bag ignores order, so it survives what breaks long k-gram runs: reordered statements and
// functions, moved blocks, reworded and reordered sentences.
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "huella/channel.h"
#include "huella/lex.h"

namespace huella {

struct FeatureParams {
  std::uint32_t code_ngram = 6;        // tokens per n-gram in code, Terraform and config
  std::uint32_t prose_min_ngram = 1;   // prose: word n-grams from this length...
  std::uint32_t prose_max_ngram = 3;   // ...to this one
};

// Feature id (a 32-bit hash of the n-gram) and how often it occurs.
using FeatureCount = std::pair<std::uint32_t, std::uint32_t>;

// Per channel, the features of one file or submission, sorted by id, ids unique.
using ChannelFeatures = std::array<std::vector<FeatureCount>, kChannelCount>;

struct FileFeatures {
  ChannelFeatures ngrams;    // n-grams of the matching form
  ChannelFeatures literals;  // values of string and number literals, in every channel but prose
};

// The n-grams and literals of `file` that contain no base token (`token_in_base` may be empty:
// no base).
FileFeatures extract_features(const TokenizedFile& file,
                              const std::vector<std::uint8_t>& token_in_base,
                              const FeatureParams& params);

// Adds `more` into `into` (both sorted by id).
void merge_features(ChannelFeatures& into, const ChannelFeatures& more);

}  // namespace huella
