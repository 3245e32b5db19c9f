// The command line as scripts use it: exit codes, outputs, determinism.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "huella_process.h"
#include "temp_folder.h"

using huella::test::file_content;
using huella::test::run_huella;
using huella::test::TempFolder;

namespace {

const std::string kProducer =
    "from kafka import KafkaProducer\n"
    "import json, time, requests\n"
    "URL = 'https://earthquake.usgs.gov/earthquakes/feed/v1.0/summary/all_hour.geojson'\n"
    "def enviar(productor, sismos):\n"
    "    for s in sismos['features']:\n"
    "        props = s['properties']\n"
    "        if props['mag'] is not None and props['mag'] >= 4.5:\n"
    "            productor.send('sismos', {'id': s['id'], 'mag': props['mag'], 'lugar': props['place']})\n"
    "    productor.flush()\n"
    "def main():\n"
    "    productor = KafkaProducer(bootstrap_servers='localhost:9092',\n"
    "                              value_serializer=lambda v: json.dumps(v).encode('utf-8'))\n"
    "    while True:\n"
    "        datos = requests.get(URL, timeout=10).json()\n"
    "        enviar(productor, datos)\n"
    "        time.sleep(60)\n"
    "if __name__ == '__main__':\n"
    "    main()\n";

// The same program with every name changed and comments added.
const std::string kRenamedProducer =
    "from kafka import KafkaProducer\n"
    "import json, time, requests\n"
    "# fuente de datos\n"
    "FEED = 'https://earthquake.usgs.gov/earthquakes/feed/v1.0/summary/all_hour.geojson'\n"
    "def publish(producer, quakes):\n"
    "    for q in quakes['features']:\n"
    "        p = q['properties']\n"
    "        if p['mag'] is not None and p['mag'] >= 4.5:\n"
    "            producer.send('sismos', {'id': q['id'], 'mag': p['mag'], 'lugar': p['place']})\n"
    "    producer.flush()\n"
    "def run():\n"
    "    producer = KafkaProducer(bootstrap_servers='localhost:9092', value_serializer=lambda x: json.dumps(x).encode('utf-8'))\n"
    "    while True:\n"
    "        payload = requests.get(FEED, timeout=10).json()  # descarga\n"
    "        publish(producer, payload)\n"
    "        time.sleep(60)\n"
    "if __name__ == '__main__':\n"
    "    run()\n";

}  // namespace

TEST_CASE("cli: no arguments and unknown options are usage errors (exit 2)") {
  CHECK(run_huella("").exit_code == 2);
  CHECK(run_huella("report").exit_code == 2);
  CHECK(run_huella("report . --no-such-option").exit_code == 2);
  CHECK(run_huella("--help").exit_code == 0);
}

TEST_CASE("cli: an unreadable cohort folder exits 2") {
  CHECK(run_huella("report /nonexistent/cohort").exit_code == 2);
}

TEST_CASE("cli: an output that cannot be written fails before the work") {
  TempFolder cohort;
  cohort.write("ana/a.py", kProducer);
  CHECK(run_huella("report " + cohort.path().string() + " --json /nonexistent/dir/out.json").exit_code == 2);
}

TEST_CASE("cli: --html writes one self-contained page, and an unwritable --html fails before the work") {
  TempFolder cohort;
  cohort.write("ana/kafka/productor.py", kProducer);
  cohort.write("luis/kafka/productor.py", kRenamedProducer);
  const auto html = cohort.path() / "informe.html";
  CHECK(run_huella("report " + cohort.path().string() + " --html " + html.string()).exit_code == 0);
  const std::string page = file_content(html);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(page.find("Content-Security-Policy") != std::string::npos);
  CHECK(page.find("\"a\":\"ana\"") != std::string::npos);
  CHECK(run_huella("compare " + (cohort.path() / "ana").string() + " " + (cohort.path() / "luis").string() +
                   " --html " + html.string() + " --lang en").exit_code == 0);
  CHECK(file_content(html).find("<html lang=\"en\">") != std::string::npos);
  CHECK(run_huella("report " + cohort.path().string() + " --html /nonexistent/dir/out.html").exit_code == 2);
}

