// Verdict: one combined score per pair from its channels, a band of the course policy, the
// reasons in words a person can check, and the clusters that flagged pairs join.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "huella/similarity.h"

namespace huella {

// Bands from the lowest to the highest; `original` is no flag.
enum class Verdict : std::uint8_t { original, similar_parcial, muy_similar, copia };

constexpr std::string_view verdict_name(Verdict v) {
  constexpr std::array<std::string_view, 4> names = {"original", "similar_parcial", "muy_similar",
                                                     "copia"};
  return names[static_cast<std::size_t>(v)];
}

// Lower bounds of the bands (the course policy): a score at a bound is in the higher band.
struct VerdictBands {
  double similar_parcial = 0.25;
  double muy_similar = 0.50;
  double copia = 0.80;
};

Verdict band_of(double score, const VerdictBands& bands);

}  // namespace huella
