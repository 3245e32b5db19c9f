// End to end on fixtures/references_cohort against reference_dashboards/, and on fixtures/cohort
// with the archive fixtures/archive/curso_2025: each student of the references cohort stands for
// one way of using the professor's material.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "huella/pipeline.h"
#include "temp_folder.h"

using namespace huella;

namespace {

const std::filesystem::path kSource = HUELLA_SOURCE_DIR;
const std::filesystem::path kFixtures = kSource / "fixtures";
const std::string kIss = "reference_dashboards/dashboard_iss";
const std::string kSismos = "reference_dashboards/dashboard_sismos";

CohortResult run(const std::string& cohort, PipelineOptions options) {
  options.base = {kFixtures / "base"};
  options.references = {kSource / "reference_dashboards"};
  return analyze(discover_cohort(kFixtures / cohort, DiscoveryOptions{}).submissions, options);
}

const CohortResult& references_result() {
  static const CohortResult result = run("references_cohort", {});
  return result;
}

std::uint32_t index_of(const CohortResult& r, const std::string& id) {
  const auto it = std::find_if(r.submissions.begin(), r.submissions.end(),
                               [&](const auto& s) { return s.id == id; });
  REQUIRE(it != r.submissions.end());
  return static_cast<std::uint32_t>(it - r.submissions.begin());
}

const ReferenceResult* reference_of(const CohortResult& r, const std::string& submission,
                                    const std::string& document) {
  for (const auto& ref : r.references)
    if (r.submissions[ref.pair.a].id == submission && r.reference_documents[ref.pair.b].id == document)
      return &ref;
  return nullptr;
}

std::vector<WatermarkFinding> marks_of(const CohortResult& r, const std::string& submission) {
  std::vector<WatermarkFinding> out;
  for (const auto& w : r.watermarks)
    if (r.submissions[w.submission].id == submission) out.push_back(w);
  return out;
}

std::vector<Finding> professor_files(const CohortResult& r, const std::string& submission) {
  std::vector<Finding> out;
  for (const auto& f : r.submissions[index_of(r, submission)].findings)
    if (f.kind == "professor_file") out.push_back(f);
  return out;
}

// The highest figure a submission reaches against any reference document, per file and overall.
double highest_against_references(const CohortResult& r, std::uint32_t submission) {
  double highest = 0;
  for (const auto& ref : r.references)
    if (ref.pair.a == submission) highest = std::max({highest, ref.highest, ref.pair.overall.similarity});
  return highest;
}

}  // namespace

TEST_CASE("references: a document is the files of one name, documents never pair with each other") {
  const auto& r = references_result();
  REQUIRE(r.reference_documents.size() == 2);
  CHECK(r.reference_documents[0].id == kIss);
  std::vector<std::string> files;
  for (const auto& f : r.reference_documents[0].files) files.push_back(f.path);
  CHECK(files == std::vector<std::string>{"dashboard_iss.html", "dashboard_iss.md", "dashboard_iss.png"});
  CHECK(r.submissions.size() == 8);
  for (const auto& p : r.pairs) CHECK(p.b < r.submissions.size());
}

TEST_CASE("references: a dashboard adapted with light edits is a copy of the reference file") {
  const auto* ref = reference_of(references_result(), "adapta_sismos", kSismos);
  REQUIRE(ref != nullptr);
  CHECK(ref->verdict == Verdict::copia);
  REQUIRE_FALSE(ref->files.empty());
  const auto& top = ref->files.front();
  CHECK(references_result().submissions[ref->pair.a].files[top.file].path == "dashboard/index.html");
  CHECK(references_result().reference_documents[ref->pair.b].files[top.reference_file].path ==
        "dashboard_sismos.html");
  CHECK(top.similarity >= 0.8);
  CHECK(ref->pair.overall.coverage_a >= 0.8);  // the submission's own README is short
  // Renamed identifiers, other colours and titles: adapted, not handed in unchanged.
  CHECK(professor_files(references_result(), "adapta_sismos").empty());
}

TEST_CASE("references: pasted watermarked text is traced to its page, damaged runs too") {
  const auto marks = marks_of(references_result(), "pega_marca");
  REQUIRE(marks.size() == 3);
  CHECK(marks[0].file == "README.md");
  CHECK(marks[0].mark.kind == WatermarkKind::zero_width);
  CHECK(marks[0].mark.line == 7);
  CHECK(marks[0].mark.intact);
  CHECK(marks[0].mark.date == "2026-02-13");
  CHECK(marks[0].source == kIss + ".md");
  CHECK(marks[1].mark.kind == WatermarkKind::zero_width);  // the selection ended inside the run
  CHECK_FALSE(marks[1].mark.intact);
  CHECK(marks[1].mark.bytes_recovered > 10);
  CHECK(marks[1].mark.bytes_recovered < marks[0].mark.bytes_recovered);
  // Its surviving bytes (course Hash ID, no date, no file tag) fit both pages of the course.
  CHECK(marks[1].source == kIss + ".md, " + kSismos + ".md");
  CHECK(marks[2].mark.kind == WatermarkKind::visible_hash_id);
  CHECK(marks[2].mark.intact);
}

