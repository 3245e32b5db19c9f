#include "huella/cosine.h"

#include <Eigen/SparseCore>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "huella/radix_sort.h"

namespace huella {
namespace {

// Eigen's index type: 32 bits halve the matrices; 2³¹ shared postings would need far more memory
// than the bags they come from.
using Index = std::int32_t;

// The feature space is cut into slices by the ids' top bits (ids are hashes, so slices are even):
// each slice's postings are gathered, sorted and weighed on its own, in parallel, small enough to
// sort in cache, and no array of every posting is ever built.
constexpr unsigned kSliceBits = 8;

struct Posting {
  std::uint32_t feature, submission, count;
};

// Squared norms are summed by threads in whatever order slices run; fixed point makes the sum
// exact, hence the cosines the same on every run. 2⁻²⁴ keeps a million terms of the largest
// weight (tf 10⁶, N 10⁶: w² ≈ 4·10⁴) under 2⁶³.
constexpr double kNormScale = 1 << 24;
using SquaredNorms = std::vector<std::uint64_t>;

// The shared features of one slice, as consecutive columns: submissions and raw weights.
struct Slice {
  std::vector<Index> column_sizes;
  std::vector<Index> submissions;
  std::vector<float> weights;
};

// The first feature of `bag` with an id of at least `first`. Ids are hashes, spread evenly, so it
// sits near its proportional position: a gallop from there touches a cache line or two, where a
// binary search over the whole bag misses the cache at every step.
std::vector<FeatureCount>::const_iterator first_at_least(const std::vector<FeatureCount>& bag,
                                                        std::uint64_t first) {
  const auto below = [](const FeatureCount& f, std::uint64_t id) { return f.first < id; };
  std::size_t low = static_cast<std::size_t>((bag.size() * first) >> 32), high = low;
  for (std::size_t step = 4; low > 0 && bag[low - 1].first >= first; step *= 2) low -= std::min(low, step);
  for (std::size_t step = 4; high < bag.size() && bag[high].first < first; step *= 2)
    high = std::min(bag.size(), high + step);
  return std::lower_bound(bag.begin() + static_cast<std::ptrdiff_t>(low),
                          bag.begin() + static_cast<std::ptrdiff_t>(high), first, below);
}

// Postings of features in [first, end) of every bag, sorted by feature, then submission.
std::vector<Posting> gather(std::span<const std::vector<FeatureCount>> bags, std::uint64_t first,
                            std::uint64_t end) {
  std::vector<Posting> postings, buffer;
  for (std::uint32_t s = 0; s < bags.size(); ++s) {
    auto it = first_at_least(bags[s], first);
    for (; it != bags[s].end() && it->first < end; ++it) postings.push_back({it->first, s, it->second});
  }
  // Gathered in submission order, so a stable sort by the bits the slice leaves open suffices.
  radix_sort(postings, buffer, [](const Posting& p) { return p.feature; }, 32 - kSliceBits);
  return postings;
}

// Weighs a slice: sublinear tf × idf. A feature of one submission only is never shared but counts
// in its norm; a feature above the cut is boilerplate and counts nowhere.
Slice weigh(const std::vector<Posting>& postings, std::uint32_t with_features,
            std::uint32_t frequency_cut, SquaredNorms& norm) {
  Slice slice;
  for (std::size_t i = 0; i < postings.size();) {
    std::size_t j = i;
    while (j < postings.size() && postings[j].feature == postings[i].feature) ++j;
    const auto df = static_cast<std::uint32_t>(j - i);
    if (df <= frequency_cut) {
      const float idf = std::log(static_cast<float>(with_features + 1) / static_cast<float>(df));
      for (std::size_t p = i; p < j; ++p) {
        const float w = (1.0f + std::log(static_cast<float>(postings[p].count))) * idf;
        norm[postings[p].submission] += static_cast<std::uint64_t>(std::llround(double{w} * w * kNormScale));
        if (df < 2) continue;
        slice.submissions.push_back(static_cast<Index>(postings[p].submission));
        slice.weights.push_back(w);
      }
      if (df > 1) slice.column_sizes.push_back(static_cast<Index>(df));
    }
    i = j;
  }
  return slice;
}

// The columns of X (one per shared feature, L2-normalized rows), in compressed column form.
struct Columns {
  std::vector<Index> starts{0};
  std::vector<Index> submissions;
  std::vector<float> weights;
};

Columns join(std::vector<Slice>& slices, const std::vector<double>& norm) {
  Columns out;
  std::size_t nonzeros = 0;
  for (const auto& slice : slices) nonzeros += slice.submissions.size();
  if (nonzeros > static_cast<std::size_t>(std::numeric_limits<Index>::max()))
    throw std::length_error("cosine: more shared postings than a 32-bit sparse matrix holds");
  out.submissions.reserve(nonzeros);
  out.weights.reserve(nonzeros);
  for (auto& slice : slices) {
    for (const auto size : slice.column_sizes) out.starts.push_back(out.starts.back() + size);
    for (std::size_t p = 0; p < slice.submissions.size(); ++p) {
      out.submissions.push_back(slice.submissions[p]);
      out.weights.push_back(slice.weights[p] /
                            static_cast<float>(norm[static_cast<std::size_t>(slice.submissions[p])]));
    }
    slice = {};
  }
  return out;
}

// X with a column per shared feature, over the arrays `join` built.
using ColumnMatrix = Eigen::Map<const Eigen::SparseMatrix<float, Eigen::ColMajor, Index>>;

// Each submission's entries of X, in column order: where the entry sits in the column storage
// and where its column ends. A column's submissions rise, so the entries after `at` are the
// submissions after this one: the product reads them with no search and no look-up of the column.
struct RowEntry {
  Index at, column_end;
};
struct Rows {
  std::vector<std::size_t> starts;  // submission s: entries [starts[s], starts[s + 1])
  std::vector<RowEntry> entries;
};

Rows rows_of(const ColumnMatrix& columns) {
  Rows rows;
  rows.starts.assign(static_cast<std::size_t>(columns.rows()) + 1, 0);
  for (Index f = 0; f < columns.outerSize(); ++f)
    for (ColumnMatrix::InnerIterator it(columns, f); it; ++it) ++rows.starts[static_cast<std::size_t>(it.index()) + 1];
  for (std::size_t s = 1; s < rows.starts.size(); ++s) rows.starts[s] += rows.starts[s - 1];
  rows.entries.resize(static_cast<std::size_t>(columns.nonZeros()));
  std::vector<std::size_t> next(rows.starts.begin(), rows.starts.end() - 1);
  for (Index f = 0; f < columns.outerSize(); ++f) {
    const Index column_end = columns.outerIndexPtr()[f + 1];
    for (ColumnMatrix::InnerIterator it(columns, f); it; ++it)
      rows.entries[next[static_cast<std::size_t>(it.index())]++] = {
          static_cast<Index>(&it.value() - columns.valuePtr()), column_end};
  }
  return rows;
}

}  // namespace

std::vector<PairCosine> cosine_pairs(std::span<const std::vector<FeatureCount>> bags,
                                     const IndexParams& cut, const CosineParams& params) {
  const auto n = static_cast<std::uint32_t>(bags.size());
  const auto with_features =
      static_cast<std::uint32_t>(std::count_if(bags.begin(), bags.end(), [](const auto& b) { return !b.empty(); }));
  if (with_features < 2) return {};
  const auto frequency_cut = cut.frequency_cut(with_features);

  std::vector<Slice> slices(std::size_t{1} << kSliceBits);
  tbb::enumerable_thread_specific<SquaredNorms> norms([n] { return SquaredNorms(n, 0); });
  tbb::parallel_for(std::size_t{0}, slices.size(), [&](std::size_t s) {
    constexpr unsigned kShift = 32 - kSliceBits;
    const auto postings = gather(bags, std::uint64_t{s} << kShift, std::uint64_t{s + 1} << kShift);
    slices[s] = weigh(postings, with_features, frequency_cut, norms.local());
  });
  SquaredNorms squared(n, 0);
  for (const auto& local : norms)
    for (std::uint32_t s = 0; s < n; ++s) squared[s] += local[s];
  std::vector<double> norm(n);
  for (std::uint32_t s = 0; s < n; ++s) norm[s] = std::sqrt(static_cast<double>(squared[s]) / kNormScale);
  Columns x = join(slices, norm);

  // Columns of X for the features, rows of X for the submissions: the product X·Xᵀ row by row
  // (Gustavson), accumulating only over the features each row has, in parallel over rows, and
  // only over the upper triangle.
  const auto column_count = static_cast<Index>(x.starts.size() - 1);
  const ColumnMatrix columns(static_cast<Index>(n), column_count, static_cast<Index>(x.weights.size()),
                             x.starts.data(), x.submissions.data(), x.weights.data());
  const Rows rows = rows_of(columns);
  const float* const weights = columns.valuePtr();
  const Index* const submissions = columns.innerIndexPtr();
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
      for (std::size_t e = rows.starts[a]; e < rows.starts[a + 1]; ++e) {
        const auto [at, column_end] = rows.entries[e];
        const float weight = weights[at];
        for (Index q = at + 1; q < column_end; ++q) {
          const auto other = static_cast<std::uint32_t>(submissions[q]);
          if (acc.shared[other] == 0) acc.touched.push_back(other);
          acc.dot[other] += weight * weights[q];
          ++acc.shared[other];
        }
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
