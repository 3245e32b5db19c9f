#include <xxhash.h>

#include <deque>

#include "huella/fingerprint.h"

namespace huella {
namespace {

// Calls `visit(position, hash)` for each k-gram of the segment, position = index of its first token.
template <typename Visit>
void for_each_kgram(const TokenizedFile& file, const Segment& segment, std::uint32_t k,
                    std::vector<std::uint64_t>& scratch, Visit visit) {
  const std::uint32_t length = segment.end - segment.begin;
  if (length < k || k == 0) return;
  scratch.resize(length);
  for (std::uint32_t i = 0; i < length; ++i) scratch[i] = file.tokens[segment.begin + i].symbol;
  for (std::uint32_t i = 0; i + k <= length; ++i)
    visit(segment.begin + i, XXH3_64bits(scratch.data() + i, k * sizeof(std::uint64_t)));
}

}  // namespace

std::vector<Fingerprint> winnow(const TokenizedFile& file, const FingerprintParams& params) {
  std::vector<Fingerprint> out;
  std::vector<std::uint64_t> scratch;
  struct Candidate {
    std::uint64_t hash;
    std::uint32_t position;
  };
  const std::uint32_t k = params.k;
  const std::uint32_t w = params.window == 0 ? 1 : params.window;
  for (const auto& segment : file.segments) {
    // Monotone deque of window minima: front is the minimum; on ties the oldest stays first.
    std::deque<Candidate> minima;
    std::uint32_t seen = 0;
    std::uint32_t last_emitted = UINT32_MAX;
    const auto emit = [&](const Candidate& c) {
      if (c.position == last_emitted) return;
      last_emitted = c.position;
      out.push_back({c.hash, c.position, file.tokens[c.position].line,
                     file.tokens[c.position + k - 1].line, segment.channel});
    };
    for_each_kgram(file, segment, k, scratch, [&](std::uint32_t position, std::uint64_t hash) {
      while (!minima.empty() && minima.back().hash > hash) minima.pop_back();
      minima.push_back({hash, position});
      ++seen;
      if (minima.front().position + w <= position) minima.pop_front();
      if (seen >= w) emit(minima.front());
    });
    // A segment shorter than one window still yields its minimum.
    if (seen > 0 && seen < w) emit(minima.front());
  }
  return out;
}

void all_kgram_hashes(const TokenizedFile& file, const FingerprintParams& params,
                      std::vector<std::uint64_t>& out) {
  std::vector<std::uint64_t> scratch;
  for (const auto& segment : file.segments)
    for_each_kgram(file, segment, params.k, scratch,
                   [&](std::uint32_t, std::uint64_t hash) { out.push_back(hash); });
}

}  // namespace huella
