#include <algorithm>
#include <map>

#include "huella/verdict.h"

namespace huella {
namespace {

// Union-find over submission indices, only those that appear in flagged pairs.
class Components {
 public:
  std::uint32_t find(std::uint32_t x) {
    auto [it, added] = parent_.try_emplace(x, x);
    if (it->second == x) return x;
    const auto root = find(it->second);
    parent_[x] = root;
    return root;
  }
  void join(std::uint32_t x, std::uint32_t y) {
    const auto rx = find(x), ry = find(y);
    if (rx != ry) parent_[std::max(rx, ry)] = std::min(rx, ry);
  }

 private:
  std::map<std::uint32_t, std::uint32_t> parent_;
};

}  // namespace

std::vector<Cluster> cluster_pairs(std::span<const PairResult> pairs,
                                   std::span<const PairVerdict> verdicts, Verdict lowest) {
  Components components;
  for (std::size_t i = 0; i < pairs.size(); ++i)
    if (verdicts[i].verdict >= lowest) components.join(pairs[i].a, pairs[i].b);

  std::map<std::uint32_t, Cluster> by_root;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (verdicts[i].verdict < lowest) continue;
    auto& cluster = by_root[components.find(pairs[i].a)];
    cluster.pairs.push_back(i);
    cluster.members.push_back(pairs[i].a);
    cluster.members.push_back(pairs[i].b);
    if (verdicts[i].score > cluster.score) {
      cluster.score = verdicts[i].score;
      cluster.verdict = verdicts[i].verdict;
    }
  }
  std::vector<Cluster> out;
  for (auto& [root, cluster] : by_root) {
    std::sort(cluster.members.begin(), cluster.members.end());
    cluster.members.erase(std::unique(cluster.members.begin(), cluster.members.end()),
                          cluster.members.end());
    out.push_back(std::move(cluster));
  }
  std::stable_sort(out.begin(), out.end(), [](const Cluster& x, const Cluster& y) {
    if (x.score != y.score) return x.score > y.score;
    if (x.members.size() != y.members.size()) return x.members.size() > y.members.size();
    return x.members.front() < y.members.front();
  });
  return out;
}

}  // namespace huella
