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

TEST_CASE("cohort: the template handed in unfilled is nearly all template text, filled ones are not") {
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
    const auto separation = measure_separation(cohort_result(), labels(), measure);
    const auto& prose = separation.channels.at("prose");
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

TEST_CASE("cohort: the unfilled template is a finding, filled documents are not") {
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

namespace {

// The verdict of pair (a, b), or none when it is not listed.
const PairVerdict* find_verdict(const std::string& a, const std::string& b) {
  const auto* pair = find_pair(a, b);
  return pair == nullptr ? nullptr : &cohort_result().verdicts[pair - cohort_result().pairs.data()];
}

SubmissionPair ids_of(const PairResult& p) {
  const auto& r = cohort_result();
  return ordered_pair(r.submissions[p.a].id, r.submissions[p.b].id);
}

}  // namespace

TEST_CASE("verdict: every planted copy is flagged, every innocent pair stays original") {
  const auto& r = cohort_result();
  REQUIRE(r.verdicts.size() == r.pairs.size());
  double lowest_flagged_copy = 1;
  for (std::size_t i = 0; i < r.pairs.size(); ++i) {
    const auto key = ids_of(r.pairs[i]);
    INFO(key.first << " ~ " << key.second << " scores " << r.verdicts[i].score);
    if (labels().innocent(key)) CHECK(r.verdicts[i].verdict == Verdict::original);
    if (labels().planted.contains(key) && !labels().rewritten.contains(key)) {
      CHECK(r.verdicts[i].verdict >= Verdict::similar_parcial);
      lowest_flagged_copy = std::min(lowest_flagged_copy, r.verdicts[i].score);
    }
  }
  for (const auto& [key, channels] : labels().planted) {
    INFO(key.first << " ~ " << key.second);
    CHECK((labels().rewritten.contains(key) || find_verdict(key.first, key.second) != nullptr));
  }
  CHECK(lowest_flagged_copy >= 0.25);
}

TEST_CASE("verdict: the whole submission handed in again is a copia, one copied channel is not") {
  CHECK(find_verdict("castro_sofia", "mora_diego")->verdict == Verdict::copia);
  CHECK(find_verdict("fernandez_diego", "medina_ana")->verdict == Verdict::muy_similar);
}

TEST_CASE("verdict: pairs are ranked by score, and assistant rewrites rank above every innocent pair") {
  const auto& r = cohort_result();
  for (std::size_t i = 1; i < r.verdicts.size(); ++i) CHECK(r.verdicts[i - 1].score >= r.verdicts[i].score);
  double highest_innocent = 0;
  for (std::size_t i = 0; i < r.pairs.size(); ++i)
    if (labels().innocent(ids_of(r.pairs[i]))) highest_innocent = std::max(highest_innocent, r.verdicts[i].score);
  for (const auto& key : labels().rewritten) {
    const auto* v = find_verdict(key.first, key.second);
    REQUIRE(v != nullptr);
    INFO(key.first << " ~ " << key.second << " scores " << v->score << ", highest innocent " << highest_innocent);
    CHECK(v->score > highest_innocent);
  }
}

TEST_CASE("verdict: reasons name the copied section, the shared screenshots and the rewritten literals") {
  const auto has_reason = [](const PairVerdict* v, Reason::Kind kind, const std::string& subject) {
    REQUIRE(v != nullptr);
    return std::any_of(v->reasons.begin(), v->reasons.end(), [&](const Reason& r) {
      return r.kind == kind && r.subject.find(subject) != std::string::npos;
    });
  };
  CHECK(has_reason(find_verdict("nunez_carolina", "yanez_rocio"), Reason::Kind::section, "Parte 3: Reflexion"));
  CHECK(has_reason(find_verdict("molina_teo", "vargas_andres"), Reason::Kind::images, ""));
  CHECK(has_reason(find_verdict("ibarra_daniela", "paredes_hugo"), Reason::Kind::literals, ""));
  CHECK(has_reason(find_verdict("castro_sofia", "mora_diego"), Reason::Kind::fingerprints, ""));
  CHECK(has_reason(find_verdict("pena_lucas", "suarez_julia"), Reason::Kind::finding, "invisible_characters"));
}

TEST_CASE("verdict: clusters join the students of one copy chain, and only flagged pairs join") {
  const auto& r = cohort_result();
  const auto cluster_of = [&](const std::string& id) -> const Cluster* {
    for (const auto& c : r.clusters)
      for (const auto m : c.members)
        if (r.submissions[m].id == id) return &c;
    return nullptr;
  };
  const auto* chain = cluster_of("castro_sofia");
  REQUIRE(chain != nullptr);
  CHECK(chain == cluster_of("mora_diego"));
  CHECK(chain == cluster_of("lopez_raul"));
  CHECK(chain->verdict == Verdict::copia);
  CHECK(cluster_of("soto_pedro") == nullptr);  // the hard negative joins nobody
  for (const auto& c : r.clusters)
    for (const auto p : c.pairs) CHECK(r.verdicts[p].verdict >= Verdict::similar_parcial);
}
