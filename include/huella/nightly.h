// Nightly: one incremental run over every fork of the course. Fetches the forks given by URL,
// reads each fork's tip with libgit2, analyzes the files through the store's per-blob cache,
// compares with the previous run, and traces flagged fragments through the forks' history.
// Part of the cli layer.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "huella/changes.h"
#include "huella/forks.h"
#include "huella/pipeline.h"
#include "huella/store.h"
#include "huella/verdict.h"

namespace huella {

struct NightlyOptions {
  // Folders of fork repositories (bare mirrors or checkouts; a folder that is a repository is
  // one fork), or text files listing fork URLs, one per line: `URL [NAME]`, `#` comments.
  std::vector<std::filesystem::path> sources;
  std::filesystem::path database = "huella.db";  // mirrors and blobs go beside it
  std::filesystem::path upstream;  // the course repository: its files are not the students'
  DiscoveryOptions discovery;
  std::chrono::seconds fetch_timeout{120};
  std::size_t traced_fragments = 3;  // fragments per flagged pair traced through history
};

struct NightlyReport {
  CohortResult result;
  NightlyFindings findings;
  RunRecord record;  // what record() stores
};

class NightlyJob {
 public:
  // Takes the lock and opens (or creates, or migrates) the database. Throws StoreError.
  explicit NightlyJob(NightlyOptions options);
  ~NightlyJob();

  NightlyReport run(const PipelineOptions& pipeline, const ProgressCallback& progress = {},
                    RunStats* stats = nullptr);

  // Stores the run. Called after the reports are written: a run killed before this point is
  // redone whole by the next one, with the same changes.
  void record(const NightlyReport& report);

 private:
  NightlyOptions options_;
  RunLock lock_;
  Store store_;
};

// What `current` has that `previous` (the last finished run, if any) had not: new, changed and
// removed submissions (by their content keys), pairs newly flagged and pairs whose verdict rose.
RunChanges compare_runs(const std::optional<RunRecord>& previous, const RunRecord& current);

// Whether a new flag or a verdict rise reaches `band`.
bool news_reach(const RunChanges& changes, Verdict band);

}  // namespace huella
