// `huella nightly` over git forks: incremental through the per-blob cache, with history, what is
// new, who had it first, and safe against kills and concurrent runs.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "git_fixture.h"
#include "huella/nightly.h"
#include "huella/store.h"
#include "huella_process.h"
#include "temp_folder.h"

using huella::test::file_content;
using huella::test::GitRepo;
using huella::test::python_program;
using huella::test::quoted;
using huella::test::run_huella;
using huella::test::TempFolder;
using Json = nlohmann::json;

namespace {

const std::string kTemplate = "# PROMPTS\n\n## Parte 1\nEscribe aquí tus prompts.\n";

// The course and three forks of it. Ana writes her producer on 10 January; Luis copies it as
// his consumer on 15 January, beside his own producer (the pair is muy_similar); Marta works
// alone. Ana also hands in the professor's template.
struct Course {
  explicit Course(const TempFolder& dir)
      : upstream(dir.path() / "curso"),
        ana((upstream.commit({{"entregas/streaming_cloud/PROMPTS.md", kTemplate}}, "2026-01-01T09:00:00Z"),
             GitRepo(upstream, dir.path() / "forks" / "ana"))),
        luis(upstream, dir.path() / "forks" / "luis"),
        marta(upstream, dir.path() / "forks" / "marta"),
        forks(dir.path() / "forks") {
    ana.commit({{"entregas/streaming_cloud/ana_perez/productor.py", python_program(0)},
                {"entregas/streaming_cloud/ana_perez/PROMPTS.md", kTemplate}},
               "2026-01-10T10:00:00Z");
    luis.commit({{"entregas/streaming_cloud/luis_gil/productor.py", python_program(1)}}, "2026-01-11T10:00:00Z");
    marta.commit({{"entregas/streaming_cloud/marta_ruiz/productor.py", python_program(2)},
                  {"entregas/streaming_cloud/marta_ruiz/consumidor.py", python_program(3)}},
                 "2026-01-12T10:00:00Z");
    luis.commit({{"entregas/streaming_cloud/luis_gil/consumidor.py", python_program(0)}}, "2026-01-15T10:00:00Z");
  }
  GitRepo upstream, ana, luis, marta;
  std::filesystem::path forks;
};

std::string nightly(const Course& course, const std::filesystem::path& db, const std::filesystem::path& json) {
  return "nightly " + quoted(course.forks.string()) + " --upstream " + quoted(course.upstream.path().string()) +
         " --db " + quoted(db.string()) + " --json " + quoted(json.string()) + " --fail-on muy_similar";
}

huella::RunRecord last_run(const std::filesystem::path& db) {
  huella::Store store(db);
  auto run = store.last_run();
  REQUIRE(run);
  return *run;
}

Json without_changes(Json report) {
  report.erase("changes");
  return report;
}

}  // namespace

TEST_CASE("nightly: new flags exit 3, the earlier fork is named, the professor's files are left out") {
  TempFolder dir;
  const Course course(dir);
  const auto run = run_huella(nightly(course, dir.path() / "huella.db", dir.path() / "r.json"));
  CHECK(run.exit_code == 3);
  const auto report = Json::parse(file_content(dir.path() / "r.json"));

  const auto& changes = report["changes"];
  CHECK(changes["since_run"].is_null());
  CHECK(changes["new_submissions"] == Json::array({"ana/ana_perez", "luis/luis_gil", "marta/marta_ruiz"}));
  REQUIRE(changes["new_flags"].size() == 1);
  CHECK(changes["new_flags"][0]["a"] == "ana/ana_perez");
  CHECK(changes["new_flags"][0]["b"] == "luis/luis_gil");
  CHECK(changes["new_flags"][0]["verdict"] == "muy_similar");

  REQUIRE(report["first_seen"].size() == 1);
  const auto& origin = report["first_seen"][0];
  CHECK(origin["earlier"] == "ana");
  const auto& longest = origin["fragments"][0];
  CHECK(longest["a"]["fork"] == "ana");
  CHECK(longest["a"]["file"] == "productor.py");
  CHECK(longest["a"]["date"] == "2026-01-10T10:00:00Z");
  CHECK(longest["b"]["fork"] == "luis");
  CHECK(longest["b"]["file"] == "consumidor.py");
  CHECK(longest["b"]["date"] == "2026-01-15T10:00:00Z");

  const auto& ana = report["submissions"][0];
  CHECK(ana["files"].size() == 1);
  CHECK(ana["skipped"][0]["path"] == "PROMPTS.md");
  CHECK(ana["skipped"][0]["reason"] == "the course's own file (found in the upstream history)");
  CHECK(report["forks"][0]["commit"].get<std::string>().size() == 40);
  CHECK(report["params"]["upstream"] == course.upstream.path().generic_string());
}

