// Outputs under faults: a write that fails leaves the previous file whole and no temporary behind;
// an output path that cannot be written stops the run before any work.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "child_process.h"
#include "temp_folder.h"

namespace fs = std::filesystem;
using huella::test::run_huella_child;
using huella::test::TempFolder;

namespace {

const std::string kCohort = std::string(HUELLA_SOURCE_DIR) + "/fixtures/cohort";

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::size_t entries(const fs::path& folder) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("outputs: a disk that fills up mid-write leaves the previous report whole") {
  TempFolder out;
  const auto json = out.write("report.json", "{\"previous\": true}\n");
  // Any file the child writes may hold 4 KiB: the cohort's JSON is far larger.
  const auto run = run_huella_child({"report", kCohort, "--json", json.string()}, out.path() / "err", 4096);
  CHECK(run.exit_code == 2);
  REQUIRE(run.errors.size() == 1);
  CHECK(run.errors[0] == json.string() + ": cannot write (disk full?)");
  CHECK(file_bytes(json) == "{\"previous\": true}\n");
  CHECK(entries(out.path()) == 2);  // report.json and err: no temporary file left behind
}

TEST_CASE("outputs: an output path that cannot be written fails before any work") {
  TempFolder cohort, out;
  cohort.write("ana/binario.py", std::string("\0\1", 2));  // reported only if the work ran
  cohort.write("luis/a.py", "x = 1\n");
  const auto folder = out.path() / "carpeta";
  fs::create_directories(folder);
  const auto file = out.write("archivo", "x");
  for (const auto& [target, reason] :
       {std::pair{folder.string(), ": is a folder, not a file"},
        std::pair{(file / "report.json").string(), ": its folder does not exist"},
        std::pair{(out.path() / "no/existe/r.json").string(), ": its folder does not exist"}}) {
    const auto run = run_huella_child(
        {"report", cohort.path().string(), "--json", (out.path() / "x.json").string(), "--csv", target},
        out.path() / "err");
    INFO(target);
    CHECK(run.exit_code == 2);
    CHECK(run.errors == std::vector<std::string>{target + reason});
  }
  CHECK_FALSE(fs::exists(out.path() / "x.json"));
}

TEST_CASE("outputs: a folder without write permission fails before any work") {
  if (::geteuid() == 0) {
    MESSAGE("skipped: root writes into a mode-555 folder anyway");
    return;
  }
  TempFolder cohort, out;
  cohort.write("ana/a.py", "x = 1\n");
  const auto locked = out.path() / "cerrada";
  fs::create_directories(locked);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
  const auto target = (locked / "r.json").string();
  const auto run = run_huella_child({"report", cohort.path().string(), "--json", target}, out.path() / "err");
  fs::permissions(locked, fs::perms::owner_all);
  CHECK(run.exit_code == 2);
  CHECK(run.errors == std::vector<std::string>{target + ": its folder is not writable"});
}
