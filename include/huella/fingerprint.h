// Fingerprints: hashes of k consecutive tokens, thinned by winnowing.
//
// Winnowing (Schleimer, Wilkerson, Aiken 2003) keeps the minimum hash of every window of w
// consecutive k-gram hashes, so any run of at least k + w - 1 tokens shared by two files yields
// at least one shared fingerprint, while only about 2/(w+1) of all k-grams are kept.
#pragma once

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "huella/channel.h"
#include "huella/lex.h"

namespace huella {

struct FingerprintParams {
  std::uint32_t k = 14;      // tokens per k-gram
  std::uint32_t window = 10;  // k-grams per winnowing window
  // A fingerprint counts only when at least this share of its k tokens is not base material,
  // so edits two students both make to the template (a deleted line, a ticked box) are ignored.
  double min_novel_share = 0.75;
};

struct Fingerprint {
  std::uint64_t hash;
  std::uint32_t first_token;  // the k-gram covers tokens [first_token, first_token + k)
  std::uint32_t first_line;   // lowest line of its tokens (lexers may reorder order-free items)
  std::uint32_t last_line;    // highest line of its tokens
  Channel channel;
};

// Every k-gram hash of the material everybody may share (templates, starter code).
class BaseMaterial {
 public:
  void add(const TokenizedFile& file, const FingerprintParams& params);
  bool contains(std::uint64_t hash) const {
    // A 2^20-bit filter answers most lookups (student text is mostly not base) without the set.
    return !filter_.empty() && (filter_[(hash >> 6) & kFilterMask] >> (hash & 63) & 1) != 0 &&
           hashes_.contains(hash);
  }
  bool empty() const { return hashes_.empty(); }
  std::size_t size() const { return hashes_.size(); }

 private:
  static constexpr std::uint64_t kFilterMask = (1u << 14) - 1;
  std::vector<std::uint64_t> filter_;  // allocated by the first add(): no base, no cost
  std::unordered_set<std::uint64_t> hashes_;
};

struct WinnowedFingerprints {
  std::vector<Fingerprint> fingerprints;  // in token order, base material removed
  std::uint32_t base_tokens = 0;          // tokens covered by a k-gram of the base material
  std::vector<std::uint8_t> token_in_base;  // per token, 1 when base material; empty: no base
};

// Winnowed fingerprints of each segment of `file`. Robust winnowing: on ties the window keeps
// the hash it already chose, so runs of equal hashes yield one fingerprint.
WinnowedFingerprints winnow(const TokenizedFile& file, const FingerprintParams& params,
                            const BaseMaterial& base = {});

}  // namespace huella
