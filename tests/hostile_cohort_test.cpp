// A cohort built to break huella, generated at test time beside four honest submissions: the run
// completes, each problem is reported once with its file and reason, the honest submissions'
// results equal those of a run without the hostile files, and memory stays bounded.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "child_process.h"
#include "temp_folder.h"

namespace fs = std::filesystem;
using huella::test::run_huella_child;
using huella::test::TempFolder;

namespace {

const fs::path kCohort = fs::path(HUELLA_SOURCE_DIR) / "fixtures" / "cohort";
const std::vector<std::string> kHonest = {"alvarez_lucia", "king_lorena", "molina_teo", "ruiz_alba"};
const std::string kFiles = "hostil_archivos", kMany = "hostil_muchos";
const std::string kOddName = "hostil \"comillas\" <script>alert('x')";

// Peak resident memory allowed to the child. A Release run of this cohort peaked at 145 MiB
// (measured); the bound leaves room for other machines and for AddressSanitizer's shadow memory.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kMaxPeakKiB = 2048L * 1024;
#else
constexpr long kMaxPeakKiB = 768L * 1024;
#endif

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

nlohmann::json read_json(const fs::path& path) { return nlohmann::json::parse(file_bytes(path)); }

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::string utf16le(std::string_view ascii) {
  std::string out;
  for (const char c : ascii) out += {c, '\0'};
  return out;
}

// Every hostile file but the 100,000 small ones, in `root`; returns the problems they must cause,
// as the end of the stderr line each must give (the line starts with the file's path).
std::vector<std::string> write_hostile_files(const TempFolder& cohort, const fs::path& root) {
  const auto at = [&](const std::string& relative) { return (root / relative).lexically_relative(cohort.path()).string(); };
  const auto write = [&](const std::string& relative, const std::string& bytes) {
    cohort.write(root.lexically_relative(cohort.path()).string() + "/" + relative, bytes);
  };
  std::vector<std::string> problems;
  write("invalido.py", "zqa = 'caf\xe9 \xff\xfe'\n");
  problems.push_back(at("invalido.py") + ": invalid UTF-8, 3 bytes replaced");
  write("utf16_bom.md", "\xFF\xFE" + utf16le("# zqb\r\nzqc zqd\r\n"));
  write("utf16_sin_bom.md", utf16le("# zqe\r\nzqf zqg\r\n"));
  // Readable files hold fewer than 6 tokens or words of their own ("zq..."), so they share no
  // n-gram with the honest submissions and leave every document frequency as it was.
  write("crlf.py", "zqh\r\nzqi\r\n");
  write("cr_solo.py", "zqj\rzqk\r");
  write("vacio.py", "");
  {  // 200 MB without using 200 MB of disk: a sparse file
    std::ofstream(root / "enorme.py");
    fs::resize_file(root / "enorme.py", 200'000'000);
  }
  problems.push_back(at("enorme.py") + ": too large: 200000000 bytes (limit 2097152)");
  write("binario.py", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20));
  problems.push_back(at("binario.py") + ": binary content (NUL bytes) behind a text file name");
  write("bomba.png", std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(100'000) +
                         be32(100'000) + std::string("\x08\x02\0\0\0", 5) + be32(0) + be32(0) +
                         "IEND" + be32(0xAE426082));
  problems.push_back(at("bomba.png") + ": too large: 100000×100000 pixels (limit 50.0 megapixels)");
  const auto jpeg = file_bytes(kCohort / "ruiz_alba/localstack/capturas/bucket_s3.jpg");
  write("truncada.jpg", jpeg.substr(0, jpeg.size() / 2));
  problems.push_back(at("truncada.jpg") + ": truncated JPEG: no end-of-image marker");
  // A GIF bomb: a 65535×65535 logical screen over a one-pixel frame.
  write("bomba.gif", std::string("GIF89a\xff\xff\xff\xff\x80\0\0\xff\xff\xff\0\0\0"
                                 ",\0\0\0\0\x01\0\x01\0\0\x02\x02\x44\x01\0;",
                                 35));
  problems.push_back(at("bomba.gif") + ": too large: 65535×65535 pixels (limit 50.0 megapixels)");
  std::string deep;
  for (int i = 0; i < 500; ++i) deep += "d/";
  write(deep + "fondo.py", "zql = 1\n");
  write("linea\nnueva.py", std::string("\0\x01", 2));
  problems.push_back(at("linea\\nnueva.py") + ": binary content (NUL bytes) behind a text file name");
  write("comillas \"'.md", "zqm \"zqn\" 'zqo'\n");
  write("<script>alert(1).html", "<p>zqp</p>\n");
  fs::create_symlink("bucle_b", root / "bucle_a");
  fs::create_symlink("bucle_a", root / "bucle_b");
  problems.push_back(at("bucle_a") + ": symbolic link that cannot be resolved (a loop?): not followed");
  problems.push_back(at("bucle_b") + ": symbolic link that cannot be resolved (a loop?): not followed");
  fs::create_directory_symlink("/etc", root / "etc");
  fs::create_symlink("/etc/passwd", root / "passwd.txt");
  for (const auto* link : {"etc", "passwd.txt"})
    problems.push_back(at(link) + ": symbolic link pointing outside the submission (not followed)");
  REQUIRE(::mkfifo((root / "tuberia.py").c_str(), 0600) == 0);  // opening it would block forever
  problems.push_back(at("tuberia.py") + ": not a regular file");
  fs::create_directories(root / "carpeta.py");  // a folder with a code file's name is a folder
  write("carpeta.py/dentro.py", "zqq = 2\n");
  if (::geteuid() != 0) {  // root reads a mode-000 file anyway: there is nothing to test then
    write("secreto.py", "zqr = 3\n");
    fs::permissions(root / "secreto.py", fs::perms::none);
    problems.push_back(at("secreto.py") + ": cannot open for reading");
  }
  write("cuaderno.ipynb", R"({"cells": [{"cell_type": "code", "source": ["import os\n")");
  problems.push_back(at("cuaderno.ipynb") + ": broken notebook: not valid JSON");
  write("sin_fin.tf", "resource \"zq_tipo\" \"zqb\" {\n  zqp = <<EOT\n{\"zqs\": 1}\n");
  std::string line = "<html><body><p>";
  while (line.size() < (1u << 20)) line += "zqt zqu zqv ";
  write("una_linea.html", line + "</p></body></html>");
  std::string many_tokens;  // short lines: a minified file would be left out as generated
  while (many_tokens.size() < (1u << 20)) many_tokens += "a+b+c+d+e+f+g+h+i+j+k+l+m+n+o+p+q+r+s+t\n";
  write("muchos_tokens.js", many_tokens);
  problems.push_back(at("muchos_tokens.js") + ": too many tokens (limit 500000)");
  return problems;
}

// `n` in base 26 with letters: a word of its own that no honest text holds (digits would be
// words that honest texts hold).
std::string letters(int n) {
  std::string out;
  do {
    out += static_cast<char>('a' + n % 26);
    n /= 26;
  } while (n > 0);
  return out;
}

// The honest submissions and, with `hostile`, the hostile files. Both runs give every hostile
// submission the same harmless file of each text channel first in path order, so that the number
// of submissions with features in a channel, which TF-IDF weights depend on, is the same.
void write_cohort(const TempFolder& cohort, bool hostile) {
  for (const auto& id : kHonest) fs::copy(kCohort / id, cohort.path() / id, fs::copy_options::recursive);
  for (const auto& id : {kFiles, kMany, kOddName}) {
    cohort.write(id + "/0.py", "zqa = zqb('zqc', 'zqd')\nprint(zqa, 'zqe')\n");
    cohort.write(id + "/0.md", "# zqf\nzqg zqh zqi zqj zqk\n");
    cohort.write(id + "/0.yml", "zql:\n  zqm: 'zqn'\n  zqo: [zqp, zqq]\n");
    cohort.write(id + "/0.tf", "resource \"zqr\" \"zqs\" {\n  zqt = \"zqu\"\n  zqv = [\"zqw\"]\n}\n");
  }
  if (!hostile) return;
  for (int i = 0; i < 100'000; ++i)
    std::ofstream(cohort.path() / kMany / ("f" + std::to_string(i) + ".txt")) << "zqw" << letters(i) << "\n";
  cohort.write(kOddName + "/notas\n<b>.md", "zqx\n");
}

nlohmann::json pairs_between_honest(const nlohmann::json& report) {
  nlohmann::json out = nlohmann::json::array();
  const auto honest = [](const nlohmann::json& id) {
    return std::find(kHonest.begin(), kHonest.end(), id.get<std::string>()) != kHonest.end();
  };
  for (const auto& pair : report["pairs"])
    if (honest(pair["a"]) && honest(pair["b"])) out.push_back(pair);
  return out;
}

nlohmann::json submission(const nlohmann::json& report, const std::string& id) {
  for (const auto& s : report["submissions"])
    if (s["id"] == id) return s;
  FAIL("no submission " << id);
  return {};
}

}  // namespace

nlohmann::json without_path(nlohmann::json submission) {
  submission.erase("path");  // where the cohort was written, which differs between the two runs
  return submission;
}

// One test, not subcases: the cohort and both runs cost seconds, and doctest reruns the whole case
// for each subcase.
TEST_CASE("hostile cohort: completes, reports each problem once, changes nothing else") {
  TempFolder clean, hostile, outputs;
  write_cohort(clean, false);
  write_cohort(hostile, true);
  const auto expected = write_hostile_files(hostile, hostile.path() / kFiles);

  const auto clean_run = run_huella_child({"report", clean.path().string(), "--json",
                                     (outputs.path() / "clean.json").string()},
                                    outputs.path() / "clean.err");
  const auto hostile_run = run_huella_child({"report", hostile.path().string(), "--json",
                                       (outputs.path() / "hostile.json").string()},
                                      outputs.path() / "hostile.err");
  REQUIRE(clean_run.exit_code == 0);
  REQUIRE(hostile_run.exit_code == 0);
  CHECK(clean_run.errors.empty());

  // Each problem is one line, path and reason, given once; nothing else is reported.
  std::map<std::string, int> seen;
  for (const auto& line : hostile_run.errors) ++seen[line];
  for (const auto& problem : expected) {
    INFO(problem);
    CHECK(seen[(hostile.path() / problem).string()] == 1);
  }
  CHECK(seen[(hostile.path() / kMany).string() +
             "/./: more than 10000 files (limit): the files after the first ones in path order "
             "are not read"] == 1);
  CHECK(hostile_run.errors.size() == expected.size() + 1);

  // The honest submissions' results equal those of a run without the hostile files.
  const auto with = read_json(outputs.path() / "hostile.json");
  const auto without = read_json(outputs.path() / "clean.json");
  CHECK(pairs_between_honest(with) == pairs_between_honest(without));
  CHECK(pairs_between_honest(with).size() >= 2);
  for (const auto& id : kHonest)
    CHECK(without_path(submission(with, id)) == without_path(submission(without, id)));

  // Readable hostile files are read, whatever their encoding, line breaks, depth or names.
  const auto hostile_files = submission(with, kFiles);
  std::map<std::string, std::uint32_t> tokens;
  for (const auto& f : hostile_files["files"])
    tokens[f["path"].get<std::string>()] = f["tokens"].get<std::uint32_t>();
  std::string deep;
  for (int i = 0; i < 500; ++i) deep += "d/";
  for (const auto& path : {"utf16_bom.md", "utf16_sin_bom.md", "crlf.py", "cr_solo.py", "vacio.py",
                           "comillas \"'.md", "<script>alert(1).html", "sin_fin.tf",
                           "una_linea.html", "carpeta.py/dentro.py"}) {
    INFO(path);
    CHECK(tokens.contains(path));
  }
  CHECK(tokens[deep + "fondo.py"] > 0);
  CHECK(tokens["utf16_sin_bom.md"] == tokens["utf16_bom.md"]);
  CHECK(tokens["utf16_bom.md"] > 0);
  CHECK(tokens["vacio.py"] == 0);
  CHECK(submission(with, kMany)["files"].size() == 10'000);  // the four first, then f0.txt...
  CHECK(submission(with, kOddName)["files"][4]["path"] == "notas\n<b>.md");

  // Memory stays bounded.
  MESSAGE("peak resident memory of the hostile run: " << hostile_run.peak_kib / 1024 << " MiB");
  CHECK(hostile_run.peak_kib < kMaxPeakKiB);
}
