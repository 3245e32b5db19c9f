// The nightly job's database: schema, cache, runs, history, lock, and the databases it refuses.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <fstream>

#include "huella/store.h"
#include "huella_process.h"
#include "temp_folder.h"

using huella::RunLock;
using huella::RunRecord;
using huella::Store;
using huella::StoreError;
using huella::test::file_content;
using huella::test::TempFolder;

namespace {

RunRecord run_with(double score, const std::string& verdict) {
  RunRecord run;
  run.started = run.finished = "2026-01-01T00:00:00Z";
  run.params = "{}";
  run.forks = {{"ana", "abc", ""}, {"luis", "", "unreachable"}};
  run.submissions = {{"ana/ana", "k1"}, {"luis/luis", "k2"}};
  run.pairs = {{"ana/ana", "luis/luis", score, verdict}};
  return run;
}

}  // namespace

TEST_CASE("store: a new database is created at the current schema and keeps cached analyses") {
  TempFolder dir;
  const auto path = dir.path() / "huella.db";
  {
    Store store(path);
    CHECK(store.schema() == huella::kStoreSchema);
    CHECK_FALSE(store.find_analysis("blob/scope"));
    store.save_analyses({{"blob/scope", std::string("\0\1bytes", 7)}});
  }
  Store reopened(path);
  REQUIRE(reopened.find_analysis("blob/scope"));
  CHECK(*reopened.find_analysis("blob/scope") == std::string("\0\1bytes", 7));
  CHECK(reopened.analysis_count() == 1);
}

TEST_CASE("store: runs are recorded whole, the last one and each pair's history read back") {
  TempFolder dir;
  Store store(dir.path() / "huella.db");
  CHECK_FALSE(store.last_run());
  const auto first = store.record_run(run_with(0.3, "similar_parcial"));
  const auto second = store.record_run(run_with(0.85, "copia"));
  CHECK(second > first);
  const auto last = store.last_run();
  REQUIRE(last);
  CHECK(last->id == second);
  CHECK(last->submissions.size() == 2);
  REQUIRE(last->pairs.size() == 1);
  CHECK(last->pairs[0].verdict == "copia");
  const auto history = store.pair_history("ana/ana", "luis/luis");
  REQUIRE(history.size() == 2);
  CHECK(history[0].run == first);
  CHECK(history[0].verdict == "similar_parcial");
  CHECK(history[1].score == doctest::Approx(0.85));
  CHECK(store.run_count() == 2);
}

TEST_CASE("store: a file that is not a database is refused and left as it was") {
  TempFolder dir;
  const auto path = dir.write("huella.db", "these are not the bytes of a database\n");
  CHECK_THROWS_AS(Store{path}, StoreError);
  CHECK(file_content(path) == "these are not the bytes of a database\n");
}

TEST_CASE("store: a damaged database is refused and never written to") {
  TempFolder dir;
  const auto path = dir.path() / "huella.db";
  {
    Store store(path);
    std::vector<std::pair<std::string, std::string>> entries;
    for (int i = 0; i < 200; ++i) entries.emplace_back("key" + std::to_string(i), std::string(300, 'x'));
    store.save_analyses(entries);
  }
  std::string bytes = file_content(path);
  REQUIRE(bytes.size() > 8192);
  for (std::size_t i = 4096; i < bytes.size(); i += 7) bytes[i] = '\x5a';  // pages after the first
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  CHECK_THROWS_AS(Store{path}, StoreError);
  CHECK(file_content(path) == bytes);
}

TEST_CASE("store: a database from a newer huella is refused and left as it was") {
  TempFolder dir;
  const auto path = dir.path() / "huella.db";
  { Store store(path); }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  const std::string newer = "PRAGMA user_version = " + std::to_string(huella::kStoreSchema + 1);
  REQUIRE(sqlite3_exec(db, newer.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  const std::string before = file_content(path);
  try {
    Store store(path);
    FAIL("a newer database was opened");
  } catch (const StoreError& e) {
    CHECK(std::string(e.what()).find("newer huella") != std::string::npos);
  }
  CHECK(file_content(path) == before);
}

TEST_CASE("store: another program's SQLite database is not taken over") {
  TempFolder dir;
  const auto path = dir.path() / "other.db";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "CREATE TABLE notes(x)", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  CHECK_THROWS_AS(Store{path}, StoreError);
}

TEST_CASE("store: the run lock admits one holder at a time and is released with it") {
  TempFolder dir;
  const auto path = dir.path() / "huella.db";
  {
    RunLock first(path);
    CHECK_THROWS_AS(RunLock{path}, StoreError);
  }
  CHECK_NOTHROW(RunLock{path});
}
