#include <oneapi/tbb/parallel_sort.h>

#include <algorithm>
#include <cmath>

#include "huella/index.h"

namespace huella {
namespace {

// One posting: 16 bytes, sorted so that equal (hash, channel) groups are contiguous.
struct Posting {
  std::uint64_t hash;
  std::uint32_t submission;
  std::uint32_t channel;
  bool operator<(const Posting& o) const {
    if (hash != o.hash) return hash < o.hash;
    if (channel != o.channel) return channel < o.channel;
    return submission < o.submission;
  }
  bool operator==(const Posting&) const = default;
};

constexpr int kSubmissionBits = 28;
constexpr std::uint64_t kSubmissionMask = (1ull << kSubmissionBits) - 1;

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b, std::uint32_t channel) {
  return (std::uint64_t{a} << (kSubmissionBits + 8)) | (std::uint64_t{b} << 8) | channel;
}

// Calls `visit(begin, end)` for each run of postings with equal (hash, channel).
template <typename Visit>
void for_each_group(const std::vector<Posting>& postings, Visit visit) {
  for (std::size_t i = 0; i < postings.size();) {
    std::size_t j = i + 1;
    while (j < postings.size() && postings[j].hash == postings[i].hash &&
           postings[j].channel == postings[i].channel)
      ++j;
    visit(i, j);
    i = j;
  }
}

}  // namespace

CohortIndex::CohortIndex(std::span<const IndexedFile> files, std::uint32_t submission_count,
                         const IndexParams& params)
    : distinct_(submission_count) {
  frequency_cut_ = std::max<std::uint32_t>(
      params.min_count_to_drop,
      static_cast<std::uint32_t>(std::ceil(params.max_share * submission_count)));

  std::size_t total = 0;
  for (const auto& f : files) total += f.fingerprints.size();
  std::vector<Posting> postings;
  postings.reserve(total);
  for (const auto& f : files)
    for (const auto& fp : f.fingerprints)
      postings.push_back({fp.hash, f.submission, static_cast<std::uint32_t>(fp.channel)});
  tbb::parallel_sort(postings.begin(), postings.end());
  postings.erase(std::unique(postings.begin(), postings.end()), postings.end());

  // Two passes: a hash too frequent in any channel is dropped from every channel.
  for_each_group(postings, [&](std::size_t i, std::size_t j) {
    if (j - i > frequency_cut_) frequent_.insert(postings[i].hash);
  });
  std::vector<std::uint64_t> keys;
  for_each_group(postings, [&](std::size_t i, std::size_t j) {
    if (frequent_.contains(postings[i].hash)) return;
    for (std::size_t x = i; x < j; ++x) ++distinct_[postings[x].submission][postings[x].channel];
    for (std::size_t x = i; x < j; ++x)
      for (std::size_t y = x + 1; y < j; ++y)
        keys.push_back(pair_key(postings[x].submission, postings[y].submission, postings[x].channel));
  });
  postings.clear();
  postings.shrink_to_fit();

  tbb::parallel_sort(keys.begin(), keys.end());
  for (std::size_t i = 0; i < keys.size();) {
    const std::uint64_t pair_bits = keys[i] >> 8;
    CandidatePair pair{static_cast<std::uint32_t>(pair_bits >> kSubmissionBits),
                       static_cast<std::uint32_t>(pair_bits & kSubmissionMask), {}};
    while (i < keys.size() && (keys[i] >> 8) == pair_bits) {
      ++pair.shared[keys[i] & 0xff];
      ++i;
    }
    pairs_.push_back(pair);
  }
}

}  // namespace huella
