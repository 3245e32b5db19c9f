// Who had it first: where each side of a flagged pair's fragments first appeared in its fork.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "huella/changes.h"
#include "huella/fingerprint.h"
#include "huella/forks.h"
#include "huella/report.h"

namespace huella {

// Where a submission lives: its fork, the fork's repository, its folder there, each file's blob id.
struct SubmissionOrigin {
  std::string fork;
  const Repository* repo = nullptr;
  std::string folder;
  std::unordered_map<std::string, std::string> blobs;  // by path in the submission
};

// For each pair of `flagged` (indices into result.pairs, with fragments computed), up to
// `per_pair` fragments: the first version of each side's file, along its fork's history,
// holding at least half the k-grams both sides of the fragment share. `origins[s]` belongs to
// result.submissions[s].
std::vector<PairOrigin> trace_origins(const CohortResult& result, const std::vector<std::size_t>& flagged,
                                      const std::vector<SubmissionOrigin>& origins,
                                      const FingerprintParams& params, std::size_t per_pair);

}  // namespace huella
