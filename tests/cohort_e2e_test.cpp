// End to end on fixtures/cohort: the planted copies of labels.json against every innocent pair.
#include <doctest/doctest.h>

#include "huella/evaluation.h"
#include "huella/pipeline.h"

using namespace huella;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(HUELLA_SOURCE_DIR) / "fixtures";

const CohortLabels& labels() {
  static const CohortLabels labels = CohortLabels::load(kFixtures / "cohort" / "labels.json");
  return labels;
}

// The cohort with the assignment's base material, at the default parameters.
const CohortResult& cohort_result() {
  static const CohortResult result = [] {
    PipelineOptions options;
    options.base = {kFixtures / "base"};
    auto cohort = discover_cohort(kFixtures / "cohort", DiscoveryOptions{});
    return analyze(std::move(cohort.submissions), options);
  }();
  return result;
}

const Separation& separation() {
  static const Separation s = measure_separation(cohort_result(), labels());
  return s;
}

const PairResult* find_pair(const std::string& a, const std::string& b) {
  const auto& r = cohort_result();
  for (const auto& p : r.pairs)
    if (ordered_pair(r.submissions[p.a].id, r.submissions[p.b].id) == ordered_pair(a, b)) return &p;
  return nullptr;
}

// In every channel with planted copies, the lowest planted pair outscores the highest innocent.
void check_every_channel_separates(const Separation& s) {
  for (const auto& [name, c] : s.channels) {
    if (c.planted == 0) continue;
    INFO("channel " << name << ": lowest planted " << c.lowest_planted_pair.first << " ~ "
                    << c.lowest_planted_pair.second << " = " << c.lowest_planted
                    << ", highest innocent " << c.highest_innocent_pair.first << " ~ "
                    << c.highest_innocent_pair.second << " = " << c.highest_innocent);
    CHECK(c.margin() > 0);
  }
}

}  // namespace

TEST_CASE("cohort: at least 20 honest submissions and 12 planted copies, all present") {
  std::set<std::string> ids;
  for (const auto& s : cohort_result().submissions) ids.insert(s.id);
  CHECK(labels().planted.size() >= 12);
  CHECK(ids.size() >= 20 + labels().planted.size());
  for (const auto& [pair, channels] : labels().planted) {
    CHECK(ids.contains(pair.first));
    CHECK(ids.contains(pair.second));
  }
}

TEST_CASE("cohort: every planted pair ranks above every innocent pair in its channel") {
  check_every_channel_separates(separation());
}

TEST_CASE("cohort: innocent pairs sharing only the template and boilerplate stay under 0.25") {
  const auto& s = separation();
  INFO(s.highest_innocent_overall_pair.first << " ~ " << s.highest_innocent_overall_pair.second);
  CHECK(s.highest_innocent_overall < 0.25);
  for (const auto& [name, c] : s.channels) {
    INFO("channel " << name << ": " << c.highest_innocent_pair.first << " ~ "
                    << c.highest_innocent_pair.second);
    CHECK(c.highest_innocent < 0.5);
  }
}

TEST_CASE("cohort: every planted copy at levels L1 to L6 reaches 0.25 in a channel it copies") {
  const std::set<std::string> token_levels = {"L1", "L2", "L3", "L4", "L5", "L6"};
  for (const auto& [pair, channels] : labels().planted) {
    const auto& levels = labels().levels.at(pair);
    if (!std::includes(token_levels.begin(), token_levels.end(), levels.begin(), levels.end()))
      continue;
    const auto* p = find_pair(pair.first, pair.second);
    double best = 0;
    if (p != nullptr)
      for (const Channel c : kTextChannels)
        if (channels.contains(std::string(channel_name(c))))
          best = std::max(best, p->channels[channel_index(c)].similarity);
    INFO(pair.first << " ~ " << pair.second);
    CHECK(best >= 0.25);
  }
}

TEST_CASE("cohort: a submission handed in again with the template filled scores at least 0.95") {
  const auto* p = find_pair("castro_sofia", "mora_diego");
  REQUIRE(p != nullptr);
  CHECK(p->overall.similarity >= 0.95);
}

TEST_CASE("cohort: verbatim copied files cover the copier's code, with fragments on both sides") {
  const auto* p = find_pair("alvarez_lucia", "king_lorena");  // king copied only the kafka module
  REQUIRE(p != nullptr);
  const auto& code = p->channels[channel_index(Channel::code)];
  CHECK(std::max(code.coverage_a, code.coverage_b) >= 0.95);
  REQUIRE(p->fragments_computed);
  REQUIRE_FALSE(p->fragments.empty());
  const auto& f = p->fragments.front();
  const auto& r = cohort_result();
  CHECK(r.submissions[p->a].files[f.a_file].path == r.submissions[p->b].files[f.b_file].path);
  CHECK(f.a_first_line == f.b_first_line);
}

