#include <doctest/doctest.h>

#include "huella/verdict.h"

using namespace huella;

TEST_CASE("bands follow the course policy, a score at a bound in the higher band") {
  const VerdictBands policy;
  CHECK(band_of(0.0, policy) == Verdict::original);
  CHECK(band_of(0.2499, policy) == Verdict::original);
  CHECK(band_of(0.25, policy) == Verdict::similar_parcial);
  CHECK(band_of(0.4999, policy) == Verdict::similar_parcial);
  CHECK(band_of(0.50, policy) == Verdict::muy_similar);
  CHECK(band_of(0.7999, policy) == Verdict::muy_similar);
  CHECK(band_of(0.80, policy) == Verdict::copia);
  CHECK(band_of(1.0, policy) == Verdict::copia);
  CHECK(verdict_name(Verdict::muy_similar) == "muy_similar");
}

TEST_CASE("bands are configurable") {
  const VerdictBands strict{0.1, 0.2, 0.3};
  CHECK(band_of(0.15, strict) == Verdict::similar_parcial);
  CHECK(band_of(0.3, strict) == Verdict::copia);
}

namespace {

PairResult pair_of(std::uint32_t a, std::uint32_t b) {
  PairResult p;
  p.a = a;
  p.b = b;
  return p;
}

const std::vector<std::vector<std::string>> kPaths = {{"kafka/productor.py"}, {"kafka/productor.py"},
                                                      {"a.py"}, {"b.py"}};

}  // namespace

TEST_CASE("one channel copied whole scores the channel weight: muy_similar, not copia") {
  auto p = pair_of(0, 1);
  p.channels[channel_index(Channel::code)] = {.similarity = 1.0, .shared = 100, .cosine = 1.0};
  p.overall.similarity = 0.4;
  const ScoreParams params;
  const auto v = judge_pair(p, kPaths, params, VerdictBands{});
  CHECK(v.score == doctest::Approx(params.channel_weight));
  CHECK(v.verdict == Verdict::muy_similar);
  REQUIRE(!v.reasons.empty());
  CHECK(v.reasons.front().kind == Reason::Kind::fingerprints);
  CHECK(v.reasons.front().channel == Channel::code);
}

TEST_CASE("two channels copied whole add up as independent evidence: copia") {
  auto p = pair_of(0, 1);
  p.channels[channel_index(Channel::code)] = {.similarity = 1.0, .shared = 100};
  p.channels[channel_index(Channel::terraform)] = {.similarity = 1.0, .shared = 40};
  const ScoreParams params;
  const auto v = judge_pair(p, kPaths, params, VerdictBands{});
  CHECK(v.score == doctest::Approx(1 - (1 - params.channel_weight) * (1 - params.channel_weight)));
  CHECK(v.verdict == Verdict::copia);
}

TEST_CASE("figures at the innocent level are no evidence, above it they count from the noise up") {
  ScoreParams params;
  auto p = pair_of(0, 1);
  p.channels[channel_index(Channel::code)] = {.similarity = params.noise[0].similarity, .shared = 5,
                                              .literals = params.noise[0].literals};
  auto v = judge_pair(p, kPaths, params, VerdictBands{});
  CHECK(v.score == 0);
  CHECK(v.verdict == Verdict::original);
  CHECK(v.reasons.empty());

  p.channels[channel_index(Channel::code)].literals = 0.6;
  p.channels[channel_index(Channel::code)].literals_shared = params.min_shared_literals;
  v = judge_pair(p, kPaths, params, VerdictBands{});
  const double noise = params.noise[0].literals;
  CHECK(v.score == doctest::Approx(params.literals_weight * (0.6 - noise) / (1 - noise)));
  REQUIRE(v.reasons.size() == 1);
  CHECK(v.reasons[0].kind == Reason::Kind::literals);
  CHECK(v.reasons[0].noise == noise);
}