TEST_CASE("cli: compare two files shows the score and fragments with line numbers") {
  TempFolder files;
  const auto a = files.write("ana/productor.py", kProducer);
  const auto b = files.write("luis/productor.py", kRenamedProducer);
  const auto run = run_huella("compare " + a.string() + " " + b.string() + " --lang en");
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("similarity") != std::string::npos);
  CHECK(run.out.find("Fragment 1 (code") != std::string::npos);
  CHECK(run.out.find("productor.send('sismos'") != std::string::npos);
  CHECK(run.out.find("producer.send('sismos'") != std::string::npos);
}

TEST_CASE("cli: --fail-above exits 1 when a pair crosses it, 0 otherwise") {
  TempFolder cohort;
  cohort.write("ana/kafka/productor.py", kProducer);
  cohort.write("luis/kafka/productor.py", kRenamedProducer);
  const std::string base = "report " + cohort.path().string();
  CHECK(run_huella(base + " --fail-above 0.5").exit_code == 1);
  CHECK(run_huella(base + " --fail-above 1").exit_code == 0);
}

TEST_CASE("cli: --fail-on exits 1 when a pair reaches the band, --bands moves the bands") {
  TempFolder cohort;
  cohort.write("ana/kafka/productor.py", kProducer);
  cohort.write("luis/kafka/productor.py", kRenamedProducer);
  const std::string base = "report " + cohort.path().string();
  CHECK(run_huella(base + " --fail-on copia").exit_code == 1);
  CHECK(run_huella(base + " --bands 0.25,0.5,0.8").exit_code == 0);
  CHECK(run_huella(base + " --bands 0.5,0.3,0.8").exit_code == 2);
  CHECK(run_huella(base + " --fail-on sospechoso").exit_code == 2);
  TempFolder honest;
  honest.write("ana/kafka/productor.py", kProducer);
  honest.write("marta/main.tf", "resource \"aws_s3_bucket\" \"datos\" { bucket = \"x\" }\n");
  CHECK(run_huella("report " + honest.path().string() + " --fail-on similar_parcial").exit_code == 0);
}

TEST_CASE("cli: names and reasons that are not UTF-8 reach the JSON replaced, never crash it") {
  TempFolder cohort;
  cohort.write("ana/kafka/productor.py", kProducer);
  cohort.write("ana/kafka/copia\xff\xfe.py", kProducer);
  cohort.write("luis/kafka/productor.py", kRenamedProducer);
  cohort.write("luis/capturas/rota.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\x0d\xff\xfe\xfd\xfc", 16));
  TempFolder out;
  const auto json_path = out.path() / "out.json";
  REQUIRE(run_huella("report " + cohort.path().string() + " --json " + json_path.string()).exit_code == 0);
  const auto json = nlohmann::json::parse(file_content(json_path));
  CHECK(json["pairs"].size() >= 1);
  CHECK(json.dump().find("copia\xef\xbf\xbd") != std::string::npos);  // U+FFFD in the name
}

TEST_CASE("cli: the JSON follows the contract and is byte-identical across runs") {
  TempFolder cohort;
  cohort.write("ana/kafka/productor.py", kProducer);
  cohort.write("ana/PROMPTS.md", "# PROMPTS\nMi prompt: como conecto kafka con python\n");
  cohort.write("luis/kafka/productor.py", kRenamedProducer);
  cohort.write("luis/notas.pdf", "%PDF");
  cohort.write("marta/main.tf", "resource \"aws_s3_bucket\" \"datos\" { bucket = \"x\" }\n");
  TempFolder out;
  const auto first = out.path() / "a.json";
  const auto second = out.path() / "b.json";
  REQUIRE(run_huella("report " + cohort.path().string() + " --json " + first.string()).exit_code == 0);
  REQUIRE(run_huella("report " + cohort.path().string() + " --json " + second.string()).exit_code == 0);
  CHECK(file_content(first) == file_content(second));

  const auto json = nlohmann::json::parse(file_content(first));
  CHECK(json["schema"] == 2);
  CHECK(json["tool"] == "huella");
  CHECK(json.contains("version"));
  CHECK(json["params"].contains("k"));
  CHECK(json["params"].contains("window"));
  REQUIRE(json["submissions"].size() == 3);
  const auto& ana = json["submissions"][0];
  CHECK(ana["id"] == "ana");
  CHECK(ana["files"][0]["path"] == "PROMPTS.md");
  CHECK(ana["files"][0]["channel"] == "prose");
  CHECK(ana["files"][1]["language"] == "python");
  CHECK(ana["files"][1]["tokens"].get<int>() > 50);
  CHECK(json["submissions"][1]["skipped"][0]["path"] == "notas.pdf");
  REQUIRE(json["pairs"].size() == 1);
  const auto& pair = json["pairs"][0];
  CHECK(pair["a"] == "ana");
  CHECK(pair["b"] == "luis");
  for (const char* field : {"similarity", "coverage_a", "coverage_b"}) {
    CHECK(pair[field].get<double>() > 0);
    CHECK(pair[field].get<double>() <= 1);
  }
  CHECK(pair["channels"]["code"]["similarity"].get<double>() > 0.5);
  CHECK(pair["score"].get<double>() >= pair["similarity"].get<double>());
  CHECK(pair["verdict"] == "copia");  // the producer is all they hand in, copied whole
  REQUIRE(pair["reasons"].size() >= 2);
  CHECK(pair["reasons"][1]["kind"] == "fingerprints");
  CHECK(pair["reasons"][1]["channel"] == "code");
  CHECK(pair["reasons"][1]["text"].get<std::string>().find("código: ") == 0);
  CHECK(json["summary"]["bands"]["copia"] == 1);
  REQUIRE(json["clusters"].size() == 1);
  CHECK(json["clusters"][0]["members"] == nlohmann::json::array({"ana", "luis"}));
  CHECK(pair["longest_fragment"].get<int>() > 20);
  const auto& fragment = pair["fragments"][0];
  CHECK(fragment["channel"] == "code");
  CHECK(fragment["a_file"] == "kafka/productor.py");
  CHECK(fragment["a_lines"].size() == 2);
  CHECK(fragment["b_lines"][0].get<int>() >= 1);
  CHECK(json["errors"].is_array());
}

