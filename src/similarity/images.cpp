#include <algorithm>
#include <unordered_map>

#include "huella/similarity.h"

namespace huella {

void attach_images(std::vector<PairResult>& pairs, std::span<const ImagePairResult> images) {
  std::unordered_map<std::uint64_t, std::size_t> position;
  for (std::size_t i = 0; i < pairs.size(); ++i)
    position.emplace(std::uint64_t{pairs[i].a} << 32 | pairs[i].b, i);
  bool added = false;
  for (const auto& r : images) {
    auto it = position.find(std::uint64_t{r.a} << 32 | r.b);
    if (it == position.end()) {
      if (r.matches.empty()) continue;  // metadata alone does not make a pair
      PairResult pair;
      pair.a = r.a;
      pair.b = r.b;
      pairs.push_back(std::move(pair));
      it = position.emplace(std::uint64_t{r.a} << 32 | r.b, pairs.size() - 1).first;
      added = true;
    }
    auto& pair = pairs[it->second];
    auto& channel = pair.channels[channel_index(Channel::images)];
    channel.similarity = r.similarity;
    channel.coverage_a = r.coverage_a;
    channel.coverage_b = r.coverage_b;
    channel.shared = static_cast<std::uint32_t>(r.matches.size());
    pair.image_matches = r.matches;
    pair.image_metadata = r.metadata;
  }
  if (added) std::stable_sort(pairs.begin(), pairs.end(), ranks_before);
}

}  // namespace huella
