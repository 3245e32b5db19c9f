// Reading forks with libgit2: the tip's submissions without a checkout, a path's history,
// fetching by URL with a timeout.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

#include "git_fixture.h"
#include "huella/forks.h"
#include "huella/text.h"
#include "temp_folder.h"

using huella::DiscoveryOptions;
using huella::IgnoreRules;
using huella::Repository;
using huella::test::GitRepo;
using huella::test::TempFolder;

namespace {

std::vector<std::string> paths_of(const huella::Submission& s) {
  std::vector<std::string> out;
  for (const auto& f : s.files) out.push_back(f.path);
  return out;
}

}  // namespace

TEST_CASE("forks: the tip's student folders are submissions, read from a bare mirror") {
  TempFolder dir;
  GitRepo work(dir.path() / "work");
  work.commit({{"README.md", "# Curso\n"},
               {"entregas/streaming_cloud/ana_perez/productor.py", "print('old')\n"},
               {"entregas/streaming_cloud/ana_perez/.DS_Store", "x"},
               {"entregas/streaming_cloud/ana_perez/node_modules/lib.js", "var a = 1;\n"},
               {"entregas/streaming_cloud/ana_perez/informe.pdf", "%PDF"},
               {"entregas/01_bases_de_datos/ana_perez/consulta.sql", "SELECT 1;\n"},
               {"trabajo_final/ana_perez/main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n"}},
              "2026-01-10T10:00:00Z");
  work.commit({{"entregas/streaming_cloud/ana_perez/productor.py", "print('new')\n"}}, "2026-01-11T10:00:00Z");
  work.mirror_to(dir.path() / "ana.git");
  Repository repo(dir.path() / "ana.git");
  const auto blobs = dir.path() / "blobs";

  const auto all = huella::tip_submissions(repo, "ana", dir.path() / "ana.git", DiscoveryOptions{}, IgnoreRules{}, blobs);
  REQUIRE(all.size() == 3);
  CHECK(all[0].id == "ana/ana_perez");
  CHECK(paths_of(all[0]) == std::vector<std::string>{"consulta.sql"});
  CHECK(paths_of(all[2]) == std::vector<std::string>{"main.tf"});

  DiscoveryOptions one_module;
  one_module.module = "streaming_cloud";
  const auto streaming = huella::tip_submissions(repo, "ana", dir.path() / "ana.git", one_module, IgnoreRules{}, blobs);
  REQUIRE(streaming.size() == 1);
  const auto& s = streaming[0];
  CHECK(s.root == dir.path() / "ana.git" / "entregas/streaming_cloud/ana_perez");
  REQUIRE(paths_of(s) == std::vector<std::string>{"productor.py"});
  const auto& file = s.files[0];
  CHECK(file.content_id.size() == 40);
  CHECK(file.absolute.filename() == file.content_id);
  auto read = huella::read_text_file(file.absolute, {});
  CHECK(read.decoded.text == "print('new')\n");  // the tip, not the first commit
  std::vector<std::string> skipped;
  for (const auto& k : s.skipped) skipped.push_back(k.path + ": " + k.reason);
  std::sort(skipped.begin(), skipped.end());
  CHECK(skipped == std::vector<std::string>{".DS_Store: OS metadata", "informe.pdf: not a format huella compares",
                                            "node_modules/: dependency folder"});
}

TEST_CASE("forks: .huellaignore patterns apply under the fork's name") {
  TempFolder dir;
  GitRepo work(dir.path() / "ana");
  work.commit({{"entregas/m/ana/a.py", "x = 1\n"}, {"entregas/m/ana/generado/b.py", "y = 2\n"}}, "2026-01-10T10:00:00Z");
  Repository repo(work.path());
  const auto ignore = IgnoreRules::parse("ana/entregas/m/ana/generado/\n");
  const auto subs = huella::tip_submissions(repo, "ana", work.path(), DiscoveryOptions{}, ignore, dir.path() / "blobs");
  REQUIRE(subs.size() == 1);
  CHECK(paths_of(subs[0]) == std::vector<std::string>{"a.py"});
}

