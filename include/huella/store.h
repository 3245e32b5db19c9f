// Store: the nightly job's state in SQLite. Per-file analyses by content, the runs, and each
// pair's history of scores and verdicts. Sits beside the pipeline; knows none of its stages.
//
// Every write is one transaction, so a run killed at any moment leaves the database as it was
// before that write. A database that is corrupt or was written by a newer huella is refused and
// never written to.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;

namespace huella {

// The schema this huella writes; older databases are migrated to it step by step.
inline constexpr int kStoreSchema = 1;

// A database huella must not use, with a one-line `path: reason` message.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An exclusive lock beside the database (`<db>.lock`), released when the holder exits however
// it exits, so a killed run never blocks the next one.
class RunLock {
 public:
  // Throws StoreError when another process holds it.
  explicit RunLock(const std::filesystem::path& database);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

 private:
  int fd_ = -1;
};

struct StoredSubmission {
  std::string id;
  std::string content;  // a key of its files' paths and contents: equal keys, unchanged
};

struct StoredPair {
  std::string a, b;  // submission ids, a < b
  double score = 0;
  std::string verdict;
};

struct StoredFork {
  std::string name;
  std::string commit;  // the tip read, or "" when the fork failed
  std::string error;
};

struct RunRecord {
  std::int64_t id = 0;
  std::string started, finished;  // UTC, ISO 8601
  std::string params;             // the JSON params section
  std::uint64_t cache_hits = 0, cache_misses = 0;
  std::vector<StoredFork> forks;
  std::vector<StoredSubmission> submissions;
  std::vector<StoredPair> pairs;  // every listed pair
};

struct PairHistoryPoint {
  std::int64_t run;
  double score;
  std::string verdict;
};

class Store {
 public:
  // Opens `path`, creating it when missing, and migrates an older schema. Throws StoreError.
  explicit Store(const std::filesystem::path& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  int schema() const;

  std::optional<std::string> find_analysis(const std::string& key);
  void save_analyses(const std::vector<std::pair<std::string, std::string>>& entries);
  std::uint64_t analysis_count();

  // The last finished run with its submissions and pairs (forks left empty), if any.
  std::optional<RunRecord> last_run();
  // Records a finished run and all it saw in one transaction; returns its id.
  std::int64_t record_run(const RunRecord& run);
  std::int64_t run_count();
  // The pair's score in every recorded run that listed it, oldest first.
  std::vector<PairHistoryPoint> pair_history(const std::string& a, const std::string& b);

 private:
  void execute(const char* sql);
  std::int64_t single_integer(const char* sql) const;
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace huella
