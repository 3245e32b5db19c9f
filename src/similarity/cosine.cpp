#include "huella/cosine.h"

#include <Eigen/SparseCore>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_sort.h>

#include <algorithm>
#include <cmath>

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

  // Postings sorted by feature give each feature's document frequency in one pass.
  struct Posting {
    std::uint32_t feature, submission, count;
  };
  std::vector<Posting> by_feature;
  by_feature.reserve(postings);
  for (std::uint32_t s = 0; s < n; ++s)
    for (const auto& [feature, count] : bags[s]) by_feature.push_back({feature, s, count});
  tbb::parallel_sort(by_feature.begin(), by_feature.end(), [](const Posting& x, const Posting& y) {
    return x.feature != y.feature ? x.feature < y.feature : x.submission < y.submission;
  });
  const auto frequency_cut = cut.frequency_cut(with_features);

  // Rows: submissions; columns: shared features. A feature of one submission only is never
  // shared but counts in its norm; a feature above the cut is boilerplate and counts nowhere.
  std::vector<double> norm(n, 0.0);
  std::vector<Eigen::Triplet<float, std::int64_t>> triplets;
  std::uint32_t next_column = 0;
  for (std::size_t i = 0; i < by_feature.size();) {
    std::size_t j = i;
    while (j < by_feature.size() && by_feature[j].feature == by_feature[i].feature) ++j;
    const auto df = static_cast<std::uint32_t>(j - i);
    if (df <= frequency_cut) {
      const float idf = std::log(static_cast<float>(with_features + 1) / static_cast<float>(df));
      for (std::size_t p = i; p < j; ++p) {
        const float w = (1.0f + std::log(static_cast<float>(by_feature[p].count))) * idf;
        norm[by_feature[p].submission] += double{w} * w;
        if (df > 1) triplets.emplace_back(by_feature[p].submission, next_column, w);
      }
      next_column += df > 1;
    }
    i = j;
  }
  by_feature = {};
  for (auto& t : triplets)
    t = {t.row(), t.col(), t.value() / static_cast<float>(std::sqrt(norm[static_cast<std::size_t>(t.row())]))};

  // Rows of X for the submissions, columns of X for the features: the product X·Xᵀ row by row
  // (Gustavson), accumulating only over the features each row has, in parallel over rows.
  Eigen::SparseMatrix<float, Eigen::RowMajor, std::int64_t> rows(n, next_column);
  rows.setFromTriplets(triplets.begin(), triplets.end());
  triplets = {};
  const Eigen::SparseMatrix<float, Eigen::ColMajor, std::int64_t> columns(rows);
  struct Accumulator {
    std::vector<float> dot;
    std::vector<std::uint32_t> shared;
    std::vector<std::uint32_t> touched;
    std::vector<PairCosine> found;
  };
  tbb::enumerable_thread_specific<Accumulator> accumulators(
      [n] { return Accumulator{std::vector<float>(n, 0.0f), std::vector<std::uint32_t>(n, 0), {}, {}}; });
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, n), [&](const auto& range) {
    auto& acc = accumulators.local();
    for (std::uint32_t a = range.begin(); a != range.end(); ++a) {
      for (decltype(rows)::InnerIterator f(rows, a); f; ++f)
        for (decltype(columns)::InnerIterator b(columns, f.col()); b; ++b) {
          const auto other = static_cast<std::uint32_t>(b.row());
          if (other <= a) continue;
          if (acc.dot[other] == 0.0f) acc.touched.push_back(other);
          acc.dot[other] += f.value() * b.value();
          ++acc.shared[other];
        }
      for (const auto b : acc.touched) {
        if (acc.dot[b] >= params.min_cosine)
          acc.found.push_back({a, b, std::min(acc.dot[b], 1.0f), acc.shared[b]});
        acc.dot[b] = 0.0f;
        acc.shared[b] = 0;
      }
      acc.touched.clear();
    }
  });
  std::vector<PairCosine> out;
  for (auto& acc : accumulators) out.insert(out.end(), acc.found.begin(), acc.found.end());
  std::sort(out.begin(), out.end(),
            [](const PairCosine& x, const PairCosine& y) { return std::pair(x.a, x.b) < std::pair(y.a, y.b); });
  return out;
}

}  // namespace huella
