#include <xxhash.h>

#include <algorithm>
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

// The index of the first smallest of hashes[first, last).
std::uint32_t leftmost_minimum(const std::vector<std::uint64_t>& hashes, std::uint32_t first,
                               std::uint32_t last) {
  std::uint32_t chosen = first;
  for (std::uint32_t i = first + 1; i < last; ++i)
    if (hashes[i] < hashes[chosen]) chosen = i;
  return chosen;
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
    const auto emit = [&](std::uint32_t position) {
      if (!novel_before.empty() && novel_before[position + k] - novel_before[position] < min_novel)
        return;
      const std::uint32_t first = segment.begin + position;
      const auto span = std::span(file.tokens).subspan(first, k);
      const auto [low, high] = std::minmax_element(
          span.begin(), span.end(), [](const Token& x, const Token& y) { return x.line < y.line; });
      out.fingerprints.push_back({hashes[position], first, low->line, high->line, segment.channel});
    };
    // The window's leftmost minimum (on ties the oldest stays chosen) changes only when a
    // smaller hash enters or the chosen one leaves; only then is the window scanned again.
    std::uint32_t chosen = 0;
    std::uint32_t last_emitted = UINT32_MAX;
    for (std::uint32_t i = 0; i < n; ++i) {
      if (chosen + w <= i)
        chosen = leftmost_minimum(hashes, i + 1 - w, i + 1);
      else if (hashes[i] < hashes[chosen])
        chosen = i;
      if (i + 1 >= w && chosen != last_emitted) {
        last_emitted = chosen;
        emit(chosen);
      }
    }
    // A segment shorter than one window still yields its minimum.
    if (n < w) emit(chosen);
  }
  return out;
}

}  // namespace huella