TEST_CASE("cli: --min-similarity leaves out the pairs below it") {
  TempFolder cohort;
  cohort.write("ana/kafka/productor.py", kProducer);
  cohort.write("luis/kafka/productor.py", kRenamedProducer);
  cohort.write("luis/kafka/consumidor.py",
               "import sys\nclass Lector:\n    def __init__(self, n):\n        self.n = n\n"
               "    def leer(self):\n        return [x * 2 for x in range(self.n) if x % 3]\n");
  const auto run = run_huella("report " + cohort.path().string() + " --min-similarity 0.99 --json -");
  REQUIRE(run.exit_code == 0);
  CHECK(nlohmann::json::parse(run.out)["pairs"].empty());
}

TEST_CASE("cli: a device as output is written in place, never replaced by a file") {
  TempFolder cohort;
  cohort.write("ana/a.py", kProducer);
  REQUIRE(run_huella("report " + cohort.path().string() + " --json /dev/null").exit_code == 0);
  CHECK(std::filesystem::is_character_file("/dev/null"));
}

TEST_CASE("cli: --all-pairs lists the pairs under the noise floor too") {
  const std::string cohort = std::string(HUELLA_SOURCE_DIR) + "/fixtures/cohort";
  const auto listed = [&](const std::string& extra) {
    const auto run = run_huella("report " + cohort + " --json -" + extra);
    REQUIRE(run.exit_code == 0);
    return nlohmann::json::parse(run.out);
  };
  const auto floored = listed("");
  const auto all = listed(" --all-pairs");
  CHECK(all["pairs"].size() > 2 * floored["pairs"].size());
  CHECK(all["params"]["floor"]["overall"] == 0);
  const auto chance_overlap = [](const nlohmann::json& report) {
    std::size_t n = 0;
    for (const auto& p : report["pairs"]) {
      const double s = p["similarity"].get<double>();
      n += s > 0 && s < 0.05;
    }
    return n;
  };
  CHECK(chance_overlap(all) > chance_overlap(floored) + 100);
}

TEST_CASE("cli: the CSV has one row per pair and every channel's figures") {
  TempFolder cohort;
  cohort.write("ana/kafka/productor.py", kProducer);
  cohort.write("luis/kafka/productor.py", kRenamedProducer);
  const auto run = run_huella("report " + cohort.path().string() + " --csv -");
  REQUIRE(run.exit_code == 0);
  std::istringstream lines(run.out);
  std::string header, row, extra;
  std::getline(lines, header);
  std::getline(lines, row);
  CHECK_FALSE(std::getline(lines, extra));
  CHECK(header.find("code_similarity,code_coverage_a,code_coverage_b,code_cosine,code_literals") !=
        std::string::npos);
  CHECK(row.rfind("\"ana\",\"luis\",", 0) == 0);
  CHECK(std::count(header.begin(), header.end(), ',') == std::count(row.begin(), row.end(), ','));
}