TEST_CASE("a cosine resting on few shared features counts in proportion to them") {
  const ScoreParams params;
  auto p = pair_of(0, 1);
  auto& config = p.channels[channel_index(Channel::config)];
  config.cosine = 1.0;  // two compose files whose only non-template n-grams are the same three
  config.cosine_shared = 3;
  const double whole = params.channel_weight;
  CHECK(judge_pair(p, kPaths, params, VerdictBands{}).score ==
        doctest::Approx(whole * 3 / params.min_shared_ngrams));
  config.cosine_shared = params.min_shared_ngrams * 2;
  CHECK(judge_pair(p, kPaths, params, VerdictBands{}).score == doctest::Approx(whole));
}

TEST_CASE("the overall similarity is a floor of the score") {
  auto p = pair_of(0, 1);
  p.overall.similarity = 0.9;
  const auto v = judge_pair(p, kPaths, ScoreParams{}, VerdictBands{});
  CHECK(v.score == doctest::Approx(0.9));
  CHECK(v.verdict == Verdict::copia);
  CHECK(v.reasons.front().kind == Reason::Kind::overall);
}

TEST_CASE("a copied section, shared screenshots and the longest fragment are reasons") {
  auto p = pair_of(0, 1);
  p.sections.push_back({.in_b = true, .file = 0, .title = "Parte 3: Reflexion", .first_line = 40,
                        .last_line = 60, .fingerprints = 30, .coverage = 0.92});
  p.channels[channel_index(Channel::images)] = {.similarity = 0.75, .shared = 3};
  p.fragments_computed = true;
  p.fragments.push_back({.channel = Channel::code, .a_file = 0, .b_file = 0, .tokens = 120});
  const ScoreParams params;
  const auto v = judge_pair(p, kPaths, params, VerdictBands{});
  const double section = params.section_weight * 0.92, images = params.images_weight * 0.75;
  CHECK(v.score == doctest::Approx(1 - (1 - section) * (1 - images)));
  REQUIRE(v.reasons.size() == 3);
  CHECK(v.reasons[0].kind == Reason::Kind::section);
  CHECK(v.reasons[0].subject == "Parte 3: Reflexion");
  CHECK(v.reasons[0].side == 'b');
  CHECK(v.reasons[1].kind == Reason::Kind::images);
  CHECK(v.reasons[1].count == 3);
  CHECK(v.reasons[2].kind == Reason::Kind::fragment);
  CHECK(v.reasons[2].subject == "kafka/productor.py");
}

TEST_CASE("rank_by_score keeps each verdict with its pair") {
  std::vector<PairResult> pairs = {pair_of(0, 1), pair_of(2, 3)};
  std::vector<PairVerdict> verdicts = {{.score = 0.3}, {.score = 0.9}};
  rank_by_score(pairs, verdicts);
  CHECK(pairs[0].a == 2);
  CHECK(verdicts[0].score == 0.9);
  CHECK(pairs[1].a == 0);
}

TEST_CASE("clusters join flagged pairs transitively and leave unflagged pairs out") {
  const std::vector<PairResult> pairs = {pair_of(0, 1), pair_of(1, 2), pair_of(3, 4), pair_of(2, 5)};
  const std::vector<PairVerdict> verdicts = {{.score = 0.9, .verdict = Verdict::copia},
                                             {.score = 0.3, .verdict = Verdict::similar_parcial},
                                             {.score = 0.6, .verdict = Verdict::muy_similar},
                                             {.score = 0.1, .verdict = Verdict::original}};
  const auto clusters = cluster_pairs(pairs, verdicts);
  REQUIRE(clusters.size() == 2);
  CHECK(clusters[0].members == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(clusters[0].pairs == std::vector<std::size_t>{0, 1});
  CHECK(clusters[0].verdict == Verdict::copia);
  CHECK(clusters[1].members == std::vector<std::uint32_t>{3, 4});
  CHECK(cluster_pairs(pairs, verdicts, Verdict::copia).size() == 1);
}

TEST_CASE("verdict names read back") {
  CHECK(verdict_from_name("copia") == Verdict::copia);
  CHECK(verdict_from_name("similar_parcial") == Verdict::similar_parcial);
  CHECK(verdict_from_name("nonsense") == Verdict::original);
}