TEST_CASE("forks: a path's history lists each content once, oldest first, with author dates") {
  TempFolder dir;
  GitRepo work(dir.path() / "ana");
  work.commit({{"other.txt", "a\n"}}, "2026-01-01T00:00:00Z");
  work.commit({{"f.py", "v1\n"}}, "2026-01-02T00:00:00Z");
  work.commit({{"other.txt", "b\n"}}, "2026-01-03T00:00:00Z");
  work.commit({{"f.py", "v2\n"}}, "2026-01-04T00:00:00Z");
  Repository repo(work.path());
  const auto history = huella::path_history(repo, "f.py");
  REQUIRE(history.size() == 2);
  CHECK(history[0].time == 1767312000);  // 2026-01-02T00:00:00Z
  CHECK(repo.read_blob(history[0].blob) == "v1\n");
  CHECK(repo.read_blob(history[1].blob) == "v2\n");
  CHECK(history[1].commit == repo.tip());
}

TEST_CASE("forks: every blob of the upstream's history is known, old versions too") {
  TempFolder dir;
  GitRepo upstream(dir.path() / "curso");
  upstream.commit({{"plantilla/PROMPTS.md", "# v1\n"}}, "2026-01-01T00:00:00Z");
  upstream.commit({{"plantilla/PROMPTS.md", "# v2\n"}}, "2026-01-02T00:00:00Z");
  const auto blobs = Repository(upstream.path()).all_blobs();
  CHECK(blobs.size() == 2);
}

TEST_CASE("forks: a fork is fetched into a mirror, then updated, and a bad URL gives a reason") {
  TempFolder dir;
  GitRepo work(dir.path() / "ana" / "curso");
  work.commit({{"entregas/m/ana/a.py", "x = 1\n"}}, "2026-01-10T10:00:00Z");
  const auto mirror = dir.path() / "mirrors" / "ana.git";
  CHECK(huella::fetch_mirror(work.path().string(), mirror, std::chrono::seconds(30)) == "");
  CHECK(Repository(mirror).tip() == Repository(work.path()).tip());
  work.commit({{"entregas/m/ana/a.py", "x = 2\n"}}, "2026-01-11T10:00:00Z");
  CHECK(huella::fetch_mirror(work.path().string(), mirror, std::chrono::seconds(30)) == "");
  CHECK(Repository(mirror).tip() == Repository(work.path()).tip());

  const auto missing = (dir.path() / "nobody" / "curso").string();
  const auto reason = huella::fetch_mirror(missing, dir.path() / "mirrors" / "nobody.git", std::chrono::seconds(30));
  CHECK(reason.starts_with(missing + ": "));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "mirrors" / "nobody.git"));
}

TEST_CASE("forks: a server that never answers is abandoned after the timeout") {
  TempFolder dir;
  // A socket that listens and never accepts: the connection opens, no answer ever comes.
  const int server = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(server >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(server, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::listen(server, 4) == 0);
  socklen_t length = sizeof address;
  ::getsockname(server, reinterpret_cast<sockaddr*>(&address), &length);
  const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/ana/curso.git";
  const auto started = std::chrono::steady_clock::now();
  const auto reason = huella::fetch_mirror(url, dir.path() / "ana.git", std::chrono::seconds(1));
  const auto waited = std::chrono::steady_clock::now() - started;
  ::close(server);
  CHECK(reason == url + ": no answer within 1 s (fetch abandoned)");
  CHECK(waited < std::chrono::seconds(10));
  CHECK_FALSE(std::filesystem::exists(dir.path() / "ana.git"));
}

TEST_CASE("forks: a fork's name is the owner in its URL") {
  CHECK(huella::fork_name_of_url("https://github.com/ana-perez/big-data-curso") == "ana-perez");
  CHECK(huella::fork_name_of_url("https://github.com/ana-perez/big-data-curso.git/") == "ana-perez");
  CHECK(huella::fork_name_of_url("git@github.com:luis/big-data-curso.git") == "luis");
  CHECK(huella::fork_name_of_url("/srv/forks/marta/curso.git") == "marta");
  CHECK(huella::fork_name_of_url("curso.git") == "curso");
}
