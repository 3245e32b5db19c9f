#include "huella/nightly.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include "first_seen.h"
#include "huella/text.h"

namespace fs = std::filesystem;

namespace huella {
namespace {

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

// The store as the pipeline's cache. Saves are batched into one transaction per 64 entries or
// per second, so a killed run keeps nearly all the work it did.
class StoreCache : public AnalysisCache {
 public:
  explicit StoreCache(Store& store) : store_(store) {
    // Test hook (documented in the README): stop for good after this many files are saved, so
    // a test can kill the run at a known point.
    if (const char* pause = std::getenv("HUELLA_NIGHTLY_PAUSE_AFTER")) pause_after_ = std::strtoull(pause, nullptr, 10);
  }

  std::optional<std::string> find(const std::string& key) override {
    std::lock_guard lock(mutex_);
    auto entry = store_.find_analysis(key);
    ++(entry ? hits_ : misses_);
    return entry;
  }

  void save(const std::string& key, std::string entry) override {
    std::lock_guard lock(mutex_);
    pending_.emplace_back(key, std::move(entry));
    ++saved_;
    if (pending_.size() >= 64 || std::chrono::steady_clock::now() - last_flush_ > std::chrono::seconds(1))
      flush_locked();
    if (saved_ == pause_after_) {
      flush_locked();
      std::cerr << "huella: paused after " << saved_ << " files (HUELLA_NIGHTLY_PAUSE_AFTER)" << std::endl;
      for (;;) ::pause();  // holding the lock: every other worker waits too
    }
  }

  void flush() {
    std::lock_guard lock(mutex_);
    flush_locked();
  }
  std::uint64_t hits() const { return hits_; }
  std::uint64_t misses() const { return misses_; }

 private:
  void flush_locked() {
    if (!pending_.empty()) store_.save_analyses(pending_);
    pending_.clear();
    last_flush_ = std::chrono::steady_clock::now();
  }

