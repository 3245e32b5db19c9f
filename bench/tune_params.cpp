// Sweeps the parameters that decide results (k, window, frequency cut) over a labelled fixture
// cohort and prints how well each setting separates planted copies from innocent pairs.
//
//   huella-tune COHORT BASE [--k 8,10,12] [--w 4,6,8] [--share 0.1,0.2]
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "huella/pipeline.h"

using namespace huella;

namespace {

using PairKey = std::pair<std::string, std::string>;

PairKey ordered(const std::string& a, const std::string& b) { return a < b ? PairKey{a, b} : PairKey{b, a}; }

std::vector<double> parse_list(const std::string& s) {
  std::vector<double> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(std::stod(item));
  return out;
}

struct Separation {
  double margin = 1;           // lowest planted minus highest innocent, worst channel
  double worst_innocent = 0;   // highest overall similarity of an innocent pair
  int misranked = 0;           // (planted, innocent) pairs in the wrong order, all channels
  double auc = 0;              // mean over channels of the ranking AUC
};

Separation measure(const CohortResult& result, const std::map<PairKey, std::set<std::string>>& planted) {
  Separation s;
  int channels = 0;
  for (const Channel c : kTextChannels) {
    std::vector<double> positives, negatives;
    std::set<PairKey> seen;
    for (const auto& p : result.pairs) {
      const auto key = ordered(result.submissions[p.a].id, result.submissions[p.b].id);
      seen.insert(key);
      const double score = p.channels[channel_index(c)].similarity;
      const auto it = planted.find(key);
      if (it == planted.end()) {
        negatives.push_back(score);
        if (c == Channel::code) s.worst_innocent = std::max(s.worst_innocent, p.overall.similarity);
      } else if (it->second.contains(std::string(channel_name(c)))) {
        positives.push_back(score);
      }
    }
    for (const auto& [key, chans] : planted)
      if (chans.contains(std::string(channel_name(c))) && !seen.contains(key)) positives.push_back(0);
    if (positives.empty()) continue;
    ++channels;
    const double low = *std::min_element(positives.begin(), positives.end());
    const double high = negatives.empty() ? 0 : *std::max_element(negatives.begin(), negatives.end());
    s.margin = std::min(s.margin, low - high);
    double wins = 0;
    for (double p : positives)
      for (double n : negatives) {
        wins += p > n ? 1 : p == n ? 0.5 : 0;
        s.misranked += p <= n;
      }
    // Pairs never listed score 0 and count as innocent negatives that every positive beats.
    s.auc += negatives.empty() ? 1 : wins / (positives.size() * negatives.size());
  }
  if (channels > 0) s.auc /= channels;
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: huella-tune COHORT BASE [--k LIST] [--w LIST] [--share LIST]\n");
    return 2;
  }
  const std::filesystem::path cohort_path = argv[1], base = argv[2];
  std::vector<double> ks = {6, 8, 10, 12, 14, 16, 20}, ws = {4, 6, 8, 10, 12}, shares = {0.1, 0.2, 0.3};
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--k") ks = parse_list(argv[i + 1]);
    if (flag == "--w") ws = parse_list(argv[i + 1]);
    if (flag == "--share") shares = parse_list(argv[i + 1]);
  }
  std::map<PairKey, std::set<std::string>> planted;
  {
    std::ifstream in(cohort_path / "labels.json");
    const auto labels = nlohmann::json::parse(in);
    for (const auto& p : labels.at("planted"))
      for (const auto& c : p.at("channels")) planted[ordered(p.at("a"), p.at("b"))].insert(c);
  }
  std::printf("%4s %4s %6s  %8s %8s %8s %10s\n", "k", "w", "share", "margin", "AUC", "misrank",
              "innocent");
  for (double k : ks)
    for (double w : ws)
      for (double share : shares) {
        PipelineOptions options;
        options.base = {base};
        options.fingerprint = {static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(w)};
        options.index.max_share = share;
        options.fragment_pairs = 0;
        auto cohort = discover_cohort(cohort_path, DiscoveryOptions{});
        const auto result = analyze(std::move(cohort.submissions), options);
        const auto s = measure(result, planted);
        std::printf("%4.0f %4.0f %6.2f  %8.4f %8.4f %8d %10.4f\n", k, w, share, s.margin, s.auc,
                    s.misranked, s.worst_innocent);
      }
  return 0;
}
