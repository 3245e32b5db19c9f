#include "huella/features.h"

#include <xxhash.h>

#include <algorithm>

#include "huella/radix_sort.h"

namespace huella {
namespace {

// Sorts raw ids and turns runs into (id, count).
std::vector<FeatureCount> count_sorted(std::vector<std::uint32_t>& ids) {
  thread_local std::vector<std::uint32_t> buffer;
  radix_sort(ids, buffer, [](std::uint32_t id) { return id; }, 32);
  std::vector<FeatureCount> out;
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i;
    while (j < ids.size() && ids[j] == ids[i]) ++j;
    out.emplace_back(ids[i], static_cast<std::uint32_t>(j - i));
    i = j;
  }
  return out;
}

}  // namespace

FileFeatures extract_features(const TokenizedFile& file,
                              const std::vector<std::uint8_t>& token_in_base,
                              const FeatureParams& params) {
  std::array<std::vector<std::uint32_t>, kChannelCount> ids;
  std::vector<std::uint64_t> window;
  for (const auto& segment : file.segments) {
    const bool prose = segment.channel == Channel::prose;
    const std::uint32_t shortest = prose ? params.prose_min_ngram : params.code_ngram;
    const std::uint32_t longest = prose ? params.prose_max_ngram : params.code_ngram;
    auto& out = ids[channel_index(segment.channel)];
    // Tokens since the last base token: an n-gram counts only if all its tokens are novel.
    std::uint32_t novel_run = 0;
    for (std::uint32_t t = segment.begin; t < segment.end; ++t) {
      const bool in_base = !token_in_base.empty() && token_in_base[t] != 0;
      novel_run = in_base ? 0 : novel_run + 1;
      for (std::uint32_t n = shortest; n <= longest && n <= novel_run; ++n) {
        // The n-gram ending at token t, hashed with its length so that lengths never collide.
        window.resize(n + 1);
        window[0] = n;
        for (std::uint32_t i = 0; i < n; ++i) window[i + 1] = file.tokens[t + 1 - n + i].symbol;
        out.push_back(static_cast<std::uint32_t>(
            XXH3_64bits(window.data(), window.size() * sizeof(std::uint64_t))));
      }
    }
  }
  std::array<std::vector<std::uint32_t>, kChannelCount> literal_ids;
  for (const auto& literal : file.literals) {
    if (!token_in_base.empty() && token_in_base[literal.token] != 0) continue;
    const auto segment = std::upper_bound(file.segments.begin(), file.segments.end(), literal.token,
                                          [](std::uint32_t t, const Segment& s) { return t < s.begin; });
    // Numbers in prose are dates and counts everybody writes, not details of a program.
    if (segment == file.segments.begin() || std::prev(segment)->channel == Channel::prose) continue;
    literal_ids[channel_index(std::prev(segment)->channel)].push_back(
        static_cast<std::uint32_t>(literal.value));
  }
  FileFeatures features;
  for (std::size_t c = 0; c < kChannelCount; ++c) {
    features.ngrams[c] = count_sorted(ids[c]);
    features.literals[c] = count_sorted(literal_ids[c]);
  }
  return features;
}

void merge_features(ChannelFeatures& into, const ChannelFeatures& more) {
  for (std::size_t c = 0; c < kChannelCount; ++c) {
    if (more[c].empty()) continue;
    std::vector<FeatureCount> merged;
    merged.reserve(into[c].size() + more[c].size());
    auto a = into[c].cbegin();
    auto b = more[c].cbegin();
    while (a != into[c].cend() || b != more[c].cend()) {
      if (b == more[c].cend() || (a != into[c].cend() && a->first < b->first)) {
        merged.push_back(*a++);
      } else if (a == into[c].cend() || b->first < a->first) {
        merged.push_back(*b++);
      } else {
        merged.emplace_back(a->first, a->second + b->second);
        ++a;
        ++b;
      }
    }
    into[c] = std::move(merged);
  }
}

}  // namespace huella