  Store& store_;
  std::mutex mutex_;
  std::vector<std::pair<std::string, std::string>> pending_;
  std::uint64_t hits_ = 0, misses_ = 0, saved_ = 0, pause_after_ = 0;
  std::chrono::steady_clock::time_point last_flush_ = std::chrono::steady_clock::now();
};

struct ForkToRead {
  std::string name;
  std::string source;
  fs::path repository;
  std::string error;  // set when it could not even be fetched
};

bool is_repository(const fs::path& path) {
  std::error_code ec;
  return fs::exists(path / ".git", ec) || (fs::exists(path / "HEAD", ec) && fs::is_directory(path / "objects", ec));
}

std::string name_of_folder(const fs::path& folder) {
  std::string name = folder.filename().string();
  if (name.ends_with(".git") && name.size() > 4) name.resize(name.size() - 4);
  return name;
}

// The forks of one source: a repository, a folder of repositories, or a file of URLs (fetched
// into `mirrors`).
void collect_forks(const fs::path& source, const fs::path& mirrors, std::chrono::seconds timeout,
                   std::vector<ForkToRead>& out) {
  std::error_code ec;
  if (fs::is_directory(source, ec)) {
    if (is_repository(source)) {
      out.push_back({name_of_folder(fs::absolute(source / ".").lexically_normal().parent_path()),
                     source.string(), source, {}});
      return;
    }
    std::vector<fs::path> folders;
    for (fs::directory_iterator it(source, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
      if (it->is_directory(ec) && it->path().filename().string().front() != '.') folders.push_back(it->path());
    std::sort(folders.begin(), folders.end());
    for (const auto& folder : folders)
      out.push_back({name_of_folder(folder), folder.string(), folder,
                     is_repository(folder) ? std::string() : folder.string() + ": not a git repository"});
    return;
  }
  std::ifstream list(source);
  if (!list) {
    out.push_back({source.filename().string(), source.string(), {}, source.string() + ": not a folder of forks nor a list of URLs"});
    return;
  }
  std::string line;
  while (std::getline(list, line)) {
    std::istringstream words(line);
    std::string url, name;
    words >> url >> name;
    if (url.empty() || url.front() == '#') continue;
    if (name.empty()) name = fork_name_of_url(url);
    const fs::path mirror = mirrors / (name + ".git");
    fs::create_directories(mirrors, ec);
    const bool taken = std::any_of(out.begin(), out.end(), [&](const auto& f) { return f.name == name; });
    out.push_back({name, url, mirror,
                   taken ? url + ": another fork has the name " + name : fetch_mirror(url, mirror, timeout)});
  }
}

// A key of a submission's files and their contents: equal keys, unchanged submission.
std::string submission_content(const Submission& s) {
  std::string listing;
  for (const auto& f : s.files) listing += f.path + '\0' + f.content_id + '\n';
  return content_key(listing);
}

// A fork that could not be read this time keeps its last known submissions and pairs in the
// record, so it is neither "removed" now nor "new" again when it comes back.
void carry_over_unread_forks(const RunRecord& previous, const std::vector<ForkState>& forks,
                             RunRecord& record) {
  std::set<std::string> unread, read;
  for (const auto& f : forks) (f.error.empty() ? read : unread).insert(f.name);
  for (const auto& name : read) unread.erase(name);  // a duplicate name failed, not the fork
  if (unread.empty()) return;
  const auto is_unread = [&](const std::string& id) { return unread.contains(fork_of_submission(id)); };
  for (const auto& s : previous.submissions)
    if (is_unread(s.id)) record.submissions.push_back(s);
  for (const auto& p : previous.pairs)
    if (is_unread(p.a) || is_unread(p.b)) record.pairs.push_back(p);
  std::sort(record.submissions.begin(), record.submissions.end(),
            [](const auto& x, const auto& y) { return x.id < y.id; });
}

}  // namespace

RunChanges compare_runs(const std::optional<RunRecord>& previous, const RunRecord& current) {
  RunChanges changes;
  std::map<std::string, std::string> before;
  std::map<std::pair<std::string, std::string>, const StoredPair*> pairs_before;
  if (previous) {
    changes.since_run = previous->id;
    for (const auto& s : previous->submissions) before[s.id] = s.content;
    for (const auto& p : previous->pairs) pairs_before[{p.a, p.b}] = &p;
  }
  std::set<std::string> now;
  for (const auto& s : current.submissions) {
    now.insert(s.id);
    const auto it = before.find(s.id);
    if (it == before.end())
      changes.new_submissions.push_back(s.id);
    else if (it->second != s.content)
      changes.changed_submissions.push_back(s.id);
  }
  for (const auto& [id, content] : before)
    if (!now.contains(id)) changes.removed_submissions.push_back(id);
  for (const auto& p : current.pairs) {
    FlaggedPair flagged{p.a, p.b, p.score, verdict_from_name(p.verdict), std::nullopt, Verdict::original};
    if (flagged.verdict == Verdict::original) continue;
    if (const auto it = pairs_before.find({p.a, p.b}); it != pairs_before.end()) {
      flagged.previous_score = it->second->score;
      flagged.previous_verdict = verdict_from_name(it->second->verdict);
    }
    if (flagged.previous_verdict == Verdict::original)
      changes.new_flags.push_back(std::move(flagged));
    else if (flagged.verdict > flagged.previous_verdict)
      changes.verdict_rises.push_back(std::move(flagged));
  }
  const auto ranked = [](const FlaggedPair& x, const FlaggedPair& y) {
    return std::tie(y.verdict, y.score, x.a, x.b) < std::tie(x.verdict, x.score, y.a, y.b);
  };
  std::sort(changes.new_flags.begin(), changes.new_flags.end(), ranked);
  std::sort(changes.verdict_rises.begin(), changes.verdict_rises.end(), ranked);
  return changes;
}

bool news_reach(const RunChanges& changes, Verdict band) {
  for (const auto* list : {&changes.new_flags, &changes.verdict_rises})
    for (const auto& p : *list)
      if (p.verdict >= band) return true;
  return false;
}

NightlyJob::NightlyJob(NightlyOptions options)
    : options_(std::move(options)), lock_(options_.database), store_(options_.database) {}

NightlyJob::~NightlyJob() = default;

NightlyReport NightlyJob::run(const PipelineOptions& pipeline, const ProgressCallback& progress,
                              RunStats* stats) {
  NightlyReport report;
  report.record.started = utc_now();
  const fs::path beside = options_.database.string();
  std::vector<ForkToRead> forks;
  for (const auto& source : options_.sources)
    collect_forks(source, beside.string() + ".mirrors", options_.fetch_timeout, forks);

  std::unordered_set<std::string> course_blobs;
  std::vector<std::string> errors;
  if (!options_.upstream.empty()) {
    try {
      course_blobs = Repository(options_.upstream).all_blobs();
    } catch (const std::exception& e) {
      errors.push_back(e.what());
    }
  }

  const IgnoreRules ignore = options_.sources.size() == 1 && fs::is_directory(options_.sources.front())
                                 ? IgnoreRules::load(options_.sources.front())
                                 : IgnoreRules{};
  std::vector<std::unique_ptr<Repository>> repositories;
  std::vector<Submission> submissions;
  std::map<std::string, SubmissionOrigin> origin_of;
  std::set<std::string> names;
  for (auto& fork : forks) {
    ForkState state{fork.name, fork.source, {}, fork.error};
    if (state.error.empty() && !names.insert(fork.name).second)
      state.error = fork.source + ": another fork has the name " + fork.name;
    if (state.error.empty()) {
      try {
        auto repo = std::make_unique<Repository>(fork.repository);
        state.commit = repo->tip();
        auto found = tip_submissions(*repo, fork.name, fork.source, options_.discovery, ignore,
                                     beside.string() + ".blobs");
        for (auto& s : found) {
          SubmissionOrigin& origin = origin_of[s.id];
          origin.fork = fork.name;
          origin.repo = repo.get();
          origin.folder = s.root.lexically_relative(fork.source).generic_string();
          std::erase_if(s.files, [&](const SourceFile& f) {
            if (!course_blobs.contains(f.content_id)) return false;
            s.skipped.push_back({f.path, "the course's own file (found in the upstream history)", false});
            return true;
          });
          for (const auto& f : s.files) origin.blobs[f.path] = f.content_id;
          submissions.push_back(std::move(s));
        }
        repositories.push_back(std::move(repo));
      } catch (const std::exception& e) {
        state.error = e.what();
      }
    }
    if (!state.error.empty()) errors.push_back(state.error);
    report.findings.forks.push_back(std::move(state));
  }
  std::sort(submissions.begin(), submissions.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  for (const auto& s : submissions) report.record.submissions.push_back({s.id, submission_content(s)});

  StoreCache cache(store_);
  report.result = analyze(std::move(submissions), pipeline, progress, &cache, stats);
  cache.flush();
  report.result.errors.insert(report.result.errors.begin(), errors.begin(), errors.end());
  auto& params = report.result.params;
  params["layout"] = "forks";
  if (!options_.discovery.module.empty()) params["module"] = options_.discovery.module;
  params["upstream"] = options_.upstream.empty() ? nlohmann::ordered_json(nullptr)
                                                 : nlohmann::ordered_json(options_.upstream.generic_string());
  report.record.params = params.dump();
  report.record.cache_hits = cache.hits();
  report.record.cache_misses = cache.misses();
  report.findings.cache_hits = cache.hits();
  report.findings.cache_misses = cache.misses();

  std::vector<std::size_t> flagged;
  std::vector<SubmissionOrigin> origins;
  for (const auto& s : report.result.submissions) origins.push_back(origin_of[s.id]);
  for (std::size_t i = 0; i < report.result.pairs.size(); ++i) {
    const auto& p = report.result.pairs[i];
    const auto& judged = report.result.verdicts[i];
    report.record.pairs.push_back({report.result.submissions[p.a].id, report.result.submissions[p.b].id,
                                   judged.score, std::string(verdict_name(judged.verdict))});
    if (judged.verdict != Verdict::original && p.fragments_computed) flagged.push_back(i);
  }
  for (const auto& f : report.findings.forks) report.record.forks.push_back({f.name, f.commit, f.error});
  const auto previous = store_.last_run();
  if (previous) carry_over_unread_forks(*previous, report.findings.forks, report.record);
  report.findings.changes = compare_runs(previous, report.record);
  report.findings.origins = trace_origins(report.result, flagged, origins, pipeline.fingerprint,
                                          options_.traced_fragments);
  return report;
}

void NightlyJob::record(const NightlyReport& report) {
  RunRecord run = report.record;
  run.finished = utc_now();
  store_.record_run(run);
}

}  // namespace huella
