#include <xxhash.h>

#include <algorithm>
#include <deque>
#include <span>

#include "huella/fingerprint.h"

namespace huella {
namespace {

// Hashes of every k-gram of the segment; entry i starts at token segment.begin + i.
void kgram_hashes(const TokenizedFile& file, const Segment& segment, std::uint32_t k,
                  std::vector<std::uint64_t>& symbols, std::vector<std::uint64_t>& out) {
  out.clear();
  const std::uint32_t length = segment.end - segment.begin;
  if (length < k || k == 0) return;
  symbols.resize(length);
  for (std::uint32_t i = 0; i < length; ++i) symbols[i] = file.tokens[segment.begin + i].symbol;
  out.resize(length - k + 1);
  for (std::uint32_t i = 0; i + k <= length; ++i)
    out[i] = XXH3_64bits(symbols.data() + i, k * sizeof(std::uint64_t));
}

}  // namespace

void BaseMaterial::add(const TokenizedFile& file, const FingerprintParams& params) {
  if (filter_.empty()) filter_.assign(kFilterMask + 1, 0);
  std::vector<std::uint64_t> symbols, hashes;
  for (const auto& segment : file.segments) {
    kgram_hashes(file, segment, params.k, symbols, hashes);
    for (const auto h : hashes) {
      hashes_.insert(h);
      filter_[(h >> 6) & kFilterMask] |= std::uint64_t{1} << (h & 63);
    }
  }
}

WinnowedFingerprints winnow(const TokenizedFile& file, const FingerprintParams& params,
                            const BaseMaterial& base) {
  WinnowedFingerprints out;
  std::vector<std::uint64_t> symbols, hashes;
  if (!base.empty()) out.token_in_base.assign(file.tokens.size(), 0);
  struct Candidate {
    std::uint64_t hash;
    std::uint32_t position;  // index into `hashes`
  };
  const std::uint32_t k = params.k;
  const std::uint32_t w = params.window == 0 ? 1 : params.window;
  const auto min_novel = static_cast<std::uint32_t>(params.min_novel_share * k + 0.999);
  for (const auto& segment : file.segments) {
    kgram_hashes(file, segment, k, symbols, hashes);
    if (hashes.empty()) continue;
    const auto n = static_cast<std::uint32_t>(hashes.size());
    // Prefix sums of base coverage tell how many tokens of any k-gram are novel.
    std::vector<std::uint32_t> novel_before;
    if (!base.empty()) {
      const auto in_base = std::span(out.token_in_base).subspan(segment.begin, segment.end - segment.begin);
      for (std::uint32_t i = 0; i < n; ++i)
        if (base.contains(hashes[i]))
          std::fill(in_base.begin() + i, in_base.begin() + i + k, std::uint8_t{1});
      novel_before.assign(in_base.size() + 1, 0);
      for (std::size_t t = 0; t < in_base.size(); ++t) {
        novel_before[t + 1] = novel_before[t] + (in_base[t] == 0);
        out.base_tokens += in_base[t];
      }
    }
    const auto emit = [&](const Candidate& c) {
      if (!novel_before.empty() && novel_before[c.position + k] - novel_before[c.position] < min_novel)
        return;
      const std::uint32_t first = segment.begin + c.position;
      const auto span = std::span(file.tokens).subspan(first, k);
      const auto [low, high] = std::minmax_element(
          span.begin(), span.end(), [](const Token& x, const Token& y) { return x.line < y.line; });
      out.fingerprints.push_back({c.hash, first, low->line, high->line, segment.channel});
    };
    // Monotone deque of window minima: front is the minimum; on ties the oldest stays first.
    std::deque<Candidate> minima;
    std::uint32_t last_emitted = UINT32_MAX;
    for (std::uint32_t i = 0; i < n; ++i) {
      while (!minima.empty() && minima.back().hash > hashes[i]) minima.pop_back();
      minima.push_back({hashes[i], i});
      if (minima.front().position + w <= i) minima.pop_front();
      if (i + 1 >= w && minima.front().position != last_emitted) {
        last_emitted = minima.front().position;
        emit(minima.front());
      }
    }
    // A segment shorter than one window still yields its minimum.
    if (n < w) emit(minima.front());
  }
  return out;
}

}  // namespace huella
