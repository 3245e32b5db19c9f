#include <doctest/doctest.h>

#include <algorithm>

#include "huella/corpus.h"
#include "temp_folder.h"

using namespace huella;
using huella::test::TempFolder;

namespace {

const SkippedFile* find_skip(const Submission& s, std::string_view path) {
  for (const auto& k : s.skipped)
    if (k.path == path) return &k;
  return nullptr;
}

std::vector<std::string> paths(const Submission& s) {
  std::vector<std::string> out;
  for (const auto& f : s.files) out.push_back(f.path);
  return out;
}

}  // namespace

TEST_CASE("corpus: files are classified into channels by name and extension") {
  const auto channel_of = [](std::string_view name) {
    const auto* l = language_for_file(name);
    return l == nullptr ? Channel::other : l->channel;
  };
  CHECK(channel_of("productor.py") == Channel::code);
  CHECK(channel_of("analisis.ipynb") == Channel::code);
  CHECK(channel_of("dashboard.html") == Channel::code);
  CHECK(channel_of("main.tf") == Channel::terraform);
  CHECK(channel_of("dev.tfvars") == Channel::terraform);
  CHECK(channel_of("docker-compose.yml") == Channel::config);
  CHECK(channel_of("compose.yaml") == Channel::config);
  CHECK(channel_of("Dockerfile") == Channel::config);
  CHECK(channel_of("Dockerfile.dev") == Channel::config);
  CHECK(channel_of("requirements.txt") == Channel::config);
  CHECK(channel_of("PROMPTS.md") == Channel::prose);
  CHECK(channel_of("notas.txt") == Channel::prose);
  CHECK(channel_of("kafka_ui.PNG") == Channel::images);
  CHECK(channel_of("informe.pdf") == Channel::other);
  CHECK(channel_of("Makefile") == Channel::other);
}

TEST_CASE("corpus: a flat cohort has one submission per subfolder, sorted by id") {
  TempFolder root;
  root.write("zeta/PROMPTS.md", "# hola");
  root.write("alfa/kafka/productor.py", "print(1)");
  root.write("alfa/kafka/capturas/ui.png", "png");
  const auto cohort = discover_cohort(root.path(), DiscoveryOptions{});
  CHECK(cohort.layout == Layout::flat);
  REQUIRE(cohort.submissions.size() == 2);
  CHECK(cohort.submissions[0].id == "alfa");
  CHECK(paths(cohort.submissions[0]) ==
        std::vector<std::string>{"kafka/capturas/ui.png", "kafka/productor.py"});
}

TEST_CASE("corpus: forks are detected, ids are <fork>/<student>, --module selects one module") {
  TempFolder root;
  root.write("fork1/entregas/streaming_cloud/perez_ana/PROMPTS.md", "a");
  root.write("fork1/entregas/trabajo_final/perez_ana/01_README.md", "b");
  root.write("fork1/README.md", "the course's own readme, not a submission");
  root.write("fork2/trabajo_final/gil_luis/main.py", "c");
  auto cohort = discover_cohort(root.path(), DiscoveryOptions{});
  CHECK(cohort.layout == Layout::forks);
  std::vector<std::string> ids;
  for (const auto& s : cohort.submissions) ids.push_back(s.id);
  CHECK(ids == std::vector<std::string>{"fork1/perez_ana", "fork1/perez_ana", "fork2/gil_luis"});

  DiscoveryOptions module;
  module.module = "streaming_cloud";
  cohort = discover_cohort(root.path(), module);
  REQUIRE(cohort.submissions.size() == 1);
  CHECK(cohort.submissions[0].id == "fork1/perez_ana");
  CHECK(paths(cohort.submissions[0]) == std::vector<std::string>{"PROMPTS.md"});
}

