#include <oneapi/tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <unordered_map>

#include "huella/similarity.h"

namespace huella {

ChannelSimilarity channel_similarity(std::uint32_t shared, std::uint32_t total_a,
                                     std::uint32_t total_b) {
  ChannelSimilarity s;
  s.shared = shared;
  // A fingerprint counted in both sides is counted in both totals, so shared <= each total.
  if (total_a + total_b > 0) s.similarity = 2.0 * shared / (total_a + total_b);
  if (total_a > 0) s.coverage_a = static_cast<double>(shared) / total_a;
  if (total_b > 0) s.coverage_b = static_cast<double>(shared) / total_b;
  return s;
}

bool ranks_before(const PairResult& x, const PairResult& y) {
  if (x.overall.similarity != y.overall.similarity) return x.overall.similarity > y.overall.similarity;
  if (x.a != y.a) return x.a < y.a;
  return x.b < y.b;
}

std::vector<PairResult> score_pairs(const CohortIndex& index, const PairFloor& floor) {
  tbb::enumerable_thread_specific<std::vector<PairResult>> kept;
  index.for_each_candidate([&](const CandidatePair& candidate) {
    PairResult pair;
    pair.a = candidate.a;
    pair.b = candidate.b;
    std::uint32_t shared = 0, total_a = 0, total_b = 0;
    for (const Channel c : kTextChannels) {
      const auto i = channel_index(c);
      const auto ta = index.distinct(candidate.a, c);
      const auto tb = index.distinct(candidate.b, c);
      pair.channels[i] = channel_similarity(candidate.shared[i], ta, tb);
      shared += candidate.shared[i];
      total_a += ta;
      total_b += tb;
    }
    pair.overall = channel_similarity(shared, total_a, total_b);
    bool above = pair.overall.similarity >= floor.overall;
    for (const Channel c : kTextChannels) {
      const auto& s = pair.channels[channel_index(c)];
      above |= s.similarity >= floor.channel && s.shared >= floor.channel_shared;
    }
    if (above) kept.local().push_back(std::move(pair));
  });
  std::vector<PairResult> out;
  for (auto& local : kept) std::move(local.begin(), local.end(), std::back_inserter(out));
  std::sort(out.begin(), out.end(), ranks_before);
  return out;
}

void attach_cosines(std::vector<PairResult>& pairs, Channel channel, const CosineMeasure& measure,
                    std::span<const PairCosine> cosines, const CosineListing& listing) {
  std::unordered_map<std::uint64_t, std::size_t> position;
  for (std::size_t i = 0; i < pairs.size(); ++i)
    position.emplace(std::uint64_t{pairs[i].a} << 32 | pairs[i].b, i);
  const auto c = channel_index(channel);
  bool added = false;
  for (const auto& pc : cosines) {
    if (const auto it = position.find(std::uint64_t{pc.a} << 32 | pc.b); it != position.end()) {
      pairs[it->second].channels[c].*measure.value = pc.cosine;
      pairs[it->second].channels[c].*measure.shared = pc.shared;
    } else if (pc.cosine >= listing.cosine && pc.shared >= listing.shared) {
      PairResult pair;
      pair.a = pc.a;
      pair.b = pc.b;
      pair.channels[c].*measure.value = pc.cosine;
      pair.channels[c].*measure.shared = pc.shared;
      position.emplace(std::uint64_t{pc.a} << 32 | pc.b, pairs.size());
      pairs.push_back(std::move(pair));
      added = true;
    }
  }
  if (added) std::stable_sort(pairs.begin(), pairs.end(), ranks_before);
}

void attach_fragments(PairResult& pair, std::vector<Fragment> fragments, std::size_t keep) {
  std::map<std::tuple<std::uint32_t, std::uint32_t, Channel>, std::uint32_t> per_file_pair;
  pair.fragments_computed = true;
  pair.longest_fragment = 0;
  for (const auto& f : fragments) {
    pair.longest_fragment = std::max(pair.longest_fragment, f.tokens);
    per_file_pair[{f.a_file, f.b_file, f.channel}] += f.tokens;
  }
  pair.file_pairs.clear();
  for (const auto& [key, tokens] : per_file_pair)
    pair.file_pairs.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), tokens});
  std::stable_sort(pair.file_pairs.begin(), pair.file_pairs.end(),
                   [](const auto& x, const auto& y) { return x.tokens > y.tokens; });
  if (fragments.size() > keep) fragments.resize(keep);
  pair.fragments = std::move(fragments);
}

}  // namespace huella