TEST_CASE("cohort: a copy hidden with zero-width characters and homoglyphs still matches whole") {
  const auto* p = find_pair("pena_lucas", "suarez_julia");
  REQUIRE(p != nullptr);
  CHECK(p->channels[channel_index(Channel::prose)].similarity >= 0.95);
  for (const auto& s : cohort_result().submissions)
    if (s.id == "pena_lucas")
      for (const auto& f : s.files)
        if (f.path == "PROMPTS.md") CHECK(f.invisible_chars > 100);
}

TEST_CASE("cohort: the template handed in unfilled is nearly all template text; filled ones are not") {
  for (const auto& s : cohort_result().submissions)
    for (const auto& f : s.files) {
      if (f.path != "PROMPTS.md" || f.tokens == 0) continue;
      const double share = static_cast<double>(f.base_tokens) / f.tokens;
      INFO(s.id << " template share " << share);
      if (s.id == "rios_marina")
        CHECK(share >= 0.9);
      else
        CHECK(share < 0.6);
    }
}

TEST_CASE("cohort: TF-IDF cosine ranks every planted pair above every innocent pair too") {
  check_every_channel_separates(measure_separation(cohort_result(), labels(), Measure::cosine));
}

TEST_CASE("cohort: honest PROMPTS.md on the same template stay under 0.25 on both measures") {
  for (const auto measure : {Measure::similarity, Measure::cosine}) {
    const auto& prose = measure_separation(cohort_result(), labels(), measure).channels.at("prose");
    INFO(prose.highest_innocent_pair.first << " ~ " << prose.highest_innocent_pair.second);
    CHECK(prose.highest_innocent < 0.25);
  }
}

TEST_CASE("cohort: a light paraphrase is caught by the cosine, well above the honest pairs") {
  const auto* p = find_pair("ortega_simon", "torres_mateo");
  REQUIRE(p != nullptr);
  CHECK(p->channels[channel_index(Channel::prose)].cosine >= 0.4);
}

TEST_CASE("cohort: a copied reflection under one's own prompts shows as a section match") {
  const auto* p = find_pair("nunez_carolina", "yanez_rocio");
  REQUIRE(p != nullptr);
  REQUIRE(p->fragments_computed);
  int reflections = 0;
  for (const auto& s : p->sections) {
    CHECK(s.title.find("Parte 3: Reflexion") == 0);
    CHECK(s.coverage >= 0.9);
    ++reflections;
  }
  CHECK(reflections == 2);  // one on each side
}

TEST_CASE("cohort: the unfilled template is a finding; filled documents are not") {
  for (const auto& s : cohort_result().submissions) {
    bool unfilled = false;
    for (const auto& f : s.findings) unfilled |= f.kind == "unfilled_template";
    INFO(s.id);
    CHECK(unfilled == (s.id == "rios_marina"));
  }
}

TEST_CASE("cohort: literal values rank every planted code copy, assistant rewrites included, first") {
  const auto& r = cohort_result();
  double lowest_planted = 1, highest_innocent = 0;
  for (const auto& p : r.pairs) {
    const auto key = ordered_pair(r.submissions[p.a].id, r.submissions[p.b].id);
    const double score = p.channels[channel_index(Channel::code)].literals;
    const auto planted = labels().planted.find(key);
    if (planted != labels().planted.end() && planted->second.contains("code"))
      lowest_planted = std::min(lowest_planted, score);
    else if (labels().innocent(key))
      highest_innocent = std::max(highest_innocent, score);
  }
  for (const auto& [pair, channels] : labels().planted)
    if (channels.contains("code")) CHECK(find_pair(pair.first, pair.second) != nullptr);
  INFO("lowest planted " << lowest_planted << ", highest innocent " << highest_innocent);
  CHECK(lowest_planted > highest_innocent);
}

TEST_CASE("cohort: prose hidden as base64 is decoded, reported and compared") {
  const auto* p = find_pair("quiroga_elena", "vera_tomas");
  REQUIRE(p != nullptr);
  bool decoded_fragment = false;
  const auto& r = cohort_result();
  const auto& vera = r.submissions[p->a].id == "vera_tomas" ? r.submissions[p->a] : r.submissions[p->b];
  for (const auto& f : p->fragments) {
    const auto& file = vera.id == r.submissions[p->a].id ? vera.files[f.a_file] : vera.files[f.b_file];
    decoded_fragment |= file.hidden_in == "PROMPTS.md" && f.tokens > 100;
  }
  CHECK(decoded_fragment);
  bool reported = false;
  for (const auto& finding : vera.findings) reported |= finding.kind == "hidden_text" && finding.file == "PROMPTS.md";
  CHECK(reported);
}