TEST_CASE("nightly: a second run re-hashes nothing, a new commit re-processes only its blobs") {
  TempFolder dir;
  const Course course(dir);
  const auto db = dir.path() / "huella.db";
  REQUIRE(run_huella(nightly(course, db, dir.path() / "first.json")).exit_code == 3);
  const auto first = last_run(db);
  CHECK(first.cache_hits + first.cache_misses == 5);
  CHECK(first.cache_misses >= 4);  // Luis's copy has the bytes of Ana's file: maybe read once

  const auto again = run_huella(nightly(course, db, dir.path() / "second.json"));
  CHECK(again.exit_code == 0);  // nothing new at the --fail-on band
  const auto second = last_run(db);
  CHECK(second.cache_misses == 0);
  CHECK(second.cache_hits == 5);
  const auto report = Json::parse(file_content(dir.path() / "second.json"));
  CHECK(report["changes"]["since_run"] == first.id);
  CHECK(report["changes"]["new_flags"].empty());
  CHECK(report["changes"]["new_submissions"].empty());
  CHECK(without_changes(report) == without_changes(Json::parse(file_content(dir.path() / "first.json"))));

  course.marta.commit({{"entregas/streaming_cloud/marta_ruiz/consumidor.py", python_program(4)}}, "2026-01-20T10:00:00Z");
  REQUIRE(run_huella(nightly(course, db, dir.path() / "third.json")).exit_code == 0);
  const auto third = last_run(db);
  CHECK(third.cache_misses == 1);
  CHECK(third.cache_hits == 4);
  const auto changed = Json::parse(file_content(dir.path() / "third.json"))["changes"];
  CHECK(changed["changed_submissions"] == Json::array({"marta/marta_ruiz"}));

  huella::Store store(db);
  const auto history = store.pair_history("ana/ana_perez", "luis/luis_gil");
  REQUIRE(history.size() == 3);
  CHECK(history[2].verdict == "muy_similar");
}

TEST_CASE("nightly: killed with SIGKILL mid-way, then run again, it gives the uninterrupted results") {
  TempFolder dir;
  const Course course(dir);
  REQUIRE(run_huella(nightly(course, dir.path() / "whole.db", dir.path() / "whole.json")).exit_code == 3);

  const auto db = dir.path() / "killed.db";
  int errors[2];
  REQUIRE(::pipe(errors) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::dup2(errors[1], STDERR_FILENO);
    ::close(errors[0]);
    ::setenv("HUELLA_NIGHTLY_PAUSE_AFTER", "2", 1);
    const std::string command = std::string(HUELLA_BINARY) + " " + nightly(course, db, dir.path() / "killed.json") + " >/dev/null";
    ::execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(errors[1]);
  std::string said;
  char buffer[256];
  while (said.find("(HUELLA_NIGHTLY_PAUSE_AFTER)") == std::string::npos) {
    const ssize_t n = ::read(errors[0], buffer, sizeof buffer);
    if (n <= 0) break;
    said.append(buffer, static_cast<std::size_t>(n));
  }
  REQUIRE_MESSAGE(said.find("paused after 2 files") != std::string::npos, said);

  // While it holds the lock, a second run is turned away.
  const auto concurrent = run_huella(nightly(course, db, dir.path() / "other.json"), true);
  CHECK(concurrent.exit_code == 2);
  CHECK(concurrent.out.find("another huella nightly run") != std::string::npos);

  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(errors[0]);
  CHECK(WIFSIGNALED(status));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "killed.json"));
  CHECK(huella::Store(db).run_count() == 0);

  REQUIRE(run_huella(nightly(course, db, dir.path() / "killed.json")).exit_code == 3);
  CHECK(last_run(db).cache_hits >= 2);  // the work done before the kill was kept
  CHECK(file_content(dir.path() / "killed.json") == file_content(dir.path() / "whole.json"));
}

TEST_CASE("nightly: forks given by URL are fetched, one that fails is reported and skipped") {
  TempFolder dir;
  const Course course(dir);
  const auto list = dir.write("forks.txt", "# the course's forks: URL [NAME]\n" + course.ana.path().string() +
                                               " ana\n" + (dir.path() / "gone" / "curso").string() + "\n" +
                                               course.luis.path().string() + " luis\n");
  const auto run = run_huella("nightly " + quoted(list.string()) + " --db " + quoted((dir.path() / "n.db").string()) +
                              " --json " + quoted((dir.path() / "n.json").string()));
  CHECK(run.exit_code == 0);
  const auto report = Json::parse(file_content(dir.path() / "n.json"));
  REQUIRE(report["forks"].size() == 3);
  CHECK(report["forks"][0]["name"] == "ana");
  CHECK(report["forks"][1]["name"] == "gone");  // the owner in the URL: the folder above
  CHECK(report["forks"][1]["error"].get<std::string>().starts_with((dir.path() / "gone" / "curso").string() + ": "));
  CHECK(report["forks"][1]["commit"] == "");
  CHECK(report["submissions"].size() == 2);
  CHECK(std::filesystem::exists(dir.path() / "n.db.mirrors" / "ana.git"));
}

