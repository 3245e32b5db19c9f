#include "huella/cosine.h"

#include <Eigen/SparseCore>
#include <oneapi/tbb/parallel_sort.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace huella {

std::vector<PairCosine> cosine_pairs(std::span<const std::vector<FeatureCount>> bags,
                                     const IndexParams& cut, const CosineParams& params) {
  const auto n = static_cast<std::uint32_t>(bags.size());
  std::uint32_t with_features = 0;
  std::size_t postings = 0;
  for (const auto& bag : bags) {
    with_features += !bag.empty();
    postings += bag.size();
  }
  if (with_features < 2) return {};

  // Document frequency of each feature, by sorting (feature, submission) postings.
  std::vector<std::uint64_t> by_feature;
  by_feature.reserve(postings);
  for (std::uint32_t s = 0; s < n; ++s)
    for (const auto& [feature, count] : bags[s]) by_feature.push_back(std::uint64_t{feature} << 32 | s);
  tbb::parallel_sort(by_feature.begin(), by_feature.end());
  const auto frequency_cut = std::max<std::uint32_t>(
      cut.min_count_to_drop, static_cast<std::uint32_t>(std::ceil(cut.max_share * with_features)));
  std::unordered_map<std::uint32_t, std::pair<std::uint32_t, float>> columns;  // feature -> (column, idf)
  std::unordered_map<std::uint32_t, float> idf_of_unique;  // features of one submission only
  std::uint32_t next_column = 0;
  for (std::size_t i = 0; i < by_feature.size();) {
    std::size_t j = i;
    const auto feature = static_cast<std::uint32_t>(by_feature[i] >> 32);
    while (j < by_feature.size() && (by_feature[j] >> 32) == feature) ++j;
    const auto df = static_cast<std::uint32_t>(j - i);
    const float idf = std::log(static_cast<float>(with_features + 1) / static_cast<float>(df));
    if (df == 1)
      idf_of_unique.emplace(feature, idf);  // counts in the norm, can never be shared
    else if (df <= frequency_cut)
      columns.emplace(feature, std::pair{next_column++, idf});
    i = j;
  }
  by_feature = {};

  // Rows: submissions; columns: shared features; values normalized over all counted features.
  std::vector<Eigen::Triplet<float, std::int64_t>> triplets;
  for (std::uint32_t s = 0; s < n; ++s) {
    double norm = 0;
    const std::size_t first = triplets.size();
    for (const auto& [feature, count] : bags[s]) {
      const float tf = 1.0f + std::log(static_cast<float>(count));
      if (const auto it = columns.find(feature); it != columns.end()) {
        const float w = tf * it->second.second;
        norm += double{w} * w;
        triplets.emplace_back(s, it->second.first, w);
      } else if (const auto u = idf_of_unique.find(feature); u != idf_of_unique.end()) {
        const float w = tf * u->second;
        norm += double{w} * w;
      }
    }
    if (norm == 0) continue;
    const auto scale = static_cast<float>(1.0 / std::sqrt(norm));
    for (std::size_t t = first; t < triplets.size(); ++t)
      triplets[t] = {triplets[t].row(), triplets[t].col(), triplets[t].value() * scale};
  }
  Eigen::SparseMatrix<float, Eigen::RowMajor, std::int64_t> x(n, next_column);
  x.setFromTriplets(triplets.begin(), triplets.end());
  triplets = {};

  const Eigen::SparseMatrix<float, Eigen::RowMajor, std::int64_t> product =
      (x * x.transpose()).pruned(static_cast<float>(params.min_cosine), 1.0f);
  std::vector<PairCosine> out;
  for (std::int64_t a = 0; a < product.outerSize(); ++a)
    for (decltype(product)::InnerIterator it(product, a); it; ++it)
      if (it.col() > a && it.value() >= params.min_cosine)
        out.push_back({static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(it.col()),
                       std::min(it.value(), 1.0f)});
  return out;
}

}  // namespace huella
