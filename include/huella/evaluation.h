// Evaluation: how well a result separates the planted copies of a labelled cohort from the
// innocent pairs. Used by the end-to-end tests and by the parameter sweep in bench/.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "huella/report.h"

namespace huella {

using SubmissionPair = std::pair<std::string, std::string>;  // ids, first < second

SubmissionPair ordered_pair(const std::string& a, const std::string& b);

// labels.json: {"planted": [{"a", "b", "channels": [...], "levels": [...]}]}.
struct CohortLabels {
  std::map<SubmissionPair, std::set<std::string>> planted;  // pair -> channels it copies
  std::map<SubmissionPair, std::set<std::string>> levels;  // pair -> its copy levels
  std::set<SubmissionPair> rewritten;  // planted by an assistant's rewrite (level "AI")
  std::map<std::string, std::string> group;  // submission -> its copy group

  // Not planted and not joined through a common source (two copiers of one original).
  bool innocent(const SubmissionPair& pair) const;
  // Throws std::runtime_error naming the file when it cannot be read.
  static CohortLabels load(const std::filesystem::path& labels_json);
};

struct ChannelSeparation {
  std::size_t planted = 0;  // planted pairs that copy this channel (rewrites excluded)
  double lowest_planted = 1;
  SubmissionPair lowest_planted_pair;
  double highest_innocent = 0;
  SubmissionPair highest_innocent_pair;
  double auc = 1;  // probability that a planted pair outscores an innocent one
  double margin() const { return lowest_planted - highest_innocent; }
};

struct Separation {
  std::map<std::string, ChannelSeparation> channels;  // by channel name
  double highest_innocent_overall = 0;
  SubmissionPair highest_innocent_overall_pair;
  std::map<SubmissionPair, double> rewrites;  // best channel score of each assistant rewrite
  double worst_margin() const;
};

// Which per-channel figure is measured: fingerprint similarity or TF-IDF cosine.
enum class Measure { similarity, cosine, literals };

Separation measure_separation(const CohortResult& result, const CohortLabels& labels,
                              Measure measure = Measure::similarity);

}  // namespace huella
