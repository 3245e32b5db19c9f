#include <algorithm>
#include <map>

#include "huella/similarity.h"

namespace huella {

std::vector<FileContainment> contained_files(std::span<const std::span<const Fingerprint>> files,
                                             std::span<const std::uint64_t> other_sorted,
                                             const CohortIndex& index, bool in_b,
                                             const ContainmentParams& params) {
  std::vector<FileContainment> out;
  for (std::uint32_t f = 0; f < files.size(); ++f) {
    std::map<Channel, std::pair<std::uint32_t, std::uint32_t>> counted;  // channel: total, shared
    for (const auto& fp : files[f]) {
      if (!index.counts(fp.hash)) continue;
      auto& [total, shared] = counted[fp.channel];
      ++total;
      shared += std::binary_search(other_sorted.begin(), other_sorted.end(), fp.hash);
    }
    for (const auto& [channel, count] : counted) {
      const auto [total, shared] = count;
      if (total < params.min_fingerprints) continue;
      const double coverage = static_cast<double>(shared) / total;
      if (coverage >= params.min_coverage) out.push_back({in_b, f, channel, total, coverage});
    }
  }
  return out;
}

}  // namespace huella
