// Sweeps the parameters that decide results (k, window, frequency cut, novel share) over a
// labelled fixture cohort and prints how well each setting separates planted copies from
// innocent pairs, per channel. README's defaults were chosen from its output.
//
//   huella-tune COHORT BASE [--k 8,10,12] [--w 4,6,8] [--share 0.1,0.2] [--novel 0.5] [--n 3,4]
//
// Each setting prints two rows: fingerprint similarity, then TF-IDF cosine with code n-grams
// of length n.
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "huella/evaluation.h"
#include "huella/pipeline.h"

using namespace huella;

namespace {

std::vector<double> parse_list(const std::string& s) {
  std::vector<double> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(std::stod(item));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: huella-tune COHORT BASE [--k LIST] [--w LIST] [--share LIST] [--novel LIST] "
                 "[--n LIST]\n");
    return 2;
  }
  const std::filesystem::path cohort_path = argv[1], base = argv[2];
  std::vector<double> ks = {14}, ws = {10}, shares = {0.2}, novels = {0.75}, ngrams = {4};
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    auto& list = flag == "--k"       ? ks
                 : flag == "--w"     ? ws
                 : flag == "--share" ? shares
                 : flag == "--n"     ? ngrams
                                     : novels;
    list = parse_list(argv[i + 1]);
  }
  const auto labels = CohortLabels::load(cohort_path / "labels.json");
  const auto cohort = discover_cohort(cohort_path, DiscoveryOptions{});
  std::printf("%3s %3s %5s %5s %2s %-6s | %7s %7s %7s %7s | %7s %6s | %s\n", "k", "w", "share",
              "novel", "n", "metric", "code", "terraf", "config", "prose", "worst", "innoc",
              "rewrites (best channel)");
  for (double k : ks)
    for (double w : ws)
      for (double share : shares)
        for (double novel : novels)
          for (double ngram : ngrams) {
            PipelineOptions options;
            options.base = {base};
            options.fingerprint = {static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(w), novel};
            options.features.code_ngram = static_cast<std::uint32_t>(ngram);
            options.index.max_share = share;
            options.fragment_pairs = 0;
            // Every pair is listed, so that margins count innocent pairs under the noise floor.
            options.floor = {0, 2, 0};
            options.cosine_listing = {options.cosine.min_cosine, 0};
            const auto result = analyze(cohort.submissions, options);
            for (const auto measure : {Measure::similarity, Measure::cosine, Measure::literals}) {
              const auto s = measure_separation(result, labels, measure);
              std::printf("%3.0f %3.0f %5.2f %5.2f %2.0f %-6s |", k, w, share, novel, ngram,
                          measure == Measure::cosine     ? "cosine"
                          : measure == Measure::literals ? "liter"
                                                         : "sim");
              for (const char* c : {"code", "terraform", "config", "prose"}) {
                const auto& sep = s.channels.at(c);
                if (sep.planted == 0)
                  std::printf(" %7s", "-");
                else
                  std::printf(" %+7.3f", sep.margin());
              }
              std::printf(" | %+7.3f %6.3f |", s.worst_margin(), s.highest_innocent_overall);
              for (const auto& [pair, score] : s.rewrites) std::printf(" %.2f", score);
              std::printf("\n");
            }
          }
  return 0;
}