TEST_CASE("cli: --reference and --archive give the references and watermarks sections") {
  const std::string source = HUELLA_SOURCE_DIR;
  TempFolder out;
  const auto json_path = out.path() / "r.json";
  const auto arguments = "report " + source + "/fixtures/references_cohort --reference " + source +
                         "/reference_dashboards --archive " + source +
                         "/fixtures/archive/curso_2025 --lang en --json ";
  const auto terminal = run_huella(arguments + json_path.string());
  REQUIRE(terminal.exit_code == 0);
  CHECK(terminal.out.find("entrega_profesor: reference reference_dashboards/dashboard_iss") !=
        std::string::npos);
  CHECK(terminal.out.find("pega_marca/README.md:7: watermark zero_width") != std::string::npos);
  CHECK(terminal.out.find("handed in unchanged") != std::string::npos);
  const auto first = file_content(json_path);
  REQUIRE(run_huella(arguments + json_path.string()).exit_code == 0);
  CHECK(file_content(json_path) == first);

  const auto json = nlohmann::json::parse(first);
  CHECK(json["params"]["references"].size() == 1);
  CHECK(json["params"]["archives"].size() == 1);
  REQUIRE_FALSE(json["references"].empty());
  const auto& reference = json["references"][0];
  for (const char* field : {"submission", "reference", "similarity", "coverage", "channels", "files",
                            "fragments", "image_matches", "verdict"})
    CHECK(reference.contains(field));
  for (const char* field : {"file", "reference_file", "similarity", "coverage"})
    CHECK(reference["files"][0].contains(field));
  REQUIRE_FALSE(json["watermarks"].empty());
  for (const char* field : {"submission", "file", "line", "kind", "payload", "source", "date", "intact"})
    CHECK(json["watermarks"][0].contains(field));
  for (const auto& s : json["submissions"])
    if (s["id"].get<std::string>().starts_with("curso_2025/")) CHECK(s["archive"] == "curso_2025");
}

TEST_CASE("cli: every limit is a flag, echoed in the JSON params") {
  TempFolder cohort;
  cohort.write("ana/a.py", kProducer);
  cohort.write("ana/b.py", kRenamedProducer);
  cohort.write("luis/a.py", kProducer);
  const auto run = run_huella("report " + cohort.path().string() +
                              " --json - --max-file-size 9000 --max-file-tokens 100000"
                              " --max-file-seconds 2.5 --max-files 1 --max-image-pixels 1000"
                              " --max-image-size 5000");
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  const auto& params = json["params"];
  CHECK(params["max_file_bytes"] == 9000);
  CHECK(params["max_file_tokens"] == 100000);
  CHECK(params["max_file_seconds"] == 2.5);
  CHECK(params["max_files"] == 1);
  CHECK(params["images"]["max_pixels"] == 1000);
  CHECK(params["images"]["max_bytes"] == 5000);
  CHECK(json["submissions"][0]["files"].size() == 1);  // --max-files 1: ana's b.py is not read
  const auto defaults = nlohmann::json::parse(run_huella("report " + cohort.path().string() + " --json -").out);
  CHECK(defaults["params"]["max_file_tokens"] == 500000);
  CHECK(defaults["params"]["max_file_seconds"] == 10);
  CHECK(defaults["params"]["max_files"] == 10000);
}

TEST_CASE("cli: --stats times every stage and the index on stderr, and leaves the JSON as it was") {
  TempFolder cohort;
  cohort.write("ana/kafka/productor.py", kProducer);
  cohort.write("luis/kafka/productor.py", kRenamedProducer);
  TempFolder outputs;
  const std::string folder = cohort.path().string(), out = outputs.path().string();
  const auto with_stats = run_huella("report " + folder + " --json " + out + "/a.json --stats", true);
  CHECK(with_stats.exit_code == 0);
  for (const char* stage : {"discover", "files: read, lex", "index", "pairs: shared fingerprints",
                            "pairs: TF-IDF cosines", "pairs: fragments", "outputs", "total"})
    CHECK(with_stats.out.find(std::string("  ") + stage) != std::string::npos);
  CHECK(with_stats.out.find("16.0 bytes each while building") != std::string::npos);
  CHECK(run_huella("report " + folder + " --json " + out + "/b.json").exit_code == 0);
  CHECK(file_content(outputs.path() / "a.json") == file_content(outputs.path() / "b.json"));
}
