// Cosine: TF-IDF cosine similarity between the feature bags of submissions, one channel at a
// time, with one implementation for every channel.
//
// Weights: sublinear tf (1 + ln tf) × idf ln((N + 1) / df). Features in more than the frequency
// cut's submissions are boilerplate and dropped, as for fingerprints. Vectors are L2-normalized
// into X, an Eigen compressed-column matrix built slice by slice of the hashed feature space, and
// multiplied as a sparse product X·Xᵀ row by row over the upper triangle, touching only features
// two submissions share; cosines below `min_cosine` are dropped. Work: Σ df² over the shared
// features, at most the frequency cut times the postings.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "huella/features.h"
#include "huella/index.h"

namespace huella {

struct CosineParams {
  double min_cosine = 0.02;  // smaller cosines are reported as 0
};

struct PairCosine {
  std::uint32_t a, b;  // submission indices, a < b
  float cosine;
  std::uint32_t shared;  // features both bags have: how much material the cosine rests on
};

// `bags[s]` are submission s's features in one channel. Sorted by (a, b).
std::vector<PairCosine> cosine_pairs(std::span<const std::vector<FeatureCount>> bags,
                                     const IndexParams& cut, const CosineParams& params);

}  // namespace huella