TEST_CASE("corpus: generated, cached and vendored material is skipped with a reason") {
  TempFolder root;
  root.write("s/.git/config", "x");
  root.write("s/node_modules/lib/index.js", "x");
  root.write("s/venv/lib/site.py", "x");
  root.write("s/__pycache__/a.pyc", "x");
  root.write("s/.terraform/providers/x", "x");
  root.write("s/salida/_SUCCESS", "");
  root.write("s/salida/part-00000-abc.gz", "x");
  root.write("s/salida/.part-00000.crc", "x");
  root.write("s/.DS_Store", "x");
  root.write("s/informe.pdf", "x");
  root.write("s/main.py", "x = 1");
  const auto s = discover_submission(root.path() / "s", "s", DiscoveryOptions{});
  CHECK(paths(s) == std::vector<std::string>{"main.py"});
  CHECK(find_skip(s, ".git/")->reason == "version-control folder");
  CHECK(find_skip(s, "node_modules/")->reason == "dependency folder");
  CHECK(find_skip(s, "venv/")->reason == "virtual environment");
  CHECK(find_skip(s, "__pycache__/")->reason == "cache folder");
  CHECK(find_skip(s, ".terraform/") != nullptr);
  CHECK(find_skip(s, "salida/_SUCCESS")->reason == "Spark output");
  CHECK(find_skip(s, "salida/part-00000-abc.gz")->reason == "Spark output");
  CHECK(find_skip(s, ".DS_Store")->reason == "OS metadata");
  CHECK(find_skip(s, "informe.pdf")->reason == "not a format huella compares");
  CHECK_FALSE(find_skip(s, "informe.pdf")->problem);
}

TEST_CASE("corpus: text files over the size limit are skipped as a problem") {
  TempFolder root;
  root.write("s/grande.py", std::string(5000, '#'));
  DiscoveryOptions options;
  options.max_file_bytes = 1000;
  const auto s = discover_submission(root.path() / "s", "s", options);
  CHECK(s.files.empty());
  const auto* skip = find_skip(s, "grande.py");
  REQUIRE(skip != nullptr);
  CHECK(skip->problem);
  CHECK(skip->reason == "too large: 5000 bytes (limit 1000)");
}

TEST_CASE("corpus: symbolic links are never followed out of the submission") {
  TempFolder root;
  root.write("s/main.py", "x = 1");
  root.write("outside/secret.py", "password = 1");
  std::filesystem::create_symlink(root.path() / "outside/secret.py", root.path() / "s/link.py");
  std::filesystem::create_directory_symlink("/etc", root.path() / "s/etc");
  std::filesystem::create_directory_symlink(root.path() / "s", root.path() / "s/loop");
  std::filesystem::create_symlink(root.path() / "s/main.py", root.path() / "s/inside.py");
  const auto s = discover_submission(root.path() / "s", "s", DiscoveryOptions{});
  CHECK(paths(s) == std::vector<std::string>{"main.py"});
  CHECK(find_skip(s, "link.py")->problem);
  CHECK(find_skip(s, "etc")->reason == "symbolic link pointing outside the submission (not followed)");
  CHECK_FALSE(find_skip(s, "loop")->problem);  // inside: its target is read directly
  CHECK_FALSE(find_skip(s, "inside.py")->problem);
}

TEST_CASE("corpus: .huellaignore at the cohort root uses gitignore patterns") {
  TempFolder root;
  root.write(".huellaignore", "# plantillas del profesor\n_plantilla/\n*.log\n**/capturas/*.png\n!keep.log\n");
  root.write("_plantilla/PROMPTS.md", "x");
  root.write("ana/run.log", "x");
  root.write("ana/keep.log", "x");
  root.write("ana/kafka/capturas/ui.png", "x");
  root.write("ana/kafka/productor.py", "x");
  const auto cohort = discover_cohort(root.path(), DiscoveryOptions{});
  REQUIRE(cohort.submissions.size() == 1);
  CHECK(cohort.submissions[0].id == "ana");
  CHECK(paths(cohort.submissions[0]) == std::vector<std::string>{"kafka/productor.py"});
}

TEST_CASE("corpus: glob patterns") {
  CHECK(glob_match("*.py", "a.py"));
  CHECK_FALSE(glob_match("*.py", "dir/a.py"));
  CHECK(glob_match("**/a.py", "x/y/a.py"));
  CHECK(glob_match("**/a.py", "a.py"));
  CHECK(glob_match("src/**", "src/x/y"));
  CHECK(glob_match("a?c", "abc"));
  CHECK_FALSE(glob_match("a?c", "a/c"));
  CHECK(glob_match("x/**/z", "x/z"));
  CHECK(glob_match("x/**/z", "x/a/b/z"));
}

TEST_CASE("corpus: a missing cohort folder is a one-line error naming it") {
  CHECK_THROWS_WITH(discover_cohort("/nonexistent/cohort", DiscoveryOptions{}),
                    "/nonexistent/cohort: not a readable folder");
}
