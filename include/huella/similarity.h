// Similarity: per-channel and overall scores of a pair from the fingerprints they share.
//
// similarity = 2|A∩B| / (|A| + |B|), coverage_a = |A∩B| / |A|, coverage_b = |A∩B| / |B|,
// over distinct fingerprints left after base subtraction and the frequency cut. Overall counts
// the fingerprints of every text channel together.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "huella/channel.h"
#include "huella/index.h"

namespace huella {

struct ChannelSimilarity {
  double similarity = 0;
  double coverage_a = 0;
  double coverage_b = 0;
  std::uint32_t shared = 0;
};

// Shared token coverage of one file of each side, summed over fragments.
struct FilePairMatch {
  std::uint32_t a_file, b_file;
  Channel channel;
  std::uint32_t tokens;
};

struct PairResult {
  std::uint32_t a, b;  // submission indices
  ChannelSimilarity overall;
  std::array<ChannelSimilarity, kChannelCount> channels;
  bool fragments_computed = false;     // fragments are computed for the pairs worth reading
  std::uint32_t longest_fragment = 0;  // tokens
  std::vector<Fragment> fragments;     // longest first
  std::vector<FilePairMatch> file_pairs;  // most shared first
};

ChannelSimilarity channel_similarity(std::uint32_t shared, std::uint32_t total_a,
                                     std::uint32_t total_b);

// Scores every candidate pair; sorted by overall similarity, highest first, then by ids.
std::vector<PairResult> score_pairs(const CohortIndex& index);

// Attaches the longest fragment, the file pairs that fragments join, and the first `keep`
// fragments (longest first).
void attach_fragments(PairResult& pair, std::vector<Fragment> fragments, std::size_t keep);

}  // namespace huella