TEST_CASE("nightly: a fork unreachable for one night is neither removed nor new again") {
  TempFolder dir;
  const Course course(dir);
  const auto list = dir.write("forks.txt", course.ana.path().string() + " ana\n" +
                                               (dir.path() / "luis").string() + " luis\n");
  const auto db = dir.path() / "n.db";
  const auto nightly_by_url = [&](const std::string& json) {
    return run_huella("nightly " + quoted(list.string()) + " --db " + quoted(db.string()) + " --json " +
                      quoted((dir.path() / json).string()) + " --fail-on similar_parcial");
  };
  std::filesystem::rename(course.luis.path(), dir.path() / "luis");
  CHECK(nightly_by_url("1.json").exit_code == 3);

  std::filesystem::rename(dir.path() / "luis", dir.path() / "away");
  CHECK(nightly_by_url("2.json").exit_code == 0);
  const auto unreachable = Json::parse(file_content(dir.path() / "2.json"));
  CHECK(unreachable["forks"][1].contains("error"));
  CHECK(unreachable["changes"]["removed_submissions"].empty());

  std::filesystem::rename(dir.path() / "away", dir.path() / "luis");
  CHECK(nightly_by_url("3.json").exit_code == 0);
  const auto back = Json::parse(file_content(dir.path() / "3.json"))["changes"];
  CHECK(back["new_submissions"].empty());
  CHECK(back["new_flags"].empty());
  CHECK(back["changed_submissions"].empty());
}

TEST_CASE("nightly: a database that is not huella's is refused with exit 2 and left untouched") {
  TempFolder dir;
  const Course course(dir);
  const auto db = dir.write("huella.db", "notes, not a database\n");
  const auto run = run_huella(nightly(course, db, dir.path() / "r.json"), true);
  CHECK(run.exit_code == 2);
  CHECK(run.out.find(db.string() + ": not a huella database") != std::string::npos);
  CHECK(file_content(db) == "notes, not a database\n");
  CHECK_FALSE(std::filesystem::exists(dir.path() / "r.json"));
}

TEST_CASE("nightly: changes since the previous run: submissions, new flags, verdicts that rose") {
  huella::RunRecord previous;
  previous.id = 7;
  previous.submissions = {{"ana/ana", "k1"}, {"luis/luis", "k2"}, {"olga/olga", "k3"}};
  previous.pairs = {{"ana/ana", "luis/luis", 0.3, "similar_parcial"},
                    {"ana/ana", "olga/olga", 0.1, "original"},
                    {"luis/luis", "olga/olga", 0.9, "copia"}};
  huella::RunRecord current;
  current.submissions = {{"ana/ana", "k1"}, {"luis/luis", "k2b"}, {"marta/marta", "k4"}, {"olga/olga", "k3"}};
  current.pairs = {{"ana/ana", "luis/luis", 0.6, "muy_similar"},
                   {"ana/ana", "marta/marta", 0.85, "copia"},
                   {"ana/ana", "olga/olga", 0.3, "similar_parcial"},
                   {"luis/luis", "olga/olga", 0.7, "muy_similar"}};
  const auto changes = huella::compare_runs(previous, current);
  CHECK(changes.since_run == 7);
  CHECK(changes.new_submissions == std::vector<std::string>{"marta/marta"});
  CHECK(changes.changed_submissions == std::vector<std::string>{"luis/luis"});
  CHECK(changes.removed_submissions.empty());
  REQUIRE(changes.new_flags.size() == 2);  // strongest first; a verdict that fell is no news
  CHECK(changes.new_flags[0].b == "marta/marta");
  CHECK_FALSE(changes.new_flags[0].previous_score);
  CHECK(changes.new_flags[1].b == "olga/olga");
  CHECK(*changes.new_flags[1].previous_score == doctest::Approx(0.1));
  REQUIRE(changes.verdict_rises.size() == 1);
  CHECK(changes.verdict_rises[0].previous_verdict == huella::Verdict::similar_parcial);
  CHECK(changes.verdict_rises[0].verdict == huella::Verdict::muy_similar);
  CHECK(huella::news_reach(changes, huella::Verdict::copia));
  CHECK_FALSE(huella::news_reach({}, huella::Verdict::similar_parcial));

  const auto first = huella::compare_runs(std::nullopt, current);
  CHECK_FALSE(first.since_run);
  CHECK(first.new_submissions.size() == 4);
  CHECK(first.new_flags.size() == 4);
}
