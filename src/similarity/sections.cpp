#include <algorithm>

#include "huella/similarity.h"

namespace huella {

std::vector<SectionMatch> match_sections(std::span<const std::span<const Fingerprint>> files,
                                         std::span<const std::vector<MarkdownSection>> sections,
                                         std::span<const std::uint64_t> other_sorted,
                                         const CohortIndex& index, bool in_b,
                                         const SectionParams& params) {
  std::vector<SectionMatch> out;
  for (std::uint32_t f = 0; f < files.size() && f < sections.size(); ++f) {
    std::uint32_t reported_until = 0;  // last line of the latest reported section
    for (const auto& section : sections[f]) {
      if (section.level < 2 || section.first_line <= reported_until) continue;
      std::uint32_t total = 0, shared = 0;
      for (const auto& fp : files[f]) {
        if (fp.channel != Channel::prose || fp.first_line < section.first_line ||
            fp.first_line > section.last_line || !index.counts(fp.hash))
          continue;
        ++total;
        shared += std::binary_search(other_sorted.begin(), other_sorted.end(), fp.hash);
      }
      if (total < params.min_fingerprints) continue;
      const double coverage = static_cast<double>(shared) / total;
      if (coverage < params.min_coverage) continue;
      out.push_back({in_b, f, section.title, section.first_line, section.last_line, total, coverage});
      reported_until = section.last_line;
    }
  }
  return out;
}

}  // namespace huella
