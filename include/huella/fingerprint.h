// Fingerprints: hashes of k consecutive tokens, thinned by winnowing.
//
// Winnowing (Schleimer, Wilkerson, Aiken 2003) keeps the minimum hash of every window of w
// consecutive k-gram hashes, so any run of at least k + w - 1 tokens shared by two files yields
// at least one shared fingerprint, while only about 2/(w+1) of all k-grams are kept.
#pragma once

#include <cstdint>
#include <vector>

#include "huella/channel.h"
#include "huella/lex.h"

namespace huella {

struct FingerprintParams {
  std::uint32_t k = 12;      // tokens per k-gram
  std::uint32_t window = 8;  // k-grams per winnowing window
};

struct Fingerprint {
  std::uint64_t hash;
  std::uint32_t first_token;  // the k-gram covers tokens [first_token, first_token + k)
  std::uint32_t first_line;   // line of the first token
  std::uint32_t last_line;    // line of the last token
  Channel channel;
};

// Winnowed fingerprints of each segment of `file`, in token order. Robust winnowing: on ties
// the window keeps the hash it already chose, so runs of equal hashes yield one fingerprint.
std::vector<Fingerprint> winnow(const TokenizedFile& file, const FingerprintParams& params);

// Every k-gram hash of `file` (for base material, where every k-gram must be subtracted).
void all_kgram_hashes(const TokenizedFile& file, const FingerprintParams& params,
                      std::vector<std::uint64_t>& out);

}  // namespace huella
