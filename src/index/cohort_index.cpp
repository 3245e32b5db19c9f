#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>
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
                         const IndexParams& params, std::uint32_t cohort_size)
    : distinct_(submission_count), cohort_size_(std::min(cohort_size, submission_count)) {
  frequency_cut_ = params.frequency_cut(submission_count);

  std::size_t total = 0;
  for (const auto& f : files) total += f.fingerprints.size();
  std::vector<Posting> postings;
  postings.reserve(total);
  fingerprints_ = total;
  for (const auto& f : files)
    for (const auto& fp : f.fingerprints)
      postings.push_back({fp.hash, f.submission, static_cast<std::uint32_t>(fp.channel)});
  tbb::parallel_sort(postings.begin(), postings.end());
  postings.erase(std::unique(postings.begin(), postings.end()), postings.end());

  // Two passes: a hash too frequent in any channel is dropped from every channel.
  for_each_group(postings, [&](std::size_t i, std::size_t j) {
    if (j - i > frequency_cut_) frequent_.insert(postings[i].hash);
  });
  std::vector<std::uint32_t> groups_per_submission(submission_count, 0);
  group_start_.push_back(0);
  for_each_group(postings, [&](std::size_t i, std::size_t j) {
    if (frequent_.contains(postings[i].hash)) return;
    for (std::size_t x = i; x < j; ++x) ++distinct_[postings[x].submission][postings[x].channel];
    if (j - i < 2) return;  // held by one submission: counted, never shared
    for (std::size_t x = i; x < j; ++x) {
      group_members_.push_back(postings[x].submission);
      ++groups_per_submission[postings[x].submission];
    }
    group_start_.push_back(static_cast<std::uint32_t>(group_members_.size()));
    group_channel_.push_back(static_cast<Channel>(postings[i].channel));
  });
  postings = {};
  // Grown by doubling; trimmed now that the postings are gone, so the peak stays the build's.
  group_start_.shrink_to_fit();
  group_members_.shrink_to_fit();
  group_channel_.shrink_to_fit();

  submission_start_.assign(submission_count + 1, 0);
  for (std::uint32_t s = 0; s < submission_count; ++s)
    submission_start_[s + 1] = submission_start_[s] + groups_per_submission[s];
  submission_groups_.resize(submission_start_.back());
  std::vector<std::uint32_t> filled(submission_start_.begin(), submission_start_.end() - 1);
  for (std::uint32_t g = 0; g + 1 < group_start_.size(); ++g)
    for (std::uint32_t m = group_start_[g]; m < group_start_[g + 1]; ++m)
      submission_groups_[filled[group_members_[m]]++] = g;
}

IndexFootprint CohortIndex::footprint() const {
  const auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  // A node of the frequent set: next pointer and hash, in a 32-byte allocation.
  const std::size_t frequent = frequent_.bucket_count() * sizeof(void*) + frequent_.size() * 32;
  return {fingerprints_, fingerprints_ * sizeof(Posting),
          bytes(distinct_) + bytes(group_start_) + bytes(group_members_) + bytes(group_channel_) +
              bytes(submission_start_) + bytes(submission_groups_) + frequent};
}

void CohortIndex::for_each_candidate(const std::function<void(const CandidatePair&)>& visit) const {
  const auto n = static_cast<std::uint32_t>(distinct_.size());
  // Per thread, shared counts against every other submission, and which ones were touched.
  struct Counters {
    std::vector<std::array<std::uint32_t, kChannelCount>> shared;
    std::vector<std::uint32_t> touched;
  };
  tbb::enumerable_thread_specific<Counters> counters([n] { return Counters{std::vector<std::array<std::uint32_t, kChannelCount>>(n), {}}; });
  // Every pair has its lower index in the cohort: pairs of two outside sources are never visited.
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, cohort_size_), [&](const auto& range) {
    auto& local = counters.local();
    for (std::uint32_t a = range.begin(); a != range.end(); ++a) {
      for (std::uint32_t i = submission_start_[a]; i < submission_start_[a + 1]; ++i) {
        const std::uint32_t g = submission_groups_[i];
        const auto channel = channel_index(group_channel_[g]);
        for (std::uint32_t m = group_start_[g]; m < group_start_[g + 1]; ++m) {
          const std::uint32_t b = group_members_[m];
          if (b <= a) continue;
          auto& counts = local.shared[b];
          if (std::all_of(counts.begin(), counts.end(), [](std::uint32_t c) { return c == 0; }))
            local.touched.push_back(b);
          ++counts[channel];
        }
      }
      for (const std::uint32_t b : local.touched) {
        visit(CandidatePair{a, b, local.shared[b]});
        local.shared[b] = {};
      }
      local.touched.clear();
    }
  });
}

}  // namespace huella