TEST_CASE("references: text copied with the watermark stripped is found by comparison") {
  CHECK(marks_of(references_result(), "sin_marca").empty());
  const auto* ref = reference_of(references_result(), "sin_marca", kIss);
  REQUIRE(ref != nullptr);
  CHECK(ref->verdict == Verdict::copia);
  CHECK(ref->files.front().similarity >= 0.8);
  CHECK(ref->pair.channels[channel_index(Channel::prose)].similarity >= 0.5);
}

TEST_CASE("references: the professor's file handed in unchanged is a finding of its own") {
  const auto& r = references_result();
  const auto found = professor_files(r, "entrega_profesor");
  REQUIRE(found.size() == 1);
  CHECK(found[0].file == "panel/dashboard_iss.html");
  CHECK(found[0].source == kIss + ".html");
  CHECK(found[0].value == doctest::Approx(1.0));
  const auto marks = marks_of(r, "entrega_profesor");
  REQUIRE(marks.size() == 2);
  CHECK(marks[0].mark.kind == WatermarkKind::html_comment);
  CHECK(marks[0].mark.intact);
  CHECK(marks[0].source == kIss + ".html");
  CHECK(marks[1].mark.kind == WatermarkKind::html_meta);
}

TEST_CASE("references: the professor's screenshot handed in as one's own, resized as JPEG") {
  const auto& r = references_result();
  const auto* ref = reference_of(r, "captura_prestada", kIss);
  REQUIRE(ref != nullptr);
  REQUIRE(ref->pair.image_matches.size() == 1);
  CHECK(r.reference_documents[ref->pair.b].files[ref->pair.image_matches[0].b_file].path ==
        "dashboard_iss.png");
  CHECK(ref->pair.channels[channel_index(Channel::images)].coverage_a == doctest::Approx(1.0));
  CHECK(ref->verdict == Verdict::copia);
  CHECK(professor_files(r, "captura_prestada").empty());  // an image is compared, not read as text
}

TEST_CASE("references: two Plotly exports do not match on the generated boilerplate") {
  const auto& r = references_result();
  const auto uno = index_of(r, "plotly_uno"), dos = index_of(r, "plotly_dos");
  for (const auto& p : r.pairs) CHECK_FALSE(((p.a == uno && p.b == dos) || (p.a == dos && p.b == uno)));
  for (const auto s : {uno, dos}) {
    const auto& files = r.submissions[s].files;
    const auto html = std::find_if(files.begin(), files.end(),
                                   [](const auto& f) { return f.path.ends_with(".html"); });
    REQUIRE(html != files.end());
    REQUIRE(html->generated.size() == 1);
    CHECK(html->generated[0].reason == "Plotly export");
    CHECK(html->tokens == 0);
  }
}

TEST_CASE("references: honest dashboards stay under 0.25 against the references") {
  PipelineOptions every_pair;
  every_pair.floor = {0, 0, 0};
  every_pair.cosine_listing = {every_pair.cosine.min_cosine, 0};
  const auto honest = run("references_cohort", every_pair);
  CHECK(highest_against_references(honest, index_of(honest, "propio_rafael")) < 0.25);
  const auto cohort = run("cohort", every_pair);
  CHECK_FALSE(cohort.references.empty());
  for (std::uint32_t s = 0; s < cohort.submissions.size(); ++s) {
    INFO(cohort.submissions[s].id);
    CHECK(highest_against_references(cohort, s) < 0.25);
  }
  CHECK(cohort.watermarks.empty());
}

TEST_CASE("archive: a reused submission pairs with the archive named, archives never pair") {
  PipelineOptions options;
  options.archives = {kFixtures / "archive" / "curso_2025"};
  const auto r = run("cohort", options);
  const auto reused = std::find_if(r.pairs.begin(), r.pairs.end(), [&](const PairResult& p) {
    return r.submissions[p.a].id == "acosta_rene" && r.submissions[p.b].id == "curso_2025/prieto_ramon";
  });
  REQUIRE(reused != r.pairs.end());
  CHECK(r.submissions[reused->b].archive == "curso_2025");
  CHECK(reused->overall.similarity >= 0.9);
  for (const auto& p : r.pairs) CHECK(r.submissions[p.a].archive.empty());  // hidalgo ~ iglesias
}

TEST_CASE("base: a starter file handed in byte for byte is the professor's file, an edited one is not") {
  std::ifstream in(kFixtures / "base" / "kafka" / "productor_inicial.py", std::ios::binary);
  std::stringstream starter;
  starter << in.rdbuf();
  test::TempFolder cohort;
  cohort.write("ana/kafka/productor_inicial.py", starter.str());
  cohort.write("luis/kafka/productor_inicial.py", starter.str() + "\nprint('listo')\n");
  PipelineOptions options;
  options.base = {kFixtures / "base"};
  const auto r = analyze(discover_cohort(cohort.path(), DiscoveryOptions{}).submissions, options);
  const auto found = professor_files(r, "ana");
  REQUIRE(found.size() == 1);
  CHECK(found[0].file == "kafka/productor_inicial.py");
  CHECK(found[0].source.ends_with("base/kafka/productor_inicial.py"));
  CHECK(professor_files(r, "luis").empty());
}
