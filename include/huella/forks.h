// Forks: reads the students' fork repositories with libgit2, without a checkout. The branch
// tip's submissions (the forks layout of corpus.h: entregas/<module>/<student>/ and
// trabajo_final/<student>/), the blobs behind them, a path's history, and fetching by URL.
// Knows corpus only.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "huella/corpus.h"
#include "huella/ignore.h"

struct git_repository;

namespace huella {

// An open repository, a bare mirror or a checkout (whose working files are never read).
class Repository {
 public:
  // Throws std::runtime_error with a one-line `path: reason` when it is not a repository.
  explicit Repository(const std::filesystem::path& path);
  ~Repository();
  Repository(const Repository&) = delete;
  Repository& operator=(const Repository&) = delete;

  // The commit HEAD points to (40 hex digits). Throws when there is none (an empty repository).
  std::string tip() const;

  // The blob's bytes. Throws when `oid` is not a blob of this repository.
  std::string read_blob(const std::string& oid) const;

  // Writes the blob to `folder/<oid>` unless it is there already (through a temporary file and a
  // rename, so a killed run never leaves half a blob); returns that path.
  std::filesystem::path materialize_blob(const std::string& oid,
                                         const std::filesystem::path& folder) const;

  // Every blob of every commit reachable from any branch or tag.
  std::unordered_set<std::string> all_blobs() const;

  git_repository* get() const { return repo_; }

 private:
  git_repository* repo_ = nullptr;
  std::filesystem::path path_;
};

// The submissions at the tip: ids `<fork>/<student>`, paths relative to each student folder.
// Skips what corpus skips (folders, files, formats, sizes, `ignore` patterns relative to the
// folder of forks, prefixed with `<fork>/`); symbolic links and submodules are never followed.
// Each file's content_id is its blob id and its `absolute` path is the blob materialized under
// `blob_folder`. `root` is the submission's path as people read it: `<fork_path>/<folder>`.
std::vector<Submission> tip_submissions(const Repository& repo, const std::string& fork,
                                        const std::filesystem::path& fork_path,
                                        const DiscoveryOptions& options, const IgnoreRules& ignore,
                                        const std::filesystem::path& blob_folder);

// One version of a file along a fork's history.
struct PathVersion {
  std::string commit;  // the first commit, oldest first, with this content at the path
  std::int64_t time;   // its author time, seconds since the epoch (UTC)
  std::string blob;    // "" when the path does not exist there
};

// The versions of `path` (relative to the repository root) in the commits reachable from HEAD,
// oldest first by author time, one entry each time the content changes.
std::vector<PathVersion> path_history(const Repository& repo, const std::string& path);

// Clones `url` as a bare mirror into `mirror`, or fetches into it when it exists. Gives up after
// `timeout` (the transfer runs in a child process that is killed). Returns "" or a reason.
std::string fetch_mirror(const std::string& url, const std::filesystem::path& mirror,
                         std::chrono::seconds timeout);

// The fork part of a submission id `<fork>/<student>`.
std::string fork_of_submission(std::string_view id);

// The fork's name in ids: the owner in `host/owner/repo` URLs, else the last component, without
// a trailing `.git`.
std::string fork_name_of_url(const std::string& url);

}  // namespace huella
