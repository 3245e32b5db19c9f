#include <algorithm>
#include <unordered_set>

#include "huella/references.h"

namespace huella {
namespace {

// The distinct fingerprints of one file that the index counts, channel folded into the hash.
std::unordered_set<std::uint64_t> counted(std::span<const Fingerprint> file, const CohortIndex& index) {
  std::unordered_set<std::uint64_t> out;
  for (const auto& fp : file)
    if (index.counts(fp.hash)) out.insert(fp.hash ^ (static_cast<std::uint64_t>(fp.channel) << 56));
  return out;
}

}  // namespace

std::vector<ReferenceFileMatch> reference_file_matches(
    std::span<const std::span<const Fingerprint>> files,
    std::span<const std::span<const Fingerprint>> reference_files,
    std::span<const ImageMatch> image_matches, const CohortIndex& index) {
  std::vector<std::unordered_set<std::uint64_t>> reference_sets;
  for (const auto& r : reference_files) reference_sets.push_back(counted(r, index));
  std::vector<ReferenceFileMatch> out;
  for (std::uint32_t f = 0; f < files.size(); ++f) {
    const auto mine = counted(files[f], index);
    if (mine.empty()) continue;
    for (std::uint32_t r = 0; r < reference_sets.size(); ++r) {
      const auto shared = static_cast<double>(std::count_if(
          mine.begin(), mine.end(), [&](std::uint64_t h) { return reference_sets[r].contains(h); }));
      if (shared == 0) continue;
      out.push_back({f, r, 2 * shared / static_cast<double>(mine.size() + reference_sets[r].size()),
                     shared / static_cast<double>(mine.size())});
    }
  }
  for (const auto& m : image_matches) out.push_back({m.a_file, m.b_file, 1.0, 1.0});
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    if (x.similarity != y.similarity) return x.similarity > y.similarity;
    return std::pair(x.file, x.reference_file) < std::pair(y.file, y.reference_file);
  });
  return out;
}

ReferenceResult judge_reference(PairResult pair, std::vector<ReferenceFileMatch> files,
                                const VerdictBands& bands) {
  ReferenceResult out{std::move(pair), std::move(files), 0, Verdict::original};
  if (!out.files.empty()) out.highest = out.files.front().similarity;
  out.verdict = band_of(out.highest, bands);
  return out;
}

}  // namespace huella
