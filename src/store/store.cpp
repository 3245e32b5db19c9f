#include <sqlite3.h>

#include <array>
#include <fstream>

#include "huella/store.h"

namespace fs = std::filesystem;

namespace huella {
namespace {

// 'huel': marks the file as huella's, so another program's SQLite file is never migrated.
constexpr int kApplicationId = 0x6875656c;

// migrations[v] takes a database from schema v to v + 1.
constexpr std::array<const char*, kStoreSchema> kMigrations = {
    R"sql(
CREATE TABLE analyses(key TEXT PRIMARY KEY, entry BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE runs(id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT NOT NULL,
                  params TEXT NOT NULL, cache_hits INTEGER NOT NULL, cache_misses INTEGER NOT NULL);
CREATE TABLE run_forks(run INTEGER NOT NULL REFERENCES runs(id), name TEXT NOT NULL,
                       tip TEXT NOT NULL, error TEXT NOT NULL);
CREATE INDEX run_forks_by_run ON run_forks(run);
CREATE TABLE run_submissions(run INTEGER NOT NULL REFERENCES runs(id), id TEXT NOT NULL,
                             content TEXT NOT NULL, PRIMARY KEY(run, id));
CREATE TABLE pair_scores(run INTEGER NOT NULL REFERENCES runs(id), a TEXT NOT NULL, b TEXT NOT NULL,
                         score REAL NOT NULL, verdict TEXT NOT NULL, PRIMARY KEY(run, a, b));
CREATE INDEX pair_scores_by_pair ON pair_scores(a, b, run);
)sql",
};

class Statement {
 public:
  Statement(sqlite3* db, const char* sql, const std::string& path) : db_(db), path_(path) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail();
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind_blob(int i, const std::string& bytes) {
    sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, std::int64_t n) {
    sqlite3_bind_int64(stmt_, i, n);
    return *this;
  }
  Statement& bind(int i, double x) {
    sqlite3_bind_double(stmt_, i, x);
    return *this;
  }
  // True while a row is there to read.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }
  void run() {
    step();
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string text(int column) const {
    const auto* p = sqlite3_column_blob(stmt_, column);
    return p == nullptr ? std::string()
                        : std::string(static_cast<const char*>(p),
                                      static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  double real(int column) const { return sqlite3_column_double(stmt_, column); }

 private:
  [[noreturn]] void fail() const { throw StoreError(path_ + ": " + sqlite3_errmsg(db_)); }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  const std::string& path_;
};

// A transaction that rolls back unless committed, so an exception leaves nothing half written.
class Transaction {
 public:
  Transaction(sqlite3* db, const std::string& path) : db_(db), path_(path) {
    Statement(db_, "BEGIN IMMEDIATE", path_).run();
  }
  ~Transaction() {
    if (!committed_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    Statement(db_, "COMMIT", path_).run();
    committed_ = true;
  }

 private:
  sqlite3* db_;
  const std::string& path_;
  bool committed_ = false;
};

// A file that exists must start as every SQLite database does before SQLite may open it.
void check_header(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec) || fs::file_size(path, ec) == 0) return;
  std::ifstream in(path, std::ios::binary);
  std::array<char, 16> header{};
  in.read(header.data(), header.size());
  if (!in || std::string_view(header.data(), header.size()) != std::string_view("SQLite format 3\0", 16))
    throw StoreError(path.string() + ": not a huella database (corrupt, or another kind of file); "
                                     "left untouched");
}

}  // namespace

Store::Store(const fs::path& path) : path_(path.string()) {
  check_header(path);
  if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string reason = db_ ? sqlite3_errmsg(db_) : "cannot open";
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(path_ + ": " + reason);
  }
  try {
    sqlite3_busy_timeout(db_, 5000);
    {
      Statement check(db_, "PRAGMA quick_check", path_);
      if (check.step() && check.text(0) != "ok")
        throw StoreError(path_ + ": corrupt database (" + check.text(0) + "); left untouched");
    }
    const int version = schema();
    const bool empty = single_integer("SELECT count(*) FROM sqlite_schema") == 0;
    const auto application = single_integer("PRAGMA application_id");
    if (!empty && application != kApplicationId)
      throw StoreError(path_ + ": a SQLite database that is not huella's; left untouched");
    if (version > kStoreSchema)
      throw StoreError(path_ + ": written by a newer huella (schema " + std::to_string(version) +
                       ", this one knows up to " + std::to_string(kStoreSchema) + "); left untouched");
    execute("PRAGMA journal_mode = WAL");
    execute("PRAGMA synchronous = NORMAL");
    execute("PRAGMA foreign_keys = ON");
    if (version < kStoreSchema) {
      Transaction migration(db_, path_);
      for (int v = version; v < kStoreSchema; ++v) execute(kMigrations[static_cast<std::size_t>(v)]);
      execute(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
      execute(("PRAGMA user_version = " + std::to_string(kStoreSchema)).c_str());
      migration.commit();
    }
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

Store::~Store() { sqlite3_close(db_); }

void Store::execute(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string reason = message ? message : "error";
    sqlite3_free(message);
    throw StoreError(path_ + ": " + reason);
  }
}

std::int64_t Store::single_integer(const char* sql) const {
  Statement query(db_, sql, path_);
  query.step();
  return query.integer(0);
}

int Store::schema() const { return static_cast<int>(single_integer("PRAGMA user_version")); }

std::optional<std::string> Store::find_analysis(const std::string& key) {
  Statement find(db_, "SELECT entry FROM analyses WHERE key = ?", path_);
  find.bind(1, key);
  if (!find.step()) return std::nullopt;
  return find.text(0);
}

void Store::save_analyses(const std::vector<std::pair<std::string, std::string>>& entries) {
  Transaction transaction(db_, path_);
  Statement insert(db_, "INSERT OR REPLACE INTO analyses(key, entry) VALUES (?, ?)", path_);
  for (const auto& [key, entry] : entries) insert.bind(1, key).bind_blob(2, entry).run();
  transaction.commit();
}

std::uint64_t Store::analysis_count() {
  return static_cast<std::uint64_t>(single_integer("SELECT count(*) FROM analyses"));
}

std::optional<RunRecord> Store::last_run() {
  Statement last(db_,
                 "SELECT id, started, finished, params, cache_hits, cache_misses FROM runs "
                 "ORDER BY id DESC LIMIT 1",
                 path_);
  if (!last.step()) return std::nullopt;
  RunRecord run;
  run.id = last.integer(0);
  run.started = last.text(1);
  run.finished = last.text(2);
  run.params = last.text(3);
  run.cache_hits = static_cast<std::uint64_t>(last.integer(4));
  run.cache_misses = static_cast<std::uint64_t>(last.integer(5));
  Statement submissions(db_, "SELECT id, content FROM run_submissions WHERE run = ? ORDER BY id",
                        path_);
  submissions.bind(1, run.id);
  while (submissions.step()) run.submissions.push_back({submissions.text(0), submissions.text(1)});
  Statement pairs(db_, "SELECT a, b, score, verdict FROM pair_scores WHERE run = ? ORDER BY a, b",
                  path_);
  pairs.bind(1, run.id);
  while (pairs.step()) run.pairs.push_back({pairs.text(0), pairs.text(1), pairs.real(2), pairs.text(3)});
  return run;
}

std::int64_t Store::record_run(const RunRecord& run) {
  Transaction transaction(db_, path_);
  Statement insert(db_,
                   "INSERT INTO runs(started, finished, params, cache_hits, cache_misses) "
                   "VALUES (?, ?, ?, ?, ?)",
                   path_);
  insert.bind(1, run.started)
      .bind(2, run.finished)
      .bind(3, run.params)
      .bind(4, static_cast<std::int64_t>(run.cache_hits))
      .bind(5, static_cast<std::int64_t>(run.cache_misses))
      .run();
  const std::int64_t id = sqlite3_last_insert_rowid(db_);
  Statement fork(db_, "INSERT INTO run_forks(run, name, tip, error) VALUES (?, ?, ?, ?)", path_);
  for (const auto& f : run.forks) fork.bind(1, id).bind(2, f.name).bind(3, f.commit).bind(4, f.error).run();
  Statement submission(db_, "INSERT INTO run_submissions(run, id, content) VALUES (?, ?, ?)", path_);
  for (const auto& s : run.submissions) submission.bind(1, id).bind(2, s.id).bind(3, s.content).run();
  Statement pair(db_, "INSERT INTO pair_scores(run, a, b, score, verdict) VALUES (?, ?, ?, ?, ?)",
                 path_);
  for (const auto& p : run.pairs)
    pair.bind(1, id).bind(2, p.a).bind(3, p.b).bind(4, p.score).bind(5, p.verdict).run();
  transaction.commit();
  return id;
}

std::int64_t Store::run_count() { return single_integer("SELECT count(*) FROM runs"); }

std::vector<PairHistoryPoint> Store::pair_history(const std::string& a, const std::string& b) {
  Statement history(db_, "SELECT run, score, verdict FROM pair_scores WHERE a = ? AND b = ? ORDER BY run",
                    path_);
  history.bind(1, a).bind(2, b);
  std::vector<PairHistoryPoint> out;
  while (history.step()) out.push_back({history.integer(0), history.real(1), history.text(2)});
  return out;
}

}  // namespace huella
