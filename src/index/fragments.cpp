#include <algorithm>
#include <unordered_map>

#include "huella/index.h"

namespace huella {
namespace {

struct Location {
  std::uint32_t file;
  std::uint32_t index;  // position in that file's fingerprint list
};

struct OpenFragment {
  std::uint32_t a_file, b_file;
  std::uint32_t a_first, a_last;  // fingerprint indices on side a
  std::uint32_t b_first, b_last;
};

}  // namespace

std::vector<Fragment> match_fragments(std::span<const std::span<const Fingerprint>> a_files,
                                      std::span<const std::span<const Fingerprint>> b_files,
                                      const CohortIndex& index, std::uint32_t k) {
  std::unordered_multimap<std::uint64_t, Location> in_b;
  for (std::uint32_t f = 0; f < b_files.size(); ++f)
    for (std::uint32_t i = 0; i < b_files[f].size(); ++i)
      if (index.counts(b_files[f][i].hash)) in_b.emplace(b_files[f][i].hash, Location{f, i});

  std::vector<OpenFragment> runs;
  // Fragments that ended at the previous fingerprint of a, keyed by their (b file, b index).
  std::unordered_map<std::uint64_t, std::size_t> ending_here, ending_next;
  const auto b_key = [](std::uint32_t file, std::uint32_t i) {
    return (std::uint64_t{file} << 32) | i;
  };
  for (std::uint32_t fa = 0; fa < a_files.size(); ++fa) {
    ending_here.clear();
    for (std::uint32_t i = 0; i < a_files[fa].size(); ++i) {
      ending_next.clear();
      const auto [first, last] = in_b.equal_range(a_files[fa][i].hash);
      for (auto it = first; it != last; ++it) {
        const auto& loc = it->second;
        std::size_t run;
        // Extends when both sides advance by one fingerprint in the same channel.
        if (auto prev = ending_here.find(b_key(loc.file, loc.index - 1));
            loc.index > 0 && prev != ending_here.end() &&
            a_files[fa][i - 1].channel == a_files[fa][i].channel) {
          run = prev->second;
          runs[run].a_last = i;
          runs[run].b_last = loc.index;
        } else {
          run = runs.size();
          runs.push_back({fa, loc.file, i, i, loc.index, loc.index});
        }
        ending_next[b_key(loc.file, loc.index)] = run;
      }
      std::swap(ending_here, ending_next);
    }
  }

  std::vector<Fragment> out;
  out.reserve(runs.size());
  // Line ranges span every fingerprint of the run: lexers may put order-free items in
  // canonical order, so the last fingerprint need not end on the highest line.
  const auto lines = [](std::span<const Fingerprint> fps, std::uint32_t first, std::uint32_t last) {
    std::pair<std::uint32_t, std::uint32_t> range{fps[first].first_line, fps[first].last_line};
    for (std::uint32_t i = first + 1; i <= last; ++i) {
      range.first = std::min(range.first, fps[i].first_line);
      range.second = std::max(range.second, fps[i].last_line);
    }
    return range;
  };
  for (const auto& r : runs) {
    const auto& a = a_files[r.a_file];
    const auto [a_first_line, a_last_line] = lines(a, r.a_first, r.a_last);
    const auto [b_first_line, b_last_line] = lines(b_files[r.b_file], r.b_first, r.b_last);
    out.push_back({a[r.a_first].channel, r.a_file, r.b_file, a_first_line, a_last_line,
                   b_first_line, b_last_line, a[r.a_last].first_token + k - a[r.a_first].first_token});
  }
  std::sort(out.begin(), out.end(), [](const Fragment& x, const Fragment& y) {
    if (x.tokens != y.tokens) return x.tokens > y.tokens;
    if (x.a_file != y.a_file) return x.a_file < y.a_file;
    if (x.a_first_line != y.a_first_line) return x.a_first_line < y.a_first_line;
    if (x.b_file != y.b_file) return x.b_file < y.b_file;
    return x.b_first_line < y.b_first_line;
  });
  return out;
}

}  // namespace huella
