// Changes: what a nightly run found that the previous run had not, and where a flagged
// fragment first appeared in each fork's history. Written to the JSON (`changes`, `forks`,
// `first_seen`) and to the terminal.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "huella/report.h"
#include "huella/verdict.h"

namespace huella {

struct FlaggedPair {
  std::string a, b;  // submission ids, a < b
  double score = 0;
  Verdict verdict = Verdict::original;
  std::optional<double> previous_score;  // in the previous run; none when it was not listed
  Verdict previous_verdict = Verdict::original;
};

struct RunChanges {
  std::optional<std::int64_t> since_run;  // the previous finished run; none on the first run
  std::vector<std::string> new_submissions, changed_submissions, removed_submissions;
  std::vector<FlaggedPair> new_flags;      // flagged now, not flagged before
  std::vector<FlaggedPair> verdict_rises;  // flagged before, in a higher band now
};

struct ForkState {
  std::string name;
  std::string source;  // the folder or URL it was read from
  std::string commit;  // the tip read; "" when it failed
  std::string error;
};

// Where one side of a fragment first appeared in its fork.
struct Appearance {
  std::string fork;
  std::string file;
  std::uint32_t first_line = 0, last_line = 0;
  std::string commit;
  std::int64_t time = 0;  // author time, seconds since the epoch
};

struct FragmentOrigin {
  Appearance a, b;
};

struct PairOrigin {
  std::string a, b;  // submission ids
  std::vector<FragmentOrigin> fragments;  // longest fragment first
  std::string earlier;  // the fork where the longest fragment appeared first; "" when at once
};

struct NightlyFindings {
  std::vector<ForkState> forks;
  RunChanges changes;
  std::vector<PairOrigin> origins;
  std::uint64_t cache_hits = 0, cache_misses = 0;  // files taken from the cache, files analyzed
};

// Adds `forks`, `changes` and `first_seen` to a report's JSON (not the cache figures, which
// differ from run to run).
void add_nightly_json(nlohmann::ordered_json& report, const NightlyFindings& findings);

// The changes and origins in words, for the terminal.
void write_changes(std::ostream& out, const NightlyFindings& findings, ReportLanguage language);

}  // namespace huella
